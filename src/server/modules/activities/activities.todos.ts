import type { TodoItem } from '../../../contracts/reports';
import type { TodoProvider } from '../reports/todo-registry';

/**
 * 每月宣讲: every village records at least one 宣讲 a month. Lists the villages of the scope with
 * no `activities.sessions{type: outreach}` in the month asked for (read grouped by unit, one query);
 * `due` while the month runs, `overdue` once it is over. A county sees one line per town.
 */
export const monthlyOutreachTodos: TodoProvider = {
  key: 'activities.monthlyOutreach',
  indicatorKeys: ['activities.sessions'],
  collect: async ({ reader, scope, units, period, today, month }) => {
    if (today < period.from) return [];
    const level = today > period.to ? 'overdue' : 'due';
    const villages = units.filter((u) => u.kind === 'village');
    if (villages.length === 0) return [];
    const spec = { indicatorKey: 'activities.sessions', filters: { type: 'outreach' } };
    const figureOf = (filters: Record<string, string>, value: number) => ({
      value,
      source: reader.sourceOf({ indicatorKey: spec.indicatorKey, filters }, period),
    });
    const item = (
      u: { id: string; name: string },
      title: string,
      value: number,
      filters: Record<string, string>,
    ): TodoItem => ({
      id: `activities.monthlyOutreach:${u.id}:${period.from}`,
      provider: 'activities.monthlyOutreach',
      level,
      title,
      orgUnitId: u.id,
      orgUnitName: u.name,
      dueOn: period.to,
      figure: figureOf(filters, value),
    });
    const depthBelow = (u: { depth: number }) => u.depth - scope.depth;
    // The scope is itself a village.
    if (villages.length === 1 && villages[0].id === scope.id) {
      const v = await reader.value(spec, period);
      return v && v.value === 0 ? [item(scope, `${scope.name}${month}月尚未登记宣讲`, 0, spec.filters)] : [];
    }
    const direct = villages.filter((v) => depthBelow(v) === 1);
    const grand = villages.filter((v) => depthBelow(v) === 2);
    const out: TodoItem[] = [];
    if (direct.length) {
      const counts = await reader.byUnit(spec, period, 'orgUnit');
      for (const v of direct) {
        if ((counts.get(v.id) ?? 0) === 0)
          out.push(item(v, `${v.name}${month}月尚未登记宣讲`, 0, { orgUnit: v.id, type: 'outreach' }));
      }
    }
    if (grand.length) {
      const counts = await reader.byUnit(spec, period, 'orgUnit2');
      const missingByParent = new Map<string, number>();
      for (const v of grand) {
        if ((counts.get(v.id) ?? 0) > 0) continue;
        const parentId = v.path.split('/').filter(Boolean)[scope.depth + 1];
        missingByParent.set(parentId, (missingByParent.get(parentId) ?? 0) + 1);
      }
      for (const [parentId, n] of missingByParent) {
        const parent = units.find((u) => u.id === parentId);
        if (!parent) continue;
        out.push({
          ...item(parent, `${parent.name}有${n}个村${month}月尚未登记宣讲`, n, {
            orgUnit: parent.id,
            type: 'outreach',
          }),
          figure: null,
        });
      }
    }
    return out;
  },
};

export const activityTodoProviders: TodoProvider[] = [monthlyOutreachTodos];
