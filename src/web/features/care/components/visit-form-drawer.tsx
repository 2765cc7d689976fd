import { Checkbox, Form, Input, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type HelpKind,
  helpKindLabels,
  helpKinds,
  type Pairing,
  type VisitMode,
  visitModeLabels,
  visitModes,
} from '../../../../contracts/care';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { DATE_FORMAT } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useCreateVisit } from '../api/care-api';

type Values = {
  visitedOn?: Dayjs;
  mode?: VisitMode;
  findings?: string;
  help?: HelpKind[];
  amountYuan?: number | null;
  nextStep?: string;
};

/**
 * 走访登记 on a phone: when, how, what was found, the help given (and any money or goods, in yuan),
 * the next step. The drawer keeps one client id, so a save retried after a lost answer saves once.
 */
export const VisitFormDrawer = ({ pairing, onClose }: { pairing: Pairing; onClose: () => void }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const [clientId] = useState(() => crypto.randomUUID());
  const ledger = useLedgerForm({
    onClose,
    isCreate: true,
    // A failed save keeps the form and its client id: 保存 again sends the same visit (saved once).
    closeOnError: 'never',
    create: useCreateVisit(),
    toCreate: (v: Values) => ({
      id: clientId,
      pairingId: pairing.id,
      visitedOn: (v.visitedOn as Dayjs).format(DATE_FORMAT),
      mode: v.mode as VisitMode,
      findings: (v.findings ?? '').trim(),
      help: v.help ?? [],
      amountFen: v.amountYuan ? Math.round(v.amountYuan * 100) : undefined,
      nextStep: v.nextStep?.trim() || undefined,
    }),
  });
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={`${t('care.visits.record')} · ${pairing.personName}`}
      testId="visit"
      width={480}
      formSize="large"
      initialValues={{ visitedOn: dayjs(), mode: 'home', help: [] }}
    >
      <Form.Item name="visitedOn" label={t('care.visits.visitedOn')} rules={[{ required: true }]}>
        <DateField notFuture data-testid="visit-form-date" />
      </Form.Item>
      <Form.Item name="mode" label={t('care.visits.mode')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={visitModes.map((m) => ({ value: m, label: label(visitModeLabels, m) }))}
          data-testid="visit-form-mode"
        />
      </Form.Item>
      <Form.Item
        name="findings"
        label={t('care.visits.findings')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('care.visits.findingsRule') }]}
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} data-testid="visit-form-findings" />
      </Form.Item>
      <Form.Item name="help" label={t('care.visits.help')}>
        <Checkbox.Group
          options={helpKinds.map((h) => ({ value: h, label: label(helpKindLabels, h) }))}
          data-testid="visit-form-help"
        />
      </Form.Item>
      <Form.Item name="amountYuan" label={t('care.visits.amount')}>
        <InputNumber
          min={0}
          max={1_000_000}
          precision={2}
          style={{ width: '100%' }}
          addonAfter="元"
          data-testid="visit-form-amount"
        />
      </Form.Item>
      <Form.Item name="nextStep" label={t('care.visits.nextStep')}>
        <Input maxLength={500} data-testid="visit-form-next" />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
