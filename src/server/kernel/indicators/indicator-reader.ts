import type { IndicatorValues } from '../../../contracts/indicators';
import type { FigureSource, FigureValue, Period } from '../../../contracts/reports';

type Label = { zh: string; en: string };

import type { Actor } from '../access/actor';
import type { DbOrTx } from '../db/connection';
import {
  computeIndicator,
  computeIndicatorMonthly,
  drillIndicator,
  type Indicator,
  type IndicatorRegistry,
} from './registry';

/** One number to read: an indicator restricted to dimension values (`orgUnit` → a child unit id). */
export type FigureSpec = { indicatorKey: string; filters?: Record<string, string> };

const UNIT_KEYS = new Set(['orgUnit', 'orgUnit2']);

/** `activities.sessions|type=outreach`: the same spec always gets the same id. */
export const specId = (spec: FigureSpec) => {
  const f = Object.entries(spec.filters ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return f ? `${spec.indicatorKey}|${f}` : spec.indicatorKey;
};

/** The grouping that answers a spec: the unit key first, then the dimension (`orgUnit,type`). */
const groupByOf = (filters: Record<string, string>) => {
  const keys = Object.keys(filters);
  const unit = keys.filter((k) => UNIT_KEYS.has(k));
  const dims = keys.filter((k) => !UNIT_KEYS.has(k));
  return [...unit, ...dims].join(',') || undefined;
};

/**
 * Reads figures for the reports module, from the indicator registry only. Every (indicator,
 * grouping, period) is computed once per reader and shared by all figures that need it, so a
 * dashboard of forty numbers runs a handful of grouped queries. Indicators that are not registered
 * (a module not installed yet) or that the user may not read are reported as unavailable, and the
 * figures that need them are left out.
 */
export const createIndicatorReader = (
  db: DbOrTx,
  registry: IndicatorRegistry,
  actor: Actor,
  scope: { orgUnitId: string; orgPath: string },
) => {
  const available = new Map<string, Indicator>();
  for (const i of registry.list()) if (actor.permissions.has(i.permission)) available.set(i.key, i);
  const cache = new Map<string, Promise<IndicatorValues>>();
  const monthlyCache = new Map<string, Promise<number[]>>();

  const has = (key: string) => available.has(key);
  const indicator = (key: string) => available.get(key) as Indicator;

  const grouped = (key: string, groupBy: string | undefined, period: Period) => {
    const k = `${key}|${groupBy ?? ''}|${period.from}|${period.to}`;
    let p = cache.get(k);
    if (!p) {
      p = computeIndicator(db, indicator(key), { ...period, scopePath: scope.orgPath, groupBy });
      cache.set(k, p);
    }
    return p;
  };

  const sourceOf = (spec: FigureSpec, period: Period): FigureSource => ({
    indicatorKey: spec.indicatorKey,
    filters: spec.filters ?? {},
    period,
    groupBy: groupByOf(spec.filters ?? {}) ?? null,
    orgUnitId: scope.orgUnitId,
  });

  /** The value of a spec over a period; undefined if its indicator is unavailable. */
  const value = async (spec: FigureSpec, period: Period): Promise<FigureValue | undefined> => {
    if (!has(spec.indicatorKey)) return undefined;
    const filters = spec.filters ?? {};
    const groupBy = groupByOf(filters);
    // The total of an additive measure grouped by a single-valued dimension is the plain total:
    // read it from that grouping (which the per-type figures need anyway) instead of a query of its own.
    const i = indicator(spec.indicatorKey);
    const totalVia =
      !groupBy && i.measure !== 'distinct'
        ? Object.entries(i.dimensions).find(([, d]) => !d.isMultiValued)?.[0]
        : undefined;
    const v = await grouped(spec.indicatorKey, groupBy ?? totalVia, period);
    if (!groupBy) return { value: v.total, source: sourceOf(spec, period) };
    const [k1, k2] = groupBy.split(',');
    const n = v.rows
      .filter((r) => r.group === filters[k1] && (!k2 || r.group2 === filters[k2]))
      .reduce((a, r) => a + r.value, 0);
    return { value: n, source: sourceOf(spec, period) };
  };

  /** Values per child unit (`orgUnit`) of a spec, as a map unit id → value. */
  const byUnit = async (spec: FigureSpec, period: Period, level: 'orgUnit' | 'orgUnit2' = 'orgUnit') => {
    const out = new Map<string, number>();
    if (!has(spec.indicatorKey)) return out;
    const dims = Object.entries(spec.filters ?? {});
    const groupBy = [level, ...dims.map(([k]) => k)].join(',');
    const v = await grouped(spec.indicatorKey, groupBy, period);
    for (const r of v.rows) {
      if (!r.group) continue;
      if (dims.length && r.group2 !== dims[0][1]) continue;
      out.set(r.group, (out.get(r.group) ?? 0) + r.value);
    }
    return out;
  };

  /** Twelve monthly values of a spec without filters (the trend chart). */
  const monthly = (key: string, year: number, throughMonth?: number) => {
    const k = `${key}|${year}|${throughMonth ?? 12}`;
    let p = monthlyCache.get(k);
    if (!p) {
      p = computeIndicatorMonthly(db, indicator(key), { year, scopePath: scope.orgPath, throughMonth });
      monthlyCache.set(k, p);
    }
    return p;
  };

  /** The records behind a spec (notable activities, new sites), from the indicator's own source. */
  const records = async (
    spec: FigureSpec,
    period: Period,
    opts: { order?: 'date' | 'amount'; recordDateFrom?: string; limit: number },
  ) => {
    if (!has(spec.indicatorKey)) return [];
    const [first, second] = Object.entries(spec.filters ?? {});
    const result = await drillIndicator(db, indicator(spec.indicatorKey), {
      ...period,
      scopePath: scope.orgPath,
      dimension: first?.[0],
      value: first?.[1],
      dimension2: second?.[0],
      value2: second?.[1],
      page: 1,
      pageSize: opts.limit,
      order: opts.order,
      recordDateFrom: opts.recordDateFrom,
    });
    return result.items;
  };

  /**
   * A dimension's value labels as the scope's county configured them (its own activity types, site
   * kinds, featured categories) over the built-in ones: what a column or a figure is called.
   */
  const labelCache = new Map<string, Promise<Record<string, Label>>>();
  const valueLabels = (key: string, dim: string): Promise<Record<string, Label>> => {
    const d = has(key) ? indicator(key).dimensions[dim] : undefined;
    if (!d) return Promise.resolve({});
    const k = `${key}|${dim}`;
    let p = labelCache.get(k);
    if (!p) {
      p = d.valuesFor
        ? d.valuesFor(db, scope.orgPath).then((v) => ({ ...d.values, ...v }))
        : Promise.resolve(d.values);
      labelCache.set(k, p);
    }
    return p;
  };

  return { has, indicator, value, byUnit, monthly, records, grouped, sourceOf, valueLabels, scope };
};
export type IndicatorReader = ReturnType<typeof createIndicatorReader>;
