import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  type AccessLogQuery,
  type AddSessionInput,
  type CloseCaseInput,
  type CreateCaseInput,
  type CreateKeyPersonInput,
  type CreateScreeningInput,
  type DecideCloseInput,
  disputeTypeLabels,
  type FollowUpInput,
  type KeyPerson,
  keyPersonCategoryLabels,
  type ListCasesQuery,
  type ListKeyPeopleQuery,
  type ListScreeningsQuery,
  type MediationCase,
  type ReopenCaseInput,
  type RequestCloseInput,
  type RevealInput,
  type RiskScreening,
  riskLevelLabels,
  type UpdateCaseInput,
  type UpdateKeyPersonInput,
  type UpdateScreeningInput,
} from '../../../contracts/care';
import { maskName } from '../../../contracts/common/id-number';
import type { Permission } from '../../../contracts/common/permissions';
import { requirePermission, resolveScopePath, ScopeDenial, scoped } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import { auditLog } from '../../kernel/audit/audit.table';
import { users } from '../../kernel/auth/users.table';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { outsideRowScope } from '../../kernel/db/row-scope';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { defineRecord } from '../../kernel/ledger/define-record';
import { maskPiiText } from '../../kernel/privacy/pii-mask';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { persons } from '../people/people.table';
import {
  checklistRows,
  findCase,
  findKeyPerson,
  findScreening,
  listCaseRows,
  listKeyPeopleRows,
  listScreeningRows,
  maskParties,
  toCase,
  toKeyPerson,
  toScreening,
} from './care.repository';
import { keyPeople, mediationCases, mediationSessions, riskScreenings } from './care.table';

const CASE_CLOSED = '该案件已结案，不能修改；如需补充请先重新打开并说明原因';

export const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * Who sees a case's parties in full: its assigned worker and whoever recorded it. Anyone else in
 * scope (a same-village cadre, the town) sees them masked and may reveal them with a reason (logged).
 */
const seesInFull = (ctx: ServiceContext, c: { assignedUserId: string | null; createdBy: string | null }) =>
  ctx.actor.userId === c.assignedUserId || ctx.actor.userId === c.createdBy;

export const keyPersonRecord = defineRecord({
  entityType: 'keyPerson',
  table: keyPeople,
  label: '重点人员',
  auditModule: 'care',
  permissions: { read: 'care.read', write: 'care.write' },
  isSensitive: true,
  find: async (db, ctx, scopePath, id) => {
    const row = await findKeyPerson(db, scopePath === '/' ? ctx.actor.orgPath : scopePath, id);
    return row && toKeyPerson(row, false);
  },
  describe: (k: KeyPerson) => `${maskName(k.personName)}（${keyPersonCategoryLabels[k.category].zh}）`,
  auditImage: (k: KeyPerson) => ({ ...k, personName: maskName(k.personName) }),
  onWriteError: (e) => {
    if (isUniqueViolation(e, 'care_key_people_person_category_uq'))
      throw new AppError('CONFLICT', '该人员已在此类别的重点人群名册中');
  },
});

export const screeningRecord = defineRecord({
  entityType: 'riskScreening',
  table: riskScreenings,
  label: '风险排查记录',
  auditModule: 'care',
  permissions: { read: 'care.read', write: 'care.write' },
  isSensitive: true,
  find: async (db, ctx, scopePath, id) => {
    const row = await findScreening(db, scopePath === '/' ? ctx.actor.orgPath : scopePath, id);
    return row && toScreening(row, false);
  },
  describe: (s: RiskScreening) => `${maskName(s.personName)} ${s.month} ${riskLevelLabels[s.risk].zh}`,
  auditImage: (s: RiskScreening) => ({ ...s, personName: maskName(s.personName) }),
  onWriteError: (e) => {
    if (isUniqueViolation(e, 'care_screenings_month_uq'))
      throw new AppError('CONFLICT', '该人员本月已排查，请修改本月的排查记录');
  },
});

const describeCase = (c: MediationCase) => `${c.receivedOn} ${disputeTypeLabels[c.disputeType].zh}纠纷`;

export const caseRecord = defineRecord({
  entityType: 'mediationCase',
  table: mediationCases,
  label: '调解案件',
  auditModule: 'care',
  permissions: { read: 'care.read', write: 'care.write' },
  isSensitive: true,
  find: async (db, ctx, scopePath, id) => {
    const row = await findCase(db, scopePath === '/' ? ctx.actor.orgPath : scopePath, id);
    return row && toCase(row, !seesInFull(ctx, row.c));
  },
  describe: describeCase,
  // The log never keeps parties' names in full, whoever wrote.
  auditImage: (c: MediationCase) => ({ ...c, parties: maskParties(c.parties), sessions: c.sessions.length }),
});

type Table = PgTable & { id: AnyPgColumn; orgPath: AnyPgColumn };

/**
 * A record addressed by id that is not in her subtree: if it exists elsewhere (another village's
 * case), the 404 is a ScopeDenial — the same answer as a missing record, but audited as a denial.
 */
export const guarded = async <R>(
  ctx: ServiceContext,
  table: Table,
  id: string,
  run: () => Promise<R>,
): Promise<R> => {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND' && !(e instanceof ScopeDenial)) {
      // Whether it exists elsewhere is seen past the row-level wall (row-scope.ts); the answer is the 404.
      const [foreign] = await outsideRowScope(ctx.db, () =>
        ctx.db
          .select({ id: table.id })
          .from(table)
          .where(and(eq(table.id, id), sql`not (${scoped(table.orgPath, ctx.actor.orgPath)})`)),
      );
      if (foreign) throw new ScopeDenial(e.code, e.userMessage);
    }
    throw e;
  }
};

const pathOf = async (db: DbOrTx, table: Table, id: string) =>
  ((await db.select({ p: table.orgPath }).from(table).where(eq(table.id, id)))[0]?.p as string) ?? '/';

/** A get of a sensitive record: read permission, scope (404/denial), and the read-audit row in the same request. */
export const auditedGet = <D extends { id: string; orgUnitId?: string | null }>(
  ctx: ServiceContext,
  record: {
    permissions: { read: Permission };
    notFound: () => AppError;
    recordRead: (tx: Tx, ctx: ServiceContext, via: 'get', records: D[], orgPath: string) => Promise<void>;
  },
  table: Table,
  id: string,
  find: (tx: Tx) => Promise<D | undefined>,
) =>
  guarded(ctx, table, id, () =>
    ctx.db.transaction(async (tx) => {
      requirePermission(ctx.actor, record.permissions.read);
      const found = await find(tx);
      if (!found) throw record.notFound();
      await record.recordRead(tx, ctx, 'get', [found], await pathOf(tx, table, id));
      return found;
    }),
  );

// Key people

export const listKeyPeople = async (ctx: ServiceContext, q: ListKeyPeopleQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'care.read', q.orgUnitId);
  return listKeyPeopleRows(ctx.db, scopePath, q);
};

export const getKeyPerson = (ctx: ServiceContext, id: string) =>
  auditedGet(ctx, keyPersonRecord, keyPeople, id, async (tx) => {
    const row = await findKeyPerson(tx, ctx.actor.orgPath, id);
    return row && toKeyPerson(row, false);
  });

export const livePerson = async (tx: Tx, scopePath: string, id: string) => {
  const [p] = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.id, id), isNull(persons.deletedAt), scoped(persons.orgPath, scopePath)));
  return !!p;
};

export const createKeyPerson = (ctx: ServiceContext, input: CreateKeyPersonInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await keyPersonRecord.unitPath(tx, ctx, input.orgUnitId);
    if (!(await livePerson(tx, ctx.actor.orgPath, input.personId))) throw notFound('人员');
    const id = uuidv7();
    return keyPersonRecord.create(tx, ctx, { id, orgPath: path }, () =>
      tx.insert(keyPeople).values({
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        personId: input.personId,
        category: input.category,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
  });

export const updateKeyPerson = (ctx: ServiceContext, id: string, input: UpdateKeyPersonInput) =>
  guarded(ctx, keyPeople, id, () =>
    keyPersonRecord.update(ctx, id, input.version, async (tx, row) => {
      if (row.status === 'closed') throw new AppError('CONFLICT', '该重点人员已销号，不能修改');
      const { version: _v, ...set } = input;
      await keyPersonRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
    }),
  );

export const requestClose = (ctx: ServiceContext, id: string, input: RequestCloseInput) =>
  guarded(ctx, keyPeople, id, () =>
    keyPersonRecord.update(
      ctx,
      id,
      input.version,
      async (tx, row) => {
        if (row.status !== 'active') throw new AppError('CONFLICT', '该重点人员已申请销号或已销号');
        await keyPersonRecord.write(tx, id, {
          status: 'closing',
          closeReason: input.reason,
          closeRequestedOn: shanghaiToday(),
          updatedBy: ctx.actor.userId,
        });
      },
      'requestClose',
    ),
  );

/** 销号 is approved above the village: care.officer is withheld from village-level units. */
export const decideClose = (ctx: ServiceContext, id: string, input: DecideCloseInput) =>
  guarded(ctx, keyPeople, id, () =>
    keyPersonRecord.update(
      ctx,
      id,
      input.version,
      async (tx, row) => {
        requirePermission(ctx.actor, 'care.officer');
        if (row.status !== 'closing') throw new AppError('CONFLICT', '该重点人员没有待审批的销号申请');
        if (row.createdBy === ctx.actor.userId && row.orgPath === ctx.actor.orgPath)
          throw new AppError('FORBIDDEN', '无权操作：销号须由上级妇联审批');
        await keyPersonRecord.write(
          tx,
          id,
          input.approve
            ? {
                status: 'closed',
                closedOn: shanghaiToday(),
                closedBy: ctx.actor.userId,
                updatedBy: ctx.actor.userId,
              }
            : { status: 'active', closeRequestedOn: null, updatedBy: ctx.actor.userId },
        );
      },
      'decideClose',
    ),
  );

export const deleteKeyPerson = (ctx: ServiceContext, id: string, version: number) =>
  guarded(ctx, keyPeople, id, () =>
    keyPersonRecord.softDelete(ctx, id, version, async (tx) => {
      const [s] = await tx
        .select({ id: riskScreenings.id })
        .from(riskScreenings)
        .where(and(eq(riskScreenings.keyPersonId, id), isNull(riskScreenings.deletedAt)))
        .limit(1);
      if (s) throw new AppError('CONFLICT', '该重点人员已有排查记录，不能删除；风险消除后请申请销号');
    }),
  );

export const restoreKeyPerson = (ctx: ServiceContext, id: string, version: number) =>
  guarded(ctx, keyPeople, id, () => keyPersonRecord.restore(ctx, id, version));

// Screenings

export const listScreenings = async (ctx: ServiceContext, q: ListScreeningsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'care.read', q.orgUnitId);
  return listScreeningRows(ctx.db, scopePath, q);
};

export const getScreening = (ctx: ServiceContext, id: string) =>
  auditedGet(ctx, screeningRecord, riskScreenings, id, async (tx) => {
    const row = await findScreening(tx, ctx.actor.orgPath, id);
    return row && toScreening(row, false);
  });

const checkScreeningDates = (month: string, screenedOn: string) => {
  const today = shanghaiToday();
  if (month > today.slice(0, 7)) throw invalid('month', '不能登记未来月份的排查');
  if (screenedOn > today) throw invalid('screenedOn', '排查日期不能晚于今天');
  if (screenedOn.slice(0, 7) !== month) throw invalid('screenedOn', '排查日期须在所排查的月份内');
};

export const createScreening = (ctx: ServiceContext, input: CreateScreeningInput) =>
  guarded(ctx, keyPeople, input.keyPersonId, () =>
    ctx.db.transaction(async (tx) => {
      requirePermission(ctx.actor, 'care.write');
      const person = await keyPersonRecord.lock(tx, ctx, input.keyPersonId);
      if (person.status === 'closed') throw new AppError('CONFLICT', '该重点人员已销号，无需再排查');
      checkScreeningDates(input.month, input.screenedOn);
      const id = uuidv7();
      return screeningRecord.create(tx, ctx, { id, orgPath: person.orgPath }, () =>
        tx.insert(riskScreenings).values({
          id,
          orgUnitId: person.orgUnitId,
          orgPath: person.orgPath,
          keyPersonId: person.id,
          month: input.month,
          screenedOn: input.screenedOn,
          risk: input.risk,
          reason: input.reason ?? null,
          referralTo: input.referralTo ?? null,
          referralStatus: input.referralTo ? 'open' : null,
          referralNote: input.referralNote ?? null,
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        }),
      );
    }),
  );

export const updateScreening = (ctx: ServiceContext, id: string, input: UpdateScreeningInput) =>
  guarded(ctx, riskScreenings, id, () =>
    screeningRecord.update(ctx, id, input.version, async (tx, row) => {
      const risk = input.risk ?? row.risk;
      const reason = input.reason === undefined ? row.reason : input.reason;
      const referralTo = input.referralTo === undefined ? row.referralTo : input.referralTo;
      if (input.screenedOn) checkScreeningDates(row.month, input.screenedOn);
      if (risk !== 'green' && !reason) throw invalid('reason', '非绿色等级请填写研判理由');
      if (risk === 'red' && !referralTo) throw invalid('referralTo', '红色等级须转介（婚调委、公安或民政）');
      const { version: _v, ...set } = input;
      await screeningRecord.write(tx, id, {
        ...set,
        referralStatus: referralTo ? (input.referralStatus ?? row.referralStatus ?? 'open') : null,
        updatedBy: ctx.actor.userId,
      });
    }),
  );

export const deleteScreening = (ctx: ServiceContext, id: string, version: number) =>
  guarded(ctx, riskScreenings, id, () => screeningRecord.softDelete(ctx, id, version));

export const restoreScreening = (ctx: ServiceContext, id: string, version: number) =>
  guarded(ctx, riskScreenings, id, () =>
    screeningRecord.restore(ctx, id, version, async (tx, row) => {
      const [clash] = await tx
        .select({ id: riskScreenings.id })
        .from(riskScreenings)
        .where(
          and(
            eq(riskScreenings.keyPersonId, row.keyPersonId),
            eq(riskScreenings.month, row.month),
            isNull(riskScreenings.deletedAt),
          ),
        );
      if (clash) throw new AppError('CONFLICT', '该人员本月已有排查记录，不能恢复');
    }),
  );

/** The month's phone checklist (masked names: it is a list), with counts of screened and still missing. */
export const screeningChecklist = async (ctx: ServiceContext, q: { month: string; orgUnitId?: string }) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'care.read', q.orgUnitId);
  const rows = await checklistRows(ctx.db, scopePath, q.month);
  const items = rows.map((r) => ({ ...r, personName: maskName(r.personName) }));
  const screened = items.filter((i) => i.screening).length;
  return { month: q.month, items, screened, missing: items.length - screened };
};

// Mediation cases

export const listCases = async (ctx: ServiceContext, q: ListCasesQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'care.read', q.orgUnitId);
  return listCaseRows(ctx.db, scopePath, q, shanghaiToday());
};

export const getCase = (ctx: ServiceContext, id: string) =>
  auditedGet(ctx, caseRecord, mediationCases, id, async (tx) => {
    const row = await findCase(tx, ctx.actor.orgPath, id);
    return row && toCase(row, !seesInFull(ctx, row.c));
  });

/** The parties in full for a reader the case is masked to, with her reason: logged as viewSensitive. */
export const revealCase = (ctx: ServiceContext, id: string, input: RevealInput) =>
  guarded(ctx, mediationCases, id, () =>
    ctx.db.transaction(async (tx) => {
      requirePermission(ctx.actor, 'care.read');
      const row = await findCase(tx, ctx.actor.orgPath, id);
      if (!row || row.c.deletedAt) throw caseRecord.notFound();
      const c = toCase(row, true);
      await recordAudit(tx, ctx.actor, {
        module: 'care',
        action: 'viewSensitive',
        entityType: 'mediationCase',
        entityId: id,
        entityLabel: describeCase(c),
        orgUnitId: row.c.orgUnitId,
        orgPath: row.c.orgPath,
        after: { via: 'reveal', reason: maskPiiText(input.reason) },
      });
      return { parties: row.c.parties };
    }),
  );

/** The assigned worker must be able to read the case: an active user at the case's unit or above it. */
export const checkAssignee = async (
  tx: Tx,
  casePath: string,
  userId: string | null | undefined,
  field = 'assignedUserId',
  message = '承办人须为本单位或上级妇联的用户',
) => {
  if (!userId) return;
  const [u] = await tx
    .select({ path: sql<string>`(select o.path from org_units o where o.id = ${users.orgUnitId})` })
    .from(users)
    .where(eq(users.id, userId));
  if (!u || !casePath.startsWith(u.path)) throw invalid(field, message);
};

export const createCase = (ctx: ServiceContext, input: CreateCaseInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await caseRecord.unitPath(tx, ctx, input.orgUnitId);
    const today = shanghaiToday();
    if (input.receivedOn > today) throw invalid('receivedOn', '受理日期不能晚于今天');
    if (input.mediatorPersonId && !(await livePerson(tx, ctx.actor.orgPath, input.mediatorPersonId)))
      throw invalid('mediatorPersonId', '调解员不存在或已被删除');
    if (input.keyPersonId) {
      const [k] = await tx
        .select({ id: keyPeople.id })
        .from(keyPeople)
        .where(and(eq(keyPeople.id, input.keyPersonId), scoped(keyPeople.orgPath, ctx.actor.orgPath)));
      if (!k) throw invalid('keyPersonId', '重点人员不存在或已被删除');
    }
    await checkAssignee(tx, path, input.assignedUserId);
    const id = uuidv7();
    return caseRecord.create(tx, ctx, { id, orgPath: path }, () =>
      tx.insert(mediationCases).values({
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        source: input.source,
        ticketNo: input.ticketNo ?? null,
        replyDueOn: input.replyDueOn ?? null,
        disputeType: input.disputeType,
        parties: input.parties,
        summary: input.summary ?? null,
        mediatorPersonId: input.mediatorPersonId ?? null,
        assignedUserId: input.assignedUserId ?? ctx.actor.userId,
        keyPersonId: input.keyPersonId ?? null,
        receivedOn: input.receivedOn,
        // 调解一般在一个月内完成 (《人民调解工作若干规定》).
        dueOn: input.dueOn ?? addDays(input.receivedOn, 30),
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
  });

export const updateCase = (ctx: ServiceContext, id: string, input: UpdateCaseInput) =>
  guarded(ctx, mediationCases, id, () =>
    caseRecord.update(ctx, id, input.version, async (tx, row) => {
      if (row.status === 'closed') throw new AppError('CONFLICT', CASE_CLOSED);
      if (input.mediatorPersonId && !(await livePerson(tx, ctx.actor.orgPath, input.mediatorPersonId)))
        throw invalid('mediatorPersonId', '调解员不存在或已被删除');
      await checkAssignee(tx, row.orgPath, input.assignedUserId);
      // Masked names cannot be saved back over the real ones: parties change only in full view.
      if (input.parties && !seesInFull(ctx, row))
        throw new AppError('FORBIDDEN', '无权操作：只有承办人可以修改当事人信息');
      const { version: _v, ...set } = input;
      await caseRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
    }),
  );

export const addSession = (ctx: ServiceContext, id: string, input: AddSessionInput) =>
  guarded(ctx, mediationCases, id, () =>
    caseRecord.update(
      ctx,
      id,
      input.version,
      async (tx, row) => {
        if (row.status === 'closed') throw new AppError('CONFLICT', CASE_CLOSED);
        if (input.heldOn > shanghaiToday()) throw invalid('heldOn', '调解日期不能晚于今天');
        if (input.heldOn < row.receivedOn) throw invalid('heldOn', '调解日期不能早于受理日期');
        await tx.insert(mediationSessions).values({
          id: uuidv7(),
          caseId: id,
          orgPath: row.orgPath,
          heldOn: input.heldOn,
          attendees: input.attendees,
          notes: input.notes ?? null,
          createdBy: ctx.actor.userId,
        });
        await caseRecord.write(tx, id, { updatedBy: ctx.actor.userId });
      },
      'addSession',
    ),
  );

export const closeCase = (ctx: ServiceContext, id: string, input: CloseCaseInput) =>
  guarded(ctx, mediationCases, id, () =>
    caseRecord.update(
      ctx,
      id,
      input.version,
      async (tx, row) => {
        if (row.status === 'closed') throw new AppError('CONFLICT', '该案件已结案');
        if (input.closedOn > shanghaiToday()) throw invalid('closedOn', '结案日期不能晚于今天');
        if (input.closedOn < row.receivedOn) throw invalid('closedOn', '结案日期不能早于受理日期');
        await caseRecord.write(tx, id, {
          status: 'closed',
          outcome: input.outcome,
          closedOn: input.closedOn,
          referralNote: input.referralNote ?? null,
          // 回访 on the agreement's performance (人民调解条例): a month after, unless set.
          followUpDueOn:
            input.followUpDueOn ?? (input.outcome === 'agreement' ? addDays(input.closedOn, 30) : null),
          followedUpOn: null,
          updatedBy: ctx.actor.userId,
        });
      },
      'closeCase',
    ),
  );

export const reopenCase = (ctx: ServiceContext, id: string, input: ReopenCaseInput) =>
  guarded(ctx, mediationCases, id, () =>
    caseRecord.update(
      ctx,
      id,
      input.version,
      async (tx, row) => {
        if (row.status !== 'closed') throw new AppError('CONFLICT', '该案件尚未结案，无需重新打开');
        await caseRecord.write(tx, id, {
          status: 'open',
          outcome: null,
          closedOn: null,
          followUpDueOn: null,
          followedUpOn: null,
          reopenReason: input.reason,
          updatedBy: ctx.actor.userId,
        });
      },
      'reopen',
    ),
  );

export const followUpCase = (ctx: ServiceContext, id: string, input: FollowUpInput) =>
  guarded(ctx, mediationCases, id, () =>
    caseRecord.update(
      ctx,
      id,
      input.version,
      async (tx, row) => {
        if (row.status !== 'closed') throw new AppError('CONFLICT', '案件结案后才能登记回访');
        if (input.followedUpOn > shanghaiToday()) throw invalid('followedUpOn', '回访日期不能晚于今天');
        if (row.closedOn && input.followedUpOn < row.closedOn)
          throw invalid('followedUpOn', '回访日期不能早于结案日期');
        await caseRecord.write(tx, id, { followedUpOn: input.followedUpOn, updatedBy: ctx.actor.userId });
      },
      'followUp',
    ),
  );

export const deleteCase = (ctx: ServiceContext, id: string, version: number) =>
  guarded(ctx, mediationCases, id, () => caseRecord.softDelete(ctx, id, version));

export const restoreCase = (ctx: ServiceContext, id: string, version: number) =>
  guarded(ctx, mediationCases, id, () => caseRecord.restore(ctx, id, version));

// The data officer's log of reads of care records

export const listAccessLog = async (ctx: ServiceContext, q: AccessLogQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'care.officer', q.orgUnitId);
  const where = and(
    eq(auditLog.module, 'care'),
    inArray(auditLog.action, ['read', 'viewSensitive']),
    scoped(auditLog.orgPath, scopePath),
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
  );
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorName: auditLog.actorName,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      entityLabel: auditLog.entityLabel,
      after: auditLog.after,
      total: sql<string>`count(*) over()`,
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map(({ total: _t, after, ...r }) => {
      const a = (after ?? {}) as { via?: string; reason?: string };
      return { ...r, id: String(r.id), at: r.at, via: a.via ?? null, reason: a.reason ?? null };
    }),
    total: rows.length ? Number(rows[0].total) : 0,
  };
};
