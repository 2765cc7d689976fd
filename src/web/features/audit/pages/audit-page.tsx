import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Select, Table, type TableProps, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AuditEntry,
  type AuditModule,
  auditActionLabels,
  auditModuleLabels,
  auditModules,
} from '../../../../contracts/audit';
import { AuditDiff } from '../../../components/audit-diff';
import { EmptyState, PageError } from '../../../components/page-states';
import { formatDateTime, toApiDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import { useSession } from '../../../lib/session';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useListParams } from '../../../lib/use-list-params';
import { auditExportUrl } from '../api/export-audit';
import type { AuditListParams } from '../api/keys';
import { useAuditEntries } from '../api/list-audit';
import { ActorSelect } from '../components/actor-select';
import { AuditDetailDrawer } from '../components/audit-detail-drawer';

type Range = [dayjs.Dayjs | null, dayjs.Dayjs | null] | null;

/** 操作日志: who changed what and when in the chosen scope, with the before/after of each change. */
export const AuditPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const isMobile = useIsMobile();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const list = useListParams<AuditEntry>({ sort: '-at' });
  const [actorUserId, setActor] = useState<string | undefined>();
  const [module, setModule] = useState<AuditModule | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [range, setRange] = useState<Range>(null);
  const [detail, setDetail] = useState<AuditEntry | null>(null);

  const filters: AuditListParams = {
    actorUserId,
    module,
    action,
    from: toApiDate(range?.[0]),
    to: toApiDate(range?.[1]),
    orgUnitId: scopeId,
    sort: list.sort,
  };
  const entries = useAuditEntries({ ...filters, page: list.page, pageSize: list.pageSize });
  const scopeName = tree.data?.find((n) => n.id === scopeId)?.name ?? '';

  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      list.resetPage();
    };

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      title: t('audit.field.at'),
      dataIndex: 'at',
      sorter: true,
      defaultSortOrder: 'descend',
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (d: string) => formatDateTime(d),
    },
    { title: t('audit.field.actor'), dataIndex: 'actorName', render: (n: string | null) => n ?? '—' },
    {
      title: t('audit.field.module'),
      dataIndex: 'module',
      render: (m: string) => label(auditModuleLabels, m),
    },
    {
      title: t('audit.field.action'),
      dataIndex: 'action',
      render: (a: string) => label(auditActionLabels, a),
    },
    {
      title: t('audit.field.entity'),
      key: 'entity',
      render: (_, e) => e.entityLabel ?? e.entityId ?? '—',
    },
    { title: t('audit.field.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, e) => (
        <Button size="small" type="link" onClick={() => setDetail(e)}>
          {t('audit.viewDetail')}
        </Button>
      ),
    },
  ];

  return (
    <div>
      <div className="bbt-page-header">
        <div>
          <h1>{t('menu.audit.list')}</h1>
          {scopeName && (
            <Typography.Text type="secondary">{t('common.scopeNote', { name: scopeName })}</Typography.Text>
          )}
        </div>
        {access.canExportAudit && (
          <Button icon={<DownloadOutlined />} href={auditExportUrl(filters)} data-testid="audit-export">
            {t('audit.export')}
          </Button>
        )}
      </div>
      <Form layout="inline" className="bbt-filters">
        {access.canReadUsers && (
          <Form.Item label={t('audit.field.actor')} htmlFor="audit-filter-actor">
            <ActorSelect
              id="audit-filter-actor"
              value={actorUserId}
              onChange={changed(setActor)}
              orgUnitId={scopeId}
            />
          </Form.Item>
        )}
        <Form.Item label={t('audit.field.module')} htmlFor="audit-filter-module">
          <Select
            id="audit-filter-module"
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('common.all')}
            value={module}
            onChange={changed(setModule)}
            options={auditModules.map((m) => ({ value: m, label: label(auditModuleLabels, m) }))}
            data-testid="audit-module"
          />
        </Form.Item>
        <Form.Item label={t('audit.field.action')} htmlFor="audit-filter-action">
          <Select
            id="audit-filter-action"
            allowClear
            style={{ minWidth: 140 }}
            placeholder={t('common.all')}
            value={action}
            onChange={changed(setAction)}
            options={Object.keys(auditActionLabels).map((a) => ({
              value: a,
              label: label(auditActionLabels, a),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('audit.filter.dateRange')} htmlFor="audit-filter-dateRange">
          <DatePicker.RangePicker
            id="audit-filter-dateRange"
            value={range}
            onChange={(v) => changed(setRange)(v)}
            allowEmpty={[true, true]}
            inputReadOnly={isMobile}
            data-testid="audit-range"
          />
        </Form.Item>
      </Form>
      {entries.isError ? (
        <PageError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={entries.data?.items}
          loading={entries.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState description={t('audit.empty')} /> }}
          onChange={list.onTableChange}
          pagination={list.pagination(entries.data?.total)}
          expandable={
            isMobile
              ? undefined
              : {
                  rowExpandable: (e) => e.before != null || e.after != null,
                  expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />,
                }
          }
          data-testid="audit-table"
        />
      )}
      <AuditDetailDrawer entry={detail} onClose={() => setDetail(null)} />
    </div>
  );
};
