import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActorOptions } from '../api/search-actors';

type Props = { id?: string; value?: string; onChange: (id: string | undefined) => void; orgUnitId: string };

/** Type a name or username; the list asks the server after a short pause. */
export const ActorSelect = ({ id, value, onChange, orgUnitId }: Props) => {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(input.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [input]);
  const actors = useActorOptions(q, orgUnitId, true);

  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setInput }}
      style={{ minWidth: 180 }}
      placeholder={t('audit.filter.actorPlaceholder')}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      loading={actors.isFetching}
      notFoundContent={actors.isFetching ? t('common.loading') : t('common.empty')}
      options={(actors.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
      data-testid="audit-actor"
    />
  );
};
