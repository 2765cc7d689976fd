import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { createHouseholdInputSchema } from '../../../../contracts/people';
import {
  LedgerFormDrawer,
  type LedgerFormMode,
  type LedgerFormProps,
  useLedgerForm,
} from '../../../components/ledger-form-drawer';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { zodRule } from '../../../lib/form-rules';
import { trimmed } from '../../../lib/format';
import { useOrgScope } from '../../../lib/org-scope';
import { useCreateHousehold } from '../api/create-household';
import { useHousehold } from '../api/get-household';
import { usePersons } from '../api/list-persons';
import { useUpdateHousehold } from '../api/update-household';

type FormValues = {
  orgUnitId: string;
  address: string;
  houseNumber?: string;
  headPersonId?: string;
  note?: string;
};

type Props = { mode: LedgerFormMode | null; onClose: () => void };

export const HouseholdFormDrawer = ({ mode, onClose }: Props) =>
  mode ? <HouseholdFormDialog mode={mode} onClose={onClose} /> : null;

/** 新增家庭户 / 编辑家庭户; the head is chosen among the household's own members. */
const HouseholdFormDialog = ({ mode, onClose }: LedgerFormProps) => {
  const { t } = useTranslation();
  const { scopeId } = useOrgScope();
  const ledger = useLedgerForm({
    onClose,
    mode,
    useRecord: useHousehold,
    create: useCreateHousehold(),
    update: useUpdateHousehold(),
    toCreate: (v: FormValues) => ({
      orgUnitId: v.orgUnitId,
      address: v.address.trim(),
      houseNumber: trimmed(v.houseNumber),
      note: trimmed(v.note),
    }),
    toUpdate: (v, rec) => ({
      id: rec.id,
      version: rec.version,
      address: v.address.trim(),
      houseNumber: trimmed(v.houseNumber) ?? null,
      headPersonId: v.headPersonId ?? null,
      note: trimmed(v.note) ?? null,
    }),
  });
  const { isCreate, record: h } = ledger;
  const members = usePersons({ householdId: h?.id, pageSize: 200, sort: 'name' }, Boolean(h));
  const shape = createHouseholdInputSchema.shape;

  const initialValues: Partial<FormValues> = h
    ? {
        orgUnitId: h.orgUnitId,
        address: h.address,
        houseNumber: h.houseNumber ?? undefined,
        headPersonId: h.headPersonId ?? undefined,
        note: h.note ?? undefined,
      }
    : { orgUnitId: scopeId };

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={isCreate ? t('households.create') : t('households.edit')}
      testId="household"
      initialValues={initialValues}
    >
      {isCreate ? (
        <Form.Item
          label={t('households.field.orgUnit')}
          name="orgUnitId"
          rules={[{ required: true, message: t('households.rule.orgUnit') }]}
        >
          <OrgTreeSelect data-testid="household-form-org" />
        </Form.Item>
      ) : (
        <Form.Item label={t('households.field.orgUnit')}>
          <Input value={h?.orgUnitName} disabled />
        </Form.Item>
      )}
      <Form.Item
        label={t('households.field.address')}
        name="address"
        rules={[
          { required: true, whitespace: true, message: t('households.rule.address') },
          zodRule(shape.address, t('households.rule.address')),
        ]}
      >
        <Input
          maxLength={120}
          placeholder={t('households.placeholder.address')}
          data-testid="household-form-address"
        />
      </Form.Item>
      <Form.Item
        label={t('households.field.houseNumber')}
        name="houseNumber"
        rules={[{ max: 30, message: t('households.rule.houseNumber') }]}
      >
        <Input maxLength={30} placeholder={t('households.placeholder.houseNumber')} />
      </Form.Item>
      <Form.Item label={t('households.field.head')} name="headPersonId" extra={t('households.head.hint')}>
        <Select
          allowClear
          disabled={isCreate}
          loading={members.isFetching}
          placeholder={t('households.head.placeholder')}
          options={(members.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item
        label={t('households.field.note')}
        name="note"
        rules={[{ max: 500, message: t('people.rule.note') }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
