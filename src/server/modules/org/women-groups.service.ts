import type { ErrorDetail } from '../../../contracts/common/errors';
import type {
  CreateWomenGroupInput,
  ListWomenGroupsQuery,
  UpdateWomenGroupInput,
  WomenGroup,
} from '../../../contracts/org-ledgers';
import { requireAccess, requirePermission, resolveScopePath } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import type { Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { checkVersion } from '../../kernel/http/locking';
import type { ServiceContext } from '../../kernel/service-context';
import { lockGrid } from './grids.repository';
import {
  findWomenGroup,
  insertWomenGroup,
  listWomenGroupRows,
  lockPersonsIn,
  lockWomenGroup,
  replaceWomenGroupMembers,
  toWomenGroup,
  updateWomenGroupRow,
  type WomenGroupRow,
} from './women-groups.repository';

const groupById = async (tx: Tx, id: string) => {
  const row = await findWomenGroup(tx, '/', id);
  if (!row) throw notFound('妇女小组');
  return toWomenGroup(row);
};

/**
 * Leader and members must be live persons the caller may see (else 404, revealing nothing) and
 * registered in the grid's village: the group is its neighbours, and names from elsewhere would
 * show to everyone who reads the group.
 */
const checkPeople = async (
  tx: Tx,
  ctx: ServiceContext,
  orgUnitId: string,
  leaderPersonId: string | null | undefined,
  memberIds: readonly string[],
) => {
  const ids = [...new Set([...(leaderPersonId ? [leaderPersonId] : []), ...memberIds])];
  const rows = await lockPersonsIn(tx, ctx.actor.orgPath, ids);
  if (rows.length !== ids.length || rows.some((p) => p.deletedAt)) throw notFound('人员');
  const outside = new Map(rows.filter((p) => p.orgUnitId !== orgUnitId).map((p) => [p.id, p.name]));
  if (outside.size === 0) return;
  const details: ErrorDetail[] = [];
  if (leaderPersonId && outside.has(leaderPersonId)) {
    details.push({
      field: 'leaderPersonId',
      message: `组长“${outside.get(leaderPersonId)}”不是本村（社区）人员`,
    });
  }
  memberIds.forEach((id, i) => {
    const name = outside.get(id);
    if (name) details.push({ field: `memberIds.${i}`, message: `“${name}”不是本村（社区）人员` });
  });
  throw new AppError(
    'VALIDATION_FAILED',
    `妇女小组的组长和组员须是本网格所在村（社区）登记的人员：${[...new Set(outside.values())].join('、')}不是`,
    details,
  );
};

const auditGroup = (
  tx: Tx,
  ctx: ServiceContext,
  action: string,
  before: WomenGroup | null,
  after: WomenGroup,
  path: string,
) =>
  recordAudit(tx, ctx.actor, {
    module: 'org',
    action,
    entityType: 'womenGroup',
    entityId: after.id,
    entityLabel: `${after.gridName} ${after.name}`,
    orgUnitId: after.orgUnitId,
    orgPath: path,
    before,
    after,
  });

export const listWomenGroups = async (ctx: ServiceContext, q: ListWomenGroupsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', q.orgUnitId);
  return listWomenGroupRows(ctx.db, scopePath, q);
};

export const getWomenGroup = async (ctx: ServiceContext, id: string) => {
  requirePermission(ctx.actor, 'org.read');
  const row = await findWomenGroup(ctx.db, ctx.actor.orgPath, id);
  if (!row) throw notFound('妇女小组');
  return toWomenGroup(row);
};

export const createWomenGroup = (ctx: ServiceContext, input: CreateWomenGroupInput) =>
  ctx.db.transaction(async (tx) => {
    await requireAccess(tx, { actor: ctx.actor, permission: 'org.write' });
    // Locked so that the grid cannot be deleted while a group is being put into it.
    const grid = await lockGrid(tx, ctx.actor.orgPath, input.gridId);
    if (!grid || grid.deletedAt) throw notFound('网格');
    await checkPeople(tx, ctx, grid.orgUnitId, input.leaderPersonId, input.memberIds);
    const id = uuidv7();
    await insertWomenGroup(tx, {
      id,
      gridId: grid.id,
      orgUnitId: grid.orgUnitId,
      orgPath: grid.orgPath,
      name: input.name,
      leaderPersonId: input.leaderPersonId ?? null,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    await replaceWomenGroupMembers(tx, id, [...new Set(input.memberIds)]);
    const group = await groupById(tx, id);
    await auditGroup(tx, ctx, 'create', null, group, grid.orgPath);
    return group;
  });

const editGroup = (
  ctx: ServiceContext,
  id: string,
  version: number,
  action: string,
  change: (tx: Tx, row: WomenGroupRow) => Promise<void>,
) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'org.write');
    const row = checkVersion(await lockWomenGroup(tx, ctx.actor.orgPath, id), version, '妇女小组');
    const before = await groupById(tx, id);
    await change(tx, row);
    const after = await groupById(tx, id);
    await auditGroup(tx, ctx, action, before, after, row.orgPath);
    return after;
  });

export const updateWomenGroup = (ctx: ServiceContext, id: string, input: UpdateWomenGroupInput) =>
  editGroup(ctx, id, input.version, 'update', async (tx, row) => {
    if (row.deletedAt) throw notFound('妇女小组');
    await checkPeople(tx, ctx, row.orgUnitId, input.leaderPersonId, input.memberIds ?? []);
    const { version: _v, memberIds, ...set } = input;
    // The row is written even when only members change, so the version moves and the edit is locked.
    await updateWomenGroupRow(tx, id, { ...set, updatedBy: ctx.actor.userId });
    if (memberIds) await replaceWomenGroupMembers(tx, id, [...new Set(memberIds)]);
  });

export const deleteWomenGroup = (ctx: ServiceContext, id: string, version: number) =>
  editGroup(ctx, id, version, 'delete', async (tx, row) => {
    if (row.deletedAt) throw notFound('妇女小组');
    // Members stay recorded, so a restore brings the group back whole.
    await updateWomenGroupRow(tx, id, { deletedAt: new Date().toISOString(), updatedBy: ctx.actor.userId });
  });

export const restoreWomenGroup = (ctx: ServiceContext, id: string, version: number) =>
  editGroup(ctx, id, version, 'restore', async (tx, row) => {
    if (!row.deletedAt) throw new AppError('CONFLICT', '该妇女小组未被删除，无需恢复');
    const grid = await lockGrid(tx, ctx.actor.orgPath, row.gridId);
    if (!grid || grid.deletedAt) throw new AppError('CONFLICT', '小组所在的网格已删除，请先恢复网格');
    await updateWomenGroupRow(tx, id, { deletedAt: null, updatedBy: ctx.actor.userId });
  });
