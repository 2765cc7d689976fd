import dayjs from 'dayjs';

/** The calendar year so far and to come (`from`/`to` of an indicator query), from today's date. */
export const thisYear = (): { from: string; to: string } => {
  const y = dayjs().year();
  return { from: `${y}-01-01`, to: `${y}-12-31` };
};

export const today = (): string => dayjs().format('YYYY-MM-DD');
