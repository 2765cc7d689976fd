import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { revealSensitiveInputSchema } from '../../../../contracts/people';
import { zodRule } from '../../../lib/form-rules';

type Props = {
  isOpen: boolean;
  isPending: boolean;
  onCancel: () => void;
  onReveal: (reason: string) => void;
  /** Another use of the same question (an unmasked export): its own title, warning and button. */
  texts?: { title: string; content: string; okText: string; reason: string; reasonRequired: string };
};

/**
 * Asks why before the full ID number and phone are shown: the reason is required and kept in the
 * audit log beside the view, so a later review can tell a home visit from curiosity.
 */
export const RevealReasonModal = ({ isOpen, isPending, onCancel, onReveal, texts }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const onOk = async () => {
    const v = await form.validateFields();
    onReveal(v.reason.trim());
  };
  return (
    <Modal
      open={isOpen}
      title={texts?.title ?? t('people.sensitive.reveal')}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onCancel}
      okText={texts?.okText ?? t('people.sensitive.revealOk')}
      cancelText={t('common.cancel')}
      confirmLoading={isPending}
      destroyOnHidden
      data-testid="person-reveal-dialog"
    >
      <p>{texts?.content ?? t('people.sensitive.confirm')}</p>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          label={texts?.reason ?? t('people.sensitive.reason')}
          name="reason"
          rules={[
            { required: true, message: texts?.reasonRequired ?? t('people.sensitive.reasonRequired') },
            zodRule(
              revealSensitiveInputSchema.shape.reason,
              texts?.reasonRequired ?? t('people.sensitive.reasonRequired'),
            ),
          ]}
        >
          <Input.TextArea
            rows={2}
            maxLength={200}
            placeholder={t('people.sensitive.reasonPlaceholder')}
            data-testid="person-reveal-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
