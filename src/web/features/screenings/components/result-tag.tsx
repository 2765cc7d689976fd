import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Screening, screeningResultLabels } from '../../../../contracts/screenings';
import { useLabel } from '../../../lib/labels';

const colors = { normal: 'green', followUp: 'orange', diagnosed: 'red' } as const;

/** Where she stands: 已动员 / 已筛查待结果 / the result. */
export const ResultTag = ({ screening: s }: { screening: Screening }) => {
  const { t } = useTranslation();
  const label = useLabel();
  if (s.result) return <Tag color={colors[s.result]}>{label(screeningResultLabels, s.result)}</Tag>;
  if (s.screenedOn) return <Tag color="blue">{t('screenings.stage.awaitingResult')}</Tag>;
  return <Tag>{t('screenings.stage.mobilised')}</Tag>;
};
