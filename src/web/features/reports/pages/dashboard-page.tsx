import { Alert, Card, Col, Row, Select, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FigureValue,
  type KeyFigure,
  type WorkArea,
  workAreaLabels,
} from '../../../../contracts/reports';
import { DateField } from '../../../components/date-field';
import { EmptyState, PageError } from '../../../components/page-states';
import { WhenVisible } from '../../../components/when-visible';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useDashboard } from '../api/get-dashboard';
import { BreakdownTable } from '../components/breakdown-table';
import { FigureDrawer, type OpenFigure } from '../components/figure-drawer';
import { KeyFigureCard } from '../components/key-figure-card';
import { TodoGroups } from '../components/todo-groups';
import type { TrendLine } from '../components/trend-chart';

// The charts (echarts, the largest library) load after her task buttons and figures: not on a phone's
// first path from sign-in to the home.
const TrendChart = lazy(() => import('../components/trend-chart').then((m) => ({ default: m.TrendChart })));

import '../lib/reports.css';
import { greetingText } from '../../../lib/greeting';

type Props = {
  /** Her daily jobs as buttons (from the shell), shown first under the greeting. */
  tasks?: ReactNode;
  /**
   * Her own unit is a village or community: her to-dos open, right under her tasks. Above (town,
   * county): the to-dos folded by kind, each with its count, a line per unit inside. Figures follow.
   */
  isOwn?: boolean;
};

/**
 * 工作台: her tasks, her to-dos by kind, then the year and the month at a glance for the unit in scope —
 * each figure saying its period, each number down to its records.
 */
export const DashboardPage = ({ tasks, isOwn = false }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const isMobile = useIsMobile();
  const { user, demo } = useSession();
  const { scopeId } = useOrgScope();
  const [month, setMonth] = useState(() => dayjs());
  const query = { orgUnitId: scopeId, year: month.year(), month: month.month() + 1 };
  const dash = useDashboard(query);
  const [open, setOpen] = useState<OpenFigure | null>(null);
  const [trendId, setTrendId] = useState<string | undefined>();
  const [columnId, setColumnId] = useState<string | undefined>();
  const d = dash.data;

  const openFigure = (title: string, f: FigureValue) => setOpen({ title, value: f.value, source: f.source });

  const areas = useMemo(() => {
    const by = new Map<WorkArea, KeyFigure[]>();
    for (const f of d?.keyFigures ?? []) by.set(f.area, [...(by.get(f.area) ?? []), f]);
    return [...by.entries()];
  }, [d]);

  const trend = d?.trends.find((s) => s.id === trendId) ?? d?.trends[0];
  const trendName = trend ? label({ l: trend.label }, 'l') : '';
  const trendLines = useMemo((): TrendLine[] => {
    if (!trend || !d) return [];
    const current = trend.points.map((p) => p.current?.value ?? null);
    // The running month is not over: its point stands apart, hollow, never joined as a fall.
    const running = d.isMonthRunning ? d.month - 1 : -1;
    const lines: TrendLine[] = [
      {
        name: t('reports.dashboard.thisYear', { year: d.year }),
        values: current.map((v, i) => (i === running ? null : v)),
        color: '#c41d5f',
      },
      {
        name: t('reports.dashboard.thisYear', { year: d.year - 1 }),
        values: trend.points.map((p) => p.lastYear.value),
        color: '#8c8c8c',
        dashed: true,
      },
    ];
    if (running >= 0)
      lines.push({
        name: t('reports.dashboard.runningPoint', { n: d.month }),
        values: current.map((v, i) => (i === running ? v : null)),
        color: '#c41d5f',
        isPartial: true,
      });
    return lines;
  }, [trend, d, t]);
  const months = useMemo(
    () => Array.from({ length: 12 }, (_, i) => t('reports.dashboard.monthN', { n: i + 1 })),
    [t],
  );

  const breakdown = d?.breakdown;
  const colIdx = Math.max(0, breakdown?.columns.findIndex((c) => c.id === columnId) ?? 0);
  const column = breakdown?.columns[colIdx];
  const barRows = useMemo(
    () =>
      breakdown
        ? [...breakdown.rows].sort((a, b) => (b.cells[colIdx]?.value ?? 0) - (a.cells[colIdx]?.value ?? 0))
        : [],
    [breakdown, colIdx],
  );
  const barLines = useMemo(
    () => [
      {
        name: column ? label({ l: column.label }, 'l') : '',
        values: barRows.map((r) => r.cells[colIdx]?.value ?? 0),
        color: '#c41d5f',
      },
    ],
    [barRows, colIdx, column, label],
  );
  const barCategories = useMemo(() => barRows.map((r) => r.orgUnitName), [barRows]);

  const todosCard = d && (
    <Card
      title={t('reports.dashboard.todos')}
      data-testid="todos"
      className="bbt-todos-card"
      style={{ marginBottom: 16 }}
    >
      <TodoGroups items={d.todos} isOwn={isOwn} onOpen={openFigure} />
    </Card>
  );

  const trendCard = d && (
    <Card
      data-testid="dashboard-trend"
      title={t('reports.dashboard.trend')}
      extra={
        d.trends.length > 1 && (
          <Select
            size="small"
            value={trend?.id}
            onChange={setTrendId}
            style={{ minWidth: 140 }}
            aria-label={t('reports.dashboard.trendSeries')}
            options={d.trends.map((s) => ({ value: s.id, label: label({ l: s.label }, 'l') }))}
            data-testid="trend-series"
          />
        )
      }
    >
      {trend ? (
        <WhenVisible placeholder={<Skeleton active paragraph={{ rows: 4 }} />}>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
            <TrendChart
              categories={months}
              lines={trendLines}
              ariaLabel={trendName}
              testId="trend-chart"
              onPick={(i, line) => {
                const p = trend.points[i];
                const f = line === 1 ? p.lastYear : p.current;
                const year = line === 1 ? d.year - 1 : d.year;
                if (f)
                  openFigure(t('reports.dashboard.trendPoint', { name: trendName, year, month: i + 1 }), f);
              }}
            />
          </Suspense>
        </WhenVisible>
      ) : (
        <EmptyState />
      )}
    </Card>
  );

  const figures = d && (
    <section aria-label={t('reports.dashboard.figures')} data-testid="key-figures">
      <Typography.Paragraph type="secondary" className="bbt-as-of" data-testid="dashboard-as-of">
        {t('reports.dashboard.asOfNote', { date: d.asOf })}
      </Typography.Paragraph>
      {areas.length === 0 ? (
        <Card>
          <EmptyState description={t('reports.dashboard.noFigures')} />
        </Card>
      ) : (
        areas.map(([area, list]) => (
          <section key={area} className="bbt-area" aria-label={label(workAreaLabels, area)}>
            <h2 className="bbt-area-title">{label(workAreaLabels, area)}</h2>
            <Row gutter={isMobile ? [8, 8] : [12, 12]}>
              {list.map((f) => (
                <Col key={f.id} xs={12} lg={8} xl={6}>
                  <KeyFigureCard
                    figure={f}
                    period={{ month: d.month, isRunning: d.isMonthRunning }}
                    onOpen={openFigure}
                  />
                </Col>
              ))}
            </Row>
          </section>
        ))
      )}
    </section>
  );

  return (
    <div className="bbt-dashboard">
      <div className="bbt-page-header">
        <div>
          <h1>{greetingText(t, user.displayName)}</h1>
          {d && (
            <Typography.Text type="secondary" data-testid="dashboard-scope">
              {t('reports.dashboard.scope', { name: d.orgUnitName, year: d.year, month: d.month })}
            </Typography.Text>
          )}
        </div>
        <DateField
          picker="month"
          allowClear={false}
          value={month}
          onChange={(m) => m && setMonth(m)}
          notFuture
          aria-label={t('reports.dashboard.pickMonth')}
          data-testid="dashboard-month"
        />
      </div>
      {tasks}
      {demo && <Alert type="warning" showIcon title={t('home.demoNotice')} style={{ marginBottom: 16 }} />}
      {dash.isError ? (
        <PageError error={dash.error} onRetry={() => void dash.refetch()} />
      ) : !d ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <div style={{ opacity: dash.isFetching ? 0.6 : 1 }} data-testid="dashboard">
          {todosCard}
          {figures}
          <div style={{ marginTop: 16 }}>{trendCard}</div>
          {breakdown && breakdown.rows.length > 0 && (
            <Card
              style={{ marginTop: 16 }}
              title={t('reports.dashboard.breakdown')}
              extra={
                <Select
                  size="small"
                  value={column?.id}
                  onChange={setColumnId}
                  style={{ minWidth: 140 }}
                  aria-label={t('reports.dashboard.breakdownColumn')}
                  options={breakdown.columns.map((c) => ({ value: c.id, label: label({ l: c.label }, 'l') }))}
                  data-testid="breakdown-column"
                />
              }
            >
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={10}>
                  <WhenVisible placeholder={<Skeleton active />}>
                    <Suspense fallback={<Skeleton active />}>
                      <TrendChart
                        kind="bar"
                        categories={barCategories}
                        lines={barLines}
                        height={Math.max(220, barRows.length * (isMobile ? 30 : 26) + 40)}
                        ariaLabel={t('reports.dashboard.breakdown')}
                        testId="breakdown-chart"
                        onPick={(i) => {
                          const r = barRows[i];
                          const f = r?.cells[colIdx];
                          if (f && column)
                            openFigure(`${r.orgUnitName} · ${label({ l: column.label }, 'l')}`, f);
                        }}
                      />
                    </Suspense>
                  </WhenVisible>
                </Col>
                <Col xs={24} xl={14}>
                  <BreakdownTable
                    columns={breakdown.columns.map((c) => ({
                      id: c.id,
                      label: label({ l: c.label }, 'l'),
                      unit: label({ u: c.unit }, 'u'),
                    }))}
                    rows={breakdown.rows}
                    total={breakdown.total}
                    firstTitle={t('reports.stats.level.orgUnit')}
                    onOpen={openFigure}
                    testId="breakdown-table"
                  />
                </Col>
              </Row>
            </Card>
          )}
        </div>
      )}
      {open && <FigureDrawer figure={open} onClose={() => setOpen(null)} />}
    </div>
  );
};
