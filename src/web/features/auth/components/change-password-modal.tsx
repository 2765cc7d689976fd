import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePasswordInputSchema } from '../../../../contracts/auth';
import { zodRule } from '../../../lib/form-rules';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useChangePassword } from '../api/change-password';

type FormValues = { currentPassword: string; newPassword: string; confirmPassword: string };

export const ChangePasswordModal = ({ open, onClose }: { open: boolean; onClose: () => void }) =>
  open ? <ChangePasswordDialog onClose={onClose} /> : null;

const ChangePasswordDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const change = useChangePassword();
  const onError = useApiErrorHandler();

  const onOk = async () => {
    const values = await form.validateFields();
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('auth.passwordChanged'));
          form.resetFields();
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t('auth.changePassword')}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      okText={t('common.save')}
      confirmLoading={change.isPending}
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          label={t('auth.currentPassword')}
          name="currentPassword"
          rules={[{ required: true, message: t('auth.currentPasswordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('auth.newPassword')}
          name="newPassword"
          extra={t('password.policy')}
          rules={[
            { required: true, message: t('password.required') },
            zodRule(changePasswordInputSchema.shape.newPassword, t('password.policy')),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('auth.confirmPassword')}
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.confirmPasswordRequired') },
            ({ getFieldValue }) => ({
              validator: async (_r, value: string) => {
                if (value && value !== getFieldValue('newPassword'))
                  throw new Error(t('auth.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
