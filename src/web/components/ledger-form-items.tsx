import { Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { zodRule } from '../lib/form-rules';
import { OrgTreeSelect } from './org-tree-select';

/** The record's 所属组织: chosen on create, shown (not changeable) on edit. */
export const OrgUnitFormItem = ({
  isCreate,
  orgUnitName,
  label,
  requiredMessage,
  extra,
  testId,
}: {
  isCreate: boolean;
  orgUnitName: string | undefined;
  label?: string;
  requiredMessage?: string;
  extra?: ReactNode;
  testId: string;
}) => {
  const { t } = useTranslation();
  const itemLabel = label ?? t('ledger.field.orgUnit');
  return isCreate ? (
    <Form.Item
      label={itemLabel}
      name="orgUnitId"
      extra={extra}
      rules={[{ required: true, message: requiredMessage ?? t('ledger.rule.orgUnit') }]}
    >
      <OrgTreeSelect data-testid={testId} />
    </Form.Item>
  ) : (
    <Form.Item label={itemLabel}>
      <Input value={orgUnitName} disabled />
    </Form.Item>
  );
};

/** 备注: up to 500 characters. */
export const NoteFormItem = ({
  label,
  message,
  name = 'note',
  rows = 3,
  showCount = true,
}: {
  label?: string;
  message?: string;
  name?: string;
  rows?: number;
  showCount?: boolean;
}) => {
  const { t } = useTranslation();
  const rules: Rule[] = [{ max: 500, message: message ?? t('ledger.rule.note') }];
  return (
    <Form.Item label={label ?? t('ledger.field.note')} name={name} rules={rules}>
      <Input.TextArea rows={rows} maxLength={500} showCount={showCount} />
    </Form.Item>
  );
};

/** A required name (名称), checked by the contract's own schema for it. */
export const NameFormItem = ({
  label,
  message,
  schema,
  maxLength,
  testId,
}: {
  label: string;
  message: string;
  schema: z.ZodType;
  maxLength: number;
  testId: string;
}) => (
  <Form.Item
    label={label}
    name="name"
    rules={[{ required: true, whitespace: true, message }, zodRule(schema, message)]}
  >
    <Input maxLength={maxLength} data-testid={testId} />
  </Form.Item>
);
