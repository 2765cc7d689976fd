import type { TodoItem } from '../../../contracts/reports';
import { type TodoProvider, todoTexts } from '../../kernel/indicators/todo-registry';

/**
 * 待确认: deductions waiting for a second person's confirmation and awards waiting for 评议/公示,
 * one line for the scope while any is open (they do not count until someone acts).
 */
export const pendingCreditTodos: TodoProvider = {
  key: 'credits.pending',
  indicatorKeys: ['credits.pending'],
  collect: async (ctx) => {
    const { reader, scope, period, today } = ctx;
    const asOf = today < period.to ? { from: period.from, to: today } : period;
    const spec = { indicatorKey: 'credits.pending' };
    const v = await reader.value(spec, asOf);
    if (!v || v.value === 0) return [];
    const deductions = (
      await reader.value({ indicatorKey: 'credits.pending', filters: { kind: 'deduction' } }, asOf)
    )?.value;
    return [
      {
        id: `credits.pending:${scope.id}:${asOf.to}`,
        provider: 'credits.pending',
        kind: { zh: '积分待确认', en: 'Points awaiting confirmation' },
        level: 'due',
        orgUnitId: scope.id,
        orgUnitName: scope.name,
        dueOn: null,
        count: v.value,
        ...todoTexts(scope.name, {
          zh: `有${v.value}条积分记录待确认${deductions ? `（其中扣分${deductions}条，须由登记人以外的人确认）` : ''}`,
          en: `${v.value} credit entries await confirmation`,
        }),
        figure: v,
      },
    ];
  },
};

/** The calendar quarter holding `month` of `year`. */
const quarterOf = (year: number, month: number) => {
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  const last = first + 2;
  const end = new Date(Date.UTC(year, last, 0)).toISOString().slice(0, 10);
  return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: end, quarter: (first + 2) / 3 };
};

/**
 * 季度盘点 (渭源's 季度盘点制度, domain research §6): each unit with a credit store counts its stock
 * once a quarter. A line per unit whose stores have no stocktake in the quarter of the month asked
 * for: `due` while the quarter runs, `overdue` after.
 */
export const quarterlyStocktakeTodos: TodoProvider = {
  key: 'credits.stocktake',
  indicatorKeys: ['credits.stores', 'credits.stocktakes'],
  collect: async (ctx) => {
    const { reader, scope, units, year, month, today } = ctx;
    const q = quarterOf(year, month);
    if (today < q.from) return [];
    const out: TodoItem[] = [];
    const byDepth = async (level: 'orgUnit' | 'orgUnit2') => {
      const [stores, counts] = await Promise.all([
        reader.byUnit({ indicatorKey: 'credits.stores' }, q, level),
        reader.byUnit({ indicatorKey: 'credits.stocktakes' }, q, level),
      ]);
      return { stores, counts };
    };
    const check = (id: string, stores: number, counted: number) => {
      if (stores === 0 || counted > 0) return;
      const u = units.find((x) => x.id === id);
      if (!u) return;
      out.push({
        id: `credits.stocktake:${u.id}:${q.from}`,
        provider: 'credits.stocktake',
        kind: { zh: '信用超市季度盘点', en: 'Quarterly stocktake' },
        level: today > q.to ? 'overdue' : 'due',
        orgUnitId: u.id,
        orgUnitName: u.name,
        dueOn: q.to,
        count: 1,
        ...todoTexts(u.name, {
          zh: `第${q.quarter}季度信用超市尚未盘点`,
          en: `Credit store not counted in Q${q.quarter}`,
        }),
        figure: null,
      });
    };
    const own = await reader.value({ indicatorKey: 'credits.stores' }, q);
    const children = units.filter((u) => u.depth === scope.depth + 1);
    if (children.length === 0) {
      const counted = await reader.value({ indicatorKey: 'credits.stocktakes' }, q);
      check(scope.id, own?.value ?? 0, counted?.value ?? 0);
      return out;
    }
    for (const level of ['orgUnit', 'orgUnit2'] as const) {
      const depth = scope.depth + (level === 'orgUnit' ? 1 : 2);
      if (!units.some((u) => u.depth === depth)) continue;
      const { stores, counts } = await byDepth(level);
      for (const [id, n] of stores)
        if (units.find((u) => u.id === id)?.depth === depth) check(id, n, counts.get(id) ?? 0);
    }
    return out;
  },
};

export const creditTodoProviders: TodoProvider[] = [pendingCreditTodos, quarterlyStocktakeTodos];
