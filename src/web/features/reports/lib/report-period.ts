import { periodIndexLabelZh, periodIndexOfMonth, periodsPerYear } from '../../../../contracts/common/period';
import type { ReportPeriodType } from '../../../../contracts/reports';

/** How many periods of this type a year has (month 12, quarter 4, half 2, year 1). */
export const periodCount = (type: ReportPeriodType): number => periodsPerYear(type);

/** The period of this type that holds the given month (1–12). */
export const indexForMonth = (type: ReportPeriodType, month: number): number =>
  periodIndexOfMonth(type, month);

/** The label of a period index: 3月, 第一季度, 上半年 (zh-CN from the period type). */
export const periodIndexLabel = (type: ReportPeriodType, index: number, isEn = false): string => {
  if (!isEn) return periodIndexLabelZh(type, index);
  if (type === 'month') return `Month ${index}`;
  if (type === 'quarter') return `Q${index}`;
  if (type === 'halfYear') return index === 1 ? 'H1' : 'H2';
  return 'Year';
};
