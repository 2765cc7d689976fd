import { and, desc, eq } from 'drizzle-orm';
import { maskIdNumber, maskPhone, parseIdNumber } from '../../../contracts/common/id-number';
import type {
  CreatePersonInput,
  ListPersonsQuery,
  Person,
  RevealSensitiveInput,
  UpdatePersonInput,
} from '../../../contracts/people';
import { isWithin, requireAccess, requirePermission, resolveScopePath } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import { auditLog } from '../../kernel/audit/audit.table';
import type { Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { outsideRowScope } from '../../kernel/db/row-scope';
import { AppError, notFound } from '../../kernel/http/errors';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { FieldCrypto } from '../../kernel/privacy/field-crypto';
import { maskPiiText } from '../../kernel/privacy/pii-mask';
import type { ServiceContext } from '../../kernel/service-context';
import { toAuditEntry } from '../audit/audit.repository';
import {
  findByIdIndex,
  findPerson,
  listPersonRows,
  lockHousehold,
  type PersonRow,
  toPerson,
} from './people.repository';
import { persons } from './people.table';
import { pinyinKey } from './pinyin';
import { assertTagsAllowed } from './tag-options.service';

type SensitiveFields = Pick<
  PersonRow,
  'idNumberCipher' | 'idNumberIndex' | 'idNumberMasked' | 'phoneCipher' | 'phoneMasked'
> & { idBirthDate?: string; idGender?: 'female' | 'male' };

const invalidField = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ field, message }]);

/** Encrypts and masks an ID number (validated by GB 11643) and a phone; null clears them. */
export const sensitiveFields = (
  crypto: FieldCrypto,
  idNumber: string | null | undefined,
  phone: string | null | undefined,
): Partial<SensitiveFields> => {
  const out: Partial<SensitiveFields> = {};
  if (idNumber === null || idNumber === '') {
    Object.assign(out, { idNumberCipher: null, idNumberIndex: null, idNumberMasked: null });
  } else if (idNumber !== undefined) {
    const r = parseIdNumber(idNumber);
    if (!r.ok) throw invalidField('idNumber', r.reason);
    Object.assign(out, {
      idNumberCipher: crypto.encrypt(r.value),
      idNumberIndex: crypto.blindIndex(r.value),
      idNumberMasked: maskIdNumber(r.value),
      idBirthDate: r.birthDate,
      idGender: r.gender,
    });
  }
  if (phone === null) Object.assign(out, { phoneCipher: null, phoneMasked: null });
  else if (phone !== undefined)
    Object.assign(out, { phoneCipher: crypto.encrypt(phone), phoneMasked: maskPhone(phone) });
  return out;
};

/** Birth date and gender typed by hand must agree with the ID number (ASVS 2.1.2). */
const reconcileWithId = (s: Partial<SensitiveFields>, birthDate?: string | null, gender?: string | null) => {
  if (s.idBirthDate && birthDate && birthDate !== s.idBirthDate) {
    throw invalidField('birthDate', `出生日期与身份证号码不一致（身份证为${s.idBirthDate}）`);
  }
  if (s.idGender && gender && gender !== s.idGender) {
    throw invalidField(
      'gender',
      `性别与身份证号码不一致（身份证为${s.idGender === 'female' ? '女' : '男'}）`,
    );
  }
  return { birthDate: birthDate ?? s.idBirthDate ?? null, gender: gender ?? s.idGender ?? null };
};

/** The answer for an ID number held outside the caller's subtree: it says no more than "no". */
export const ID_NOT_REGISTRABLE = '该身份证号码无法登记，请联系县妇联核实';

/** Refuses a second live person with the same ID number, linking to the first if the caller may see her. */
const assertNoDuplicateId = async (
  tx: Tx,
  ctx: ServiceContext,
  idIndex: string | null | undefined,
  selfId?: string,
) => {
  if (!idIndex) return;
  // The number is unique in the county: the lookup sees past her subtree (row-scope.ts), the answer does not.
  const [existing] = (await outsideRowScope(tx, () => findByIdIndex(tx, [idIndex]))).filter(
    (p) => p.id !== selfId,
  );
  if (!existing) return;
  if (isWithin(existing.orgPath, ctx.actor.orgPath)) {
    throw new AppError('DUPLICATE', `该身份证号码已登记：${existing.name}`, [
      { field: 'idNumber', message: `已登记为“${existing.name}”，请打开已有记录`, value: existing.id },
    ]);
  }
  // Outside her subtree: refused without confirming that another unit holds the number (nor
  // which); the county, who sees both, settles it.
  throw new AppError('DUPLICATE', ID_NOT_REGISTRABLE, [{ field: 'idNumber', message: ID_NOT_REGISTRABLE }]);
};

/** A household given for a person must be in the same org unit. */
const checkHousehold = async (
  tx: Tx,
  ctx: ServiceContext,
  householdId: string | null | undefined,
  orgUnitId: string,
) => {
  if (!householdId) return;
  const household = await lockHousehold(tx, ctx.actor.orgPath, householdId);
  if (!household || household.deletedAt) throw notFound('家庭');
  if (household.orgUnitId !== orgUnitId) throw invalidField('householdId', '家庭与人员须属于同一村（社区）');
};

/**
 * The person's lifecycle: scoped lock, version check, before/after audit, soft delete and restore.
 * Not `isSensitive`: every read shows the ID number and phone masked, and the full values go
 * through `revealPersonSensitive`, which audits each view with its reason.
 */
export const personRecord = defineRecord({
  entityType: 'person',
  table: persons,
  label: '人员',
  auditModule: 'people',
  permissions: { read: 'people.read', write: 'people.write' },
  find: async (db, _ctx, scopePath, id) => {
    const row = await findPerson(db, scopePath, id);
    return row && toPerson(row);
  },
  describe: (person: Person) => person.name,
});

export const listPersons = async (ctx: ServiceContext, q: ListPersonsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'people.read', q.orgUnitId);
  const id = q.q ? parseIdNumber(q.q) : undefined;
  return listPersonRows(ctx.db, scopePath, q, id?.ok ? ctx.crypto.blindIndex(id.value) : undefined);
};

export const getPerson = (ctx: ServiceContext, id: string) => personRecord.get(ctx, id);

/**
 * The full ID number and phone, for a user holding people.viewSensitive; every view is audited
 * with the reason she gave (any number typed into the reason is masked there).
 */
export const revealPersonSensitive = (ctx: ServiceContext, id: string, input: RevealSensitiveInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'people.viewSensitive');
    const row = await findPerson(tx, ctx.actor.orgPath, id);
    if (!row) throw notFound('人员');
    await recordAudit(tx, ctx.actor, {
      module: 'people',
      action: 'viewSensitive',
      entityType: 'person',
      entityId: id,
      entityLabel: row.person.name,
      orgUnitId: row.person.orgUnitId,
      orgPath: row.person.orgPath,
      after: { reason: maskPiiText(input.reason) },
    });
    return {
      idNumber: row.person.idNumberCipher ? ctx.crypto.decrypt(row.person.idNumberCipher) : null,
      phone: row.person.phoneCipher ? ctx.crypto.decrypt(row.person.phoneCipher) : null,
    };
  });

export const createPerson = (ctx: ServiceContext, input: CreatePersonInput) =>
  ctx.db.transaction(async (tx) => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'people.write',
      orgUnitIds: [input.orgUnitId],
    });
    const s = sensitiveFields(ctx.crypto, input.idNumber, input.phone);
    const { birthDate, gender } = reconcileWithId(s, input.birthDate, input.gender);
    await assertTagsAllowed(tx, ctx.actor, input.tags);
    await assertNoDuplicateId(tx, ctx, s.idNumberIndex);
    await checkHousehold(tx, ctx, input.householdId, input.orgUnitId);
    const id = uuidv7();
    const path = paths.get(input.orgUnitId) as string;
    try {
      await tx.insert(persons).values({
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        name: input.name,
        namePinyin: pinyinKey(input.name),
        gender,
        birthDate,
        idNumberCipher: s.idNumberCipher ?? null,
        idNumberIndex: s.idNumberIndex ?? null,
        idNumberMasked: s.idNumberMasked ?? null,
        phoneCipher: s.phoneCipher ?? null,
        phoneMasked: s.phoneMasked ?? null,
        householdId: input.householdId ?? null,
        relationToHead: input.relationToHead ?? null,
        tags: input.tags,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
    } catch (e) {
      if (isUniqueViolation(e, 'persons_id_number_uq')) await assertNoDuplicateId(tx, ctx, s.idNumberIndex);
      throw e;
    }
    const person = await personRecord.image(tx, ctx, id);
    await personRecord.audit(tx, ctx, 'create', null, person, path);
    return person;
  });

export const updatePerson = (ctx: ServiceContext, id: string, input: UpdatePersonInput) =>
  personRecord.update(ctx, id, input.version, async (tx, row) => {
    const s = sensitiveFields(ctx.crypto, input.idNumber, input.phone);
    const { birthDate, gender } = reconcileWithId(
      s,
      input.birthDate === undefined ? row.birthDate : input.birthDate,
      input.gender === undefined ? row.gender : input.gender,
    );
    if (s.idNumberIndex) await assertNoDuplicateId(tx, ctx, s.idNumberIndex, id);
    if (input.tags) await assertTagsAllowed(tx, ctx.actor, input.tags);
    if (input.householdId) await checkHousehold(tx, ctx, input.householdId, row.orgUnitId);
    const { version: _v, idNumber: _i, phone: _p, ...plain } = input;
    const { idBirthDate: _b, idGender: _g, ...stored } = s;
    await personRecord.write(tx, id, {
      ...plain,
      ...stored,
      birthDate,
      gender,
      ...(input.name ? { namePinyin: pinyinKey(input.name) } : {}),
      updatedBy: ctx.actor.userId,
    });
  });

export const deletePerson = (ctx: ServiceContext, id: string, version: number) =>
  personRecord.softDelete(ctx, id, version);

export const restorePerson = (ctx: ServiceContext, id: string, version: number) =>
  personRecord.restore(ctx, id, version, (tx, row) => assertNoDuplicateId(tx, ctx, row.idNumberIndex, id));

/** Every recorded change of one person, newest first, for the detail drawer. */
export const personHistory = async (ctx: ServiceContext, id: string) => {
  await getPerson(ctx, id);
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'person'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id))
    .limit(200);
  return { items: rows.map(toAuditEntry) };
};
