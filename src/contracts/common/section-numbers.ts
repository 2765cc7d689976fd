import { chineseNumeral } from './period';

/** The number shown before each heading of a summary: the opening paragraph has none, the rest count 一、二、三 … */
export const sectionNumbers = (sections: { key: string }[]): (string | null)[] => {
  let n = 0;
  return sections.map((s) => (s.key === 'opening' ? null : `${chineseNumeral(++n)}、`));
};
