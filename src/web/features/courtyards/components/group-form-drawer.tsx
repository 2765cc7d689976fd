import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionGroup } from '../../../../contracts/courtyards';
import { PersonSelect } from '../../../components/person-select';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useCreateGroup, useUpdateGroup } from '../api/save-group';

type Props = {
  group: InspectionGroup | null;
  townId: string | undefined;
  towns: { id: string; name: string }[];
  onClose: () => void;
};

type Values = { orgUnitId: string; name: string; memberIds: string[]; note?: string };

/** 新建 / 编辑验收小组: a name and the village chairs in it (from any village of the town). */
export const GroupFormDrawer = ({ group, townId, towns, onClose }: Props) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const unit = Form.useWatch('orgUnitId', form) ?? group?.orgUnitId ?? townId;

  const submit = (v: Values) => {
    const done = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => onError(e, form, onClose),
    };
    if (group)
      update.mutate(
        {
          id: group.id,
          version: group.version,
          name: v.name,
          memberIds: v.memberIds,
          note: v.note?.trim() || null,
        },
        done,
      );
    else
      create.mutate(
        { orgUnitId: v.orgUnitId, name: v.name, memberIds: v.memberIds, note: v.note?.trim() || undefined },
        done,
      );
  };

  return (
    <Drawer
      open
      onClose={onClose}
      title={group ? t('courtyards.group.edit') : t('courtyards.group.create')}
      size={isMobile ? '100%' : 520}
      data-testid="group-form"
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="group-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          orgUnitId: group?.orgUnitId ?? townId,
          name: group?.name ?? '',
          memberIds: group?.memberIds ?? [],
          note: group?.note ?? '',
        }}
      >
        <Form.Item
          name="orgUnitId"
          label={t('courtyards.field.town')}
          rules={[{ required: true, message: t('courtyards.rule.town') }]}
        >
          <Select disabled={Boolean(group)} options={towns.map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('courtyards.group.name')}
          rules={[{ required: true, whitespace: true, message: t('courtyards.rule.groupName') }, { max: 40 }]}
        >
          <Input
            maxLength={40}
            placeholder={t('courtyards.group.namePlaceholder')}
            data-testid="group-name"
          />
        </Form.Item>
        <Form.Item
          name="memberIds"
          label={t('courtyards.group.members')}
          extra={t('courtyards.group.membersHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('courtyards.rule.members') }]}
        >
          <PersonSelect
            orgUnitId={unit}
            requireUnit
            isMultiple
            known={(group?.memberIds ?? []).map((id, n) => ({
              value: id,
              label: group?.memberNames[n] ?? id,
            }))}
            data-testid="group-members"
          />
        </Form.Item>
        <Form.Item name="note" label={t('courtyards.field.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Drawer>
  );
};
