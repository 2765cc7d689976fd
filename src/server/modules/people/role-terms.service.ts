import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type {
  CreateRoleTermInput,
  ListRoleTermsQuery,
  RoleTerm,
  UpdateRoleTermInput,
} from '../../../contracts/people-roles';
import { personRoleLabels } from '../../../contracts/people-roles';
import { requireAccess, requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import type { Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { checkVersion } from '../../kernel/http/locking';
import type { ServiceContext } from '../../kernel/service-context';
import { persons } from './people.table';
import { roleTerms } from './people-roles.table';
import {
  findRoleTerm,
  listRoleTermRows,
  lockRoleTerm,
  type RoleTermRow,
  toRoleTerm,
  updateRoleTermRow,
} from './role-terms.repository';

/** Persons named in a form must be live and inside the caller's subtree (else 404, revealing nothing). */
export const requireVisiblePersons = async (tx: Tx, ctx: ServiceContext, ids: string[]) => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .where(
      and(inArray(persons.id, unique), isNull(persons.deletedAt), scoped(persons.orgPath, ctx.actor.orgPath)),
    );
  if (rows.length !== unique.length) throw notFound('人员');
  return new Map(rows.map((r) => [r.id, r.name]));
};

const termById = async (tx: Tx, id: string) => {
  const row = await findRoleTerm(tx, '/', id);
  if (!row) throw notFound('任职记录');
  return toRoleTerm(row);
};

const auditTerm = (
  tx: Tx,
  ctx: ServiceContext,
  action: string,
  before: RoleTerm | null,
  after: RoleTerm,
  path: string,
) =>
  recordAudit(tx, ctx.actor, {
    module: 'people',
    action,
    entityType: 'roleTerm',
    entityId: after.id,
    entityLabel: `${after.personName}·${personRoleLabels[after.role].zh}`,
    orgUnitId: after.orgUnitId,
    orgPath: path,
    before,
    after,
  });

/** The same person cannot hold the same role in the same unit twice over overlapping dates. */
const assertNoOverlap = async (
  tx: Tx,
  t: { personId: string; orgUnitId: string; role: string; startedOn: string; endedOn: string | null },
  selfId?: string,
) => {
  const end = t.endedOn ?? '9999-12-31';
  const [clash] = await tx
    .select({ id: roleTerms.id, startedOn: roleTerms.startedOn })
    .from(roleTerms)
    .where(
      and(
        eq(roleTerms.personId, t.personId),
        eq(roleTerms.orgUnitId, t.orgUnitId),
        eq(roleTerms.role, t.role),
        isNull(roleTerms.deletedAt),
        sql`${roleTerms.startedOn} <= ${end}`,
        sql`coalesce(${roleTerms.endedOn}, '9999-12-31') >= ${t.startedOn}`,
        selfId ? sql`${roleTerms.id} <> ${selfId}` : undefined,
      ),
    );
  if (clash) {
    throw new AppError('CONFLICT', `该人员在此期间已担任此职务（自${clash.startedOn}起），请先结束原任期`);
  }
};

export const listRoleTerms = async (ctx: ServiceContext, q: ListRoleTermsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'people.read', q.orgUnitId);
  return listRoleTermRows(ctx.db, scopePath, q);
};

export const getRoleTerm = async (ctx: ServiceContext, id: string) => {
  requirePermission(ctx.actor, 'people.read');
  const row = await findRoleTerm(ctx.db, ctx.actor.orgPath, id);
  if (!row) throw notFound('任职记录');
  return toRoleTerm(row);
};

export const createRoleTerm = (ctx: ServiceContext, input: CreateRoleTermInput) =>
  ctx.db.transaction(async (tx) => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'people.write',
      orgUnitIds: [input.orgUnitId],
    });
    await requireVisiblePersons(tx, ctx, [input.personId]);
    if (input.role !== 'entrepreneur' && (input.company || input.position)) {
      throw new AppError('VALIDATION_FAILED', '只有女企业家/女高管需要填写单位和职务', [
        { field: 'company', message: '只有女企业家/女高管需要填写单位和职务' },
      ]);
    }
    await assertNoOverlap(tx, { ...input, endedOn: input.endedOn ?? null });
    const id = uuidv7();
    const path = paths.get(input.orgUnitId) as string;
    await tx.insert(roleTerms).values({
      id,
      personId: input.personId,
      orgUnitId: input.orgUnitId,
      orgPath: path,
      role: input.role,
      startedOn: input.startedOn,
      endedOn: input.endedOn ?? null,
      company: input.company ?? null,
      position: input.position ?? null,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    const term = await termById(tx, id);
    await auditTerm(tx, ctx, 'create', null, term, path);
    return term;
  });

const editTerm = (
  ctx: ServiceContext,
  id: string,
  version: number,
  action: string,
  change: (tx: Tx, row: RoleTermRow) => Promise<unknown>,
) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'people.write');
    const row = checkVersion(await lockRoleTerm(tx, ctx.actor.orgPath, id), version, '任职记录');
    const before = await termById(tx, id);
    await change(tx, row);
    const after = await termById(tx, id);
    await auditTerm(tx, ctx, action, before, after, row.orgPath);
    return after;
  });

export const updateRoleTerm = (ctx: ServiceContext, id: string, input: UpdateRoleTermInput) =>
  editTerm(ctx, id, input.version, 'update', async (tx, row) => {
    if (row.deletedAt) throw notFound('任职记录');
    const startedOn = input.startedOn ?? row.startedOn;
    const endedOn = input.endedOn === undefined ? row.endedOn : input.endedOn;
    if (endedOn && endedOn < startedOn) {
      throw new AppError('VALIDATION_FAILED', '卸任日期不能早于任职日期', [
        { field: 'endedOn', message: '卸任日期不能早于任职日期' },
      ]);
    }
    await assertNoOverlap(tx, { ...row, startedOn, endedOn }, id);
    const { version: _v, ...set } = input;
    await updateRoleTermRow(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteRoleTerm = (ctx: ServiceContext, id: string, version: number) =>
  editTerm(ctx, id, version, 'delete', async (tx, row) => {
    if (row.deletedAt) throw notFound('任职记录');
    await updateRoleTermRow(tx, id, { deletedAt: new Date().toISOString(), updatedBy: ctx.actor.userId });
  });

export const restoreRoleTerm = (ctx: ServiceContext, id: string, version: number) =>
  editTerm(ctx, id, version, 'restore', async (tx, row) => {
    if (!row.deletedAt) throw new AppError('CONFLICT', '该任职记录未被删除，无需恢复');
    await assertNoOverlap(tx, row, id);
    await updateRoleTermRow(tx, id, { deletedAt: null, updatedBy: ctx.actor.userId });
  });
