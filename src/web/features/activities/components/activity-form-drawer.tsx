import { Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../contracts/activities';
import { DateField } from '../../../components/date-field';
import type { LedgerFormProps } from '../../../components/ledger-form-drawer';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { OrgUnitFormItem } from '../../../components/ledger-form-items';
import { PersonSelect } from '../../../components/person-select';
import { fromApiDate, toApiDate, trimmed } from '../../../lib/format';
import { useOrgScope } from '../../../lib/org-scope';
import { uuidV7 } from '../../../lib/uuid-v7';
import { useCreateActivity } from '../api/create-activity';
import { useActivity } from '../api/get-activity';
import { useUnitSites } from '../api/list-sites';
import { useUpdateActivity } from '../api/update-activity';
import { TargetGroupsItem, TitleAndTypeItems } from './activity-fields';
import { CampaignSelect } from './campaign-select';

type FormValues = {
  orgUnitId: string;
  title: string;
  type: string;
  occurredOn: dayjs.Dayjs;
  endedOn?: dayjs.Dayjs;
  isNotable?: boolean;
  siteId?: string;
  place?: string;
  attendance: number;
  volunteerCount?: number;
  campaignIds?: string[];
  targetGroups?: Activity['targetGroups'];
  coOrganizers?: string;
  summary?: string;
  participantIds?: string[];
};

const commonFields = (v: FormValues) => ({
  title: v.title.trim(),
  type: v.type,
  occurredOn: toApiDate(v.occurredOn) as string,
  attendance: v.attendance,
  volunteerCount: v.volunteerCount ?? 0,
  isNotable: v.isNotable ?? false,
  campaignIds: v.campaignIds ?? [],
  targetGroups: v.targetGroups ?? [],
  participantIds: v.participantIds ?? [],
});

/** 登记活动 / 编辑活动 with every field (快速登记 is the short way on a phone). */
export const ActivityFormDrawer = ({ mode, onClose }: LedgerFormProps) => {
  const { t } = useTranslation();
  const { scopeId } = useOrgScope();
  // The client id is made once per open form: a retried 保存 cannot create the activity twice.
  const [clientId] = useState(uuidV7);
  const ledger = useLedgerForm({
    onClose,
    mode,
    useRecord: useActivity,
    create: useCreateActivity(),
    update: useUpdateActivity(),
    toCreate: (v: FormValues) => ({
      id: clientId,
      orgUnitId: v.orgUnitId,
      ...commonFields(v),
      endedOn: toApiDate(v.endedOn),
      siteId: v.siteId,
      place: trimmed(v.place),
      coOrganizers: trimmed(v.coOrganizers),
      summary: trimmed(v.summary),
    }),
    toUpdate: (v, rec) => ({
      id: rec.id,
      version: rec.version,
      ...commonFields(v),
      endedOn: toApiDate(v.endedOn) ?? null,
      siteId: v.siteId ?? null,
      place: trimmed(v.place) ?? null,
      coOrganizers: trimmed(v.coOrganizers) ?? null,
      summary: trimmed(v.summary) ?? null,
    }),
  });
  const { form, isCreate, record: a } = ledger;
  const orgUnitId = Form.useWatch('orgUnitId', form) ?? a?.orgUnitId;
  const sites = useUnitSites(orgUnitId);
  const occurredOn: dayjs.Dayjs | undefined = Form.useWatch('occurredOn', form);

  const initialValues: Partial<FormValues> = a
    ? {
        orgUnitId: a.orgUnitId,
        title: a.title,
        type: a.type,
        occurredOn: fromApiDate(a.occurredOn),
        endedOn: fromApiDate(a.endedOn),
        isNotable: a.isNotable,
        siteId: a.siteId ?? undefined,
        place: a.place ?? undefined,
        attendance: a.attendance,
        volunteerCount: a.volunteerCount,
        campaignIds: a.campaignIds,
        targetGroups: a.targetGroups,
        coOrganizers: a.coOrganizers ?? undefined,
        summary: a.summary ?? undefined,
        participantIds: a.participantIds,
      }
    : { orgUnitId: scopeId, occurredOn: dayjs(), attendance: 0, volunteerCount: 0 };

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={isCreate ? t('activities.create') : t('activities.edit')}
      width={520}
      testId="activity"
      loadingRows={6}
      initialValues={initialValues}
    >
      <OrgUnitFormItem isCreate={isCreate} orgUnitName={a?.orgUnitName} testId="activity-form-org" />
      <TitleAndTypeItems testIdPrefix="activity-form" />
      <Space wrap>
        <Form.Item
          label={t('activities.field.occurredOn')}
          name="occurredOn"
          rules={[{ required: true, message: t('activities.rule.date') }]}
        >
          <DateField notFuture data-testid="activity-form-date" />
        </Form.Item>
        <Form.Item
          label={t('activities.field.endedOn')}
          name="endedOn"
          extra={t('activities.endedOn.hint')}
          dependencies={['occurredOn']}
          rules={[
            {
              validator: (_, end?: dayjs.Dayjs | null) => {
                const start: dayjs.Dayjs | undefined = form.getFieldValue('occurredOn');
                return end && start && end.isBefore(start, 'day')
                  ? Promise.reject(new Error(t('activities.rule.endedOn')))
                  : Promise.resolve();
              },
            },
          ]}
        >
          <DateField notFuture min={occurredOn ?? undefined} data-testid="activity-form-ended" />
        </Form.Item>
      </Space>
      <Form.Item name="isNotable" valuePropName="checked" extra={t('activities.notable.hint')}>
        <Checkbox data-testid="activity-form-notable">{t('activities.field.isNotable')}</Checkbox>
      </Form.Item>
      <Form.Item label={t('activities.field.site')} name="siteId">
        <Select
          allowClear
          loading={sites.isPending}
          options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          data-testid="activity-form-site"
        />
      </Form.Item>
      <Form.Item label={t('activities.field.place')} name="place">
        <Input maxLength={120} />
      </Form.Item>
      <Space wrap>
        <Form.Item
          label={t('activities.field.attendance')}
          name="attendance"
          rules={[{ required: true, message: t('activities.rule.attendance') }]}
        >
          <InputNumber
            min={0}
            max={100000}
            precision={0}
            inputMode="numeric"
            data-testid="activity-form-attendance"
          />
        </Form.Item>
        <Form.Item label={t('activities.field.volunteerCount')} name="volunteerCount">
          <InputNumber min={0} max={10000} precision={0} inputMode="numeric" />
        </Form.Item>
      </Space>
      <TargetGroupsItem />
      <Form.Item label={t('activities.field.campaign')} name="campaignIds">
        <CampaignSelect
          isMultiple
          placeholder={t('common.pleaseSelect')}
          known={a ? a.campaignIds.map((id, i) => ({ value: id, label: a.campaignNames[i] ?? id })) : []}
        />
      </Form.Item>
      <Form.Item
        label={t('activities.field.participants')}
        name="participantIds"
        extra={t('activities.participants.hint')}
        dependencies={['attendance']}
        rules={[
          {
            validator: (_, ids?: string[]) =>
              (ids?.length ?? 0) > (form.getFieldValue('attendance') ?? 0)
                ? Promise.reject(new Error(t('activities.rule.participantsOverAttendance')))
                : Promise.resolve(),
          },
        ]}
      >
        <PersonSelect
          isMultiple
          orgUnitId={orgUnitId}
          requireUnit
          known={a ? a.participants.map((p) => ({ value: p.id, label: p.name })) : []}
          data-testid="activity-form-participants"
        />
      </Form.Item>
      <Form.Item label={t('activities.field.coOrganizers')} name="coOrganizers">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('activities.field.summary')} name="summary">
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
