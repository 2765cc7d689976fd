import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type {
  CreateRoleTermInput,
  ListRoleTermsQuery,
  RoleTerm,
  UpdateRoleTermInput,
} from '../../../contracts/people-roles';
import { personRoleLabels } from '../../../contracts/people-roles';
import { requireAccess, resolveScopePath, scoped } from '../../kernel/access/access';
import type { Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { persons } from './people.table';
import { roleTerms } from './people-roles.table';
import { findRoleTerm, listRoleTermRows, toRoleTerm } from './role-terms.repository';

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

/** The role term's lifecycle: scoped lock, version check, before/after audit, soft delete and restore. */
export const roleTermRecord = defineRecord({
  entityType: 'roleTerm',
  table: roleTerms,
  label: '任职记录',
  auditModule: 'people',
  permissions: { read: 'people.read', write: 'people.write' },
  find: async (db, _ctx, scopePath, id) => {
    const row = await findRoleTerm(db, scopePath, id);
    return row && toRoleTerm(row);
  },
  describe: (term: RoleTerm) => `${term.personName}·${personRoleLabels[term.role].zh}`,
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

export const getRoleTerm = (ctx: ServiceContext, id: string) => roleTermRecord.get(ctx, id);

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
    return roleTermRecord.create(tx, ctx, { id, orgPath: path }, () =>
      tx.insert(roleTerms).values({
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
      }),
    );
  });

export const updateRoleTerm = (ctx: ServiceContext, id: string, input: UpdateRoleTermInput) =>
  roleTermRecord.update(ctx, id, input.version, async (tx, row) => {
    const startedOn = input.startedOn ?? row.startedOn;
    const endedOn = input.endedOn === undefined ? row.endedOn : input.endedOn;
    if (endedOn && endedOn < startedOn) {
      throw new AppError('VALIDATION_FAILED', '卸任日期不能早于任职日期', [
        { field: 'endedOn', message: '卸任日期不能早于任职日期' },
      ]);
    }
    await assertNoOverlap(tx, { ...row, startedOn, endedOn }, id);
    const { version: _v, ...set } = input;
    await roleTermRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteRoleTerm = (ctx: ServiceContext, id: string, version: number) =>
  roleTermRecord.softDelete(ctx, id, version);

export const restoreRoleTerm = (ctx: ServiceContext, id: string, version: number) =>
  roleTermRecord.restore(ctx, id, version, (tx, row) => assertNoOverlap(tx, row, id));
