import { DatePicker, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type CSSProperties, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../lib/use-is-phone';
import './date-field.css';

const COARSE = '(pointer: coarse)';
const subscribeCoarse = (onChange: () => void) => {
  const query = window.matchMedia?.(COARSE);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
};
const isCoarse = () => window.matchMedia?.(COARSE).matches ?? false;

/**
 * A finger rather than a mouse, or a screen too narrow for antd's calendar (498 px wide): then a date is
 * picked with the phone's own picker, which always fits the screen.
 */
export const useNativeDates = (): boolean => {
  const isPhone = useIsPhone();
  const coarse = useSyncExternalStore(subscribeCoarse, isCoarse, () => false);
  return coarse || isPhone;
};

const FORMATS = { date: 'YYYY-MM-DD', month: 'YYYY-MM' } as const;

export type DateFieldProps = {
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  /** `date` (default) or a calendar `month`. */
  picker?: 'date' | 'month';
  /** No day (or month) after today can be picked. */
  notFuture?: boolean;
  min?: Dayjs;
  max?: Dayjs;
  /** Whether the value can be emptied (default: yes, as antd's DatePicker). */
  allowClear?: boolean;
  id?: string;
  size?: 'small' | 'middle' | 'large';
  style?: CSSProperties;
  disabled?: boolean;
  placeholder?: string;
  'aria-label'?: string;
  'aria-required'?: boolean;
  'data-testid'?: string;
};

/**
 * The one date field of every form. On a touch device or a phone-wide screen a native `<input type="date">`
 * (or `type="month"`) styled as an antd input, so the phone's own picker opens and nothing runs off the
 * screen; on a desktop antd's DatePicker. Either way the value is a dayjs, as the forms use.
 */
export const DateField = ({
  value,
  onChange,
  picker = 'date',
  notFuture,
  min,
  max: maxProp,
  allowClear = true,
  id,
  size,
  style,
  disabled,
  placeholder,
  ...rest
}: DateFieldProps) => {
  const isNative = useNativeDates();
  const unit = picker === 'month' ? 'month' : 'day';
  const max = notFuture ? (maxProp?.isBefore(dayjs(), unit) ? maxProp : dayjs()) : maxProp;
  const format = FORMATS[picker];
  if (isNative) {
    return (
      <Input
        id={id}
        type={picker}
        size={size}
        disabled={disabled}
        style={{ width: '100%', ...style }}
        value={value ? value.format(format) : ''}
        min={min?.format(format)}
        max={max?.format(format)}
        placeholder={placeholder}
        required={!allowClear}
        onChange={(e) => {
          const text = e.target.value;
          if (!text) {
            if (allowClear) onChange?.(null);
            return;
          }
          const next = dayjs(text);
          if (next.isValid()) onChange?.(next);
        }}
        aria-label={rest['aria-label']}
        aria-required={rest['aria-required']}
        data-testid={rest['data-testid']}
        className="bbt-date-field"
      />
    );
  }
  return (
    <DatePicker
      id={id}
      picker={picker}
      size={size}
      disabled={disabled}
      style={{ width: '100%', ...style }}
      value={value ?? null}
      format={format}
      allowClear={allowClear}
      placeholder={placeholder}
      onChange={(d) => onChange?.(d ?? null)}
      disabledDate={(d) => Boolean((max && d.isAfter(max, unit)) || (min && d.isBefore(min, unit)))}
      aria-label={rest['aria-label']}
      aria-required={rest['aria-required']}
      data-testid={rest['data-testid']}
    />
  );
};

export type DateRange = [Dayjs | null, Dayjs | null];

export type DateRangeFieldProps = {
  value?: DateRange | null;
  onChange?: (value: DateRange | null) => void;
  /** Either end may stay open (a filter "from … on"); otherwise a range is given only once both are set. */
  allowEmpty?: [boolean, boolean];
  allowClear?: boolean;
  id?: string;
  style?: CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
};

/**
 * A from–to period, as `DateField`: two native date inputs side by side on a phone (each opens the
 * phone's own picker), antd's RangePicker (two months wide) on a desktop.
 */
export const DateRangeField = ({
  value,
  onChange,
  allowEmpty,
  allowClear = true,
  id,
  style,
  ...rest
}: DateRangeFieldProps) => {
  const { t } = useTranslation();
  const isNative = useNativeDates();
  const isOpenEnded = Boolean(allowEmpty?.[0] && allowEmpty[1]);
  // One end picked and the other not yet: held here until the range is whole.
  const [draft, setDraft] = useState<DateRange>(() => value ?? [null, null]);
  const from = value?.[0]?.valueOf();
  const to = value?.[1]?.valueOf();
  useEffect(() => {
    setDraft([from === undefined ? null : dayjs(from), to === undefined ? null : dayjs(to)]);
  }, [from, to]);
  if (!isNative) {
    return (
      <DatePicker.RangePicker
        id={id}
        style={style}
        allowEmpty={allowEmpty}
        allowClear={allowClear}
        value={value}
        onChange={(r) => onChange?.(r ? [r[0] ?? null, r[1] ?? null] : null)}
        aria-label={rest['aria-label']}
        data-testid={rest['data-testid']}
      />
    );
  }
  const name = rest['aria-label'];
  const pick = (end: 0 | 1, text: string) => {
    const next: DateRange = [...draft];
    next[end] = text ? dayjs(text) : null;
    if (!text && !allowClear && !isOpenEnded) return;
    setDraft(next);
    if (isOpenEnded || (next[0] && next[1])) onChange?.(next[0] || next[1] ? next : null);
    else if (!next[0] && !next[1]) onChange?.(null);
  };
  const input = (end: 0 | 1) => (
    <Input
      id={end === 0 ? id : undefined}
      type="date"
      value={draft[end]?.format(FORMATS.date) ?? ''}
      min={end === 1 ? draft[0]?.format(FORMATS.date) : undefined}
      max={end === 0 ? draft[1]?.format(FORMATS.date) : undefined}
      onChange={(e) => pick(end, e.target.value)}
      aria-label={[name, t(end === 0 ? 'common.dateFrom' : 'common.dateTo')].filter(Boolean).join(' ')}
      className="bbt-date-field"
    />
  );
  return (
    <div className="bbt-date-range" style={style} data-testid={rest['data-testid']}>
      {input(0)}
      <span aria-hidden>–</span>
      {input(1)}
    </div>
  );
};
