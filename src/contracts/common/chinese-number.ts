const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (section numbers of a summary; at most 40). */
export const chineseNumber = (n: number): string => {
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones ? digits[ones] : ''}`;
};

/** The number shown before each heading: the opening paragraph has none, the rest count 一、二、三 … */
export const sectionNumbers = (sections: { key: string }[]): (string | null)[] => {
  let n = 0;
  return sections.map((s) => (s.key === 'opening' ? null : `${chineseNumber(++n)}、`));
};
