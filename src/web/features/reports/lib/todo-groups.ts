import type { TodoItem } from '../../../../contracts/reports';

type Label = { zh: string; en: string };

/** The to-dos of one kind (one provider): 每月宣讲未登记 · 3, the worst level first. */
export type TodoGroup = {
  provider: string;
  kind: Label;
  /** The most urgent level among its items. */
  level: TodoItem['level'];
  /** Its items, by unit name. */
  items: TodoItem[];
  /** How many things its items stand for (29 rectifications in one village's line count 29). */
  count: number;
};

const LEVEL_ORDER: Record<TodoItem['level'], number> = { overdue: 0, due: 1, info: 2 };

/**
 * Groups to-dos by kind: overdue kinds first, then due, then info; kinds of the same level in the order
 * they came (the server's order); inside a kind, units by name (zh-CN collation).
 */
export const groupTodos = (items: TodoItem[]): TodoGroup[] => {
  const by = new Map<string, TodoGroup>();
  for (const item of items) {
    const g = by.get(item.provider);
    if (!g) {
      by.set(item.provider, {
        provider: item.provider,
        kind: item.kind,
        level: item.level,
        items: [item],
        count: item.count,
      });
      continue;
    }
    g.items.push(item);
    g.count += item.count;
    if (LEVEL_ORDER[item.level] < LEVEL_ORDER[g.level]) g.level = item.level;
  }
  const groups = [...by.values()];
  for (const g of groups)
    g.items.sort((a, b) => (a.orgUnitName ?? '').localeCompare(b.orgUnitName ?? '', 'zh-CN'));
  return groups
    .map((g, n) => ({ g, n }))
    .sort((a, b) => LEVEL_ORDER[a.g.level] - LEVEL_ORDER[b.g.level] || a.n - b.n)
    .map(({ g }) => g);
};
