import type { TodoItem } from '../../../contracts/reports';
import {
  monthLabel,
  type TodoContext,
  type TodoProvider,
  todoTexts,
} from '../../kernel/indicators/todo-registry';

type Label = { zh: string; en: string };

type UnitCountTodo = {
  /** The indicator counted, and the provider's key. */
  key: string;
  kind: Label;
  level: (ctx: TodoContext) => TodoItem['level'];
  dueOn: (ctx: TodoContext) => string | null;
  detail: (n: number, ctx: TodoContext) => Label;
};

/**
 * One line per unit directly below the scope (or the scope itself, a village) whose count of `key` in
 * the period is above zero, each with its figure's source: the shape of every care to-do.
 */
const unitCountTodos = (t: UnitCountTodo): TodoProvider => ({
  key: t.key,
  indicatorKeys: [t.key],
  collect: async (ctx) => {
    const { reader, scope, units, period, today } = ctx;
    if (today < period.from) return [];
    const spec = { indicatorKey: t.key };
    const children = units.filter((u) => u.depth === scope.depth + 1);
    const counts = new Map<string, number>();
    if (children.length === 0) counts.set(scope.id, (await reader.value(spec, period))?.value ?? 0);
    else for (const [id, n] of await reader.byUnit(spec, period, 'orgUnit')) counts.set(id, n);
    const out: TodoItem[] = [];
    for (const [id, n] of counts) {
      const unit = units.find((u) => u.id === id);
      if (!unit || n <= 0) continue;
      out.push({
        id: `${t.key}:${id}:${period.from}`,
        provider: t.key,
        kind: t.kind,
        level: t.level(ctx),
        count: n,
        orgUnitId: id,
        orgUnitName: unit.name,
        dueOn: t.dueOn(ctx),
        ...todoTexts(unit.name, t.detail(n, ctx)),
        figure: {
          value: n,
          source: reader.sourceOf(id === scope.id ? spec : { ...spec, filters: { orgUnit: id } }, period),
        },
      });
    }
    return out;
  },
});

/**
 * 每月排查: every key person on the books is screened once a month (`care.missingScreenings`); `due`
 * while the month runs, `overdue` after.
 */
export const missingScreeningTodos = unitCountTodos({
  key: 'care.missingScreenings',
  kind: { zh: '重点人群月度排查', en: 'Monthly risk screening' },
  level: ({ today, period }) => (today > period.to ? 'overdue' : 'due'),
  dueOn: ({ period }) => period.to,
  detail: (n, ctx) => {
    const m = monthLabel(ctx.month);
    return {
      zh: `${m.zh}有${n}名重点人员尚未排查`,
      en: `${n} key ${n === 1 ? 'person' : 'people'} not screened in ${m.en}`,
    };
  },
});

/** 调解期限: a 12345 reply, a time limit or a 回访 that has run out (`care.casesOverdue`); always `overdue`. */
export const overdueCaseTodos = unitCountTodos({
  key: 'care.casesOverdue',
  kind: { zh: '调解期限', en: 'Mediation deadlines' },
  level: () => 'overdue',
  dueOn: () => null,
  detail: (n) => ({
    zh: `有${n}项调解期限已过（12345答复、调解期限或回访）`,
    en: `${n} mediation ${n === 1 ? 'deadline has' : 'deadlines have'} passed`,
  }),
});

/**
 * 走访逾期: pairings in force whose next visit (last visit or start plus the planned frequency) is past
 * (`care.visitsOverdue`); always `overdue`.
 */
export const overdueVisitTodos = unitCountTodos({
  key: 'care.visitsOverdue',
  kind: { zh: '结对走访', en: 'Pairing visits' },
  level: () => 'overdue',
  dueOn: () => null,
  detail: (n) => ({
    zh: `有${n}个结对帮扶对象已超过约定频次未走访`,
    en: `${n} paired ${n === 1 ? 'person is' : 'people are'} overdue for a visit`,
  }),
});

export const careTodoProviders: TodoProvider[] = [missingScreeningTodos, overdueCaseTodos, overdueVisitTodos];
