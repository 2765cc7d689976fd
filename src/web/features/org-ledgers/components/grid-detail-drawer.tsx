import { App, Descriptions, Divider, Drawer, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LedgerActions } from '../../../components/ledger-actions';
import { PageError, PageLoading } from '../../../components/page-states';
import { RecordHistory } from '../../../components/record-history';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useDeleteGrid } from '../api/delete-grid';
import { useGrid } from '../api/get-grid';
import { useGrids } from '../api/list-grids';
import { useRestoreGrid } from '../api/restore-grid';
import { GridHouseholds } from './grid-households';

type Props = { gridId: string; onClose: () => void; onEdit: (gridId: string) => void };

/** 网格详情: counts, covering member, its households and 划入家庭户; 编辑, 删除, 恢复. */
export const GridDetailDrawer = ({ gridId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const { access } = useSession();
  const grid = useGrid(gridId);
  const g = grid.data;
  const siblings = useGrids({ orgUnitId: g?.orgUnitId, pageSize: 200 }, Boolean(g));
  const remove = useDeleteGrid();
  const restore = useRestoreGrid();
  const onError = useApiErrorHandler();
  const canWrite = access.can('org.write');
  const gridNames = Object.fromEntries((siblings.data?.items ?? []).map((s) => [s.id, s.name]));

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('grids.detail')}
      size={isMobile ? '100%' : 640}
      data-testid="grid-detail"
    >
      {grid.isPending && <PageLoading />}
      {grid.isError && <PageError error={grid.error} onRetry={() => void grid.refetch()} />}
      {g && (
        <>
          <Space wrap style={{ marginBottom: 12 }} align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {g.name}
            </Typography.Title>
            {g.deletedAt && <Tag color="red">{t('people.status.deleted')}</Tag>}
          </Space>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'unit', label: t('grids.field.village'), children: g.orgUnitName },
              {
                key: 'member',
                label: t('grids.field.member'),
                children: g.memberName ?? t('grids.noMember'),
              },
              { key: 'households', label: t('grids.field.householdCount'), children: g.householdCount },
              { key: 'persons', label: t('grids.field.personCount'), children: g.personCount },
              { key: 'note', label: t('ledger.field.note'), children: g.note ?? '—' },
              { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(g.updatedAt) },
            ]}
          />
          {canWrite && (
            <LedgerActions
              name={g.name}
              isDeleted={g.deletedAt !== null}
              onEdit={() => onEdit(g.id)}
              onDelete={() =>
                remove.mutateAsync({ id: g.id, version: g.version }).then(
                  () => {
                    void message.success(t('common.deleted'));
                    onClose();
                  },
                  (e: unknown) => onError(e),
                )
              }
              onRestore={() =>
                restore.mutateAsync({ id: g.id, version: g.version }).then(
                  () => void message.success(t('common.restored')),
                  (e: unknown) => onError(e),
                )
              }
              isDeleting={remove.isPending}
              isRestoring={restore.isPending}
              testIdPrefix="grid"
            />
          )}
          <Divider titlePlacement="start">{t('grids.households', { count: g.householdCount })}</Divider>
          <GridHouseholds grid={g} canWrite={canWrite} gridNames={gridNames} />
        </>
      )}
      <RecordHistory entityType="grid" entityId={gridId} />
    </Drawer>
  );
};
