import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patrol } from '../../../../contracts/activities';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { DATE_FORMAT } from '../../../lib/format';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { uuidV7 } from '../../../lib/uuid-v7';
import { useCreatePatrol } from '../api/create-patrol';
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
  defaultOrgUnitId: string | undefined;
  /** Whose 林长队 may be chosen: the page's scope. */
  scopeId: string | undefined;
  onClose: () => void;
};

/** 新增 / 编辑 one patrol. */
export const PatrolFormDrawer = ({ patrol, defaultOrgUnitId, scopeId, onClose }: Props) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  // Made once per open form: a retried save carries the same id and cannot duplicate.
  const [clientId] = useState(uuidV7);
  const orgUnitId = Form.useWatch('orgUnitId', form) ?? patrol?.orgUnitId ?? defaultOrgUnitId;
  const hazards = Form.useWatch('hazardsFound', form) ?? 0;
  const chiefs = useForestChiefs(orgUnitId, dayjs().format(DATE_FORMAT));
  const teams = useForestTeams(scopeId);
  const create = useCreatePatrol();
  const update = useUpdatePatrol();
  const known = patrol
    ? patrol.chiefIds.map((id, i) => ({ value: id, label: patrol.chiefNames[i] ?? id }))
    : [];
  const options = [
    ...known.filter((k) => !chiefs.data?.some((c) => c.value === k.value)),
    ...(chiefs.data ?? []),
  ];

  const submit = (v: Values) => {
    const common = {
      occurredOn: (v.occurredOn as Dayjs).format(DATE_FORMAT),
      area: (v.area ?? '').trim(),
      chiefIds: v.chiefIds ?? [],
      hazardsFound: v.hazardsFound ?? 0,
    };
    const note = (v.hazardsFound ?? 0) > 0 ? v.hazardNote?.trim() || undefined : undefined;
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    if (patrol) {
      update.mutate(
        {
          id: patrol.id,
          version: patrol.version,
          ...common,
          durationMinutes: v.durationMinutes ?? null,
          teamId: v.teamId ?? null,
          hazardNote: note ?? null,
          actionTaken: v.actionTaken?.trim() || null,
        },
        { onSuccess: done, onError: (e) => onError(e, form, onClose) },
      );
    } else {
      create.mutate(
        {
          id: clientId,
          orgUnitId: v.orgUnitId as string,
          ...common,
          durationMinutes: v.durationMinutes ?? undefined,
          teamId: v.teamId ?? undefined,
          hazardNote: note,
          actionTaken: v.actionTaken?.trim() || undefined,
        },
        { onSuccess: done, onError: (e) => onError(e, form) },
      );
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      title={patrol ? t('patrols.edit') : t('patrols.create')}
      size={isMobile ? '100%' : 520}
      data-testid="patrol-form"
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="patrol-form-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        onFinish={submit}
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
        {patrol ? (
          <Form.Item label={t('ledger.field.orgUnit')}>
            <Input value={patrol.orgUnitName} disabled />
          </Form.Item>
        ) : (
          <Form.Item
            name="orgUnitId"
            label={t('ledger.field.orgUnit')}
            rules={[{ required: true, message: t('ledger.person.pickUnitFirst') }]}
          >
            <OrgTreeSelect data-testid="patrol-form-unit" />
          </Form.Item>
        )}
        <Form.Item
          name="occurredOn"
          label={t('patrols.field.occurredOn')}
          rules={[{ required: true, message: t('patrols.rule.date') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            inputReadOnly={isMobile}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="patrol-form-date"
          />
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
          extra={
            orgUnitId && chiefs.isSuccess && chiefs.data.length === 0 ? t('patrols.noChiefs') : undefined
          }
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
      </Form>
    </Drawer>
  );
};
