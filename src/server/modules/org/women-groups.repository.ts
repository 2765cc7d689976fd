import { and, asc, eq, ilike, isNotNull, isNull, sql } from 'drizzle-orm';
import type { ListWomenGroupsQuery, WomenGroup } from '../../../contracts/org-ledgers';
import { scoped } from '../../kernel/access/access';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { likeEscape, orderBy, pageOf, toListResult, totalCount } from '../../kernel/http/list';
import { persons } from '../people/people.table';
import { grids, womenGroupMembers, womenGroups } from './org-ledgers.table';

export type WomenGroupRow = typeof womenGroups.$inferSelect;

const leaderName = sql<
  string | null
>`(select p.name from ${persons} p where p.id = ${womenGroups.leaderPersonId})`;
// A deleted person drops out of the group as shown; her membership row stays, so restoring her restores it.
const memberIds = sql<string[]>`array(
  select m.person_id::text from ${womenGroupMembers} m join ${persons} p on p.id = m.person_id
  where m.group_id = ${womenGroups.id} and p.deleted_at is null order by p.name_pinyin, p.id)`;
const groupSelection = { group: womenGroups, gridName: grids.name, leaderName, memberIds };

export const toWomenGroup = (r: {
  group: WomenGroupRow;
  gridName: string;
  leaderName: string | null;
  memberIds: string[];
}): WomenGroup => ({
  id: r.group.id,
  gridId: r.group.gridId,
  gridName: r.gridName,
  orgUnitId: r.group.orgUnitId,
  name: r.group.name,
  leaderPersonId: r.group.leaderPersonId,
  leaderName: r.leaderName,
  memberIds: r.memberIds,
  note: r.group.note,
  version: r.group.version,
  createdAt: iso(r.group.createdAt),
  updatedAt: iso(r.group.updatedAt),
  deletedAt: iso(r.group.deletedAt),
});

export const listWomenGroupRows = async (db: DbOrTx, scopePath: string, q: ListWomenGroupsQuery) => {
  const where = and(
    scoped(womenGroups.orgPath, scopePath),
    q.status === 'deleted' ? isNotNull(womenGroups.deletedAt) : isNull(womenGroups.deletedAt),
    q.gridId ? eq(womenGroups.gridId, q.gridId) : undefined,
    q.q ? ilike(womenGroups.name, likeEscape(q.q)) : undefined,
  );
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ ...groupSelection, totalCount: totalCount() })
    .from(womenGroups)
    .innerJoin(grids, eq(grids.id, womenGroups.gridId))
    .where(where)
    .orderBy(
      ...orderBy(q.sort, { name: womenGroups.name, createdAt: womenGroups.createdAt }, [
        asc(grids.name),
        asc(womenGroups.name),
        asc(womenGroups.id),
      ]),
    )
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(womenGroups).where(where))[0].n;
  return toListResult(rows, count, toWomenGroup);
};

export const findWomenGroup = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await db
    .select(groupSelection)
    .from(womenGroups)
    .innerJoin(grids, eq(grids.id, womenGroups.gridId))
    .where(and(eq(womenGroups.id, id), scoped(womenGroups.orgPath, scopePath)));
  return row;
};

export const insertWomenGroup = (tx: Tx, values: typeof womenGroups.$inferInsert) =>
  tx.insert(womenGroups).values(values);

export const replaceWomenGroupMembers = async (tx: Tx, groupId: string, personIds: string[]) => {
  await tx.delete(womenGroupMembers).where(eq(womenGroupMembers.groupId, groupId));
  if (personIds.length > 0) {
    await tx.insert(womenGroupMembers).values(personIds.map((personId) => ({ groupId, personId })));
  }
};
