import { DatePicker, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type CSSProperties, useSyncExternalStore } from 'react';
import { useIsPhone } from '../lib/use-is-phone';

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
