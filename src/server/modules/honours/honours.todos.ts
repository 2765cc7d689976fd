import type { TodoItem } from '../../../contracts/reports';
import { isGrassroots, type TodoProvider, todoTexts } from '../../kernel/indicators/todo-registry';

/**
 * 履职未达标: executive members who missed a duty-rule period this year (from
 * `duties.compliance{status: behind}`), a to-do for the chair of each unit directly below the scope
 * (a village scope: her own members).
 */
export const dutiesBehindTodos: TodoProvider = {
  key: 'duties.behind',
  indicatorKeys: ['duties.compliance'],
  collect: async (ctx) => {
    const { reader, scope, units, year, period, today } = ctx;
    if (today < `${year}-01-01`) return [];
    const yearPeriod = { from: `${year}-01-01`, to: period.to };
    const spec = { indicatorKey: 'duties.compliance', filters: { status: 'behind' } };
    const counts = isGrassroots(scope)
      ? new Map([[scope.id, (await reader.value(spec, yearPeriod))?.value ?? 0]])
      : await reader.byUnit(spec, yearPeriod, 'orgUnit');
    const out: TodoItem[] = [];
    for (const u of [scope, ...units.filter((x) => x.depth === scope.depth + 1)]) {
      const n = counts.get(u.id) ?? 0;
      if (n === 0) continue;
      out.push({
        id: `duties.behind:${u.id}:${yearPeriod.to}`,
        provider: 'duties.behind',
        kind: { zh: '执委履职未达标', en: 'Executive members behind on duties' },
        level: 'overdue',
        ...todoTexts(u.name, {
          zh: `有${n}名执委履职未达标`,
          en: `${n} executive member(s) behind on duties`,
        }),
        count: n,
        orgUnitId: u.id,
        orgUnitName: u.name,
        dueOn: null,
        figure: {
          value: n,
          source: reader.sourceOf(
            {
              indicatorKey: spec.indicatorKey,
              filters: u.id === scope.id ? spec.filters : { ...spec.filters, orgUnit: u.id },
            },
            yearPeriod,
          ),
        },
      });
    }
    return out;
  },
};

export const honoursTodoProviders: TodoProvider[] = [dutiesBehindTodos];
