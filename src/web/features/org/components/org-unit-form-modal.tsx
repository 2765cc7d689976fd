import { App, Form, Input, Modal, Select } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  allowedChildKinds,
  createOrgUnitInputSchema,
  type OrgKind,
  type OrgUnit,
  orgKindLabels,
} from '../../../../contracts/org';
import { DateField } from '../../../components/date-field';
import { zodRule } from '../../../lib/form-rules';
import { fromApiDate, toApiDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useCreateOrgUnit } from '../api/create-org-unit';
import { useUpdateOrgUnit } from '../api/update-org-unit';

type FormValues = { kind?: OrgKind; name: string; code?: string; foundedOn?: dayjs.Dayjs | null };

export type OrgUnitFormMode = { type: 'create'; parent: OrgUnit } | { type: 'edit'; unit: OrgUnit };

type Props = { mode: OrgUnitFormMode | null; onClose: () => void; onSaved: (unit: OrgUnit) => void };

/** 新增下级 (kind limited to what may sit under the parent) and 编辑 (name, code, founding date). */
export const OrgUnitFormModal = ({ mode, ...rest }: Props) =>
  mode ? <OrgUnitFormDialog mode={mode} {...rest} /> : null;

/** Mounted per opening, so every opening starts from the record as it is now. */
const OrgUnitFormDialog = ({ mode, onClose, onSaved }: Props & { mode: OrgUnitFormMode }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const onError = useApiErrorHandler();
  const shape = createOrgUnitInputSchema.shape;

  const kinds = mode.type === 'create' ? allowedChildKinds[mode.parent.kind] : [];
  const initialValues: Partial<FormValues> =
    mode.type === 'edit'
      ? {
          name: mode.unit.name,
          code: mode.unit.code ?? undefined,
          foundedOn: fromApiDate(mode.unit.foundedOn) ?? null,
        }
      : { kind: kinds.length === 1 ? kinds[0] : undefined };

  const onOk = async () => {
    const v = await form.validateFields();
    const code = v.code?.trim() || undefined;
    const handlers = {
      onSuccess: (unit: OrgUnit) => {
        void message.success(t('common.saved'));
        onSaved(unit);
        onClose();
      },
      onError: (e: unknown) => onError(e, form, onClose),
    };
    if (mode.type === 'create') {
      create.mutate(
        {
          parentId: mode.parent.id,
          kind: v.kind as OrgKind,
          name: v.name.trim(),
          code,
          foundedOn: toApiDate(v.foundedOn),
        },
        handlers,
      );
    } else {
      update.mutate(
        {
          id: mode.unit.id,
          version: mode.unit.version,
          name: v.name.trim(),
          code: code ?? null,
          foundedOn: toApiDate(v.foundedOn) ?? null,
        },
        handlers,
      );
    }
  };

  const kindOptions = kinds.map((k) => ({ value: k, label: label(orgKindLabels, k) }));

  return (
    <Modal
      open
      title={mode.type === 'create' ? t('org.action.addChild') : t('org.action.edit')}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} data-testid="org-unit-form">
        {mode.type === 'create' && (
          <>
            <Form.Item label={t('org.field.parent')}>
              <Input value={mode.parent.name} disabled />
            </Form.Item>
            <Form.Item
              label={t('org.field.kind')}
              name="kind"
              rules={[{ required: true, message: t('org.rule.kind') }]}
            >
              <Select options={kindOptions} placeholder={t('common.pleaseSelect')} />
            </Form.Item>
          </>
        )}
        <Form.Item
          label={t('org.field.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('org.rule.nameRequired') },
            zodRule(shape.name, t('org.rule.name')),
          ]}
        >
          <Input maxLength={60} placeholder={t('org.placeholder.name')} />
        </Form.Item>
        <Form.Item
          label={t('org.field.code')}
          name="code"
          extra={t('org.hint.code')}
          rules={[zodRule(shape.code.unwrap(), t('org.rule.code'))]}
        >
          <Input inputMode="numeric" maxLength={15} />
        </Form.Item>
        <Form.Item label={t('org.field.foundedOn')} name="foundedOn">
          <DateField />
        </Form.Item>
      </Form>
    </Modal>
  );
};
