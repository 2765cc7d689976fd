import { and, asc, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type {
  CreateReportDefinitionInput,
  FigureValue,
  ListReportDefinitionsQuery,
  RenderedReport,
  ReportColumn,
  ReportDefinition,
  ReportPeriodType,
  UpdateReportDefinitionInput,
} from '../../../contracts/reports';
import { reportPeriodTypeLabels } from '../../../contracts/reports';
import { requireAccess, resolveScopePath, scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError } from '../../kernel/http/errors';
import { likeEscape, orderBy, pageOf } from '../../kernel/http/list';
import { createIndicatorReader, type FigureSpec, specId } from '../../kernel/indicators/indicator-reader';
import type { IndicatorRegistry } from '../../kernel/indicators/registry';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { loadLiveUnits, loadScope, rowUnits } from './dashboard.service';
import { reportPeriod } from './periods';
import { reportDefinitions } from './reports.table';

type Row = typeof reportDefinitions.$inferSelect;

const toDefinition = (r: { d: Row; orgUnitName: string }): ReportDefinition => ({
  id: r.d.id,
  orgUnitId: r.d.orgUnitId,
  orgUnitName: r.orgUnitName,
  name: r.d.name,
  periodType: r.d.periodType as ReportPeriodType,
  orgLevel: r.d.orgLevel as ReportDefinition['orgLevel'],
  columns: r.d.columns as ReportColumn[],
  note: r.d.note,
  version: r.d.version,
  createdAt: iso(r.d.createdAt),
  updatedAt: iso(r.d.updatedAt),
  deletedAt: iso(r.d.deletedAt),
});

const selectDefinitions = (db: DbOrTx, where: SQL | undefined) =>
  db
    .select({ d: reportDefinitions, orgUnitName: orgUnits.name, total: sql<string>`count(*) over()` })
    .from(reportDefinitions)
    .innerJoin(orgUnits, eq(orgUnits.id, reportDefinitions.orgUnitId))
    .where(where);

/** Columns must name registered indicators and their dimensions (courtyard ones once merged). */
const checkColumns = (registry: IndicatorRegistry, columns: ReportColumn[]) => {
  const known = new Map(registry.list().map((i) => [i.key, i]));
  columns.forEach((c, n) => {
    const i = known.get(c.indicatorKey);
    if (!i)
      throw new AppError('VALIDATION_FAILED', `统计指标“${c.indicatorKey}”不存在`, [
        { field: `columns.${n}.indicatorKey`, message: '请选择已有的统计指标' },
      ]);
    for (const dim of [c.filter?.dimension, c.splitBy]) {
      if (dim && !Object.hasOwn(i.dimensions, dim))
        throw new AppError('VALIDATION_FAILED', `指标“${i.label.zh}”没有“${dim}”这一维度`, [
          { field: `columns.${n}`, message: `可选：${Object.keys(i.dimensions).join('、') || '无'}` },
        ]);
    }
  });
};

/**
 * Definitions a user can use: her subtree's, and her ancestors' (the county's 月报 that every town
 * fills in for its own villages). Only the owner unit's subtree edits one.
 */
const usable = (scopePath: string) =>
  or(
    scoped(reportDefinitions.orgPath, scopePath),
    sql`${scopePath} like ${reportDefinitions.orgPath} || '%'`,
  );

export const listReportDefinitions = async (ctx: ServiceContext, q: ListReportDefinitionsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'reports.read', q.orgUnitId);
  const { limit, offset } = pageOf(q);
  const rows = await selectDefinitions(
    ctx.db,
    and(
      usable(scopePath),
      q.status === 'deleted' ? isNotNull(reportDefinitions.deletedAt) : isNull(reportDefinitions.deletedAt),
      q.q ? ilike(reportDefinitions.name, likeEscape(q.q)) : undefined,
    ),
  )
    .orderBy(
      ...orderBy(q.sort, { name: reportDefinitions.name, updatedAt: reportDefinitions.updatedAt }, [
        asc(reportDefinitions.name),
        desc(reportDefinitions.updatedAt),
      ]),
    )
    .limit(limit)
    .offset(offset);
  return { items: rows.map(toDefinition), total: rows.length ? Number(rows[0].total) : 0 };
};

const loadVisible = async (db: DbOrTx, ctx: ServiceContext, id: string) => {
  const [row] = await selectDefinitions(db, and(eq(reportDefinitions.id, id), usable(ctx.actor.orgPath)));
  return row;
};

/** The definition's lifecycle; reads see ancestors' definitions too, the lock only the owner's subtree. */
export const reportDefinitionRecord = defineRecord({
  entityType: 'reportDefinition',
  table: reportDefinitions,
  label: '报表',
  auditModule: 'reports',
  permissions: { read: 'reports.read', write: 'reports.write' },
  find: async (db, ctx, _scopePath, id) => {
    const row = await loadVisible(db, ctx, id);
    return row && toDefinition(row);
  },
  describe: (def: ReportDefinition) => def.name,
  isHandedDown: true,
});

export const getReportDefinition = (ctx: ServiceContext, id: string) => reportDefinitionRecord.get(ctx, id);

export const createReportDefinition = (
  ctx: ServiceContext,
  registry: IndicatorRegistry,
  input: CreateReportDefinitionInput,
) =>
  ctx.db.transaction(async (tx) => {
    const unitId = input.orgUnitId ?? ctx.actor.orgUnitId;
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'reports.write',
      orgUnitIds: [unitId],
    });
    checkColumns(registry, input.columns);
    const orgPath = paths.get(unitId) as string;
    const id = uuidv7();
    return reportDefinitionRecord.create(tx, ctx, { id, orgPath }, () =>
      tx.insert(reportDefinitions).values({
        id,
        orgUnitId: unitId,
        orgPath,
        name: input.name,
        periodType: input.periodType,
        orgLevel: input.orgLevel,
        columns: input.columns,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
  });

export const updateReportDefinition = (
  ctx: ServiceContext,
  registry: IndicatorRegistry,
  id: string,
  input: UpdateReportDefinitionInput,
) =>
  reportDefinitionRecord.update(ctx, id, input.version, async (tx) => {
    if (input.columns) checkColumns(registry, input.columns);
    const { version: _v, ...set } = input;
    await reportDefinitionRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteReportDefinition = (ctx: ServiceContext, id: string, version: number) =>
  reportDefinitionRecord.softDelete(ctx, id, version);

export const restoreReportDefinition = (ctx: ServiceContext, id: string, version: number) =>
  reportDefinitionRecord.restore(ctx, id, version);

type RenderSpec = Pick<ReportDefinition, 'name' | 'periodType' | 'orgLevel' | 'columns'>;

/**
 * A report as a table: one row per unit at the definition's level below the scope, a total row,
 * one column per indicator (filtered or split by a dimension). Every cell and the total come
 * from the same indicator, read grouped by unit — the county sees each town and the county total
 * from one definition. Columns of indicators not registered are skipped and listed.
 */
export const renderReport = async (
  ctx: ServiceContext,
  registry: IndicatorRegistry,
  def: RenderSpec,
  q: { year: number; index: number; orgUnitId?: string },
): Promise<RenderedReport> => {
  const orgPath = await resolveScopePath(ctx.db, ctx.actor, 'reports.read', q.orgUnitId);
  const scope = await loadScope(ctx.db, orgPath);
  const reader = createIndicatorReader(ctx.db, registry, ctx.actor, { orgUnitId: scope.id, orgPath });
  const { period, label } = reportPeriod(def.periodType, q.year, q.index);
  const skipped = def.columns.filter((c) => !reader.has(c.indicatorKey)).map((c) => c.indicatorKey);
  const level = def.orgLevel;
  const depth = scope.depth + (level === 'orgUnit' ? 1 : 2);
  const live = (await loadLiveUnits(ctx.db, orgPath)).filter((u) => u.depth === depth);

  // Expand split columns into one per dimension value present (or defined) in the scope.
  const cols: {
    id: string;
    label: string;
    unit: string;
    labelEn: string;
    unitEn: string;
    spec: FigureSpec;
  }[] = [];
  for (const c of def.columns.filter((x) => reader.has(x.indicatorKey))) {
    const i = reader.indicator(c.indicatorKey);
    if (c.splitBy) {
      const present = await reader.grouped(c.indicatorKey, c.splitBy, period);
      const values = new Map(Object.entries(await reader.valueLabels(c.indicatorKey, c.splitBy)));
      for (const r of present.rows)
        if (r.group && !values.has(r.group))
          values.set(r.group, { zh: r.label ?? r.group, en: r.label ?? r.group });
      for (const [v, l] of values) {
        const spec = { indicatorKey: c.indicatorKey, filters: { [c.splitBy]: v } };
        cols.push({
          id: specId(spec),
          label: `${c.label || i.label.zh}（${l.zh}）`,
          unit: i.unit.zh,
          labelEn: `${c.label || i.label.en} (${l.en})`,
          unitEn: i.unit.en,
          spec,
        });
      }
      continue;
    }
    const spec = {
      indicatorKey: c.indicatorKey,
      filters: c.filter ? { [c.filter.dimension]: c.filter.value } : undefined,
    };
    const valueLabel = c.filter
      ? ((await reader.valueLabels(c.indicatorKey, c.filter.dimension))[c.filter.value] ?? {
          zh: c.filter.value,
          en: c.filter.value,
        })
      : null;
    cols.push({
      id: specId(spec),
      label: c.label || (valueLabel ? `${i.label.zh}（${valueLabel.zh}）` : i.label.zh),
      unit: i.unit.zh,
      labelEn: c.label || (valueLabel ? `${i.label.en} (${valueLabel.en})` : i.label.en),
      unitEn: i.unit.en,
      spec,
    });
  }
  const perCol = await Promise.all(cols.map((c) => reader.byUnit(c.spec, period, level)));
  const total = (await Promise.all(cols.map((c) => reader.value(c.spec, period)))) as FigureValue[];
  const units = await rowUnits(ctx.db, live, perCol);
  return {
    title: `${scope.name}${label}${def.name}`,
    name: def.name,
    orgUnitId: scope.id,
    orgUnitName: scope.name,
    periodType: def.periodType,
    period,
    periodLabel: `${label}（${reportPeriodTypeLabels[def.periodType].zh}）`,
    columns: cols.map(({ spec: _spec, ...column }) => column),
    rows: units.map((u) => ({
      orgUnitId: u.id,
      orgUnitName: u.name,
      cells: cols.map((c, n) => ({
        value: perCol[n].get(u.id) ?? 0,
        source: reader.sourceOf({ ...c.spec, filters: { [level]: u.id, ...(c.spec.filters ?? {}) } }, period),
      })),
    })),
    total,
    skippedIndicatorKeys: [...new Set(skipped)],
  };
};

export const renderSavedReport = async (
  ctx: ServiceContext,
  registry: IndicatorRegistry,
  id: string,
  q: { year: number; index: number; orgUnitId?: string },
) => renderReport(ctx, registry, await getReportDefinition(ctx, id), q);
