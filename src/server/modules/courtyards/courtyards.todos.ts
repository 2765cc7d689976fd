import type { TodoItem } from '../../../contracts/reports';
import {
  isGrassroots,
  monthLabel,
  type TodoContext,
  type TodoProvider,
  todoTexts,
} from '../../kernel/indicators/todo-registry';

/** Since the programme could have begun: an overdue rectification stays a to-do until it is fixed. */
const SINCE_EVER = '2000-01-01';

type Unit = TodoContext['units'][number];

/** The villages directly below the scope (a town's villages), or the scope itself if it is one. */
const villagesOf = ({ scope, units }: TodoContext): Unit[] =>
  isGrassroots(scope) ? [scope] : units.filter((u) => isGrassroots(u) && u.depth === scope.depth + 1);

/**
 * 月底入户: every village's households are inspected each month. Lists the villages with no monthly
 * inspection recorded in the month (`courtyards.inspections{kind: monthly}` by village, one query);
 * `due` while the month runs, `overdue` once it is over. Only villages already in the programme
 * (inspected at least once in the year) are expected to inspect.
 */
export const monthlyInspectionTodos: TodoProvider = {
  key: 'courtyards.monthlyInspection',
  indicatorKeys: ['courtyards.inspections'],
  collect: async (ctx) => {
    const { reader, period, today, month, year } = ctx;
    const m = monthLabel(month);
    if (today < period.from) return [];
    const villages = villagesOf(ctx);
    if (villages.length === 0) return [];
    const level = today > period.to ? 'overdue' : 'due';
    const spec = { indicatorKey: 'courtyards.inspections', filters: { kind: 'monthly' } };
    const yearPeriod = { from: `${year}-01-01`, to: period.to };
    const [thisMonth, thisYear] = await Promise.all([
      reader.byUnit(spec, period, 'orgUnit'),
      reader.byUnit(spec, yearPeriod, 'orgUnit'),
    ]);
    const isScopeVillage = isGrassroots(ctx.scope);
    const countOf = async (m: Map<string, number>, p: typeof period, v: Unit) =>
      isScopeVillage ? ((await reader.value(spec, p))?.value ?? 0) : (m.get(v.id) ?? 0);
    const out: TodoItem[] = [];
    for (const v of villages) {
      if ((await countOf(thisYear, yearPeriod, v)) === 0) continue;
      if ((await countOf(thisMonth, period, v)) > 0) continue;
      out.push({
        id: `courtyards.monthlyInspection:${v.id}:${period.from}`,
        provider: 'courtyards.monthlyInspection',
        kind: { zh: '月底入户验收未开展', en: 'Monthly inspection not done' },
        level,
        ...todoTexts(v.name, {
          zh: `${m.zh}尚未开展美丽庭院入户验收`,
          en: `No courtyard inspection for ${m.en}`,
        }),
        count: 1,
        orgUnitId: v.id,
        orgUnitName: v.name,
        dueOn: period.to,
        figure: {
          value: 0,
          source: reader.sourceOf(
            {
              indicatorKey: spec.indicatorKey,
              filters: isScopeVillage ? spec.filters : { ...spec.filters, orgUnit: v.id },
            },
            period,
          ),
        },
      });
    }
    return out;
  },
};

/** 整改逾期: rectifications past their deadline and not fixed, counted per village. */
export const overdueRectificationTodos: TodoProvider = {
  key: 'courtyards.overdueRectifications',
  indicatorKeys: ['courtyards.rectifications'],
  collect: async (ctx) => {
    const { reader, today } = ctx;
    const villages = villagesOf(ctx);
    if (villages.length === 0) return [];
    const spec = { indicatorKey: 'courtyards.rectifications', filters: { status: 'overdue' } };
    const period = { from: SINCE_EVER, to: today };
    const isScopeVillage = isGrassroots(ctx.scope);
    const byVillage = isScopeVillage ? null : await reader.byUnit(spec, period, 'orgUnit');
    const out: TodoItem[] = [];
    for (const v of villages) {
      const n = byVillage ? (byVillage.get(v.id) ?? 0) : ((await reader.value(spec, period))?.value ?? 0);
      if (n === 0) continue;
      out.push({
        id: `courtyards.overdueRectifications:${v.id}`,
        provider: 'courtyards.overdueRectifications',
        kind: { zh: '整改逾期', en: 'Overdue rectifications' },
        level: 'overdue',
        ...todoTexts(v.name, {
          zh: `有${n}项美丽庭院整改已逾期`,
          en: `${n} courtyard ${n === 1 ? 'rectification is' : 'rectifications are'} overdue`,
        }),
        count: n,
        orgUnitId: v.id,
        orgUnitName: v.name,
        dueOn: null,
        figure: {
          value: n,
          source: reader.sourceOf(
            {
              indicatorKey: spec.indicatorKey,
              filters: isScopeVillage ? spec.filters : { ...spec.filters, orgUnit: v.id },
            },
            period,
          ),
        },
      });
    }
    return out;
  },
};

export const courtyardTodoProviders: TodoProvider[] = [monthlyInspectionTodos, overdueRectificationTodos];
