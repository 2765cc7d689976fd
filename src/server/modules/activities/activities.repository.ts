import { and, asc, desc, eq, gte, ilike, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Activity, ListActivitiesQuery } from '../../../contracts/activities';
import { scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { photoIdsOf } from '../../kernel/files/photo-attachments';
import { likeEscape, orderBy, pageOf, toListResult, totalCount } from '../../kernel/http/list';
import { sites } from '../org/org-ledgers.table';
import { activities, activityPhotos, campaigns } from './activities.table';

export type ActivityRow = typeof activities.$inferSelect;

const campaignNames = sql<
  string[]
>`coalesce((select array_agg(c.name order by c.name) from ${campaigns} c where c.id = any(${activities.campaignIds})), '{}')`;
const photoIds = photoIdsOf(activityPhotos, activities.id);
const selection = {
  activity: activities,
  orgUnitName: orgUnits.name,
  siteName: sites.name,
  campaignNames,
  photoIds,
};

type Selected = {
  activity: ActivityRow;
  orgUnitName: string;
  siteName: string | null;
  campaignNames: string[];
  photoIds: string[];
};

export const toActivity = (r: Selected): Activity => ({
  id: r.activity.id,
  orgUnitId: r.activity.orgUnitId,
  orgUnitName: r.orgUnitName,
  title: r.activity.title,
  type: r.activity.type,
  occurredOn: r.activity.occurredOn,
  endedOn: r.activity.endedOn,
  isNotable: r.activity.isNotable,
  coOrganizers: r.activity.coOrganizers,
  siteId: r.activity.siteId,
  siteName: r.siteName,
  place: r.activity.place,
  campaignIds: r.activity.campaignIds,
  campaignNames: r.campaignNames,
  attendance: r.activity.attendance,
  volunteerCount: r.activity.volunteerCount,
  targetGroups: r.activity.targetGroups as Activity['targetGroups'],
  summary: r.activity.summary,
  participantIds: r.activity.participantIds,
  photoIds: r.photoIds,
  seriesId: r.activity.seriesId,
  version: r.activity.version,
  createdAt: iso(r.activity.createdAt),
  updatedAt: iso(r.activity.updatedAt),
  deletedAt: iso(r.activity.deletedAt),
});

export const activityFilters = (
  scopePath: string,
  q: Omit<ListActivitiesQuery, 'page' | 'pageSize' | 'sort'>,
): SQL | undefined =>
  and(
    scoped(activities.orgPath, scopePath),
    q.status === 'deleted' ? isNotNull(activities.deletedAt) : isNull(activities.deletedAt),
    q.type ? eq(activities.type, q.type) : undefined,
    q.siteId ? eq(activities.siteId, q.siteId) : undefined,
    q.campaignId ? sql`${q.campaignId}::uuid = any(${activities.campaignIds})` : undefined,
    q.targetGroup ? sql`${q.targetGroup} = any(${activities.targetGroups})` : undefined,
    q.from ? gte(activities.occurredOn, q.from) : undefined,
    q.to ? lte(activities.occurredOn, q.to) : undefined,
    q.q
      ? or(
          ilike(activities.title, likeEscape(q.q)),
          ilike(activities.place, likeEscape(q.q)),
          ilike(activities.summary, likeEscape(q.q)),
        )
      : undefined,
  );

const from = (db: DbOrTx) =>
  db
    .select(selection)
    .from(activities)
    .innerJoin(orgUnits, eq(orgUnits.id, activities.orgUnitId))
    .leftJoin(sites, eq(sites.id, activities.siteId));

const fromWithTotal = (db: DbOrTx) =>
  db
    .select({ ...selection, totalCount: totalCount() })
    .from(activities)
    .innerJoin(orgUnits, eq(orgUnits.id, activities.orgUnitId))
    .leftJoin(sites, eq(sites.id, activities.siteId));

export const listActivityRows = async (db: DbOrTx, scopePath: string, q: ListActivitiesQuery) => {
  const where = activityFilters(scopePath, q);
  const { limit, offset } = pageOf(q);
  const rows = await fromWithTotal(db)
    .where(where)
    .orderBy(
      ...orderBy(
        q.sort,
        {
          occurredOn: activities.occurredOn,
          attendance: activities.attendance,
          createdAt: activities.createdAt,
        },
        [desc(activities.occurredOn), asc(activities.id)],
      ),
    )
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(activities).where(where))[0].n;
  return toListResult(rows as (Selected & { totalCount: string })[], count, toActivity);
};

/** Keyset batches for streaming exports. */
export async function* activityBatches(
  db: DbOrTx,
  scopePath: string,
  q: Omit<ListActivitiesQuery, 'page' | 'pageSize' | 'sort'>,
) {
  let afterId: string | undefined;
  for (;;) {
    const rows = (await from(db)
      .where(and(activityFilters(scopePath, q), afterId ? sql`${activities.id} > ${afterId}` : undefined))
      .orderBy(asc(activities.id))
      .limit(2000)) as Selected[];
    if (rows.length === 0) return;
    yield rows.map(toActivity);
    afterId = rows[rows.length - 1].activity.id;
    if (rows.length < 2000) return;
  }
}

export const findActivity = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = (await from(db).where(
    and(eq(activities.id, id), scoped(activities.orgPath, scopePath)),
  )) as Selected[];
  return row;
};

export const lockActivity = async (tx: Tx, scopePath: string, id: string) => {
  const [row] = await tx
    .select()
    .from(activities)
    .where(and(eq(activities.id, id), scoped(activities.orgPath, scopePath)))
    .for('update');
  return row;
};
