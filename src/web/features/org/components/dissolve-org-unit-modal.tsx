import { Alert, App, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../contracts/org';
import { DateField } from '../../../components/date-field';
import { toApiDate } from '../../../lib/format';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useDissolveOrgUnit } from '../api/dissolve-org-unit';

type Props = { unit: OrgUnit | null; onClose: () => void };

/** 撤销: the unit stays in the records (history keeps pointing at it) but takes no new work from this date. */
export const DissolveOrgUnitModal = ({ unit, onClose }: Props) =>
  unit ? <DissolveOrgUnitDialog unit={unit} onClose={onClose} /> : null;

const DissolveOrgUnitDialog = ({ unit, onClose }: { unit: OrgUnit; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ dissolvedOn: dayjs.Dayjs }>();
  const dissolve = useDissolveOrgUnit();
  const onError = useApiErrorHandler();

  const onOk = async () => {
    const v = await form.validateFields();
    dissolve.mutate(
      { id: unit.id, version: unit.version, dissolvedOn: toApiDate(v.dissolvedOn) as string },
      {
        onSuccess: () => {
          void message.success(t('org.dissolved'));
          onClose();
        },
        onError: (e) => onError(e, form, onClose),
      },
    );
  };

  return (
    <Modal
      open
      title={t('org.action.dissolve')}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      okText={t('org.confirmDissolve')}
      okButtonProps={{ danger: true }}
      confirmLoading={dissolve.isPending}
    >
      <Alert
        type="warning"
        showIcon
        title={t('org.dissolveWarning', { name: unit.name })}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" initialValues={{ dissolvedOn: dayjs() }}>
        <Form.Item
          label={t('org.field.dissolvedOn')}
          name="dissolvedOn"
          rules={[{ required: true, message: t('org.rule.dissolvedOn') }]}
        >
          <DateField allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
