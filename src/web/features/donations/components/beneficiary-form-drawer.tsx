import { Form, Input, Select } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type Beneficiary, beneficiaryKindLabels, beneficiaryKinds } from '../../../../contracts/donations';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { OrgUnitFormItem } from '../../../components/ledger-form-items';
import { toApiDate, trimmed } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useCreateBeneficiary } from '../api/donations-api';

type Values = {
  orgUnitId: string;
  name: string;
  kind: Beneficiary['kind'];
  gender?: 'female' | 'male';
  birthDate?: dayjs.Dayjs;
  school?: string;
  grade?: string;
  familySituation?: string;
  guardianName?: string;
};

/** 登记受助对象: a student (school, grade, family situation, guardian) or another recipient. */
export const BeneficiaryFormDrawer = ({ onClose }: { onClose: () => void }) => {
  const label = useLabel();
  const { t } = useTranslation();
  const { scopeId } = useOrgScope();
  const ledger = useLedgerForm({
    onClose,
    isCreate: true,
    create: useCreateBeneficiary(),
    toCreate: (v: Values) => ({
      orgUnitId: v.orgUnitId,
      name: v.name.trim(),
      kind: v.kind,
      gender: v.gender,
      birthDate: toApiDate(v.birthDate),
      school: trimmed(v.school),
      grade: trimmed(v.grade),
      familySituation: trimmed(v.familySituation),
      guardianName: trimmed(v.guardianName),
    }),
  });
  const kind = Form.useWatch('kind', ledger.form);
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('donations.beneficiary.create')}
      testId="beneficiary"
      initialValues={{ orgUnitId: scopeId, kind: 'student', gender: 'female' }}
    >
      <OrgUnitFormItem isCreate orgUnitName={undefined} testId="beneficiary-form-org" />
      <Form.Item
        label={t('donations.field.name')}
        name="name"
        rules={[{ required: true, message: t('donations.rule.name') }]}
      >
        <Input maxLength={40} data-testid="beneficiary-form-name" />
      </Form.Item>
      <Form.Item label={t('donations.field.beneficiaryKind')} name="kind">
        <Select
          options={beneficiaryKinds.map((k) => ({ value: k, label: label(beneficiaryKindLabels, k) }))}
        />
      </Form.Item>
      <Form.Item label={t('donations.field.gender')} name="gender">
        <Select
          options={[
            { value: 'female', label: '女' },
            { value: 'male', label: '男' },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('donations.field.birthDate')} name="birthDate">
        <DateField notFuture />
      </Form.Item>
      {kind === 'student' && (
        <>
          <Form.Item
            label={t('donations.field.school')}
            name="school"
            rules={[{ required: true, message: t('donations.rule.school') }]}
          >
            <Input maxLength={60} data-testid="beneficiary-form-school" />
          </Form.Item>
          <Form.Item label={t('donations.field.grade')} name="grade">
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item label={t('donations.field.guardian')} name="guardianName">
            <Input maxLength={40} />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('donations.field.familySituation')} name="familySituation">
        <Input.TextArea maxLength={500} rows={3} />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
