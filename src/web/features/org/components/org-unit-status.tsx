import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../contracts/org';

export type OrgUnitStatus = 'active' | 'dissolved' | 'deleted';

export const statusOf = (unit: Pick<OrgUnit, 'deletedAt' | 'dissolvedOn'>): OrgUnitStatus =>
  unit.deletedAt ? 'deleted' : unit.dissolvedOn ? 'dissolved' : 'active';

export const OrgUnitStatusTag = ({ unit }: { unit: Pick<OrgUnit, 'deletedAt' | 'dissolvedOn'> }) => {
  const { t } = useTranslation();
  const status = statusOf(unit);
  const color = status === 'active' ? 'green' : status === 'deleted' ? 'red' : 'default';
  return <Tag color={color}>{t(`org.status.${status}`)}</Tag>;
};
