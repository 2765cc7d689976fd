import { Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatePatrolInput, Patrol } from '../../../../contracts/activities';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { OrgUnitFormItem } from '../../../components/ledger-form-items';
import { DATE_FORMAT } from '../../../lib/format';
import type { OutboxEntry } from '../../../lib/offline/outbox';
import { uuidV7 } from '../../../lib/uuid-v7';
import { isQueuedPatrol, useCreatePatrolOrQueue } from '../api/create-patrol';
import { useForestChiefs } from '../api/list-forest-chiefs';
import { useForestTeams } from '../api/list-forest-teams';
import { useUpdatePatrol } from '../api/update-patrol';

type Values = {
  orgUnitId?: string;
  occurredOn?: Dayjs;
  area?: string;
  chiefIds?: string[];
  teamId?: string | null;
  durationMinutes?: number | null;
  hazardsFound?: number;
  hazardNote?: string;
  actionTaken?: string;
};

type Props = {
  patrol?: Patrol;
  /** A patrol the server refused, from the offline outbox (修改): the form opens with its values. */
  fromOutbox?: OutboxEntry | null;
  defaultOrgUnitId: string | undefined;
  /** Whose 林长队 may be chosen: the page's scope. */
  scopeId: string | undefined;
  onClose: () => void;
};

/** 新增 / 编辑 one patrol. */
export const PatrolFormDrawer = ({ patrol, fromOutbox, defaultOrgUnitId, scopeId, onClose }: Props) => {
  const { t } = useTranslation();
  // Made once per open form: a retried save carries the same id and cannot duplicate.
  // 修改 of a refused patrol from the offline outbox keeps its id: saving it replaces the entry.
  const [clientId] = useState(() => fromOutbox?.id ?? uuidV7());
  const common = (v: Values) => ({
    occurredOn: (v.occurredOn as Dayjs).format(DATE_FORMAT),
    area: (v.area ?? '').trim(),
    chiefIds: v.chiefIds ?? [],
    hazardsFound: v.hazardsFound ?? 0,
  });
  const hazardNote = (v: Values) =>
    (v.hazardsFound ?? 0) > 0 ? v.hazardNote?.trim() || undefined : undefined;
  const ledger = useLedgerForm({
    onClose,
    isCreate: !patrol,
    record: patrol,
    // With no network the patrol waits in the offline outbox; the drawer closes and says so.
    create: useCreatePatrolOrQueue(),
    createdMessage: (d) => (isQueuedPatrol(d) ? t('offline.queued') : t('common.saved')),
    update: useUpdatePatrol(),
    toCreate: (v: Values) => ({
      id: clientId,
      orgUnitId: v.orgUnitId as string,
      ...common(v),
      durationMinutes: v.durationMinutes ?? undefined,
      teamId: v.teamId ?? undefined,
      hazardNote: hazardNote(v),
      actionTaken: v.actionTaken?.trim() || undefined,
    }),
    toUpdate: (v, p) => ({
      id: p.id,
      version: p.version,
      ...common(v),
      durationMinutes: v.durationMinutes ?? null,
      teamId: v.teamId ?? null,
      hazardNote: hazardNote(v) ?? null,
      actionTaken: v.actionTaken?.trim() || null,
    }),
    closeOnError: 'edit',
  });
  const { form } = ledger;
  useEffect(() => {
    if (!fromOutbox) return;
    const v = fromOutbox.body as CreatePatrolInput;
    form.setFieldsValue({
      orgUnitId: v.orgUnitId,
      occurredOn: dayjs(v.occurredOn, DATE_FORMAT),
      area: v.area,
      chiefIds: v.chiefIds,
      teamId: v.teamId,
      durationMinutes: v.durationMinutes,
      hazardsFound: v.hazardsFound,
      hazardNote: v.hazardNote,
      actionTaken: v.actionTaken,
    });
  }, [fromOutbox, form]);
  const orgUnitId = Form.useWatch('orgUnitId', form) ?? patrol?.orgUnitId ?? defaultOrgUnitId;
  const hazards = Form.useWatch('hazardsFound', form) ?? 0;
  const chiefs = useForestChiefs(orgUnitId, dayjs().format(DATE_FORMAT));
  const teams = useForestTeams(scopeId);
  const known = patrol
    ? patrol.chiefIds.map((id, i) => ({ value: id, label: patrol.chiefNames[i] ?? id }))
    : [];
  const options = [
    ...known.filter((k) => !chiefs.data?.some((c) => c.value === k.value)),
    ...(chiefs.data ?? []),
  ];

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={patrol ? t('patrols.edit') : t('patrols.create')}
      testId="patrol"
      width={520}
      formSize="large"
      initialValues={
        patrol
          ? {
              orgUnitId: patrol.orgUnitId,
              occurredOn: dayjs(patrol.occurredOn, DATE_FORMAT),
              area: patrol.area,
              chiefIds: patrol.chiefIds,
              teamId: patrol.teamId,
              durationMinutes: patrol.durationMinutes,
              hazardsFound: patrol.hazardsFound,
              hazardNote: patrol.hazardNote ?? undefined,
              actionTaken: patrol.actionTaken ?? undefined,
            }
          : { orgUnitId: defaultOrgUnitId, occurredOn: dayjs(), hazardsFound: 0 }
      }
    >
      <OrgUnitFormItem
        isCreate={!patrol}
        orgUnitName={patrol?.orgUnitName}
        requiredMessage={t('ledger.person.pickUnitFirst')}
        testId="patrol-form-unit"
      />
      <Form.Item
        name="occurredOn"
        label={t('patrols.field.occurredOn')}
        rules={[{ required: true, message: t('patrols.rule.date') }]}
      >
        <DateField notFuture data-testid="patrol-form-date" />
      </Form.Item>
      <Form.Item
        name="area"
        label={t('patrols.field.area')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('patrols.rule.area') }]}
      >
        <Input maxLength={120} data-testid="patrol-form-area" />
      </Form.Item>
      <Form.Item
        name="chiefIds"
        label={t('patrols.field.chiefs')}
        rules={[{ required: true, type: 'array', min: 1, message: t('patrols.rule.chiefs') }]}
        extra={orgUnitId && chiefs.isSuccess && chiefs.data.length === 0 ? t('patrols.noChiefs') : undefined}
      >
        <Select
          mode="multiple"
          options={options}
          loading={chiefs.isFetching}
          optionFilterProp="label"
          notFoundContent={chiefs.isError ? t('common.loadFailed') : t('common.empty')}
          data-testid="patrol-form-chiefs"
        />
      </Form.Item>
      <Form.Item name="teamId" label={t('patrols.field.team')}>
        <Select
          allowClear
          options={[
            ...(patrol?.teamId && !teams.data?.some((o) => o.value === patrol.teamId)
              ? [{ value: patrol.teamId, label: patrol.teamName ?? patrol.teamId }]
              : []),
            ...(teams.data ?? []),
          ]}
          loading={teams.isFetching}
          placeholder={t('patrols.teamPlaceholder')}
          notFoundContent={teams.isError ? t('common.loadFailed') : t('patrols.noTeams')}
          data-testid="patrol-form-team"
        />
      </Form.Item>
      <Space wrap size={[12, 0]}>
        <Form.Item name="durationMinutes" label={t('patrols.field.duration')}>
          <InputNumber
            min={1}
            max={1440}
            precision={0}
            inputMode="numeric"
            data-testid="patrol-form-duration"
          />
        </Form.Item>
        <Form.Item name="hazardsFound" label={t('patrols.field.hazards')}>
          <InputNumber
            min={0}
            max={1000}
            precision={0}
            inputMode="numeric"
            data-testid="patrol-form-hazards"
          />
        </Form.Item>
      </Space>
      {hazards > 0 && (
        <Form.Item
          name="hazardNote"
          label={t('patrols.field.hazardNote')}
          rules={[{ required: true, whitespace: true, message: t('patrols.rule.hazardNote') }]}
        >
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} data-testid="patrol-form-note" />
        </Form.Item>
      )}
      <Form.Item name="actionTaken" label={t('patrols.field.actionTaken')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} data-testid="patrol-form-action" />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
