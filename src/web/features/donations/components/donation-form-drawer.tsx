import { Checkbox, Form, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  type Drive,
  donorKindLabels,
  paymentMethodLabels,
  paymentMethods,
} from '../../../../contracts/donations';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { toApiDate, trimmed } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useCreateDonation } from '../api/donations-api';
import { fenOf, yuanRule } from './money';

type Values = {
  donorName: string;
  donorKind: 'person' | 'organisation';
  isAnonymous?: boolean;
  kind: 'money' | 'inKind';
  amount: string;
  method?: (typeof paymentMethods)[number];
  receivedOn: dayjs.Dayjs;
  receiptNo?: string;
  items?: string;
  note?: string;
};

/** 登记捐赠: money (amount, method, receipt number) or in kind (items, estimated value). */
export const DonationFormDrawer = ({ drive, onClose }: { drive: Drive; onClose: () => void }) => {
  const label = useLabel();
  const { t } = useTranslation();
  const ledger = useLedgerForm({
    onClose,
    isCreate: true,
    create: useCreateDonation(),
    toCreate: (v: Values) => ({
      driveId: drive.id,
      donorName: v.donorName.trim(),
      donorKind: v.donorKind,
      isAnonymous: !!v.isAnonymous,
      kind: v.kind,
      ...(v.kind === 'money'
        ? { amountFen: fenOf(v.amount), method: v.method }
        : { estimatedValueFen: fenOf(v.amount), items: trimmed(v.items) }),
      receivedOn: toApiDate(v.receivedOn) as string,
      receiptNo: trimmed(v.receiptNo),
      note: trimmed(v.note),
    }),
  });
  const kind = Form.useWatch('kind', ledger.form) ?? 'money';
  const today = dayjs();
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('donations.donation.create')}
      testId="donation"
      initialValues={{
        donorKind: 'person',
        kind: 'money',
        method: 'bankTransfer',
        receivedOn: today.isAfter(dayjs(drive.endsOn)) ? dayjs(drive.endsOn) : today,
      }}
    >
      <Form.Item
        label={t('donations.field.donorName')}
        name="donorName"
        rules={[{ required: true, message: t('donations.rule.donor') }]}
      >
        <Input maxLength={60} data-testid="donation-form-donor" />
      </Form.Item>
      <Form.Item name="donorKind">
        <Radio.Group
          options={Object.keys(donorKindLabels).map((value) => ({
            value,
            label: label(donorKindLabels, value),
          }))}
          optionType="button"
        />
      </Form.Item>
      <Form.Item name="isAnonymous" valuePropName="checked" extra={t('donations.anonymous.hint')}>
        <Checkbox>{t('donations.field.anonymous')}</Checkbox>
      </Form.Item>
      <Form.Item name="kind">
        <Radio.Group
          options={[
            { value: 'money', label: '资金' },
            { value: 'inKind', label: '物资' },
          ]}
          optionType="button"
        />
      </Form.Item>
      <Form.Item
        label={kind === 'money' ? t('donations.field.amount') : t('donations.field.estimated')}
        name="amount"
        rules={[yuanRule(true)]}
      >
        <Input inputMode="decimal" suffix="元" data-testid="donation-form-amount" />
      </Form.Item>
      {kind === 'money' ? (
        <Form.Item label={t('donations.field.method')} name="method" rules={[{ required: true }]}>
          <Select options={paymentMethods.map((m) => ({ value: m, label: label(paymentMethodLabels, m) }))} />
        </Form.Item>
      ) : (
        <Form.Item
          label={t('donations.field.items')}
          name="items"
          rules={[{ required: true, message: t('donations.rule.items') }]}
        >
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      )}
      <Form.Item
        label={t('donations.field.receivedOn')}
        name="receivedOn"
        rules={[{ required: true, message: t('donations.rule.date') }]}
      >
        <DateField
          notFuture
          min={dayjs(drive.startsOn)}
          max={dayjs(drive.endsOn)}
          data-testid="donation-form-date"
        />
      </Form.Item>
      <Form.Item
        label={t('donations.field.receiptNo')}
        name="receiptNo"
        extra={t('donations.receiptNo.hint')}
      >
        <Input maxLength={40} data-testid="donation-form-receipt" />
      </Form.Item>
      <Form.Item label={t('donations.field.note')} name="note">
        <Input maxLength={500} />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
