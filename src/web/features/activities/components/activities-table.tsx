import { Table, type TablePaginationConfig, type TableProps, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../contracts/activities';
import { useActivityDates } from '../lib/use-activity-dates';
import { useTypeLabel } from '../lib/use-type-label';

type Props = {
  activities: Activity[] | undefined;
  isLoading: boolean;
  pagination: TablePaginationConfig;
  onChange: TableProps<Activity>['onChange'];
  onOpen: (a: Activity) => void;
  empty: ReactNode;
};

/** 活动台账 on a desktop: one row per activity; a click opens its detail. */
export const ActivitiesTable = ({ activities, isLoading, pagination, onChange, onOpen, empty }: Props) => {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  const activityDates = useActivityDates();
  return (
    <Table<Activity>
      rowKey="id"
      size="middle"
      loading={isLoading}
      dataSource={activities}
      pagination={pagination}
      onChange={onChange}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      rowClassName={() => 'bbt-ledger-row'}
      onRow={(a) =>
        ({ onClick: () => onOpen(a), 'data-testid': 'activity-row' }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: t('activities.field.occurredOn'),
          dataIndex: 'occurredOn',
          sorter: true,
          width: 150,
          render: (_: string, a) => activityDates(a),
        },
        {
          title: t('activities.field.title'),
          dataIndex: 'title',
          render: (title: string, a) => (
            <>
              {title}
              {a.isNotable && (
                <Tag color="gold" style={{ marginInlineStart: 8 }}>
                  {t('activities.notable.tag')}
                </Tag>
              )}
            </>
          ),
        },
        {
          title: t('activities.field.type'),
          dataIndex: 'type',
          render: (v: string) => <Tag>{typeLabel(v)}</Tag>,
        },
        { title: t('ledger.field.orgUnit'), dataIndex: 'orgUnitName' },
        {
          title: t('activities.field.place'),
          key: 'place',
          render: (_: unknown, a) => a.siteName ?? a.place ?? '—',
        },
        { title: t('activities.field.attendance'), dataIndex: 'attendance', sorter: true, align: 'right' },
        {
          title: t('activities.field.campaign'),
          dataIndex: 'campaignNames',
          render: (names: string[]) => (names.length ? names.join('、') : '—'),
        },
        {
          title: t('activities.field.photos'),
          dataIndex: 'photoIds',
          align: 'right',
          render: (ids: string[]) => ids.length || '—',
        },
      ]}
    />
  );
};
