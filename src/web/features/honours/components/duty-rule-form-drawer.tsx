import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type CreateDutyRuleInput,
  type DutyFulfilment,
  type DutyRhythm,
  dutyFulfilmentLabels,
  dutyFulfilments,
  dutyRhythmLabels,
  dutyRhythms,
} from '../../../../contracts/honours';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { OrgUnitFormItem } from '../../../components/ledger-form-items';
import { useLabel } from '../../../lib/labels';
import { useCreateDutyRule } from '../api/honours-api';

type Values = {
  orgUnitId?: string;
  name?: string;
  rhythm?: DutyRhythm;
  fulfilledBy?: DutyFulfilment;
  times?: number;
};

/** 新增履职规则: what the unit asks of its executive members, how often, and which record fulfils it. */
export const DutyRuleFormDrawer = ({
  defaultOrgUnitId,
  onClose,
}: {
  defaultOrgUnitId: string | undefined;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const label = useLabel();
  const ledger = useLedgerForm<Values, never, CreateDutyRuleInput>({
    onClose,
    isCreate: true,
    create: useCreateDutyRule(),
    toCreate: (v) => ({
      orgUnitId: v.orgUnitId as string,
      name: (v.name ?? '').trim(),
      rhythm: v.rhythm as DutyRhythm,
      fulfilledBy: v.fulfilledBy as DutyFulfilment,
      times: v.times ?? 1,
    }),
    closeOnError: 'never',
  });
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('duties.rules.create')}
      testId="duty-rule"
      initialValues={{ orgUnitId: defaultOrgUnitId, rhythm: 'month', fulfilledBy: 'contact', times: 1 }}
    >
      <OrgUnitFormItem
        isCreate
        orgUnitName={undefined}
        label={t('duties.rule.unit')}
        testId="duty-rule-form-unit"
      />
      <Form.Item name="name" label={t('duties.rule.name')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={40} data-testid="duty-rule-form-name" />
      </Form.Item>
      <Form.Item name="rhythm" label={t('duties.rule.rhythm')}>
        <Select options={dutyRhythms.map((r) => ({ value: r, label: label(dutyRhythmLabels, r) }))} />
      </Form.Item>
      <Form.Item name="fulfilledBy" label={t('duties.rule.fulfilledBy')}>
        <Select options={dutyFulfilments.map((f) => ({ value: f, label: label(dutyFulfilmentLabels, f) }))} />
      </Form.Item>
      <Form.Item name="times" label={t('duties.rule.times')}>
        <InputNumber min={1} max={31} precision={0} />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
