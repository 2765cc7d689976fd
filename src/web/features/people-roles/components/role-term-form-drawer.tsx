import { App, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type PersonRole, personRoleLabels, personRoles } from '../../../../contracts/people-roles';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { PageError, PageLoading } from '../../../components/page-states';
import { PersonSelect } from '../../../components/person-select';
import { fromApiDate, toApiDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
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

export type RoleTermFormMode = { type: 'create' } | { type: 'edit'; roleTermId: string };

type Props = { mode: RoleTermFormMode; onClose: () => void };

const trimmed = (s: string | undefined) => s?.trim() || undefined;

/** 新增任职 / 编辑任职: who, where and which role are fixed once recorded; dates and notes can change. */
export const RoleTermFormDrawer = ({ mode, onClose }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const { scopeId } = useOrgScope();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const isCreate = mode.type === 'create';
  const existing = useRoleTerm(mode.type === 'edit' ? mode.roleTermId : undefined);
  const r = existing.data;
  const create = useCreateRoleTerm();
  const update = useUpdateRoleTerm();
  const onError = useApiErrorHandler();
  const orgUnitId = Form.useWatch('orgUnitId', form);
  const role = Form.useWatch('role', form) ?? r?.role;
  const isEntrepreneur = role === 'entrepreneur';

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
          personId: v.personId,
          orgUnitId: v.orgUnitId,
          role: v.role,
          startedOn: toApiDate(v.startedOn) as string,
          endedOn: toApiDate(v.endedOn),
          company: isEntrepreneur ? trimmed(v.company) : undefined,
          position: isEntrepreneur ? trimmed(v.position) : undefined,
          note: trimmed(v.note),
        },
        handlers,
      );
    } else if (r) {
      update.mutate(
        {
          id: r.id,
          version: r.version,
          startedOn: toApiDate(v.startedOn),
          endedOn: toApiDate(v.endedOn) ?? null,
          ...(isEntrepreneur
            ? { company: trimmed(v.company) ?? null, position: trimmed(v.position) ?? null }
            : {}),
          note: trimmed(v.note) ?? null,
        },
        handlers,
      );
    }
  };

  const isLoadingEdit = !isCreate && existing.isPending;
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
    <Drawer
      open
      onClose={onClose}
      title={isCreate ? t('roles.create') : t('roles.edit')}
      size={isMobile ? '100%' : 480}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => void onSubmit().catch(() => undefined)}
            loading={create.isPending || update.isPending}
            disabled={isLoadingEdit || existing.isError}
            data-testid="role-term-form-submit"
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
      {(isCreate || r) && (
        <Form form={form} layout="vertical" initialValues={initialValues} data-testid="role-term-form">
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
            <DatePicker style={{ width: '100%' }} data-testid="role-term-form-started" />
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
            <DatePicker style={{ width: '100%' }} />
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
