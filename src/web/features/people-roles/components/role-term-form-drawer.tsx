import { Form, Input, Select } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type PersonRole, personRoleLabels, personRoles } from '../../../../contracts/people-roles';
import { DateField } from '../../../components/date-field';
import type { LedgerFormProps } from '../../../components/ledger-form-drawer';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { NoteFormItem } from '../../../components/ledger-form-items';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { PersonSelect } from '../../../components/person-select';
import { fromApiDate, toApiDate, trimmed } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useCreateRoleTerm } from '../api/create-role-term';
import { useRoleTerm } from '../api/get-role-term';
import { useUpdateRoleTerm } from '../api/update-role-term';

type FormValues = {
  personId: string;
  orgUnitId: string;
  role: PersonRole;
  startedOn: dayjs.Dayjs;
  endedOn?: dayjs.Dayjs;
  company?: string;
  position?: string;
  note?: string;
};

/** 新增任职 / 编辑任职: who, where and which role are fixed once recorded; dates and notes can change. */
export const RoleTermFormDrawer = ({ mode, onClose }: LedgerFormProps) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { scopeId } = useOrgScope();
  const ledger = useLedgerForm({
    onClose,
    mode,
    useRecord: useRoleTerm,
    create: useCreateRoleTerm(),
    update: useUpdateRoleTerm(),
    toCreate: (v: FormValues) => {
      const isEntrepreneur = v.role === 'entrepreneur';
      return {
        personId: v.personId,
        orgUnitId: v.orgUnitId,
        role: v.role,
        startedOn: toApiDate(v.startedOn) as string,
        endedOn: toApiDate(v.endedOn),
        company: isEntrepreneur ? trimmed(v.company) : undefined,
        position: isEntrepreneur ? trimmed(v.position) : undefined,
        note: trimmed(v.note),
      };
    },
    toUpdate: (v, r) => ({
      id: r.id,
      version: r.version,
      startedOn: toApiDate(v.startedOn),
      endedOn: toApiDate(v.endedOn) ?? null,
      ...(r.role === 'entrepreneur'
        ? { company: trimmed(v.company) ?? null, position: trimmed(v.position) ?? null }
        : {}),
      note: trimmed(v.note) ?? null,
    }),
  });
  const { form, isCreate, record: r } = ledger;
  const orgUnitId = Form.useWatch('orgUnitId', form);
  const role = Form.useWatch('role', form) ?? r?.role;
  const isEntrepreneur = role === 'entrepreneur';
  const initialValues: Partial<FormValues> = r
    ? {
        personId: r.personId,
        orgUnitId: r.orgUnitId,
        role: r.role,
        startedOn: fromApiDate(r.startedOn),
        endedOn: fromApiDate(r.endedOn),
        company: r.company ?? undefined,
        position: r.position ?? undefined,
        note: r.note ?? undefined,
      }
    : { orgUnitId: scopeId };

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={isCreate ? t('roles.create') : t('roles.edit')}
      testId="role-term"
      initialValues={initialValues}
    >
      {isCreate ? (
        <>
          <Form.Item
            label={t('roles.field.orgUnit')}
            name="orgUnitId"
            rules={[{ required: true, message: t('ledger.rule.orgUnit') }]}
          >
            <OrgTreeSelect data-testid="role-term-form-org" />
          </Form.Item>
          <Form.Item
            label={t('roles.field.person')}
            name="personId"
            extra={t('roles.person.hint')}
            rules={[{ required: true, message: t('roles.rule.person') }]}
          >
            <PersonSelect orgUnitId={orgUnitId ?? scopeId} data-testid="role-term-form-person" />
          </Form.Item>
          <Form.Item
            label={t('roles.field.role')}
            name="role"
            rules={[{ required: true, message: t('roles.rule.role') }]}
          >
            <Select
              options={personRoles.map((k) => ({ value: k, label: label(personRoleLabels, k) }))}
              data-testid="role-term-form-role"
            />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item label={t('roles.field.person')}>
            <Input value={r?.personName} disabled />
          </Form.Item>
          <Form.Item label={t('roles.field.orgUnit')}>
            <Input value={r?.orgUnitName} disabled />
          </Form.Item>
          <Form.Item label={t('roles.field.role')}>
            <Input value={label(personRoleLabels, r?.role)} disabled />
          </Form.Item>
        </>
      )}
      <Form.Item
        label={t('roles.field.startedOn')}
        name="startedOn"
        rules={[{ required: true, message: t('roles.rule.startedOn') }]}
      >
        <DateField data-testid="role-term-form-started" />
      </Form.Item>
      <Form.Item
        label={t('roles.field.endedOn')}
        name="endedOn"
        extra={t('roles.endedOn.hint')}
        dependencies={['startedOn']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_rule, value: dayjs.Dayjs | undefined) => {
              const started = getFieldValue('startedOn') as dayjs.Dayjs | undefined;
              if (value && started && value.isBefore(started, 'day'))
                throw new Error(t('roles.rule.endedOn'));
            },
          }),
        ]}
      >
        <DateField />
      </Form.Item>
      {isEntrepreneur && (
        <>
          <Form.Item
            label={t('roles.field.company')}
            name="company"
            rules={[{ max: 100, message: t('roles.rule.company') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            label={t('roles.field.position')}
            name="position"
            rules={[{ max: 60, message: t('roles.rule.position') }]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </>
      )}
      <NoteFormItem />
    </LedgerFormDrawer>
  );
};
