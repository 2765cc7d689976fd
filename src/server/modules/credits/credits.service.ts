import { and, eq, sql } from 'drizzle-orm';
import type { ErrorDetail } from '../../../contracts/common/errors';
import {
  type CreateCreditAwardInput,
  type CreateCreditRuleInput,
  type CreditAccount,
  type CreditRule,
  type CreditTransaction,
  capPeriodLabels,
  type ListCreditAccountsQuery,
  type ListCreditRulesQuery,
  type ListCreditTransactionsQuery,
  type OpeningBalanceInput,
  type UpdateCreditRuleInput,
} from '../../../contracts/credits';
import { levelOf } from '../../../contracts/org';
import { requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import type { Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { checkVersion } from '../../kernel/http/locking';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import {
  findAccount,
  findRule,
  findTransaction,
  findTransactions,
  listAccountRows,
  listRuleRows,
  listTransactionRows,
  rowsOf,
} from './credits.repository';
import { creditAccounts, creditRules, creditTransactions } from './credits.table';

const FUTURE_DATE = '日期不能晚于今天';

// Rules (积分细则): a county's or town's, handed down to its villages

export const creditRuleRecord = defineRecord({
  entityType: 'creditRule',
  table: creditRules,
  label: '积分细则',
  auditModule: 'credits',
  permissions: { read: 'credits.read', write: 'credits.manage' },
  isHandedDown: true,
  find: (db, ctx, scopePath, id) => findRule(db, scopePath === '/' ? '/' : ctx.actor.orgPath, id),
  describe: (r: CreditRule) => `${r.item}（${r.points > 0 ? '+' : ''}${r.points}分）`,
});

export const listCreditRules = async (ctx: ServiceContext, q: ListCreditRulesQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'credits.read', q.orgUnitId);
  return listRuleRows(ctx.db, ctx.actor.orgPath, scopePath, q);
};

export const getCreditRule = (ctx: ServiceContext, id: string) => creditRuleRecord.get(ctx, id);

const unitKind = async (tx: Tx, id: string) =>
  (await rowsOf<{ kind: string }>(tx, sql`select kind from org_units where id = ${id}`))[0]?.kind;

export const createCreditRule = (ctx: ServiceContext, input: CreateCreditRuleInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await creditRuleRecord.unitPath(tx, ctx, input.orgUnitId);
    const level = levelOf((await unitKind(tx, input.orgUnitId)) ?? '');
    if (level !== 'county' && level !== 'town')
      throw invalid('orgUnitId', '积分细则由县或乡镇妇联制定，村（社区）执行上级的细则');
    const id = input.id ?? uuidv7();
    const existing = await findRule(tx, '/', id);
    if (existing) {
      if (existing.item === input.item && existing.orgUnitId === input.orgUnitId)
        return { rule: existing, isReplay: true };
      throw new AppError('CONFLICT', '该细则编号已被使用，请刷新后重新填写');
    }
    const rule = await creditRuleRecord.create(tx, ctx, { id, orgPath: path }, () =>
      tx.insert(creditRules).values({
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        item: input.item,
        category: input.category,
        points: input.points,
        isVariable: input.isVariable,
        isEvidenceRequired: input.isEvidenceRequired,
        capPoints: input.capPoints ?? null,
        capPeriod: input.capPeriod ?? null,
        needsReview: input.needsReview,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
    return { rule, isReplay: false };
  });

const ruleInUse = async (tx: Tx, id: string) =>
  (await rowsOf(tx, sql`select 1 from credit_transactions where rule_id = ${id} limit 1`)).length > 0;

export const updateCreditRule = (ctx: ServiceContext, id: string, input: UpdateCreditRuleInput) =>
  creditRuleRecord.update(ctx, id, input.version, async (tx, row) => {
    const changesValue =
      (input.points !== undefined && input.points !== row.points) ||
      (input.category !== undefined && input.category !== row.category);
    if (changesValue && (await ruleInUse(tx, id)))
      throw new AppError(
        'CONFLICT',
        '该细则已有积分记录，不能修改分值或类别：请填写失效日期停用本条，再新增一条新细则（积分按登记日当时有效的细则计算）',
      );
    const points = input.points ?? row.points;
    if ((input.category ?? row.category) === 'negativeList' && points > 0)
      throw invalid('points', '负面清单的积分须为负数（扣分）');
    const validFrom = input.validFrom ?? row.validFrom;
    const validTo = input.validTo === undefined ? row.validTo : input.validTo;
    if (validTo && validTo < validFrom) throw invalid('validTo', '失效日期不能早于生效日期');
    const capPoints = input.capPoints === undefined ? row.capPoints : input.capPoints;
    const capPeriod = input.capPeriod === undefined ? row.capPeriod : input.capPeriod;
    if (!capPoints !== !capPeriod) throw invalid('capPeriod', '积分上限和上限周期须同时填写');
    const { version: _v, ...set } = input;
    await creditRuleRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteCreditRule = (ctx: ServiceContext, id: string, version: number) =>
  creditRuleRecord.softDelete(ctx, id, version, async (tx) => {
    if (await ruleInUse(tx, id))
      throw new AppError('CONFLICT', '该细则已有积分记录，不能删除；如不再执行，请填写失效日期');
  });

export const restoreCreditRule = (ctx: ServiceContext, id: string, version: number) =>
  creditRuleRecord.restore(ctx, id, version);

// Accounts (积分账户): one per household, opened on the first award or by hand

export const creditAccountRecord = defineRecord({
  entityType: 'creditAccount',
  table: creditAccounts,
  label: '积分账户',
  auditModule: 'credits',
  permissions: { read: 'credits.read', write: 'credits.write' },
  find: (db, ctx, scopePath, id) => findAccount(db, scopePath === '/' ? '/' : ctx.actor.orgPath, id),
  describe: (a: CreditAccount) => `${a.address}${a.houseNumber ?? ''}`,
});

export const listCreditAccounts = async (ctx: ServiceContext, q: ListCreditAccountsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'credits.read', q.orgUnitId);
  return listAccountRows(ctx.db, scopePath, q);
};

export const getCreditAccount = (ctx: ServiceContext, id: string) => creditAccountRecord.get(ctx, id);

type HouseholdRow = { id: string; org_unit_id: string; org_path: string; address: string };

/** Live households among `ids` in the caller's subtree, locked (a household outside it is a 404). */
const lockHouseholds = async (tx: Tx, ctx: ServiceContext, ids: string[]) => {
  const unique = [...new Set(ids)].sort();
  const rows = await rowsOf<HouseholdRow>(
    tx,
    sql`select id, org_unit_id, org_path, address from households
      where id in (${sql.join(
        unique.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and deleted_at is null and ${scoped('org_path', ctx.actor.orgPath)}
      order by id for share`,
  );
  return new Map(rows.map((r) => [r.id, r]));
};

type AccountLock = { id: string; balance: number; isNew: boolean };

/**
 * The household's account, locked FOR UPDATE; opened (and audited) when she has none yet. The
 * household must be a live one of the caller's subtree.
 */
export const accountFor = async (tx: Tx, ctx: ServiceContext, h: HouseholdRow): Promise<AccountLock> => {
  const id = uuidv7();
  const inserted = await tx
    .insert(creditAccounts)
    .values({
      id,
      householdId: h.id,
      orgUnitId: h.org_unit_id,
      orgPath: h.org_path,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    })
    .onConflictDoNothing({ target: creditAccounts.householdId })
    .returning({ id: creditAccounts.id });
  const [row] = await tx
    .select({ id: creditAccounts.id, balance: creditAccounts.balance })
    .from(creditAccounts)
    .where(eq(creditAccounts.householdId, h.id))
    .for('update');
  if (inserted.length > 0) {
    const after = await creditAccountRecord.image(tx, ctx, row.id);
    await creditAccountRecord.audit(tx, ctx, 'open', null, after, h.org_path);
  }
  return { ...row, isNew: inserted.length > 0 };
};

/** The household's account in the caller's subtree, locked; 404 for a household she cannot see. */
export const householdAccount = async (tx: Tx, ctx: ServiceContext, householdId: string) => {
  const h = (await lockHouseholds(tx, ctx, [householdId])).get(householdId);
  if (!h) throw notFound('农户');
  return { household: h, account: await accountFor(tx, ctx, h) };
};

export const openCreditAccount = (ctx: ServiceContext, householdId: string) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'credits.write');
    const { account } = await householdAccount(tx, ctx, householdId);
    return { account: await creditAccountRecord.image(tx, ctx, account.id), isNew: account.isNew };
  });

/**
 * Moves an account's balance by `delta` in the caller's transaction, only if it stays at or above
 * zero (the CHECK constraint holds it too): 409 otherwise. Returns the new balance.
 */
export const moveBalance = async (
  tx: Tx,
  accountId: string,
  delta: number,
  refusal: (b: number) => string,
) => {
  const moved = await tx
    .update(creditAccounts)
    .set({ balance: sql`${creditAccounts.balance} + ${delta}`, updatedAt: sql`now()` })
    .where(and(eq(creditAccounts.id, accountId), sql`${creditAccounts.balance} + ${delta} >= 0`))
    .returning({ balance: creditAccounts.balance });
  if (moved.length === 0) {
    const [a] = await tx
      .select({ balance: creditAccounts.balance })
      .from(creditAccounts)
      .where(eq(creditAccounts.id, accountId));
    throw new AppError('CONFLICT', refusal(a?.balance ?? 0));
  }
  return moved[0].balance;
};

// Transactions (积分流水): append-only

export const creditTransactionRecord = defineRecord({
  entityType: 'creditTransaction',
  table: creditTransactions,
  label: '积分记录',
  auditModule: 'credits',
  permissions: { read: 'credits.read', write: 'credits.write' },
  find: (db, ctx, scopePath, id) => findTransaction(db, scopePath === '/' ? '/' : ctx.actor.orgPath, id),
  describe: (t: CreditTransaction) =>
    `${t.address}${t.houseNumber ?? ''} ${t.points > 0 ? '+' : ''}${t.points}分${t.ruleItem ? ` ${t.ruleItem}` : ''}`,
});

export const listCreditTransactions = async (ctx: ServiceContext, q: ListCreditTransactionsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'credits.read', q.orgUnitId);
  return listTransactionRows(ctx.db, scopePath, q);
};

export const getCreditTransaction = (ctx: ServiceContext, id: string) => creditTransactionRecord.get(ctx, id);

type RuleInForce = CreditRule & { orgPath: string };

/** The live rule by id, with its owner's path (to check it is handed down to the household's unit). */
const ruleById = async (tx: Tx, id: string): Promise<RuleInForce | undefined> => {
  const rule = await findRule(tx, '/', id);
  if (!rule || rule.deletedAt) return undefined;
  const [p] = await rowsOf<{ org_path: string }>(tx, sql`select org_path from credit_rules where id = ${id}`);
  return { ...rule, orgPath: p.org_path };
};

const periodOf = (date: string, period: NonNullable<CreditRule['capPeriod']>) => {
  const [y, m] = date.split('-').map(Number);
  if (period === 'year') return { from: `${y}-01-01`, to: `${y}-12-31` };
  const first = period === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  const last = period === 'month' ? m : first + 2;
  const end = new Date(Date.UTC(y, last, 0)).toISOString().slice(0, 10);
  return { from: `${y}-${String(first).padStart(2, '0')}-01`, to: end };
};

const pointsText = (n: number) => `${n > 0 ? '+' : ''}${n}分`;

/** The points an award under `rule` gives: the rule's, or for a variable rule a part of it (same sign). */
const pointsOf = (rule: CreditRule, given: number | undefined) => {
  if (given === undefined) return rule.points;
  if (!rule.isVariable) {
    if (given !== rule.points)
      throw invalid('points', `该细则分值固定为${pointsText(rule.points)}，不能改动`);
    return given;
  }
  if (given === 0 || Math.sign(given) !== Math.sign(rule.points))
    throw invalid(
      'points',
      rule.points > 0 ? '该细则只能加分，请填写正整数' : '该细则只能扣分，请填写负整数',
    );
  if (Math.abs(given) > Math.abs(rule.points))
    throw invalid('points', `该细则每次最多${pointsText(rule.points)}`);
  return given;
};

/**
 * Points under one rule to one household or a list of them, all written or none. A rule not in
 * force for the household's unit on that day, a household outside the caller's subtree, a cap
 * exceeded — each refused with nothing written. A deduction (负面清单) and an award whose rule waits
 * for 评议/公示 are written pending: they count once confirmed (a deduction by a second person).
 * Entries whose client id is already saved for the same household and rule are retries.
 */
export const createCreditAward = (ctx: ServiceContext, input: CreateCreditAwardInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'credits.write');
    const rule = await ruleById(tx, input.ruleId);
    if (!rule) throw notFound('积分细则');
    if (input.occurredOn > shanghaiToday()) throw invalid('occurredOn', FUTURE_DATE);
    if (input.occurredOn < rule.validFrom || (rule.validTo && input.occurredOn > rule.validTo))
      throw invalid(
        'ruleId',
        `“${rule.item}”在${input.occurredOn}不在有效期内（${rule.validFrom}至${rule.validTo ?? '今'}），请选择当时有效的细则`,
      );
    const points = pointsOf(rule, input.points);
    if (rule.isEvidenceRequired && !input.photoId) throw invalid('photoId', `“${rule.item}”需上传佐证照片`);
    const isDeduction = points < 0;
    if (isDeduction && !input.reason) throw invalid('reason', '扣分须说明原因（时间、事由）');

    // Retries: every client id already saved answers with its saved entry; a clash is refused.
    const clientIds = input.entries.flatMap((e) => (e.id ? [e.id] : []));
    if (new Set(clientIds).size !== clientIds.length) throw invalid('entries', '同一批中有重复的记录编号');
    const saved = clientIds.length
      ? await rowsOf<{ id: string; household_id: string; rule_id: string | null }>(
          tx,
          sql`select id, household_id, rule_id from credit_transactions where id in (${sql.join(
            clientIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) for update`,
        )
      : [];
    if (saved.length > 0) {
      const byId = new Map(saved.map((s) => [s.id, s]));
      const isRetry = input.entries.every((e) => {
        const s = e.id ? byId.get(e.id) : undefined;
        return s && s.household_id === e.householdId && s.rule_id === rule.id;
      });
      if (!isRetry) throw new AppError('CONFLICT', '记录编号已被使用，请刷新后重新登记');
      return { created: 0, items: await findTransactions(tx, ctx.actor.orgPath, clientIds) };
    }

    const householdIds = input.entries.map((e) => e.householdId);
    if (new Set(householdIds).size !== householdIds.length) throw invalid('entries', '名单中有重复的农户');
    const households = await lockHouseholds(tx, ctx, householdIds);
    const details: ErrorDetail[] = [];
    for (const [n, e] of input.entries.entries()) {
      const h = households.get(e.householdId);
      if (!h)
        details.push({ field: `entries.${n}.householdId`, message: `第${n + 1}户：农户不存在或不在本辖区` });
      else if (!h.org_path.startsWith(rule.orgPath))
        details.push({
          field: `entries.${n}.householdId`,
          message: `第${n + 1}户（${h.address}）：“${rule.item}”不是该户所在单位执行的细则`,
        });
    }
    if (details.length) {
      if (input.entries.length === 1 && !households.size) throw notFound('农户');
      throw new AppError('VALIDATION_FAILED', details[0].message, details);
    }

    const status = isDeduction || rule.needsReview ? 'pending' : 'confirmed';
    const kind = isDeduction ? 'deduction' : 'award';
    const ids: string[] = [];
    const audits = [];
    const sorted = [...input.entries].sort((a, b) => a.householdId.localeCompare(b.householdId));
    for (const e of sorted) {
      const h = households.get(e.householdId) as HouseholdRow;
      const account = await accountFor(tx, ctx, h);
      if (rule.capPoints && rule.capPeriod) {
        const p = periodOf(input.occurredOn, rule.capPeriod);
        const [used] = await rowsOf<{ n: number }>(
          tx,
          sql`select coalesce(sum(points), 0)::int as n from credit_transactions
            where account_id = ${account.id} and rule_id = ${rule.id} and status <> 'rejected'
              and occurred_on between ${p.from}::date and ${p.to}::date`,
        );
        if (Math.abs(used.n + points) > rule.capPoints)
          throw new AppError(
            'CONFLICT',
            `${h.address}：“${rule.item}”${capPeriodLabels[rule.capPeriod].zh}最多${rule.capPoints}分，本期已计${Math.abs(used.n)}分`,
          );
      }
      const balanceAfter =
        status === 'confirmed' ? await moveBalance(tx, account.id, points, () => '积分余额不足') : null;
      const id = e.id ?? uuidv7();
      await tx.insert(creditTransactions).values({
        id,
        accountId: account.id,
        householdId: h.id,
        orgUnitId: h.org_unit_id,
        orgPath: h.org_path,
        kind,
        status,
        points,
        ruleId: rule.id,
        category: rule.category,
        reason: input.reason ?? null,
        occurredOn: input.occurredOn,
        photoId: input.photoId ?? null,
        balanceAfter,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
      ids.push(id);
      audits.push({
        id,
        label: `${h.address} ${pointsText(points)} ${rule.item}`,
        orgUnitId: h.org_unit_id,
        orgPath: h.org_path,
        after: { householdId: h.id, ruleId: rule.id, points, status, occurredOn: input.occurredOn },
      });
    }
    await creditTransactionRecord.auditRows(tx, ctx, 'award', audits);
    const order = new Map(input.entries.map((e, i) => [e.householdId, i]));
    const items = await findTransactions(tx, ctx.actor.orgPath, ids);
    items.sort((a, b) => (order.get(a.householdId) ?? 0) - (order.get(b.householdId) ?? 0));
    return { created: ids.length, items };
  });

/** The entry FOR UPDATE in the caller's subtree, at the version she saw. */
const lockEntry = async (tx: Tx, ctx: ServiceContext, id: string, version?: number) => {
  requirePermission(ctx.actor, 'credits.write');
  const [row] = await tx
    .select()
    .from(creditTransactions)
    .where(and(eq(creditTransactions.id, id), scoped(creditTransactions.orgPath, ctx.actor.orgPath)))
    .for('update');
  if (!row) throw notFound('积分记录');
  return version === undefined ? row : checkVersion(row, version, '积分记录');
};

/**
 * A pending entry counted: a deduction confirmed by a second person (never the one who wrote
 * it), an award whose 公示 has passed. The balance moves in the same transaction, never below zero.
 */
export const confirmCreditTransaction = (ctx: ServiceContext, id: string, version: number) =>
  ctx.db.transaction(async (tx) => {
    const row = await lockEntry(tx, ctx, id, version);
    if (row.status !== 'pending') throw new AppError('CONFLICT', '该记录已处理，无需再次确认');
    if (row.kind === 'deduction' && row.createdBy === ctx.actor.userId)
      throw new AppError('FORBIDDEN', '扣分须由登记人以外的另一位干部确认');
    const before = await creditTransactionRecord.image(tx, ctx, id);
    const balanceAfter = await moveBalance(
      tx,
      row.accountId,
      row.points,
      (b) => `积分余额不足：该户现有${b}分，不能扣减${Math.abs(row.points)}分`,
    );
    await creditTransactionRecord.write(tx, id, {
      status: 'confirmed',
      balanceAfter,
      confirmedBy: ctx.actor.userId,
      confirmedAt: sql`now()` as never,
      updatedBy: ctx.actor.userId,
    });
    const after = await creditTransactionRecord.image(tx, ctx, id);
    await creditTransactionRecord.audit(tx, ctx, 'confirm', before, after, row.orgPath);
    return after;
  });

/** A pending entry not passed (评议 found it wrong): it never counts; the reason is in the audit log. */
export const rejectCreditTransaction = (ctx: ServiceContext, id: string, version: number, reason: string) =>
  ctx.db.transaction(async (tx) => {
    const row = await lockEntry(tx, ctx, id, version);
    if (row.status !== 'pending') throw new AppError('CONFLICT', '该记录已处理，不能再改为不通过');
    const before = await creditTransactionRecord.image(tx, ctx, id);
    await creditTransactionRecord.write(tx, id, {
      status: 'rejected',
      confirmedBy: ctx.actor.userId,
      confirmedAt: sql`now()` as never,
      updatedBy: ctx.actor.userId,
    });
    const after = await creditTransactionRecord.image(tx, ctx, id);
    await creditTransactionRecord.audit(tx, ctx, 'reject', before, after, row.orgPath, { after: { reason } });
    return after;
  });

/**
 * A counted entry corrected: a new entry of the opposite points that points back to it (never an
 * edit). Refused when the points have already been spent (the balance would go below zero).
 */
export const reverseCreditTransaction = (
  ctx: ServiceContext,
  id: string,
  input: { id?: string; reason: string },
) =>
  ctx.db.transaction(async (tx) => {
    const row = await lockEntry(tx, ctx, id);
    const [already] = await tx
      .select({ id: creditTransactions.id })
      .from(creditTransactions)
      .where(eq(creditTransactions.reversalOf, id));
    if (already) {
      if (input.id && already.id === input.id)
        return { entry: await creditTransactionRecord.image(tx, ctx, already.id), isReplay: true };
      throw new AppError('CONFLICT', '该记录已冲正，不能重复冲正');
    }
    if (row.status !== 'confirmed')
      throw new AppError('CONFLICT', '只能冲正已入账的记录；待确认的记录请选择“不通过”');
    if (row.kind === 'reversal' || row.kind === 'redemption')
      throw new AppError('CONFLICT', row.kind === 'reversal' ? '冲正记录不能再冲正' : '兑换记录不能冲正');
    const points = -row.points;
    const balanceAfter = await moveBalance(
      tx,
      row.accountId,
      points,
      (b) => `该户现有${b}分，冲正需扣回${row.points}分，积分已被兑换，不能冲正`,
    );
    const newId = input.id ?? uuidv7();
    await tx.insert(creditTransactions).values({
      id: newId,
      accountId: row.accountId,
      householdId: row.householdId,
      orgUnitId: row.orgUnitId,
      orgPath: row.orgPath,
      kind: 'reversal',
      status: 'confirmed',
      points,
      ruleId: row.ruleId,
      category: row.category,
      reason: input.reason,
      occurredOn: shanghaiToday(),
      reversalOf: row.id,
      balanceAfter,
      confirmedBy: ctx.actor.userId,
      confirmedAt: sql`now()` as never,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    const entry = await creditTransactionRecord.image(tx, ctx, newId);
    await creditTransactionRecord.audit(tx, ctx, 'reverse', null, entry, row.orgPath);
    return { entry, isReplay: false };
  });

/** 期初余额: the points a household held in the paper ledger, once, when its account starts. */
export const recordOpeningBalance = (ctx: ServiceContext, input: OpeningBalanceInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'credits.write');
    const { household, account } = await householdAccount(tx, ctx, input.householdId);
    const [prior] = await rowsOf<{ id: string }>(
      tx,
      sql`select id from credit_transactions where account_id = ${account.id} and kind = 'opening'`,
    );
    if (prior) {
      if (input.id && prior.id === input.id)
        return { entry: await creditTransactionRecord.image(tx, ctx, prior.id), isReplay: true };
      throw new AppError('CONFLICT', `${household.address}已登记过期初余额，如有差错请冲正后重新登记`);
    }
    const balanceAfter = await moveBalance(tx, account.id, input.points, () => '期初余额不能为负数');
    const id = input.id ?? uuidv7();
    await tx.insert(creditTransactions).values({
      id,
      accountId: account.id,
      householdId: household.id,
      orgUnitId: household.org_unit_id,
      orgPath: household.org_path,
      kind: 'opening',
      status: 'confirmed',
      points: input.points,
      reason: input.reason ?? '期初余额',
      occurredOn: input.occurredOn,
      balanceAfter,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    const entry = await creditTransactionRecord.image(tx, ctx, id);
    await creditTransactionRecord.audit(tx, ctx, 'create', null, entry, household.org_path);
    return { entry, isReplay: false };
  });
