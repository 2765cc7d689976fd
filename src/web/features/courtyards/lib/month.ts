import dayjs from 'dayjs';

/** `2026-03` of today (the browser's calendar; the server checks dates again in Asia/Shanghai). */
export const thisMonth = (): string => dayjs().format('YYYY-MM');

export const MONTH_FORMAT = 'YYYY-MM';

export const monthValue = (month: string) => dayjs(`${month}-01`);
