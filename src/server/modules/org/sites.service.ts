import { and, eq, isNull } from 'drizzle-orm';
import type { CreateSiteInput, ListSitesQuery, Site, UpdateSiteInput } from '../../../contracts/org-ledgers';
import { requireAccess, requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import type { Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { checkVersion } from '../../kernel/http/locking';
import type { ServiceContext } from '../../kernel/service-context';
import { persons } from '../people/people.table';
import { sites } from './org-ledgers.table';
import { findSite, listSiteRows, lockSite, type SiteRow, toSite, updateSiteRow } from './sites.repository';

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

const siteById = async (tx: Tx, id: string) => {
  const row = await findSite(tx, '/', id);
  if (!row) throw notFound('阵地');
  return toSite(row);
};

const auditSite = (
  tx: Tx,
  ctx: ServiceContext,
  action: string,
  before: Site | null,
  after: Site,
  path: string,
) =>
  recordAudit(tx, ctx.actor, {
    module: 'org',
    action,
    entityType: 'site',
    entityId: after.id,
    entityLabel: after.name,
    orgUnitId: after.orgUnitId,
    orgPath: path,
    before,
    after,
  });

export const listSites = async (ctx: ServiceContext, q: ListSitesQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', q.orgUnitId);
  return listSiteRows(ctx.db, scopePath, q);
};

export const getSite = async (ctx: ServiceContext, id: string) => {
  requirePermission(ctx.actor, 'org.read');
  const row = await findSite(ctx.db, ctx.actor.orgPath, id);
  if (!row) throw notFound('阵地');
  return toSite(row);
};

export const createSite = (ctx: ServiceContext, input: CreateSiteInput) =>
  ctx.db.transaction(async (tx) => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'org.write',
      orgUnitIds: [input.orgUnitId],
    });
    await checkContact(tx, ctx, input.contactPersonId);
    const id = uuidv7();
    const path = paths.get(input.orgUnitId) as string;
    try {
      await tx.insert(sites).values({
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
      });
    } catch (e) {
      if (isUniqueViolation(e, 'sites_unit_name_uq')) throw duplicateName();
      throw e;
    }
    const site = await siteById(tx, id);
    await auditSite(tx, ctx, 'create', null, site, path);
    return site;
  });

const editSite = (
  ctx: ServiceContext,
  id: string,
  version: number,
  action: string,
  change: (tx: Tx, row: SiteRow) => Promise<unknown>,
) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'org.write');
    const row = checkVersion(await lockSite(tx, ctx.actor.orgPath, id), version, '阵地');
    const before = await siteById(tx, id);
    try {
      await change(tx, row);
    } catch (e) {
      if (isUniqueViolation(e, 'sites_unit_name_uq')) throw duplicateName();
      throw e;
    }
    const after = await siteById(tx, id);
    await auditSite(tx, ctx, action, before, after, row.orgPath);
    return after;
  });

export const updateSite = (ctx: ServiceContext, id: string, input: UpdateSiteInput) =>
  editSite(ctx, id, input.version, 'update', async (tx, row) => {
    if (row.deletedAt) throw notFound('阵地');
    await checkContact(tx, ctx, input.contactPersonId);
    const { version: _v, ...set } = input;
    await updateSiteRow(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteSite = (ctx: ServiceContext, id: string, version: number) =>
  editSite(ctx, id, version, 'delete', async (tx, row) => {
    if (row.deletedAt) throw notFound('阵地');
    await updateSiteRow(tx, id, { deletedAt: new Date().toISOString(), updatedBy: ctx.actor.userId });
  });

export const restoreSite = (ctx: ServiceContext, id: string, version: number) =>
  editSite(ctx, id, version, 'restore', async (tx, row) => {
    if (!row.deletedAt) throw new AppError('CONFLICT', '该阵地未被删除，无需恢复');
    await updateSiteRow(tx, id, { deletedAt: null, updatedBy: ctx.actor.userId });
  });
