import { and, asc, eq, ilike, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Grid, GridCoverage, ListGridsQuery } from '../../../contracts/org-ledgers';
import { scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { likeEscape, orderBy, pageOf, toListResult, totalCount } from '../../kernel/http/list';
import { households, persons } from '../people/people.table';
import { grids, womenGroups } from './org-ledgers.table';

export type GridRow = typeof grids.$inferSelect;

/** Tags that make a household a 特殊家庭 for an executive member's load. */
export const SPECIAL_FAMILY_TAGS = ['留守妇女', '留守儿童', '困境儿童', '困境妇女', '残疾', '低保', '特困'];

// Counts cover live households and live persons only: a deleted record no longer needs a visit.
const householdCount = sql<number>`(select count(*)::int from ${households} h where h.grid_id = ${grids.id} and h.deleted_at is null)`;
const personCount = sql<number>`(select count(*)::int from ${persons} p join ${households} h on h.id = p.household_id where h.grid_id = ${grids.id} and h.deleted_at is null and p.deleted_at is null)`;
const memberName = sql<string | null>`(select p.name from ${persons} p where p.id = ${grids.memberPersonId})`;
const gridSelection = { grid: grids, orgUnitName: orgUnits.name, memberName, householdCount, personCount };

export const toGrid = (r: {
  grid: GridRow;
  orgUnitName: string;
  memberName: string | null;
  householdCount: number;
  personCount: number;
}): Grid => ({
  id: r.grid.id,
  orgUnitId: r.grid.orgUnitId,
  orgUnitName: r.orgUnitName,
  name: r.grid.name,
  memberPersonId: r.grid.memberPersonId,
  memberName: r.memberName,
  householdCount: r.householdCount,
  personCount: r.personCount,
  note: r.grid.note,
  version: r.grid.version,
  createdAt: iso(r.grid.createdAt),
  updatedAt: iso(r.grid.updatedAt),
  deletedAt: iso(r.grid.deletedAt),
});

/** 第2网格 before 第10网格: the first number in the name, then the name. */
const naturalName = sql`(substring(${grids.name} from '[0-9]+'))::int`;

export const listGridRows = async (db: DbOrTx, scopePath: string, q: ListGridsQuery) => {
  const where = and(
    scoped(grids.orgPath, scopePath),
    q.status === 'deleted' ? isNotNull(grids.deletedAt) : isNull(grids.deletedAt),
    q.q ? ilike(grids.name, likeEscape(q.q)) : undefined,
  );
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ ...gridSelection, totalCount: totalCount() })
    .from(grids)
    .innerJoin(orgUnits, eq(orgUnits.id, grids.orgUnitId))
    .where(where)
    .orderBy(
      ...orderBy(q.sort, { name: naturalName, createdAt: grids.createdAt }, [
        asc(orgUnits.path),
        sql`${naturalName} nulls last`,
        asc(grids.name),
        asc(grids.id),
      ]),
    )
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(grids).where(where))[0].n;
  return toListResult(rows, count, toGrid);
};

export const findGrid = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await db
    .select(gridSelection)
    .from(grids)
    .innerJoin(orgUnits, eq(orgUnits.id, grids.orgUnitId))
    .where(and(eq(grids.id, id), scoped(grids.orgPath, scopePath)));
  return row;
};

/** Locks the grid: edits, deletion, household assignment and new groups in it serialize. */
export const lockGrid = async (tx: Tx, scopePath: string, id: string) => {
  const [row] = await tx
    .select()
    .from(grids)
    .where(and(eq(grids.id, id), scoped(grids.orgPath, scopePath)))
    .for('update');
  return row;
};

export const insertGrid = (tx: Tx, values: typeof grids.$inferInsert) => tx.insert(grids).values(values);

/** Live households and women's groups that still hang off a grid (which then cannot be deleted). */
export const countGridDependants = async (tx: Tx, id: string) => {
  const [h] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(households)
    .where(and(eq(households.gridId, id), isNull(households.deletedAt)));
  const [g] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(womenGroups)
    .where(and(eq(womenGroups.gridId, id), isNull(womenGroups.deletedAt)));
  return { households: h.n, groups: g.n };
};

const householdLabel = sql<string>`${households.address} || coalesce(' ' || ${households.houseNumber}, '')`;

export const lockHouseholds = (tx: Tx, scopePath: string, ids: string[]) =>
  tx
    .select({
      id: households.id,
      orgUnitId: households.orgUnitId,
      gridId: households.gridId,
      deletedAt: households.deletedAt,
      label: householdLabel,
    })
    .from(households)
    .where(and(inArray(households.id, ids), scoped(households.orgPath, scopePath)))
    .orderBy(asc(households.id))
    .for('update');

export const assignHouseholdRows = (tx: Tx, gridId: string, ids: string[], userId: string) =>
  tx
    .update(households)
    .set({ gridId, version: sql`${households.version} + 1`, updatedAt: sql`now()`, updatedBy: userId })
    .where(inArray(households.id, ids));

/** A person the grid may name as its executive member, looked up inside the caller's subtree. */
export const findPersonIn = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await db
    .select({ id: persons.id, orgUnitId: persons.orgUnitId, deletedAt: persons.deletedAt })
    .from(persons)
    .where(and(eq(persons.id, id), scoped(persons.orgPath, scopePath)))
    .for('share');
  return row;
};

const specialTags = sql`array[${sql.join(
  SPECIAL_FAMILY_TAGS.map((tag) => sql`${tag}`),
  sql`, `,
)}]::text[]`;

export const coverageOf = async (
  db: DbOrTx,
  scopePath: string,
  limits: { maxPersons: number; maxSpecialFamilies: number },
  listCap: number,
): Promise<GridCoverage> => {
  const liveHouseholds = and(scoped(households.orgPath, scopePath), isNull(households.deletedAt));
  const [{ n: householdTotal }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(households)
    .where(liveHouseholds);

  // Uncovered: no (live) grid, or a grid whose member is unset or deleted.
  const uncovered = await db
    .select({
      id: households.id,
      label: householdLabel,
      orgUnitName: orgUnits.name,
      reason: sql<'noGrid' | 'noMember'>`case when ${grids.id} is null then 'noGrid' else 'noMember' end`,
      totalCount: totalCount(),
    })
    .from(households)
    .innerJoin(orgUnits, eq(orgUnits.id, households.orgUnitId))
    .leftJoin(grids, and(eq(grids.id, households.gridId), isNull(grids.deletedAt)))
    .leftJoin(persons, and(eq(persons.id, grids.memberPersonId), isNull(persons.deletedAt)))
    .where(and(liveHouseholds, isNull(persons.id)))
    .orderBy(asc(orgUnits.path), asc(households.address), asc(households.houseNumber), asc(households.id))
    .limit(listCap);

  const perHousehold = db.$with('per_household').as(
    db
      .select({
        gridId: households.gridId,
        personCount: sql<number>`count(${persons.id})`.as('person_count'),
        isSpecial: sql<boolean>`coalesce(bool_or(${persons.tags} && ${specialTags}), false)`.as('is_special'),
      })
      .from(households)
      .leftJoin(persons, and(eq(persons.householdId, households.id), isNull(persons.deletedAt)))
      .where(and(liveHouseholds, isNotNull(households.gridId)))
      .groupBy(households.id),
  );
  const personSum = sql<number>`coalesce(sum(${perHousehold.personCount}), 0)::int`;
  const specialCount = sql<number>`(count(*) filter (where ${perHousehold.isSpecial}))::int`;
  const overloaded = await db
    .with(perHousehold)
    .select({
      personId: sql<string>`${grids.memberPersonId}`,
      name: persons.name,
      grids: sql<string[]>`array_agg(distinct ${grids.name} order by ${grids.name})`,
      personCount: personSum,
      specialFamilyCount: specialCount,
    })
    .from(grids)
    .innerJoin(persons, and(eq(persons.id, grids.memberPersonId), isNull(persons.deletedAt)))
    .leftJoin(perHousehold, eq(perHousehold.gridId, grids.id))
    .where(and(scoped(grids.orgPath, scopePath), isNull(grids.deletedAt)))
    .groupBy(grids.memberPersonId, persons.name, persons.namePinyin)
    .having(sql`${personSum} > ${limits.maxPersons} or ${specialCount} > ${limits.maxSpecialFamilies}`)
    .orderBy(asc(persons.namePinyin), asc(grids.memberPersonId));

  return {
    householdCount: householdTotal,
    uncoveredHouseholdCount: uncovered.length > 0 ? Number(uncovered[0].totalCount) : 0,
    uncoveredHouseholds: uncovered.map(({ totalCount: _t, ...h }) => h),
    overloadedMembers: overloaded,
  };
};
