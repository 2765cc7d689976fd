import { Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  cancerTypeLabels,
  cancerTypes,
  incomeCategories,
  incomeCategoryLabels,
} from '../../../../contracts/donations';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { OrgUnitFormItem } from '../../../components/ledger-form-items';
import { PersonSelect } from '../../../components/person-select';
import { toApiDate, trimmed } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useCreateCancerAid } from '../api/donations-api';

type Values = {
  orgUnitId: string;
  personId: string;
  appliedOn: dayjs.Dayjs;
  cancerType: (typeof cancerTypes)[number];
  diagnosedOn?: dayjs.Dayjs;
  hospital?: string;
  incomeCategory: (typeof incomeCategories)[number];
};

/** 登记两癌救助申请: a woman of the people ledger (the server checks the age band on the day). */
export const AidFormDrawer = ({ onClose }: { onClose: () => void }) => {
  const label = useLabel();
  const { t } = useTranslation();
  const { scopeId } = useOrgScope();
  const ledger = useLedgerForm({
    onClose,
    isCreate: true,
    create: useCreateCancerAid(),
    toCreate: (v: Values) => ({
      orgUnitId: v.orgUnitId,
      personId: v.personId,
      appliedOn: toApiDate(v.appliedOn) as string,
      cancerType: v.cancerType,
      diagnosedOn: toApiDate(v.diagnosedOn),
      hospital: trimmed(v.hospital),
      incomeCategory: v.incomeCategory,
    }),
  });
  const orgUnitId = Form.useWatch('orgUnitId', ledger.form);
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('donations.aid.create')}
      testId="aid"
      initialValues={{
        orgUnitId: scopeId,
        appliedOn: dayjs(),
        cancerType: 'breast',
        incomeCategory: 'lowIncome',
      }}
    >
      <OrgUnitFormItem isCreate orgUnitName={undefined} testId="aid-form-org" />
      <Form.Item
        label={t('donations.field.applicant')}
        name="personId"
        rules={[{ required: true, message: t('donations.rule.applicant') }]}
        extra={t('donations.aid.ageHint')}
      >
        <PersonSelect orgUnitId={orgUnitId} data-testid="aid-form-person" />
      </Form.Item>
      <Form.Item label={t('donations.field.appliedOn')} name="appliedOn" rules={[{ required: true }]}>
        <DateField notFuture />
      </Form.Item>
      <Form.Item label={t('donations.field.cancerType')} name="cancerType">
        <Select options={cancerTypes.map((c) => ({ value: c, label: label(cancerTypeLabels, c) }))} />
      </Form.Item>
      <Form.Item label={t('donations.field.diagnosedOn')} name="diagnosedOn">
        <DateField notFuture />
      </Form.Item>
      <Form.Item label={t('donations.field.hospital')} name="hospital">
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item label={t('donations.field.incomeCategory')} name="incomeCategory">
        <Select
          options={incomeCategories.map((c) => ({ value: c, label: label(incomeCategoryLabels, c) }))}
        />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
