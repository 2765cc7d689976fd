import { inArray } from 'drizzle-orm';
import type {
  CreateHouseholdInput,
  Household,
  ListHouseholdsQuery,
  UpdateHouseholdInput,
} from '../../../contracts/people';
import { resolveScopePath } from '../../kernel/access/access';
import type { Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { type ImportUpdate, importWriter } from '../../kernel/io/import-commit';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { findHousehold, listHouseholdRows, lockPerson, toHousehold } from './people.repository';
import { households } from './people.table';
import { personRecord } from './persons.service';

const duplicateAddress = () =>
  new AppError('DUPLICATE', '本村（社区）已有相同住址和门牌号的家庭', [
    { field: 'address', message: '住址与门牌号重复' },
  ]);

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

/** How the audit log names a household: its address and house number. */
const householdLabel = (h: { address: string; houseNumber: string | null }) =>
  `${h.address}${h.houseNumber ? ` ${h.houseNumber}` : ''}`;

/** The household's lifecycle: scoped lock, version check, before/after audit, soft delete and restore. */
export const householdRecord = defineRecord({
  entityType: 'household',
  table: households,
  label: '家庭',
  auditModule: 'people',
  permissions: { read: 'people.read', write: 'people.write' },
  find: async (db, _ctx, scopePath, id) => {
    const row = await findHousehold(db, scopePath, id);
    return row && toHousehold(row);
  },
  describe: (h: Household) => householdLabel(h),
  onWriteError: (e) => {
    if (isUniqueViolation(e, 'households_address_uq')) throw duplicateAddress();
  },
});

export const listHouseholds = async (ctx: ServiceContext, q: ListHouseholdsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'people.read', q.orgUnitId);
  return listHouseholdRows(ctx.db, scopePath, q);
};

export const getHousehold = (ctx: ServiceContext, id: string) => householdRecord.get(ctx, id);

export const createHousehold = (ctx: ServiceContext, input: CreateHouseholdInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await householdRecord.unitPath(tx, ctx, input.orgUnitId);
    const id = uuidv7();
    return householdRecord.create(tx, ctx, { id, orgPath: path }, async () => {
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
      if (input.headPersonId) {
        // A new household has no members yet: the head joins it as it is created.
        const person = await lockPerson(tx, ctx.actor.orgPath, input.headPersonId);
        if (!person || person.deletedAt) throw notFound('户主');
        if (person.orgUnitId !== input.orgUnitId) {
          throw new AppError('VALIDATION_FAILED', '户主须与家庭属于同一村（社区）', [
            { field: 'headPersonId', message: '户主须与家庭属于同一村（社区）' },
          ]);
        }
        await personRecord.write(tx, person.id, {
          householdId: id,
          relationToHead: 'head',
          updatedBy: ctx.actor.userId,
        });
        await householdRecord.write(tx, id, { headPersonId: person.id });
      }
    });
  });

export const updateHousehold = (ctx: ServiceContext, id: string, input: UpdateHouseholdInput) =>
  householdRecord.update(ctx, id, input.version, async (tx) => {
    await checkHead(tx, ctx, input.headPersonId, id);
    const { version: _v, ...set } = input;
    await householdRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteHousehold = (ctx: ServiceContext, id: string, version: number) =>
  householdRecord.softDelete(ctx, id, version, async (tx) => {
    const members = (await findHousehold(tx, '/', id))?.memberCount ?? 0;
    if (members > 0) throw new AppError('CONFLICT', `该户还有${members}名成员，请先调整成员后再删除`);
  });

export const restoreHousehold = (ctx: ServiceContext, id: string, version: number) =>
  householdRecord.restore(ctx, id, version);

/**
 * The heads an import names (与户主关系 = 户主): each household, created or matched by the import, gets
 * the stated member as its head, with a version bump and an audit row; a household whose head is already
 * that person is left alone. Run after the persons are written (the head must be a saved member).
 */
export const setHeadsFromImport = async (
  tx: Tx,
  ctx: ServiceContext,
  heads: ReadonlyMap<string, string>,
): Promise<number> => {
  if (heads.size === 0) return 0;
  const saved = await tx
    .select({
      id: households.id,
      orgUnitId: households.orgUnitId,
      orgPath: households.orgPath,
      address: households.address,
      houseNumber: households.houseNumber,
      headPersonId: households.headPersonId,
    })
    .from(households)
    .where(inArray(households.id, [...heads.keys()]));
  const updates: ImportUpdate<(typeof saved)[number]>[] = saved
    .filter((h) => h.headPersonId !== heads.get(h.id))
    .map((h) => ({ before: h, set: { headPersonId: heads.get(h.id) } }));
  await importWriter(tx, ctx, 'people', 'household').update(households, updates, householdLabel);
  return updates.length;
};
