import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatePatrolInput } from '../../../../contracts/activities';
import { DateField } from '../../../components/date-field';
import { SaveFooter } from '../../../components/ledger-form-drawer';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { isApiError } from '../../../lib/api-client';
import { DATE_FORMAT } from '../../../lib/format';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { uuidV7 } from '../../../lib/uuid-v7';
import { useCreatePatrolBatch } from '../api/create-patrol-batch';
import { useForestChiefs } from '../api/list-forest-chiefs';
import { useForestTeams } from '../api/list-forest-teams';

type Row = {
  id: string;
  occurredOn: string | undefined;
  area: string;
  chiefIds: string[];
  durationMinutes: number | null;
  hazardsFound: number;
  hazardNote: string;
};
type RowErrors = Partial<Record<keyof Row, string>>;

const blankRow = (): Row => ({
  id: uuidV7(),
  occurredOn: dayjs().format(DATE_FORMAT),
  area: '',
  chiefIds: [],
  durationMinutes: null,
  hazardsFound: 0,
  hazardNote: '',
});

const dayAfter = (date: string) => {
  const next = dayjs(date, DATE_FORMAT).add(1, 'day');
  return (next.isAfter(dayjs(), 'day') ? dayjs() : next).format(DATE_FORMAT);
};

/** A copy of the row before, one day later (never past today), with its own client id (a new patrol). */
const nextRow = (prev: Row): Row => ({
  ...prev,
  id: uuidV7(),
  occurredOn: prev.occurredOn ? dayAfter(prev.occurredOn) : undefined,
  chiefIds: [...prev.chiefIds],
});

/** Maps the server's `items.N.field` details onto the rows. */
export const mapBatchErrors = (details: { field?: string; message: string }[]) => {
  const out: Record<number, RowErrors> = {};
  for (const d of details) {
    const m = /^items\.(\d+)\.(\w+)/.exec(d.field ?? '');
    if (!m) continue;
    const n = Number(m[1]);
    out[n] = { ...out[n], [m[2]]: d.message };
  }
  return out;
};

type Props = { defaultOrgUnitId: string | undefined; scopeId: string | undefined; onClose: () => void };

/**
 * 批量登记: a team's week of patrols in one all-or-nothing save. Not on LedgerFormDrawer: its rows live
 * in state (added, copied, removed) rather than in one form record, and a failed save points at a row.
 */
export const PatrolBatchDrawer = ({ defaultOrgUnitId, scopeId, onClose }: Props) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [orgUnitId, setOrgUnitId] = useState(defaultOrgUnitId);
  const [rows, setRows] = useState<Row[]>(() => [blankRow()]);
  const [errors, setErrors] = useState<Record<number, RowErrors>>({});
  const today = dayjs().format(DATE_FORMAT);
  const chiefs = useForestChiefs(orgUnitId, today);
  const teams = useForestTeams(scopeId);
  const [teamId, setTeamId] = useState<string | undefined>();
  const save = useCreatePatrolBatch();

  const patch = (i: number, p: Partial<Row>) => {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...p } : r)));
    setErrors((e) => {
      if (!e[i]) return e;
      const next = { ...e[i] };
      for (const k of Object.keys(p)) delete next[k as keyof Row];
      return { ...e, [i]: next };
    });
  };
  const removeRow = (i: number) => {
    setRows((rs) => rs.filter((_, j) => j !== i));
    setErrors({});
  };

  const check = (): Record<number, RowErrors> => {
    const out: Record<number, RowErrors> = {};
    rows.forEach((r, i) => {
      const e: RowErrors = {};
      if (!r.occurredOn) e.occurredOn = t('patrols.rule.date');
      if (r.area.trim().length < 2) e.area = t('patrols.rule.area');
      if (r.chiefIds.length === 0) e.chiefIds = t('patrols.rule.chiefs');
      if (r.hazardsFound > 0 && !r.hazardNote.trim()) e.hazardNote = t('patrols.rule.hazardNote');
      if (Object.keys(e).length > 0) out[i] = e;
    });
    return out;
  };

  const submit = () => {
    if (!orgUnitId) return;
    const found = check();
    if (Object.keys(found).length > 0) {
      setErrors(found);
      void message.error(t('patrols.batch.fixRows', { count: Object.keys(found).length }));
      return;
    }
    const items: CreatePatrolInput[] = rows.map((r) => ({
      id: r.id,
      orgUnitId,
      occurredOn: r.occurredOn as string,
      area: r.area.trim(),
      chiefIds: r.chiefIds,
      durationMinutes: r.durationMinutes ?? undefined,
      teamId,
      hazardsFound: r.hazardsFound,
      hazardNote: r.hazardsFound > 0 ? r.hazardNote.trim() : undefined,
    }));
    save.mutate(
      { items },
      {
        onSuccess: (res) => {
          void message.success(t('patrols.batch.saved', { count: res.created ?? res.items.length }));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e)) {
            const mapped = mapBatchErrors(e.details);
            if (Object.keys(mapped).length > 0) {
              setErrors(mapped);
              void message.error(t('patrols.batch.fixRows', { count: Object.keys(mapped).length }));
              return;
            }
          }
          onError(e);
        },
      },
    );
  };

  const status = (i: number, k: keyof Row) => (errors[i]?.[k] ? 'error' : undefined);
  const help = (i: number, k: keyof Row) => errors[i]?.[k];

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('patrols.batch.title')}
      size={isMobile ? '100%' : 760}
      data-testid="patrol-batch"
      footer={
        <SaveFooter
          onCancel={onClose}
          onSave={submit}
          saving={save.isPending}
          disabled={!orgUnitId || rows.length === 0}
          testId="patrol-batch-submit"
          label={t('patrols.batch.submit', { count: rows.length })}
        />
      }
    >
      <Alert type="info" showIcon title={t('patrols.batch.hint')} style={{ marginBottom: 12 }} />
      <Form layout="vertical" component="div">
        <Form.Item label={t('ledger.field.orgUnit')} required htmlFor="patrol-batch-unit">
          <OrgTreeSelect
            id="patrol-batch-unit"
            value={orgUnitId}
            onChange={(v) => {
              setOrgUnitId(v);
              setRows((rs) => rs.map((r) => ({ ...r, chiefIds: [] })));
            }}
            data-testid="patrol-batch-unit"
          />
        </Form.Item>
        <Form.Item
          label={t('patrols.field.team')}
          htmlFor="patrol-batch-team"
          extra={t('patrols.batch.teamHint')}
        >
          <Select
            id="patrol-batch-team"
            allowClear
            value={teamId}
            onChange={(v?: string) => setTeamId(v)}
            options={teams.data ?? []}
            loading={teams.isFetching}
            placeholder={t('patrols.teamPlaceholder')}
            notFoundContent={teams.isError ? t('common.loadFailed') : t('patrols.noTeams')}
            data-testid="patrol-batch-team"
          />
        </Form.Item>
        {orgUnitId && chiefs.isSuccess && chiefs.data.length === 0 && (
          <Alert type="warning" showIcon title={t('patrols.noChiefs')} style={{ marginBottom: 12 }} />
        )}
        {rows.map((r, i) => (
          <Card
            key={r.id}
            size="small"
            style={{
              marginBottom: 12,
              borderColor: errors[i] && Object.keys(errors[i]).length ? '#ff4d4f' : undefined,
            }}
            title={t('patrols.batch.row', { n: i + 1 })}
            data-testid="patrol-batch-row"
            extra={
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                disabled={rows.length === 1}
                onClick={() => removeRow(i)}
                aria-label={t('patrols.batch.removeRow')}
                className="bbt-touch"
                data-testid="patrol-batch-remove"
              />
            }
          >
            <Form.Item
              label={t('patrols.field.occurredOn')}
              required
              validateStatus={status(i, 'occurredOn')}
              help={help(i, 'occurredOn')}
            >
              <DateField
                value={r.occurredOn ? dayjs(r.occurredOn, DATE_FORMAT) : null}
                onChange={(d) => patch(i, { occurredOn: d?.format(DATE_FORMAT) })}
                notFuture
                size="large"
                data-testid="patrol-row-date"
              />
            </Form.Item>
            <Form.Item
              label={t('patrols.field.area')}
              required
              validateStatus={status(i, 'area')}
              help={help(i, 'area')}
            >
              <Input
                value={r.area}
                maxLength={120}
                size="large"
                onChange={(e) => patch(i, { area: e.target.value })}
                data-testid="patrol-row-area"
              />
            </Form.Item>
            <Form.Item
              label={t('patrols.field.chiefs')}
              required
              validateStatus={status(i, 'chiefIds')}
              help={help(i, 'chiefIds')}
            >
              <Select
                mode="multiple"
                size="large"
                value={r.chiefIds}
                onChange={(v: string[]) => patch(i, { chiefIds: v })}
                options={chiefs.data ?? []}
                loading={chiefs.isFetching}
                disabled={!orgUnitId}
                optionFilterProp="label"
                placeholder={orgUnitId ? t('patrols.field.chiefs') : t('ledger.person.pickUnitFirst')}
                notFoundContent={chiefs.isError ? t('common.loadFailed') : t('common.empty')}
                data-testid="patrol-row-chiefs"
              />
            </Form.Item>
            <Space wrap align="start" size={[12, 0]}>
              <Form.Item
                label={t('patrols.field.duration')}
                validateStatus={status(i, 'durationMinutes')}
                help={help(i, 'durationMinutes')}
              >
                <InputNumber
                  min={1}
                  max={1440}
                  precision={0}
                  size="large"
                  inputMode="numeric"
                  value={r.durationMinutes}
                  onChange={(v) => patch(i, { durationMinutes: v ?? null })}
                  data-testid="patrol-row-duration"
                />
              </Form.Item>
              <Form.Item
                label={t('patrols.field.hazards')}
                validateStatus={status(i, 'hazardsFound')}
                help={help(i, 'hazardsFound')}
              >
                <InputNumber
                  min={0}
                  max={1000}
                  precision={0}
                  size="large"
                  inputMode="numeric"
                  value={r.hazardsFound}
                  onChange={(v) => patch(i, { hazardsFound: v ?? 0 })}
                  data-testid="patrol-row-hazards"
                />
              </Form.Item>
            </Space>
            {r.hazardsFound > 0 && (
              <Form.Item
                label={t('patrols.field.hazardNote')}
                required
                validateStatus={status(i, 'hazardNote')}
                help={help(i, 'hazardNote')}
              >
                <Input.TextArea
                  value={r.hazardNote}
                  maxLength={1000}
                  autoSize={{ minRows: 2 }}
                  onChange={(e) => patch(i, { hazardNote: e.target.value })}
                  data-testid="patrol-row-note"
                />
              </Form.Item>
            )}
          </Card>
        ))}
        <Space wrap>
          <Button
            size="large"
            icon={<PlusOutlined />}
            disabled={rows.length >= 200}
            onClick={() => setRows((rs) => [...rs, blankRow()])}
            data-testid="patrol-batch-add"
          >
            {t('patrols.batch.addRow')}
          </Button>
          <Button
            size="large"
            icon={<CopyOutlined />}
            disabled={rows.length === 0 || rows.length >= 200}
            onClick={() => setRows((rs) => [...rs, nextRow(rs[rs.length - 1])])}
            data-testid="patrol-batch-copy"
          >
            {t('patrols.batch.copyRow')}
          </Button>
        </Space>
      </Form>
    </Drawer>
  );
};
