import { App, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createSiteInputSchema, siteKindLabels, siteKinds } from '../../../../contracts/org-ledgers';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { PageError, PageLoading } from '../../../components/page-states';
import { PersonSelect } from '../../../components/person-select';
import { zodRule } from '../../../lib/form-rules';
import { fromApiDate, toApiDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useCreateSite } from '../api/create-site';
import { useSite } from '../api/get-site';
import { useUpdateSite } from '../api/update-site';

type FormValues = {
  orgUnitId: string;
  kind: (typeof siteKinds)[number];
  name: string;
  address?: string;
  openedOn?: dayjs.Dayjs;
  contactPersonId?: string;
  note?: string;
};

export type SiteFormMode = { type: 'create' } | { type: 'edit'; siteId: string };

type Props = { mode: SiteFormMode; onClose: () => void };

const trimmed = (s: string | undefined) => s?.trim() || undefined;

/** 新增阵地 / 编辑阵地. */
export const SiteFormDrawer = ({ mode, onClose }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const { scopeId } = useOrgScope();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const isCreate = mode.type === 'create';
  const existing = useSite(mode.type === 'edit' ? mode.siteId : undefined);
  const s = existing.data;
  const create = useCreateSite();
  const update = useUpdateSite();
  const onError = useApiErrorHandler();
  const orgUnitId = Form.useWatch('orgUnitId', form) ?? s?.orgUnitId;
  const shape = createSiteInputSchema.shape;

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
          kind: v.kind,
          name: v.name.trim(),
          address: trimmed(v.address),
          openedOn: toApiDate(v.openedOn),
          contactPersonId: v.contactPersonId,
          note: trimmed(v.note),
        },
        handlers,
      );
    } else if (s) {
      update.mutate(
        {
          id: s.id,
          version: s.version,
          kind: v.kind,
          name: v.name.trim(),
          address: trimmed(v.address) ?? null,
          openedOn: toApiDate(v.openedOn) ?? null,
          contactPersonId: v.contactPersonId ?? null,
          note: trimmed(v.note) ?? null,
        },
        handlers,
      );
    }
  };

  const isLoadingEdit = !isCreate && existing.isPending;
  const initialValues: Partial<FormValues> = s
    ? {
        orgUnitId: s.orgUnitId,
        kind: s.kind,
        name: s.name,
        address: s.address ?? undefined,
        openedOn: fromApiDate(s.openedOn),
        contactPersonId: s.contactPersonId ?? undefined,
        note: s.note ?? undefined,
      }
    : { orgUnitId: scopeId };

  return (
    <Drawer
      open
      onClose={onClose}
      title={isCreate ? t('sites.create') : t('sites.edit')}
      size={isMobile ? '100%' : 480}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => void onSubmit().catch(() => undefined)}
            loading={create.isPending || update.isPending}
            disabled={isLoadingEdit || existing.isError}
            data-testid="site-form-submit"
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
      {(isCreate || s) && (
        <Form form={form} layout="vertical" initialValues={initialValues} data-testid="site-form">
          {isCreate ? (
            <Form.Item
              label={t('ledger.field.orgUnit')}
              name="orgUnitId"
              rules={[{ required: true, message: t('ledger.rule.orgUnit') }]}
            >
              <OrgTreeSelect data-testid="site-form-org" />
            </Form.Item>
          ) : (
            <Form.Item label={t('ledger.field.orgUnit')}>
              <Input value={s?.orgUnitName} disabled />
            </Form.Item>
          )}
          <Form.Item
            label={t('sites.field.kind')}
            name="kind"
            rules={[{ required: true, message: t('sites.rule.kind') }]}
          >
            <Select
              options={siteKinds.map((k) => ({ value: k, label: label(siteKindLabels, k) }))}
              data-testid="site-form-kind"
            />
          </Form.Item>
          <Form.Item
            label={t('sites.field.name')}
            name="name"
            rules={[
              { required: true, whitespace: true, message: t('sites.rule.name') },
              zodRule(shape.name, t('sites.rule.name')),
            ]}
          >
            <Input maxLength={60} placeholder={t('sites.placeholder.name')} data-testid="site-form-name" />
          </Form.Item>
          <Form.Item
            label={t('sites.field.address')}
            name="address"
            rules={[{ max: 120, message: t('sites.rule.address') }]}
          >
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item label={t('sites.field.openedOn')} name="openedOn">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('sites.field.contact')} name="contactPersonId">
            <PersonSelect
              orgUnitId={orgUnitId}
              known={
                s?.contactPersonId && s.contactName
                  ? [{ value: s.contactPersonId, label: s.contactName }]
                  : []
              }
              data-testid="site-form-contact"
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
