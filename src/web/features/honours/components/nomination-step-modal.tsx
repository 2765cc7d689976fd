import { App, type ButtonProps, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Nomination } from '../../../../contracts/honours';
import { DateField } from '../../../components/date-field';
import { DATE_FORMAT } from '../../../lib/format';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useDecideNomination, usePublicizeNomination } from '../api/honours-api';

type Props = { nomination: Nomination; step: 'publicize' | 'decide'; onClose: () => void };

/** 公示 (the notice period) or 评选结果 (授予 after the notice ends, or 未授予) of one nomination. */
export const NominationStepModal = ({ nomination, step, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm();
  const publicize = usePublicizeNomination();
  const decide = useDecideNomination();
  const outcome = Form.useWatch('outcome', form) ?? 'awarded';
  const done = () => {
    void message.success(t('common.saved'));
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields();
    const handlers = { onSuccess: done, onError: (e: unknown) => onError(e, form) };
    if (step === 'publicize') {
      const [from, to] = v.notice as [Dayjs, Dayjs];
      publicize.mutate(
        {
          id: nomination.id,
          version: nomination.version,
          noticeFrom: from.format(DATE_FORMAT),
          noticeTo: to.format(DATE_FORMAT),
        },
        handlers,
      );
    } else {
      decide.mutate(
        {
          id: nomination.id,
          version: nomination.version,
          outcome: v.outcome,
          awardedOn: v.outcome === 'awarded' ? (v.awardedOn as Dayjs).format(DATE_FORMAT) : undefined,
          note: v.note?.trim() || undefined,
        },
        handlers,
      );
    }
  };
  return (
    <Modal
      open
      title={step === 'publicize' ? t('honours.step.publicizeTitle') : t('honours.step.decideTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={publicize.isPending || decide.isPending}
      okButtonProps={{ 'data-testid': 'nomination-step-submit' } as ButtonProps}
      destroyOnHidden
    >
      <p>
        {nomination.titleName} · {nomination.noticeName}
      </p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'awarded' }}
        data-testid="nomination-step-form"
      >
        {step === 'publicize' ? (
          <Form.Item
            name="notice"
            label={t('honours.field.notice')}
            rules={[{ required: true, message: t('honours.rule.notice') }]}
          >
            <DatePicker.RangePicker data-testid="nomination-step-notice" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="outcome" label={t('honours.field.outcome')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'awarded', label: t('honours.step.award') },
                  { value: 'notAwarded', label: t('honours.step.reject') },
                ]}
              />
            </Form.Item>
            {outcome === 'awarded' && (
              <Form.Item
                name="awardedOn"
                label={t('honours.field.awardedOn')}
                extra={
                  nomination.noticeTo ? `${t('honours.step.awardHint')}（${nomination.noticeTo}）` : undefined
                }
                rules={[{ required: true, message: t('honours.rule.awardedOn') }]}
              >
                <DateField notFuture data-testid="nomination-step-date" />
              </Form.Item>
            )}
            <Form.Item name="note" label={t('honours.field.note')}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
};
