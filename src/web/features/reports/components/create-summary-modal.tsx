import { Form, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  type SummaryKind,
  type SummaryStyle,
  summaryKindLabels,
  summaryKinds,
  summaryStyleLabels,
  summaryStyles,
} from '../../../../contracts/reports';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useCreateSummary } from '../api/create-summary';
import { periodIndexLabel } from '../lib/report-period';

type FormValues = {
  orgUnitId: string;
  kind: SummaryKind;
  year: number;
  quarter?: number;
  month?: number;
  style: SummaryStyle;
};

/** 起草总结: unit, kind and period, and how figures read; the server drafts it from the records. */
export const CreateSummaryModal = ({ onClose }: { onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const isEn = i18n.language.startsWith('en');
  const label = useLabel();
  const navigate = useNavigate();
  const { scopeId } = useOrgScope();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateSummary();
  const onError = useApiErrorHandler();
  const kind = Form.useWatch('kind', form) ?? 'annual';
  const now = dayjs();
  // In the first months the summary people write is last year's.
  const defaultYear = now.month() < 2 ? now.year() - 1 : now.year();
  const years = Array.from({ length: 6 }, (_, i) => now.year() - i);

  const onOk = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        orgUnitId: v.orgUnitId,
        kind: v.kind,
        year: v.year,
        quarter: v.kind === 'quarterly' ? v.quarter : null,
        month: v.kind === 'monthly' ? v.month : null,
        style: v.style,
      },
      {
        onSuccess: (s) => navigate(`/reports/summaries/${s.id}`),
        onError: (e) => onError(e, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t('reports.summaries.create')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('reports.summaries.draft')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'summary-draft-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          orgUnitId: scopeId,
          kind: 'annual',
          year: defaultYear,
          quarter: Math.ceil((now.month() + 1) / 3),
          month: now.month() + 1,
          style: 'mixed',
        }}
      >
        <Form.Item name="orgUnitId" label={t('reports.field.unit')} rules={[{ required: true }]}>
          <OrgTreeSelect data-testid="summary-unit" aria-label={t('reports.field.unit')} />
        </Form.Item>
        <Form.Item name="kind" label={t('reports.field.kind')}>
          <Radio.Group
            optionType="button"
            options={summaryKinds.map((k) => ({ value: k, label: label(summaryKindLabels, k) }))}
            data-testid="summary-kind"
          />
        </Form.Item>
        <div className="bbt-inline-fields">
          <Form.Item name="year" label={t('reports.field.year')}>
            <Select
              options={years.map((y) => ({ value: y, label: isEn ? String(y) : `${y}年` }))}
              data-testid="summary-year"
              aria-label={t('reports.field.year')}
            />
          </Form.Item>
          {kind === 'quarterly' && (
            <Form.Item name="quarter" label={t('reports.field.quarter')} rules={[{ required: true }]}>
              <Select
                options={[1, 2, 3, 4].map((q) => ({ value: q, label: periodIndexLabel('quarter', q, isEn) }))}
                aria-label={t('reports.field.quarter')}
              />
            </Form.Item>
          )}
          {kind === 'monthly' && (
            <Form.Item name="month" label={t('reports.field.month')} rules={[{ required: true }]}>
              <Select
                options={Array.from({ length: 12 }, (_, i) => ({
                  value: i + 1,
                  label: periodIndexLabel('month', i + 1, isEn),
                }))}
                aria-label={t('reports.field.month')}
              />
            </Form.Item>
          )}
        </div>
        <Form.Item name="style" label={t('reports.field.style')} extra={t('reports.summaries.styleHint')}>
          <Radio.Group
            options={summaryStyles.map((s) => ({ value: s, label: label(summaryStyleLabels, s) }))}
            data-testid="summary-style-pick"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
