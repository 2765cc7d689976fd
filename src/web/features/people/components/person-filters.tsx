import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { genderLabels, genders } from '../../../../contracts/people';
import { useLabel } from '../../../lib/labels';
import { usePersonTagOptions } from '../api/get-tag-options';

export type PersonFilterValues = {
  q?: string;
  tag?: string;
  gender?: (typeof genders)[number];
  status: 'active' | 'deleted';
};

type Props = { value: PersonFilterValues; onChange: (next: PersonFilterValues) => void };

/** 姓名/拼音/身份证号, 人员类别, 性别, 在册/已删除; each change goes back to page 1 (the page decides). */
export const PersonFilters = ({ value, onChange }: Props) => {
  const { t } = useTranslation();
  const tagOptions = usePersonTagOptions();
  const label = useLabel();
  return (
    <Form layout="inline" className="bbt-filters">
      <Form.Item label={t('common.keyword')} htmlFor="persons-filter-q">
        <Input.Search
          id="persons-filter-q"
          allowClear
          placeholder={t('people.searchPlaceholder')}
          defaultValue={value.q}
          onSearch={(v) => onChange({ ...value, q: v.trim() || undefined })}
          enterButton
          style={{ minWidth: 240 }}
          data-testid="persons-q"
        />
      </Form.Item>
      <Form.Item label={t('people.filter.tag')} htmlFor="persons-filter-tag">
        <Select
          id="persons-filter-tag"
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('common.all')}
          value={value.tag}
          onChange={(tag?: string) => onChange({ ...value, tag })}
          options={tagOptions}
          data-testid="persons-tag"
        />
      </Form.Item>
      <Form.Item label={t('people.field.gender')} htmlFor="persons-filter-gender">
        <Select
          id="persons-filter-gender"
          allowClear
          style={{ minWidth: 100 }}
          placeholder={t('common.all')}
          value={value.gender}
          onChange={(gender?: PersonFilterValues['gender']) => onChange({ ...value, gender })}
          options={genders.map((g) => ({ value: g, label: label(genderLabels, g) }))}
          data-testid="persons-gender"
        />
      </Form.Item>
      <Form.Item label={t('people.field.status')} htmlFor="persons-filter-status">
        <Select
          id="persons-filter-status"
          style={{ minWidth: 100 }}
          value={value.status}
          onChange={(status: PersonFilterValues['status']) => onChange({ ...value, status })}
          options={[
            { value: 'active', label: t('people.status.active') },
            { value: 'deleted', label: t('people.status.deleted') },
          ]}
          data-testid="persons-status"
        />
      </Form.Item>
    </Form>
  );
};
