import { sql } from 'drizzle-orm';
import { maskName } from '../../../contracts/common/id-number';
import type {
  CreditGood,
  CreditRedemption,
  CreditStore,
  ListCreditGoodsQuery,
  ListRedemptionsQuery,
  ListStockMovesQuery,
  StockMove,
  Stocktake,
} from '../../../contracts/credits';
import { scoped } from '../../kernel/access/access';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { listPage } from '../../kernel/http/list';
import { headName, rowsOf } from './credits.repository';

// Stores: the sites of kind 信用超市

type StoreRow = {
  id: string;
  org_unit_id: string;
  org_unit_name: string;
  name: string;
  address: string | null;
  goods: number;
  stock_value_fen: number;
  last_stocktake_on: string | null;
};

export const listStoreRows = async (db: DbOrTx, scopePath: string): Promise<CreditStore[]> => {
  const rows = await rowsOf<StoreRow>(
    db,
    sql`select s.id, s.org_unit_id, u.name as org_unit_name, s.name, s.address,
        (select count(*)::int from credit_goods g where g.store_id = s.id and g.deleted_at is null) as goods,
        (select coalesce(sum(g.stock::bigint * coalesce(g.unit_value_fen, 0)), 0)::bigint from credit_goods g
          where g.store_id = s.id and g.deleted_at is null) as stock_value_fen,
        (select max(k.counted_on)::text from credit_stocktakes k where k.store_id = s.id and k.deleted_at is null)
          as last_stocktake_on
      from sites s join org_units u on u.id = s.org_unit_id
      where s.kind = 'creditStore' and s.deleted_at is null and ${scoped('s.org_path', scopePath)}
      order by u.path, s.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    name: r.name,
    address: r.address,
    goods: r.goods,
    stockValueFen: Number(r.stock_value_fen),
    lastStocktakeOn: r.last_stocktake_on,
  }));
};

export type StoreRef = { id: string; name: string; org_unit_id: string; org_path: string };

/** A live credit store in the subtree, or undefined. */
export const findStore = async (db: DbOrTx, scopePath: string, id: string) =>
  (
    await rowsOf<StoreRef>(
      db,
      sql`select id, name, org_unit_id, org_path from sites where id = ${id} and kind = 'creditStore'
        and deleted_at is null and ${scoped('org_path', scopePath)}`,
    )
  )[0];

// Goods

type GoodRow = {
  id: string;
  store_id: string;
  store_name: string;
  org_unit_id: string;
  org_unit_name: string;
  name: string;
  unit: string;
  points_price: number;
  unit_value_fen: number | null;
  photo_id: string | null;
  stock: number;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

const toGood = (r: GoodRow): CreditGood => ({
  id: r.id,
  storeId: r.store_id,
  storeName: r.store_name,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  name: r.name,
  unit: r.unit,
  pointsPrice: r.points_price,
  unitValueFen: r.unit_value_fen,
  photoId: r.photo_id,
  stock: r.stock,
  version: r.version,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  deletedAt: iso(r.deleted_at),
});

const goodSelect = sql`select g.*, s.name as store_name, u.name as org_unit_name
  from credit_goods g join sites s on s.id = g.store_id join org_units u on u.id = g.org_unit_id`;

export const findGood = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await rowsOf<GoodRow>(
    db,
    sql`${goodSelect} where g.id = ${id} and ${scoped('g.org_path', scopePath)}`,
  );
  return row && toGood(row);
};

export const listGoodRows = (db: DbOrTx, scopePath: string, q: ListCreditGoodsQuery) => {
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = sql.join(
    [
      scoped('g.org_path', scopePath),
      q.status === 'deleted' ? sql`g.deleted_at is not null` : sql`g.deleted_at is null`,
      q.storeId ? sql`g.store_id = ${q.storeId}` : sql`true`,
      like ? sql`g.name like ${like}` : sql`true`,
    ],
    sql` and `,
  );
  return listPage(
    db,
    {
      select: goodSelect,
      where,
      order: sql`x.store_name, x.points_price, x.name, x.id`,
      countFrom: sql`from credit_goods g`,
    },
    q,
    (r) => toGood(r as GoodRow),
  );
};

// Stock moves

type MoveRow = {
  id: string;
  good_id: string;
  good_name: string;
  kind: StockMove['kind'];
  quantity: number;
  donor: string | null;
  value_fen: number | null;
  reason: string | null;
  occurred_on: string;
  redemption_id: string | null;
  stocktake_id: string | null;
  operator_name: string | null;
  created_at: string;
};

export const listStockMoveRows = (db: DbOrTx, scopePath: string, q: ListStockMovesQuery) => {
  const where = sql.join(
    [
      scoped('m.org_path', scopePath),
      q.storeId ? sql`m.store_id = ${q.storeId}` : sql`true`,
      q.goodId ? sql`m.good_id = ${q.goodId}` : sql`true`,
    ],
    sql` and `,
  );
  return listPage(
    db,
    {
      select: sql`select m.*, g.name as good_name,
          (select x.display_name from users x where x.id = m.created_by) as operator_name
        from credit_stock_moves m join credit_goods g on g.id = m.good_id`,
      where,
      order: sql`x.occurred_on desc, x.created_at desc, x.id`,
      countFrom: sql`from credit_stock_moves m`,
    },
    q,
    (row) => {
      const r = row as MoveRow;
      return {
        id: r.id,
        goodId: r.good_id,
        goodName: r.good_name,
        kind: r.kind,
        quantity: r.quantity,
        donor: r.donor,
        valueFen: r.value_fen,
        reason: r.reason,
        occurredOn: r.occurred_on,
        redemptionId: r.redemption_id,
        stocktakeId: r.stocktake_id,
        operatorName: r.operator_name,
        createdAt: iso(r.created_at),
      };
    },
  );
};

// Redemptions

type RedemptionRow = {
  id: string;
  store_id: string;
  store_name: string;
  org_unit_id: string;
  org_unit_name: string;
  account_id: string;
  household_id: string;
  head_name: string | null;
  house_number: string | null;
  address: string;
  lines: CreditRedemption['lines'];
  total_points: number;
  balance_after: number;
  created_at: string;
  operator_name: string | null;
  transaction_id: string;
};

/** The household as a receipt or a public notice names it: 王*英（12号）. */
export const householdLabel = (headName: string | null, houseNumber: string | null, address: string) => {
  const who = headName ? maskName(headName) : address;
  return houseNumber ? `${who}（${houseNumber}）` : who;
};

const toRedemption = (r: RedemptionRow): CreditRedemption => ({
  id: r.id,
  storeId: r.store_id,
  storeName: r.store_name,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  accountId: r.account_id,
  householdId: r.household_id,
  householdLabel: householdLabel(r.head_name, r.house_number, r.address),
  lines: r.lines,
  totalPoints: r.total_points,
  balanceAfter: r.balance_after,
  redeemedAt: iso(r.created_at),
  operatorName: r.operator_name,
  transactionId: r.transaction_id,
});

const redemptionSelect = sql`select d.*, s.name as store_name, u.name as org_unit_name, h.house_number, h.address,
    ${headName} as head_name,
    (select x.display_name from users x where x.id = d.created_by) as operator_name
  from credit_redemptions d join sites s on s.id = d.store_id join org_units u on u.id = d.org_unit_id
  join households h on h.id = d.household_id`;

export const findRedemption = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await rowsOf<RedemptionRow>(
    db,
    sql`${redemptionSelect} where d.id = ${id} and ${scoped('d.org_path', scopePath)}`,
  );
  return row && toRedemption(row);
};

export const listRedemptionRows = (db: DbOrTx, scopePath: string, q: ListRedemptionsQuery) => {
  const where = sql.join(
    [
      scoped('d.org_path', scopePath),
      q.storeId ? sql`d.store_id = ${q.storeId}` : sql`true`,
      q.householdId ? sql`d.household_id = ${q.householdId}` : sql`true`,
      q.from ? sql`d.redeemed_on >= ${q.from}::date` : sql`true`,
      q.to ? sql`d.redeemed_on <= ${q.to}::date` : sql`true`,
    ],
    sql` and `,
  );
  return listPage(
    db,
    {
      select: redemptionSelect,
      where,
      order: sql`x.created_at desc, x.id`,
      countFrom: sql`from credit_redemptions d`,
    },
    q,
    (r) => toRedemption(r as RedemptionRow),
  );
};

// Stocktakes

type StocktakeRow = {
  id: string;
  store_id: string;
  store_name: string;
  org_unit_id: string;
  counted_on: string;
  lines: Stocktake['lines'];
  operator_name: string | null;
  created_at: string;
};

const toStocktake = (r: StocktakeRow): Stocktake => ({
  id: r.id,
  storeId: r.store_id,
  storeName: r.store_name,
  orgUnitId: r.org_unit_id,
  countedOn: r.counted_on,
  lines: r.lines,
  operatorName: r.operator_name,
  createdAt: iso(r.created_at),
});

const stocktakeSelect = sql`select k.*, s.name as store_name,
    (select x.display_name from users x where x.id = k.created_by) as operator_name
  from credit_stocktakes k join sites s on s.id = k.store_id`;

export const findStocktake = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await rowsOf<StocktakeRow>(
    db,
    sql`${stocktakeSelect} where k.id = ${id} and ${scoped('k.org_path', scopePath)}`,
  );
  return row && toStocktake(row);
};

export const listStocktakeRows = (
  db: DbOrTx,
  scopePath: string,
  q: { storeId?: string; page: number; pageSize: number },
) =>
  listPage(
    db,
    {
      select: stocktakeSelect,
      where: sql`${scoped('k.org_path', scopePath)} and k.deleted_at is null ${q.storeId ? sql`and k.store_id = ${q.storeId}` : sql``}`,
      order: sql`x.counted_on desc, x.id`,
      countFrom: sql`from credit_stocktakes k`,
    },
    q,
    (r) => toStocktake(r as StocktakeRow),
  );
