import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgScope } from '../../../lib/org-scope';
import { useCourtyardHouseholds } from '../api/list-courtyard-households';

type Props = {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  'data-testid'?: string;
};

/** A household of the scope, searched by the head's name or house number. */
export const CourtyardHouseholdSelect = ({ id, value, onChange, ...rest }: Props) => {
  const { t } = useTranslation();
  const { scopeId } = useOrgScope();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const found = useCourtyardHouseholds({ orgUnitId: scopeId, q: q || undefined, pageSize: 30 });
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      loading={found.isFetching}
      placeholder={t('courtyards.pick.placeholder')}
      notFoundContent={found.isError ? t('common.loadFailed') : t('common.empty')}
      options={(found.data?.items ?? []).map((h) => ({
        value: h.householdId,
        label: `${h.headName ? `${h.headName} · ` : ''}${h.householdLabel}（${h.orgUnitName}）`,
      }))}
      data-testid={rest['data-testid']}
    />
  );
};
