import type { TodoItem } from '../../../contracts/reports';
import type { FigureSpec } from '../../kernel/indicators/indicator-reader';
import {
  isGrassroots,
  monthLabel,
  type ScopeUnit,
  type TodoContext,
  type TodoProvider,
  todoTexts,
} from '../../kernel/indicators/todo-registry';

type Label = { zh: string; en: string };

/**
 * Per village of the scope, the value of `spec` in the month (one grouped query: by `orgUnit`
 * when the villages are the scope's children, `orgUnit2` when they are its grandchildren).
 */
const perVillage = async (ctx: TodoContext, spec: FigureSpec, villages: ScopeUnit[]) => {
  const out = new Map<string, number>();
  const { reader, scope, period } = ctx;
  if (villages.length === 1 && villages[0].id === scope.id) {
    out.set(scope.id, (await reader.value(spec, period))?.value ?? 0);
    return out;
  }
  for (const level of ['orgUnit', 'orgUnit2'] as const) {
    const depth = scope.depth + (level === 'orgUnit' ? 1 : 2);
    const at = villages.filter((v) => v.depth === depth);
    if (at.length === 0) continue;
    const counts = await reader.byUnit(spec, period, level);
    for (const v of at) out.set(v.id, counts.get(v.id) ?? 0);
  }
  return out;
};

/**
 * To-do lines for the villages in `missing`: one per village when they are the scope or its
 * children, one per town (“桃源镇有5个村…”) when the scope is a county.
 */
const lines = (
  ctx: TodoContext,
  provider: string,
  kind: Label,
  missing: ScopeUnit[],
  what: Label,
  spec: FigureSpec,
): TodoItem[] => {
  const m = monthLabel(ctx.month);
  const { scope, units, period, today, reader } = ctx;
  const level: TodoItem['level'] = today > period.to ? 'overdue' : 'due';
  const base = (u: { id: string; name: string }) => ({
    id: `${provider}:${u.id}:${period.from}`,
    provider,
    kind,
    level,
    orgUnitId: u.id,
    orgUnitName: u.name,
    dueOn: period.to,
    count: 1,
  });
  const out: TodoItem[] = [];
  const byTown = new Map<string, number>();
  for (const v of missing) {
    if (v.depth - scope.depth <= 1) {
      out.push({
        ...base(v),
        ...todoTexts(v.name, { zh: `${m.zh}尚未登记${what.zh}`, en: `No ${what.en} recorded for ${m.en}` }),
        figure: {
          value: 0,
          source: reader.sourceOf(
            { ...spec, filters: v.id === scope.id ? spec.filters : { orgUnit: v.id, ...spec.filters } },
            period,
          ),
        },
      });
      continue;
    }
    const townId = v.path.split('/').filter(Boolean)[scope.depth + 1];
    byTown.set(townId, (byTown.get(townId) ?? 0) + 1);
  }
  for (const [townId, n] of byTown) {
    const town = units.find((u) => u.id === townId);
    if (town)
      out.push({
        ...base(town),
        count: n,
        ...todoTexts(town.name, {
          zh: `有${n}个村${m.zh}尚未登记${what.zh}`,
          en: `${n} ${n === 1 ? 'village has' : 'villages have'} no ${what.en} recorded for ${m.en}`,
        }),
        figure: null,
      });
  }
  return out;
};

/**
 * 每月宣讲: every village records at least one 宣讲 a month. Lists the villages of the scope with
 * no `activities.sessions{type: outreach}` in the month asked for; `due` while the month runs,
 * `overdue` once it is over. A county sees one line per town.
 */
export const monthlyOutreachTodos: TodoProvider = {
  key: 'activities.monthlyOutreach',
  indicatorKeys: ['activities.sessions'],
  collect: async (ctx) => {
    if (ctx.today < ctx.period.from) return [];
    const villages = ctx.units.filter(isGrassroots);
    if (villages.length === 0) return [];
    const spec = { indicatorKey: 'activities.sessions', filters: { type: 'outreach' } };
    const counts = await perVillage(ctx, spec, villages);
    const missing = villages.filter((v) => counts.has(v.id) && counts.get(v.id) === 0);
    return lines(
      ctx,
      'activities.monthlyOutreach',
      { zh: '每月宣讲未登记', en: 'Monthly outreach missing' },
      missing,
      { zh: '宣讲', en: 'outreach' },
      spec,
    );
  },
};

/**
 * 护林防火期 (taken here as October to May — many provinces set 10月/11月 to 次年5月/6月; an
 * inference, not a rule found in one source): a village that has 巾帼林长 (`people.roleHolders
 * {role: forestChief}` at the month's end) records patrols every month of the season. Lists those
 * with no `patrols.count` in the month.
 */
export const FIRE_SEASON_MONTHS = [10, 11, 12, 1, 2, 3, 4, 5];

export const monthlyPatrolTodos: TodoProvider = {
  key: 'patrols.monthly',
  indicatorKeys: ['patrols.count', 'people.roleHolders'],
  collect: async (ctx) => {
    if (ctx.today < ctx.period.from || !FIRE_SEASON_MONTHS.includes(ctx.month)) return [];
    const villages = ctx.units.filter(isGrassroots);
    if (villages.length === 0) return [];
    const spec = { indicatorKey: 'patrols.count' };
    const [chiefs, patrols] = await Promise.all([
      perVillage(ctx, { indicatorKey: 'people.roleHolders', filters: { role: 'forestChief' } }, villages),
      perVillage(ctx, spec, villages),
    ]);
    const missing = villages.filter((v) => (chiefs.get(v.id) ?? 0) > 0 && patrols.get(v.id) === 0);
    return lines(
      ctx,
      'patrols.monthly',
      { zh: '护林防火巡查未登记', en: 'Forest-fire patrols missing' },
      missing,
      { zh: '护林防火巡查', en: 'forest-fire patrol' },
      spec,
    );
  },
};

export const activityTodoProviders: TodoProvider[] = [monthlyOutreachTodos, monthlyPatrolTodos];
