import { DownloadOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Drawer, List, Pagination, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState, PageError } from '../../../components/page-states';
import { useDrillLink } from '../../../lib/drill-links';
import { useLabel } from '../../../lib/labels';
import { useIsMobile } from '../../../lib/use-is-mobile';
import type { IndicatorRecordsParams } from '../api/keys';
import { indicatorRecordsExportUrl, useIndicatorRecords } from '../api/list-indicator-records';
import { useIndicators } from '../api/list-indicators';
import './records-drawer.css';

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

/**
 * The records behind one figure, each with its type and what it counts (人次); a record that has a detail
 * of its own (the features' drillLinks) opens it with a tap anywhere on its row. The list exports to Excel.
 */
export const RecordsDrawer = ({ indicatorKey, params, title, onClose, header }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const detailLink = useDrillLink();
  const defs = useIndicators();
  const def = defs.data?.find((d) => d.key === indicatorKey);
  const unit = def ? label({ u: def.unit }, 'u') : '';
  const records = useIndicatorRecords(indicatorKey, { ...params, page, pageSize: PAGE_SIZE });
  const total = records.data?.total ?? 0;
  const typeName = (type: { dimension: string; value: string; label: string }) => {
    const values = def?.dimensions.find((d) => d.key === type.dimension)?.values;
    return (values && label(values, type.value)) || type.label;
  };

  return (
    <Drawer
      open
      onClose={onClose}
      title={title}
      size={isMobile ? '100%' : 560}
      extra={
        total > 0 && (
          <Button
            icon={<DownloadOutlined />}
            href={indicatorRecordsExportUrl(indicatorKey, params)}
            download
            data-testid="stats-drill-export"
          >
            {t('reports.stats.drillExport')}
          </Button>
        )
      }
      data-testid="stats-drill"
    >
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
              const open = to ? () => navigate(to) : undefined;
              return (
                <List.Item
                  className={open ? 'bbt-drill-row is-link' : 'bbt-drill-row'}
                  onClick={open}
                  onKeyDown={
                    open &&
                    ((e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        open();
                      }
                    })
                  }
                  role={open ? 'link' : undefined}
                  tabIndex={open ? 0 : undefined}
                  aria-label={open ? t('reports.stats.drillOpen', { name: r.label }) : undefined}
                  extra={open && <RightOutlined className="bbt-muted" />}
                  data-testid="stats-drill-row"
                >
                  <List.Item.Meta
                    title={<span className="bbt-drill-title">{r.label}</span>}
                    description={
                      <span className="bbt-drill-meta">
                        {r.type && <Tag data-testid="stats-drill-type">{typeName(r.type)}</Tag>}
                        {r.amount !== null && (
                          <strong data-testid="stats-drill-amount">
                            {t('reports.stats.drillAmount', { value: r.amount, unit })}
                          </strong>
                        )}
                        <span>{[r.orgUnitName, r.date].filter(Boolean).join(' · ')}</span>
                      </span>
                    }
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
