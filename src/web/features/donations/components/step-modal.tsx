import { Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  aidFundLabels,
  aidFunds,
  paymentMethodLabels,
  paymentMethods,
} from '../../../../contracts/donations';
import { DateField } from '../../../components/date-field';
import { toApiDate, trimmed } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { fenOf, yuanRule } from './money';

type Values = {
  on: dayjs.Dayjs;
  note?: string;
  paidMethod?: (typeof paymentMethods)[number];
  payer?: string;
  amount?: string;
  fund?: (typeof aidFunds)[number];
};

export type StepPayload = {
  on: string;
  note?: string;
  paidMethod?: (typeof paymentMethods)[number];
  payer?: string;
  amountFen?: number;
  fund?: (typeof aidFunds)[number];
};

/**
 * One approval step (审核/审批/发放/退回): its date, its reason, and for a payment the method and who paid,
 * for a grant the amount and fund. The server refuses a step out of order with a zh-CN reason.
 */
export const StepModal = ({
  title,
  needsNote,
  isPayment,
  isGrant,
  minDate,
  saving,
  onSave,
  onClose,
}: {
  title: string;
  needsNote: boolean;
  isPayment?: boolean;
  isGrant?: boolean;
  minDate?: string;
  saving: boolean;
  onSave: (p: StepPayload, done: () => void, failed: (e: unknown) => void) => void;
  onClose: () => void;
}) => {
  const label = useLabel();
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const submit = async () => {
    const v = await form.validateFields();
    onSave(
      {
        on: toApiDate(v.on) as string,
        note: trimmed(v.note),
        paidMethod: v.paidMethod,
        payer: trimmed(v.payer),
        amountFen: fenOf(v.amount),
        fund: v.fund,
      },
      onClose,
      (e) => onError(e),
    );
  };
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'step-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ on: dayjs(), paidMethod: 'bankTransfer' }}>
        <Form.Item label={t('donations.field.stepOn')} name="on" rules={[{ required: true }]}>
          <DateField notFuture min={minDate ? dayjs(minDate) : undefined} />
        </Form.Item>
        <Form.Item
          label={t('donations.field.stepNote')}
          name="note"
          rules={needsNote ? [{ required: true, message: t('donations.rule.note') }] : []}
        >
          <Input.TextArea maxLength={500} rows={2} data-testid="step-note" />
        </Form.Item>
        {isPayment && (
          <>
            <Form.Item label={t('donations.field.paidMethod')} name="paidMethod" rules={[{ required: true }]}>
              <Select
                options={paymentMethods.map((m) => ({ value: m, label: label(paymentMethodLabels, m) }))}
              />
            </Form.Item>
            <Form.Item
              label={t('donations.field.payer')}
              name="payer"
              rules={[{ required: true, message: t('donations.rule.payer') }]}
            >
              <Input maxLength={40} data-testid="step-payer" />
            </Form.Item>
          </>
        )}
        {isGrant && (
          <>
            <Form.Item label={t('donations.field.aidAmount')} name="amount" rules={[yuanRule(true)]}>
              <Input inputMode="decimal" suffix="元" data-testid="step-amount" />
            </Form.Item>
            <Form.Item
              label={t('donations.field.fund')}
              name="fund"
              rules={[{ required: true, message: t('donations.rule.fund') }]}
            >
              <Select options={aidFunds.map((f) => ({ value: f, label: label(aidFundLabels, f) }))} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
};
