import { Drawer, List, Pagination, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, PageError } from '../../../components/page-states';
import { useDrillLink } from '../../../lib/drill-links';
import { useIsMobile } from '../../../lib/use-is-mobile';
import type { IndicatorRecordsParams } from '../api/keys';
import { useIndicatorRecords } from '../api/list-indicator-records';

type Props = {
  indicatorKey: string;
  /** What the records are filtered by (period, scope, the clicked cell's dimension values). */
  params: Omit<IndicatorRecordsParams, 'page' | 'pageSize'>;
  title: string;
  onClose: () => void;
  /** Shown above the list, e.g. where the figure came from. */
  header?: ReactNode;
};

const PAGE_SIZE = 20;

/** The records behind one figure; activity and patrol records link to their detail in the ledger. */
export const RecordsDrawer = ({ indicatorKey, params, title, onClose, header }: Props) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [page, setPage] = useState(1);
  // Records that have a detail page of their own open it (the features' drillLinks); others are listed as they are.
  const detailLink = useDrillLink();
  const records = useIndicatorRecords(indicatorKey, { ...params, page, pageSize: PAGE_SIZE });
  const total = records.data?.total ?? 0;

  return (
    <Drawer open onClose={onClose} title={title} size={isMobile ? '100%' : 560} data-testid="stats-drill">
      {records.isError ? (
        <PageError error={records.error} onRetry={() => void records.refetch()} />
      ) : (
        <>
          {header}
          <Typography.Paragraph type="secondary">{t('common.total', { total })}</Typography.Paragraph>
          <List
            loading={records.isFetching}
            dataSource={records.data?.items}
            rowKey="id"
            locale={{ emptyText: <EmptyState /> }}
            renderItem={(r) => {
              const to = detailLink(indicatorKey, r.id);
              return (
                <List.Item data-testid="stats-drill-row">
                  <List.Item.Meta
                    title={to ? <Link to={to}>{r.label}</Link> : r.label}
                    description={[r.orgUnitName, r.date].filter(Boolean).join(' · ')}
                  />
                </List.Item>
              );
            }}
          />
          {total > PAGE_SIZE && (
            <Pagination
              simple
              current={page}
              pageSize={PAGE_SIZE}
              total={total}
              onChange={setPage}
              style={{ marginTop: 12, textAlign: 'center' }}
            />
          )}
        </>
      )}
    </Drawer>
  );
};
