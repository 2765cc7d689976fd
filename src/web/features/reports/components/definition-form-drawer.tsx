import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type ReportColumn,
  type ReportDefinition,
  type ReportPeriodType,
  reportOrgLevelLabels,
  reportOrgLevels,
  reportPeriodTypeLabels,
  reportPeriodTypes,
} from '../../../../contracts/reports';
import { SaveFooter } from '../../../components/ledger-form-drawer';
import { RecordHistory } from '../../../components/record-history';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useIndicators } from '../api/list-indicators';
import { useSaveReportDefinition } from '../api/save-report-definition';

type Mode = 'all' | 'filter' | 'split';
type ColumnValues = {
  indicatorKey?: string;
  mode: Mode;
  dimension?: string;
  value?: string;
  label?: string;
};
type FormValues = {
  name: string;
  periodType: ReportPeriodType;
  orgLevel: (typeof reportOrgLevels)[number];
  columns: ColumnValues[];
  note?: string;
};

const toValues = (c: ReportColumn): ColumnValues => ({
  indicatorKey: c.indicatorKey,
  mode: c.filter ? 'filter' : c.splitBy ? 'split' : 'all',
  dimension: c.filter?.dimension ?? c.splitBy ?? undefined,
  value: c.filter?.value,
  label: c.label ?? undefined,
});

const toColumn = (v: ColumnValues): ReportColumn => ({
  indicatorKey: v.indicatorKey as string,
  filter: v.mode === 'filter' && v.dimension && v.value ? { dimension: v.dimension, value: v.value } : null,
  splitBy: v.mode === 'split' && v.dimension ? v.dimension : null,
  label: v.label?.trim() || null,
});

const starter: ColumnValues[] = [
  { indicatorKey: 'activities.sessions', mode: 'all' },
  { indicatorKey: 'activities.attendances', mode: 'all' },
];

type Props = {
  definition: ReportDefinition | null;
  onClose: () => void;
  onSaved: (d: ReportDefinition) => void;
};

/** 新建报表 / 编辑: name, period, rows (units one or two levels down) and the indicator columns. */
export const DefinitionFormDrawer = ({ definition, onClose, onSaved }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const { scopeId } = useOrgScope();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const defs = useIndicators();
  const save = useSaveReportDefinition();
  const onError = useApiErrorHandler();
  const d = definition;
  const columns = Form.useWatch('columns', form) ?? [];

  const onSubmit = async () => {
    const v = await form.validateFields();
    const body = {
      name: v.name.trim(),
      periodType: v.periodType,
      orgLevel: v.orgLevel,
      columns: v.columns.map(toColumn),
      note: v.note?.trim() || null,
    };
    save.mutate(
      d ? { id: d.id, input: { ...body, version: d.version } } : { input: { ...body, orgUnitId: scopeId } },
      {
        onSuccess: (saved) => {
          void message.success(t('common.saved'));
          onSaved(saved);
        },
        onError: (e) => onError(e, form, onClose),
      },
    );
  };

  const defOf = (key?: string) => defs.data?.find((x) => x.key === key);

  return (
    <Drawer
      open
      onClose={onClose}
      title={d ? t('reports.definitions.edit') : t('reports.definitions.create')}
      size={isMobile ? '100%' : 640}
      footer={
        <SaveFooter
          onCancel={onClose}
          onSave={() => void onSubmit()}
          saving={save.isPending}
          testId="definition-save"
        />
      }
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={
          d
            ? {
                name: d.name,
                periodType: d.periodType,
                orgLevel: d.orgLevel,
                note: d.note ?? undefined,
                columns: d.columns.map(toValues),
              }
            : { name: '', periodType: 'month', orgLevel: 'orgUnit', columns: starter }
        }
        onFinish={() => void onSubmit()}
      >
        <Form.Item
          name="name"
          label={t('reports.field.name')}
          rules={[
            { required: true, whitespace: true, message: t('reports.definitions.nameRequired') },
            { max: 60 },
          ]}
        >
          <Input placeholder={t('reports.definitions.namePlaceholder')} data-testid="definition-name" />
        </Form.Item>
        <Form.Item name="periodType" label={t('reports.field.periodType')}>
          <Radio.Group
            optionType="button"
            options={reportPeriodTypes.map((p) => ({ value: p, label: label(reportPeriodTypeLabels, p) }))}
            data-testid="definition-period-type"
          />
        </Form.Item>
        <Form.Item name="orgLevel" label={t('reports.field.orgLevel')}>
          <Radio.Group
            options={reportOrgLevels.map((p) => ({ value: p, label: label(reportOrgLevelLabels, p) }))}
          />
        </Form.Item>
        <Typography.Title level={5}>{t('reports.field.columns')}</Typography.Title>
        <Form.List
          name="columns"
          rules={[
            {
              validator: async (_r, v: ColumnValues[]) => {
                if (!v || v.length === 0) throw new Error(t('reports.definitions.columnsRequired'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => {
                const col = columns[i];
                const def = defOf(col?.indicatorKey);
                const dim = def?.dimensions.find((x) => x.key === col?.dimension);
                return (
                  <div key={field.key} className="bbt-column-row" data-testid="definition-column">
                    <Form.Item
                      name={[field.name, 'indicatorKey']}
                      rules={[{ required: true, message: t('reports.definitions.indicatorRequired') }]}
                      style={{ flex: 2, minWidth: 160 }}
                    >
                      <Select
                        aria-label={t('reports.stats.indicator')}
                        placeholder={t('reports.stats.indicator')}
                        loading={defs.isPending}
                        showSearch={{ optionFilterProp: 'label' }}
                        options={(defs.data ?? []).map((x) => ({
                          value: x.key,
                          label: label({ l: x.label }, 'l'),
                        }))}
                        onChange={() => form.setFieldValue(['columns', field.name, 'dimension'], undefined)}
                        data-testid="definition-indicator"
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'mode']} style={{ minWidth: 100 }}>
                      <Select
                        aria-label={t('reports.definitions.mode')}
                        disabled={!def?.dimensions.length}
                        options={(['all', 'filter', 'split'] as const).map((m) => ({
                          value: m,
                          label: t(`reports.definitions.mode.${m}`),
                        }))}
                      />
                    </Form.Item>
                    {col?.mode && col.mode !== 'all' && (
                      <Form.Item
                        name={[field.name, 'dimension']}
                        rules={[{ required: true, message: t('reports.definitions.dimensionRequired') }]}
                        style={{ minWidth: 120 }}
                      >
                        <Select
                          aria-label={t('reports.stats.dimension')}
                          placeholder={t('reports.stats.dimension')}
                          options={(def?.dimensions ?? []).map((x) => ({
                            value: x.key,
                            label: label({ l: x.label }, 'l'),
                          }))}
                        />
                      </Form.Item>
                    )}
                    {col?.mode === 'filter' && (
                      <Form.Item
                        name={[field.name, 'value']}
                        rules={[{ required: true, message: t('reports.definitions.valueRequired') }]}
                        style={{ minWidth: 120 }}
                      >
                        <Select
                          aria-label={t('reports.definitions.value')}
                          placeholder={t('reports.definitions.value')}
                          options={Object.entries(dim?.values ?? {}).map(([k, v]) => ({
                            value: k,
                            label: label({ l: v }, 'l'),
                          }))}
                        />
                      </Form.Item>
                    )}
                    <Form.Item name={[field.name, 'label']} style={{ flex: 1, minWidth: 120 }}>
                      <Input
                        placeholder={t('reports.definitions.columnLabel')}
                        maxLength={40}
                        aria-label={t('reports.definitions.columnLabel')}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('reports.definitions.removeColumn')}
                      onClick={() => remove(field.name)}
                      disabled={fields.length <= 1}
                    />
                  </div>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ mode: 'all' })}
                disabled={fields.length >= 30}
                block
                data-testid="definition-add-column"
              >
                {t('reports.definitions.addColumn')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('reports.field.note')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {d && <RecordHistory entityType="reportDefinition" entityId={d.id} />}
    </Drawer>
  );
};
