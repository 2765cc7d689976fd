import type {
  CreateWomenGroupInput,
  ListWomenGroupsQuery,
  UpdateWomenGroupInput,
  WomenGroup,
} from '../../../contracts/org-ledgers';
import { requireAccess, resolveScopePath } from '../../kernel/access/access';
import type { Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { checkLeaderAndMembers } from '../people/leader-members';
import { lockGrid } from './grids.repository';
import { womenGroups } from './org-ledgers.table';
import {
  findWomenGroup,
  insertWomenGroup,
  listWomenGroupRows,
  replaceWomenGroupMembers,
  toWomenGroup,
} from './women-groups.repository';

/**
 * Leader and members must be live persons the caller may see (else 404, revealing nothing) and
 * registered in the grid's village: the group is its neighbours, and names from elsewhere would
 * show to everyone who reads the group.
 */
const checkPeople = (
  tx: Tx,
  ctx: ServiceContext,
  orgUnitId: string,
  leaderPersonId: string | null | undefined,
  memberIds: readonly string[],
) =>
  checkLeaderAndMembers(tx, ctx, leaderPersonId, memberIds, {
    fits: (p) => p.orgUnitId === orgUnitId,
    leader: (name) => `组长“${name}”不是本村（社区）人员`,
    member: (name) => `“${name}”不是本村（社区）人员`,
    summary: (names) => `妇女小组的组长和组员须是本网格所在村（社区）登记的人员：${names}不是`,
  });

/** The women's group's lifecycle: scoped lock, version check, before/after audit, soft delete and restore. */
export const womenGroupRecord = defineRecord({
  entityType: 'womenGroup',
  table: womenGroups,
  label: '妇女小组',
  auditModule: 'org',
  permissions: { read: 'org.read', write: 'org.write' },
  find: async (db, _ctx, scopePath, id) => {
    const row = await findWomenGroup(db, scopePath, id);
    return row && toWomenGroup(row);
  },
  describe: (group: WomenGroup) => `${group.gridName} ${group.name}`,
});

export const listWomenGroups = async (ctx: ServiceContext, q: ListWomenGroupsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', q.orgUnitId);
  return listWomenGroupRows(ctx.db, scopePath, q);
};

export const getWomenGroup = (ctx: ServiceContext, id: string) => womenGroupRecord.get(ctx, id);

export const createWomenGroup = (ctx: ServiceContext, input: CreateWomenGroupInput) =>
  ctx.db.transaction(async (tx) => {
    await requireAccess(tx, { actor: ctx.actor, permission: 'org.write' });
    // Locked so that the grid cannot be deleted while a group is being put into it.
    const grid = await lockGrid(tx, ctx.actor.orgPath, input.gridId);
    if (!grid || grid.deletedAt) throw notFound('网格');
    await checkPeople(tx, ctx, grid.orgUnitId, input.leaderPersonId, input.memberIds);
    const id = uuidv7();
    return womenGroupRecord.create(tx, ctx, { id, orgPath: grid.orgPath }, async () => {
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
    });
  });

export const updateWomenGroup = (ctx: ServiceContext, id: string, input: UpdateWomenGroupInput) =>
  womenGroupRecord.update(ctx, id, input.version, async (tx, row) => {
    await checkPeople(tx, ctx, row.orgUnitId, input.leaderPersonId, input.memberIds ?? []);
    const { version: _v, memberIds, ...set } = input;
    // The row is written even when only members change, so the version moves and the edit is locked.
    await womenGroupRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
    if (memberIds) await replaceWomenGroupMembers(tx, id, [...new Set(memberIds)]);
  });

// Members stay recorded, so a restore brings the group back whole.
export const deleteWomenGroup = (ctx: ServiceContext, id: string, version: number) =>
  womenGroupRecord.softDelete(ctx, id, version);

export const restoreWomenGroup = (ctx: ServiceContext, id: string, version: number) =>
  womenGroupRecord.restore(ctx, id, version, async (tx, row) => {
    const grid = await lockGrid(tx, ctx.actor.orgPath, row.gridId);
    if (!grid || grid.deletedAt) throw new AppError('CONFLICT', '小组所在的网格已删除，请先恢复网格');
  });
