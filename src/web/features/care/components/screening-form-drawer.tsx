import { Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  type ReferralTarget,
  type RiskLevel,
  referralTargetLabels,
  referralTargets,
  riskLevelLabels,
  riskLevels,
} from '../../../../contracts/care';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { DATE_FORMAT } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useCreateScreening, useUpdateScreening } from '../api/care-api';

type Values = { risk?: RiskLevel; screenedOn?: Dayjs; reason?: string; referralTo?: ReferralTarget };

export type ScreeningTarget = {
  keyPersonId: string;
  personName: string;
  month: string;
  risk: RiskLevel;
  /** The month's screening, when one is saved (then the form changes it). */
  saved?: { id: string; version: number };
};

/** The day a screening of `month` is dated by default: today in the running month, else its last day. */
export const defaultScreenedOn = (month: string) => {
  const today = dayjs();
  return today.format('YYYY-MM') === month ? today : dayjs(`${month}-01`).endOf('month');
};

/** 登记排查: the colour, why (any colour but green) and, for red, where she was referred. */
export const ScreeningFormDrawer = ({
  target,
  onClose,
}: {
  target: ScreeningTarget;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const label = useLabel();
  const ledger = useLedgerForm({
    onClose,
    isCreate: !target.saved,
    record: target.saved,
    create: useCreateScreening(),
    update: useUpdateScreening(),
    toCreate: (v: Values) => ({
      keyPersonId: target.keyPersonId,
      month: target.month,
      screenedOn: (v.screenedOn as Dayjs).format(DATE_FORMAT),
      risk: v.risk as RiskLevel,
      reason: v.reason?.trim() || undefined,
      referralTo: v.referralTo,
    }),
    toUpdate: (v, saved) => ({
      id: saved.id,
      version: saved.version,
      screenedOn: (v.screenedOn as Dayjs).format(DATE_FORMAT),
      risk: v.risk as RiskLevel,
      reason: v.reason?.trim() || null,
      ...(v.referralTo ? { referralTo: v.referralTo } : {}),
    }),
  });
  const risk = Form.useWatch('risk', ledger.form) ?? target.risk;
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={`${t('care.screening.record')} · ${target.personName} · ${target.month}`}
      testId="screening"
      width={480}
      formSize="large"
      initialValues={{ risk: target.risk, screenedOn: defaultScreenedOn(target.month) }}
    >
      <Form.Item name="risk" label={t('care.screening.risk')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={riskLevels.map((r) => ({ value: r, label: label(riskLevelLabels, r).split(/（| \(/)[0] }))}
          data-testid="screening-form-risk"
        />
      </Form.Item>
      <Form.Item name="screenedOn" label={t('care.screening.screenedOn')} rules={[{ required: true }]}>
        <DateField notFuture data-testid="screening-form-date" />
      </Form.Item>
      {risk !== 'green' && (
        <Form.Item
          name="reason"
          label={t('care.screening.reason')}
          rules={[{ required: true, whitespace: true, message: t('care.screening.reasonRule') }]}
        >
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} data-testid="screening-form-reason" />
        </Form.Item>
      )}
      {risk === 'red' && (
        <Form.Item
          name="referralTo"
          label={t('care.screening.referralTo')}
          rules={[{ required: true, message: t('care.screening.referralRule') }]}
        >
          <Select
            options={referralTargets.map((r) => ({ value: r, label: label(referralTargetLabels, r) }))}
            data-testid="screening-form-referral"
          />
        </Form.Item>
      )}
    </LedgerFormDrawer>
  );
};
