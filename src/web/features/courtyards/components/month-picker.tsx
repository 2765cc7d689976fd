import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import { MONTH_FORMAT, monthValue } from '../lib/month';

type Props = {
  value: string;
  onChange: (month: string) => void;
  id?: string;
  size?: 'middle' | 'large';
  'aria-label'?: string;
  'data-testid'?: string;
};

/** A calendar month as `2026-03`; months after this one cannot be picked (the phone's own month picker on a phone). */
export const MonthPicker = ({ value, onChange, id, size, ...rest }: Props) => {
  const { t } = useTranslation();
  return (
    <DateField
      id={id}
      picker="month"
      size={size}
      allowClear={false}
      notFuture
      style={{ width: 'auto', minWidth: 140 }}
      value={monthValue(value)}
      onChange={(d) => d && onChange(d.format(MONTH_FORMAT))}
      aria-label={rest['aria-label'] ?? t('courtyards.field.month')}
      data-testid={rest['data-testid']}
    />
  );
};
