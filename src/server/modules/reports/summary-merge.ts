import type {
  ChangedFigure,
  FigureRun,
  RegenerateMode,
  Run,
  SummaryContent,
  SummaryKind,
  SummaryParagraph,
  SummarySection,
  SummaryStyle,
} from '../../../contracts/reports';
import { AppError } from '../../kernel/http/errors';
import { displayFigure, type IsStock, roundingFor } from './summary-format';
import { buildPlan, figuresOf, paragraphText } from './summary-sections';

const mapFigures = (content: SummaryContent, f: (r: FigureRun) => FigureRun): SummaryContent => ({
  ...content,
  sections: content.sections.map((sec) => ({
    ...sec,
    paragraphs: sec.paragraphs.map((p) => ({
      ...p,
      runs: p.runs.map((r) => (r.kind === 'figure' ? f(r) : r)),
    })),
  })),
});

/** A figure with a rounding, its display following. */
const rounded = (r: FigureRun, rounding: FigureRun['rounding']): FigureRun =>
  rounding ? { ...r, rounding, display: displayFigure(r.value, rounding) } : r;

/** The document style applied to all figures (`mixed`: each its default), every chip's own choice reset. */
export const restyle = (content: SummaryContent, style: SummaryStyle, isStock: IsStock): SummaryContent =>
  mapFigures(content, (r) => rounded(r, roundingFor(style, r.value, isStock(r.indicatorKey))));

/**
 * The plan section always follows the plan items and goes last; without items, the plan drafted from
 * the year's gaps (if any) stays as drafted and edited.
 */
export const withPlan = (content: SummaryContent, kind: SummaryKind): SummaryContent => {
  const plan = buildPlan(kind, content.planItems) ?? content.sections.find((s) => s.key === 'plan');
  return {
    ...content,
    sections: [...content.sections.filter((s) => s.key !== 'plan'), ...(plan ? [plan] : [])],
  };
};

/**
 * A saved edit. Figures cannot be typed: every figure run must be one the stored document holds
 * (matched by id) and takes its value, display and provenance from there. A paragraph whose text
 * differs from the stored one is marked edited, so a regeneration keeps it.
 */
export const applyEdit = (
  stored: SummaryContent,
  input: SummaryContent,
  kind: SummaryKind,
  /** Set when she chose another document style: applied to every figure. */
  restyleTo?: { style: SummaryStyle; isStock: IsStock },
): SummaryContent => {
  const known = figuresOf(stored);
  const storedParas = new Map<string, SummaryParagraph>();
  const storedSections = new Map<string, SummarySection>();
  for (const sec of stored.sections) {
    storedSections.set(sec.id, sec);
    for (const p of sec.paragraphs) storedParas.set(p.id, p);
  }
  const sections = input.sections
    .filter((sec) => sec.key !== 'plan')
    .map((sec): SummarySection => {
      const before = storedSections.get(sec.id);
      const paragraphs = sec.paragraphs.map((p): SummaryParagraph => {
        const runs: Run[] = p.runs.map((r) => {
          if (r.kind === 'text') return r;
          const k = known.get(r.id);
          if (!k) {
            throw new AppError(
              'VALIDATION_FAILED',
              '总结中的数字来自台账统计，不能手工添加，请在文字中直接书写',
              [{ field: 'content', message: `未知的统计数字：${r.id}` }],
            );
          }
          // Her choice of 精确/约数 for this chip is kept; the number and its display are the stored ones.
          return rounded({ ...k, changed: r.changed ? k.changed : null }, r.rounding ?? k.rounding);
        });
        const old = storedParas.get(p.id);
        const next = { ...p, runs };
        const isEdited = p.isEdited || !old || old.isEdited || paragraphText(old) !== paragraphText(next);
        return { ...next, isEdited };
      });
      const isEdited =
        sec.isEdited ||
        !before ||
        before.heading !== sec.heading ||
        paragraphs.some((p) => p.isEdited) ||
        paragraphs.length !== before.paragraphs.length;
      return { ...sec, paragraphs, isEdited };
    });
  const edited = { title: input.title, sections, planItems: input.planItems };
  return withPlan(restyleTo ? restyle(edited, restyleTo.style, restyleTo.isStock) : edited, kind);
};

/**
 * Regeneration: the fresh draft, with her edits kept. Sections and paragraphs she edited stay as
 * she wrote them — with `keepEdits` their numbers stay too, with `refreshFigures` they take the
 * current counts — and every number that differs from the previous version is flagged.
 * `discardEdits` takes the fresh draft whole (her title and plan items kept).
 */
export const mergeRegenerated = (
  previous: SummaryContent,
  draft: SummaryContent,
  current: Map<string, FigureRun>,
  mode: RegenerateMode,
  kind: SummaryKind,
): { content: SummaryContent; changed: ChangedFigure[] } => {
  const changed: ChangedFigure[] = [];
  const prevFigures = figuresOf(previous);
  const flagFresh = (sec: SummarySection, p: SummaryParagraph): SummaryParagraph => ({
    ...p,
    runs: p.runs.map((r) => {
      if (r.kind !== 'figure') return r;
      const before = prevFigures.get(r.id);
      // A figure she switched to 精确 or 约数 keeps her choice.
      const fresh = rounded(r, before?.rounding ?? r.rounding);
      if (!before || before.value === r.value) return fresh;
      changed.push({
        figureId: r.id,
        sectionHeading: sec.heading,
        indicatorKey: r.indicatorKey,
        previousValue: before.value,
        currentValue: r.value,
        isUpdated: true,
      });
      return { ...fresh, changed: { previousValue: before.value, currentValue: r.value, isUpdated: true } };
    }),
  });
  const keepEdited = (sec: SummarySection, p: SummaryParagraph): SummaryParagraph => ({
    ...p,
    runs: p.runs.map((r) => {
      if (r.kind !== 'figure') return r;
      const now = current.get(r.id);
      if (!now || now.value === r.value) return { ...r, changed: null };
      const isUpdated = mode === 'refreshFigures';
      changed.push({
        figureId: r.id,
        sectionHeading: sec.heading,
        indicatorKey: r.indicatorKey,
        previousValue: r.value,
        currentValue: now.value,
        isUpdated,
      });
      const flag = { previousValue: r.value, currentValue: now.value, isUpdated };
      return isUpdated
        ? { ...rounded(now, r.rounding ?? now.rounding), changed: flag }
        : { ...r, changed: flag };
    }),
  });

  if (mode === 'discardEdits') {
    const sections = draft.sections
      .filter((s) => s.key !== 'plan')
      .map((sec) => ({
        ...sec,
        paragraphs: sec.paragraphs.map((p) => flagFresh(sec, p)),
      }));
    return {
      content: withPlan({ title: previous.title, sections, planItems: previous.planItems }, kind),
      changed,
    };
  }

  const prevSections = new Map(previous.sections.map((s) => [s.id, s]));
  const draftIds = new Set(draft.sections.map((s) => s.id));
  const sections: SummarySection[] = [];
  const mergeSection = (
    fresh: SummarySection | undefined,
    old: SummarySection | undefined,
  ): SummarySection | null => {
    if (!fresh && old) {
      // Gone from the draft (its figures are now zero): kept only if she edited it.
      if (!old.isEdited) return null;
      return { ...old, paragraphs: old.paragraphs.map((p) => keepEdited(old, p)) };
    }
    if (!fresh) return null;
    if (!old) return { ...fresh, paragraphs: fresh.paragraphs.map((p) => flagFresh(fresh, p)) };
    const oldParas = new Map(old.paragraphs.map((p) => [p.id, p]));
    const freshIds = new Set(fresh.paragraphs.map((p) => p.id));
    const paragraphs: SummaryParagraph[] = [];
    for (const p of fresh.paragraphs) {
      const o = oldParas.get(p.id);
      paragraphs.push(o?.isEdited ? keepEdited(old, o) : flagFresh(fresh, p));
    }
    // Paragraphs she added or edited that the draft no longer has, in their old place.
    old.paragraphs.forEach((o, n) => {
      if (freshIds.has(o.id) || !o.isEdited) return;
      const prevId = old.paragraphs[n - 1]?.id;
      const at = prevId ? paragraphs.findIndex((x) => x.id === prevId) + 1 : 0;
      paragraphs.splice(at, 0, keepEdited(old, o));
    });
    return {
      ...fresh,
      heading: old.isEdited ? old.heading : fresh.heading,
      paragraphs,
      isEdited: old.isEdited,
    };
  };
  for (const fresh of draft.sections) {
    if (fresh.key === 'plan') continue;
    const merged = mergeSection(fresh, prevSections.get(fresh.id));
    if (merged) sections.push(merged);
  }
  previous.sections.forEach((old, n) => {
    if (old.key === 'plan' || draftIds.has(old.id)) return;
    const merged = mergeSection(undefined, old);
    if (!merged) return;
    const prevId = previous.sections[n - 1]?.id;
    const at = prevId ? sections.findIndex((x) => x.id === prevId) + 1 : 0;
    sections.splice(at, 0, merged);
  });
  return {
    content: withPlan({ title: previous.title, sections, planItems: previous.planItems }, kind),
    changed,
  };
};
