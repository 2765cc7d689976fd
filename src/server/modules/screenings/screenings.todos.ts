import type { TodoItem } from '../../../contracts/reports';
import {
  isGrassroots,
  type TodoContext,
  type TodoProvider,
  todoTexts,
} from '../../kernel/indicators/todo-registry';

type Unit = TodoContext['units'][number];

/** The villages directly below the scope (a town's villages), or the scope itself if it is one. */
const villagesOf = ({ scope, units }: TodoContext): Unit[] =>
  isGrassroots(scope) ? [scope] : units.filter((u) => isGrassroots(u) && u.depth === scope.depth + 1);

/**
 * 两癌筛查异常待随访: per village, the women whose result needs further examination and whose
 * follow-up is not recorded as done (`cancerScreening.followUps` as of today, one query).
 */
export const screeningFollowUpTodos: TodoProvider = {
  key: 'screenings.followUps',
  indicatorKeys: ['cancerScreening.followUps'],
  collect: async (ctx) => {
    const { reader, today } = ctx;
    const villages = villagesOf(ctx);
    if (villages.length === 0) return [];
    const spec = { indicatorKey: 'cancerScreening.followUps', filters: {} };
    const period = { from: today, to: today };
    const isScopeVillage = isGrassroots(ctx.scope);
    const byVillage = isScopeVillage ? null : await reader.byUnit(spec, period, 'orgUnit');
    const out: TodoItem[] = [];
    for (const v of villages) {
      const n = byVillage ? (byVillage.get(v.id) ?? 0) : ((await reader.value(spec, period))?.value ?? 0);
      if (n === 0) continue;
      out.push({
        id: `screenings.followUps:${v.id}`,
        provider: 'screenings.followUps',
        kind: { zh: '两癌筛查异常待随访', en: 'Screening follow-ups due' },
        level: 'due',
        ...todoTexts(v.name, {
          zh: `两癌筛查异常待随访${n}人`,
          en: `${n} abnormal screening ${n === 1 ? 'result awaits' : 'results await'} follow-up`,
        }),
        count: n,
        orgUnitId: v.id,
        orgUnitName: v.name,
        dueOn: null,
        figure: {
          value: n,
          source: reader.sourceOf(
            { indicatorKey: spec.indicatorKey, filters: isScopeVillage ? {} : { orgUnit: v.id } },
            period,
          ),
        },
      });
    }
    return out;
  },
};

export const screeningTodoProviders: TodoProvider[] = [screeningFollowUpTodos];
