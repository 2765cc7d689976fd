import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';

type Props = {
  unitName: string;
  /** 成文日期, YYYY-MM-DD. */
  signedOn: string;
  /** Absent: shown read-only. */
  onChange?: (signedOn: string) => void;
};

/** 2024-12-31 → 2024年12月31日, as the .docx prints it. */
const chineseDate = (isoDate: string) => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * 落款: the unit's name centred over the 成文日期, as the Word export sets them. The date was set
 * when the summary was drafted; she may change it here (an export never does).
 */
export const SummarySignature = ({ unitName, signedOn, onChange }: Props) => {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="bbt-summary-signature" data-testid="summary-signature">
      <div>{unitName}</div>
      <div data-testid="summary-signed-on-text">{chineseDate(signedOn)}</div>
      {onChange && (
        <div className="bbt-summary-signed-on">
          <label htmlFor={id}>
            <Typography.Text type="secondary">{t('reports.summary.signedOn')}</Typography.Text>
          </label>
          <DateField
            id={id}
            value={dayjs(signedOn)}
            allowClear={false}
            size="small"
            style={{ width: 150 }}
            onChange={(d) => d && onChange(d.format('YYYY-MM-DD'))}
            aria-label={t('reports.summary.signedOn')}
            data-testid="summary-signed-on"
          />
        </div>
      )}
    </div>
  );
};
