import { DownloadOutlined } from '@ant-design/icons';
import { Button, Segmented, Select, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECT_RECORDS } from '../../../../contracts/indicators';
import { DateRangeField } from '../../../components/date-field';
import { EmptyState, PageError } from '../../../components/page-states';
import { DATE_FORMAT } from '../../../lib/format';
import { indicatorExportUrl, useIndicatorValues } from '../../../lib/indicators';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import type { IndicatorRecordsParams } from '../api/keys';
import { useIndicators } from '../api/list-indicators';
import { RecordsDrawer } from '../components/records-drawer';
import { StatsChart } from '../components/stats-chart';
import { StatsTable } from '../components/stats-table';
import { type Period, type PeriodKind, periodOf } from '../lib/periods';
import { pivotOf, withZeroRows } from '../lib/pivot';
import '../lib/reports.css';

type Level = 'orgUnit' | 'orgUnit2' | 'none';
type Drill = { title: string; params: Omit<IndicatorRecordsParams, 'page' | 'pageSize'> };

/** 统计: any indicator by unit level and/or dimension, as a table and a bar chart, down to the records. */
export const StatsPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const defs = useIndicators();
  const [chosenKey, setKey] = useState<string | undefined>();
  const [periodKind, setPeriodKind] = useState<PeriodKind>('year');
  const [custom, setCustom] = useState<Period>(() => periodOf('year'));
  const [chosenLevel, setLevel] = useState<Level | undefined>();
  // undefined: the default for the scope; null: cleared on purpose.
  const [dimension, setDimension] = useState<string | null | undefined>();
  const [drill, setDrill] = useState<Drill | null>(null);

  const list = defs.data ?? [];
  const key = chosenKey ?? list.find((d) => d.key === 'activities.sessions')?.key ?? list[0]?.key;
  const def = list.find((d) => d.key === key);
  // A village has no units below it: by default its figures are split by type instead.
  const hasChildren = (tree.data ?? []).some((n) => n.parentId === scopeId);
  const level: Level = chosenLevel ?? (hasChildren ? 'orgUnit' : 'none');
  const dimKey = dimension === undefined ? (hasChildren ? undefined : 'type') : dimension;
  const dim = def?.dimensions.find((d) => d.key === dimKey);
  const period = periodKind === 'custom' ? custom : periodOf(periodKind);
  const groupKeys = [level === 'none' ? undefined : level, dim?.key].filter((k): k is string => Boolean(k));
  const params = { ...period, orgUnitId: scopeId, groupBy: groupKeys.join(',') || undefined };
  const values = useIndicatorValues(key, params);
  const isCross = groupKeys.length === 2;
  const scopeName = tree.data?.find((n) => n.id === scopeId)?.name ?? '';

  const children = (tree.data ?? [])
    .filter((n) => n.parentId === scopeId && !n.dissolvedOn)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const pivoted = values.data
    ? pivotOf(values.data, (which, group, serverLabel) => {
        const k = which === 1 ? groupKeys[0] : groupKeys[1];
        if (group === null) {
          if (k === 'orgUnit') return t('reports.stats.ownUnit', { name: scopeName });
          return k === 'orgUnit2'
            ? t('reports.stats.notAtLevel', { name: scopeName })
            : t('reports.stats.unset');
        }
        const d = def?.dimensions.find((x) => x.key === k);
        return d ? label(d.values, group) || serverLabel || group : (serverLabel ?? group);
      })
    : null;
  // By unit, what no unit below recorded is the scope's own (镇妇联直接登记): a named row and bar of its
  // own that opens those records.
  const named =
    pivoted && level !== 'none'
      ? { ...pivoted, rows: pivoted.rows.map((r) => (r.key === null ? { ...r, key: DIRECT_RECORDS } : r)) }
      : pivoted;
  // By the units below: every one of them is a row, the ones that counted nothing as 0.
  const pivot = named && level === 'orgUnit' ? withZeroRows(named, children) : named;

  const pick = (row: string | null, col: string | null | undefined) => {
    if (!key || !def || row === null) return;
    const [k1, k2] = groupKeys;
    const rowName = pivot?.rows.find((r) => r.key === row)?.name ?? row;
    const colName = col ? pivot?.cols.find((c) => c.key === col)?.name : undefined;
    setDrill({
      title: [label(Object.fromEntries([[def.key, def.label]]), def.key), rowName, colName]
        .filter(Boolean)
        .join(' · '),
      params: {
        from: period.from,
        to: period.to,
        orgUnitId: scopeId,
        dimension: k1,
        value: row,
        ...(col && k2 ? { dimension2: k2, value2: col } : {}),
      },
    });
  };

  const unit = def ? label({ u: def.unit }, 'u') : '';
  const chartSeries = pivot
    ? isCross
      ? pivot.cols.map((c, j) => ({ key: c.key ?? '', name: c.name, values: pivot.cells.map((r) => r[j]) }))
      : [{ key: '', name: unit, values: pivot.rowTotals }]
    : [];
  const categories = pivot ? pivot.rows.map((r, i) => ({ key: r.key ?? `\u0000${i}`, name: r.name })) : [];

  if (defs.isError) return <PageError error={defs.error} onRetry={() => void defs.refetch()} />;
  return (
    <div>
      <div className="bbt-page-header">
        <div>
          <h1>{t('reports.stats.title')}</h1>
          {scopeName && (
            <Typography.Text type="secondary">{t('common.scopeNote', { name: scopeName })}</Typography.Text>
          )}
        </div>
        {key && (
          <Button
            icon={<DownloadOutlined />}
            href={indicatorExportUrl(key, params)}
            download
            data-testid="stats-export"
          >
            {t('reports.stats.export')}
          </Button>
        )}
      </div>
      <div className="bbt-stats-controls">
        <Select
          aria-label={t('reports.stats.indicator')}
          style={{ minWidth: 200 }}
          loading={defs.isPending}
          value={key}
          onChange={(k: string) => {
            setKey(k);
            setDimension(undefined);
          }}
          options={list.map((d) => ({ value: d.key, label: label({ l: d.label }, 'l') }))}
          data-testid="stats-indicator"
        />
        <Segmented<PeriodKind>
          value={periodKind}
          onChange={setPeriodKind}
          options={(['month', 'quarter', 'year', 'custom'] as const).map((p) => ({
            value: p,
            label: t(`reports.stats.period.${p}`),
          }))}
          data-testid="stats-period"
        />
        {periodKind === 'custom' && (
          <DateRangeField
            allowClear={false}
            style={{ width: 'auto' }}
            value={[dayjs(custom.from, DATE_FORMAT), dayjs(custom.to, DATE_FORMAT)]}
            aria-label={t('reports.stats.period.custom')}
            onChange={(r) => {
              if (r?.[0] && r[1]) setCustom({ from: r[0].format(DATE_FORMAT), to: r[1].format(DATE_FORMAT) });
            }}
            data-testid="stats-range"
          />
        )}
        <Segmented<Level>
          value={level}
          onChange={setLevel}
          options={(['orgUnit', 'orgUnit2', 'none'] as const).map((l) => ({
            value: l,
            label: t(`reports.stats.level.${l}`),
          }))}
          data-testid="stats-level"
        />
        <Select
          aria-label={t('reports.stats.dimension')}
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('reports.stats.dimension')}
          value={dim?.key}
          onChange={(d?: string) => setDimension(d ?? null)}
          options={(def?.dimensions ?? []).map((d) => ({ value: d.key, label: label({ l: d.label }, 'l') }))}
          data-testid="stats-dimension"
        />
      </div>
      {values.isError ? (
        <PageError error={values.error} onRetry={() => void values.refetch()} />
      ) : !pivot || !def ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : groupKeys.length === 0 ? (
        <div className="bbt-count-value" data-testid="stats-total">
          {values.data?.total ?? 0} <Typography.Text type="secondary">{unit}</Typography.Text>
        </div>
      ) : pivot.rows.length === 0 || (values.data?.total ?? 0) === 0 ? (
        <EmptyState description={t('reports.stats.empty')} />
      ) : (
        <div style={{ opacity: values.isFetching ? 0.6 : 1 }}>
          <StatsChart
            categories={categories}
            series={chartSeries}
            onPick={(row, col) => pick(row.startsWith('\u0000') ? null : row, col || undefined)}
            ariaLabel={label({ l: def.label }, 'l')}
          />
          <StatsTable
            pivot={pivot}
            isCross={isCross}
            firstTitle={
              level === 'none' && dim ? label({ l: dim.label }, 'l') : t(`reports.stats.level.${level}`)
            }
            unit={unit}
            total={values.data?.total ?? 0}
            onPick={pick}
          />
        </div>
      )}
      {drill && key && (
        <RecordsDrawer
          indicatorKey={key}
          params={drill.params}
          title={drill.title}
          onClose={() => setDrill(null)}
        />
      )}
    </div>
  );
};
