import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { toHalfWidth } from '../../../contracts/common/id-number';
import {
  type CreditGood,
  type CreditTransaction,
  creditCategoryLabels,
  creditTxKindLabels,
  creditTxStatusLabels,
  listCreditGoodsQuerySchema,
  listCreditTransactionsQuerySchema,
} from '../../../contracts/credits';
import { requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { uuidv7 } from '../../kernel/db/ids';
import { type CellValue, cellText, parseDateCell, parseTextCell } from '../../kernel/io/cells';
import { importWriter, RowIssues } from '../../kernel/io/import-commit';
import { type LedgerIo, rowCheck } from '../../kernel/io/ledger-io';
import { rowUnits, unitColumn } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { rowsOf, transactionBatches } from './credits.repository';
import { creditAccounts, creditGoods, creditTransactions } from './credits.table';
import { findStore, listGoodRows } from './store.repository';
import { creditGoodRecord } from './store.service';

/** A whole number as a paper ledger writes it: 120, 120分, １２０; never a fraction or below `min`. */
const wholeNumber = (label: string, units: string, min: number, max: number) => (v: CellValue) => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const m = new RegExp(`^(-?\\d+)(${units})?$`).exec(toHalfWidth(s).replace(/[,，\s]/g, ''));
  if (!m) return { error: `“${s}”不是有效的${label}，请填写整数（不能有小数）` };
  const n = Number(m[1]);
  return n >= min && n <= max ? { value: n } : { error: `${label}应在${min}到${max}之间` };
};

// 期初余额 import and 积分流水 export

const exportTransactionsQuerySchema = listCreditTransactionsQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .strict();
type ExportTransactionsQuery = z.infer<typeof exportTransactionsQuerySchema>;

type OpeningRow = {
  orgUnit?: string;
  address: string;
  houseNumber?: string;
  head?: string;
  points: number;
  occurredOn: string;
};

const openingUnit = unitColumn('所属村（社区）', ['村（社区）', '组织单位', '村'], 14);

const openingColumns: LedgerIo['columns'] = [
  openingUnit,
  {
    key: 'address',
    header: '地址',
    aliases: ['家庭住址', '住址', '农户地址'],
    hint: '与人员信息中登记的家庭地址一致，如：东岭村3组',
    isRequired: true,
    width: 20,
    parse: (v) => parseTextCell(v, 120),
  },
  {
    key: 'houseNumber',
    header: '门牌号',
    aliases: ['门牌'],
    hint: '如：12号',
    width: 10,
    parse: (v) => parseTextCell(v, 30),
  },
  {
    key: 'head',
    header: '户主',
    aliases: ['户主姓名', '姓名'],
    hint: '选填，填了则核对',
    width: 10,
    parse: (v) => parseTextCell(v, 30),
  },
  {
    key: 'points',
    header: '期初积分',
    aliases: ['积分余额', '余额', '积分'],
    hint: '纸质台账上的现有积分，整数',
    isRequired: true,
    width: 10,
    parse: wholeNumber('期初积分', '分', 0, 1_000_000),
  },
  {
    key: 'occurredOn',
    header: '截止日期',
    aliases: ['日期', '登记日期'],
    hint: '如 2026-01-01',
    isRequired: true,
    width: 12,
    parse: parseDateCell,
  },
];

type HouseholdHit = {
  id: string;
  org_unit_id: string;
  org_path: string;
  address: string;
  house_number: string | null;
  head_name: string | null;
  has_opening: boolean;
};

/**
 * 期初余额 from the paper ledger: one row per household, found by its village, address and 门牌号
 * (a live household of the caller's subtree, never created here), once per household. Accounts are
 * opened as needed; each balance moves with its opening entry; all rows or none.
 */
const commitOpening: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  requirePermission(ctx.actor, 'credits.import');
  const issues = new RowIssues();
  const units = await rowUnits(tx, ctx.actor, opts, issues, openingUnit);
  const unitIds = units.idsOf(rows);
  const found = unitIds.length
    ? await rowsOf<HouseholdHit>(
        tx,
        sql`select h.id, h.org_unit_id, h.org_path, h.address, h.house_number,
            coalesce((select p.name from persons p where p.id = h.head_person_id),
              (select p.name from persons p where p.household_id = h.id and p.relation_to_head = 'head'
                and p.deleted_at is null limit 1)) as head_name,
            exists (select 1 from credit_transactions t where t.household_id = h.id and t.kind = 'opening') as has_opening
          from households h where h.deleted_at is null and h.org_unit_id in (${sql.join(
            unitIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) for share`,
      )
    : [];
  const key = (unitId: string, address: string, no: string | null | undefined) =>
    `${unitId}|${address}|${no ?? ''}`;
  const byKey = new Map(found.map((h) => [key(h.org_unit_id, h.address, h.house_number), h]));
  const picked: { h: HouseholdHit; v: OpeningRow }[] = [];
  for (const r of rows) {
    const v = r.values as OpeningRow;
    const unit = units.check(r);
    if (!unit) continue;
    const h = byKey.get(key(unit.id, v.address, v.houseNumber));
    if (!h) {
      issues.add(
        r,
        '地址',
        `${v.address}${v.houseNumber ?? ''}`,
        `在${unit.name}找不到该户，请先在“人员信息”中登记家庭或核对地址、门牌号`,
      );
      continue;
    }
    if (v.head && h.head_name && v.head !== h.head_name) {
      issues.add(r, '户主', v.head, `该户户主登记为${h.head_name}，请核对`);
      continue;
    }
    if (h.has_opening) {
      issues.add(r, '期初积分', String(v.points), '该户已登记过期初余额，如有差错请在系统中冲正后重新登记');
      continue;
    }
    picked.push({ h, v });
  }
  issues.throwIfAny();
  if (picked.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const ids = picked.map((p) => p.h.id);
  await tx
    .insert(creditAccounts)
    .values(
      picked.map(({ h }) => ({
        id: uuidv7(),
        householdId: h.id,
        orgUnitId: h.org_unit_id,
        orgPath: h.org_path,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      })),
    )
    .onConflictDoNothing({ target: creditAccounts.householdId });
  const accounts = await rowsOf<{ id: string; household_id: string; balance: number }>(
    tx,
    sql`select id, household_id, balance from credit_accounts where household_id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) for update`,
  );
  const accountOf = new Map(accounts.map((a) => [a.household_id, a]));
  const entries = picked.map(({ h, v }) => {
    const a = accountOf.get(h.id) as { id: string; balance: number };
    return {
      id: uuidv7(),
      accountId: a.id,
      householdId: h.id,
      orgUnitId: h.org_unit_id,
      orgPath: h.org_path,
      kind: 'opening',
      status: 'confirmed',
      points: v.points,
      reason: '期初余额（导入）',
      occurredOn: v.occurredOn,
      balanceAfter: a.balance + v.points,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    };
  });
  await tx.execute(sql`update credit_accounts a set balance = a.balance + x.points, updated_at = now(), version = a.version + 1
    from unnest(${sql.raw(`array[${entries.map((e) => `'${e.accountId}'::uuid`).join(',')}]`)},
      ${sql.raw(`array[${entries.map((e) => e.points).join(',')}]::int[]`)}) as x(id, points)
    where a.id = x.id`);
  const writer = importWriter(tx, ctx, 'credits', 'creditTransaction');
  await writer.insert(
    creditTransactions,
    entries,
    (e) => ({
      label: `期初余额 ${e.points}分`,
      after: { householdId: e.householdId, points: e.points, kind: 'opening' },
    }),
    onProgress,
  );
  return { created: entries.length, updated: 0, unchanged: 0 };
};

const openingCheck = rowCheck<OpeningRow>((r, problem) => {
  if (r.occurredOn > shanghaiToday()) problem('occurredOn', '截止日期不能晚于今天');
});

const label = (labels: Record<string, { zh: string }>, key: string | null) =>
  key ? (labels[key]?.zh ?? key) : '';

const transactionExportColumns: ExportColumn<CreditTransaction>[] = [
  { header: '日期', width: 12, value: (t) => t.occurredOn },
  { header: '所属村（社区）', width: 14, value: (t) => t.orgUnitName },
  { header: '地址', width: 20, value: (t) => t.address },
  { header: '门牌号', width: 10, value: (t) => t.houseNumber },
  { header: '类型', width: 8, value: (t) => label(creditTxKindLabels, t.kind) },
  { header: '积分细则', width: 24, value: (t) => t.ruleItem },
  { header: '类别', width: 14, value: (t) => label(creditCategoryLabels, t.category) },
  { header: '积分', width: 8, value: (t) => t.points },
  { header: '状态', width: 8, value: (t) => label(creditTxStatusLabels, t.status) },
  { header: '变动后余额', width: 10, value: (t) => t.balanceAfter },
  { header: '事由', width: 24, value: (t) => t.reason },
  { header: '登记人', width: 10, value: (t) => t.operatorName },
  { header: '确认人', width: 10, value: (t) => t.confirmedByName },
];

export const creditTransactionsIo: LedgerIo = {
  ledger: 'creditTransactions',
  auditModule: 'credits',
  title: '积分台账（期初余额）',
  routeBase: '/api/v1/credits/transactions',
  permissions: { import: 'credits.import', export: 'credits.export' },
  columns: openingColumns,
  checkRow: openingCheck,
  naturalKey: (v) => {
    const r = v as OpeningRow;
    return `${r.orgUnit ?? ''}|${r.address}|${r.houseNumber ?? ''}`;
  },
  commit: commitOpening,
  exportQuerySchema: exportTransactionsQuerySchema,
  exportColumns: () => transactionExportColumns as ExportColumn<never>[],
  exportRows: async (ctx: ServiceContext, query) => {
    const q = query as ExportTransactionsQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'credits.export', q.orgUnitId);
    return transactionBatches(ctx.db, scopePath, q) as AsyncIterable<never[]>;
  },
};

// Goods (兑换物品): import and export of a store's catalogue

const exportGoodsQuerySchema = listCreditGoodsQuerySchema
  .omit({ page: true, pageSize: true, sort: true })
  .strict();
type ExportGoodsQuery = z.infer<typeof exportGoodsQuerySchema>;

type GoodRow = { store: string; name: string; unit: string; pointsPrice: number; unitValueYuan?: number };

const parseYuan = (v: CellValue) => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const m = /^(\d+(?:\.\d{1,2})?)元?$/.exec(toHalfWidth(s).replace(/[,，\s]/g, ''));
  return m ? { value: Number(m[1]) } : { error: `“${s}”不是有效的金额，如 12.50` };
};

const goodsColumns: LedgerIo['columns'] = [
  {
    key: 'store',
    header: '信用超市',
    aliases: ['超市', '超市名称'],
    hint: '本辖区已登记的信用超市名称',
    isRequired: true,
    width: 18,
    parse: (v) => parseTextCell(v, 60),
  },
  {
    key: 'name',
    header: '物品名称',
    aliases: ['物品', '名称', '商品'],
    hint: '如：洗衣粉',
    isRequired: true,
    width: 16,
    parse: (v) => parseTextCell(v, 60),
  },
  {
    key: 'unit',
    header: '单位',
    aliases: ['计量单位'],
    hint: '如：袋、桶、条',
    isRequired: true,
    width: 8,
    parse: (v) => parseTextCell(v, 10),
  },
  {
    key: 'pointsPrice',
    header: '兑换积分',
    aliases: ['所需积分', '积分'],
    hint: '整数，如 12',
    isRequired: true,
    width: 10,
    parse: wholeNumber('兑换积分', '分', 1, 100_000),
  },
  {
    key: 'unitValueYuan',
    header: '单价（元）',
    aliases: ['单价', '价值'],
    hint: '选填，如 12.00',
    width: 10,
    parse: parseYuan,
  },
];

/** A store's goods catalogue: new goods are added, a good of the same name has its price and unit updated. */
const commitGoods: LedgerIo['commit'] = async (tx, ctx, rows, _opts, onProgress) => {
  requirePermission(ctx.actor, 'credits.import');
  requirePermission(ctx.actor, 'credits.store');
  const issues = new RowIssues();
  const stores = await rowsOf<{ id: string; name: string; org_unit_id: string; org_path: string }>(
    tx,
    sql`select id, name, org_unit_id, org_path from sites where kind = 'creditStore' and deleted_at is null
      and ${scoped('org_path', ctx.actor.orgPath)}`,
  );
  const storeByName = new Map<string, (typeof stores)[number][]>();
  for (const s of stores) storeByName.set(s.name, [...(storeByName.get(s.name) ?? []), s]);
  const existing = stores.length
    ? await tx.execute(sql`select id, store_id, name, unit, points_price, unit_value_fen, version from credit_goods
        where deleted_at is null and store_id in (${sql.join(
          stores.map((s) => sql`${s.id}::uuid`),
          sql`, `,
        )}) for update`)
    : { rows: [] };
  const goodOf = new Map(
    (
      existing.rows as {
        id: string;
        store_id: string;
        name: string;
        unit: string;
        points_price: number;
        unit_value_fen: number | null;
      }[]
    ).map((g) => [`${g.store_id}|${g.name}`, g]),
  );
  const inserts: (typeof creditGoods.$inferInsert)[] = [];
  const updates: {
    id: string;
    unit: string;
    pointsPrice: number;
    unitValueFen: number | null;
    label: string;
    orgPath: string;
    orgUnitId: string;
  }[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const v = r.values as GoodRow;
    const matches = storeByName.get(v.store) ?? [];
    if (matches.length !== 1) {
      issues.add(
        r,
        '信用超市',
        v.store,
        matches.length
          ? '本辖区有同名的信用超市，请在系统中逐个登记'
          : '本辖区没有这个信用超市，请先在“阵地”中登记',
      );
      continue;
    }
    const store = matches[0];
    const fen = v.unitValueYuan === undefined ? null : Math.round(v.unitValueYuan * 100);
    const saved = goodOf.get(`${store.id}|${v.name}`);
    if (saved) {
      if (
        saved.unit === v.unit &&
        saved.points_price === v.pointsPrice &&
        (fen === null || saved.unit_value_fen === fen)
      )
        unchanged++;
      else
        updates.push({
          id: saved.id,
          unit: v.unit,
          pointsPrice: v.pointsPrice,
          unitValueFen: fen ?? saved.unit_value_fen,
          label: `${store.name} ${v.name}`,
          orgPath: store.org_path,
          orgUnitId: store.org_unit_id,
        });
      continue;
    }
    inserts.push({
      id: uuidv7(),
      storeId: store.id,
      orgUnitId: store.org_unit_id,
      orgPath: store.org_path,
      name: v.name,
      unit: v.unit,
      pointsPrice: v.pointsPrice,
      unitValueFen: fen,
      photoId: null,
      stock: 0,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
  }
  issues.throwIfAny();
  const writer = importWriter(tx, ctx, 'credits', 'creditGood');
  await writer.insert(
    creditGoods,
    inserts,
    (g) => ({ label: g.name, after: { name: g.name, pointsPrice: g.pointsPrice, unit: g.unit } }),
    onProgress,
  );
  for (const u of updates) {
    await tx.execute(sql`update credit_goods set unit = ${u.unit}, points_price = ${u.pointsPrice}, unit_value_fen = ${u.unitValueFen},
      version = version + 1, updated_at = now(), updated_by = ${ctx.actor.userId} where id = ${u.id}`);
  }
  await creditGoodRecord.auditRows(
    tx,
    ctx,
    'update',
    updates.map((u) => ({
      id: u.id,
      label: u.label,
      orgUnitId: u.orgUnitId,
      orgPath: u.orgPath,
      after: { unit: u.unit, pointsPrice: u.pointsPrice, unitValueFen: u.unitValueFen, source: 'import' },
    })),
  );
  return { created: inserts.length, updated: updates.length, unchanged };
};

const goodsExportColumns: ExportColumn<CreditGood>[] = [
  { header: '信用超市', width: 18, value: (g) => g.storeName },
  { header: '物品名称', width: 16, value: (g) => g.name },
  { header: '单位', width: 8, value: (g) => g.unit },
  { header: '兑换积分', width: 10, value: (g) => g.pointsPrice },
  { header: '单价（元）', width: 10, value: (g) => (g.unitValueFen === null ? null : g.unitValueFen / 100) },
  { header: '库存', width: 8, value: (g) => g.stock },
];

export const creditGoodsIo: LedgerIo = {
  ledger: 'creditGoods',
  auditModule: 'credits',
  title: '信用超市物品台账',
  routeBase: '/api/v1/credits/goods',
  permissions: { import: 'credits.import', export: 'credits.export' },
  columns: goodsColumns,
  naturalKey: (v) => {
    const r = v as GoodRow;
    return `${r.store}|${r.name}`;
  },
  commit: commitGoods,
  exportQuerySchema: exportGoodsQuerySchema,
  exportColumns: () => goodsExportColumns as ExportColumn<never>[],
  exportRows: async (ctx: ServiceContext, query) => {
    const q = query as ExportGoodsQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'credits.export', q.orgUnitId);
    if (q.storeId && !(await findStore(ctx.db, scopePath, q.storeId))) return (async function* () {})();
    return (async function* () {
      for (let page = 1; ; page++) {
        const { items } = await listGoodRows(ctx.db, scopePath, { ...q, page, pageSize: 200 });
        if (items.length) yield items as never[];
        if (items.length < 200) return;
      }
    })();
  },
};
