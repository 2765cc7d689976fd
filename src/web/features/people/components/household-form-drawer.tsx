import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { createHouseholdInputSchema } from '../../../../contracts/people';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { PageError, PageLoading } from '../../../components/page-states';
import { zodRule } from '../../../lib/form-rules';
import { useOrgScope } from '../../../lib/org-scope';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useCreateHousehold } from '../api/create-household';
import { useHousehold } from '../api/get-household';
import { usePersons } from '../api/list-persons';
import { useUpdateHousehold } from '../api/update-household';

type FormValues = {
  orgUnitId: string;
  address: string;
  houseNumber?: string;
  headPersonId?: string;
  note?: string;
};

export type HouseholdFormMode = { type: 'create' } | { type: 'edit'; householdId: string };

type Props = { mode: HouseholdFormMode | null; onClose: () => void };

export const HouseholdFormDrawer = ({ mode, onClose }: Props) =>
  mode ? <HouseholdFormDialog mode={mode} onClose={onClose} /> : null;

const trimmed = (s: string | undefined) => s?.trim() || undefined;

/** 新增家庭户 / 编辑家庭户; the head is chosen among the household's own members. */
const HouseholdFormDialog = ({ mode, onClose }: { mode: HouseholdFormMode; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scopeId } = useOrgScope();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const isCreate = mode.type === 'create';
  const existing = useHousehold(mode.type === 'edit' ? mode.householdId : undefined);
  const h = existing.data;
  const members = usePersons({ householdId: h?.id, pageSize: 200, sort: 'name' }, Boolean(h));
  const create = useCreateHousehold();
  const update = useUpdateHousehold();
  const onError = useApiErrorHandler();
  const shape = createHouseholdInputSchema.shape;

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
          address: v.address.trim(),
          houseNumber: trimmed(v.houseNumber),
          note: trimmed(v.note),
        },
        handlers,
      );
    } else if (h) {
      update.mutate(
        {
          id: h.id,
          version: h.version,
          address: v.address.trim(),
          houseNumber: trimmed(v.houseNumber) ?? null,
          headPersonId: v.headPersonId ?? null,
          note: trimmed(v.note) ?? null,
        },
        handlers,
      );
    }
  };

  const isLoadingEdit = !isCreate && existing.isPending;
  const initialValues: Partial<FormValues> = h
    ? {
        orgUnitId: h.orgUnitId,
        address: h.address,
        houseNumber: h.houseNumber ?? undefined,
        headPersonId: h.headPersonId ?? undefined,
        note: h.note ?? undefined,
      }
    : { orgUnitId: scopeId };

  return (
    <Drawer
      open
      onClose={onClose}
      title={isCreate ? t('households.create') : t('households.edit')}
      size={isMobile ? '100%' : 480}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => void onSubmit().catch(() => undefined)}
            loading={create.isPending || update.isPending}
            disabled={isLoadingEdit || existing.isError}
            data-testid="household-form-submit"
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
      {(isCreate || h) && (
        <Form form={form} layout="vertical" initialValues={initialValues} data-testid="household-form">
          {isCreate ? (
            <Form.Item
              label={t('households.field.orgUnit')}
              name="orgUnitId"
              rules={[{ required: true, message: t('households.rule.orgUnit') }]}
            >
              <OrgTreeSelect data-testid="household-form-org" />
            </Form.Item>
          ) : (
            <Form.Item label={t('households.field.orgUnit')}>
              <Input value={h?.orgUnitName} disabled />
            </Form.Item>
          )}
          <Form.Item
            label={t('households.field.address')}
            name="address"
            rules={[
              { required: true, whitespace: true, message: t('households.rule.address') },
              zodRule(shape.address, t('households.rule.address')),
            ]}
          >
            <Input
              maxLength={120}
              placeholder={t('households.placeholder.address')}
              data-testid="household-form-address"
            />
          </Form.Item>
          <Form.Item
            label={t('households.field.houseNumber')}
            name="houseNumber"
            rules={[{ max: 30, message: t('households.rule.houseNumber') }]}
          >
            <Input maxLength={30} placeholder={t('households.placeholder.houseNumber')} />
          </Form.Item>
          <Form.Item label={t('households.field.head')} name="headPersonId" extra={t('households.head.hint')}>
            <Select
              allowClear
              disabled={isCreate}
              loading={members.isFetching}
              placeholder={t('households.head.placeholder')}
              options={(members.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item
            label={t('households.field.note')}
            name="note"
            rules={[{ max: 500, message: t('people.rule.note') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
};
