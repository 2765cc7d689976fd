import { FilterOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { Fragment, type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { QueryParams } from '../lib/api-client';
import { DATE_FORMAT } from '../lib/format';
import { useOrgScope } from '../lib/org-scope';
import { useIsPhone } from '../lib/use-is-phone';
import { DateField, DateRangeField } from './date-field';
import type { LedgerStatus } from './ledger-page';
import { OrgTreeSelect } from './org-tree-select';

const MONTH_FORMAT = 'YYYY-MM';

type Key<V> = Extract<keyof V, string>;
/** The filters whose value is a string (or unset): keyword, dates, months, units. */
type StringKey<V> = { [K in Key<V>]-?: V[K] extends string | undefined ? K : never }[Key<V>];
/** The filters whose value is a yes/no. */
type FlagKey<V> = { [K in Key<V>]-?: V[K] extends boolean | undefined ? K : never }[Key<V>];

type FilterKind =
  | 'search'
  | 'select'
  | 'period'
  | 'month'
  | 'unit'
  | 'check'
  | 'switch'
  | 'status'
  | 'custom';

type Common = {
  /** The zh-CN label (a placeholder in the compact bar). */
  label: string;
  /** Overrides `${idPrefix}-${key}`. */
  testId?: string;
  /** Minimum width in the labelled bar. */
  width?: number;
};

/**
 * One filter of a ledger, by kind:
 * - `search`: 关键字 searched on Enter or the button; stays in view on a phone
 * - `select`: one of `options`, cleared back to 全部
 * - `period`: a 开始日期 ~ 结束日期 range into two keys (`isOpenEnded`: either end may stay empty)
 * - `month`: a month (YYYY-MM), none after this one
 * - `unit`: a unit of the caller's org subtree
 * - `check` / `switch`: a yes/no
 * - `status`: 在用 (or the ledger's own `activeLabel`, e.g. 在册) / 已删除
 * - `custom`: any other picker, given its id, value and onChange
 */
export type LedgerFilter<V> =
  | { [K in StringKey<V>]: Common & { kind: 'search'; key: K; placeholder?: string } }[StringKey<V>]
  | {
      [K in Key<V>]: Common & {
        kind: 'select';
        key: K;
        options: { value: NonNullable<V[K]>; label: ReactNode }[];
        isSearchable?: boolean;
        isLoading?: boolean;
      };
    }[Key<V>]
  | (Common & {
      kind: 'period';
      from: StringKey<V>;
      to: StringKey<V>;
      isOpenEnded?: boolean;
      key?: never;
    })
  | { [K in StringKey<V>]: Common & { kind: 'month' | 'unit'; key: K } }[StringKey<V>]
  | { [K in FlagKey<V>]: Common & { kind: 'check' | 'switch'; key: K } }[FlagKey<V>]
  | (V extends { status: LedgerStatus }
      ? Omit<Common, 'label'> & { kind: 'status'; activeLabel?: string; key?: never }
      : never)
  | {
      [K in Key<V>]: Common & {
        kind: 'custom';
        key: K;
        render: (p: {
          id: string;
          value: V[K];
          onChange: (value: V[K]) => void;
          style?: React.CSSProperties;
          placeholder?: string;
          'data-testid': string;
        }) => ReactNode;
      };
    }[Key<V>];

const defaultWidth: Record<FilterKind, number> = {
  search: 200,
  select: 140,
  period: 0,
  month: 140,
  unit: 200,
  check: 0,
  switch: 0,
  status: 100,
  custom: 140,
};

const fieldKey = <V,>(f: LedgerFilter<V>): string =>
  f.kind === 'period' ? f.from : f.kind === 'status' ? 'status' : f.key;

const isSet = (v: unknown) => v !== undefined && v !== null && v !== '' && v !== false;
const differs = (a: unknown, b: unknown) => (isSet(a) || isSet(b) ? a !== b : false);

type ListState = { page: number; pageSize: number; sort?: string; resetPage: () => void };

export type LedgerFiltersState<V> = {
  values: V;
  defaults: V;
  /** The list request: the filters, the unit picked (else the chosen scope), the list's page and sort. */
  query: Omit<V, 'orgUnitId'> & { orgUnitId: string; page: number; pageSize: number; sort?: string };
  /** The same filters for the ledger's export link (no paging), so the export is what the list shows. */
  exportQuery: QueryParams;
  /** Sets some filters and goes back to page 1. */
  change: (patch: Partial<V>) => void;
  /** Some filter is off its default (for the empty text). */
  isFiltered: boolean;
};

/**
 * A ledger's filter values: `defaults` first, then those of `urlKeys` found in the address (and written back
 * to it on change, so a link can open the ledger filtered). Each change takes the list back to page 1.
 */
export const useLedgerFilters = <V extends object>(
  defaults: V,
  { list, urlKeys = [] }: { list: ListState; urlKeys?: StringKey<V>[] },
): LedgerFiltersState<V> => {
  const { scopeId } = useOrgScope();
  const [search, setSearch] = useSearchParams();
  const [initial] = useState(defaults);
  const [values, setValues] = useState<V>(() => {
    const fromUrl: Partial<Record<string, string>> = {};
    for (const k of urlKeys) {
      const v = search.get(k);
      if (v) fromUrl[k] = v;
    }
    return { ...defaults, ...fromUrl };
  });
  const { resetPage } = list;
  const urlKeyList = urlKeys.join(',');
  const change = useCallback(
    (patch: Partial<V>) => {
      setValues((v) => ({ ...v, ...patch }));
      resetPage();
      const synced = (urlKeyList ? urlKeyList.split(',') : []).filter((k) => k in patch);
      if (synced.length === 0) return;
      setSearch((s) => {
        const next = new URLSearchParams(s);
        for (const k of synced) {
          const v = patch[k as keyof V];
          if (typeof v === 'string' && v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      });
    },
    [resetPage, urlKeyList, setSearch],
  );
  const picked = (values as { orgUnitId?: string }).orgUnitId;
  const query = {
    ...values,
    orgUnitId: picked ?? scopeId,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  };
  const isFiltered = (Object.keys(values) as (keyof V)[]).some((k) => differs(values[k], initial[k]));
  const { page: _page, pageSize: _pageSize, sort: _sort, ...exportQuery } = query;
  return { values, defaults: initial, query, exportQuery: exportQuery as QueryParams, change, isFiltered };
};

type BarProps<V> = {
  /** Prefixes ids (`${idPrefix}-filter-${key}`) and test ids (`${idPrefix}-${key}`). */
  idPrefix: string;
  filters: LedgerFiltersState<V>;
  fields: LedgerFilter<V>[];
  /**
   * `form` (default): labelled, in a row that wraps; `compact`: placeholders for labels, two a row on a
   * phone.
   */
  variant?: 'form' | 'compact';
  /** On a phone, all but the keyword fold behind 筛选（n） (for ledgers with many filters). */
  isFoldedOnPhone?: boolean;
  testId?: string;
};

/** A ledger's filter row, from the filters it declares; see `useLedgerFilters` for the values. */
export const LedgerFilters = <V extends object>({
  idPrefix,
  filters,
  fields,
  variant = 'form',
  isFoldedOnPhone = false,
  testId,
}: BarProps<V>) => {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [isOpen, setOpen] = useState(false);
  const { values, defaults, change } = filters;
  const isForm = variant === 'form';
  const isFolded = isFoldedOnPhone && isPhone;
  const folded = fields.filter((f) => f.kind !== 'search');
  const activeCount = folded.filter((f) => {
    const k = fieldKey(f) as keyof V;
    return differs(values[k], defaults[k]);
  }).length;

  const control = (f: LedgerFilter<V>): ReactNode => {
    const key = fieldKey(f);
    const id = `${idPrefix}-filter-${key}`;
    const label = f.kind === 'status' ? t('people.field.status') : f.label;
    const common = {
      id,
      'data-testid': f.testId ?? `${idPrefix}-${f.kind === 'period' ? 'period' : key}`,
      ...(isForm ? { style: { minWidth: f.width ?? defaultWidth[f.kind] } } : { 'aria-label': label }),
    };
    const value = values[key as keyof V];
    const set = (v: unknown) => change({ [key]: v } as Partial<V>);
    const pickPlaceholder = isForm ? t('common.all') : label;
    switch (f.kind) {
      case 'search':
        return (
          <Input.Search
            {...common}
            allowClear
            enterButton={isForm}
            placeholder={f.placeholder ?? (isForm ? undefined : label)}
            defaultValue={value as string | undefined}
            onSearch={(q) => set(q.trim() || undefined)}
          />
        );
      case 'select':
        return (
          <Select
            {...common}
            allowClear
            showSearch={f.isSearchable ? { optionFilterProp: 'label' } : undefined}
            loading={f.isLoading}
            placeholder={pickPlaceholder}
            value={value}
            onChange={(v) => set(v ?? undefined)}
            options={f.options as { value: string; label: ReactNode }[]}
          />
        );
      case 'status':
        return (
          <Select
            {...common}
            value={value}
            onChange={set}
            options={[
              { value: 'active', label: f.activeLabel ?? t('ledger.status.active') },
              { value: 'deleted', label: t('people.status.deleted') },
            ]}
          />
        );
      case 'period': {
        const from = values[f.from] as string | undefined;
        const to = values[f.to] as string | undefined;
        const day = (d?: string) => (d ? dayjs(d, DATE_FORMAT) : null);
        return (
          <DateRangeField
            {...common}
            allowEmpty={f.isOpenEnded ? [true, true] : undefined}
            value={(f.isOpenEnded ? from || to : from && to) ? [day(from), day(to)] : null}
            onChange={(r) =>
              change({
                [f.from]: r?.[0]?.format(DATE_FORMAT),
                [f.to]: r?.[1]?.format(DATE_FORMAT),
              } as Partial<V>)
            }
          />
        );
      }
      case 'month':
        return (
          <DateField
            {...common}
            picker="month"
            notFuture
            placeholder={label}
            value={value ? dayjs(`${value as string}-01`) : null}
            onChange={(d) => set(d ? d.format(MONTH_FORMAT) : undefined)}
          />
        );
      case 'unit':
        return (
          <OrgTreeSelect
            {...common}
            allowClear
            placeholder={isForm ? t('common.all') : label}
            value={value as string | undefined}
            onChange={set}
          />
        );
      case 'check':
        return (
          <Checkbox
            id={id}
            data-testid={common['data-testid']}
            checked={value === true}
            onChange={(e) => set(e.target.checked || undefined)}
            className="bbt-touch"
          >
            {label}
          </Checkbox>
        );
      case 'switch':
        return (
          <Switch
            id={id}
            data-testid={common['data-testid']}
            aria-label={isForm ? undefined : label}
            checked={value === true}
            onChange={set}
          />
        );
      case 'custom':
        return f.render({
          ...common,
          placeholder: isForm ? undefined : label,
          value: value as never,
          onChange: set,
        });
    }
  };

  // The keyword stays in view; on a phone the 筛选 button after it shows or hides the rest.
  const shown = fields.filter((f) => f.kind === 'search' || !isFolded || isOpen);
  const lastSearch = shown.map((f) => f.kind).lastIndexOf('search');
  const foldButton = isFolded && (
    <Button
      key="fold"
      block
      icon={<FilterOutlined />}
      type={activeCount > 0 ? 'primary' : 'default'}
      ghost={activeCount > 0}
      onClick={() => setOpen((o) => !o)}
      aria-expanded={isOpen}
      data-testid={`${idPrefix}-more-filters`}
    >
      {activeCount > 0 ? t('ledger.filtersOn', { count: activeCount }) : t('ledger.filters')}
    </Button>
  );
  const withFold = <T,>(items: T[], fold: T) =>
    foldButton ? [...items.slice(0, lastSearch + 1), fold, ...items.slice(lastSearch + 1)] : items;

  if (!isForm) {
    return (
      <div className="bbt-filters-compact" data-testid={testId}>
        {withFold(
          shown.map((f) => <Fragment key={fieldKey(f)}>{control(f)}</Fragment>),
          foldButton,
        )}
      </div>
    );
  }
  return (
    <Form layout="inline" className="bbt-filters" data-testid={testId}>
      {withFold(
        shown.map((f) => {
          const key = fieldKey(f);
          // A checkbox carries its own label.
          const label =
            f.kind === 'check' ? undefined : f.kind === 'status' ? t('people.field.status') : f.label;
          return (
            <Form.Item key={key} label={label} htmlFor={label ? `${idPrefix}-filter-${key}` : undefined}>
              {control(f)}
            </Form.Item>
          );
        }),
        <Form.Item key="fold">{foldButton}</Form.Item>,
      )}
    </Form>
  );
};
