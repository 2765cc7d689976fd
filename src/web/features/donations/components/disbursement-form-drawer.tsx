import { Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { beneficiaryKindLabels, type Drive } from '../../../../contracts/donations';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { toApiDate, trimmed } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useBeneficiaries, useCreateDisbursement } from '../api/donations-api';
import { fenOf, yuanRule, yuanText } from './money';

type Values = { beneficiaryId: string; amount: string; purpose?: string; submittedOn: dayjs.Dayjs };

/**
 * 申报发放: a village asks the drive for an amount for one of its beneficiaries. The form carries a
 * client id made when it opens, so a save retried after a lost answer is the same disbursement.
 */
export const DisbursementFormDrawer = ({ drive, onClose }: { drive: Drive; onClose: () => void }) => {
  const label = useLabel();
  const { t } = useTranslation();
  const { scopeId } = useOrgScope();
  const [clientId] = useState(() => crypto.randomUUID());
  const people = useBeneficiaries({ orgUnitId: scopeId, pageSize: 200 });
  const ledger = useLedgerForm({
    onClose,
    isCreate: true,
    create: useCreateDisbursement(),
    toCreate: (v: Values) => ({
      id: clientId,
      driveId: drive.id,
      beneficiaryId: v.beneficiaryId,
      amountFen: fenOf(v.amount) as number,
      purpose: trimmed(v.purpose),
      submittedOn: toApiDate(v.submittedOn) as string,
    }),
  });
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('donations.disbursement.create')}
      testId="disbursement"
      extra={<p className="bbt-muted">{t('donations.balanceNow', { amount: yuanText(drive.balanceFen) })}</p>}
      initialValues={{ submittedOn: dayjs() }}
    >
      <Form.Item
        label={t('donations.field.beneficiary')}
        name="beneficiaryId"
        rules={[{ required: true, message: t('donations.rule.beneficiary') }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          loading={people.isFetching}
          data-testid="disbursement-form-beneficiary"
          options={(people.data?.items ?? []).map((b) => ({
            value: b.id,
            label: `${b.name}（${b.orgUnitName}，${label(beneficiaryKindLabels, b.kind)}${b.school ? `，${b.school}` : ''}）`,
          }))}
        />
      </Form.Item>
      <Form.Item label={t('donations.field.amount')} name="amount" rules={[yuanRule(true)]}>
        <Input inputMode="decimal" suffix="元" data-testid="disbursement-form-amount" />
      </Form.Item>
      <Form.Item label={t('donations.field.disbursementPurpose')} name="purpose">
        <Input maxLength={200} placeholder="如：2026年春季学期助学金" />
      </Form.Item>
      <Form.Item label={t('donations.field.submittedOn')} name="submittedOn" rules={[{ required: true }]}>
        <DateField notFuture min={dayjs(drive.startsOn)} />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
