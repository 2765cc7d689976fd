import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AutoAwardResult } from '../../../../contracts/credits';
import { api, errorText } from '../../../lib/api-client';
import { DATE_FORMAT } from '../../../lib/format';
import { useCreditRules } from '../api/credits-api';

type Values = { month: string; ruleId: string; minScore: number };

/** 按美丽庭院月度评分加分: one pass for a month; a rating earns once, a deleted rating's award is reversed. */
export const AutoAwardModal = ({
  scopeId,
  onClose,
}: {
  scopeId: string | undefined;
  onClose: (changed: boolean) => void;
}) => {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useCreditRules({ orgUnitId: scopeId, inForceOn: dayjs().format(DATE_FORMAT), pageSize: 200 });
  const run = async () => {
    const v = await form.validateFields();
    try {
      const r = await api.post<AutoAwardResult>('/api/v1/credits/auto-awards', {
        ...v,
        source: 'courtyardRating',
        orgUnitId: scopeId,
      });
      void message.success(t('credits.auto.done', { created: r.created, reversed: r.reversed }));
      onClose(true);
    } catch (e) {
      void message.error(errorText(e, i18n.language.startsWith('en')));
    }
  };
  return (
    <Modal open title={t('credits.auto.title')} onOk={run} onCancel={() => onClose(false)} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ month: dayjs().subtract(1, 'month').format('YYYY-MM'), minScore: 90 }}
        data-testid="credit-auto-form"
      >
        <Form.Item
          name="month"
          label={t('credits.auto.month')}
          rules={[{ required: true, pattern: /^\d{4}-\d{2}$/ }]}
        >
          <Input placeholder="2026-03" />
        </Form.Item>
        <Form.Item name="ruleId" label={t('credits.field.rule')} rules={[{ required: true }]}>
          <Select
            options={(rules.data?.items ?? [])
              .filter((r) => r.points > 0)
              .map((r) => ({ value: r.id, label: `${r.item}（+${r.points}分）` }))}
          />
        </Form.Item>
        <Form.Item name="minScore" label={t('credits.auto.minScore')} rules={[{ required: true }]}>
          <InputNumber min={0} max={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
