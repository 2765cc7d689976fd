import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { MONTH_FORMAT, monthValue } from '../lib/month';

type Props = {
  value: string;
  onChange: (month: string) => void;
  id?: string;
  size?: 'middle' | 'large';
  'data-testid'?: string;
};

/** A calendar month as `2026-03`; months after this one cannot be picked. */
export const MonthPicker = ({ value, onChange, id, size, ...rest }: Props) => (
  <DatePicker
    id={id}
    picker="month"
    size={size}
    allowClear={false}
    inputReadOnly
    value={monthValue(value)}
    format={MONTH_FORMAT}
    onChange={(d) => d && onChange(d.format(MONTH_FORMAT))}
    disabledDate={(d) => d.isAfter(dayjs(), 'month')}
    data-testid={rest['data-testid']}
  />
);
