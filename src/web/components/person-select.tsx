import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListResult } from '../../contracts/common/paging';
import type { Person } from '../../contracts/people';
import { api } from '../lib/api-client';
import { useDebounced } from '../lib/use-debounced';

type Option = { value: string; label: string };

type Props = {
  id?: string;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  /** Only persons of this unit's subtree; without it the picker is disabled when `requireUnit`. */
  orgUnitId: string | undefined;
  requireUnit?: boolean;
  isMultiple?: boolean;
  /** Labels of the current value(s), shown before the search has loaded them. */
  known?: Option[];
  placeholder?: string;
  /** Only persons of this sex (两癌筛查 picks women). */
  gender?: 'female' | 'male';
  'data-testid'?: string;
};

/** A searchable picker over persons (name or pinyin), single or multiple. */
export const PersonSelect = ({
  id,
  value,
  onChange,
  orgUnitId,
  requireUnit,
  isMultiple,
  known = [],
  placeholder,
  gender,
  ...rest
}: Props) => {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const isEnabled = !requireUnit || Boolean(orgUnitId);
  const params = { orgUnitId, q: q || undefined, gender, status: 'active', pageSize: 30, sort: 'name' };
  const persons = useQuery({
    queryKey: ['people', 'persons', 'list', params],
    queryFn: ({ signal }) => api.get<ListResult<Person>>('/api/v1/people/persons', params, signal),
    enabled: isEnabled,
  });
  // Remember labels of everything seen, so chosen persons keep their names while the search moves on.
  const [seen, setSeen] = useState<Record<string, string>>({});
  useEffect(() => {
    const items = persons.data?.items;
    if (!items?.length) return;
    setSeen((s) => {
      const next = { ...s };
      for (const p of items) next[p.id] = p.name;
      return next;
    });
  }, [persons.data]);

  const options = useMemo(() => {
    const list: Option[] = (persons.data?.items ?? []).map((p) => ({
      value: p.id,
      label: p.orgUnitName ? `${p.name}（${p.orgUnitName}）` : p.name,
    }));
    const chosen = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
    for (const v of chosen) {
      if (list.some((o) => o.value === v)) continue;
      const label = known.find((k) => k.value === v)?.label ?? seen[v];
      if (label) list.unshift({ value: v, label });
    }
    return list;
  }, [persons.data, value, known, seen]);

  return (
    <Select<string | string[]>
      id={id}
      mode={isMultiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      disabled={!isEnabled}
      loading={persons.isFetching}
      options={options}
      placeholder={
        isEnabled ? (placeholder ?? t('ledger.person.placeholder')) : t('ledger.person.pickUnitFirst')
      }
      notFoundContent={persons.isError ? t('common.loadFailed') : t('common.empty')}
      onClear={() => setSearch('')}
      data-testid={rest['data-testid']}
    />
  );
};
