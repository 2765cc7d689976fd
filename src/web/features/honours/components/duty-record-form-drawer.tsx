import { Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CreateDutyRecordInput,
  type DutyRecordKind,
  dutyRecordKindLabels,
  dutyRecordKinds,
} from '../../../../contracts/honours';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { OrgUnitFormItem } from '../../../components/ledger-form-items';
import { DATE_FORMAT } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { uuidV7 } from '../../../lib/uuid-v7';
import { useCreateDutyRecord, useExecutiveMembers } from '../api/honours-api';

type Values = {
  orgUnitId?: string;
  memberId?: string;
  kind?: DutyRecordKind;
  occurredOn?: Dayjs;
  womenContacted?: number;
  householdsContacted?: number;
  matters?: string;
  followUp?: string;
};

type Props = { defaultOrgUnitId: string | undefined; defaultMemberId?: string; onClose: () => void };

/** 登记履职 on the phone: who, when, which women or households, what was raised, the follow-up. */
export const DutyRecordFormDrawer = ({ defaultOrgUnitId, defaultMemberId, onClose }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  // Made once per open form: a retried save carries the same id and cannot duplicate.
  const [clientId] = useState(() => uuidV7());
  const ledger = useLedgerForm<Values, never, CreateDutyRecordInput>({
    onClose,
    isCreate: true,
    create: useCreateDutyRecord(),
    toCreate: (v) => ({
      id: clientId,
      orgUnitId: v.orgUnitId as string,
      memberId: v.memberId as string,
      kind: v.kind as DutyRecordKind,
      occurredOn: (v.occurredOn as Dayjs).format(DATE_FORMAT),
      womenContacted: v.womenContacted ?? 0,
      householdsContacted: v.householdsContacted ?? 0,
      matters: v.matters?.trim() || undefined,
      followUp: v.followUp?.trim() || undefined,
    }),
    closeOnError: 'never',
  });
  const orgUnitId = Form.useWatch('orgUnitId', ledger.form) ?? defaultOrgUnitId;
  const members = useExecutiveMembers(orgUnitId, dayjs().format(DATE_FORMAT));
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('duties.record.create')}
      testId="duty-record"
      width={520}
      formSize="large"
      initialValues={{
        orgUnitId: defaultOrgUnitId,
        memberId: defaultMemberId,
        kind: 'contact',
        occurredOn: dayjs(),
        womenContacted: 1,
        householdsContacted: 0,
      }}
    >
      <OrgUnitFormItem isCreate orgUnitName={undefined} testId="duty-record-form-unit" />
      <Form.Item
        name="memberId"
        label={t('duties.field.member')}
        extra={t('duties.record.member.hint')}
        rules={[{ required: true, message: t('duties.record.rule.member') }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          options={members.data ?? []}
          loading={members.isFetching}
          notFoundContent={members.isError ? t('common.loadFailed') : t('common.empty')}
          data-testid="duty-record-form-member"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('duties.record.kind')}>
        <Radio.Group
          optionType="button"
          options={dutyRecordKinds.map((k) => ({ value: k, label: label(dutyRecordKindLabels, k) }))}
          data-testid="duty-record-form-kind"
        />
      </Form.Item>
      <Form.Item
        name="occurredOn"
        label={t('duties.record.date')}
        rules={[{ required: true, message: t('duties.record.rule.date') }]}
      >
        <DateField notFuture data-testid="duty-record-form-date" />
      </Form.Item>
      <Space wrap size={[12, 0]}>
        <Form.Item name="womenContacted" label={t('duties.record.women')}>
          <InputNumber
            min={0}
            max={10000}
            precision={0}
            inputMode="numeric"
            data-testid="duty-record-form-women"
          />
        </Form.Item>
        <Form.Item name="householdsContacted" label={t('duties.record.households')}>
          <InputNumber
            min={0}
            max={10000}
            precision={0}
            inputMode="numeric"
            data-testid="duty-record-form-households"
          />
        </Form.Item>
      </Space>
      <Form.Item name="matters" label={t('duties.record.matters')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} data-testid="duty-record-form-matters" />
      </Form.Item>
      <Form.Item name="followUp" label={t('duties.record.followUp')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} data-testid="duty-record-form-follow-up" />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
