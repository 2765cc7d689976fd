import { App, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  createVolunteerTeamInputSchema,
  type VolunteerTeam,
  volunteerTeamKindLabels,
  volunteerTeamKinds,
} from '../../../../contracts/people-roles';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { PageError, PageLoading } from '../../../components/page-states';
import { PersonSelect } from '../../../components/person-select';
import { zodRule } from '../../../lib/form-rules';
import { fromApiDate, toApiDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useCreateVolunteerTeam } from '../api/create-volunteer-team';
import { useVolunteerTeam } from '../api/get-volunteer-team';
import { useUpdateVolunteerTeam } from '../api/update-volunteer-team';

type FormValues = {
  orgUnitId: string;
  name: string;
  kind: VolunteerTeam['kind'];
  leaderPersonId?: string;
  foundedOn?: dayjs.Dayjs;
  memberIds?: string[];
  note?: string;
};

export type TeamFormMode = { type: 'create' } | { type: 'edit'; teamId: string };

type Props = { mode: TeamFormMode; onClose: () => void };

const trimmed = (s: string | undefined) => s?.trim() || undefined;

/** 新增队伍 / 编辑队伍; the member picker holds the whole member set. */
export const TeamFormDrawer = ({ mode, onClose }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const { scopeId } = useOrgScope();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const isCreate = mode.type === 'create';
  const existing = useVolunteerTeam(mode.type === 'edit' ? mode.teamId : undefined);
  const team = existing.data;
  const create = useCreateVolunteerTeam();
  const update = useUpdateVolunteerTeam();
  const onError = useApiErrorHandler();
  const orgUnitId = Form.useWatch('orgUnitId', form) ?? team?.orgUnitId;
  const known = [
    ...(team?.members ?? []).map((m) => ({ value: m.personId, label: m.name })),
    ...(team?.leaderPersonId && team.leaderName
      ? [{ value: team.leaderPersonId, label: team.leaderName }]
      : []),
  ];

  const onSubmit = async () => {
    const v = await form.validateFields();
    const handlers = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => onError(e, form, onClose),
    };
    if (isCreate) {
      create.mutate(
        {
          orgUnitId: v.orgUnitId,
          name: v.name.trim(),
          kind: v.kind,
          leaderPersonId: v.leaderPersonId,
          foundedOn: toApiDate(v.foundedOn),
          memberIds: v.memberIds ?? [],
          note: trimmed(v.note),
        },
        handlers,
      );
    } else if (team) {
      update.mutate(
        {
          id: team.id,
          version: team.version,
          name: v.name.trim(),
          kind: v.kind,
          leaderPersonId: v.leaderPersonId ?? null,
          foundedOn: toApiDate(v.foundedOn) ?? null,
          memberIds: v.memberIds ?? [],
          note: trimmed(v.note) ?? null,
        },
        handlers,
      );
    }
  };

  const isLoadingEdit = !isCreate && existing.isPending;
  const initialValues: Partial<FormValues> = team
    ? {
        orgUnitId: team.orgUnitId,
        name: team.name,
        kind: team.kind,
        leaderPersonId: team.leaderPersonId ?? undefined,
        foundedOn: fromApiDate(team.foundedOn),
        memberIds: team.members.map((m) => m.personId),
        note: team.note ?? undefined,
      }
    : { orgUnitId: scopeId, kind: 'serviceTeam', memberIds: [] };

  return (
    <Drawer
      open
      onClose={onClose}
      title={isCreate ? t('teams.create') : t('teams.edit')}
      size={isMobile ? '100%' : 520}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => void onSubmit().catch(() => undefined)}
            loading={create.isPending || update.isPending}
            disabled={isLoadingEdit || existing.isError}
            data-testid="team-form-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {isLoadingEdit && <PageLoading rows={4} />}
      {!isCreate && existing.isError && (
        <PageError error={existing.error} onRetry={() => void existing.refetch()} />
      )}
      {(isCreate || team) && (
        <Form form={form} layout="vertical" initialValues={initialValues} data-testid="team-form">
          {isCreate ? (
            <Form.Item
              label={t('ledger.field.orgUnit')}
              name="orgUnitId"
              rules={[{ required: true, message: t('ledger.rule.orgUnit') }]}
            >
              <OrgTreeSelect data-testid="team-form-org" />
            </Form.Item>
          ) : (
            <Form.Item label={t('ledger.field.orgUnit')}>
              <Input value={team?.orgUnitName} disabled />
            </Form.Item>
          )}
          <Form.Item
            label={t('teams.field.name')}
            name="name"
            rules={[
              { required: true, whitespace: true, message: t('teams.rule.name') },
              zodRule(createVolunteerTeamInputSchema.shape.name, t('teams.rule.name')),
            ]}
          >
            <Input maxLength={60} data-testid="team-form-name" />
          </Form.Item>
          <Form.Item
            label={t('teams.field.kind')}
            name="kind"
            rules={[{ required: true, message: t('teams.rule.kind') }]}
          >
            <Select
              options={volunteerTeamKinds.map((k) => ({
                value: k,
                label: label(volunteerTeamKindLabels, k),
              }))}
              data-testid="team-form-kind"
            />
          </Form.Item>
          <Form.Item label={t('teams.field.leader')} name="leaderPersonId">
            <PersonSelect orgUnitId={orgUnitId} known={known} data-testid="team-form-leader" />
          </Form.Item>
          <Form.Item label={t('teams.field.foundedOn')} name="foundedOn">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('teams.field.members')} name="memberIds" extra={t('teams.members.hint')}>
            <PersonSelect orgUnitId={orgUnitId} isMultiple known={known} data-testid="team-form-members" />
          </Form.Item>
          <Form.Item
            label={t('ledger.field.note')}
            name="note"
            rules={[{ max: 500, message: t('ledger.rule.note') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
};
