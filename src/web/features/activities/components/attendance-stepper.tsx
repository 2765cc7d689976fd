import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { value: number; onChange: (n: number) => void; id?: string };

const MAX = 100_000;
const clamp = (n: number) => Math.min(MAX, Math.max(0, Math.round(n)));

/** 参加人次: big −/+ (by 1) around a field that opens the numeric keypad. */
export const AttendanceStepper = ({ value, onChange, id }: Props) => {
  const { t } = useTranslation();
  return (
    <div className="bbt-stepper">
      <Button
        size="large"
        icon={<MinusOutlined />}
        onClick={() => onChange(clamp(value - 1))}
        disabled={value <= 0}
        aria-label={t('activities.quick.minus')}
        data-testid="quick-attendance-minus"
      />
      <InputNumber
        id={id}
        size="large"
        min={0}
        max={MAX}
        precision={0}
        controls={false}
        inputMode="numeric"
        pattern="[0-9]*"
        value={value}
        onChange={(v) => onChange(clamp(typeof v === 'number' ? v : 0))}
        onFocus={(e) => e.target.select()}
        data-testid="quick-attendance"
      />
      <Button
        size="large"
        icon={<PlusOutlined />}
        onClick={() => onChange(clamp(value + 1))}
        aria-label={t('activities.quick.plus')}
        data-testid="quick-attendance-plus"
      />
    </div>
  );
};
