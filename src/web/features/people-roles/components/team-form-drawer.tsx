import { Form, Select } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  createVolunteerTeamInputSchema,
  type VolunteerTeam,
  volunteerTeamKindLabels,
  volunteerTeamKinds,
} from '../../../../contracts/people-roles';
import { DateField } from '../../../components/date-field';
import type { LedgerFormProps } from '../../../components/ledger-form-drawer';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { NameFormItem, NoteFormItem, OrgUnitFormItem } from '../../../components/ledger-form-items';
import { PersonSelect } from '../../../components/person-select';
import { fromApiDate, toApiDate, trimmed } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
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

/** 新增队伍 / 编辑队伍; the member picker holds the whole member set. */
export const TeamFormDrawer = ({ mode, onClose }: LedgerFormProps) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { scopeId } = useOrgScope();
  const ledger = useLedgerForm({
    onClose,
    mode,
    useRecord: useVolunteerTeam,
    create: useCreateVolunteerTeam(),
    update: useUpdateVolunteerTeam(),
    toCreate: (v: FormValues) => ({
      orgUnitId: v.orgUnitId,
      name: v.name.trim(),
      kind: v.kind,
      leaderPersonId: v.leaderPersonId,
      foundedOn: toApiDate(v.foundedOn),
      memberIds: v.memberIds ?? [],
      note: trimmed(v.note),
    }),
    toUpdate: (v, rec) => ({
      id: rec.id,
      version: rec.version,
      name: v.name.trim(),
      kind: v.kind,
      leaderPersonId: v.leaderPersonId ?? null,
      foundedOn: toApiDate(v.foundedOn) ?? null,
      memberIds: v.memberIds ?? [],
      note: trimmed(v.note) ?? null,
    }),
  });
  const { form, isCreate, record: team } = ledger;
  const orgUnitId = Form.useWatch('orgUnitId', form) ?? team?.orgUnitId;
  const known = [
    ...(team?.members ?? []).map((m) => ({ value: m.personId, label: m.name })),
    ...(team?.leaderPersonId && team.leaderName
      ? [{ value: team.leaderPersonId, label: team.leaderName }]
      : []),
  ];

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
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={isCreate ? t('teams.create') : t('teams.edit')}
      width={520}
      testId="team"
      initialValues={initialValues}
    >
      <OrgUnitFormItem isCreate={isCreate} orgUnitName={team?.orgUnitName} testId="team-form-org" />
      <NameFormItem
        label={t('teams.field.name')}
        message={t('teams.rule.name')}
        schema={createVolunteerTeamInputSchema.shape.name}
        maxLength={60}
        testId="team-form-name"
      />
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
        <DateField />
      </Form.Item>
      <Form.Item label={t('teams.field.members')} name="memberIds" extra={t('teams.members.hint')}>
        <PersonSelect orgUnitId={orgUnitId} isMultiple known={known} data-testid="team-form-members" />
      </Form.Item>
      <NoteFormItem />
    </LedgerFormDrawer>
  );
};
