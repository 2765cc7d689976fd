import { Divider } from 'antd';
import { useTranslation } from 'react-i18next';
import { DetailHeading, LedgerRecordDrawer, RecordFields } from '../../../components/ledger-detail-drawer';
import { RecordHistory } from '../../../components/record-history';
import { useSession } from '../../../lib/session';
import { useDeleteGrid } from '../api/delete-grid';
import { useGrid } from '../api/get-grid';
import { useGrids } from '../api/list-grids';
import { useRestoreGrid } from '../api/restore-grid';
import { GridHouseholds } from './grid-households';

type Props = { gridId: string; onClose: () => void; onEdit: (gridId: string) => void };

/** 网格详情: counts, covering member, its households and 划入家庭户; 编辑, 删除, 恢复. */
export const GridDetailDrawer = ({ gridId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const { access } = useSession();
  const query = useGrid(gridId);
  const g = query.data;
  const siblings = useGrids({ orgUnitId: g?.orgUnitId, pageSize: 200 }, Boolean(g));
  const canWrite = access.can('org.write');
  const gridNames = Object.fromEntries((siblings.data?.items ?? []).map((s) => [s.id, s.name]));

  return (
    <LedgerRecordDrawer
      query={query}
      title={t('grids.detail')}
      width={640}
      testId="grid-detail"
      onClose={onClose}
      actions={{
        permission: 'org.write',
        name: (g) => g.name,
        remove: useDeleteGrid(),
        restore: useRestoreGrid(),
        onEdit: (g) => onEdit(g.id),
        testIdPrefix: 'grid',
      }}
      footer={<RecordHistory entityType="grid" entityId={gridId} />}
    >
      {(g, actions) => (
        <>
          <DetailHeading name={g.name} isDeleted={g.deletedAt !== null} />
          <RecordFields
            items={[
              { key: 'unit', label: t('grids.field.village'), children: g.orgUnitName },
              {
                key: 'member',
                label: t('grids.field.member'),
                children: g.memberName ?? t('grids.noMember'),
              },
              { key: 'households', label: t('grids.field.householdCount'), children: g.householdCount },
              { key: 'persons', label: t('grids.field.personCount'), children: g.personCount },
            ]}
            note={g.note}
            updatedAt={g.updatedAt}
          />
          {actions}
          <Divider titlePlacement="start">{t('grids.households', { count: g.householdCount })}</Divider>
          <GridHouseholds grid={g} canWrite={canWrite} gridNames={gridNames} />
        </>
      )}
    </LedgerRecordDrawer>
  );
};
