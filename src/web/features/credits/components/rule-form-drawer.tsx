import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  type CreditRule,
  capPeriodLabels,
  capPeriods,
  creditCategories,
  creditCategoryLabels,
} from '../../../../contracts/credits';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { OrgUnitFormItem } from '../../../components/ledger-form-items';
import { DATE_FORMAT } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useCreateRule, useUpdateRule } from '../api/credits-api';

type Values = {
  orgUnitId?: string;
  item?: string;
  category?: CreditRule['category'];
  points?: number;
  isVariable?: boolean;
  isEvidenceRequired?: boolean;
  needsReview?: boolean;
  capPoints?: number | null;
  capPeriod?: CreditRule['capPeriod'];
  validFrom?: Dayjs;
  validTo?: Dayjs | null;
  note?: string;
};

const common = (v: Values) => ({
  item: (v.item ?? '').trim(),
  category: v.category as CreditRule['category'],
  points: v.points as number,
  isVariable: !!v.isVariable,
  isEvidenceRequired: !!v.isEvidenceRequired,
  needsReview: !!v.needsReview,
  validFrom: (v.validFrom as Dayjs).format(DATE_FORMAT),
});

/** 新增 / 修改 a credit rule (county or town). A rule in use keeps its points: end it and add a new one. */
export const RuleFormDrawer = ({
  rule,
  defaultOrgUnitId,
  onClose,
}: {
  rule?: CreditRule;
  defaultOrgUnitId: string | undefined;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const label = useLabel();
  const ledger = useLedgerForm({
    onClose,
    isCreate: !rule,
    record: rule,
    create: useCreateRule(),
    update: useUpdateRule(),
    toCreate: (v: Values) => ({
      orgUnitId: v.orgUnitId as string,
      ...common(v),
      capPoints: v.capPoints ?? undefined,
      capPeriod: v.capPeriod ?? undefined,
      validTo: v.validTo ? v.validTo.format(DATE_FORMAT) : undefined,
      note: v.note?.trim() || undefined,
    }),
    toUpdate: (v, r) => ({
      id: r.id,
      version: r.version,
      ...common(v),
      capPoints: v.capPoints ?? null,
      capPeriod: v.capPeriod ?? null,
      validTo: v.validTo ? v.validTo.format(DATE_FORMAT) : null,
      note: v.note?.trim() || null,
    }),
    closeOnError: 'edit',
  });
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={rule ? t('credits.rules.edit') : t('credits.rules.create')}
      testId="credit-rule"
      width={520}
      initialValues={
        rule
          ? {
              ...rule,
              validFrom: dayjs(rule.validFrom, DATE_FORMAT),
              validTo: rule.validTo ? dayjs(rule.validTo, DATE_FORMAT) : null,
              note: rule.note ?? undefined,
            }
          : { orgUnitId: defaultOrgUnitId, validFrom: dayjs().startOf('year'), category: 'environment' }
      }
    >
      <OrgUnitFormItem isCreate={!rule} orgUnitName={rule?.orgUnitName} testId="credit-rule-unit" />
      <Form.Item
        name="item"
        label={t('credits.field.item')}
        rules={[{ required: true, whitespace: true, min: 2 }]}
      >
        <Input maxLength={120} data-testid="credit-rule-item" />
      </Form.Item>
      <Form.Item name="category" label={t('credits.field.category')} rules={[{ required: true }]}>
        <Select
          options={creditCategories.map((c) => ({ value: c, label: label(creditCategoryLabels, c) }))}
        />
      </Form.Item>
      <Form.Item name="points" label={t('credits.field.points')} rules={[{ required: true }]}>
        <InputNumber precision={0} min={-10000} max={10000} data-testid="credit-rule-points" />
      </Form.Item>
      <Form.Item name="isVariable" valuePropName="checked">
        <Checkbox>{t('credits.field.isVariable')}</Checkbox>
      </Form.Item>
      <Form.Item name="isEvidenceRequired" valuePropName="checked">
        <Checkbox>{t('credits.field.isEvidenceRequired')}</Checkbox>
      </Form.Item>
      <Form.Item name="needsReview" valuePropName="checked">
        <Checkbox>{t('credits.field.needsReview')}</Checkbox>
      </Form.Item>
      <Form.Item name="capPoints" label={t('credits.field.cap')}>
        <InputNumber precision={0} min={1} />
      </Form.Item>
      <Form.Item name="capPeriod" label={t('credits.field.capPeriod')}>
        <Select
          allowClear
          options={capPeriods.map((p) => ({ value: p, label: label(capPeriodLabels, p) }))}
        />
      </Form.Item>
      <Form.Item name="validFrom" label={t('credits.field.validFrom')} rules={[{ required: true }]}>
        <DateField />
      </Form.Item>
      <Form.Item name="validTo" label={t('credits.field.validTo')}>
        <DateField />
      </Form.Item>
      <Form.Item name="note" label={t('credits.field.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
