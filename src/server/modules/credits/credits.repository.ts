import { type SQL, sql } from 'drizzle-orm';
import type {
  CreditAccount,
  CreditCategory,
  CreditRule,
  CreditTransaction,
  ListCreditAccountsQuery,
  ListCreditRulesQuery,
  ListCreditTransactionsQuery,
} from '../../../contracts/credits';
import { scoped, scopedAbove } from '../../kernel/access/access';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { invalid } from '../../kernel/http/errors';
import { listPage } from '../../kernel/http/list';

/** The household's head as the ledger names her: the head person, else the member marked 户主. */
export const headName = sql.raw(`coalesce((select p.name from persons p where p.id = h.head_person_id),
  (select p.name from persons p where p.household_id = h.id and p.relation_to_head = 'head'
    and p.deleted_at is null order by p.created_at limit 1))`);

/** The rows of a raw query. */
export const rowsOf = async <T>(db: DbOrTx, q: SQL): Promise<T[]> => (await db.execute(q)).rows as T[];

const sortOf = (sort: string | undefined, whitelist: Record<string, string>, fallback: string) => {
  if (!sort) return sql.raw(fallback);
  const isDesc = sort.startsWith('-');
  const field = isDesc ? sort.slice(1) : sort;
  const column = Object.hasOwn(whitelist, field) ? whitelist[field] : undefined;
  if (!column) throw invalid('sort', `不支持按“${field}”排序，可选：${Object.keys(whitelist).join('、')}`);
  return sql.raw(`${column} ${isDesc ? 'desc' : 'asc'}, ${fallback}`);
};

// Rules

type RuleRow = {
  id: string;
  org_unit_id: string;
  org_unit_name: string;
  item: string;
  category: CreditCategory;
  points: number;
  is_variable: boolean;
  is_evidence_required: boolean;
  cap_points: number | null;
  cap_period: CreditRule['capPeriod'];
  needs_review: boolean;
  valid_from: string;
  valid_to: string | null;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

const toRule = (r: RuleRow): CreditRule => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  item: r.item,
  category: r.category,
  points: r.points,
  isVariable: r.is_variable,
  isEvidenceRequired: r.is_evidence_required,
  capPoints: r.cap_points,
  capPeriod: r.cap_period,
  needsReview: r.needs_review,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  note: r.note,
  version: r.version,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  deletedAt: iso(r.deleted_at),
});

const ruleSelect = sql`select r.*, u.name as org_unit_name from credit_rules r join org_units u on u.id = r.org_unit_id`;

/** Rules the reader sees: her subtree's and those handed down from the units above her. */
const ruleVisible = (path: string) =>
  sql`(${scoped('r.org_path', path)} or ${scopedAbove('r.org_path', path)})`;

export const findRule = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await rowsOf<RuleRow>(
    db,
    sql`${ruleSelect} where r.id = ${id} and ${ruleVisible(scopePath)}`,
  );
  return row && toRule(row);
};

export const listRuleRows = async (
  db: DbOrTx,
  scopePath: string,
  unitPath: string,
  q: ListCreditRulesQuery,
) => {
  const where = sql.join(
    [
      q.inForceOn ? scopedAbove('r.org_path', unitPath) : ruleVisible(scopePath),
      q.status === 'deleted' ? sql`r.deleted_at is not null` : sql`r.deleted_at is null`,
      q.category ? sql`r.category = ${q.category}` : sql`true`,
      q.inForceOn
        ? sql`r.valid_from <= ${q.inForceOn}::date and (r.valid_to is null or r.valid_to >= ${q.inForceOn}::date)`
        : sql`true`,
    ],
    sql` and `,
  );
  const order = sortOf(q.sort, { validFrom: 'x.valid_from', points: 'x.points' }, 'x.category, x.item, x.id');
  return listPage(db, { select: ruleSelect, where, order, countFrom: sql`from credit_rules r` }, q, (r) =>
    toRule(r as RuleRow),
  );
};

// Accounts

type AccountRow = {
  id: string;
  org_unit_id: string;
  org_unit_name: string;
  household_id: string;
  address: string;
  house_number: string | null;
  head_name: string | null;
  balance: number;
  pending_points: number;
  opened_at: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

const toAccount = (r: AccountRow): CreditAccount => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  householdId: r.household_id,
  address: r.address,
  houseNumber: r.house_number,
  headName: r.head_name,
  balance: r.balance,
  pendingPoints: Number(r.pending_points),
  openedAt: iso(r.opened_at),
  version: r.version,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  deletedAt: iso(r.deleted_at),
});

const accountSelect = sql`select a.*, u.name as org_unit_name, h.address, h.house_number,
    ${headName} as head_name,
    coalesce((select sum(t.points) from credit_transactions t
      where t.account_id = a.id and t.status = 'pending'), 0)::int as pending_points
  from credit_accounts a join households h on h.id = a.household_id join org_units u on u.id = a.org_unit_id`;

export const findAccount = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await rowsOf<AccountRow>(
    db,
    sql`${accountSelect} where a.id = ${id} and ${scoped('a.org_path', scopePath)}`,
  );
  return row && toAccount(row);
};

export const listAccountRows = async (db: DbOrTx, scopePath: string, q: ListCreditAccountsQuery) => {
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const prefix = q.q ? `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = sql.join(
    [
      scoped('a.org_path', scopePath),
      sql`a.deleted_at is null`,
      like
        ? sql`(h.address like ${like} or h.house_number like ${like} or exists (select 1 from persons p
            where p.household_id = h.id and p.deleted_at is null and (p.name like ${like} or p.name_pinyin like ${prefix})))`
        : sql`true`,
    ],
    sql` and `,
  );
  const order = sortOf(
    q.sort,
    { balance: 'x.balance', address: 'x.address' },
    'x.address, x.house_number, x.id',
  );
  return listPage(
    db,
    {
      select: accountSelect,
      where,
      order,
      countFrom: sql`from credit_accounts a join households h on h.id = a.household_id`,
    },
    q,
    (r) => toAccount(r as AccountRow),
  );
};

// Transactions

type TxRow = {
  id: string;
  account_id: string;
  household_id: string;
  org_unit_id: string;
  org_unit_name: string;
  address: string;
  house_number: string | null;
  kind: CreditTransaction['kind'];
  status: CreditTransaction['status'];
  points: number;
  rule_id: string | null;
  rule_item: string | null;
  category: CreditCategory | null;
  reason: string | null;
  occurred_on: string;
  photo_id: string | null;
  source_type: string | null;
  source_id: string | null;
  reversal_of: string | null;
  redemption_id: string | null;
  operator_name: string | null;
  confirmed_by_name: string | null;
  confirmed_at: string | null;
  balance_after: number | null;
  created_at: string;
  version: number;
};

const toTransaction = (r: TxRow): CreditTransaction => ({
  id: r.id,
  accountId: r.account_id,
  householdId: r.household_id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  address: r.address,
  houseNumber: r.house_number,
  kind: r.kind,
  status: r.status,
  points: r.points,
  ruleId: r.rule_id,
  ruleItem: r.rule_item,
  category: r.category,
  reason: r.reason,
  occurredOn: r.occurred_on,
  photoId: r.photo_id,
  sourceType: r.source_type,
  sourceId: r.source_id,
  reversalOf: r.reversal_of,
  redemptionId: r.redemption_id,
  operatorName: r.operator_name,
  confirmedByName: r.confirmed_by_name,
  confirmedAt: iso(r.confirmed_at),
  balanceAfter: r.balance_after,
  createdAt: iso(r.created_at),
  version: r.version,
});

const txSelect = sql`select t.*, u.name as org_unit_name, h.address, h.house_number, r.item as rule_item,
    (select x.display_name from users x where x.id = t.created_by) as operator_name,
    (select x.display_name from users x where x.id = t.confirmed_by) as confirmed_by_name
  from credit_transactions t join households h on h.id = t.household_id
  join org_units u on u.id = t.org_unit_id left join credit_rules r on r.id = t.rule_id`;

export const findTransactions = async (db: DbOrTx, scopePath: string, ids: string[]) => {
  if (ids.length === 0) return [];
  const rows = await rowsOf<TxRow>(
    db,
    sql`${txSelect} where t.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and ${scoped('t.org_path', scopePath)}`,
  );
  const byId = new Map(rows.map((r) => [r.id, toTransaction(r)]));
  return ids.map((id) => byId.get(id)).filter((t): t is CreditTransaction => !!t);
};

export const findTransaction = async (db: DbOrTx, scopePath: string, id: string) =>
  (await findTransactions(db, scopePath, [id]))[0];

export type TransactionFilters = Omit<ListCreditTransactionsQuery, 'page' | 'pageSize' | 'sort'>;

export const transactionWhere = (scopePath: string, q: TransactionFilters) =>
  sql.join(
    [
      scoped('t.org_path', scopePath),
      q.householdId ? sql`t.household_id = ${q.householdId}` : sql`true`,
      q.kind ? sql`t.kind = ${q.kind}` : sql`true`,
      q.status ? sql`t.status = ${q.status}` : sql`true`,
      q.category ? sql`t.category = ${q.category}` : sql`true`,
      q.from ? sql`t.occurred_on >= ${q.from}::date` : sql`true`,
      q.to ? sql`t.occurred_on <= ${q.to}::date` : sql`true`,
    ],
    sql` and `,
  );

export const listTransactionRows = async (db: DbOrTx, scopePath: string, q: ListCreditTransactionsQuery) => {
  const order = sortOf(
    q.sort,
    { occurredOn: 'x.occurred_on', points: 'x.points' },
    'x.occurred_on desc, x.id desc',
  );
  return listPage(
    db,
    {
      select: txSelect,
      where: transactionWhere(scopePath, q),
      order,
      countFrom: sql`from credit_transactions t`,
    },
    q,
    (r) => toTransaction(r as TxRow),
  );
};

/** Keyset batches for the export, oldest first. */
export async function* transactionBatches(db: DbOrTx, scopePath: string, q: TransactionFilters) {
  let after: { on: string; id: string } | undefined;
  for (;;) {
    const rows = await rowsOf<TxRow>(
      db,
      sql`${txSelect} where ${transactionWhere(scopePath, q)}
        ${after ? sql`and (t.occurred_on, t.id) > (${after.on}::date, ${after.id}::uuid)` : sql``}
        order by t.occurred_on, t.id limit 2000`,
    );
    if (rows.length === 0) return;
    yield rows.map(toTransaction);
    const last = rows[rows.length - 1];
    after = { on: last.occurred_on, id: last.id };
    if (rows.length < 2000) return;
  }
}

type HouseholdHit = {
  household_id: string;
  org_unit_id: string;
  org_unit_name: string;
  address: string;
  house_number: string | null;
  head_name: string | null;
  account_id: string | null;
  balance: number | null;
};

/** Up to 20 live households of the subtree matching a name, pinyin initials, address or 门牌号. */
export const findHouseholds = async (db: DbOrTx, scopePath: string, q: string | undefined) => {
  const esc = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  const like = q ? `%${esc(q)}%` : undefined;
  const prefix = q ? `%${esc(q.toLowerCase())}%` : undefined;
  const rows = await rowsOf<HouseholdHit>(
    db,
    sql`select h.id as household_id, h.org_unit_id, u.name as org_unit_name, h.address, h.house_number,
        ${headName} as head_name, a.id as account_id, a.balance
      from households h join org_units u on u.id = h.org_unit_id left join credit_accounts a on a.household_id = h.id
      where h.deleted_at is null and ${scoped('h.org_path', scopePath)}
      ${
        like
          ? sql`and (h.address like ${like} or h.house_number like ${like} or exists (select 1 from persons p
            where p.household_id = h.id and p.deleted_at is null and (p.name like ${like} or p.name_pinyin like ${prefix})))`
          : sql``
      }
      order by h.address, h.house_number, h.id limit 20`,
  );
  return rows.map((r) => ({
    householdId: r.household_id,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    address: r.address,
    houseNumber: r.house_number,
    headName: r.head_name,
    accountId: r.account_id,
    balance: r.balance ?? 0,
  }));
};
