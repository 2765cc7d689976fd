import { HomeOutlined } from '@ant-design/icons';
import { App, Button, List, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Grid } from '../../../../contracts/org-ledgers';
import type { Household } from '../../../../contracts/people';
import { EmptyState, PageError } from '../../../components/page-states';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useAssignGridHouseholds } from '../api/assign-grid-households';
import { useVillageHouseholds } from '../api/list-village-households';

type Props = { grid: Grid; canWrite: boolean; gridNames: Record<string, string> };

const labelOf = (h: Household) => (h.houseNumber ? `${h.address} ${h.houseNumber}` : h.address);

/** The grid's households, and 划入家庭户: pick households of the same village to move into it. */
export const GridHouseholds = ({ grid, canWrite, gridNames }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const households = useVillageHouseholds(grid.orgUnitId);
  const assign = useAssignGridHouseholds();
  const onError = useApiErrorHandler();
  const [picked, setPicked] = useState<string[]>([]);
  const mine = useMemo(
    () => (households.data ?? []).filter((h) => h.gridId === grid.id),
    [households.data, grid.id],
  );
  const options = useMemo(
    () =>
      (households.data ?? [])
        .filter((h) => h.gridId !== grid.id)
        .map((h) => ({
          value: h.id,
          label: [
            labelOf(h),
            h.headName,
            h.gridId
              ? t('grids.inOther', { name: gridNames[h.gridId] ?? t('grids.otherGrid') })
              : t('grids.noGrid'),
          ]
            .filter(Boolean)
            .join(' · '),
        })),
    [households.data, grid.id, gridNames, t],
  );

  const onAssign = () =>
    assign.mutate(
      { id: grid.id, householdIds: picked },
      {
        onSuccess: () => {
          void message.success(t('grids.assigned', { count: picked.length }));
          setPicked([]);
        },
        onError: (e: unknown) => onError(e),
      },
    );

  if (households.isError)
    return <PageError error={households.error} onRetry={() => void households.refetch()} />;
  return (
    <>
      {canWrite && !grid.deletedAt && (
        <Space.Compact style={{ width: '100%', marginBottom: 12 }} className="bbt-grid-assign">
          <Select
            mode="multiple"
            allowClear
            style={{ width: '100%' }}
            value={picked}
            onChange={setPicked}
            loading={households.isPending}
            options={options}
            optionFilterProp="label"
            placeholder={t('grids.assignPlaceholder')}
            maxTagCount="responsive"
            data-testid="grid-assign-select"
          />
          <Button
            type="primary"
            icon={<HomeOutlined />}
            disabled={picked.length === 0}
            loading={assign.isPending}
            onClick={onAssign}
            data-testid="grid-assign-submit"
          >
            {t('grids.assign')}
          </Button>
        </Space.Compact>
      )}
      <List<Household>
        loading={households.isPending}
        dataSource={mine}
        size="small"
        locale={{ emptyText: <EmptyState description={t('grids.noHouseholds')} /> }}
        pagination={mine.length > 20 ? { pageSize: 20, size: 'small' } : false}
        data-testid="grid-households"
        renderItem={(h) => (
          <List.Item style={{ minHeight: 44 }}>
            <span>{labelOf(h)}</span>
            <Typography.Text type="secondary">
              {[h.headName, t('households.memberCount', { count: h.memberCount })]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </List.Item>
        )}
      />
    </>
  );
};
