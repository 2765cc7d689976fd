import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type KeyPerson, keyPersonCategories, keyPersonCategoryLabels } from '../../../../contracts/care';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { OrgUnitFormItem } from '../../../components/ledger-form-items';
import { PersonSelect } from '../../../components/person-select';
import { useLabel } from '../../../lib/labels';
import { useCreateKeyPerson, useUpdateKeyPerson } from '../api/care-api';

type Values = { orgUnitId?: string; personId?: string; category?: string; note?: string };

/** 登记重点人员: a person from the people ledger of the unit, in a category; 编辑: category and note. */
export const KeyPersonFormDrawer = ({
  record,
  defaultOrgUnitId,
  onClose,
}: {
  record?: KeyPerson;
  defaultOrgUnitId: string | undefined;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const label = useLabel();
  const ledger = useLedgerForm({
    onClose,
    isCreate: !record,
    record,
    create: useCreateKeyPerson(),
    update: useUpdateKeyPerson(),
    toUpdate: (v: Values, k: KeyPerson) => ({
      id: k.id,
      version: k.version,
      category: v.category as (typeof keyPersonCategories)[number],
      note: v.note?.trim() || null,
    }),
    toCreate: (v: Values) => ({
      orgUnitId: v.orgUnitId as string,
      personId: v.personId as string,
      category: v.category as (typeof keyPersonCategories)[number],
      note: v.note?.trim() || undefined,
    }),
  });
  const orgUnitId = Form.useWatch('orgUnitId', ledger.form) ?? defaultOrgUnitId;
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={record ? t('care.keyPeople.edit') : t('care.keyPeople.create')}
      testId="key-person"
      width={480}
      formSize="large"
      initialValues={
        record
          ? { category: record.category, note: record.note ?? undefined }
          : { orgUnitId: defaultOrgUnitId }
      }
    >
      <OrgUnitFormItem isCreate={!record} orgUnitName={record?.orgUnitName} testId="key-person-form-unit" />
      {record ? (
        <Form.Item label={t('care.field.person')}>
          <Input value={record.personName} disabled />
        </Form.Item>
      ) : (
        <Form.Item name="personId" label={t('care.field.person')} rules={[{ required: true }]}>
          <PersonSelect orgUnitId={orgUnitId} requireUnit data-testid="key-person-form-person" />
        </Form.Item>
      )}
      <Form.Item name="category" label={t('care.field.category')} rules={[{ required: true }]}>
        <Select
          options={keyPersonCategories.map((c) => ({ value: c, label: label(keyPersonCategoryLabels, c) }))}
          data-testid="key-person-form-category"
        />
      </Form.Item>
      <Form.Item name="note" label={t('care.field.note')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
