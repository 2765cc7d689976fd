import { useQuery } from '@tanstack/react-query';
import { Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CreateNominationInput,
  honourLevelLabels,
  type NomineeKind,
  nomineeKindLabels,
  nomineeKinds,
} from '../../../../contracts/honours';
import type { Person } from '../../../../contracts/people';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { OrgUnitFormItem } from '../../../components/ledger-form-items';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { PersonSelect } from '../../../components/person-select';
import { api } from '../../../lib/api-client';
import { useLabel } from '../../../lib/labels';
import { useCreateNomination, useHonourTitles } from '../api/honours-api';

type Values = {
  orgUnitId?: string;
  year?: number;
  titleCode?: string;
  nomineeKind?: NomineeKind;
  personId?: string;
  headPersonId?: string;
  collectiveUnitId?: string;
  deeds?: string;
};

type Props = { defaultOrgUnitId: string | undefined; onClose: () => void };

/** 新增推荐: a person, a household (by its head) or a collective, for a title of the county's catalogue. */
export const NominationFormDrawer = ({ defaultOrgUnitId, onClose }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const titles = useHonourTitles();
  const create = useCreateNomination();
  // A household is picked by its head: her household is read from her record.
  const [headId, setHeadId] = useState<string | undefined>();
  const head = useQuery({
    queryKey: ['people', 'persons', 'detail', headId],
    queryFn: ({ signal }) =>
      api.get<Person>(`/api/v1/people/persons/${encodeURIComponent(headId ?? '')}`, undefined, signal),
    enabled: Boolean(headId),
  });
  const householdId = head.data?.householdId ?? undefined;
  const ledger = useLedgerForm<Values, never, CreateNominationInput>({
    onClose,
    isCreate: true,
    create,
    toCreate: (v) => ({
      orgUnitId: v.orgUnitId as string,
      year: v.year as number,
      titleCode: v.titleCode as string,
      nomineeKind: v.nomineeKind as NomineeKind,
      ...(v.nomineeKind === 'person' ? { personId: v.personId } : {}),
      ...(v.nomineeKind === 'household' ? { householdId } : {}),
      ...(v.nomineeKind === 'collective' ? { collectiveUnitId: v.collectiveUnitId } : {}),
      deeds: v.deeds?.trim() || undefined,
    }),
    closeOnError: 'never',
  });
  const { form } = ledger;
  const kind = Form.useWatch('nomineeKind', form) ?? 'person';
  const orgUnitId = Form.useWatch('orgUnitId', form) ?? defaultOrgUnitId;
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('honours.create')}
      testId="nomination"
      width={560}
      initialValues={{ orgUnitId: defaultOrgUnitId, year: dayjs().year(), nomineeKind: 'person' }}
      onValuesChange={(changed) => {
        if ('headPersonId' in changed) setHeadId(changed.headPersonId);
      }}
    >
      <OrgUnitFormItem
        isCreate
        orgUnitName={undefined}
        label={t('honours.field.unit')}
        testId="nomination-form-unit"
      />
      <Form.Item name="year" label={t('honours.field.year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} precision={0} data-testid="nomination-form-year" />
      </Form.Item>
      <Form.Item
        name="titleCode"
        label={t('honours.field.title')}
        rules={[{ required: true, message: t('honours.rule.title') }]}
      >
        <Select
          loading={titles.isFetching}
          options={(titles.data?.titles ?? []).map((x) => ({
            value: x.code,
            label: `${x.label.zh}（${label(honourLevelLabels, x.level)}·${x.awardingBody}）`,
          }))}
          data-testid="nomination-form-title"
        />
      </Form.Item>
      <Form.Item name="nomineeKind" label={t('honours.field.kind')}>
        <Radio.Group
          optionType="button"
          options={nomineeKinds.map((k) => ({ value: k, label: label(nomineeKindLabels, k) }))}
          data-testid="nomination-form-kind"
        />
      </Form.Item>
      {kind === 'person' && (
        <Form.Item
          name="personId"
          label={t('honours.field.person')}
          rules={[{ required: true, message: t('honours.rule.nominee') }]}
        >
          <PersonSelect orgUnitId={orgUnitId} requireUnit data-testid="nomination-form-person" />
        </Form.Item>
      )}
      {kind === 'household' && (
        <Form.Item
          name="headPersonId"
          label={t('honours.field.household')}
          extra={
            head.data && !head.data.householdId ? t('honours.household.none') : t('honours.household.hint')
          }
          rules={[{ required: true, message: t('honours.rule.nominee') }]}
          validateStatus={head.data && !head.data.householdId ? 'error' : undefined}
        >
          <PersonSelect orgUnitId={orgUnitId} requireUnit data-testid="nomination-form-household" />
        </Form.Item>
      )}
      {kind === 'collective' && (
        <Form.Item
          name="collectiveUnitId"
          label={t('honours.field.collective')}
          rules={[{ required: true, message: t('honours.rule.nominee') }]}
        >
          <OrgTreeSelect data-testid="nomination-form-collective" />
        </Form.Item>
      )}
      <Form.Item name="deeds" label={t('honours.field.deeds')}>
        <Input.TextArea
          maxLength={1200}
          showCount
          autoSize={{ minRows: 3 }}
          data-testid="nomination-form-deeds"
        />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
