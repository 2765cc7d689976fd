import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Election, ListElectionsQuery, RecordElectionInput } from '../../../contracts/org-ledgers';
import { requireAccess, requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { recordAudit, recordAuditRows } from '../../kernel/audit/audit';
import { bulkInsert } from '../../kernel/db/bulk';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { pageOf } from '../../kernel/http/list';
import type { ServiceContext } from '../../kernel/service-context';
import { persons } from '../people/people.table';
import { roleTerms } from '../people/people-roles.table';
import { requireVisiblePersons } from '../people/role-terms.service';
import { elections } from './org-ledgers.table';

const ELECTED_ROLES = ['chair', 'viceChair', 'executiveMember'] as const;

const dayBefore = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** Elections with the people they elected, newest first. */
const loadElections = async (db: DbOrTx, where: ReturnType<typeof and>, limit: number, offset: number) => {
  const rows = await db
    .select({ e: elections, orgUnitName: orgUnits.name, total: sql<string>`count(*) over()` })
    .from(elections)
    .innerJoin(orgUnits, eq(orgUnits.id, elections.orgUnitId))
    .where(where)
    .orderBy(desc(elections.heldOn), desc(elections.id))
    .limit(limit)
    .offset(offset);
  const ids = rows.map((r) => r.e.id);
  const elected = ids.length
    ? await db
        .select({
          electionId: roleTerms.electionId,
          personId: roleTerms.personId,
          name: persons.name,
          role: roleTerms.role,
        })
        .from(roleTerms)
        .innerJoin(persons, eq(persons.id, roleTerms.personId))
        .where(and(inArray(roleTerms.electionId, ids), isNull(roleTerms.deletedAt)))
        .orderBy(asc(roleTerms.role), asc(persons.namePinyin))
    : [];
  const items: Election[] = rows.map((r) => ({
    id: r.e.id,
    orgUnitId: r.e.orgUnitId,
    orgUnitName: r.orgUnitName,
    heldOn: r.e.heldOn,
    seats: r.e.seats,
    termYears: r.e.termYears,
    note: r.e.note,
    endedTerms: r.e.endedTerms,
    elected: elected
      .filter((x) => x.electionId === r.e.id)
      .map((x) => ({
        personId: x.personId,
        name: x.name,
        role: x.role as Election['elected'][number]['role'],
      })),
    version: r.e.version,
    createdAt: iso(r.e.createdAt),
    updatedAt: iso(r.e.updatedAt),
    deletedAt: iso(r.e.deletedAt),
  }));
  return { items, total: rows.length ? Number(rows[0].total) : 0 };
};

export const listElections = async (ctx: ServiceContext, q: ListElectionsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', q.orgUnitId);
  const { limit, offset } = pageOf(q);
  const where = and(scoped(elections.orgPath, scopePath), isNull(elections.deletedAt));
  const page = await loadElections(ctx.db, where, limit, offset);
  if (page.items.length === 0 && offset > 0) {
    const [c] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(elections).where(where);
    return { items: [], total: c.n };
  }
  return page;
};

export const getElection = async (ctx: ServiceContext, id: string) => {
  requirePermission(ctx.actor, 'org.read');
  const { items } = await loadElections(
    ctx.db,
    and(eq(elections.id, id), scoped(elections.orgPath, ctx.actor.orgPath)),
    1,
    0,
  );
  if (!items[0]) throw notFound('换届记录');
  return items[0];
};

/**
 * Records an election (换届): the open chair, vice-chair and executive-member terms of the unit end
 * the day before, and the elected start new terms on the election day — one transaction, history kept.
 */
export const recordElection = (ctx: ServiceContext, input: RecordElectionInput) =>
  ctx.db.transaction(async (tx) => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'org.write',
      orgUnitIds: [input.orgUnitId],
    });
    const path = paths.get(input.orgUnitId) as string;
    if (input.viceChairIds.includes(input.chairId)) {
      throw new AppError('VALIDATION_FAILED', '主席不能同时当选副主席', [
        { field: 'viceChairIds', message: '主席不能同时当选副主席' },
      ]);
    }
    const names = await requireVisiblePersons(tx, ctx, [
      input.chairId,
      ...input.viceChairIds,
      ...input.executiveMemberIds,
    ]);
    const [later] = await tx
      .select({ heldOn: elections.heldOn })
      .from(elections)
      .where(
        and(
          eq(elections.orgUnitId, input.orgUnitId),
          isNull(elections.deletedAt),
          sql`${elections.heldOn} >= ${input.heldOn}`,
        ),
      );
    if (later) {
      throw new AppError('CONFLICT', `该组织已有${later.heldOn}的换届记录，新的换届日期须晚于它`);
    }
    // End the terms of the outgoing leadership (those that started before the election day).
    const ended = await tx
      .update(roleTerms)
      .set({
        endedOn: dayBefore(input.heldOn),
        version: sql`${roleTerms.version} + 1`,
        updatedAt: sql`now()`,
        updatedBy: ctx.actor.userId,
      })
      .where(
        and(
          eq(roleTerms.orgUnitId, input.orgUnitId),
          inArray(roleTerms.role, [...ELECTED_ROLES]),
          isNull(roleTerms.endedOn),
          isNull(roleTerms.deletedAt),
          lt(roleTerms.startedOn, input.heldOn),
        ),
      )
      .returning({ id: roleTerms.id, personId: roleTerms.personId, role: roleTerms.role });
    const id = uuidv7();
    await tx.insert(elections).values({
      id,
      orgUnitId: input.orgUnitId,
      orgPath: path,
      heldOn: input.heldOn,
      seats: input.seats ?? null,
      termYears: input.termYears,
      endedTerms: ended.length,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    const newTerms = [
      { personId: input.chairId, role: 'chair' },
      ...input.viceChairIds.map((personId) => ({ personId, role: 'viceChair' })),
      ...[...new Set(input.executiveMemberIds)].map((personId) => ({ personId, role: 'executiveMember' })),
    ].map((t) => ({
      id: uuidv7(),
      personId: t.personId,
      orgUnitId: input.orgUnitId,
      orgPath: path,
      role: t.role,
      startedOn: input.heldOn,
      electionId: id,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    }));
    await bulkInsert(tx, roleTerms, newTerms);
    const base = {
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      ip: ctx.actor.ip,
      module: 'people',
      entityType: 'roleTerm',
      orgUnitId: input.orgUnitId,
      orgPath: path,
    };
    await recordAuditRows(tx, [
      ...ended.map((t) => ({
        ...base,
        action: 'update',
        entityId: t.id,
        entityLabel: names.get(t.personId) ?? null,
        before: { endedOn: null },
        after: { endedOn: dayBefore(input.heldOn), electionId: id },
      })),
      ...newTerms.map((t) => ({
        ...base,
        action: 'create',
        entityId: t.id,
        entityLabel: names.get(t.personId) ?? null,
        before: null,
        after: { role: t.role, startedOn: t.startedOn, electionId: id },
      })),
    ]);
    const [election] = (await loadElections(tx, eq(elections.id, id), 1, 0)).items;
    await recordAudit(tx, ctx.actor, {
      module: 'org',
      action: 'create',
      entityType: 'election',
      entityId: id,
      entityLabel: `${election.orgUnitName} ${input.heldOn} 换届`,
      orgUnitId: input.orgUnitId,
      orgPath: path,
      after: election,
    });
    return election;
  });
