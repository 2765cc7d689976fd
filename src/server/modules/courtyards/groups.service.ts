import { type SQL, sql } from 'drizzle-orm';
import type {
  Assignment,
  CreateInspectionGroupInput,
  GenerateAssignmentInput,
  InspectionGroup,
  ListInspectionGroupsQuery,
  SaveAssignmentInput,
  UpdateInspectionGroupInput,
} from '../../../contracts/courtyards';
import { generateAssignment, previousMonth } from '../../../contracts/courtyards';
import { kindsAt } from '../../../contracts/org';
import { requireAccess, requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { listPage } from '../../kernel/http/list';
import type { ServiceContext } from '../../kernel/service-context';
import { and, requireTown, rows, stamps } from './courtyards.repository';
import { courtyardGroups } from './courtyards.table';

// 验收小组 and the month's cross-village assignment.

const groupSelect = sql`
  select g.id, g.org_unit_id, o.name as org_unit_name, g.name, g.member_ids, g.note, g.version,
    g.created_at::text as created_at, g.updated_at::text as updated_at, g.deleted_at::text as deleted_at, g.org_path,
    coalesce((select array_agg(p.name order by array_position(g.member_ids, p.id)) from persons p
      where p.id = any(g.member_ids)), '{}') as member_names,
    coalesce((select array_agg(distinct p.org_unit_id) from persons p where p.id = any(g.member_ids)), '{}')
      as home_village_ids
  from courtyard_groups g join org_units o on o.id = g.org_unit_id`;

const toGroup = (r: Record<string, unknown>): InspectionGroup => ({
  id: r.id as string,
  orgUnitId: r.org_unit_id as string,
  orgUnitName: r.org_unit_name as string,
  name: r.name as string,
  memberIds: r.member_ids as string[],
  memberNames: r.member_names as string[],
  homeVillageIds: r.home_village_ids as string[],
  note: (r.note ?? null) as string | null,
  ...stamps(r),
});

const groupById = async (db: DbOrTx, id: string) => {
  const [r] = await rows(db, sql`${groupSelect} where g.id = ${id}`);
  return r ? toGroup(r) : undefined;
};

export const listGroups = async (ctx: ServiceContext, q: ListInspectionGroupsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'courtyards.read', q.orgUnitId);
  const where = and([
    scoped('g.org_path', scopePath),
    q.status === 'deleted' ? sql`g.deleted_at is not null` : sql`g.deleted_at is null`,
    q.q ? sql`g.name ilike ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
  ]);
  return listPage(ctx.db, { select: groupSelect, where, order: sql`x.name, x.id` }, q, toGroup);
};

export const getGroup = async (ctx: ServiceContext, id: string) => {
  requirePermission(ctx.actor, 'courtyards.read');
  const [r] = await rows(
    ctx.db,
    sql`${groupSelect} where g.id = ${id} and ${scoped('g.org_path', ctx.actor.orgPath)}`,
  );
  if (!r) throw notFound('验收小组');
  return toGroup(r);
};

/** Members must be live persons of the group's town (village chairs and 执委 of its villages). */
const checkMembers = async (tx: Tx, townPath: string, ids: string[]) => {
  const unique = [...new Set(ids)];
  const found = await rows(
    tx,
    sql`select id from persons where id in (${sql.join(
      unique.map((i) => sql`${i}::uuid`),
      sql`, `,
    )}) and deleted_at is null and ${scoped('org_path', townPath)}`,
  );
  if (found.length !== unique.length) throw notFound('小组成员');
  return unique;
};

const audit = (
  tx: Tx,
  ctx: ServiceContext,
  action: string,
  before: unknown,
  after: InspectionGroup,
  path: string,
) =>
  recordAudit(tx, ctx.actor, {
    module: 'courtyards',
    action,
    entityType: 'courtyardGroup',
    entityId: after.id,
    entityLabel: after.name,
    orgUnitId: after.orgUnitId,
    orgPath: path,
    before,
    after,
  });

export const createGroup = (ctx: ServiceContext, input: CreateInspectionGroupInput) =>
  ctx.db.transaction(async (tx) => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'courtyards.manage',
      orgUnitIds: [input.orgUnitId],
    });
    const path = paths.get(input.orgUnitId) as string;
    const memberIds = await checkMembers(tx, path, input.memberIds);
    const id = uuidv7();
    await tx.insert(courtyardGroups).values({
      id,
      orgUnitId: input.orgUnitId,
      orgPath: path,
      name: input.name,
      memberIds,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    const group = (await groupById(tx, id)) as InspectionGroup;
    await audit(tx, ctx, 'create', null, group, path);
    return group;
  });

const editGroup = (
  ctx: ServiceContext,
  id: string,
  version: number,
  action: string,
  change: (tx: Tx, row: { org_path: string; deleted_at: string | null }) => Promise<SQL | null>,
) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'courtyards.manage');
    const [row] = (
      await tx.execute(
        sql`select version, org_path, deleted_at from courtyard_groups where id = ${id} and ${scoped('org_path', ctx.actor.orgPath)} for update`,
      )
    ).rows as { version: number; org_path: string; deleted_at: string | null }[];
    if (!row) throw notFound('验收小组');
    if (row.version !== version) throw new AppError('VERSION_CONFLICT');
    const before = await groupById(tx, id);
    const set = await change(tx, row);
    await tx.execute(
      sql`update courtyard_groups set ${set ?? sql`name = name`}, version = version + 1, updated_at = now(), updated_by = ${ctx.actor.userId} where id = ${id}`,
    );
    const after = (await groupById(tx, id)) as InspectionGroup;
    await audit(tx, ctx, action, before, after, row.org_path);
    return after;
  });

export const updateGroup = (ctx: ServiceContext, id: string, input: UpdateInspectionGroupInput) =>
  editGroup(ctx, id, input.version, 'update', async (tx, row) => {
    if (row.deleted_at) throw notFound('验收小组');
    const sets: SQL[] = [];
    if (input.name !== undefined) sets.push(sql`name = ${input.name}`);
    if (input.note !== undefined) sets.push(sql`note = ${input.note}`);
    if (input.memberIds) {
      const townPath = row.org_path;
      const ids = await checkMembers(tx, townPath, input.memberIds);
      sets.push(
        sql`member_ids = ${sql`array[${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )}]::uuid[]`}`,
      );
    }
    return sets.length ? sql.join(sets, sql`, `) : null;
  });

export const deleteGroup = (ctx: ServiceContext, id: string, version: number) =>
  editGroup(ctx, id, version, 'delete', async (_tx, row) => {
    if (row.deleted_at) throw notFound('验收小组');
    return sql`deleted_at = now()`;
  });

export const restoreGroup = (ctx: ServiceContext, id: string, version: number) =>
  editGroup(ctx, id, version, 'restore', async (_tx, row) => {
    if (!row.deleted_at) throw new AppError('CONFLICT', '该验收小组未被删除，无需恢复');
    return sql`deleted_at = null`;
  });

// Assignment

/** The town's villages (and communities) with their live household counts. */
export const villagesOf = async (db: DbOrTx, townId: string) =>
  (
    await rows(
      db,
      sql`select o.id, o.name, o.path,
        (select count(*)::int from households h where h.org_unit_id = o.id and h.deleted_at is null) as households
      from org_units o where o.parent_id = ${townId} and o.deleted_at is null and o.kind = any(${sql.param(kindsAt('village'))}::text[])
      order by o.name`,
    )
  ).map((r) => ({
    id: r.id as string,
    name: r.name as string,
    path: r.path as string,
    households: Number(r.households),
  }));

const savedAssignment = async (db: DbOrTx, townId: string, month: string) =>
  rows(
    db,
    sql`select village_id, group_id, updated_at::text as updated_at from courtyard_assignments where town_id = ${townId} and month = ${month}`,
  );

const buildAssignment = async (
  db: DbOrTx,
  townId: string,
  month: string,
  pairs: Record<string, string>,
  isSaved: boolean,
  updatedAt: string | null,
): Promise<Assignment> => {
  const villages = await villagesOf(db, townId);
  const groups = (
    await rows(
      db,
      sql`${groupSelect} where g.org_unit_id = ${townId} and g.deleted_at is null order by g.name`,
    )
  ).map(toGroup);
  const previous = Object.fromEntries(
    (await savedAssignment(db, townId, previousMonth(month))).map((r) => [
      r.village_id as string,
      r.group_id as string,
    ]),
  );
  const byId = new Map(groups.map((g) => [g.id, g]));
  const loads = new Map(groups.map((g) => [g.id, { villages: 0, households: 0 }]));
  const items = villages.map((v) => {
    const groupId = pairs[v.id] ?? null;
    const group = groupId ? byId.get(groupId) : undefined;
    const load = groupId ? loads.get(groupId) : undefined;
    if (load) {
      load.villages += 1;
      load.households += v.households;
    }
    return {
      villageId: v.id,
      villageName: v.name,
      households: v.households,
      groupId: group ? group.id : null,
      groupName: group ? group.name : null,
      isRepeat: !!groupId && previous[v.id] === groupId,
      isOwnVillage: !!group && group.homeVillageIds.includes(v.id),
    };
  });
  return {
    townId,
    month,
    items,
    loads: groups.map((g) => ({
      groupId: g.id,
      groupName: g.name,
      ...(loads.get(g.id) ?? { villages: 0, households: 0 }),
    })),
    isSaved,
    updatedAt: updatedAt ? iso(updatedAt) : null,
  };
};

export const getAssignment = async (ctx: ServiceContext, q: { townId: string; month: string }) => {
  await requireTown(ctx.db, ctx, q.townId, 'courtyards.read');
  const saved = await savedAssignment(ctx.db, q.townId, q.month);
  const pairs = Object.fromEntries(saved.map((r) => [r.village_id as string, r.group_id as string]));
  const updatedAt = saved.length
    ? (saved
        .map((r) => r.updated_at as string)
        .sort()
        .at(-1) ?? null)
    : null;
  return buildAssignment(ctx.db, q.townId, q.month, pairs, saved.length > 0, updatedAt);
};

const writeAssignment = async (
  tx: Tx,
  ctx: ServiceContext,
  townId: string,
  townPath: string,
  month: string,
  pairs: Record<string, string>,
  action: string,
) => {
  const villages = new Map((await villagesOf(tx, townId)).map((v) => [v.id, v]));
  const before = await savedAssignment(tx, townId, month);
  await tx.execute(sql`delete from courtyard_assignments where town_id = ${townId} and month = ${month}`);
  for (const [villageId, groupId] of Object.entries(pairs)) {
    const v = villages.get(villageId);
    if (!v) throw notFound('村（社区）');
    await tx.execute(sql`insert into courtyard_assignments (id, town_id, month, village_id, org_path, group_id, created_by)
      values (${uuidv7()}, ${townId}, ${month}, ${villageId}, ${v.path}, ${groupId}, ${ctx.actor.userId})`);
  }
  const after = await buildAssignment(tx, townId, month, pairs, true, new Date().toISOString());
  await recordAudit(tx, ctx.actor, {
    module: 'courtyards',
    action,
    entityType: 'courtyardAssignment',
    entityId: townId,
    entityLabel: `${month} 交叉检查分组`,
    orgUnitId: townId,
    orgPath: townPath,
    before: before.map((r) => ({ villageId: r.village_id, groupId: r.group_id })),
    after: after.items.map((i) => ({ villageId: i.villageId, groupId: i.groupId })),
  });
  return after;
};

/**
 * Generates the month's assignment (balanced, nobody in her own village, rotated from last month)
 * and saves it; an existing one is replaced only when asked.
 */
export const generateMonthAssignment = (ctx: ServiceContext, input: GenerateAssignmentInput) =>
  ctx.db.transaction(async (tx) => {
    const { path: townPath } = await requireTown(tx, ctx, input.townId, 'courtyards.manage');
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`assign:${input.townId}`}))`);
    const existing = await savedAssignment(tx, input.townId, input.month);
    if (existing.length && !input.isReplacing)
      throw new AppError('CONFLICT', `${input.month} 的分组已生成，如需重新生成请确认覆盖`);
    const groups = (
      await rows(tx, sql`${groupSelect} where g.org_unit_id = ${input.townId} and g.deleted_at is null`)
    ).map(toGroup);
    if (groups.length === 0) throw new AppError('CONFLICT', '本镇还没有验收小组，请先建立小组');
    const villages = await villagesOf(tx, input.townId);
    const previous = Object.fromEntries(
      (await savedAssignment(tx, input.townId, previousMonth(input.month))).map((r) => [
        r.village_id as string,
        r.group_id as string,
      ]),
    );
    const { assignments } = generateAssignment(groups, villages, previous);
    return writeAssignment(tx, ctx, input.townId, townPath, input.month, assignments, 'generate');
  });

/** The town chair's adjustment: the whole month's list as she left it. */
export const saveMonthAssignment = (ctx: ServiceContext, input: SaveAssignmentInput) =>
  ctx.db.transaction(async (tx) => {
    const { path: townPath } = await requireTown(tx, ctx, input.townId, 'courtyards.manage');
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`assign:${input.townId}`}))`);
    const groupIds = new Set(
      (
        await rows(
          tx,
          sql`select id from courtyard_groups where org_unit_id = ${input.townId} and deleted_at is null`,
        )
      ).map((r) => r.id as string),
    );
    const pairs: Record<string, string> = {};
    for (const [n, item] of input.items.entries()) {
      if (!groupIds.has(item.groupId)) throw invalid(`items.${n}.groupId`, '验收小组不属于本镇或已删除');
      pairs[item.villageId] = item.groupId;
    }
    return writeAssignment(tx, ctx, input.townId, townPath, input.month, pairs, 'update');
  });
