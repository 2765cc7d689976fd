import { and, asc, eq, ilike, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { ListSitesQuery, Site } from '../../../contracts/org-ledgers';
import { scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { likeEscape, orderBy, pageOf, toListResult, totalCount } from '../../kernel/http/list';
import { persons } from '../people/people.table';
import { sites } from './org-ledgers.table';

export type SiteRow = typeof sites.$inferSelect;

const contactName = sql<
  string | null
>`(select p.name from ${persons} p where p.id = ${sites.contactPersonId})`;
const selection = { site: sites, orgUnitName: orgUnits.name, contactName };

export const toSite = (r: { site: SiteRow; orgUnitName: string; contactName: string | null }): Site => ({
  id: r.site.id,
  orgUnitId: r.site.orgUnitId,
  orgUnitName: r.orgUnitName,
  kind: r.site.kind as Site['kind'],
  name: r.site.name,
  address: r.site.address,
  openedOn: r.site.openedOn,
  contactPersonId: r.site.contactPersonId,
  contactName: r.contactName,
  note: r.site.note,
  version: r.site.version,
  createdAt: iso(r.site.createdAt),
  updatedAt: iso(r.site.updatedAt),
  deletedAt: iso(r.site.deletedAt),
});

export const listSiteRows = async (db: DbOrTx, scopePath: string, q: ListSitesQuery) => {
  const where = and(
    scoped(sites.orgPath, scopePath),
    q.status === 'deleted' ? isNotNull(sites.deletedAt) : isNull(sites.deletedAt),
    q.kind ? eq(sites.kind, q.kind) : undefined,
    q.q ? or(ilike(sites.name, likeEscape(q.q)), ilike(sites.address, likeEscape(q.q))) : undefined,
  );
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ ...selection, totalCount: totalCount() })
    .from(sites)
    .innerJoin(orgUnits, eq(orgUnits.id, sites.orgUnitId))
    .where(where)
    .orderBy(
      ...orderBy(
        q.sort,
        { name: sites.name, kind: sites.kind, openedOn: sites.openedOn, createdAt: sites.createdAt },
        [asc(orgUnits.path), asc(sites.name)],
      ),
    )
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(sites).where(where))[0].n;
  return toListResult(rows, count, toSite);
};

export const findSite = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await db
    .select(selection)
    .from(sites)
    .innerJoin(orgUnits, eq(orgUnits.id, sites.orgUnitId))
    .where(and(eq(sites.id, id), scoped(sites.orgPath, scopePath)));
  return row;
};
