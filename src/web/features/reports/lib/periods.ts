import dayjs from 'dayjs';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';
export type Period = { from: string; to: string };

const F = 'YYYY-MM-DD';

/** 本月 / 本季度 / 本年 as calendar dates; `custom` keeps what was picked. */
export const periodOf = (kind: Exclude<PeriodKind, 'custom'>, now = dayjs()): Period => {
  if (kind === 'month') return { from: now.startOf('month').format(F), to: now.endOf('month').format(F) };
  if (kind === 'year') return { from: now.startOf('year').format(F), to: now.endOf('year').format(F) };
  const q = Math.floor(now.month() / 3);
  const start = now.month(q * 3).startOf('month');
  return { from: start.format(F), to: start.add(2, 'month').endOf('month').format(F) };
};
