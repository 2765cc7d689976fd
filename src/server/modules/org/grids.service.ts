import { type OrgKind, orgKindLabels } from '../../../contracts/org';
import type {
  AssignGridHouseholdsInput,
  CreateGridInput,
  Grid,
  ListGridsQuery,
  UpdateGridInput,
} from '../../../contracts/org-ledgers';
import { requireAccess, requirePermission, resolveScopePath } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import type { Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { checkVersion } from '../../kernel/http/locking';
import type { ServiceContext } from '../../kernel/service-context';
import {
  assignHouseholdRows,
  countGridDependants,
  coverageOf,
  findGrid,
  findPersonIn,
  type GridRow,
  insertGrid,
  listGridRows,
  lockGrid,
  lockHouseholds,
  toGrid,
  updateGridRow,
} from './grids.repository';
import { findUnit } from './org.repository';

/** Grids divide a village or a community; towns and enterprises have no households to divide. */
const GRID_UNIT_KINDS: readonly OrgKind[] = ['village', 'community'];
/** The coverage page lists at most this many uncovered households (the count covers all of them). */
const UNCOVERED_LIST_CAP = 200;

const duplicateName = (name: string) =>
  new AppError('DUPLICATE', `本村（社区）已有名为“${name}”的网格`, [
    { field: 'name', message: '网格名称重复' },
  ]);

const gridById = async (tx: Tx, id: string) => {
  const row = await findGrid(tx, '/', id);
  if (!row) throw notFound('网格');
  return toGrid(row);
};

/**
 * The executive member must be a live person the caller may see (else 404, revealing nothing) and
 * registered in the grid's own village: a name from a sibling village would otherwise show to
 * everyone who reads the grid.
 */
const checkMember = async (
  tx: Tx,
  ctx: ServiceContext,
  personId: string | null | undefined,
  orgUnitId: string,
) => {
  if (!personId) return;
  const person = await findPersonIn(tx, ctx.actor.orgPath, personId);
  if (!person || person.deletedAt) throw notFound('执委');
  if (person.orgUnitId !== orgUnitId) {
    throw invalid('memberPersonId', '联系网格的执委须是本村（社区）登记的人员');
  }
};

const auditGrid = (
  tx: Tx,
  ctx: ServiceContext,
  action: string,
  before: unknown,
  after: Grid & { households?: unknown },
  path: string,
) =>
  recordAudit(tx, ctx.actor, {
    module: 'org',
    action,
    entityType: 'grid',
    entityId: after.id,
    entityLabel: after.name,
    orgUnitId: after.orgUnitId,
    orgPath: path,
    before,
    after,
  });

export const listGrids = async (ctx: ServiceContext, q: ListGridsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', q.orgUnitId);
  return listGridRows(ctx.db, scopePath, q);
};

export const getGrid = async (ctx: ServiceContext, id: string) => {
  requirePermission(ctx.actor, 'org.read');
  const row = await findGrid(ctx.db, ctx.actor.orgPath, id);
  if (!row) throw notFound('网格');
  return toGrid(row);
};

export const createGrid = (ctx: ServiceContext, input: CreateGridInput) =>
  ctx.db.transaction(async (tx) => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'org.write',
      orgUnitIds: [input.orgUnitId],
    });
    const unit = await findUnit(tx, ctx.actor.orgPath, input.orgUnitId);
    if (!unit) throw notFound('组织');
    const kind = unit.kind as OrgKind;
    if (!GRID_UNIT_KINDS.includes(kind)) {
      throw invalid('orgUnitId', `网格只能设在村（社区）妇联下，“${unit.name}”是${orgKindLabels[kind].zh}`);
    }
    if (unit.dissolvedOn) throw new AppError('CONFLICT', `“${unit.name}”已撤销，不能再划分网格`);
    await checkMember(tx, ctx, input.memberPersonId, input.orgUnitId);
    const id = uuidv7();
    const path = paths.get(input.orgUnitId) as string;
    try {
      await insertGrid(tx, {
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        name: input.name,
        memberPersonId: input.memberPersonId ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
    } catch (e) {
      if (isUniqueViolation(e, 'grids_unit_name_uq')) throw duplicateName(input.name);
      throw e;
    }
    const grid = await gridById(tx, id);
    await auditGrid(tx, ctx, 'create', null, grid, path);
    return grid;
  });

/** Shared shape of every edit: permission, lock in scope, version check, change, audit — one transaction. */
const editGrid = (
  ctx: ServiceContext,
  id: string,
  version: number,
  action: string,
  change: (tx: Tx, row: GridRow) => Promise<void>,
) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'org.write');
    const row = checkVersion(await lockGrid(tx, ctx.actor.orgPath, id), version, '网格');
    const before = await gridById(tx, id);
    try {
      await change(tx, row);
    } catch (e) {
      if (isUniqueViolation(e, 'grids_unit_name_uq')) throw duplicateName(before.name);
      throw e;
    }
    const after = await gridById(tx, id);
    await auditGrid(tx, ctx, action, before, after, row.orgPath);
    return after;
  });

export const updateGrid = (ctx: ServiceContext, id: string, input: UpdateGridInput) =>
  editGrid(ctx, id, input.version, 'update', async (tx, row) => {
    if (row.deletedAt) throw notFound('网格');
    await checkMember(tx, ctx, input.memberPersonId, row.orgUnitId);
    const { version: _v, ...set } = input;
    try {
      await updateGridRow(tx, id, { ...set, updatedBy: ctx.actor.userId });
    } catch (e) {
      if (isUniqueViolation(e, 'grids_unit_name_uq')) throw duplicateName(set.name ?? row.name);
      throw e;
    }
  });

export const deleteGrid = (ctx: ServiceContext, id: string, version: number) =>
  editGrid(ctx, id, version, 'delete', async (tx, row) => {
    if (row.deletedAt) throw notFound('网格');
    const left = await countGridDependants(tx, id);
    if (left.households > 0) {
      throw new AppError('CONFLICT', `该网格还有${left.households}户家庭，请先划入其他网格后再删除`);
    }
    // A women's group lives inside its grid; deleting the grid under it would orphan the group.
    if (left.groups > 0) {
      throw new AppError('CONFLICT', `该网格还有${left.groups}个妇女小组，请先删除小组后再删除网格`);
    }
    await updateGridRow(tx, id, { deletedAt: new Date().toISOString(), updatedBy: ctx.actor.userId });
  });

export const restoreGrid = (ctx: ServiceContext, id: string, version: number) =>
  editGrid(ctx, id, version, 'restore', async (tx, row) => {
    if (!row.deletedAt) throw new AppError('CONFLICT', '该网格未被删除，无需恢复');
    await updateGridRow(tx, id, { deletedAt: null, updatedBy: ctx.actor.userId });
  });

/** Puts households into a grid (moving them out of any other); each must be of the grid's village. */
export const assignGridHouseholds = (ctx: ServiceContext, gridId: string, input: AssignGridHouseholdsInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'org.write');
    const grid = await lockGrid(tx, ctx.actor.orgPath, gridId);
    if (!grid || grid.deletedAt) throw notFound('网格');
    const ids = [...new Set(input.householdIds)];
    const rows = await lockHouseholds(tx, ctx.actor.orgPath, ids);
    if (rows.length !== ids.length || rows.some((r) => r.deletedAt)) throw notFound('家庭');
    const elsewhere = rows.filter((r) => r.orgUnitId !== grid.orgUnitId);
    if (elsewhere.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `有${elsewhere.length}户家庭不属于本网格所在村（社区），不能划入`,
        elsewhere.map((r) => ({
          field: `householdIds.${input.householdIds.indexOf(r.id)}`,
          message: `“${r.label}”不属于本网格所在村（社区）`,
          value: r.id,
        })),
      );
    }
    const before = await gridById(tx, gridId);
    await assignHouseholdRows(tx, gridId, ids, ctx.actor.userId);
    const after = await gridById(tx, gridId);
    // One row on the grid records every household moved and the grid each came from.
    await auditGrid(
      tx,
      ctx,
      'assignHouseholds',
      { ...before, households: rows.map((r) => ({ id: r.id, label: r.label, gridId: r.gridId })) },
      { ...after, households: rows.map((r) => ({ id: r.id, label: r.label, gridId })) },
      grid.orgPath,
    );
    return after;
  });

export const getGridCoverage = async (
  ctx: ServiceContext,
  q: { orgUnitId?: string; maxPersons: number; maxSpecialFamilies: number },
) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', q.orgUnitId);
  return coverageOf(ctx.db, scopePath, q, UNCOVERED_LIST_CAP);
};
