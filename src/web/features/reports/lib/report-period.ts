import type { ReportPeriodType } from '../../../../contracts/reports';

/** How many periods of this type a year has (month 12, quarter 4, half 2, year 1). */
export const periodCount = (type: ReportPeriodType): number =>
  ({ month: 12, quarter: 4, halfYear: 2, year: 1 })[type];

/** The period of this type that holds the given month (1–12). */
export const indexForMonth = (type: ReportPeriodType, month: number): number =>
  type === 'month'
    ? month
    : type === 'quarter'
      ? Math.ceil(month / 3)
      : type === 'halfYear'
        ? Math.ceil(month / 6)
        : 1;

const cn = ['一', '二', '三', '四'];

/** The label of a period index: 3月, 第一季度, 上半年. */
export const periodIndexLabel = (type: ReportPeriodType, index: number, isEn = false): string => {
  if (isEn) {
    if (type === 'month') return `Month ${index}`;
    if (type === 'quarter') return `Q${index}`;
    if (type === 'halfYear') return index === 1 ? 'H1' : 'H2';
    return 'Year';
  }
  if (type === 'month') return `${index}月`;
  if (type === 'quarter') return `第${cn[index - 1]}季度`;
  if (type === 'halfYear') return index === 1 ? '上半年' : '下半年';
  return '全年';
};
