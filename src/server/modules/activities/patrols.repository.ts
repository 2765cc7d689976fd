import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { ListPatrolsQuery, Patrol } from '../../../contracts/activities';
import { scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { photoIdsOf } from '../../kernel/files/photo-attachments';
import { orderBy, pageOf, toListResult, totalCount } from '../../kernel/http/list';
import { persons } from '../people/people.table';
import { volunteerTeams } from '../people/people-roles.table';
import { patrolPhotos, patrols } from './activities.table';

export type PatrolRow = typeof patrols.$inferSelect;

/** Shown for a chief who lies outside the reader's subtree (a town recorded a cross-village patrol). */
export const OUTSIDE_NAME = '（非本辖区人员）';

/*
 * Chief names in the order of `chief_ids`, read within the reader's subtree: a chief outside it
 * keeps her place in the list but not her name.
 */
const chiefNamesIn = (scopePath: string) =>
  sql<string[]>`coalesce((select array_agg(coalesce(
      (select p.name from ${persons} p where p.id = x.id and ${scoped(sql`p.org_path`, scopePath)}),
      ${OUTSIDE_NAME}) order by x.n)
    from unnest(${patrols.chiefIds}) with ordinality as x(id, n)), '{}')`;

/* A team's name when the reader may see the team: one of her subtree, or of a unit above her. */
const teamNameIn = (scopePath: string) =>
  sql<string | null>`(select t.name from ${volunteerTeams} t where t.id = ${patrols.teamId}
    and (${scoped(sql`t.org_path`, scopePath)} or ${scopePath} like t.org_path || '%'))`;

const selection = (scopePath: string) => ({
  patrol: patrols,
  orgUnitName: orgUnits.name,
  chiefNames: chiefNamesIn(scopePath),
  teamName: teamNameIn(scopePath),
  photoIds: photoIdsOf(patrolPhotos, patrols.id),
});

type Selected = {
  patrol: PatrolRow;
  orgUnitName: string;
  chiefNames: string[];
  teamName: string | null;
  photoIds: string[];
};

export const toPatrol = (r: Selected): Patrol => ({
  id: r.patrol.id,
  orgUnitId: r.patrol.orgUnitId,
  orgUnitName: r.orgUnitName,
  occurredOn: r.patrol.occurredOn,
  area: r.patrol.area,
  durationMinutes: r.patrol.durationMinutes,
  chiefIds: r.patrol.chiefIds,
  chiefNames: r.chiefNames,
  teamId: r.patrol.teamId,
  teamName: r.teamName,
  photoIds: r.photoIds,
  hazardsFound: r.patrol.hazardsFound,
  hazardNote: r.patrol.hazardNote,
  actionTaken: r.patrol.actionTaken,
  version: r.patrol.version,
  createdAt: iso(r.patrol.createdAt),
  updatedAt: iso(r.patrol.updatedAt),
  deletedAt: iso(r.patrol.deletedAt),
});

export type PatrolFilters = Omit<ListPatrolsQuery, 'page' | 'pageSize' | 'sort'>;

export const patrolFilters = (scopePath: string, q: PatrolFilters): SQL | undefined =>
  and(
    scoped(patrols.orgPath, scopePath),
    q.status === 'deleted' ? isNotNull(patrols.deletedAt) : isNull(patrols.deletedAt),
    q.chiefId ? sql`${q.chiefId}::uuid = any(${patrols.chiefIds})` : undefined,
    q.teamId ? eq(patrols.teamId, q.teamId) : undefined,
    q.from ? gte(patrols.occurredOn, q.from) : undefined,
    q.to ? lte(patrols.occurredOn, q.to) : undefined,
    q.hasHazards === '1' ? gt(patrols.hazardsFound, 0) : undefined,
    q.hasHazards === '0' ? eq(patrols.hazardsFound, 0) : undefined,
  );

const from = (db: DbOrTx, scopePath: string) =>
  db.select(selection(scopePath)).from(patrols).innerJoin(orgUnits, eq(orgUnits.id, patrols.orgUnitId));

export const listPatrolRows = async (db: DbOrTx, scopePath: string, q: ListPatrolsQuery) => {
  const where = patrolFilters(scopePath, q);
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ ...selection(scopePath), totalCount: totalCount() })
    .from(patrols)
    .innerJoin(orgUnits, eq(orgUnits.id, patrols.orgUnitId))
    .where(where)
    .orderBy(
      ...orderBy(q.sort, { occurredOn: patrols.occurredOn, createdAt: patrols.createdAt }, [
        desc(patrols.occurredOn),
        asc(patrols.id),
      ]),
    )
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(patrols).where(where))[0].n;
  return toListResult(rows as (Selected & { totalCount: string })[], count, toPatrol);
};

/** Keyset batches for streaming exports, oldest patrol first. */
export async function* patrolBatches(db: DbOrTx, scopePath: string, q: PatrolFilters) {
  let after: { on: string; id: string } | undefined;
  for (;;) {
    const rows = (await from(db, scopePath)
      .where(
        and(
          patrolFilters(scopePath, q),
          after
            ? sql`(${patrols.occurredOn}, ${patrols.id}) > (${after.on}::date, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(patrols.occurredOn), asc(patrols.id))
      .limit(2000)) as Selected[];
    if (rows.length === 0) return;
    yield rows.map(toPatrol);
    const last = rows[rows.length - 1].patrol;
    after = { on: last.occurredOn, id: last.id };
    if (rows.length < 2000) return;
  }
}

/** Patrols by id with their names read within `scopePath` (the rows themselves are not filtered). */
export const findPatrolsByIds = async (db: DbOrTx, scopePath: string, ids: string[]) => {
  if (ids.length === 0) return [];
  const rows = (await from(db, scopePath).where(inArray(patrols.id, ids))) as Selected[];
  const byId = new Map(rows.map((r) => [r.patrol.id, toPatrol(r)]));
  return ids.map((id) => byId.get(id)).filter((p): p is Patrol => !!p);
};

export const findPatrol = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = (await from(db, scopePath).where(
    and(eq(patrols.id, id), scoped(patrols.orgPath, scopePath)),
  )) as Selected[];
  return row;
};

export const lockPatrol = async (tx: Tx, scopePath: string, id: string) => {
  const [row] = await tx
    .select()
    .from(patrols)
    .where(and(eq(patrols.id, id), scoped(patrols.orgPath, scopePath)))
    .for('update');
  return row;
};

/** Live persons among `ids` inside the subtree, by id (for checking many patrols at once). */
export const livePersonsIn = async (db: DbOrTx, scopePath: string, ids: string[]) => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .where(and(inArray(persons.id, unique), isNull(persons.deletedAt), scoped(persons.orgPath, scopePath)));
  return new Map(rows.map((r) => [r.id, r.name]));
};

/** Live volunteer teams among `ids` inside the subtree. */
export const liveTeamsIn = async (db: DbOrTx, scopePath: string, ids: string[]) => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: volunteerTeams.id })
    .from(volunteerTeams)
    .where(
      and(
        inArray(volunteerTeams.id, unique),
        isNull(volunteerTeams.deletedAt),
        scoped(volunteerTeams.orgPath, scopePath),
      ),
    );
  return new Set(rows.map((r) => r.id));
};
