import { and, asc, desc, eq, ilike, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { ListRoleTermsQuery, RoleTerm } from '../../../contracts/people-roles';
import { scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { likeEscape, orderBy, pageOf, toListResult, totalCount } from '../../kernel/http/list';
import { persons } from './people.table';
import { roleTerms } from './people-roles.table';

export type RoleTermRow = typeof roleTerms.$inferSelect;
const selection = { term: roleTerms, personName: persons.name, orgUnitName: orgUnits.name };

export const toRoleTerm = (r: { term: RoleTermRow; personName: string; orgUnitName: string }): RoleTerm => ({
  id: r.term.id,
  personId: r.term.personId,
  personName: r.personName,
  orgUnitId: r.term.orgUnitId,
  orgUnitName: r.orgUnitName,
  role: r.term.role as RoleTerm['role'],
  startedOn: r.term.startedOn,
  endedOn: r.term.endedOn,
  electionId: r.term.electionId,
  company: r.term.company,
  position: r.term.position,
  note: r.term.note,
  version: r.term.version,
  createdAt: iso(r.term.createdAt),
  updatedAt: iso(r.term.updatedAt),
  deletedAt: iso(r.term.deletedAt),
});

/** Terms active on a date: started on or before it, not ended before it. */
export const activeOn = (date: string): SQL =>
  and(
    lte(roleTerms.startedOn, date),
    or(isNull(roleTerms.endedOn), sql`${roleTerms.endedOn} >= ${date}`),
  ) as SQL;

export const listRoleTermRows = async (db: DbOrTx, scopePath: string, q: ListRoleTermsQuery) => {
  const lower = q.q?.toLowerCase().replace(/\s+/g, '');
  const where = and(
    scoped(roleTerms.orgPath, scopePath),
    q.status === 'deleted' ? isNotNull(roleTerms.deletedAt) : isNull(roleTerms.deletedAt),
    q.role ? eq(roleTerms.role, q.role) : undefined,
    q.personId ? eq(roleTerms.personId, q.personId) : undefined,
    q.activeOn ? activeOn(q.activeOn) : undefined,
    q.q
      ? or(
          ilike(persons.name, likeEscape(q.q)),
          lower && /^[a-z]+$/.test(lower) ? sql`${persons.namePinyin} like ${`%${lower}%`}` : undefined,
        )
      : undefined,
  );
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ ...selection, totalCount: totalCount() })
    .from(roleTerms)
    .innerJoin(persons, eq(persons.id, roleTerms.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, roleTerms.orgUnitId))
    .where(where)
    .orderBy(
      ...orderBy(q.sort, { startedOn: roleTerms.startedOn, name: persons.namePinyin }, [
        desc(roleTerms.startedOn),
        asc(roleTerms.id),
      ]),
    )
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(roleTerms)
        .innerJoin(persons, eq(persons.id, roleTerms.personId))
        .where(where)
    )[0].n;
  return toListResult(rows, count, toRoleTerm);
};

export const findRoleTerm = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await db
    .select(selection)
    .from(roleTerms)
    .innerJoin(persons, eq(persons.id, roleTerms.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, roleTerms.orgUnitId))
    .where(and(eq(roleTerms.id, id), scoped(roleTerms.orgPath, scopePath)));
  return row;
};
