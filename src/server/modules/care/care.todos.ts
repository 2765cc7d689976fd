import type { TodoItem } from '../../../contracts/reports';
import { monthLabel, type TodoProvider, todoTexts } from '../../kernel/indicators/todo-registry';

/**
 * 每月排查: every key person on the books is screened once a month. One line per unit directly
 * below the scope (or the scope itself, a village) with key people not yet screened in the month
 * asked for (`care.missingScreenings`); `due` while the month runs, `overdue` after.
 */
export const missingScreeningTodos: TodoProvider = {
  key: 'care.missingScreenings',
  indicatorKeys: ['care.missingScreenings'],
  collect: async (ctx) => {
    const { reader, scope, units, period, today } = ctx;
    if (today < period.from) return [];
    const spec = { indicatorKey: 'care.missingScreenings' };
    const children = units.filter((u) => u.depth === scope.depth + 1);
    const counts = new Map<string, number>();
    if (children.length === 0) counts.set(scope.id, (await reader.value(spec, period))?.value ?? 0);
    else for (const [id, n] of await reader.byUnit(spec, period, 'orgUnit')) counts.set(id, n);
    const m = monthLabel(ctx.month);
    const out: TodoItem[] = [];
    for (const [id, n] of counts) {
      const unit = units.find((u) => u.id === id);
      if (!unit || n <= 0) continue;
      out.push({
        id: `care.missingScreenings:${id}:${period.from}`,
        provider: 'care.missingScreenings',
        kind: { zh: '重点人群月度排查', en: 'Monthly risk screening' },
        level: today > period.to ? 'overdue' : 'due',
        count: n,
        orgUnitId: id,
        orgUnitName: unit.name,
        dueOn: period.to,
        ...todoTexts(unit.name, {
          zh: `${m.zh}有${n}名重点人员尚未排查`,
          en: `${n} key ${n === 1 ? 'person' : 'people'} not screened in ${m.en}`,
        }),
        figure: {
          value: n,
          source: reader.sourceOf(id === scope.id ? spec : { ...spec, filters: { orgUnit: id } }, period),
        },
      });
    }
    return out;
  },
};

/**
 * 调解期限: a 12345 reply, a time limit or a 回访 that has run out (`care.casesOverdue`), one line per
 * unit below the scope with the number of clocks run out; always `overdue`.
 */
export const overdueCaseTodos: TodoProvider = {
  key: 'care.casesOverdue',
  indicatorKeys: ['care.casesOverdue'],
  collect: async (ctx) => {
    const { reader, scope, units, period, today } = ctx;
    if (today < period.from) return [];
    const spec = { indicatorKey: 'care.casesOverdue' };
    const children = units.filter((u) => u.depth === scope.depth + 1);
    const counts = new Map<string, number>();
    if (children.length === 0) counts.set(scope.id, (await reader.value(spec, period))?.value ?? 0);
    else for (const [id, n] of await reader.byUnit(spec, period, 'orgUnit')) counts.set(id, n);
    const out: TodoItem[] = [];
    for (const [id, n] of counts) {
      const unit = units.find((u) => u.id === id);
      if (!unit || n <= 0) continue;
      out.push({
        id: `care.casesOverdue:${id}:${period.from}`,
        provider: 'care.casesOverdue',
        kind: { zh: '调解期限', en: 'Mediation deadlines' },
        level: 'overdue',
        count: n,
        orgUnitId: id,
        orgUnitName: unit.name,
        dueOn: null,
        ...todoTexts(unit.name, {
          zh: `有${n}项调解期限已过（12345答复、调解期限或回访）`,
          en: `${n} mediation ${n === 1 ? 'deadline has' : 'deadlines have'} passed`,
        }),
        figure: {
          value: n,
          source: reader.sourceOf(id === scope.id ? spec : { ...spec, filters: { orgUnit: id } }, period),
        },
      });
    }
    return out;
  },
};

/**
 * 走访逾期: pairings in force whose next visit (last visit or start plus the planned frequency) is
 * past (`care.visitsOverdue`), one line per unit below the scope with how many; always `overdue`.
 */
export const overdueVisitTodos: TodoProvider = {
  key: 'care.visitsOverdue',
  indicatorKeys: ['care.visitsOverdue'],
  collect: async (ctx) => {
    const { reader, scope, units, period, today } = ctx;
    if (today < period.from) return [];
    const spec = { indicatorKey: 'care.visitsOverdue' };
    const children = units.filter((u) => u.depth === scope.depth + 1);
    const counts = new Map<string, number>();
    if (children.length === 0) counts.set(scope.id, (await reader.value(spec, period))?.value ?? 0);
    else for (const [id, n] of await reader.byUnit(spec, period, 'orgUnit')) counts.set(id, n);
    const out: TodoItem[] = [];
    for (const [id, n] of counts) {
      const unit = units.find((u) => u.id === id);
      if (!unit || n <= 0) continue;
      out.push({
        id: `care.visitsOverdue:${id}:${period.from}`,
        provider: 'care.visitsOverdue',
        kind: { zh: '结对走访', en: 'Pairing visits' },
        level: 'overdue',
        count: n,
        orgUnitId: id,
        orgUnitName: unit.name,
        dueOn: null,
        ...todoTexts(unit.name, {
          zh: `有${n}个结对帮扶对象已超过约定频次未走访`,
          en: `${n} paired ${n === 1 ? 'person is' : 'people are'} overdue for a visit`,
        }),
        figure: {
          value: n,
          source: reader.sourceOf(id === scope.id ? spec : { ...spec, filters: { orgUnit: id } }, period),
        },
      });
    }
    return out;
  },
};

export const careTodoProviders: TodoProvider[] = [missingScreeningTodos, overdueCaseTodos, overdueVisitTodos];
