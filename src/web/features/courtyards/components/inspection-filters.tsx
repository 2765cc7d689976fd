import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  inspectionKindLabels,
  inspectionKinds,
  type ListInspectionsQuery,
  noRatingLabel,
  ratingLabels,
  ratingLevels,
} from '../../../../contracts/courtyards';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { useLabel } from '../../../lib/labels';
import { useGroups } from '../api/list-groups';
import { MONTH_FORMAT, monthValue } from '../lib/month';

export type InspectionFilterValues = Pick<
  Partial<ListInspectionsQuery>,
  'orgUnitId' | 'month' | 'kind' | 'groupId' | 'rating' | 'q' | 'status'
>;

type Props = { value: InspectionFilterValues; onChange: (patch: Partial<InspectionFilterValues>) => void };

/** 评分台账 filters: village, month, kind, group, rating, name, deleted. */
export const InspectionFilters = ({ value, onChange }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const groups = useGroups({ pageSize: 200, status: 'active' });
  return (
    <div className="bbt-cy-filters" data-testid="inspection-filters">
      <OrgTreeSelect
        allowClear
        placeholder={t('courtyards.filter.village')}
        value={value.orgUnitId}
        onChange={(orgUnitId) => onChange({ orgUnitId })}
        data-testid="filter-village"
      />
      <DatePicker
        picker="month"
        allowClear
        inputReadOnly
        placeholder={t('courtyards.field.month')}
        value={value.month ? monthValue(value.month) : null}
        onChange={(d) => onChange({ month: d ? d.format(MONTH_FORMAT) : undefined })}
        disabledDate={(d) => d.isAfter(dayjs(), 'month')}
        data-testid="filter-month"
      />
      <Select
        allowClear
        placeholder={t('courtyards.field.kind')}
        value={value.kind}
        onChange={(kind) => onChange({ kind })}
        options={inspectionKinds.map((k) => ({ value: k, label: label(inspectionKindLabels, k) }))}
        data-testid="filter-kind"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('courtyards.field.group')}
        value={value.groupId}
        onChange={(groupId) => onChange({ groupId })}
        options={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
        data-testid="filter-group"
      />
      <Select
        allowClear
        placeholder={t('courtyards.field.rating')}
        value={value.rating}
        onChange={(rating) => onChange({ rating })}
        options={[
          ...ratingLevels.map((r) => ({ value: r, label: label(ratingLabels, r) })),
          { value: 'none' as const, label: label({ none: noRatingLabel }, 'none') },
        ]}
        data-testid="filter-rating"
      />
      <Input.Search
        allowClear
        placeholder={t('courtyards.pick.placeholder')}
        defaultValue={value.q}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        data-testid="filter-q"
      />
      <Select
        value={value.status ?? 'active'}
        onChange={(status) => onChange({ status })}
        options={[
          { value: 'active', label: t('ledger.status.active') },
          { value: 'deleted', label: t('people.status.deleted') },
        ]}
        data-testid="filter-status"
      />
    </div>
  );
};
