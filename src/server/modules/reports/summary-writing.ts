import { activityDatesZh } from '../../../contracts/activities';
import { quoted } from '../../../contracts/common/quoted';
import type {
  FigureRun,
  FigureValue,
  Period,
  Run,
  SummaryParagraph,
  SummarySection,
  SummarySectionKey,
  SummaryStyle,
} from '../../../contracts/reports';
import { type FigureSpec, specId } from '../../kernel/indicators/indicator-reader';
import { chineseNumeral } from './periods';
import { displayFigure } from './summary-format';

/**
 * The writing kit of the summary: clauses of figures, sentences, 一是/二是 points, sections. Every
 * number a builder writes goes through `clause` as a figure run read from an indicator, so the text
 * can never carry a number that is not traceable; names and dates come from the records behind them.
 */

/** A record named in the text (an activity, a new site, a unit founded), from an indicator's drill-down. */
export type RecordRef = {
  id: string;
  label: string;
  orgUnitName: string;
  date: string | null;
  dateTo?: string | null;
  /** The record's type (its indicator's first single-valued dimension), e.g. the kind of a unit founded. */
  type?: { value: string } | null;
};

/** A group of an indicator's dimension that has records in the period, with its configured label. */
export type Group = { code: string; label: string; value: number };

/** Which period a figure is read for: the document's, or the same-length period before (for comparisons). */
export type Which = 'current' | 'previous';

export type WritingContext = {
  orgUnitId: string;
  style: SummaryStyle;
  /** A stable seed for the choice of words (unit and period), so a regeneration writes the same text. */
  seed: string;
  lookup: (spec: FigureSpec, which?: Which) => FigureValue | undefined;
};

export type Part = string | FigureSpec | { spec: FigureSpec; which: Which };

export const s = (indicatorKey: string, filters?: Record<string, string>): FigureSpec =>
  filters ? { indicatorKey, filters } : { indicatorKey };

export const previous = (spec: FigureSpec) => ({ spec, which: 'previous' as const });

export const figureRun = (f: WritingContext, spec: FigureSpec, v: FigureValue): FigureRun => ({
  kind: 'figure',
  id: `${specId(spec)}@${v.source.period.from}..${v.source.period.to}@${f.orgUnitId}`,
  value: v.value,
  display: displayFigure(v.value, f.style),
  indicatorKey: spec.indicatorKey,
  filters: spec.filters ?? {},
  period: v.source.period,
  orgUnitId: f.orgUnitId,
});

/** A figure's value, or 0 when it is not available. */
export const figureValue = (f: WritingContext, spec: FigureSpec, which: Which = 'current') =>
  f.lookup(spec, which)?.value ?? 0;

/** A clause such as 开展宣讲{n}场次: null when any of its figures is zero or not available. */
export const clause = (f: WritingContext, ...parts: Part[]): Run[] | null => {
  const runs: Run[] = [];
  for (const p of parts) {
    if (typeof p === 'string') {
      if (p) runs.push({ kind: 'text', text: p });
      continue;
    }
    const [spec, which] = 'spec' in p ? [p.spec, p.which] : [p, 'current' as const];
    const v = f.lookup(spec, which);
    if (!v || v.value === 0) return null;
    runs.push(figureRun(f, spec, v));
  }
  return runs;
};

/** `base` followed by `extra` when `extra` has a figure (e.g. “、参与{n}人次” after a count of sessions). */
export const withOptional = (base: Run[] | null, extra: Run[] | null): Run[] | null =>
  base ? [...base, ...(extra ?? [])] : null;

export const text = (t: string): Run[] => [{ kind: 'text', text: t }];

export const merge = (runs: Run[]): Run[] => {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (r.kind === 'text' && last?.kind === 'text')
      out[out.length - 1] = { kind: 'text', text: last.text + r.text };
    else if (r.kind !== 'text' || r.text) out.push(r);
  }
  return out;
};

/** `lead` + the clauses that have figures, joined by `sep`, + `end`; null if none has. */
export const sentence = (lead: string, clauses: (Run[] | null)[], sep = '，', end = '。'): Run[] | null => {
  const present = clauses.filter((c): c is Run[] => !!c && c.length > 0);
  if (present.length === 0) return null;
  const runs: Run[] = [{ kind: 'text', text: lead }];
  present.forEach((c, n) => {
    if (n > 0) runs.push({ kind: 'text', text: sep });
    runs.push(...c);
  });
  runs.push({ kind: 'text', text: end });
  return runs;
};

/** The sentences that are present, one after another; null if none is. */
export const sentences = (...xs: (Run[] | null | false | undefined)[]): Run[] | null => {
  const present = xs.filter((x): x is Run[] => !!x && x.length > 0);
  return present.length ? present.flat() : null;
};

/** A paragraph of the sentences that have figures; null if none has. `prose` sentences carry no number. */
export const paragraph = (
  id: string,
  parts: (Run[] | null | false | undefined)[],
  prose?: string,
): SummaryParagraph | null => {
  const present = parts.filter((x): x is Run[] => !!x && x.length > 0);
  if (present.length === 0) return null;
  const runs = merge([...(prose ? [{ kind: 'text' as const, text: prose }] : []), ...present.flat()]);
  return { id, runs, isEdited: false };
};

/**
 * A section the way a summary writes one: a lead that says what the work is for, then its points as
 * 一是……  二是…… paragraphs (numbered after the empty ones are left out). A single point joins the lead.
 * Null when no point has a figure: a section is never only words.
 */
export const pointsSection = (
  key: SummarySectionKey,
  heading: string,
  lead: string,
  points: { id: string; runs: Run[] | null }[],
): SummarySection | null => {
  const present = points.filter((p): p is { id: string; runs: Run[] } => !!p.runs && p.runs.length > 0);
  if (present.length === 0) return null;
  const paragraphs: SummaryParagraph[] =
    present.length === 1
      ? [{ id: present[0].id, runs: merge([...text(lead), ...present[0].runs]), isEdited: false }]
      : [
          { id: `${key}-lead`, runs: text(lead), isEdited: false },
          ...present.map((p, n) => ({
            id: p.id,
            runs: merge([...text(`${chineseNumeral(n + 1)}是`), ...p.runs]),
            isEdited: false,
          })),
        ];
  return { id: `s-${key}`, key, heading, paragraphs, isEdited: false };
};

/** 3月8日, 6月1日至3日, 6月28日至7月2日 (the year is the document's and is not repeated). */
export const dateText = (from: string | null, to?: string | null) => (from ? activityDatesZh(from, to) : '');

/** A record's name as a summary gives it: the unit's name first unless the title already says it. */
export const recordName = (r: RecordRef, ownUnit?: string) =>
  r.orgUnitName === ownUnit || r.label.includes(r.orgUnitName.replace(/妇联$/, ''))
    ? quoted(r.label)
    : `${r.orgUnitName}${quoted(r.label)}`;

/**
 * “A”、“B” … — a name given twice (the same activity held again) is said once, and one title held by
 * several units is named once after them (新塘村、北山村“巾帼志愿者村居环境整治”).
 */
export const names = (records: RecordRef[], ownUnit?: string) => {
  const byLabel = new Map<string, RecordRef[]>();
  for (const r of records) byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), r]);
  return [...byLabel.values()]
    .map((rs) => {
      const units = [...new Set(rs.map((r) => r.orgUnitName))];
      if (units.length === 1) return recordName(rs[0], ownUnit);
      return `${units.map((u) => u.replace(/妇联$/, '')).join('、')}${quoted(rs[0].label)}`;
    })
    .join('、');
};

/** Plain names joined with 、 (units, sites), each said once. */
export const plainNames = (xs: string[]) => [...new Set(xs)].join('、');

/**
 * One of several wordings, chosen by a stable hash of the seed and the place in the text: the same
 * unit and period always read the same, different sections and documents vary.
 */
export const pick = <T>(f: Pick<WritingContext, 'seed'>, where: string, options: readonly T[]): T => {
  let h = 2166136261;
  for (const ch of `${f.seed}|${where}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 16777619);
  }
  return options[(h >>> 0) % options.length];
};

/** A list of groups as a summary names them: all of them up to `max`, then “等N项”. */
export const listed = <T>(xs: T[], max: number) => ({
  shown: xs.slice(0, max),
  rest: Math.max(0, xs.length - max),
});

export type { Period };

export { quoted };
