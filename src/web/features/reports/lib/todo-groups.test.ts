import { describe, expect, it } from 'vitest';
import type { TodoItem } from '../../../../contracts/reports';
import { groupTodos } from './todo-groups';

const todo = (provider: string, unit: string, level: TodoItem['level'], count = 1): TodoItem => ({
  id: `${provider}:${unit}`,
  provider,
  level,
  kind: { zh: provider, en: provider },
  title: { zh: `${unit}…`, en: `${unit}: …` },
  detail: { zh: '…', en: '…' },
  count,
  orgUnitId: unit,
  orgUnitName: unit,
  dueOn: null,
  figure: null,
});

describe('groupTodos', () => {
  it('groups by kind with the most urgent kind first and units by name inside', () => {
    const groups = groupTodos([
      todo('outreach', '青石村', 'due'),
      todo('rectify', '桃源村', 'overdue', 29),
      todo('outreach', '安乐村', 'due'),
      todo('inspect', '青石村', 'due'),
      todo('rectify', '安乐村', 'overdue', 3),
      todo('outreach', '白沙村', 'overdue'),
    ]);
    expect(groups.map((g) => [g.provider, g.level, g.items.length, g.count])).toEqual([
      // outreach holds an overdue item: it ranks with the overdue kinds, in the order the server gave.
      ['outreach', 'overdue', 3, 3],
      // Two villages' lines, 32 rectifications overdue in all.
      ['rectify', 'overdue', 2, 32],
      ['inspect', 'due', 1, 1],
    ]);
    expect(groups[0].items.map((i) => i.orgUnitName)).toEqual(['安乐村', '白沙村', '青石村']);
  });

  it('is empty without to-dos', () => {
    expect(groupTodos([])).toEqual([]);
  });
});
