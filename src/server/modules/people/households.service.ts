import type {
  CreateHouseholdInput,
  Household,
  ListHouseholdsQuery,
  UpdateHouseholdInput,
} from '../../../contracts/people';
import { requireAccess, requirePermission, resolveScopePath } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import type { Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { checkVersion } from '../../kernel/http/locking';
import type { ServiceContext } from '../../kernel/service-context';
import {
  findHousehold,
  type HouseholdRow,
  listHouseholdRows,
  lockHousehold,
  lockPerson,
  toHousehold,
  updateHouseholdRow,
  updatePersonRow,
} from './people.repository';
import { households } from './people.table';

const duplicateAddress = () =>
  new AppError('DUPLICATE', '本村（社区）已有相同住址和门牌号的家庭', [
    { field: 'address', message: '住址与门牌号重复' },
  ]);

const householdById = async (tx: Tx, id: string) => {
  const row = await findHousehold(tx, '/', id);
  if (!row) throw notFound('家庭');
  return toHousehold(row);
};

/** The head must be a live person registered in this household. */
const checkHead = async (
  tx: Tx,
  ctx: ServiceContext,
  headPersonId: string | null | undefined,
  householdId: string,
) => {
  if (!headPersonId) return;
  const person = await lockPerson(tx, ctx.actor.orgPath, headPersonId);
  if (!person || person.deletedAt) throw notFound('户主');
  if (person.householdId !== householdId) {
    throw new AppError('VALIDATION_FAILED', '户主须是本户成员，请先把该人员加入本户', [
      { field: 'headPersonId', message: '户主须是本户成员' },
    ]);
  }
};

const auditHousehold = (
  tx: Tx,
  ctx: ServiceContext,
  action: string,
  before: Household | null,
  after: Household,
  path: string,
) =>
  recordAudit(tx, ctx.actor, {
    module: 'people',
    action,
    entityType: 'household',
    entityId: after.id,
    entityLabel: `${after.address}${after.houseNumber ? ` ${after.houseNumber}` : ''}`,
    orgUnitId: after.orgUnitId,
    orgPath: path,
    before,
    after,
  });

export const listHouseholds = async (ctx: ServiceContext, q: ListHouseholdsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'people.read', q.orgUnitId);
  return listHouseholdRows(ctx.db, scopePath, q);
};

export const getHousehold = async (ctx: ServiceContext, id: string) => {
  requirePermission(ctx.actor, 'people.read');
  const row = await findHousehold(ctx.db, ctx.actor.orgPath, id);
  if (!row) throw notFound('家庭');
  return toHousehold(row);
};

export const createHousehold = (ctx: ServiceContext, input: CreateHouseholdInput) =>
  ctx.db.transaction(async (tx) => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'people.write',
      orgUnitIds: [input.orgUnitId],
    });
    const id = uuidv7();
    const path = paths.get(input.orgUnitId) as string;
    try {
      await tx.insert(households).values({
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        address: input.address,
        houseNumber: input.houseNumber ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
    } catch (e) {
      if (isUniqueViolation(e, 'households_address_uq')) throw duplicateAddress();
      throw e;
    }
    if (input.headPersonId) {
      // A new household has no members yet: the head joins it as it is created.
      const person = await lockPerson(tx, ctx.actor.orgPath, input.headPersonId);
      if (!person || person.deletedAt) throw notFound('户主');
      if (person.orgUnitId !== input.orgUnitId) {
        throw new AppError('VALIDATION_FAILED', '户主须与家庭属于同一村（社区）', [
          { field: 'headPersonId', message: '户主须与家庭属于同一村（社区）' },
        ]);
      }
      await updatePersonRow(tx, person.id, {
        householdId: id,
        relationToHead: 'head',
        updatedBy: ctx.actor.userId,
      });
      await updateHouseholdRow(tx, id, { headPersonId: person.id });
    }
    const household = await householdById(tx, id);
    await auditHousehold(tx, ctx, 'create', null, household, path);
    return household;
  });

const editHousehold = (
  ctx: ServiceContext,
  id: string,
  version: number,
  action: string,
  change: (tx: Tx, row: HouseholdRow) => Promise<void>,
) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'people.write');
    const row = checkVersion(await lockHousehold(tx, ctx.actor.orgPath, id), version, '家庭');
    const before = await householdById(tx, id);
    try {
      await change(tx, row);
    } catch (e) {
      if (isUniqueViolation(e, 'households_address_uq')) throw duplicateAddress();
      throw e;
    }
    const after = await householdById(tx, id);
    await auditHousehold(tx, ctx, action, before, after, row.orgPath);
    return after;
  });

export const updateHousehold = (ctx: ServiceContext, id: string, input: UpdateHouseholdInput) =>
  editHousehold(ctx, id, input.version, 'update', async (tx, row) => {
    if (row.deletedAt) throw notFound('家庭');
    await checkHead(tx, ctx, input.headPersonId, id);
    const { version: _v, ...set } = input;
    await updateHouseholdRow(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteHousehold = (ctx: ServiceContext, id: string, version: number) =>
  editHousehold(ctx, id, version, 'delete', async (tx, row) => {
    if (row.deletedAt) throw notFound('家庭');
    const members = (await findHousehold(tx, '/', id))?.memberCount ?? 0;
    if (members > 0) throw new AppError('CONFLICT', `该户还有${members}名成员，请先调整成员后再删除`);
    await updateHouseholdRow(tx, id, { deletedAt: new Date().toISOString(), updatedBy: ctx.actor.userId });
  });

export const restoreHousehold = (ctx: ServiceContext, id: string, version: number) =>
  editHousehold(ctx, id, version, 'restore', async (tx, row) => {
    if (!row.deletedAt) throw new AppError('CONFLICT', '该家庭未被删除，无需恢复');
    await updateHouseholdRow(tx, id, { deletedAt: null, updatedBy: ctx.actor.userId });
  });
