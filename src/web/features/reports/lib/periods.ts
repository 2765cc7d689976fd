import dayjs from 'dayjs';
import { type DateRange, periodBounds, periodContaining } from '../../../../contracts/common/period';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';
export type Period = DateRange;

/** 本月 / 本季度 / 本年 as calendar dates (the platform's period type); `custom` keeps what was picked. */
export const periodOf = (kind: Exclude<PeriodKind, 'custom'>, now = dayjs()): Period =>
  periodBounds(periodContaining(kind, now.format('YYYY-MM-DD')));
