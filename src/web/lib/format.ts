import dayjs from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '';

export const formatDate = (value: string | null | undefined): string =>
  value ? dayjs(value).format(DATE_FORMAT) : '';

/** antd date pickers give dayjs objects; the API takes calendar dates as `YYYY-MM-DD`. */
export const toApiDate = (value: dayjs.Dayjs | null | undefined): string | undefined =>
  value ? value.format(DATE_FORMAT) : undefined;

export const fromApiDate = (value: string | null | undefined): dayjs.Dayjs | undefined =>
  value ? dayjs(value, DATE_FORMAT) : undefined;

/** A text input's value with surrounding blanks dropped; an empty one is no value. */
export const trimmed = (s: string | undefined) => s?.trim() || undefined;
