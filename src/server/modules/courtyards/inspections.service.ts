import { sql } from 'drizzle-orm';
import type {
  CreateInspectionInput,
  Inspection,
  ListInspectionsQuery,
  RubricRules,
  UpdateInspectionInput,
} from '../../../contracts/courtyards';
import {
  addDays,
  checkScoreInput,
  computeScore,
  DEFAULT_RECTIFICATION_DAYS,
  monthBounds,
  monthOf,
} from '../../../contracts/courtyards';
import { isWithin, requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { likeEscape, listPage, orderBy, type SortWhitelist } from '../../kernel/http/list';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import {
  and,
  findHousehold,
  findInspection,
  inspectionSelect,
  rows,
  toInspection,
} from './courtyards.repository';
import { courtyardInspections, courtyardRectifications } from './courtyards.table';
import { effectiveRubricFor, rubricById } from './rubrics.service';

/** The list's sort whitelist, over the select's output columns (`listPage`'s `x`). */
const sortable: SortWhitelist = {
  inspectedOn: sql`x.inspected_on`,
  totalScore: sql`x.total_score`,
  createdAt: sql`x.created_at`,
};

export const inspectionFilters = (
  scopePath: string,
  q: Omit<ListInspectionsQuery, 'page' | 'pageSize' | 'sort'>,
) => {
  const month = q.month ? monthBounds(q.month) : undefined;
  return and([
    scoped('i.org_path', scopePath),
    q.status === 'deleted' ? sql`i.deleted_at is not null` : sql`i.deleted_at is null`,
    q.householdId ? sql`i.household_id = ${q.householdId}` : undefined,
    q.groupId ? sql`i.group_id = ${q.groupId}` : undefined,
    q.kind ? sql`i.kind = ${q.kind}` : undefined,
    month ? sql`i.inspected_on between ${month.from}::date and ${month.to}::date` : undefined,
    q.from ? sql`i.inspected_on >= ${q.from}::date` : undefined,
    q.to ? sql`i.inspected_on <= ${q.to}::date` : undefined,
    q.rating === 'none' ? sql`i.rating is null` : q.rating ? sql`i.rating = ${q.rating}` : undefined,
    q.q
      ? sql`(h.address ilike ${likeEscape(q.q)} or h.house_number ilike ${likeEscape(q.q)} or exists (select 1 from persons p where p.id = h.head_person_id and p.name ilike ${likeEscape(q.q)}))`
      : undefined,
  ]);
};

export const listInspections = async (ctx: ServiceContext, q: ListInspectionsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'courtyards.read', q.orgUnitId);
  const order = q.sort ? orderBy(q.sort, sortable, [sql`x.id`]) : [sql`x.inspected_on desc`, sql`x.id`];
  // Counting reads the inspections alone unless the search needs the household.
  const countFrom = q.q
    ? sql`from courtyard_inspections i join households h on h.id = i.household_id`
    : sql`from courtyard_inspections i`;
  return listPage(
    ctx.db,
    { select: inspectionSelect, where: inspectionFilters(scopePath, q), order, countFrom },
    q,
    toInspection,
  );
};

export const getInspection = async (ctx: ServiceContext, id: string) => {
  requirePermission(ctx.actor, 'courtyards.read');
  const found = await findInspection(ctx.db, ctx.actor.orgPath, id);
  if (!found) throw notFound('检查记录');
  return found;
};

const score = (
  rules: RubricRules,
  v: {
    itemScores: Inspection['itemScores'];
    deductions: { itemCode: string; points: number }[];
    vetoCodes: string[];
  },
) => {
  const problems = checkScoreInput(rules, v);
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems[0].message, problems);
  return computeScore(rules, v);
};

const checkDate = (inspectedOn: string) => {
  if (inspectedOn > shanghaiToday()) throw invalid('inspectedOn', '检查日期不能晚于今天');
};

/** The group must be one of the household's town (a group inspects only within its own town). */
const checkGroup = async (db: DbOrTx, groupId: string | null | undefined, householdPath: string) => {
  if (!groupId) return;
  const [g] = await rows(
    db,
    sql`select org_path from courtyard_groups where id = ${groupId} and deleted_at is null`,
  );
  if (!g || !isWithin(householdPath, g.org_path as string)) throw notFound('验收小组');
};

const checkMonthly = async (tx: Tx, householdId: string, month: string, exceptId?: string) => {
  const [dup] = await rows(
    tx,
    sql`select id from courtyard_inspections where household_id = ${householdId} and month = ${month}
      and kind = 'monthly' and deleted_at is null ${exceptId ? sql`and id <> ${exceptId}` : sql``}`,
  );
  if (dup) throw new AppError('DUPLICATE', `该户${month}已有月底入户检查记录，请修改原记录`);
};

const audit = (
  tx: Tx,
  ctx: ServiceContext,
  action: string,
  before: Inspection | null,
  after: Inspection,
  path: string,
) =>
  recordAudit(tx, ctx.actor, {
    module: 'courtyards',
    action,
    entityType: 'courtyardInspection',
    entityId: after.id,
    entityLabel: `${after.householdLabel} ${after.inspectedOn}`,
    orgUnitId: after.orgUnitId,
    orgPath: path,
    before,
    after,
  });

const byId = async (tx: Tx, id: string) => (await findInspection(tx, '/', id)) as Inspection;

/**
 * Records an inspection scored with the rubric in force for the household's unit and year. A retry
 * with the same client id answers with the saved record (`isReplay`) instead of a duplicate. A
 * deduction marked for rectification opens one (deadline: its own, else 7 days after the visit).
 */
export const createInspection = (ctx: ServiceContext, input: CreateInspectionInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'courtyards.write');
    const household = await findHousehold(tx, ctx.actor.orgPath, input.householdId);
    if (!household) throw notFound('农户');
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`inspect:${input.householdId}`}))`);
    if (input.id) {
      const [existing] = await rows(
        tx,
        sql`select id, org_path, household_id, kind, inspected_on::text as d from courtyard_inspections where id = ${input.id}`,
      );
      if (existing) {
        const same =
          isWithin(existing.org_path as string, ctx.actor.orgPath) &&
          existing.household_id === input.householdId &&
          existing.kind === input.kind &&
          existing.d === input.inspectedOn;
        if (same) return { inspection: await byId(tx, input.id), isReplay: true };
        throw new AppError('CONFLICT', '该检查记录编号已被使用，请刷新后重新填写');
      }
    }
    checkDate(input.inspectedOn);
    const rubric = await effectiveRubricFor(tx, household.orgPath, Number(input.inspectedOn.slice(0, 4)));
    if (!rubric) throw new AppError('CONFLICT', '本村所在镇、县尚未设置评分细则，请先设置量化评分细则');
    const result = score(rubric.rules, input);
    await checkGroup(tx, input.groupId, household.orgPath);
    const month = monthOf(input.inspectedOn);
    if (input.kind === 'monthly') await checkMonthly(tx, household.id, month);
    const id = input.id ?? uuidv7();
    const deductions = input.deductions.map(({ isRectifying: _r, rectifyBy: _b, ownerName: _o, ...d }) => d);
    await tx.insert(courtyardInspections).values({
      id,
      orgUnitId: household.orgUnitId,
      orgPath: household.orgPath,
      householdId: household.id,
      rubricId: rubric.id,
      kind: input.kind,
      inspectedOn: input.inspectedOn,
      month,
      groupId: input.groupId ?? null,
      inspectorNames: input.inspectorNames ?? null,
      itemScores: input.itemScores,
      deductions,
      vetoCodes: input.vetoCodes,
      totalScore: result.total,
      rating: result.rating,
      isVeto: result.isVeto,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    for (const d of input.deductions.filter((x) => x.isRectifying)) {
      const deadline = d.rectifyBy ?? addDays(input.inspectedOn, DEFAULT_RECTIFICATION_DAYS);
      if (deadline < input.inspectedOn) throw invalid('deductions', '整改期限不能早于检查日期');
      await tx.insert(courtyardRectifications).values({
        id: uuidv7(),
        orgUnitId: household.orgUnitId,
        orgPath: household.orgPath,
        householdId: household.id,
        inspectionId: id,
        itemCode: d.itemCode,
        problem: d.reason,
        openedOn: input.inspectedOn,
        deadline,
        ownerName: d.ownerName ?? household.headName,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
    }
    const inspection = await byId(tx, id);
    await audit(tx, ctx, 'create', null, inspection, household.orgPath);
    return { inspection, isReplay: false };
  });

const lock = async (tx: Tx, ctx: ServiceContext, id: string, version: number) => {
  requirePermission(ctx.actor, 'courtyards.write');
  const [row] = await rows(
    tx,
    sql`select id, version, org_path, deleted_at, household_id, kind, month from courtyard_inspections where id = ${id} and ${scoped('org_path', ctx.actor.orgPath)} for update`,
  );
  if (!row) throw notFound('检查记录');
  if (Number(row.version) !== version) throw new AppError('VERSION_CONFLICT');
  return row as {
    org_path: string;
    deleted_at: string | null;
    household_id: string;
    kind: string;
    month: string;
  };
};

/** Edits rescore with the inspection's own rubric version, never the newer one. */
export const updateInspection = (ctx: ServiceContext, id: string, input: UpdateInspectionInput) =>
  ctx.db.transaction(async (tx) => {
    const row = await lock(tx, ctx, id, input.version);
    if (row.deleted_at) throw notFound('检查记录');
    const before = await byId(tx, id);
    const rubric = await rubricById(tx, before.rubricId);
    if (!rubric) throw notFound('评分细则');
    const next = {
      itemScores: input.itemScores ?? before.itemScores,
      deductions: input.deductions ?? before.deductions,
      vetoCodes: input.vetoCodes ?? before.vetoCodes,
    };
    // Imported rows carry the sheet's total without item scores: they are rescored only when the
    // edit touches the scoring itself.
    const isRescoring = !!(input.itemScores || input.deductions || input.vetoCodes);
    const result = isRescoring
      ? score(rubric.rules, next)
      : { total: before.totalScore, rating: before.rating, isVeto: before.isVeto };
    const inspectedOn = input.inspectedOn ?? before.inspectedOn;
    checkDate(inspectedOn);
    if (inspectedOn.slice(0, 4) !== before.inspectedOn.slice(0, 4))
      throw invalid('inspectedOn', '检查日期不能改到另一年（评分细则按年度区分），请删除后重新登记');
    const month = monthOf(inspectedOn);
    if (row.kind === 'monthly' && month !== row.month) await checkMonthly(tx, row.household_id, month, id);
    if (input.groupId !== undefined) await checkGroup(tx, input.groupId, row.org_path);
    await tx
      .update(courtyardInspections)
      .set({
        inspectedOn,
        month,
        groupId: input.groupId === undefined ? before.groupId : input.groupId,
        inspectorNames: input.inspectorNames === undefined ? before.inspectorNames : input.inspectorNames,
        itemScores: next.itemScores,
        deductions: next.deductions,
        vetoCodes: next.vetoCodes,
        totalScore: result.total,
        rating: result.rating,
        isVeto: result.isVeto,
        note: input.note === undefined ? before.note : input.note,
        version: sql`${courtyardInspections.version} + 1`,
        updatedAt: sql`now()`,
        updatedBy: ctx.actor.userId,
      })
      .where(sql`${courtyardInspections.id} = ${id}`);
    const after = await byId(tx, id);
    await audit(tx, ctx, 'update', before, after, row.org_path);
    return after;
  });

export const deleteInspection = (ctx: ServiceContext, id: string, version: number) =>
  ctx.db.transaction(async (tx) => {
    const row = await lock(tx, ctx, id, version);
    if (row.deleted_at) throw notFound('检查记录');
    const before = await byId(tx, id);
    await tx.execute(
      sql`update courtyard_inspections set deleted_at = now(), version = version + 1, updated_at = now(), updated_by = ${ctx.actor.userId} where id = ${id}`,
    );
    const after = await byId(tx, id);
    await audit(tx, ctx, 'delete', before, after, row.org_path);
    return after;
  });

export const restoreInspection = (ctx: ServiceContext, id: string, version: number) =>
  ctx.db.transaction(async (tx) => {
    const row = await lock(tx, ctx, id, version);
    if (!row.deleted_at) throw new AppError('CONFLICT', '该检查记录未被删除，无需恢复');
    if (row.kind === 'monthly') await checkMonthly(tx, row.household_id, row.month, id);
    const before = await byId(tx, id);
    await tx.execute(
      sql`update courtyard_inspections set deleted_at = null, version = version + 1, updated_at = now(), updated_by = ${ctx.actor.userId} where id = ${id}`,
    );
    const after = await byId(tx, id);
    await audit(tx, ctx, 'restore', before, after, row.org_path);
    return after;
  });
