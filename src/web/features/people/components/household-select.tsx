import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../../lib/use-debounced';
import { useHouseholds } from '../api/list-households';
import { householdLabel } from '../lib/person-format';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** Only households of this unit: a person and her household must be in the same village. */
  orgUnitId: string | undefined;
  /** The label of the current value, shown before the search has loaded it. */
  currentLabel?: string | null;
  'data-testid'?: string;
};

/** A searchable picker over the unit's households (address, house number or a member's name). */
export const HouseholdSelect = ({ id, value, onChange, orgUnitId, currentLabel, ...rest }: Props) => {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const households = useHouseholds(
    { orgUnitId, q: q || undefined, status: 'active', pageSize: 30, sort: 'address' },
    Boolean(orgUnitId),
  );

  const options = useMemo(() => {
    const list = (households.data?.items ?? [])
      .filter((h) => h.orgUnitId === orgUnitId)
      .map((h) => ({
        value: h.id,
        label: h.headName
          ? t('people.household.option', { label: householdLabel(h), head: h.headName })
          : householdLabel(h),
      }));
    if (value && currentLabel && !list.some((o) => o.value === value))
      list.unshift({ value, label: currentLabel });
    return list;
  }, [households.data, orgUnitId, value, currentLabel, t]);

  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      disabled={!orgUnitId}
      loading={households.isFetching}
      options={options}
      placeholder={orgUnitId ? t('people.household.placeholder') : t('people.household.pickUnitFirst')}
      notFoundContent={households.isError ? t('common.loadFailed') : t('common.empty')}
      onClear={() => setSearch('')}
      data-testid={rest['data-testid']}
    />
  );
};
