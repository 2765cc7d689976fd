import { sql } from 'drizzle-orm';
import type {
  CreateRubricInput,
  ListRubricsQuery,
  Rubric,
  RubricRules,
  UpdateRubricInput,
} from '../../../contracts/courtyards';
import { checkRubricRules, rubricMaxPoints } from '../../../contracts/courtyards';
import {
  requireAccess,
  requirePermission,
  resolveScopePath,
  scoped,
  scopedAbove,
} from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { listPage } from '../../kernel/http/list';
import type { ServiceContext } from '../../kernel/service-context';
import { and, rows, stamps } from './courtyards.repository';
import { courtyardRubrics } from './courtyards.table';

const rubricSelect = sql`
  select r.id, r.org_unit_id, o.name as org_unit_name, r.year, r.version_no, r.name, r.is_example, r.rules,
    r.version, r.created_at::text as created_at, r.updated_at::text as updated_at, r.deleted_at::text as deleted_at,
    r.org_path,
    not exists (select 1 from courtyard_rubrics n where n.org_unit_id = r.org_unit_id and n.year = r.year
      and n.version_no > r.version_no and n.deleted_at is null) as is_current,
    (select count(*)::int from courtyard_inspections i where i.rubric_id = r.id) as inspection_count
  from courtyard_rubrics r join org_units o on o.id = r.org_unit_id`;

const toRubric = (r: Record<string, unknown>): Rubric => ({
  id: r.id as string,
  orgUnitId: r.org_unit_id as string,
  orgUnitName: r.org_unit_name as string,
  year: Number(r.year),
  versionNo: Number(r.version_no),
  isCurrent: r.is_current as boolean,
  name: r.name as string,
  isExample: r.is_example as boolean,
  rules: r.rules as RubricRules,
  maxPoints: rubricMaxPoints(r.rules as RubricRules),
  inspectionCount: Number(r.inspection_count),
  ...stamps(r),
});

/** A rubric is visible to a unit's users when it is theirs or below, or an ancestor's (inherited). */
const visible = (actorPath: string) =>
  sql`(${scoped('r.org_path', actorPath)} or ${scopedAbove('r.org_path', actorPath)})`;

const checkRules = (rules: RubricRules) => {
  const problems = checkRubricRules(rules);
  if (problems.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      problems[0].message,
      problems.map((p) => ({ field: `rules.${p.field}`, message: p.message })),
    );
  }
};

export const rubricById = async (db: DbOrTx, id: string) => {
  const [r] = await rows(db, sql`${rubricSelect} where r.id = ${id}`);
  return r ? toRubric(r) : undefined;
};

export const listRubrics = async (ctx: ServiceContext, q: ListRubricsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'courtyards.read', q.orgUnitId);
  const where = and([
    q.orgUnitId ? scoped('r.org_path', scopePath) : visible(ctx.actor.orgPath),
    q.status === 'deleted' ? sql`r.deleted_at is not null` : sql`r.deleted_at is null`,
    q.year ? sql`r.year = ${q.year}` : undefined,
    q.isCurrent
      ? sql`(not exists (select 1 from courtyard_rubrics n where n.org_unit_id = r.org_unit_id and n.year = r.year
          and n.version_no > r.version_no and n.deleted_at is null)) = ${q.isCurrent === '1'}`
      : undefined,
  ]);
  return listPage(
    ctx.db,
    { select: rubricSelect, where, order: sql`x.year desc, x.version_no desc, x.id` },
    q,
    toRubric,
  );
};

export const getRubric = async (ctx: ServiceContext, id: string) => {
  requirePermission(ctx.actor, 'courtyards.read');
  const [r] = await rows(ctx.db, sql`${rubricSelect} where r.id = ${id} and ${visible(ctx.actor.orgPath)}`);
  if (!r) throw notFound('评分细则');
  return toRubric(r);
};

/**
 * The rubric a unit scores with in a year: the current version of the nearest unit on its path
 * (itself, then its town, then the county) that defined one for that year or the latest earlier year.
 */
export const effectiveRubricFor = async (
  db: DbOrTx,
  unitPath: string,
  year: number,
): Promise<{ id: string; orgUnitId: string; rules: RubricRules; maxPoints: number } | undefined> => {
  const ancestors = unitPath.split('/').filter(Boolean);
  if (ancestors.length === 0) return undefined;
  // Deliberately light (no inspection count): it runs for every inspection saved and every village
  // of a review.
  const [r] = await rows(
    db,
    sql`select r.id, r.org_unit_id, r.rules from courtyard_rubrics r
      where r.deleted_at is null and r.year <= ${year}
      and r.org_unit_id in (${sql.join(
        ancestors.map((a) => sql`${a}::uuid`),
        sql`, `,
      )})
      order by length(r.org_path) desc, r.year desc, r.version_no desc limit 1`,
  );
  if (!r) return undefined;
  const rules = r.rules as RubricRules;
  return { id: r.id as string, orgUnitId: r.org_unit_id as string, rules, maxPoints: rubricMaxPoints(rules) };
};

export const getEffectiveRubric = async (ctx: ServiceContext, q: { orgUnitId: string; year: number }) => {
  const paths = await requireAccess(ctx.db, {
    actor: ctx.actor,
    permission: 'courtyards.read',
    orgUnitIds: [q.orgUnitId],
  });
  const found = await effectiveRubricFor(ctx.db, paths.get(q.orgUnitId) as string, q.year);
  const rubric = found ? await rubricById(ctx.db, found.id) : undefined;
  return { rubric: rubric ?? null, isInherited: !!rubric && rubric.orgUnitId !== q.orgUnitId };
};

const audit = (
  tx: Tx,
  ctx: ServiceContext,
  action: string,
  before: Rubric | null,
  after: Rubric,
  path: string,
) =>
  recordAudit(tx, ctx.actor, {
    module: 'courtyards',
    action,
    entityType: 'courtyardRubric',
    entityId: after.id,
    entityLabel: `${after.name}（${after.year}年第${after.versionNo}版）`,
    orgUnitId: after.orgUnitId,
    orgPath: path,
    before,
    after,
  });

const insertVersion = async (
  tx: Tx,
  ctx: ServiceContext,
  v: {
    orgUnitId: string;
    orgPath: string;
    year: number;
    name: string;
    isExample: boolean;
    rules: RubricRules;
  },
) => {
  const [{ n }] = (
    await tx.execute(
      sql`select coalesce(max(version_no), 0)::int + 1 as n from courtyard_rubrics where org_unit_id = ${v.orgUnitId} and year = ${v.year}`,
    )
  ).rows as { n: number }[];
  const id = uuidv7();
  await tx.insert(courtyardRubrics).values({
    id,
    orgUnitId: v.orgUnitId,
    orgPath: v.orgPath,
    year: v.year,
    versionNo: n,
    name: v.name,
    isExample: v.isExample,
    rules: v.rules,
    createdBy: ctx.actor.userId,
    updatedBy: ctx.actor.userId,
  });
  return (await rubricById(tx, id)) as Rubric;
};

export const createRubric = (ctx: ServiceContext, input: CreateRubricInput) =>
  ctx.db.transaction(async (tx) => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'courtyards.manage',
      orgUnitIds: [input.orgUnitId],
    });
    checkRules(input.rules);
    const path = paths.get(input.orgUnitId) as string;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rubric:${input.orgUnitId}`}))`);
    const rubric = await insertVersion(tx, ctx, { ...input, orgPath: path });
    await audit(tx, ctx, 'create', null, rubric, path);
    return rubric;
  });

const lockRubric = async (tx: Tx, ctx: ServiceContext, id: string, version: number) => {
  requirePermission(ctx.actor, 'courtyards.manage');
  const [row] = (
    await tx.execute(
      sql`select id, version, org_path, deleted_at from courtyard_rubrics where id = ${id} and ${scoped('org_path', ctx.actor.orgPath)} for update`,
    )
  ).rows as { id: string; version: number; org_path: string; deleted_at: string | null }[];
  if (!row) {
    // A rubric handed down from above is visible to her (she scores with it) but not hers to change.
    const [owner] = await rows(
      tx,
      sql`select o.name from courtyard_rubrics r join org_units o on o.id = r.org_unit_id
        where r.id = ${id} and ${scopedAbove('r.org_path', ctx.actor.orgPath)}`,
    );
    if (owner)
      throw new AppError(
        'FORBIDDEN',
        `无权操作：该评分细则由${owner.name as string}制定，只有该单位可以修改或删除`,
      );
    throw notFound('评分细则');
  }
  if (row.version !== version) throw new AppError('VERSION_CONFLICT');
  return row;
};

/**
 * Edits a rubric. One that inspections already used is never changed in place when its rules
 * change: the edit becomes the next version (old inspections keep theirs) and that is returned.
 */
export const updateRubric = (ctx: ServiceContext, id: string, input: UpdateRubricInput) =>
  ctx.db.transaction(async (tx) => {
    const row = await lockRubric(tx, ctx, id, input.version);
    if (row.deleted_at) throw notFound('评分细则');
    const before = (await rubricById(tx, id)) as Rubric;
    if (input.rules) checkRules(input.rules);
    if (input.rules && before.inspectionCount > 0) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rubric:${before.orgUnitId}`}))`);
      const next = await insertVersion(tx, ctx, {
        orgUnitId: before.orgUnitId,
        orgPath: row.org_path,
        year: before.year,
        name: input.name ?? before.name,
        isExample: input.isExample ?? before.isExample,
        rules: input.rules,
      });
      await audit(tx, ctx, 'create', before, next, row.org_path);
      return next;
    }
    await tx.execute(sql`update courtyard_rubrics set
      name = ${input.name ?? before.name}, is_example = ${input.isExample ?? before.isExample},
      rules = ${JSON.stringify(input.rules ?? before.rules)}::jsonb, version = version + 1, updated_at = now(),
      updated_by = ${ctx.actor.userId} where id = ${id}`);
    const after = (await rubricById(tx, id)) as Rubric;
    await audit(tx, ctx, 'update', before, after, row.org_path);
    return after;
  });

export const deleteRubric = (ctx: ServiceContext, id: string, version: number) =>
  ctx.db.transaction(async (tx) => {
    const row = await lockRubric(tx, ctx, id, version);
    if (row.deleted_at) throw notFound('评分细则');
    const before = (await rubricById(tx, id)) as Rubric;
    await tx.execute(
      sql`update courtyard_rubrics set deleted_at = now(), version = version + 1, updated_at = now(), updated_by = ${ctx.actor.userId} where id = ${id}`,
    );
    const after = (await rubricById(tx, id)) as Rubric;
    await audit(tx, ctx, 'delete', before, after, row.org_path);
    return after;
  });

export const restoreRubric = (ctx: ServiceContext, id: string, version: number) =>
  ctx.db.transaction(async (tx) => {
    const row = await lockRubric(tx, ctx, id, version);
    if (!row.deleted_at) throw new AppError('CONFLICT', '该评分细则未被删除，无需恢复');
    const before = (await rubricById(tx, id)) as Rubric;
    await tx.execute(
      sql`update courtyard_rubrics set deleted_at = null, version = version + 1, updated_at = now(), updated_by = ${ctx.actor.userId} where id = ${id}`,
    );
    const after = (await rubricById(tx, id)) as Rubric;
    await audit(tx, ctx, 'restore', before, after, row.org_path);
    return after;
  });
