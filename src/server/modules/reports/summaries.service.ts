import { and, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type {
  DraftSummaryInput,
  ListSummariesQuery,
  PlanItem,
  RegenerateSummaryInput,
  RegenerateSummaryResult,
  SaveSummaryInput,
  Summary,
  SummaryContent,
  SummaryDraft,
  SummaryKind,
  SummaryMeta,
  SummaryStyle,
  SummaryVersion,
  SummaryVersionDetail,
  SummaryWarning,
} from '../../../contracts/reports';
import { requireAccess, resolveScopePath, scoped } from '../../kernel/access/access';
import type { Actor } from '../../kernel/access/actor';
import { orgUnits } from '../../kernel/access/org-units.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { orderBy, pageOf } from '../../kernel/http/list';
import { createIndicatorReader } from '../../kernel/indicators/indicator-reader';
import type { IndicatorRegistry } from '../../kernel/indicators/registry';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { loadScope } from './dashboard.service';
import { workSummaries, workSummaryVersions } from './reports.table';
import { draftSummary, type SummaryScope, summaryPeriod } from './summary-draft';
import type { IsStock } from './summary-format';
import { applyEdit, mergeRegenerated, withPlan } from './summary-merge';

type Row = typeof workSummaries.$inferSelect;

const scopeOf = (r: {
  kind: string;
  year: number;
  quarter?: number | null;
  month?: number | null;
  style: string;
}): SummaryScope => ({
  kind: r.kind as SummaryKind,
  year: r.year,
  quarter: r.kind === 'quarterly' ? (r.quarter ?? null) : null,
  month: r.kind === 'monthly' ? (r.month ?? null) : null,
  style: r.style as SummaryStyle,
});

const toMeta = (r: Row, orgUnitName: string, updatedByName: string | null): SummaryMeta => ({
  id: r.id,
  orgUnitId: r.orgUnitId,
  orgUnitName,
  kind: r.kind as SummaryKind,
  year: r.year,
  quarter: r.quarter,
  month: r.month,
  style: r.style as SummaryStyle,
  title: r.title,
  period: summaryPeriod(scopeOf(r)),
  signedOn: r.signedOn,
  generatedAt: iso(r.generatedAt),
  updatedByName,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});

const selectSummaries = (db: DbOrTx, where: SQL | undefined) =>
  db
    .select({
      s: workSummaries,
      orgUnitName: orgUnits.name,
      updatedByName: sql<
        string | null
      >`(select display_name from users u where u.id = ${workSummaries.updatedBy})`,
      total: sql<string>`count(*) over()`,
    })
    .from(workSummaries)
    .innerJoin(orgUnits, eq(orgUnits.id, workSummaries.orgUnitId))
    .where(where);

const toSummary = (r: { s: Row; orgUnitName: string; updatedByName: string | null }): Summary => ({
  ...toMeta(r.s, r.orgUnitName, r.updatedByName),
  content: r.s.content as SummaryContent,
});

export const listSummaries = async (ctx: ServiceContext, q: ListSummariesQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'reports.read', q.orgUnitId);
  const { limit, offset } = pageOf(q);
  const rows = await selectSummaries(
    ctx.db,
    and(
      scoped(workSummaries.orgPath, scopePath),
      q.status === 'deleted' ? isNotNull(workSummaries.deletedAt) : isNull(workSummaries.deletedAt),
      q.kind ? eq(workSummaries.kind, q.kind) : undefined,
      q.year ? eq(workSummaries.year, q.year) : undefined,
    ),
  )
    .orderBy(
      ...orderBy(q.sort, { year: workSummaries.year, updatedAt: workSummaries.updatedAt }, [
        desc(workSummaries.year),
        desc(workSummaries.updatedAt),
      ]),
    )
    .limit(limit)
    .offset(offset);
  return {
    items: rows.map((r) => toMeta(r.s, r.orgUnitName, r.updatedByName)),
    total: rows.length ? Number(rows[0].total) : 0,
  };
};

const loadVisible = async (db: DbOrTx, ctx: ServiceContext, id: string) => {
  const [row] = await selectSummaries(
    db,
    and(eq(workSummaries.id, id), scoped(workSummaries.orgPath, ctx.actor.orgPath)),
  );
  return row;
};

const periodTaken = () =>
  new AppError('CONFLICT', '该单位这一期间的工作总结已存在，请打开已有的总结继续编辑');

/** The summary's lifecycle; the audit log keeps its meta, the text lives in the version history. */
export const summaryRecord = defineRecord({
  entityType: 'workSummary',
  table: workSummaries,
  label: '工作总结',
  auditModule: 'reports',
  permissions: { read: 'reports.read', write: 'reports.write' },
  find: async (db, ctx, _scopePath, id) => {
    const row = await loadVisible(db, ctx, id);
    return row && toSummary(row);
  },
  describe: (summary: Summary) => summary.title,
  auditImage: ({ content: _c, warnings: _w, ...meta }: Summary): SummaryMeta => meta,
  onWriteError: (e) => {
    if (isUniqueViolation(e, 'work_summaries_live_period_uq')) throw periodTaken();
  },
});

export const getSummary = (ctx: ServiceContext, id: string) => summaryRecord.get(ctx, id);

/** The period of the same kind just before: last year, last quarter, last month. */
const previousOf = (s: SummaryScope) =>
  s.kind === 'annual'
    ? { year: s.year - 1, quarter: null, month: null }
    : s.kind === 'quarterly'
      ? s.quarter === 1
        ? { year: s.year - 1, quarter: 4, month: null }
        : { year: s.year, quarter: (s.quarter ?? 1) - 1, month: null }
      : s.month === 1
        ? { year: s.year - 1, quarter: null, month: 12 }
        : { year: s.year, quarter: null, month: (s.month ?? 1) - 1 };

/** 成文日期 by default: the period's last day if it is over, else today (Beijing time). */
export const defaultSignedOn = (s: SummaryScope, today = shanghaiToday()) => {
  // ISO dates compare as strings: the earlier of the period's last day and today.
  return [summaryPeriod(s).to, today].sort()[0];
};

/** What a ledger is called in a warning, by its indicators' key prefix; else its first indicator's name. */
const LEDGER_LABELS: Record<string, { zh: string; en: string }> = {
  activities: { zh: '活动', en: 'activity' },
  patrols: { zh: '护林防火巡查', en: 'forest-fire patrol' },
  courtyards: { zh: '美丽庭院', en: 'beautiful-courtyard' },
  org: { zh: '组织建设', en: 'organisation' },
  people: { zh: '人员', en: 'people' },
};

/**
 * Ledgers with no records in the period that had some in the previous period of the same length.
 * A ledger is the flow indicators (records placed in a period by their date, counted) sharing a
 * key prefix; each is read once for both periods (its roll-up where it has one), all in parallel.
 */
export const emptyLedgerWarnings = async (
  db: DbOrTx,
  registry: IndicatorRegistry,
  actor: Actor,
  scopePath: string,
  s: SummaryScope,
): Promise<SummaryWarning[]> => {
  const period = summaryPeriod(s);
  const previousPeriod = summaryPeriod({ ...s, ...previousOf(s) });
  const flows = registry
    .list()
    .filter(
      (i) => i.isFlow && !i.isOccasional && i.measure === 'count' && actor.permissions.has(i.permission),
    );
  const counted = await Promise.all(
    flows.map(async (i) => {
      const args = { from: previousPeriod.from, to: period.to, scopePath };
      const rolled = i.rollup?.(args);
      const n = rolled ? sql`s.n` : sql`1`;
      const result = await db.execute(sql`
        select coalesce(sum(${n}) filter (where s.record_date >= ${period.from}::date), 0)::int as current,
               coalesce(sum(${n}) filter (where s.record_date < ${period.from}::date), 0)::int as previous
        from (${rolled ?? i.source(args)}) s where ${scoped('s.org_path', scopePath)}`);
      const row = result.rows[0] as { current: number; previous: number };
      return { indicator: i, ...row };
    }),
  );
  const ledgers = new Map<string, typeof counted>();
  for (const c of counted) {
    const ledger = c.indicator.key.split('.')[0];
    ledgers.set(ledger, [...(ledgers.get(ledger) ?? []), c]);
  }
  return [...ledgers.entries()]
    .filter(([, cs]) => cs.every((c) => c.current === 0) && cs.some((c) => c.previous > 0))
    .map(([ledger, cs]) => ({
      ledger,
      ledgerLabel: LEDGER_LABELS[ledger] ?? cs[0].indicator.label,
      indicatorKeys: cs.map((c) => c.indicator.key),
      period,
      previousPeriod,
      previousCount: Math.max(...cs.map((c) => c.previous)),
    }));
};

/** A saved summary with the warnings about its period's ledgers. */
export const withWarnings = async (
  ctx: ServiceContext,
  registry: IndicatorRegistry,
  summary: Summary,
): Promise<Summary> => {
  const [row] = await ctx.db
    .select({ orgPath: workSummaries.orgPath })
    .from(workSummaries)
    .where(eq(workSummaries.id, summary.id));
  if (!row) return summary;
  const warnings = await emptyLedgerWarnings(ctx.db, registry, ctx.actor, row.orgPath, scopeOf(summary));
  return { ...summary, warnings };
};

/** The previous period's saved plan: the starting point for 下一步工作打算. */
const previousPlan = async (db: DbOrTx, orgUnitId: string, s: SummaryScope): Promise<PlanItem[]> => {
  const prev = previousOf(s);
  const [row] = await db
    .select({ content: workSummaries.content })
    .from(workSummaries)
    .where(
      and(
        eq(workSummaries.orgUnitId, orgUnitId),
        eq(workSummaries.kind, s.kind),
        eq(workSummaries.year, prev.year),
        prev.quarter ? eq(workSummaries.quarter, prev.quarter) : undefined,
        prev.month ? eq(workSummaries.month, prev.month) : undefined,
        isNull(workSummaries.deletedAt),
      ),
    )
    .limit(1);
  return ((row?.content as SummaryContent | undefined)?.planItems ?? []).map((p) => ({ ...p }));
};

const draftFor = async (
  ctx: ServiceContext,
  db: DbOrTx,
  registry: IndicatorRegistry,
  orgPath: string,
  s: SummaryScope,
  planItems: PlanItem[],
) => {
  const scope = await loadScope(db, orgPath);
  const reader = createIndicatorReader(db, registry, ctx.actor, { orgUnitId: scope.id, orgPath });
  return { scope, ...(await draftSummary(reader, scope, s, planItems)) };
};

/** A draft that is not saved: what the summary would say now. */
export const previewSummary = async (
  ctx: ServiceContext,
  registry: IndicatorRegistry,
  input: DraftSummaryInput,
): Promise<SummaryDraft> => {
  const started = performance.now();
  const orgPath = await resolveScopePath(ctx.db, ctx.actor, 'reports.read', input.orgUnitId);
  const s = scopeOf(input);
  const unitId = input.orgUnitId ?? ctx.actor.orgUnitId;
  const planItems = input.planItems ?? (await previousPlan(ctx.db, unitId, s));
  const [{ scope, content }, warnings] = await Promise.all([
    draftFor(ctx, ctx.db, registry, orgPath, s, planItems),
    emptyLedgerWarnings(ctx.db, registry, ctx.actor, orgPath, s),
  ]);
  return {
    orgUnitId: scope.id,
    orgUnitName: scope.name,
    kind: s.kind,
    year: s.year,
    quarter: s.quarter,
    month: s.month,
    style: s.style,
    period: summaryPeriod(s),
    signedOn: input.signedOn ?? defaultSignedOn(s),
    content,
    warnings,
    elapsedMs: Math.round(performance.now() - started),
  };
};

const saveVersion = (tx: Tx, ctx: ServiceContext, row: Row, action: string) =>
  tx.insert(workSummaryVersions).values({
    summaryId: row.id,
    version: row.version,
    orgPath: row.orgPath,
    action,
    title: row.title,
    style: row.style,
    content: row.content,
    signedOn: row.signedOn,
    savedBy: ctx.actor.userId,
    savedByName: ctx.actor.displayName,
  });

/** Drafts from the records and saves it as version 1. */
export const createSummary = async (
  ctx: ServiceContext,
  registry: IndicatorRegistry,
  input: DraftSummaryInput,
): Promise<Summary> => {
  const unitId = input.orgUnitId ?? ctx.actor.orgUnitId;
  return ctx.db.transaction(async (tx) => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'reports.write',
      orgUnitIds: [unitId],
    });
    const orgPath = paths.get(unitId) as string;
    const s = scopeOf(input);
    const planItems = input.planItems ?? (await previousPlan(tx, unitId, s));
    // Read through the pool: the reader runs its grouped queries in parallel.
    const { content } = await draftFor(ctx, ctx.db, registry, orgPath, s, planItems);
    const id = uuidv7();
    return summaryRecord.create(tx, ctx, { id, orgPath }, async () => {
      const [row] = await tx
        .insert(workSummaries)
        .values({
          id,
          orgUnitId: unitId,
          orgPath,
          kind: s.kind,
          year: s.year,
          quarter: s.quarter,
          month: s.month,
          style: s.style,
          title: content.title,
          content,
          signedOn: input.signedOn ?? defaultSignedOn(s),
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        })
        .returning();
      await saveVersion(tx, ctx, row, 'create');
    });
  });
};

/** Writes a live summary's new content and keeps it as a version (`action` names it in the history). */
const setContent = async (
  tx: Tx,
  ctx: ServiceContext,
  id: string,
  action: string,
  set: Partial<typeof workSummaries.$inferInsert>,
) => {
  const [updated] = (await summaryRecord
    .write(tx, id, { ...set, updatedBy: ctx.actor.userId })
    .returning()) as Row[];
  await saveVersion(tx, ctx, updated, action);
};

/** Stock indicators (counts at a moment) are stated exactly by default; unknown ones count as flows. */
export const stockTest =
  (registry: IndicatorRegistry): IsStock =>
  (key) =>
    registry.list().some((i) => i.key === key && !i.isFlow);

export const saveSummary = (
  ctx: ServiceContext,
  registry: IndicatorRegistry,
  id: string,
  input: SaveSummaryInput,
) =>
  summaryRecord.update(
    ctx,
    id,
    input.version,
    async (tx, row) => {
      const style = input.style ?? (row.style as SummaryStyle);
      // Another document style is applied to every figure; otherwise each chip keeps its own choice.
      const restyleTo = style !== row.style ? { style, isStock: stockTest(registry) } : undefined;
      const content = applyEdit(
        row.content as SummaryContent,
        input.content,
        row.kind as SummaryKind,
        restyleTo,
      );
      await setContent(tx, ctx, id, 'save', {
        content,
        title: content.title,
        style,
        signedOn: input.signedOn ?? row.signedOn,
      });
    },
    'save',
  );

export const regenerateSummary = async (
  ctx: ServiceContext,
  registry: IndicatorRegistry,
  id: string,
  input: RegenerateSummaryInput,
): Promise<RegenerateSummaryResult> => {
  let changedFigures: RegenerateSummaryResult['changedFigures'] = [];
  const summary = await summaryRecord.update(
    ctx,
    id,
    input.version,
    async (tx, row) => {
      const previous = row.content as SummaryContent;
      const s = scopeOf(row);
      const { content: draft, figures } = await draftFor(
        ctx,
        ctx.db,
        registry,
        row.orgPath,
        s,
        previous.planItems,
      );
      const merged = mergeRegenerated(previous, draft, figures, input.mode, s.kind);
      changedFigures = merged.changed;
      await setContent(tx, ctx, id, 'regenerate', {
        content: merged.content,
        title: merged.content.title,
        generatedAt: sql`now()` as unknown as string,
      });
    },
    'regenerate',
  );
  return { summary, changedFigures };
};

export const deleteSummary = (ctx: ServiceContext, id: string, version: number) =>
  summaryRecord.softDelete(ctx, id, version);

export const restoreSummary = (ctx: ServiceContext, id: string, version: number) =>
  summaryRecord.restore(ctx, id, version);

/** Makes an earlier version the current one (as a new version). */
export const restoreSummaryVersion = async (
  ctx: ServiceContext,
  id: string,
  versionNo: number,
  version: number,
) =>
  summaryRecord.update(
    ctx,
    id,
    version,
    async (tx, row) => {
      const [old] = await tx
        .select()
        .from(workSummaryVersions)
        .where(and(eq(workSummaryVersions.summaryId, id), eq(workSummaryVersions.version, versionNo)));
      if (!old) throw notFound('历史版本');
      const content = withPlan(old.content as SummaryContent, row.kind as SummaryKind);
      await setContent(tx, ctx, id, 'restore', {
        content,
        title: old.title,
        style: old.style,
        signedOn: old.signedOn,
      });
    },
    'restore',
  );

/** A saved version as the history lists it (without its content). */
const toVersion = (r: typeof workSummaryVersions.$inferSelect): SummaryVersion => ({
  version: r.version,
  action: r.action as SummaryVersion['action'],
  title: r.title,
  style: r.style as SummaryStyle,
  signedOn: r.signedOn,
  savedAt: iso(r.savedAt),
  savedByName: r.savedByName,
});

export const listSummaryVersions = async (
  ctx: ServiceContext,
  id: string,
): Promise<{ items: SummaryVersion[] }> => {
  await getSummary(ctx, id);
  const rows = await ctx.db
    .select()
    .from(workSummaryVersions)
    .where(and(eq(workSummaryVersions.summaryId, id), scoped(workSummaryVersions.orgPath, ctx.actor.orgPath)))
    .orderBy(desc(workSummaryVersions.version));
  return {
    items: rows.map(toVersion),
  };
};

export const getSummaryVersion = async (
  ctx: ServiceContext,
  id: string,
  versionNo: number,
): Promise<SummaryVersionDetail> => {
  await getSummary(ctx, id);
  const [r] = await ctx.db
    .select()
    .from(workSummaryVersions)
    .where(
      and(
        eq(workSummaryVersions.summaryId, id),
        eq(workSummaryVersions.version, versionNo),
        scoped(workSummaryVersions.orgPath, ctx.actor.orgPath),
      ),
    );
  if (!r) throw notFound('历史版本');
  return { ...toVersion(r), content: r.content as SummaryContent };
};
