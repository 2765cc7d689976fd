import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReportDefinition, reportPeriodTypeLabels } from '../../../../contracts/reports';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { EmptyState, PageError } from '../../../components/page-states';
import { useOrgScope } from '../../../lib/org-scope';
import { reportExportUrl, useRenderedReport } from '../api/render-report';
import { indexForMonth, periodCount, periodIndexLabel } from '../lib/report-period';
import { BreakdownTable } from './breakdown-table';
import { FigureDrawer, type OpenFigure } from './figure-drawer';

/** A saved report run for one period and unit: units × columns with 合计, cells down to the records, .xlsx. */
export const ReportView = ({ definition }: { definition: ReportDefinition }) => {
  const { t, i18n } = useTranslation();
  const isEn = i18n.language.startsWith('en');
  const { scopeId } = useOrgScope();
  const now = dayjs();
  const [year, setYear] = useState(now.year());
  const [chosenIndex, setIndex] = useState<number | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [open, setOpen] = useState<OpenFigure | null>(null);
  const type = definition.periodType;
  const index = Math.min(chosenIndex ?? indexForMonth(type, now.month() + 1), periodCount(type));
  const params = { year, index, orgUnitId: unitId ?? scopeId };
  const report = useRenderedReport(definition.id, params);
  const r = report.data;
  const periodEn = `${periodIndexLabel(type, index, true)} ${year} (${reportPeriodTypeLabels[type].en})`;
  const years = Array.from({ length: 6 }, (_, i) => now.year() - i);

  return (
    <Card
      className="bbt-report-view"
      title={
        <span data-testid="report-title">
          {r ? (isEn ? `${r.name} · ${r.orgUnitName} · ${periodEn}` : r.title) : definition.name}
        </span>
      }
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={reportExportUrl(definition.id, params)}
          download
          disabled={!r}
          data-testid="report-export"
        >
          {t('reports.definitions.export')}
        </Button>
      }
    >
      <Space wrap className="bbt-stats-controls">
        <Select
          aria-label={t('reports.field.year')}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: isEn ? String(y) : `${y}年` }))}
          data-testid="report-year"
        />
        {periodCount(type) > 1 && (
          <Select
            aria-label={t('reports.field.period')}
            value={index}
            onChange={setIndex}
            style={{ minWidth: 110 }}
            options={Array.from({ length: periodCount(type) }, (_, i) => ({
              value: i + 1,
              label: periodIndexLabel(type, i + 1, isEn),
            }))}
            data-testid="report-index"
          />
        )}
        <OrgTreeSelect
          value={unitId ?? scopeId}
          onChange={(id) => setUnitId(id)}
          style={{ minWidth: 200 }}
          aria-label={t('reports.field.unit')}
          data-testid="report-unit"
        />
      </Space>
      {report.isError ? (
        <PageError error={report.error} onRetry={() => void report.refetch()} />
      ) : !r ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <div style={{ opacity: report.isFetching ? 0.6 : 1 }}>
          <Typography.Paragraph type="secondary">
            {t('reports.definitions.meta', {
              unit: r.orgUnitName,
              period: isEn ? periodEn : r.periodLabel,
            })}
          </Typography.Paragraph>
          {r.skippedIndicatorKeys.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('reports.definitions.skipped', { keys: r.skippedIndicatorKeys.join('、') })}
            />
          )}
          {r.columns.length === 0 ? (
            <EmptyState description={t('reports.definitions.noColumns')} />
          ) : (
            <BreakdownTable
              columns={isEn ? r.columns.map((c) => ({ ...c, label: c.labelEn, unit: c.unitEn })) : r.columns}
              rows={r.rows}
              total={r.total}
              firstTitle={t('reports.field.unit')}
              onOpen={(title, f) => setOpen({ title, value: f.value, source: f.source })}
              self={{ id: r.orgUnitId, name: r.orgUnitName }}
              testId="report-table"
            />
          )}
        </div>
      )}
      {open && <FigureDrawer figure={open} onClose={() => setOpen(null)} />}
    </Card>
  );
};
