import { AppstoreOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../lib/labels';
import type { ActivityType } from '../api/get-activity-types';

/** The types a village records most; the rest sit behind 更多. */
export const commonTypeCodes = [
  'outreach',
  'training',
  'legalEducation',
  'volunteerService',
  'visit',
  'culturalEvent',
  'familyReading',
];

type Props = { types: ActivityType[]; value: string | undefined; onChange: (code: string) => void };

/** Big tappable type buttons (4 a row on a phone) with 更多 for the others. */
export const TypePicker = ({ types, value, onChange }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const common = types.filter((ty) => commonTypeCodes.includes(ty.code));
  const others = types.filter((ty) => !commonTypeCodes.includes(ty.code));
  const isOtherChosen = Boolean(value && others.some((o) => o.code === value));
  const [isMoreOpen, setMoreOpen] = useState(isOtherChosen);
  const labelOf = (ty: ActivityType) => label({ [ty.code]: ty.label }, ty.code);

  return (
    <div>
      <div className="bbt-quick-types" role="radiogroup" aria-label={t('activities.field.type')}>
        {common.map((ty) => (
          <Button
            key={ty.code}
            type={value === ty.code ? 'primary' : 'default'}
            role="radio"
            aria-checked={value === ty.code}
            onClick={() => onChange(ty.code)}
            data-testid={`quick-type-${ty.code}`}
          >
            {labelOf(ty)}
          </Button>
        ))}
        {others.length > 0 && (
          <Button
            type={isOtherChosen ? 'primary' : 'default'}
            icon={<AppstoreOutlined />}
            onClick={() => setMoreOpen((o) => !o)}
            aria-expanded={isMoreOpen}
            data-testid="quick-type-more"
          >
            {t('activities.quick.moreTypes')}
          </Button>
        )}
      </div>
      {isMoreOpen && others.length > 0 && (
        <Select
          size="large"
          style={{ width: '100%', marginTop: 8 }}
          placeholder={t('activities.quick.pickOtherType')}
          value={isOtherChosen ? value : undefined}
          onChange={onChange}
          options={others.map((o) => ({ value: o.code, label: labelOf(o) }))}
          data-testid="quick-type-other"
        />
      )}
    </div>
  );
};
