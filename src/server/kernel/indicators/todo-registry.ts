import { levelOf } from '../../../contracts/org';
import type { Period, TodoItem } from '../../../contracts/reports';
import type { IndicatorReader } from './indicator-reader';

export type ScopeUnit = { id: string; name: string; kind: string; path: string; depth: number };

/** The grassroots federations a town's to-dos are about: villages, 嘎查 and (urban) communities. */
export const isGrassroots = (u: { kind: string }) => levelOf(u.kind) === 'village';

/** What a to-do provider is given: the scope, the month asked for, and the indicator reader. */
export type TodoContext = {
  reader: IndicatorReader;
  scope: ScopeUnit;
  /** Live units in the scope's subtree (the scope itself included). */
  units: ScopeUnit[];
  year: number;
  month: number;
  period: Period;
  /** Today (Asia/Shanghai), to tell due from overdue. */
  today: string;
};

/**
 * A module's source of to-dos (活动: villages without a monthly 宣讲; 庭院: inspections not done,
 * rectifications overdue …). `indicatorKeys` are the indicators it needs: a provider whose
 * indicators are not all registered is skipped, so a module can ship its provider with its
 * indicators and light up when both are wired in app.ts.
 */
export type TodoProvider = {
  key: string;
  indicatorKeys: string[];
  collect: (ctx: TodoContext) => Promise<TodoItem[]>;
};

export type TodoRegistry = { list: () => TodoProvider[] };

type Label = { zh: string; en: string };

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A month's name in both languages: 12月 / December. */
export const monthLabel = (month: number): Label => ({ zh: `${month}月`, en: EN_MONTHS[month - 1] ?? '' });

/**
 * A to-do's texts from its detail (the sentence without the unit): the title names the unit first,
 * “青石村12月尚未登记宣讲” / “青石村: no outreach recorded for December”. The unit's name is user data.
 */
export const todoTexts = (unitName: string, detail: Label): { title: Label; detail: Label } => ({
  title: { zh: `${unitName}${detail.zh}`, en: `${unitName}: ${detail.en}` },
  detail,
});

export const createTodoRegistry = (providers: TodoProvider[]): TodoRegistry => {
  const keys = new Set<string>();
  for (const p of providers) {
    if (keys.has(p.key)) throw new Error(`to-do provider ${p.key} registered twice`);
    keys.add(p.key);
  }
  return { list: () => [...providers] };
};

const LEVEL_ORDER = { overdue: 0, due: 1, info: 2 } as const;

export const collectTodos = async (registry: TodoRegistry, ctx: TodoContext): Promise<TodoItem[]> => {
  const usable = registry.list().filter((p) => p.indicatorKeys.every((k) => ctx.reader.has(k)));
  const lists = await Promise.all(usable.map((p) => p.collect(ctx)));
  return lists
    .flat()
    .sort(
      (a, b) =>
        LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
        (a.orgUnitName ?? '').localeCompare(b.orgUnitName ?? '', 'zh-CN'),
    );
};
