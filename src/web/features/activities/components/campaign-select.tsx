import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCampaigns } from '../api/list-campaigns';

type Props = {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  isMultiple?: boolean;
  /** Names of the current value(s), shown before the list has loaded. */
  known?: { value: string; label: string }[];
  style?: React.CSSProperties;
  placeholder?: string;
  'data-testid'?: string;
};

/** A picker over the campaigns (专项行动) visible to the user. */
export const CampaignSelect = ({
  id,
  value,
  onChange,
  isMultiple,
  known = [],
  style,
  placeholder,
  ...rest
}: Props) => {
  const { t } = useTranslation();
  const campaigns = useCampaigns({ pageSize: 200, status: 'active' });
  const options = (campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  for (const k of known) if (!options.some((o) => o.value === k.value)) options.push(k);
  return (
    <Select<string | string[]>
      id={id}
      mode={isMultiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={style}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      loading={campaigns.isPending}
      options={options}
      placeholder={placeholder ?? t('common.all')}
      notFoundContent={campaigns.isError ? t('common.loadFailed') : t('common.empty')}
      data-testid={rest['data-testid']}
    />
  );
};
