import { and, eq, isNull } from 'drizzle-orm';
import type { CreateSiteInput, ListSitesQuery, Site, UpdateSiteInput } from '../../../contracts/org-ledgers';
import { requireAccess, resolveScopePath, scoped } from '../../kernel/access/access';
import type { Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { persons } from '../people/people.table';
import { sites } from './org-ledgers.table';
import { siteKindList } from './site-kinds.service';
import { findSite, listSiteRows, toSite } from './sites.repository';

const duplicateName = () =>
  new AppError('DUPLICATE', '本组织已有同名阵地', [{ field: 'name', message: '本组织已有同名阵地' }]);

/** The contact must be a live person the caller may see. */
const checkContact = async (tx: Tx, ctx: ServiceContext, personId: string | null | undefined) => {
  if (!personId) return;
  const [p] = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(
      and(eq(persons.id, personId), isNull(persons.deletedAt), scoped(persons.orgPath, ctx.actor.orgPath)),
    );
  if (!p) throw notFound('联系人');
};

/** The site's lifecycle: scoped lock, version check, before/after audit, soft delete and restore. */
export const siteRecord = defineRecord({
  entityType: 'site',
  table: sites,
  label: '阵地',
  auditModule: 'org',
  permissions: { read: 'org.read', write: 'org.write' },
  find: async (db, _ctx, scopePath, id) => {
    const row = await findSite(db, scopePath, id);
    return row && toSite(row);
  },
  describe: (site: Site) => site.name,
  onWriteError: (e) => {
    if (isUniqueViolation(e, 'sites_unit_name_uq')) throw duplicateName();
  },
});

export const listSites = async (ctx: ServiceContext, q: ListSitesQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', q.orgUnitId);
  return listSiteRows(ctx.db, scopePath, q);
};

export const getSite = (ctx: ServiceContext, id: string) => siteRecord.get(ctx, id);

export const createSite = (ctx: ServiceContext, input: CreateSiteInput) =>
  ctx.db.transaction(async (tx) => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'org.write',
      orgUnitIds: [input.orgUnitId],
    });
    await checkContact(tx, ctx, input.contactPersonId);
    await siteKindList.assert(tx, ctx.actor, input.kind, 'kind');
    const id = uuidv7();
    const path = paths.get(input.orgUnitId) as string;
    return siteRecord.create(tx, ctx, { id, orgPath: path }, () =>
      tx.insert(sites).values({
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        kind: input.kind,
        name: input.name,
        address: input.address ?? null,
        openedOn: input.openedOn ?? null,
        contactPersonId: input.contactPersonId ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
  });

export const updateSite = (ctx: ServiceContext, id: string, input: UpdateSiteInput) =>
  siteRecord.update(ctx, id, input.version, async (tx) => {
    await checkContact(tx, ctx, input.contactPersonId);
    if (input.kind) await siteKindList.assert(tx, ctx.actor, input.kind, 'kind');
    const { version: _v, ...set } = input;
    await siteRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteSite = (ctx: ServiceContext, id: string, version: number) =>
  siteRecord.softDelete(ctx, id, version);

export const restoreSite = (ctx: ServiceContext, id: string, version: number) =>
  siteRecord.restore(ctx, id, version);
