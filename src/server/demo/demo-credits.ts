import { sql } from 'drizzle-orm';
import { bulkInsert } from '../kernel/db/bulk';
import type { Tx } from '../kernel/db/connection';
import { uuidv7 } from '../kernel/db/ids';
import {
  creditAccounts,
  creditGoods,
  creditRedemptions,
  creditRules,
  creditStockMoves,
  creditStocktakes,
  creditTransactions,
} from '../modules/credits/credits.table';
import { seededRandom } from './demo-people';

type Unit = { id: string; path: string; name: string };
type RuleSpec = {
  item: string;
  category: string;
  points: number;
  owner: 'county' | 'town';
  isVariable?: boolean;
  needsReview?: boolean;
  capPoints?: number;
  capPeriod?: 'month';
  /** How often a household earns it in a month (0–1). */
  rate: number;
};

const RULES: RuleSpec[] = [
  {
    item: '志愿服务满4小时',
    category: 'volunteer',
    points: 1,
    owner: 'county',
    capPoints: 8,
    capPeriod: 'month',
    rate: 0.35,
  },
  { item: '庭院整洁、房前屋后无杂物', category: 'environment', points: 5, owner: 'town', rate: 0.45 },
  { item: '垃圾分类投放到位', category: 'environment', points: 3, owner: 'town', rate: 0.4 },
  { item: '参加村民大会、践行村规民约', category: 'villageRules', points: 2, owner: 'town', rate: 0.3 },
  {
    item: '好婆婆、好媳妇评议',
    category: 'familyVirtue',
    points: 20,
    owner: 'town',
    needsReview: true,
    rate: 0.03,
  },
  {
    item: '调解邻里、婆媳矛盾',
    category: 'mediation',
    points: 100,
    owner: 'town',
    isVariable: true,
    rate: 0.01,
  },
  { item: '邻里闹矛盾、恶语相向', category: 'negativeList', points: -10, owner: 'town', rate: 0.01 },
  { item: '红白事大操大办', category: 'negativeList', points: -20, owner: 'town', rate: 0.004 },
];

const GOODS: { name: string; unit: string; pointsPrice: number; unitValueFen: number }[] = [
  { name: '洗衣粉', unit: '袋', pointsPrice: 12, unitValueFen: 1200 },
  { name: '花生油', unit: '桶', pointsPrice: 58, unitValueFen: 5800 },
  { name: '毛巾', unit: '条', pointsPrice: 8, unitValueFen: 800 },
  { name: '酱油', unit: '瓶', pointsPrice: 10, unitValueFen: 1000 },
  { name: '大米', unit: '袋', pointsPrice: 30, unitValueFen: 3000 },
  { name: '儿童绘本', unit: '本', pointsPrice: 15, unitValueFen: 1500 },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/**
 * 信用积分 for a year in the demo town: the county's and the town's rule catalogue, an account for
 * every household of the villages with a 巾帼信用超市, monthly awards (and a few confirmed
 * deductions, the last ones still awaiting their second person), goods stocked by donation and
 * purchase, redemptions within each balance, and a stocktake every quarter. Balances equal the
 * sum of the counted entries; stock equals the sum of the moves.
 */
export const seedDemoCredits = async (
  tx: Tx,
  county: Unit,
  town: Unit,
  villages: Unit[],
  householdsByVillage: Map<string, string[]>,
  today: string,
  seed = 20260316,
) => {
  const r = seededRandom(seed);
  const [operator] = (
    await tx.execute(
      sql`select id from users where username = 'village' union all select id from users limit 1`,
    )
  ).rows as { id: string }[];
  const [confirmer] = (await tx.execute(sql`select id from users where username = 'town'`)).rows as {
    id: string;
  }[];
  const start = addDays(today, -364);
  const ruleRows = RULES.map((s) => {
    const owner = s.owner === 'county' ? county : town;
    return {
      spec: s,
      row: {
        id: uuidv7(),
        orgUnitId: owner.id,
        orgPath: owner.path,
        item: s.item,
        category: s.category,
        points: s.points,
        isVariable: s.isVariable ?? false,
        isEvidenceRequired: false,
        capPoints: s.capPoints ?? null,
        capPeriod: s.capPeriod ?? null,
        needsReview: s.needsReview ?? false,
        validFrom: `${start.slice(0, 4)}-01-01`,
        validTo: null,
        note: null,
        createdBy: operator?.id ?? null,
        updatedBy: operator?.id ?? null,
      },
    };
  });
  await bulkInsert(
    tx,
    creditRules,
    ruleRows.map((x) => x.row),
  );

  const stores = (
    await tx.execute(sql`select id, name, org_unit_id, org_path from sites where kind = 'creditStore'
      and deleted_at is null and org_unit_id in (${sql.join(
        villages.map((v) => sql`${v.id}::uuid`),
        sql`, `,
      )})`)
  ).rows as { id: string; name: string; org_unit_id: string; org_path: string }[];

  const accounts: (typeof creditAccounts.$inferInsert)[] = [];
  const entries: (typeof creditTransactions.$inferInsert)[] = [];
  const goods: (typeof creditGoods.$inferInsert)[] = [];
  const moves: (typeof creditStockMoves.$inferInsert)[] = [];
  const redemptions: (typeof creditRedemptions.$inferInsert)[] = [];
  const stocktakes: (typeof creditStocktakes.$inferInsert)[] = [];
  const by = operator?.id ?? null;

  for (const store of stores) {
    const village = villages.find((v) => v.id === store.org_unit_id) as Unit;
    const households = householdsByVillage.get(village.id) ?? [];
    // Goods on the shelf, stocked at the start by a donation and a purchase.
    const shelf = GOODS.map((g) => ({ id: uuidv7(), ...g, stock: 0 }));
    const move = (
      g: (typeof shelf)[number],
      kind: string,
      quantity: number,
      day: string,
      extra: Partial<typeof creditStockMoves.$inferInsert> = {},
    ) => {
      g.stock += quantity;
      moves.push({
        id: uuidv7(),
        goodId: g.id,
        storeId: store.id,
        orgUnitId: village.id,
        orgPath: village.path,
        kind,
        quantity,
        donor: null,
        valueFen: null,
        reason: null,
        occurredOn: day,
        redemptionId: null,
        stocktakeId: null,
        createdBy: by,
        updatedBy: by,
        ...extra,
      });
    };
    const restock = (day: string) =>
      shelf.forEach((g, i) => {
        const q = 20 + Math.floor(r() * 30);
        if (i % 2 === 0)
          move(g, 'donated', q, day, {
            donor: r() < 0.5 ? '县法院妇委会' : '青石镇爱心企业',
            valueFen: q * g.unitValueFen,
          });
        else move(g, 'bought', q, day, { valueFen: q * g.unitValueFen });
      });
    restock(start);

    const acc = households.map((householdId) => ({ id: uuidv7(), householdId, balance: 0 }));
    for (const a of acc)
      accounts.push({
        id: a.id,
        householdId: a.householdId,
        orgUnitId: village.id,
        orgPath: village.path,
        balance: 0,
        openedAt: `${start}T09:00:00+08:00`,
        createdBy: by,
        updatedBy: by,
      });
    const entry = (
      a: (typeof acc)[number],
      day: string,
      points: number,
      kind: string,
      status: string,
      extra: Partial<typeof creditTransactions.$inferInsert> = {},
    ) => {
      if (status === 'confirmed') a.balance += points;
      const id = uuidv7();
      entries.push({
        id,
        accountId: a.id,
        householdId: a.householdId,
        orgUnitId: village.id,
        orgPath: village.path,
        kind,
        status,
        points,
        ruleId: null,
        category: null,
        reason: null,
        occurredOn: day,
        photoId: null,
        sourceType: null,
        sourceId: null,
        reversalOf: null,
        redemptionId: null,
        balanceAfter: status === 'confirmed' ? a.balance : null,
        confirmedBy: status === 'confirmed' && points < 0 ? (confirmer?.id ?? null) : null,
        confirmedAt: status === 'confirmed' && points < 0 ? `${day}T16:00:00+08:00` : null,
        createdBy: by,
        updatedBy: by,
        ...extra,
      });
      return id;
    };

    for (let month = 0; month < 12; month++) {
      const monthStart = addDays(start, month * 30);
      const day = (n: number) => {
        const d = addDays(monthStart, n);
        return d > today ? today : d;
      };
      const isRecent = month === 11;
      for (const a of acc) {
        for (const { spec, row } of ruleRows) {
          if (r() >= spec.rate) continue;
          const points = spec.isVariable
            ? Math.max(10, Math.round((spec.points * (3 + Math.floor(r() * 8))) / 10))
            : spec.points;
          const used = spec.capPoints ? Math.min(points, spec.capPoints) : points;
          const isDeduction = used < 0;
          if (isDeduction && a.balance + used < 0) continue;
          const status = (isDeduction || spec.needsReview) && isRecent ? 'pending' : 'confirmed';
          entry(a, day(3 + Math.floor(r() * 20)), used, isDeduction ? 'deduction' : 'award', status, {
            ruleId: row.id,
            category: spec.category,
            reason: isDeduction ? '经网格员核实，村妇联执委会议讨论' : null,
          });
        }
        // Redemptions near the month's end, within the balance and the stock.
        if (a.balance >= 20 && r() < 0.35) {
          const basket: { g: (typeof shelf)[number]; quantity: number }[] = [];
          let total = 0;
          for (const g of shelf) {
            if (r() < 0.3 && g.stock > 0 && total + g.pointsPrice <= a.balance) {
              basket.push({ g, quantity: 1 });
              total += g.pointsPrice;
            }
          }
          if (basket.length === 0) continue;
          const redemptionId = uuidv7();
          const on = day(26);
          const transactionId = entry(a, on, -total, 'redemption', 'confirmed', {
            redemptionId,
            reason: basket.map((b) => `${b.g.name}×${b.quantity}`).join('、'),
          });
          for (const b of basket) move(b.g, 'redeemed', -b.quantity, on, { redemptionId });
          redemptions.push({
            id: redemptionId,
            storeId: store.id,
            accountId: a.id,
            householdId: a.householdId,
            orgUnitId: village.id,
            orgPath: village.path,
            lines: basket.map((b) => ({
              goodId: b.g.id,
              name: b.g.name,
              unit: b.g.unit,
              quantity: b.quantity,
              pointsPrice: b.g.pointsPrice,
              points: b.g.pointsPrice * b.quantity,
            })),
            totalPoints: total,
            balanceAfter: a.balance,
            transactionId,
            redeemedOn: on,
            createdAt: `${on}T10:30:00+08:00`,
            createdBy: by,
            updatedBy: by,
          });
        }
      }
      // Every third month: restock, then the quarter's stocktake (one good found damaged).
      if (month % 3 === 2) {
        restock(day(27));
        const stocktakeId = uuidv7();
        const counted = day(29);
        const lines = shelf.map((g, i) => {
          const difference = i === month % shelf.length && g.stock > 0 ? -1 : 0;
          return {
            goodId: g.id,
            name: g.name,
            expected: g.stock,
            counted: g.stock + difference,
            difference,
            reason: difference ? '受潮破损，报损' : null,
          };
        });
        for (const l of lines) {
          const g = shelf.find((x) => x.id === l.goodId) as (typeof shelf)[number];
          if (l.difference) move(g, 'stocktake', l.difference, counted, { stocktakeId, reason: l.reason });
        }
        stocktakes.push({
          id: stocktakeId,
          storeId: store.id,
          orgUnitId: village.id,
          orgPath: village.path,
          countedOn: counted,
          lines,
          createdBy: by,
          updatedBy: by,
        });
      }
    }
    for (const a of acc) {
      const row = accounts.find((x) => x.id === a.id);
      if (row) row.balance = a.balance;
    }
    for (const g of shelf)
      goods.push({
        id: g.id,
        storeId: store.id,
        orgUnitId: village.id,
        orgPath: village.path,
        name: g.name,
        unit: g.unit,
        pointsPrice: g.pointsPrice,
        unitValueFen: g.unitValueFen,
        photoId: null,
        stock: g.stock,
        createdAt: `${start}T08:00:00+08:00`,
        createdBy: by,
        updatedBy: by,
      });
  }
  await bulkInsert(tx, creditAccounts, accounts);
  await bulkInsert(tx, creditTransactions, entries);
  await bulkInsert(tx, creditGoods, goods);
  await bulkInsert(tx, creditStockMoves, moves);
  await bulkInsert(tx, creditRedemptions, redemptions);
  await bulkInsert(tx, creditStocktakes, stocktakes);
  return {
    creditRules: ruleRows.length,
    creditAccounts: accounts.length,
    creditEntries: entries.length,
    creditRedemptions: redemptions.length,
  };
};
