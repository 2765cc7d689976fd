import {
  allowedChildKinds,
  type CreateOrgUnitInput,
  type DissolveOrgUnitInput,
  type ListOrgUnitsQuery,
  type MoveOrgUnitInput,
  type OrgTreeNode,
  type OrgUnit,
  orgKindLabels,
  type UpdateOrgUnitInput,
} from '../../../contracts/org';
import { requireAccess, resolveScopePath } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import type { Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { checkVersion } from '../../kernel/http/locking';
import type { ServiceContext } from '../../kernel/service-context';
import {
  countActiveUsers,
  countLiveChildren,
  findUnit,
  insertUnit,
  listUnits,
  lockUnit,
  type OrgUnitRow,
  rewriteSubtreePaths,
  toOrgUnit,
  treeOf,
  updateUnit,
} from './org.repository';

const duplicateName = (name: string) => new AppError('DUPLICATE', `同一上级下已有名为“${name}”的组织`);

const assertChildKindAllowed = (parent: OrgUnitRow, kind: OrgUnit['kind']) => {
  const allowed = allowedChildKinds[parent.kind as OrgUnit['kind']];
  if (!allowed.includes(kind)) {
    const parentLabel = orgKindLabels[parent.kind as OrgUnit['kind']].zh;
    throw new AppError('VALIDATION_FAILED', `${parentLabel}下不能设立${orgKindLabels[kind].zh}`, [
      { field: 'kind', message: `可设立：${allowed.map((k) => orgKindLabels[k].zh).join('、') || '无'}` },
    ]);
  }
};

/** A user's own unit is the root of what she manages: she cannot move, dissolve or delete it. */
const assertNotOwnRoot = (ctx: ServiceContext, id: string, verb: string) => {
  if (id === ctx.actor.orgUnitId)
    throw new AppError('FORBIDDEN', `不能${verb}自己所在的组织，请由上级组织操作`);
};

export const listOrgUnits = async (ctx: ServiceContext, query: ListOrgUnitsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', query.orgUnitId);
  return listUnits(ctx.db, scopePath, query);
};

export const getOrgTree = async (ctx: ServiceContext): Promise<{ items: OrgTreeNode[] }> => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', undefined);
  const rows = await treeOf(ctx.db, scopePath);
  // The caller's own unit is the root of her tree, whatever sits above it.
  const items = rows.map((r) => ({
    ...r,
    kind: r.kind as OrgUnit['kind'],
    parentId: r.id === ctx.actor.orgUnitId ? null : r.parentId,
  }));
  return { items };
};

export const getOrgUnit = async (ctx: ServiceContext, id: string) => {
  await requireAccess(ctx.db, {
    actor: ctx.actor,
    permission: 'org.read',
    orgUnitIds: [id],
    isDeletedAllowed: true,
  });
  const row = await findUnit(ctx.db, ctx.actor.orgPath, id);
  if (!row) throw notFound('组织');
  return toOrgUnit(row);
};

export const createOrgUnit = (ctx: ServiceContext, input: CreateOrgUnitInput) =>
  ctx.db.transaction(async (tx) => {
    await requireAccess(tx, { actor: ctx.actor, permission: 'org.manage', orgUnitIds: [input.parentId] });
    const parent = await lockUnit(tx, ctx.actor.orgPath, input.parentId);
    if (!parent || parent.deletedAt) throw notFound('上级组织');
    if (parent.dissolvedOn) throw new AppError('CONFLICT', `上级组织“${parent.name}”已撤销，不能再设立下级`);
    assertChildKindAllowed(parent, input.kind);
    const id = uuidv7();
    try {
      const row = await insertUnit(tx, {
        id,
        parentId: parent.id,
        kind: input.kind,
        name: input.name,
        code: input.code ?? null,
        foundedOn: input.foundedOn ?? null,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
      const unit = toOrgUnit(row);
      await recordAudit(tx, ctx.actor, {
        module: 'org',
        action: 'create',
        entityType: 'orgUnit',
        entityId: id,
        entityLabel: unit.name,
        orgUnitId: id,
        orgPath: row.path,
        after: unit,
      });
      return unit;
    } catch (e) {
      if (isUniqueViolation(e, 'org_units_parent_name_uq')) throw duplicateName(input.name);
      throw e;
    }
  });

/**
 * Shared shape of every edit: access, lock, version check, write, audit — one transaction. Not
 * `defineRecord`'s: a unit is the scope itself (its own `path`, which a move rewrites, not an
 * `org_path`), access goes through `requireAccess` so a refusal is audited as a scope denial, and
 * move/dissolve are unit-only actions.
 */
const editUnit = (
  ctx: ServiceContext,
  id: string,
  version: number,
  action: string,
  change: (tx: Tx, row: OrgUnitRow) => Promise<OrgUnitRow>,
  isDeletedAllowed = false,
) =>
  ctx.db.transaction(async (tx) => {
    await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'org.manage',
      orgUnitIds: [id],
      isDeletedAllowed,
    });
    const before = checkVersion(await lockUnit(tx, ctx.actor.orgPath, id), version, '组织');
    try {
      const after = await change(tx, before);
      await recordAudit(tx, ctx.actor, {
        module: 'org',
        action,
        entityType: 'orgUnit',
        entityId: id,
        entityLabel: after.name,
        orgUnitId: id,
        orgPath: after.path,
        before: toOrgUnit(before),
        after: toOrgUnit(after),
      });
      return toOrgUnit(after);
    } catch (e) {
      if (isUniqueViolation(e, 'org_units_parent_name_uq')) throw duplicateName(before.name);
      throw e;
    }
  });

export const updateOrgUnit = (ctx: ServiceContext, id: string, input: UpdateOrgUnitInput) =>
  editUnit(ctx, id, input.version, 'update', async (tx, row) => {
    if (row.deletedAt) throw notFound('组织');
    const { version: _v, ...set } = input;
    if (set.name && set.name !== row.name && id === ctx.actor.orgUnitId && ctx.actor.role !== 'sysAdmin') {
      throw new AppError('FORBIDDEN', '不能修改自己所在组织的名称，请由上级组织操作');
    }
    try {
      return await updateUnit(tx, id, { ...set, updatedBy: ctx.actor.userId });
    } catch (e) {
      if (isUniqueViolation(e, 'org_units_parent_name_uq')) throw duplicateName(set.name ?? row.name);
      throw e;
    }
  });

export const moveOrgUnit = (ctx: ServiceContext, id: string, input: MoveOrgUnitInput) =>
  editUnit(ctx, id, input.version, 'move', async (tx, row) => {
    assertNotOwnRoot(ctx, id, '调整');
    if (row.deletedAt) throw notFound('组织');
    await requireAccess(tx, { actor: ctx.actor, permission: 'org.manage', orgUnitIds: [input.newParentId] });
    const parent = await lockUnit(tx, ctx.actor.orgPath, input.newParentId);
    if (!parent) throw notFound('新的上级组织');
    if (parent.path.startsWith(row.path)) {
      throw new AppError('VALIDATION_FAILED', '不能把组织调整到它自己或它的下级之下', [
        { field: 'newParentId', message: '请选择其他上级组织' },
      ]);
    }
    if (parent.dissolvedOn) throw new AppError('CONFLICT', `“${parent.name}”已撤销，不能作为上级`);
    assertChildKindAllowed(parent, row.kind as OrgUnit['kind']);
    const newPath = `${parent.path}${row.id}/`;
    try {
      await rewriteSubtreePaths(tx, row.path, newPath, parent.depth + 1 - row.depth);
      return await updateUnit(tx, id, { parentId: parent.id, updatedBy: ctx.actor.userId });
    } catch (e) {
      if (isUniqueViolation(e, 'org_units_parent_name_uq')) {
        throw new AppError('DUPLICATE', `“${parent.name}”下已有名为“${row.name}”的组织`);
      }
      throw e;
    }
  });

export const dissolveOrgUnit = (ctx: ServiceContext, id: string, input: DissolveOrgUnitInput) =>
  editUnit(ctx, id, input.version, 'dissolve', async (tx, row) => {
    assertNotOwnRoot(ctx, id, '撤销');
    if (row.deletedAt) throw notFound('组织');
    if (row.dissolvedOn) throw new AppError('CONFLICT', `“${row.name}”已于${row.dissolvedOn}撤销`);
    if (row.foundedOn && input.dissolvedOn < row.foundedOn) {
      throw new AppError('VALIDATION_FAILED', '撤销日期不能早于成立日期', [
        { field: 'dissolvedOn', message: `成立日期为${row.foundedOn}` },
      ]);
    }
    const children = await countLiveChildren(tx, id);
    if (children > 0)
      throw new AppError('CONFLICT', `“${row.name}”下还有${children}个未撤销的下级组织，请先撤销或调整`);
    return updateUnit(tx, id, { dissolvedOn: input.dissolvedOn, updatedBy: ctx.actor.userId });
  });

export const deleteOrgUnit = (ctx: ServiceContext, id: string, version: number) =>
  editUnit(ctx, id, version, 'delete', async (tx, row) => {
    assertNotOwnRoot(ctx, id, '删除');
    if (row.deletedAt) throw notFound('组织');
    const children = await countLiveChildren(tx, id);
    if (children > 0) throw new AppError('CONFLICT', `“${row.name}”下还有${children}个下级组织，不能删除`);
    const activeUsers = await countActiveUsers(tx, id);
    if (activeUsers > 0)
      throw new AppError('CONFLICT', `“${row.name}”还有${activeUsers}个在用账号，请先停用或调整`);
    return updateUnit(tx, id, { deletedAt: new Date().toISOString(), updatedBy: ctx.actor.userId });
  });

export const restoreOrgUnit = (ctx: ServiceContext, id: string, version: number) =>
  editUnit(
    ctx,
    id,
    version,
    'restore',
    async (tx, row) => {
      if (!row.deletedAt) throw new AppError('CONFLICT', `“${row.name}”未被删除，无需恢复`);
      const parent = row.parentId ? await findUnit(tx, '/', row.parentId) : undefined;
      if (parent?.deletedAt) throw new AppError('CONFLICT', `上级组织“${parent.name}”已删除，请先恢复上级`);
      return updateUnit(tx, id, { deletedAt: null, updatedBy: ctx.actor.userId });
    },
    true,
  );
