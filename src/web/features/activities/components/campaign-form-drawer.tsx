import { App, Button, DatePicker, Drawer, Form, Input, Space } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../../contracts/activities';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { fromApiDate, toApiDate } from '../../../lib/format';
import { useOrgScope } from '../../../lib/org-scope';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useCreateCampaign, useUpdateCampaign } from '../api/save-campaign';

type FormValues = {
  orgUnitId: string;
  name: string;
  startsOn?: dayjs.Dayjs;
  endsOn?: dayjs.Dayjs;
  note?: string;
};

type Props = { campaign: Campaign | null; onClose: () => void };

/** 新建专项行动 / 编辑 (`campaign` null creates). */
export const CampaignFormDrawer = ({ campaign, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scopeId } = useOrgScope();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const onError = useApiErrorHandler();
  const c = campaign;

  const onSubmit = async () => {
    const v = await form.validateFields();
    const handlers = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => onError(e, form, onClose),
    };
    const note = v.note?.trim() || undefined;
    if (!c) {
      create.mutate(
        {
          orgUnitId: v.orgUnitId,
          name: v.name.trim(),
          startsOn: toApiDate(v.startsOn),
          endsOn: toApiDate(v.endsOn),
          note,
        },
        handlers,
      );
    } else {
      update.mutate(
        {
          id: c.id,
          version: c.version,
          name: v.name.trim(),
          startsOn: toApiDate(v.startsOn) ?? null,
          endsOn: toApiDate(v.endsOn) ?? null,
          note: note ?? null,
        },
        handlers,
      );
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      title={c ? t('activities.campaigns.edit') : t('activities.campaigns.create')}
      size={isMobile ? '100%' : 480}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => void onSubmit().catch(() => undefined)}
            loading={create.isPending || update.isPending}
            data-testid="campaign-form-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="campaign-form"
        initialValues={
          c
            ? {
                orgUnitId: c.orgUnitId,
                name: c.name,
                startsOn: fromApiDate(c.startsOn),
                endsOn: fromApiDate(c.endsOn),
                note: c.note ?? undefined,
              }
            : { orgUnitId: scopeId }
        }
      >
        {c ? (
          <Form.Item label={t('activities.campaigns.field.orgUnit')}>
            <Input value={c.orgUnitName} disabled />
          </Form.Item>
        ) : (
          <Form.Item
            label={t('activities.campaigns.field.orgUnit')}
            name="orgUnitId"
            rules={[{ required: true, message: t('ledger.rule.orgUnit') }]}
          >
            <OrgTreeSelect data-testid="campaign-form-org" />
          </Form.Item>
        )}
        <Form.Item
          label={t('activities.campaigns.field.name')}
          name="name"
          rules={[
            { required: true, message: t('activities.campaigns.rule.name') },
            { min: 2, max: 60, message: t('activities.campaigns.rule.nameLength') },
          ]}
        >
          <Input maxLength={60} data-testid="campaign-form-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item label={t('activities.campaigns.field.startsOn')} name="startsOn">
            <DatePicker />
          </Form.Item>
          <Form.Item label={t('activities.campaigns.field.endsOn')} name="endsOn">
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item
          label={t('ledger.field.note')}
          name="note"
          rules={[{ max: 500, message: t('ledger.rule.note') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Drawer>
  );
};
