import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import { maskName } from '../../../contracts/common/id-number';
import {
  amountInWords,
  type Beneficiary,
  type CreateBeneficiaryInput,
  type CreateDisbursementInput,
  type CreateDonationInput,
  type CreateDriveInput,
  type Disbursement,
  type DisbursementStepInput,
  type Donation,
  type Drive,
  disbursementActionLabels,
  disbursementFlow,
  disbursementNext,
  disbursementStatusLabels,
  type ExportDisbursementsQuery,
  formatYuan,
  type ListBeneficiariesQuery,
  type ListDisbursementsQuery,
  type ListDonationsQuery,
  type ListDrivesQuery,
  type Publicity,
  paymentMethodLabels,
  publicDonorName,
  type Receipt,
  type Reconciliation,
  type Step,
  type UpdateBeneficiaryInput,
  type UpdateDisbursementInput,
  type UpdateDonationInput,
  type UpdateDriveInput,
} from '../../../contracts/donations';
import { levelOf } from '../../../contracts/org';
import {
  isWithin,
  requirePermission,
  resolveScopePath,
  scoped,
  scopedAbove,
} from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import {
  disbursementBatches,
  disbursementsVisible,
  drivesVisible,
  findBeneficiary,
  findDisbursement,
  findDonation,
  findDrive,
  listBeneficiaryRows,
  listDisbursementRows,
  listDonationRows,
  listDriveRows,
} from './donations.repository';
import { beneficiaries, disbursements, donations, fundraisingDrives } from './donations.table';

const PERMS = { read: 'donations.read', write: 'donations.write' } as const;
const FUTURE = '日期不能晚于今天';
const NOT_ENOUGH = (balance: number) =>
  `募捐活动余额不足：当前可用余额${formatYuan(balance)}元，不能超额发放（可能已被其他发放申报占用，请刷新后查看）`;

/** Her unit's level and id (town review is a town's step; approval and payment the drive owner's). */
export const actorUnit = async (db: DbOrTx, ctx: ServiceContext) => {
  const [u] = await db
    .select({ kind: orgUnits.kind, name: orgUnits.name })
    .from(orgUnits)
    .where(eq(orgUnits.id, ctx.actor.orgUnitId));
  return { orgUnitId: ctx.actor.orgUnitId, level: levelOf(u?.kind ?? ''), name: u?.name ?? '' };
};

export const driveRecord = defineRecord({
  entityType: 'fundraisingDrive',
  table: fundraisingDrives,
  label: '募捐活动',
  auditModule: 'donations',
  permissions: PERMS,
  isHandedDown: true,
  find: (db, ctx, _scope, id) => findDrive(db, ctx.actor.orgPath, id),
  describe: (d: Drive) => d.name,
});

export const donationRecord = defineRecord({
  entityType: 'donation',
  table: donations,
  label: '捐赠记录',
  auditModule: 'donations',
  permissions: PERMS,
  find: (db, ctx, _scope, id) => findDonation(db, ctx.actor.orgPath, id),
  describe: (d: Donation) => `${d.receiptNo} ${d.donorName}`,
});

export const beneficiaryRecord = defineRecord({
  entityType: 'beneficiary',
  table: beneficiaries,
  label: '受助对象',
  auditModule: 'donations',
  permissions: PERMS,
  isSensitive: true,
  find: (db, ctx, _scope, id) => findBeneficiary(db, ctx.actor.orgPath, id, shanghaiToday()),
  describe: (b: Beneficiary) => maskName(b.name),
});

export const disbursementRecord = defineRecord({
  entityType: 'disbursement',
  table: disbursements,
  label: '发放记录',
  auditModule: 'donations',
  permissions: PERMS,
  isSensitive: true,
  find: (db, ctx, _scope, id) => findDisbursement(db, ctx.actor.orgPath, id, shanghaiToday()),
  describe: (d: Disbursement) => `${d.driveName} ${maskName(d.beneficiaryName)} ${formatYuan(d.amountFen)}元`,
});

// Drives ----------------------------------------------------------------------------------------

export const listDrives = async (ctx: ServiceContext, q: ListDrivesQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'donations.read', q.orgUnitId);
  return listDriveRows(ctx.db, scopePath, q);
};

export const getDrive = (ctx: ServiceContext, id: string) => driveRecord.get(ctx, id);

export const createDrive = (ctx: ServiceContext, input: CreateDriveInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await driveRecord.unitPath(tx, ctx, input.orgUnitId);
    const id = uuidv7();
    return driveRecord.create(tx, ctx, { id, orgPath: path }, () =>
      tx.insert(fundraisingDrives).values({
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        name: input.name,
        purpose: input.purpose,
        description: input.description ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        targetFen: input.targetFen ?? null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
  });

export const updateDrive = (ctx: ServiceContext, id: string, input: UpdateDriveInput) =>
  driveRecord.update(ctx, id, input.version, async (tx, row) => {
    const startsOn = input.startsOn ?? row.startsOn;
    const endsOn = input.endsOn ?? row.endsOn;
    if (endsOn < startsOn) throw invalid('endsOn', '结束日期不能早于开始日期');
    const [outside] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(donations)
      .where(
        and(
          eq(donations.driveId, id),
          isNull(donations.deletedAt),
          sql`${donations.receivedOn} not between ${startsOn}::date and ${endsOn}::date`,
        ),
      );
    if (outside.n > 0)
      throw invalid('startsOn', `有${outside.n}笔捐赠的日期不在新的起止日期内，请先核对这些捐赠`);
    const { version: _v, ...set } = input;
    await driveRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteDrive = (ctx: ServiceContext, id: string, version: number) =>
  driveRecord.softDelete(ctx, id, version, async (tx) => {
    const [used] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(donations)
      .where(and(eq(donations.driveId, id), isNull(donations.deletedAt)));
    const [out] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(disbursements)
      .where(and(eq(disbursements.driveId, id), isNull(disbursements.deletedAt)));
    if (used.n + out.n > 0)
      throw new AppError('CONFLICT', `该募捐活动已有${used.n}笔捐赠、${out.n}笔发放，不能删除`);
  });

export const restoreDrive = (ctx: ServiceContext, id: string, version: number) =>
  driveRecord.restore(ctx, id, version);

/** A live drive she may add to (her subtree's, or one handed down from above), locked FOR UPDATE. */
const lockVisibleDrive = async (tx: Tx, ctx: ServiceContext, driveId: string) => {
  const [row] = await tx
    .select()
    .from(fundraisingDrives)
    .where(
      and(
        eq(fundraisingDrives.id, driveId),
        isNull(fundraisingDrives.deletedAt),
        drivesVisible(ctx.actor.orgPath),
      ),
    )
    .for('update');
  if (!row) throw notFound('募捐活动');
  return row;
};

// Donations -------------------------------------------------------------------------------------

export const listDonations = async (ctx: ServiceContext, q: ListDonationsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'donations.read', q.orgUnitId);
  return listDonationRows(ctx.db, scopePath, q);
};

export const getDonation = (ctx: ServiceContext, id: string) => donationRecord.get(ctx, id);

const RECEIPT_TAKEN = '该收据编号在本募捐活动中已被使用，请核对收据编号';

/**
 * Records a donation and adds it to the drive's totals (money to the balance) in one transaction.
 * Donations are the drive owner's: only her unit (or one above it) records them.
 */
export const createDonation = (ctx: ServiceContext, input: CreateDonationInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'donations.write');
    if (input.id) {
      const [existing] = await tx.select().from(donations).where(eq(donations.id, input.id));
      if (existing) {
        if (existing.driveId !== input.driveId || existing.receivedOn !== input.receivedOn)
          throw new AppError('CONFLICT', '该捐赠编号已被使用，请刷新后重新填写');
        return { donation: await donationRecord.image(tx, ctx, existing.id), isReplay: true };
      }
    }
    const drive = await lockVisibleDrive(tx, ctx, input.driveId);
    if (!isWithin(drive.orgPath, ctx.actor.orgPath))
      throw new AppError('FORBIDDEN', '捐赠由募捐活动的负责单位登记，本单位不能登记');
    if (input.receivedOn < drive.startsOn || input.receivedOn > drive.endsOn)
      throw invalid('receivedOn', `捐赠日期须在募捐活动期间（${drive.startsOn}至${drive.endsOn}）内`);
    if (input.receivedOn > shanghaiToday()) throw invalid('receivedOn', FUTURE);
    const id = input.id ?? uuidv7();
    const isMoney = input.kind === 'money';
    const amount = isMoney ? (input.amountFen as number) : null;
    const estimated = isMoney ? null : (input.estimatedValueFen as number);
    const receiptNo =
      input.receiptNo ?? `${input.receivedOn.replaceAll('-', '')}-${id.slice(-6).toUpperCase()}`;
    try {
      await tx.insert(donations).values({
        id,
        driveId: drive.id,
        orgUnitId: drive.orgUnitId,
        orgPath: drive.orgPath,
        donorName: input.donorName,
        donorKind: input.donorKind,
        isAnonymous: input.isAnonymous,
        kind: input.kind,
        amountFen: amount,
        method: isMoney ? (input.method ?? null) : null,
        receivedOn: input.receivedOn,
        receiptNo,
        items: input.items ?? null,
        estimatedValueFen: estimated,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
    } catch (e) {
      if (isUniqueViolation(e, 'donations_receipt_uq')) throw invalid('receiptNo', RECEIPT_TAKEN);
      throw e;
    }
    const [after] = await tx
      .update(fundraisingDrives)
      .set({
        raisedFen: sql`${fundraisingDrives.raisedFen} + ${amount ?? 0}`,
        balanceFen: sql`${fundraisingDrives.balanceFen} + ${amount ?? 0}`,
        inKindFen: sql`${fundraisingDrives.inKindFen} + ${estimated ?? 0}`,
      })
      .where(eq(fundraisingDrives.id, drive.id))
      .returning({ balanceFen: fundraisingDrives.balanceFen });
    const donation = await donationRecord.image(tx, ctx, id);
    await donationRecord.audit(tx, ctx, 'create', null, donation, drive.orgPath, {
      after: { driveBalanceFen: after.balanceFen },
    });
    return { donation, isReplay: false };
  });

export const updateDonation = (ctx: ServiceContext, id: string, input: UpdateDonationInput) =>
  donationRecord.update(ctx, id, input.version, async (tx, row) => {
    if (input.items !== undefined && row.kind === 'inKind' && !input.items)
      throw invalid('items', '请填写捐赠物资');
    const { version: _v, ...set } = input;
    await donationRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

/** A donation leaves the drive's totals; money already promised to disbursements cannot leave. */
export const deleteDonation = (ctx: ServiceContext, id: string, version: number) =>
  donationRecord.softDelete(ctx, id, version, async (tx, row) => {
    const amount = row.amountFen ?? 0;
    const left = await tx
      .update(fundraisingDrives)
      .set({
        raisedFen: sql`${fundraisingDrives.raisedFen} - ${amount}`,
        balanceFen: sql`${fundraisingDrives.balanceFen} - ${amount}`,
        inKindFen: sql`${fundraisingDrives.inKindFen} - ${row.estimatedValueFen ?? 0}`,
      })
      .where(and(eq(fundraisingDrives.id, row.driveId), gte(fundraisingDrives.balanceFen, amount)))
      .returning({ id: fundraisingDrives.id });
    if (left.length === 0)
      throw new AppError('CONFLICT', '该笔捐款已部分用于发放，删除后余额将为负数，不能删除');
  });

export const restoreDonation = (ctx: ServiceContext, id: string, version: number) =>
  donationRecord.restore(ctx, id, version, async (tx, row) => {
    const [clash] = await tx
      .select({ id: donations.id })
      .from(donations)
      .where(
        and(
          eq(donations.driveId, row.driveId),
          eq(donations.receiptNo, row.receiptNo),
          isNull(donations.deletedAt),
        ),
      );
    if (clash) throw new AppError('CONFLICT', RECEIPT_TAKEN);
    await tx
      .update(fundraisingDrives)
      .set({
        raisedFen: sql`${fundraisingDrives.raisedFen} + ${row.amountFen ?? 0}`,
        balanceFen: sql`${fundraisingDrives.balanceFen} + ${row.amountFen ?? 0}`,
        inKindFen: sql`${fundraisingDrives.inKindFen} + ${row.estimatedValueFen ?? 0}`,
      })
      .where(eq(fundraisingDrives.id, row.driveId));
  });

/** 捐赠收据: the amount in yuan and in words; read-audited like an export of the donor's name. */
export const getReceipt = async (ctx: ServiceContext, id: string): Promise<Receipt> => {
  const d = await donationRecord.get(ctx, id);
  const amount = d.kind === 'money' ? (d.amountFen ?? 0) : (d.estimatedValueFen ?? 0);
  return {
    donationId: d.id,
    receiptNo: d.receiptNo,
    driveName: d.driveName,
    orgUnitName: d.orgUnitName,
    donorName: d.donorName,
    kind: d.kind,
    amountFen: amount,
    amountYuan: formatYuan(amount),
    amountInWords: amountInWords(amount),
    method: d.method ? paymentMethodLabels[d.method].zh : null,
    items: d.items,
    receivedOn: d.receivedOn,
    issuedBy: d.orgUnitName,
  };
};

// Beneficiaries ---------------------------------------------------------------------------------

export const listBeneficiaries = (ctx: ServiceContext, q: ListBeneficiariesQuery) =>
  ctx.db.transaction(async (tx) => {
    const scopePath = await resolveScopePath(tx, ctx.actor, 'donations.read', q.orgUnitId);
    const result = await listBeneficiaryRows(tx, scopePath, q, shanghaiToday());
    await beneficiaryRecord.recordRead(tx, ctx, 'list', result.items, scopePath);
    return result;
  });

export const getBeneficiary = (ctx: ServiceContext, id: string) => beneficiaryRecord.get(ctx, id);

export const createBeneficiary = (ctx: ServiceContext, input: CreateBeneficiaryInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await beneficiaryRecord.unitPath(tx, ctx, input.orgUnitId);
    if (input.birthDate && input.birthDate > shanghaiToday())
      throw invalid('birthDate', '出生日期不能晚于今天');
    const id = input.id ?? uuidv7();
    if (input.id) {
      const [existing] = await tx
        .select({ id: beneficiaries.id })
        .from(beneficiaries)
        .where(eq(beneficiaries.id, id));
      if (existing) return beneficiaryRecord.image(tx, ctx, id);
    }
    const { id: _id, ...fields } = input;
    return beneficiaryRecord.create(tx, ctx, { id, orgPath: path }, () =>
      tx.insert(beneficiaries).values({
        id,
        ...fields,
        orgPath: path,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
  });

export const updateBeneficiary = (ctx: ServiceContext, id: string, input: UpdateBeneficiaryInput) =>
  beneficiaryRecord.update(ctx, id, input.version, async (tx) => {
    const { version: _v, ...set } = input;
    await beneficiaryRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteBeneficiary = (ctx: ServiceContext, id: string, version: number) =>
  beneficiaryRecord.softDelete(ctx, id, version, async (tx) => {
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(disbursements)
      .where(
        and(
          eq(disbursements.beneficiaryId, id),
          isNull(disbursements.deletedAt),
          sql`${disbursements.status} in ('submitted', 'townApproved', 'ownerApproved')`,
        ),
      );
    if (open.n > 0) throw new AppError('CONFLICT', `该受助对象有${open.n}笔发放正在审批中，不能删除`);
  });

export const restoreBeneficiary = (ctx: ServiceContext, id: string, version: number) =>
  beneficiaryRecord.restore(ctx, id, version);

// Disbursements ---------------------------------------------------------------------------------

export const listDisbursements = (ctx: ServiceContext, q: ListDisbursementsQuery) =>
  ctx.db.transaction(async (tx) => {
    const scopePath = await resolveScopePath(tx, ctx.actor, 'donations.read', q.orgUnitId);
    const me = await actorUnit(tx, ctx);
    const result = await listDisbursementRows(tx, scopePath, q, me, shanghaiToday());
    await disbursementRecord.recordRead(tx, ctx, 'list', result.items, scopePath);
    return result;
  });

/** The rows of a disbursement export (beneficiaries masked as in lists), its audit row written first. */
export const disbursementExportRows = async (ctx: ServiceContext, q: ExportDisbursementsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'donations.export', q.orgUnitId);
  const me = await actorUnit(ctx.db, ctx);
  await ctx.db.transaction((tx) =>
    disbursementRecord.auditRows(tx, ctx, 'export', [
      {
        id: ctx.actor.orgUnitId,
        label: '善款发放台账',
        orgUnitId: ctx.actor.orgUnitId,
        orgPath: scopePath,
        after: { ledger: 'disbursements', query: q },
      },
    ]),
  );
  return disbursementBatches(ctx.db, scopePath, q, me, shanghaiToday());
};

export const getDisbursement = (ctx: ServiceContext, id: string) => disbursementRecord.get(ctx, id);

const stepOf = (
  ctx: ServiceContext,
  unitName: string,
  action: string,
  on: string,
  note?: string | null,
): Step => ({
  action,
  on,
  note: note ?? null,
  byName: ctx.actor.displayName,
  byUnit: unitName,
  at: new Date().toISOString(),
});

const sameDisbursement = (row: typeof disbursements.$inferSelect, input: CreateDisbursementInput) =>
  row.driveId === input.driveId &&
  row.beneficiaryId === input.beneficiaryId &&
  row.amountFen === input.amountFen &&
  row.submittedOn === input.submittedOn;

/**
 * A village submits a disbursement to a drive. The amount is taken from the drive's balance by one
 * conditional update in the same transaction (`balance_fen >= amount`): of many racing for the last
 * yuan, exactly those the balance covers succeed, the others are refused with 409 and write nothing.
 * A retry with the same client id answers the saved row (200), never a second one.
 */
export const createDisbursement = (ctx: ServiceContext, input: CreateDisbursementInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'donations.write');
    const replay = async (id: string) => {
      const [row] = await tx.select().from(disbursements).where(eq(disbursements.id, id));
      if (!row) return undefined;
      if (!isWithin(row.orgPath, ctx.actor.orgPath) || !sameDisbursement(row, input))
        throw new AppError('CONFLICT', '该发放编号已被使用，请刷新后重新填写');
      return { disbursement: await disbursementRecord.image(tx, ctx, id), isReplay: true };
    };
    if (input.id) {
      const found = await replay(input.id);
      if (found) return found;
    }
    const [beneficiary] = await tx
      .select()
      .from(beneficiaries)
      .where(and(eq(beneficiaries.id, input.beneficiaryId), isNull(beneficiaries.deletedAt)));
    if (!beneficiary || !isWithin(beneficiary.orgPath, ctx.actor.orgPath)) throw notFound('受助对象');
    const [drive] = await tx
      .select()
      .from(fundraisingDrives)
      .where(
        and(
          eq(fundraisingDrives.id, input.driveId),
          isNull(fundraisingDrives.deletedAt),
          drivesVisible(ctx.actor.orgPath),
        ),
      );
    if (!drive) throw notFound('募捐活动');
    if (!isWithin(beneficiary.orgPath, drive.orgPath))
      throw invalid('beneficiaryId', '该受助对象不在募捐活动负责单位的辖区内');
    if (input.submittedOn < drive.startsOn)
      throw invalid('submittedOn', `申报日期不能早于募捐活动开始日期（${drive.startsOn}）`);
    if (input.submittedOn > shanghaiToday()) throw invalid('submittedOn', FUTURE);
    const me = await actorUnit(tx, ctx);
    const id = input.id ?? uuidv7();
    const inserted = await tx
      .insert(disbursements)
      .values({
        id,
        driveId: drive.id,
        beneficiaryId: beneficiary.id,
        orgUnitId: beneficiary.orgUnitId,
        orgPath: beneficiary.orgPath,
        amountFen: input.amountFen,
        purpose: input.purpose ?? null,
        status: 'submitted',
        submittedOn: input.submittedOn,
        steps: [stepOf(ctx, me.name, 'submit', input.submittedOn)],
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      })
      .onConflictDoNothing({ target: disbursements.id })
      .returning({ id: disbursements.id });
    if (inserted.length === 0) {
      // The same client id committed by a racing retry: answer that row.
      const found = await replay(id);
      if (found) return found;
    }
    // The audit first, the drive's row last: its lock (every racing disbursement waits on it) is then
    // held only for the conditional update and the commit.
    const disbursement = await disbursementRecord.image(tx, ctx, id);
    await disbursementRecord.audit(tx, ctx, 'create', null, disbursement, beneficiary.orgPath);
    const taken = await tx
      .update(fundraisingDrives)
      .set({
        balanceFen: sql`${fundraisingDrives.balanceFen} - ${input.amountFen}`,
        committedFen: sql`${fundraisingDrives.committedFen} + ${input.amountFen}`,
      })
      .where(and(eq(fundraisingDrives.id, drive.id), gte(fundraisingDrives.balanceFen, input.amountFen)))
      .returning({ balanceFen: fundraisingDrives.balanceFen });
    if (taken.length === 0) {
      const [now] = await tx
        .select({ balanceFen: fundraisingDrives.balanceFen })
        .from(fundraisingDrives)
        .where(eq(fundraisingDrives.id, drive.id));
      throw new AppError('CONFLICT', NOT_ENOUGH(now?.balanceFen ?? 0));
    }
    return { disbursement, isReplay: false };
  });

export const updateDisbursement = (ctx: ServiceContext, id: string, input: UpdateDisbursementInput) =>
  disbursementRecord.update(ctx, id, input.version, async (tx, row) => {
    if (row.status !== 'submitted')
      throw new AppError('CONFLICT', '已进入审批的发放不能修改，如有错误请退回');
    await disbursementRecord.write(tx, id, { purpose: input.purpose ?? null, updatedBy: ctx.actor.userId });
  });

/**
 * One step of the approval chain, in order only: the town reviews what its villages submitted, the
 * drive's owner approves and pays; a refusal (with its reason) gives the amount back to the balance.
 * Each step is dated (not before the one before, not in the future), kept on the row and audited.
 */
export const stepDisbursement = (ctx: ServiceContext, id: string, input: DisbursementStepInput) =>
  disbursementRecord.update(
    ctx,
    id,
    input.version,
    async (tx, row) => {
      requirePermission(ctx.actor, 'donations.approve');
      const status = row.status as keyof typeof disbursementStatusLabels;
      const allowed = disbursementFlow[input.action];
      if (!allowed.includes(status))
        throw new AppError(
          'CONFLICT',
          `该发放当前为“${disbursementStatusLabels[status].zh}”，不能${disbursementActionLabels[input.action].zh}`,
        );
      const [drive] = await tx
        .select()
        .from(fundraisingDrives)
        .where(eq(fundraisingDrives.id, row.driveId))
        .for('update');
      const me = await actorUnit(tx, ctx);
      const isOwner = me.orgUnitId === drive.orgUnitId;
      const needsTown =
        input.action === 'townApprove' || (input.action === 'reject' && status === 'submitted');
      if (needsTown && me.level !== 'town' && !isOwner)
        throw new AppError('FORBIDDEN', '无权操作：村级申报由乡镇妇联审核');
      if (!needsTown && !isOwner)
        throw new AppError('FORBIDDEN', `无权操作：该笔发放由募捐活动的负责单位审批和发放`);
      const steps = row.steps as Step[];
      const last = steps[steps.length - 1];
      if (last && input.on < last.on) throw invalid('on', `日期不能早于上一步（${last.on}）`);
      if (input.on > shanghaiToday()) throw invalid('on', FUTURE);
      const next = disbursementNext[input.action];
      if (input.action === 'reject') {
        await tx
          .update(fundraisingDrives)
          .set({
            balanceFen: sql`${fundraisingDrives.balanceFen} + ${row.amountFen}`,
            committedFen: sql`${fundraisingDrives.committedFen} - ${row.amountFen}`,
          })
          .where(eq(fundraisingDrives.id, row.driveId));
      }
      if (input.action === 'pay') {
        await tx
          .update(fundraisingDrives)
          .set({ paidFen: sql`${fundraisingDrives.paidFen} + ${row.amountFen}` })
          .where(eq(fundraisingDrives.id, row.driveId));
      }
      await disbursementRecord.write(tx, id, {
        status: next,
        steps: [...steps, stepOf(ctx, me.name, input.action, input.on, input.note)],
        ...(input.action === 'pay'
          ? { paidOn: input.on, paidMethod: input.paidMethod ?? null, payer: input.payer ?? null }
          : {}),
        updatedBy: ctx.actor.userId,
      });
    },
    input.action,
  );

/** Only a disbursement not yet approved by the town may be withdrawn (its amount goes back). */
export const deleteDisbursement = (ctx: ServiceContext, id: string, version: number) =>
  disbursementRecord.softDelete(ctx, id, version, async (tx, row) => {
    if (row.status !== 'submitted' && row.status !== 'rejected')
      throw new AppError('CONFLICT', '已审核的发放不能删除，如有错误请退回');
    if (row.status === 'submitted') {
      await tx
        .update(fundraisingDrives)
        .set({
          balanceFen: sql`${fundraisingDrives.balanceFen} + ${row.amountFen}`,
          committedFen: sql`${fundraisingDrives.committedFen} - ${row.amountFen}`,
        })
        .where(eq(fundraisingDrives.id, row.driveId));
    }
  });

export const restoreDisbursement = (ctx: ServiceContext, id: string, version: number) =>
  disbursementRecord.restore(ctx, id, version, async (tx, row) => {
    if (row.status !== 'submitted') return;
    const taken = await tx
      .update(fundraisingDrives)
      .set({
        balanceFen: sql`${fundraisingDrives.balanceFen} - ${row.amountFen}`,
        committedFen: sql`${fundraisingDrives.committedFen} + ${row.amountFen}`,
      })
      .where(and(eq(fundraisingDrives.id, row.driveId), gte(fundraisingDrives.balanceFen, row.amountFen)))
      .returning({ id: fundraisingDrives.id });
    if (taken.length === 0) throw new AppError('CONFLICT', '募捐活动余额不足，不能恢复该笔发放');
  });

// Reconciliation and 公示 -----------------------------------------------------------------------

/**
 * A drive's month-by-month money in one statement: received (money donations) and paid
 * (disbursements) by month, with the drive's own totals and the amount still in approval on each
 * row; the drive is read within the reader's sight (her subtree's or handed down), else no row.
 */
export const reconciliationSql = (driveId: string, scopePath: string) => sql`
  with m as (
    select to_char(received_on, 'YYYY-MM') as month, sum(amount_fen)::bigint as received, count(*)::int as n_in,
      0::bigint as paid, 0 as n_out
    from donations where drive_id = ${driveId} and deleted_at is null and kind = 'money'
    group by 1
    union all
    select to_char(paid_on, 'YYYY-MM'), 0, 0, sum(amount_fen)::bigint, count(*)::int
    from disbursements where drive_id = ${driveId} and deleted_at is null and status = 'paid'
    group by 1
  ), months as (
    select month, sum(received)::bigint as received, sum(n_in)::int as n_in, sum(paid)::bigint as paid,
      sum(n_out)::int as n_out
    from m group by month
  )
  select d.name, u.name as unit_name, d.raised_fen, d.paid_fen, d.balance_fen, d.in_kind_fen,
    (select coalesce(sum(amount_fen), 0)::bigint from disbursements
      where drive_id = d.id and deleted_at is null and status in ('submitted', 'townApproved', 'ownerApproved')) as pending,
    months.month, months.received, months.n_in, months.paid, months.n_out
  from fundraising_drives d join org_units u on u.id = d.org_unit_id left join months on true
  where d.id = ${driveId} and d.deleted_at is null
    and (${scoped(sql`d.org_path`, scopePath)} or ${scopedAbove(sql`d.org_path`, scopePath)})
  order by months.month`;

export const getReconciliation = async (ctx: ServiceContext, driveId: string): Promise<Reconciliation> => {
  requirePermission(ctx.actor, 'donations.read');
  const rows = (await ctx.db.execute(reconciliationSql(driveId, ctx.actor.orgPath))).rows as {
    name: string;
    unit_name: string;
    raised_fen: string;
    paid_fen: string;
    balance_fen: string;
    in_kind_fen: string;
    pending: string;
    month: string | null;
    received: string | null;
    n_in: number | null;
    paid: string | null;
    n_out: number | null;
  }[];
  if (rows.length === 0) throw notFound('募捐活动');
  const head = rows[0];
  let cash = 0;
  const months = rows
    .filter((r) => r.month !== null)
    .map((r) => {
      const received = Number(r.received);
      const paid = Number(r.paid);
      cash += received - paid;
      return {
        month: r.month as string,
        receivedFen: received,
        donationCount: r.n_in ?? 0,
        paidFen: paid,
        paidCount: r.n_out ?? 0,
        cashFen: cash,
      };
    });
  const receivedFen = months.reduce((a, m) => a + m.receivedFen, 0);
  const paidFen = months.reduce((a, m) => a + m.paidFen, 0);
  const pendingFen = Number(head.pending);
  const computed = receivedFen - paidFen - pendingFen;
  const balanceFen = Number(head.balance_fen);
  return {
    driveId,
    driveName: head.name,
    orgUnitName: head.unit_name,
    months,
    receivedFen,
    paidFen,
    pendingFen,
    computedBalanceFen: computed,
    balanceFen,
    isBalanced:
      computed === balanceFen && receivedFen === Number(head.raised_fen) && paidFen === Number(head.paid_fen),
    inKindFen: Number(head.in_kind_fen),
  };
};

/** The audit row of a reconciliation export (who took the drive's accounts away, and which). */
export const auditReconciliationExport = (ctx: ServiceContext, r: Reconciliation) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'donations.export');
    const drive = await driveRecord.image(tx, ctx, r.driveId);
    await driveRecord.auditRows(tx, ctx, 'export', [
      {
        id: r.driveId,
        label: r.driveName,
        orgUnitId: drive.orgUnitId,
        orgPath: ctx.actor.orgPath,
        after: { ledger: 'reconciliation', months: r.months.length, isBalanced: r.isBalanced },
      },
    ]);
  });

/** 公示: donors as they chose to be named, beneficiaries always masked, no phones or ID numbers. */
export const getPublicity = async (ctx: ServiceContext, driveId: string): Promise<Publicity> => {
  const drive = await driveRecord.get(ctx, driveId);
  const given = await ctx.db
    .select()
    .from(donations)
    .where(and(eq(donations.driveId, driveId), isNull(donations.deletedAt)))
    .orderBy(donations.receivedOn, donations.id);
  const paid = await ctx.db
    .select({ d: disbursements, name: beneficiaries.name, kind: beneficiaries.kind, unit: orgUnits.name })
    .from(disbursements)
    .innerJoin(beneficiaries, eq(beneficiaries.id, disbursements.beneficiaryId))
    .innerJoin(orgUnits, eq(orgUnits.id, disbursements.orgUnitId))
    .innerJoin(fundraisingDrives, eq(fundraisingDrives.id, disbursements.driveId))
    .where(
      and(
        eq(disbursements.driveId, driveId),
        isNull(disbursements.deletedAt),
        eq(disbursements.status, 'paid'),
        disbursementsVisible(ctx.actor.orgPath),
      ),
    )
    .orderBy(disbursements.paidOn, disbursements.id);
  return {
    driveName: drive.name,
    orgUnitName: drive.orgUnitName,
    startsOn: drive.startsOn,
    endsOn: drive.endsOn,
    donations: given.map((d) => ({
      donor: publicDonorName(d),
      kind: d.kind as 'money' | 'inKind',
      amountFen: (d.kind === 'money' ? d.amountFen : d.estimatedValueFen) ?? 0,
      items: d.items,
      receivedOn: d.receivedOn,
    })),
    disbursements: paid.map((p) => ({
      beneficiary: maskName(p.name),
      orgUnitName: p.unit,
      kind: p.kind as Publicity['disbursements'][number]['kind'],
      amountFen: p.d.amountFen,
      paidOn: p.d.paidOn as string,
    })),
    receivedFen: drive.raisedFen,
    paidFen: drive.paidFen,
    balanceFen: drive.raisedFen - drive.paidFen,
  };
};
