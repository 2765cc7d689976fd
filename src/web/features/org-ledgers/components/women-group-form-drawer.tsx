import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { createWomenGroupInputSchema } from '../../../../contracts/org-ledgers';
import { PageError, PageLoading } from '../../../components/page-states';
import { PersonSelect } from '../../../components/person-select';
import { zodRule } from '../../../lib/form-rules';
import { useOrgScope } from '../../../lib/org-scope';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useCreateWomenGroup } from '../api/create-women-group';
import { useWomenGroup } from '../api/get-women-group';
import { useGrids } from '../api/list-grids';
import { useVillagePersons } from '../api/list-village-persons';
import { useUpdateWomenGroup } from '../api/update-women-group';

type FormValues = {
  gridId: string;
  name: string;
  leaderPersonId?: string;
  memberIds?: string[];
  note?: string;
};

export type WomenGroupFormMode = { type: 'create' } | { type: 'edit'; groupId: string };

type Props = { mode: WomenGroupFormMode; onClose: () => void };

const trimmed = (s: string | undefined) => s?.trim() || undefined;

/** 新增妇女小组 / 编辑妇女小组: a group belongs to a grid; leader and members are persons of its village. */
export const WomenGroupFormDrawer = ({ mode, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scopeId } = useOrgScope();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const isCreate = mode.type === 'create';
  const existing = useWomenGroup(mode.type === 'edit' ? mode.groupId : undefined);
  const w = existing.data;
  const grids = useGrids({ orgUnitId: scopeId, status: 'active', pageSize: 200, sort: 'name' });
  const gridId = Form.useWatch('gridId', form) ?? w?.gridId;
  const villageId = w?.orgUnitId ?? grids.data?.items.find((g) => g.id === gridId)?.orgUnitId;
  const persons = useVillagePersons(villageId);
  const known = (persons.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  const create = useCreateWomenGroup();
  const update = useUpdateWomenGroup();
  const onError = useApiErrorHandler();

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
          gridId: v.gridId,
          name: v.name.trim(),
          leaderPersonId: v.leaderPersonId,
          memberIds: v.memberIds ?? [],
          note: trimmed(v.note),
        },
        handlers,
      );
    } else if (w) {
      update.mutate(
        {
          id: w.id,
          version: w.version,
          name: v.name.trim(),
          leaderPersonId: v.leaderPersonId ?? null,
          memberIds: v.memberIds ?? [],
          note: trimmed(v.note) ?? null,
        },
        handlers,
      );
    }
  };

  const isLoadingEdit = !isCreate && existing.isPending;
  const initialValues: Partial<FormValues> = w
    ? {
        gridId: w.gridId,
        name: w.name,
        leaderPersonId: w.leaderPersonId ?? undefined,
        memberIds: w.memberIds,
        note: w.note ?? undefined,
      }
    : { memberIds: [] };

  return (
    <Drawer
      open
      onClose={onClose}
      title={isCreate ? t('womenGroups.create') : t('womenGroups.edit')}
      size={isMobile ? '100%' : 520}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => void onSubmit().catch(() => undefined)}
            loading={create.isPending || update.isPending}
            disabled={isLoadingEdit || existing.isError}
            data-testid="women-group-form-submit"
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
      {(isCreate || w) && (
        <Form
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onValuesChange={(changed: Partial<FormValues>) => {
            if ('gridId' in changed) form.setFieldsValue({ leaderPersonId: undefined, memberIds: [] });
          }}
          data-testid="women-group-form"
        >
          {isCreate ? (
            <Form.Item
              label={t('womenGroups.field.grid')}
              name="gridId"
              rules={[{ required: true, message: t('womenGroups.rule.grid') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={grids.isPending}
                options={(grids.data?.items ?? []).map((g) => ({
                  value: g.id,
                  label: `${g.orgUnitName} · ${g.name}`,
                }))}
                data-testid="women-group-form-grid"
              />
            </Form.Item>
          ) : (
            <Form.Item label={t('womenGroups.field.grid')}>
              <Input value={w?.gridName} disabled />
            </Form.Item>
          )}
          <Form.Item
            label={t('womenGroups.field.name')}
            name="name"
            rules={[
              { required: true, whitespace: true, message: t('womenGroups.rule.name') },
              zodRule(createWomenGroupInputSchema.shape.name, t('womenGroups.rule.name')),
            ]}
          >
            <Input maxLength={60} data-testid="women-group-form-name" />
          </Form.Item>
          <Form.Item label={t('womenGroups.field.leader')} name="leaderPersonId">
            <PersonSelect
              orgUnitId={villageId}
              requireUnit
              known={known}
              data-testid="women-group-form-leader"
            />
          </Form.Item>
          <Form.Item label={t('womenGroups.field.members')} name="memberIds">
            <PersonSelect
              orgUnitId={villageId}
              requireUnit
              isMultiple
              known={known}
              data-testid="women-group-form-members"
            />
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
