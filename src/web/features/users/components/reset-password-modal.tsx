import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { resetPasswordInputSchema, type User } from '../../../../contracts/users';
import { zodRule } from '../../../lib/form-rules';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useResetPassword } from '../api/reset-password';

type Props = { user: User | null; onClose: () => void };

export const ResetPasswordModal = ({ user, onClose }: Props) =>
  user ? <ResetPasswordDialog user={user} onClose={onClose} /> : null;

const ResetPasswordDialog = ({ user, onClose }: { user: User; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const onError = useApiErrorHandler();

  const onOk = async () => {
    const v = await form.validateFields();
    reset.mutate(
      { id: user.id, version: user.version, password: v.password },
      {
        onSuccess: () => {
          void message.success(t('users.passwordReset', { name: user.displayName }));
          onClose();
        },
        onError: (e) => onError(e, form, onClose),
      },
    );
  };

  return (
    <Modal
      open
      title={t('users.action.resetPassword')}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      okText={t('common.confirm')}
      confirmLoading={reset.isPending}
    >
      <p>{t('users.resetPasswordFor', { name: user.displayName, username: user.username })}</p>
      <Form form={form} layout="vertical">
        <Form.Item
          label={t('users.field.newPassword')}
          name="password"
          extra={t('password.policy')}
          rules={[
            { required: true, message: t('password.required') },
            zodRule(resetPasswordInputSchema.shape.password, t('password.policy')),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
