import { levelOf, type OrgKind, orgKindLabels } from '../../../contracts/org';
import type {
  AssignGridHouseholdsInput,
  CreateGridInput,
  Grid,
  ListGridsQuery,
  UpdateGridInput,
} from '../../../contracts/org-ledgers';
import { requireAccess, requirePermission, resolveScopePath } from '../../kernel/access/access';
import type { Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import {
  assignHouseholdRows,
  countGridDependants,
  coverageOf,
  findGrid,
  findPersonIn,
  insertGrid,
  listGridRows,
  lockHouseholds,
  toGrid,
} from './grids.repository';
import { findUnit } from './org.repository';
import { grids } from './org-ledgers.table';

// Grids divide a village, a 嘎查 or a community (the village level); towns and enterprises have no
// households to divide.
/** The coverage page lists at most this many uncovered households (the count covers all of them). */
const UNCOVERED_LIST_CAP = 200;

const duplicateName = (name: string) =>
  new AppError('DUPLICATE', `本村（社区）已有名为“${name}”的网格`, [
    { field: 'name', message: '网格名称重复' },
  ]);

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

/** The grid's lifecycle: scoped lock, version check, before/after audit, soft delete and restore. */
export const gridRecord = defineRecord({
  entityType: 'grid',
  table: grids,
  label: '网格',
  auditModule: 'org',
  permissions: { read: 'org.read', write: 'org.write' },
  find: async (db, _ctx, scopePath, id) => {
    const row = await findGrid(db, scopePath, id);
    return row && toGrid(row);
  },
  describe: (grid: Grid) => grid.name,
  onWriteError: (e, before) => {
    if (before && isUniqueViolation(e, 'grids_unit_name_uq')) throw duplicateName(before.name);
  },
});

export const listGrids = async (ctx: ServiceContext, q: ListGridsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', q.orgUnitId);
  return listGridRows(ctx.db, scopePath, q);
};

export const getGrid = (ctx: ServiceContext, id: string) => gridRecord.get(ctx, id);

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
    if (levelOf(kind) !== 'village') {
      throw invalid(
        'orgUnitId',
        `网格只能设在村（嘎查、社区）妇联下，“${unit.name}”是${orgKindLabels[kind].zh}`,
      );
    }
    if (unit.dissolvedOn) throw new AppError('CONFLICT', `“${unit.name}”已撤销，不能再划分网格`);
    await checkMember(tx, ctx, input.memberPersonId, input.orgUnitId);
    const id = uuidv7();
    const path = paths.get(input.orgUnitId) as string;
    return gridRecord.create(tx, ctx, { id, orgPath: path }, async () => {
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
    });
  });

export const updateGrid = (ctx: ServiceContext, id: string, input: UpdateGridInput) =>
  gridRecord.update(ctx, id, input.version, async (tx, row) => {
    await checkMember(tx, ctx, input.memberPersonId, row.orgUnitId);
    const { version: _v, ...set } = input;
    try {
      await gridRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
    } catch (e) {
      if (isUniqueViolation(e, 'grids_unit_name_uq')) throw duplicateName(set.name ?? row.name);
      throw e;
    }
  });

export const deleteGrid = (ctx: ServiceContext, id: string, version: number) =>
  gridRecord.softDelete(ctx, id, version, async (tx) => {
    const left = await countGridDependants(tx, id);
    if (left.households > 0) {
      throw new AppError('CONFLICT', `该网格还有${left.households}户家庭，请先划入其他网格后再删除`);
    }
    // A women's group lives inside its grid; deleting the grid under it would orphan the group.
    if (left.groups > 0) {
      throw new AppError('CONFLICT', `该网格还有${left.groups}个妇女小组，请先删除小组后再删除网格`);
    }
  });

export const restoreGrid = (ctx: ServiceContext, id: string, version: number) =>
  gridRecord.restore(ctx, id, version);

/** Puts households into a grid (moving them out of any other); each must be of the grid's village. */
export const assignGridHouseholds = (ctx: ServiceContext, gridId: string, input: AssignGridHouseholdsInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'org.write');
    const grid = await gridRecord.lock(tx, ctx, gridId);
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
    const before = await gridRecord.image(tx, ctx, gridId);
    await assignHouseholdRows(tx, gridId, ids, ctx.actor.userId);
    const after = await gridRecord.image(tx, ctx, gridId);
    // One row on the grid records every household moved and the grid each came from.
    await gridRecord.audit(tx, ctx, 'assignHouseholds', before, after, grid.orgPath, {
      before: { households: rows.map((r) => ({ id: r.id, label: r.label, gridId: r.gridId })) },
      after: { households: rows.map((r) => ({ id: r.id, label: r.label, gridId })) },
    });
    return after;
  });

export const getGridCoverage = async (
  ctx: ServiceContext,
  q: { orgUnitId?: string; maxPersons: number; maxSpecialFamilies: number },
) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', q.orgUnitId);
  return coverageOf(ctx.db, scopePath, q, UNCOVERED_LIST_CAP);
};
