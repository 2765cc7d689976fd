import { Alert, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CreateCreditAwardInput,
  type CreditAwardResult,
  creditCategoryLabels,
} from '../../../../contracts/credits';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { DATE_FORMAT } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { uuidV7 } from '../../../lib/uuid-v7';
import { useAward, useCreditHouseholds, useCreditRules } from '../api/credits-api';

type Values = {
  householdIds?: string[];
  ruleId?: string;
  occurredOn?: Dayjs;
  points?: number;
  reason?: string;
};

/** 积分登记 on the phone: households by name, pinyin or 门牌号 (one or a list), a rule in force that day. */
export const AwardFormDrawer = ({
  scopeId,
  onClose,
}: {
  scopeId: string | undefined;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const label = useLabel();
  const [search, setSearch] = useState('');
  // One client id per household for this open form: a retried save never awards twice.
  const [ids] = useState(() => new Map<string, string>());
  const idFor = (householdId: string) => {
    if (!ids.has(householdId)) ids.set(householdId, uuidV7());
    return ids.get(householdId) as string;
  };
  const ledger = useLedgerForm({
    onClose,
    isCreate: true,
    create: useAward(),
    createdMessage: (d: CreditAwardResult) => t('credits.award.saved', { count: d.items.length }),
    toCreate: (v: Values): CreateCreditAwardInput => ({
      ruleId: v.ruleId as string,
      occurredOn: (v.occurredOn as Dayjs).format(DATE_FORMAT),
      entries: (v.householdIds ?? []).map((householdId) => ({ id: idFor(householdId), householdId })),
      points: v.points ?? undefined,
      reason: v.reason?.trim() || undefined,
    }),
    closeOnError: 'never',
  });
  const { form } = ledger;
  const on = Form.useWatch('occurredOn', form) as Dayjs | undefined;
  const ruleId = Form.useWatch('ruleId', form) as string | undefined;
  const day = (on ?? dayjs()).format(DATE_FORMAT);
  const rules = useCreditRules({ orgUnitId: scopeId, inForceOn: day, pageSize: 200 });
  const households = useCreditHouseholds(search, scopeId);
  const rule = rules.data?.items.find((r) => r.id === ruleId);
  const [picked, setPicked] = useState(new Map<string, string>());
  const nameOf = (h: {
    headName: string | null;
    address: string;
    houseNumber: string | null;
    balance: number;
  }) =>
    `${h.headName ?? h.address}${h.houseNumber ? ` · ${h.houseNumber}` : ''} · ${h.address}（${h.balance}分）`;
  for (const h of households.data?.items ?? [])
    if (!picked.has(h.householdId)) picked.set(h.householdId, nameOf(h));
  const options = [...picked.entries()].map(([value, text]) => ({ value, label: text }));

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('credits.award.title')}
      testId="credit-award"
      width={520}
      formSize="large"
      saveLabel={t('credits.award.submit')}
      initialValues={{ occurredOn: dayjs() }}
    >
      <Form.Item
        name="householdIds"
        label={t('credits.field.households')}
        rules={[{ required: true, message: t('credits.award.pickHousehold') }]}
      >
        <Select
          mode="multiple"
          showSearch={{ filterOption: false, onSearch: setSearch }}
          options={options}
          placeholder={t('credits.accounts.search')}
          loading={households.isFetching}
          onChange={() => setPicked(new Map(picked))}
          data-testid="credit-award-households"
        />
      </Form.Item>
      <Form.Item name="occurredOn" label={t('credits.field.occurredOn')} rules={[{ required: true }]}>
        <DateField notFuture data-testid="credit-award-date" />
      </Form.Item>
      <Form.Item
        name="ruleId"
        label={t('credits.field.rule')}
        rules={[{ required: true, message: t('credits.award.pickRule') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={rules.isFetching}
          options={(rules.data?.items ?? []).map((r) => ({
            value: r.id,
            label: `${label(creditCategoryLabels, r.category)} · ${r.item}（${r.points > 0 ? '+' : ''}${r.points}分）`,
          }))}
          data-testid="credit-award-rule"
        />
      </Form.Item>
      {rule?.isVariable && (
        <Form.Item name="points" label={t('credits.field.pointsGiven')} initialValue={rule.points}>
          <InputNumber
            precision={0}
            min={rule.points > 0 ? 1 : rule.points}
            max={rule.points > 0 ? rule.points : -1}
            data-testid="credit-award-points"
          />
        </Form.Item>
      )}
      {rule && rule.points < 0 && <Alert type="warning" showIcon title={t('credits.award.deductionNote')} />}
      {rule?.needsReview && <Alert type="info" showIcon title={t('credits.award.reviewNote')} />}
      {rule?.isEvidenceRequired && <Alert type="warning" showIcon title={t('credits.award.photoNote')} />}
      <Form.Item
        name="reason"
        label={t('credits.field.reason')}
        rules={[
          {
            required: !!rule && rule.points < 0,
            whitespace: true,
            message: t('credits.award.deductionNote'),
          },
        ]}
      >
        <Input.TextArea rows={2} maxLength={500} data-testid="credit-award-reason" />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
