import { and, eq, isNull } from 'drizzle-orm';
import {
  type CareVisit,
  type CreatePairingInput,
  type CreateVisitInput,
  type EndPairingInput,
  keyPersonCategoryLabels,
  type ListPairingsQuery,
  type ListVisitsQuery,
  type Pairing,
  type PairingHelperInput,
  type RevealInput,
  type UpdatePairingInput,
  type UpdateVisitInput,
  visitModeLabels,
} from '../../../contracts/care';
import { maskName } from '../../../contracts/common/id-number';
import { requirePermission, resolveScopePath } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import type { Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid } from '../../kernel/http/errors';
import { defineRecord } from '../../kernel/ledger/define-record';
import { maskPiiText } from '../../kernel/privacy/pii-mask';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { auditedGet, checkAssignee, guarded, keyPersonRecord, livePerson } from './care.service';
import { carePairings, careVisits } from './care.table';
import {
  findPairingRow,
  findVisitRow,
  listPairingRows,
  listVisitRows,
  type PairingRow,
  pairingFilters,
  toPairing,
  toVisit,
  type VisitRow,
  visitFilters,
} from './visits.repository';

const PAIRING_ENDED = '该结对已结束，不能修改或登记走访';

/**
 * Who reads a pairing (and its visits) in full: its helpers with an account and whoever recorded
 * it; a visit's author too. Anyone else in scope sees the name masked and no 情况 or next step, and
 * may reveal them with a reason (logged as viewSensitive).
 */
const helpsIn = (ctx: ServiceContext, helperUserIds: (string | null)[]) =>
  !!ctx.actor.userId && helperUserIds.includes(ctx.actor.userId);
const seesPairing = (ctx: ServiceContext, r: PairingRow) =>
  helpsIn(
    ctx,
    r.helpers.map((h) => h.userId),
  ) || ctx.actor.userId === r.createdBy;
const seesVisit = (ctx: ServiceContext, r: VisitRow) =>
  helpsIn(ctx, r.helperUserIds) || ctx.actor.userId === r.createdBy;

export const pairingRecord = defineRecord({
  entityType: 'carePairing',
  table: carePairings,
  label: '结对帮扶',
  auditModule: 'care',
  permissions: { read: 'care.read', write: 'care.write' },
  isSensitive: true,
  find: async (db, ctx, scopePath, id) => {
    const today = shanghaiToday();
    const row = await findPairingRow(db, scopePath === '/' ? ctx.actor.orgPath : scopePath, id);
    return row && toPairing(row, !seesPairing(ctx, row), today);
  },
  describe: (p: Pairing) => `${maskName(p.personName)}（${keyPersonCategoryLabels[p.category].zh}）结对帮扶`,
  auditImage: (p: Pairing) => ({ ...p, personName: maskName(p.personName) }),
  onWriteError: (e) => {
    if (isUniqueViolation(e, 'care_pairings_active_uq'))
      throw new AppError('CONFLICT', '该重点人员已有进行中的结对，请在原结对中增加帮扶人');
  },
});

export const visitRecord = defineRecord({
  entityType: 'careVisit',
  table: careVisits,
  label: '走访记录',
  auditModule: 'care',
  permissions: { read: 'care.read', write: 'care.write' },
  isSensitive: true,
  find: async (db, ctx, scopePath, id) => {
    const row = await findVisitRow(db, scopePath === '/' ? ctx.actor.orgPath : scopePath, id);
    return row && toVisit(row, !seesVisit(ctx, row));
  },
  describe: (v: CareVisit) => `${maskName(v.personName)} ${v.visitedOn} ${visitModeLabels[v.mode].zh}走访`,
  // The log keeps neither her full name nor what was found: those stay behind the tier.
  auditImage: ({ findings: _f, nextStep: _n, ...v }: CareVisit) => ({
    ...v,
    personName: maskName(v.personName),
  }),
});

// Pairings

/** Each helper is a user at the key person's unit or above it, or a live person of the people ledger in scope. */
const checkHelpers = async (tx: Tx, ctx: ServiceContext, path: string, helpers: PairingHelperInput[]) => {
  const seen = new Set<string>();
  for (const h of helpers) {
    const key = h.userId ?? h.personId ?? '';
    if (seen.has(key)) throw invalid('helpers', '帮扶人不能重复');
    seen.add(key);
    if (h.userId) await checkAssignee(tx, path, h.userId, 'helpers', '帮扶人须为本村或上级妇联的用户');
    if (h.personId && !(await livePerson(tx, ctx.actor.orgPath, h.personId)))
      throw invalid('helpers', '帮扶志愿者不存在或已被删除');
  }
  return helpers.map((h) => ({ userId: h.userId ?? null, personId: h.personId ?? null }));
};

export const listPairings = async (ctx: ServiceContext, q: ListPairingsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'care.read', q.orgUnitId);
  const today = shanghaiToday();
  return ctx.db.transaction(async (tx) => {
    const { rows, total } = await listPairingRows(
      tx,
      pairingFilters(scopePath, q, today, ctx.actor.userId),
      q,
    );
    const items = rows.map((r) => toPairing(r, !seesPairing(ctx, r), today));
    // A name shown in full in a list is a read of the case: logged like a get.
    await pairingRecord.recordRead(
      tx,
      ctx,
      'list',
      items.filter((p) => !p.isMasked),
      scopePath,
    );
    return { items, total };
  });
};

export const getPairing = (ctx: ServiceContext, id: string) =>
  auditedGet(ctx, pairingRecord, carePairings, id, async (tx) => {
    const today = shanghaiToday();
    const row = await findPairingRow(tx, ctx.actor.orgPath, id);
    return row && toPairing(row, !seesPairing(ctx, row), today);
  });

export const createPairing = (ctx: ServiceContext, input: CreatePairingInput) =>
  guarded(ctx, carePairings, input.keyPersonId, () =>
    ctx.db.transaction(async (tx) => {
      requirePermission(ctx.actor, 'care.write');
      const person = await keyPersonRecord.lock(tx, ctx, input.keyPersonId);
      if (person.status === 'closed') throw new AppError('CONFLICT', '该重点人员已销号，不能结对');
      if (input.startedOn > shanghaiToday()) throw invalid('startedOn', '结对日期不能晚于今天');
      const path = await pairingRecord.unitPath(tx, ctx, person.orgUnitId);
      const helpers = await checkHelpers(tx, ctx, path, input.helpers);
      const id = uuidv7();
      return pairingRecord.create(tx, ctx, { id, orgPath: path }, () =>
        tx.insert(carePairings).values({
          id,
          orgUnitId: person.orgUnitId,
          orgPath: path,
          keyPersonId: person.id,
          helpers,
          frequency: input.frequency,
          startedOn: input.startedOn,
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        }),
      );
    }),
  );

export const updatePairing = (ctx: ServiceContext, id: string, input: UpdatePairingInput) =>
  guarded(ctx, carePairings, id, () =>
    pairingRecord.update(ctx, id, input.version, async (tx, row) => {
      if (row.endedOn) throw new AppError('CONFLICT', PAIRING_ENDED);
      if (input.startedOn && input.startedOn > shanghaiToday())
        throw invalid('startedOn', '结对日期不能晚于今天');
      const helpers = input.helpers && (await checkHelpers(tx, ctx, row.orgPath, input.helpers));
      await pairingRecord.write(tx, id, {
        ...(helpers ? { helpers } : {}),
        ...(input.frequency ? { frequency: input.frequency } : {}),
        ...(input.startedOn ? { startedOn: input.startedOn } : {}),
        updatedBy: ctx.actor.userId,
      });
    }),
  );

export const endPairing = (ctx: ServiceContext, id: string, input: EndPairingInput) =>
  guarded(ctx, carePairings, id, () =>
    pairingRecord.update(
      ctx,
      id,
      input.version,
      async (tx, row) => {
        if (row.endedOn) throw new AppError('CONFLICT', '该结对已结束');
        if (input.endedOn > shanghaiToday()) throw invalid('endedOn', '结束日期不能晚于今天');
        if (input.endedOn < row.startedOn) throw invalid('endedOn', '结束日期不能早于结对日期');
        await pairingRecord.write(tx, id, {
          endedOn: input.endedOn,
          endReason: input.reason,
          updatedBy: ctx.actor.userId,
        });
      },
      'endPairing',
    ),
  );

export const deletePairing = (ctx: ServiceContext, id: string, version: number) =>
  guarded(ctx, carePairings, id, () =>
    pairingRecord.softDelete(ctx, id, version, async (tx) => {
      const [v] = await tx
        .select({ id: careVisits.id })
        .from(careVisits)
        .where(and(eq(careVisits.pairingId, id), isNull(careVisits.deletedAt)))
        .limit(1);
      if (v) throw new AppError('CONFLICT', '该结对已有走访记录，不能删除；帮扶结束时请结束结对并说明原因');
    }),
  );

export const restorePairing = (ctx: ServiceContext, id: string, version: number) =>
  guarded(ctx, carePairings, id, () =>
    pairingRecord.restore(ctx, id, version, async (tx, row) => {
      if (row.endedOn) return;
      const [clash] = await tx
        .select({ id: carePairings.id })
        .from(carePairings)
        .where(
          and(
            eq(carePairings.keyPersonId, row.keyPersonId),
            isNull(carePairings.endedOn),
            isNull(carePairings.deletedAt),
          ),
        );
      if (clash) throw new AppError('CONFLICT', '该重点人员已有进行中的结对，不能恢复');
    }),
  );

// Visits

export const listVisits = async (ctx: ServiceContext, q: ListVisitsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'care.read', q.orgUnitId);
  return ctx.db.transaction(async (tx) => {
    const { rows, total } = await listVisitRows(tx, visitFilters(scopePath, q), q);
    const items = rows.map((r) => toVisit(r, !seesVisit(ctx, r)));
    await visitRecord.recordRead(
      tx,
      ctx,
      'list',
      items.filter((v) => !v.isMasked),
      scopePath,
    );
    return { items, total };
  });
};

export const getVisit = (ctx: ServiceContext, id: string) =>
  auditedGet(ctx, visitRecord, careVisits, id, async (tx) => {
    const row = await findVisitRow(tx, ctx.actor.orgPath, id);
    return row && toVisit(row, !seesVisit(ctx, row));
  });

const checkVisitedOn = (visitedOn: string, pairing: { startedOn: string }) => {
  if (visitedOn > shanghaiToday()) throw invalid('visitedOn', '走访日期不能晚于今天');
  if (visitedOn < pairing.startedOn) throw invalid('visitedOn', '走访日期不能早于结对日期');
};

/** Logs a visit on a live pairing; a retry with the same client id and content answers the saved one (200). */
export const createVisit = (ctx: ServiceContext, input: CreateVisitInput) =>
  guarded(ctx, carePairings, input.pairingId, () =>
    ctx.db.transaction(async (tx) => {
      requirePermission(ctx.actor, 'care.write');
      if (input.id) {
        const [saved] = await tx
          .select({
            pairingId: careVisits.pairingId,
            visitedOn: careVisits.visitedOn,
            mode: careVisits.mode,
            findings: careVisits.findings,
            createdBy: careVisits.createdBy,
          })
          .from(careVisits)
          .where(eq(careVisits.id, input.id))
          .for('update');
        if (saved) {
          const same =
            saved.pairingId === input.pairingId &&
            saved.visitedOn === input.visitedOn &&
            saved.mode === input.mode &&
            saved.findings === input.findings &&
            saved.createdBy === ctx.actor.userId;
          if (!same) throw new AppError('CONFLICT', '该走访记录编号已被使用，请刷新后重新填写');
          return { visit: await visitRecord.image(tx, ctx, input.id), isReplay: true };
        }
      }
      const pairing = await pairingRecord.lock(tx, ctx, input.pairingId);
      if (pairing.endedOn) throw new AppError('CONFLICT', PAIRING_ENDED);
      checkVisitedOn(input.visitedOn, pairing);
      const id = input.id ?? uuidv7();
      const visit = await visitRecord.create(tx, ctx, { id, orgPath: pairing.orgPath }, () =>
        tx.insert(careVisits).values({
          id,
          orgUnitId: pairing.orgUnitId,
          orgPath: pairing.orgPath,
          pairingId: pairing.id,
          keyPersonId: pairing.keyPersonId,
          visitedOn: input.visitedOn,
          mode: input.mode,
          findings: input.findings,
          help: input.help,
          amountFen: input.amountFen ?? null,
          nextStep: input.nextStep || null,
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        }),
      );
      // The pairing's last visit moved: its version moves too, so an open form of it is stale.
      await pairingRecord.write(tx, pairing.id, { updatedBy: ctx.actor.userId });
      return { visit, isReplay: false };
    }),
  );

export const updateVisit = (ctx: ServiceContext, id: string, input: UpdateVisitInput) =>
  guarded(ctx, careVisits, id, () =>
    visitRecord.update(ctx, id, input.version, async (tx, row) => {
      const [pairing] = await tx.select().from(carePairings).where(eq(carePairings.id, row.pairingId));
      if (pairing.endedOn) throw new AppError('CONFLICT', PAIRING_ENDED);
      // Only those who read it in full can change what was found: a masked reader would write blind.
      const full = await findVisitRow(tx, row.orgPath, id);
      if ((input.findings !== undefined || input.nextStep !== undefined) && full && !seesVisit(ctx, full))
        throw new AppError('FORBIDDEN', '无权操作：只有帮扶人或登记人可以修改走访情况');
      if (input.visitedOn) checkVisitedOn(input.visitedOn, pairing);
      const { version: _v, ...set } = input;
      await visitRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
    }),
  );

export const deleteVisit = (ctx: ServiceContext, id: string, version: number) =>
  guarded(ctx, careVisits, id, () => visitRecord.softDelete(ctx, id, version));

export const restoreVisit = (ctx: ServiceContext, id: string, version: number) =>
  guarded(ctx, careVisits, id, () => visitRecord.restore(ctx, id, version));

/** Her name, what was found and the next step for a reader the visit is masked to, with her reason (logged). */
export const revealVisit = (ctx: ServiceContext, id: string, input: RevealInput) =>
  guarded(ctx, careVisits, id, () =>
    ctx.db.transaction(async (tx) => {
      requirePermission(ctx.actor, 'care.read');
      const row = await findVisitRow(tx, ctx.actor.orgPath, id);
      if (!row || row.deletedAt) throw visitRecord.notFound();
      await recordAudit(tx, ctx.actor, {
        module: 'care',
        action: 'viewSensitive',
        entityType: 'careVisit',
        entityId: id,
        entityLabel: `${maskName(row.personName)} ${row.visitedOn} ${visitModeLabels[row.mode].zh}走访`,
        orgUnitId: row.orgUnitId,
        orgPath: row.orgPath,
        after: { via: 'reveal', reason: maskPiiText(input.reason) },
      });
      return { personName: row.personName, findings: row.findings, nextStep: row.nextStep };
    }),
  );
