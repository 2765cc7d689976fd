import type { FigureRun, Run, SummaryContent } from '../../../../contracts/reports';

export { chineseNumeral as chineseNumber } from '../../../../contracts/common/period';
export { sectionNumbers } from '../../../../contracts/common/section-numbers';

/** Adjacent text runs joined, empty ones dropped: what a paragraph's DOM reads back as. */
export const normalizeRuns = (runs: Run[]): Run[] => {
  const out: Run[] = [];
  for (const r of runs) {
    if (r.kind === 'text') {
      if (!r.text) continue;
      const last = out[out.length - 1];
      if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + r.text };
      else out.push({ kind: 'text', text: r.text });
    } else out.push(r);
  }
  return out;
};

/** The paragraph as plain text (figures as they read). */
export const runsText = (runs: Run[]): string =>
  runs.map((r) => (r.kind === 'text' ? r.text : r.display)).join('');

/** Same prose and the same figures in the same places. */
export const sameRuns = (a: Run[], b: Run[]): boolean => {
  const x = normalizeRuns(a);
  const y = normalizeRuns(b);
  return (
    x.length === y.length &&
    x.every((r, i) => {
      const s = y[i];
      return r.kind === 'text'
        ? s.kind === 'text' && s.text === r.text
        : s.kind === 'figure' && s.id === r.id;
    })
  );
};

/** Every figure run of the document, in reading order. */
export const figuresOf = (content: SummaryContent): FigureRun[] =>
  content.sections.flatMap((s) =>
    s.paragraphs.flatMap((p) => p.runs.filter((r): r is FigureRun => r.kind === 'figure')),
  );

/** Figures a regeneration flagged (the records now give another number). */
export const changedFiguresOf = (content: SummaryContent): FigureRun[] =>
  figuresOf(content).filter((f) => f.changed);

/** A fresh id for a paragraph, section or plan item made in the browser (unique enough within one document). */
export const newId = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
