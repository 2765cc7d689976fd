import { type SQL, sql } from 'drizzle-orm';
import type {
  CreateRectificationInput,
  FixRectificationInput,
  ListRectificationsQuery,
  Rectification,
  RectificationBoard,
  VerifyRectificationInput,
} from '../../../contracts/courtyards';
import { addDays, DEFAULT_RECTIFICATION_DAYS } from '../../../contracts/courtyards';
import { requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import type { Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { listPage } from '../../kernel/http/list';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import {
  and,
  findInspection,
  findRectification,
  isRectificationOverdue,
  rectificationSelect,
  rectificationStatusOn,
  rows,
  toRectification,
} from './courtyards.repository';
import { courtyardRectifications } from './courtyards.table';

export const rectificationFilters = (
  scopePath: string,
  today: string,
  q: Omit<ListRectificationsQuery, 'page' | 'pageSize' | 'sort'>,
): SQL =>
  and([
    scoped('r.org_path', scopePath),
    sql`r.deleted_at is null`,
    q.householdId ? sql`r.household_id = ${q.householdId}` : undefined,
    q.inspectionId ? sql`r.inspection_id = ${q.inspectionId}` : undefined,
    q.status === 'overdue'
      ? isRectificationOverdue('r', today)
      : q.status
        ? sql`r.status = ${q.status}`
        : undefined,
    q.from ? sql`r.opened_on >= ${q.from}::date` : undefined,
    q.to ? sql`r.opened_on <= ${q.to}::date` : undefined,
  ]);

export const listRectifications = async (ctx: ServiceContext, q: ListRectificationsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'courtyards.read', q.orgUnitId);
  const today = shanghaiToday();
  return listPage(
    ctx.db,
    {
      select: rectificationSelect(today),
      where: rectificationFilters(scopePath, today, q),
      order: sql`x.deadline asc, x.id`,
    },
    q,
    toRectification,
  );
};

export const getRectification = async (ctx: ServiceContext, id: string) => {
  requirePermission(ctx.actor, 'courtyards.read');
  const found = await findRectification(ctx.db, ctx.actor.orgPath, id, shanghaiToday());
  if (!found) throw notFound('整改记录');
  return found;
};

const byId = async (tx: Tx, id: string) =>
  (await findRectification(tx, '/', id, shanghaiToday())) as Rectification;

const audit = (
  tx: Tx,
  ctx: ServiceContext,
  action: string,
  before: Rectification | null,
  after: Rectification,
  path: string,
) =>
  recordAudit(tx, ctx.actor, {
    module: 'courtyards',
    action,
    entityType: 'courtyardRectification',
    entityId: after.id,
    entityLabel: `${after.householdLabel} ${after.problem}`,
    orgUnitId: after.orgUnitId,
    orgPath: path,
    before,
    after,
  });

/** Opens a rectification from an inspection's deduction (or a problem written in); idempotent on id. */
export const createRectification = (ctx: ServiceContext, input: CreateRectificationInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'courtyards.write');
    const inspection = await findInspection(tx, ctx.actor.orgPath, input.inspectionId);
    if (!inspection || inspection.deletedAt) throw notFound('检查记录');
    if (input.id) {
      const [existing] = await rows(
        tx,
        sql`select id, inspection_id from courtyard_rectifications where id = ${input.id}`,
      );
      if (existing) {
        if (existing.inspection_id === input.inspectionId)
          return { rectification: await byId(tx, input.id), isReplay: true };
        throw new AppError('CONFLICT', '该整改编号已被使用，请刷新后重新填写');
      }
    }
    const deduction =
      input.deductionIndex === undefined ? undefined : inspection.deductions[input.deductionIndex];
    if (input.deductionIndex !== undefined && !deduction)
      throw invalid('deductionIndex', '该检查记录没有这一扣分项');
    const deadline = input.deadline ?? addDays(inspection.inspectedOn, DEFAULT_RECTIFICATION_DAYS);
    if (deadline < inspection.inspectedOn) throw invalid('deadline', '整改期限不能早于检查日期');
    const [{ path }] = await rows(
      tx,
      sql`select org_path as path from courtyard_inspections where id = ${inspection.id}`,
    );
    const id = input.id ?? uuidv7();
    await tx.insert(courtyardRectifications).values({
      id,
      orgUnitId: inspection.orgUnitId,
      orgPath: path as string,
      householdId: inspection.householdId,
      inspectionId: inspection.id,
      itemCode: deduction?.itemCode ?? null,
      problem: input.problem ?? deduction?.reason ?? '',
      openedOn: inspection.inspectedOn,
      deadline,
      ownerName: input.ownerName ?? inspection.headName,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    const rectification = await byId(tx, id);
    await audit(tx, ctx, 'create', null, rectification, path as string);
    return { rectification, isReplay: false };
  });

const edit = (
  ctx: ServiceContext,
  id: string,
  version: number,
  action: string,
  change: (tx: Tx, before: Rectification) => Promise<Partial<typeof courtyardRectifications.$inferInsert>>,
) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'courtyards.write');
    const [row] = await rows(
      tx,
      sql`select version, org_path, deleted_at from courtyard_rectifications where id = ${id} and ${scoped('org_path', ctx.actor.orgPath)} for update`,
    );
    if (!row || row.deleted_at) throw notFound('整改记录');
    if (Number(row.version) !== version) throw new AppError('VERSION_CONFLICT');
    const before = await byId(tx, id);
    const set = await change(tx, before);
    await tx
      .update(courtyardRectifications)
      .set({
        ...set,
        version: sql`${courtyardRectifications.version} + 1`,
        updatedAt: sql`now()`,
        updatedBy: ctx.actor.userId,
      })
      .where(sql`${courtyardRectifications.id} = ${id}`);
    const after = await byId(tx, id);
    await audit(tx, ctx, action, before, after, row.org_path as string);
    return after;
  });

/** The household reports it fixed; the after-photo (uploaded with phase=after) is the evidence. */
export const fixRectification = (ctx: ServiceContext, id: string, input: FixRectificationInput) =>
  edit(ctx, id, input.version, 'fix', async (_tx, before) => {
    if (before.status !== 'open') throw new AppError('CONFLICT', '该整改已标记完成');
    if (input.fixedOn > shanghaiToday()) throw invalid('fixedOn', '整改完成日期不能晚于今天');
    if (before.afterPhotoIds.length === 0) throw invalid('afterPhotoIds', '请先上传整改后的照片');
    return { status: 'fixed', fixedOn: input.fixedOn, fixNote: input.fixNote ?? null };
  });

/** Verification closes a fixed rectification, or sends it back open with the reason. */
export const verifyRectification = (ctx: ServiceContext, id: string, input: VerifyRectificationInput) =>
  edit(ctx, id, input.version, 'verify', async (_tx, before) => {
    if (before.status !== 'fixed') throw new AppError('CONFLICT', '只有已整改的项目可以验收');
    if (input.verifiedOn > shanghaiToday()) throw invalid('verifiedOn', '验收日期不能晚于今天');
    if (!input.isAccepted) {
      return {
        status: 'open',
        fixedOn: null,
        fixNote: input.note ? `验收未通过：${input.note}` : '验收未通过',
      };
    }
    return {
      status: 'verified',
      verifiedOn: input.verifiedOn,
      verifiedBy: ctx.actor.userId,
      verifiedByName: ctx.actor.displayName,
    };
  });

/**
 * 整改逾期榜: per village, today's backlog by status — 待整改 (open, not yet overdue), 已逾期, 待验收 (fixed)
 * — by the one definition of 未整改 (`rectificationStatusOn`), with the overdue items.
 */
export const rectificationBoard = async (
  ctx: ServiceContext,
  q: { orgUnitId?: string },
): Promise<RectificationBoard> => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'courtyards.read', q.orgUnitId);
  const today = shanghaiToday();
  const counts = await rows(
    ctx.db,
    sql`select s.org_unit_id, o.name, count(*) filter (where s.status = 'open')::int as open,
        count(*) filter (where s.status = 'overdue')::int as overdue,
        count(*) filter (where s.status = 'fixed')::int as fixed
      from (select r.org_unit_id, ${rectificationStatusOn('r', today)} as status from courtyard_rectifications r
        where r.deleted_at is null and r.status <> 'verified' and ${scoped('r.org_path', scopePath)}) s
      join org_units o on o.id = s.org_unit_id
      group by s.org_unit_id, o.name order by overdue desc, o.name`,
  );
  const overdue = (
    await rows(
      ctx.db,
      sql`${rectificationSelect(today)} where r.deleted_at is null and ${isRectificationOverdue('r', today)}
        and ${scoped('r.org_path', scopePath)} order by r.deadline limit 1000`,
    )
  ).map(toRectification);
  return {
    today,
    villages: counts.map((c) => ({
      orgUnitId: c.org_unit_id as string,
      orgUnitName: c.name as string,
      open: Number(c.open),
      overdue: Number(c.overdue),
      fixed: Number(c.fixed),
      overdueItems: overdue.filter((r) => r.orgUnitId === c.org_unit_id),
    })),
  };
};
