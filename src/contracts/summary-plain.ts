import { sectionNumbers } from './common/section-numbers';
import type { PlainDocument } from './common/share';
import type { Run, SummaryContent } from './reports';

const textOf = (runs: Run[]) => runs.map((r) => (r.kind === 'text' ? r.text : r.display)).join('');

/**
 * A work summary as plain prose, for a shared link and its image: numbered as exported, figures as they
 * read (no provenance, no record behind them), the plan as a numbered list, signed by its unit.
 */
export const plainSummary = (
  content: SummaryContent,
  orgUnitName: string,
  fallbackTitle = '',
): PlainDocument => {
  const numbers = sectionNumbers(content.sections);
  return {
    title: content.title || fallbackTitle,
    subtitle: null,
    sections: content.sections.map((section, i) => ({
      heading: section.key === 'opening' ? null : `${numbers[i] ?? ''}${section.heading}`,
      paragraphs:
        section.key === 'plan'
          ? content.planItems.map((p, n) => `${n + 1}. ${p.text}`)
          : section.paragraphs.map((p) => textOf(p.runs)).filter((p) => p.trim() !== ''),
    })),
    signature: [orgUnitName],
  };
};
