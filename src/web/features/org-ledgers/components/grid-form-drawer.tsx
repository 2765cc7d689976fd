import { App, Button, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { createGridInputSchema } from '../../../../contracts/org-ledgers';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { PageError, PageLoading } from '../../../components/page-states';
import { PersonSelect } from '../../../components/person-select';
import { zodRule } from '../../../lib/form-rules';
import { useOrgScope } from '../../../lib/org-scope';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useCreateGrid } from '../api/create-grid';
import { useGrid } from '../api/get-grid';
import { useUpdateGrid } from '../api/update-grid';

type FormValues = { orgUnitId: string; name: string; memberPersonId?: string; note?: string };

export type GridFormMode = { type: 'create' } | { type: 'edit'; gridId: string };

type Props = { mode: GridFormMode; onClose: () => void };

const trimmed = (s: string | undefined) => s?.trim() || undefined;

/** 新增网格 / 编辑网格: a grid divides one village; an executive member of it covers the grid. */
export const GridFormDrawer = ({ mode, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scopeId } = useOrgScope();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const isCreate = mode.type === 'create';
  const existing = useGrid(mode.type === 'edit' ? mode.gridId : undefined);
  const g = existing.data;
  const create = useCreateGrid();
  const update = useUpdateGrid();
  const onError = useApiErrorHandler();
  const orgUnitId = Form.useWatch('orgUnitId', form) ?? g?.orgUnitId;

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
          memberPersonId: v.memberPersonId,
          note: trimmed(v.note),
        },
        handlers,
      );
    } else if (g) {
      update.mutate(
        {
          id: g.id,
          version: g.version,
          name: v.name.trim(),
          memberPersonId: v.memberPersonId ?? null,
          note: trimmed(v.note) ?? null,
        },
        handlers,
      );
    }
  };

  const isLoadingEdit = !isCreate && existing.isPending;
  const initialValues: Partial<FormValues> = g
    ? {
        orgUnitId: g.orgUnitId,
        name: g.name,
        memberPersonId: g.memberPersonId ?? undefined,
        note: g.note ?? undefined,
      }
    : { orgUnitId: scopeId };

  return (
    <Drawer
      open
      onClose={onClose}
      title={isCreate ? t('grids.create') : t('grids.edit')}
      size={isMobile ? '100%' : 480}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => void onSubmit().catch(() => undefined)}
            loading={create.isPending || update.isPending}
            disabled={isLoadingEdit || existing.isError}
            data-testid="grid-form-submit"
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
      {(isCreate || g) && (
        <Form form={form} layout="vertical" initialValues={initialValues} data-testid="grid-form">
          {isCreate ? (
            <Form.Item
              label={t('grids.field.village')}
              name="orgUnitId"
              extra={t('grids.village.hint')}
              rules={[{ required: true, message: t('grids.rule.village') }]}
            >
              <OrgTreeSelect data-testid="grid-form-org" />
            </Form.Item>
          ) : (
            <Form.Item label={t('grids.field.village')}>
              <Input value={g?.orgUnitName} disabled />
            </Form.Item>
          )}
          <Form.Item
            label={t('grids.field.name')}
            name="name"
            rules={[
              { required: true, whitespace: true, message: t('grids.rule.name') },
              zodRule(createGridInputSchema.shape.name, t('grids.rule.name')),
            ]}
          >
            <Input maxLength={60} placeholder={t('grids.placeholder.name')} data-testid="grid-form-name" />
          </Form.Item>
          <Form.Item label={t('grids.field.member')} name="memberPersonId" extra={t('grids.member.hint')}>
            <PersonSelect
              orgUnitId={orgUnitId}
              requireUnit
              known={
                g?.memberPersonId && g.memberName ? [{ value: g.memberPersonId, label: g.memberName }] : []
              }
              data-testid="grid-form-member"
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
