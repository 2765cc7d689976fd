import { and, asc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Household, ListHouseholdsQuery, ListPersonsQuery, Person } from '../../../contracts/people';
import { scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { likeEscape, orderBy, pageOf, toListResult, totalCount } from '../../kernel/http/list';
import { households, persons } from './people.table';

export type PersonRow = typeof persons.$inferSelect;
export type HouseholdRow = typeof households.$inferSelect;

const householdLabel = sql<
  string | null
>`case when ${households.id} is null then null else ${households.address} || coalesce(' ' || ${households.houseNumber}, '') end`;

const personSelection = { person: persons, orgUnitName: orgUnits.name, householdLabel };

export const toPerson = (r: {
  person: PersonRow;
  orgUnitName: string;
  householdLabel: string | null;
}): Person => ({
  id: r.person.id,
  orgUnitId: r.person.orgUnitId,
  orgUnitName: r.orgUnitName,
  name: r.person.name,
  gender: r.person.gender as Person['gender'],
  birthDate: r.person.birthDate,
  idNumberMasked: r.person.idNumberMasked,
  phoneMasked: r.person.phoneMasked,
  householdId: r.person.householdId,
  householdLabel: r.householdLabel,
  relationToHead: r.person.relationToHead as Person['relationToHead'],
  tags: r.person.tags,
  note: r.person.note,
  version: r.person.version,
  createdAt: iso(r.person.createdAt),
  updatedAt: iso(r.person.updatedAt),
  deletedAt: iso(r.person.deletedAt),
});

const personSort = {
  name: persons.namePinyin,
  birthDate: persons.birthDate,
  createdAt: persons.createdAt,
  updatedAt: persons.updatedAt,
};

/** Search text: a whole ID number (blind index), pinyin (full or initials) or part of the name. */
export const personSearch = (q: string, idIndex: string | undefined): SQL | undefined => {
  if (idIndex) return eq(persons.idNumberIndex, idIndex);
  const lower = q.toLowerCase().replace(/\s+/g, '');
  const conditions = [ilike(persons.name, likeEscape(q))];
  if (/^[a-z]+$/.test(lower)) conditions.push(sql`${persons.namePinyin} like ${`%${lower}%`}`);
  return or(...conditions);
};

export const personFilters = (scopePath: string, q: ListPersonsQuery, idIndex?: string) =>
  and(
    scoped(persons.orgPath, scopePath),
    q.status === 'deleted' ? isNotNull(persons.deletedAt) : isNull(persons.deletedAt),
    q.householdId ? eq(persons.householdId, q.householdId) : undefined,
    q.gender ? eq(persons.gender, q.gender) : undefined,
    q.tag ? sql`${q.tag} = any(${persons.tags})` : undefined,
    q.q ? personSearch(q.q, idIndex) : undefined,
  );

const personsFrom = (db: DbOrTx) =>
  db
    .select(personSelection)
    .from(persons)
    .innerJoin(orgUnits, eq(orgUnits.id, persons.orgUnitId))
    .leftJoin(households, eq(households.id, persons.householdId));

/**
 * A page of persons and the total. The page's ids are chosen on the narrow persons rows first and only
 * those 20 are joined and read whole; the total is a plain count beside it. (`count(*) over()` on the
 * joined rows made PostgreSQL build, and spill to disk, every person of the scope with her unit and
 * household before keeping 20: 274 ms against 113 + 66 ms for a 44,000-person town on the loaded bench
 * machine, docs/PERFORMANCE.md "Persons list under load and beside exports".)
 */
export const listPersonRows = async (
  db: DbOrTx,
  scopePath: string,
  q: ListPersonsQuery,
  idIndex?: string,
) => {
  const where = personFilters(scopePath, q, idIndex);
  const { limit, offset } = pageOf(q);
  const order = orderBy(q.sort, personSort, [asc(persons.namePinyin), asc(persons.id)]);
  const pageIds = db
    .select({ id: persons.id })
    .from(persons)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const [rows, [{ n }]] = await Promise.all([
    personsFrom(db)
      .where(inArray(persons.id, pageIds))
      .orderBy(...order),
    db.select({ n: sql<number>`count(*)::int` }).from(persons).where(where),
  ]);
  return { items: rows.map(toPerson), total: n };
};

/** How many persons a filter matches (an unmasked export's audit row records it). */
export const countPersonRows = async (db: DbOrTx, scopePath: string, q: ListPersonsQuery, idIndex?: string) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(persons)
      .where(personFilters(scopePath, q, idIndex))
  )[0].n;

/** Keyset batches for streaming exports (no total: a window count here re-read every remaining row per batch). */
export async function* personBatches(db: DbOrTx, scopePath: string, q: ListPersonsQuery, idIndex?: string) {
  let afterId: string | undefined;
  for (;;) {
    const rows = await personsFrom(db)
      .where(and(personFilters(scopePath, q, idIndex), afterId ? sql`${persons.id} > ${afterId}` : undefined))
      .orderBy(asc(persons.id))
      .limit(2000);
    if (rows.length === 0) return;
    yield rows;
    afterId = rows[rows.length - 1].person.id;
    if (rows.length < 2000) return;
  }
}

export const findPerson = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await db
    .select(personSelection)
    .from(persons)
    .innerJoin(orgUnits, eq(orgUnits.id, persons.orgUnitId))
    .leftJoin(households, eq(households.id, persons.householdId))
    .where(and(eq(persons.id, id), scoped(persons.orgPath, scopePath)));
  return row;
};

export const lockPerson = async (tx: Tx, scopePath: string, id: string) => {
  const [row] = await tx
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), scoped(persons.orgPath, scopePath)))
    .for('update');
  return row;
};

/** Any live person with this ID number, wherever she is (duplicates are refused system-wide). */
export const findByIdIndex = async (db: DbOrTx, idIndexes: string[]) =>
  idIndexes.length === 0
    ? []
    : db
        .select({
          id: persons.id,
          orgPath: persons.orgPath,
          idNumberIndex: persons.idNumberIndex,
          name: persons.name,
        })
        .from(persons)
        .where(and(inArray(persons.idNumberIndex, idIndexes), isNull(persons.deletedAt)));

// Households

const memberCount = sql<number>`(select count(*)::int from ${persons} p where p.household_id = ${households.id} and p.deleted_at is null)`;
const headName = sql<
  string | null
>`(select p.name from ${persons} p where p.id = ${households.headPersonId})`;
const householdSelection = { household: households, orgUnitName: orgUnits.name, memberCount, headName };

export const toHousehold = (r: {
  household: HouseholdRow;
  orgUnitName: string;
  memberCount: number;
  headName: string | null;
}): Household => ({
  id: r.household.id,
  orgUnitId: r.household.orgUnitId,
  orgUnitName: r.orgUnitName,
  headPersonId: r.household.headPersonId,
  headName: r.headName,
  address: r.household.address,
  houseNumber: r.household.houseNumber,
  gridId: r.household.gridId,
  memberCount: r.memberCount,
  note: r.household.note,
  version: r.household.version,
  createdAt: iso(r.household.createdAt),
  updatedAt: iso(r.household.updatedAt),
  deletedAt: iso(r.household.deletedAt),
});

export const listHouseholdRows = async (db: DbOrTx, scopePath: string, q: ListHouseholdsQuery) => {
  const where = and(
    scoped(households.orgPath, scopePath),
    q.status === 'deleted' ? isNotNull(households.deletedAt) : isNull(households.deletedAt),
    q.q
      ? or(
          ilike(households.address, likeEscape(q.q)),
          ilike(households.houseNumber, likeEscape(q.q)),
          sql`exists (select 1 from ${persons} p where p.household_id = ${households.id} and p.deleted_at is null and p.name like ${likeEscape(q.q)})`,
        )
      : undefined,
  );
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ ...householdSelection, totalCount: totalCount() })
    .from(households)
    .innerJoin(orgUnits, eq(orgUnits.id, households.orgUnitId))
    .where(where)
    .orderBy(
      ...orderBy(
        q.sort,
        { address: households.address, houseNumber: households.houseNumber, createdAt: households.createdAt },
        [asc(households.address), asc(households.id)],
      ),
    )
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(households).where(where))[0].n;
  return toListResult(rows, count, toHousehold);
};

export const findHousehold = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await db
    .select(householdSelection)
    .from(households)
    .innerJoin(orgUnits, eq(orgUnits.id, households.orgUnitId))
    .where(and(eq(households.id, id), scoped(households.orgPath, scopePath)));
  return row;
};

export const lockHousehold = async (tx: Tx, scopePath: string, id: string) => {
  const [row] = await tx
    .select()
    .from(households)
    .where(and(eq(households.id, id), scoped(households.orgPath, scopePath)))
    .for('update');
  return row;
};
