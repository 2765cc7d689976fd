import { DownloadOutlined } from '@ant-design/icons';
import { Button, Table, type TableProps } from 'antd';
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
import { type LedgerFilter, LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import { LedgerEmpty, LedgerPageHeader, LedgerResults } from '../../../components/ledger-page';
import { formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useListParams } from '../../../lib/use-list-params';
import { auditExportUrl } from '../api/export-audit';
import { useAuditEntries } from '../api/list-audit';
import { ActorSelect } from '../components/actor-select';
import { AuditDetailDrawer } from '../components/audit-detail-drawer';

type Filters = { actorUserId?: string; module?: AuditModule; action?: string; from?: string; to?: string };

/** 操作日志: who changed what and when in the chosen scope, with the before/after of each change. */
export const AuditPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const isMobile = useIsMobile();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const list = useListParams<AuditEntry>({ sort: '-at' });
  const filters = useLedgerFilters<Filters>({}, { list });
  const [detail, setDetail] = useState<AuditEntry | null>(null);
  const entries = useAuditEntries(filters.query);

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
      <LedgerPageHeader
        title={t('menu.audit.list')}
        toolbar={
          access.canExportAudit && (
            <Button
              icon={<DownloadOutlined />}
              href={auditExportUrl(filters.query)}
              data-testid="audit-export"
            >
              {t('audit.export')}
            </Button>
          )
        }
      />
      <LedgerFilters<Filters>
        idPrefix="audit"
        filters={filters}
        fields={[
          ...(access.canReadUsers
            ? [
                {
                  kind: 'custom',
                  key: 'actorUserId',
                  label: t('audit.field.actor'),
                  render: ({ id, value, onChange }) => (
                    <ActorSelect id={id} value={value} onChange={onChange} orgUnitId={scopeId} />
                  ),
                } satisfies LedgerFilter<Filters>,
              ]
            : []),
          {
            kind: 'select',
            key: 'module',
            label: t('audit.field.module'),
            width: 160,
            options: auditModules.map((m) => ({ value: m, label: label(auditModuleLabels, m) })),
          },
          {
            kind: 'select',
            key: 'action',
            label: t('audit.field.action'),
            testId: 'audit-action',
            options: Object.keys(auditActionLabels).map((a) => ({
              value: a,
              label: label(auditActionLabels, a),
            })),
          },
          {
            kind: 'period',
            from: 'from',
            to: 'to',
            label: t('audit.filter.dateRange'),
            isOpenEnded: true,
            testId: 'audit-range',
          },
        ]}
      />
      <LedgerResults<AuditEntry>
        query={entries}
        list={list}
        empty={<LedgerEmpty isFiltered={filters.isFiltered} text={t('audit.empty')} />}
        onOpen={setDetail}
        cards={{
          testId: 'audit-cards',
          title: (e) => `${label(auditModuleLabels, e.module)} · ${label(auditActionLabels, e.action)}`,
          fields: (e) => [
            { key: 'at', label: t('audit.field.at'), children: formatDateTime(e.at) },
            { key: 'actor', label: t('audit.field.actor'), children: e.actorName ?? '—' },
            { key: 'entity', label: t('audit.field.entity'), children: e.entityLabel ?? e.entityId ?? '—' },
          ],
        }}
        table={
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={entries.data?.items}
            loading={entries.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <LedgerEmpty isFiltered={filters.isFiltered} text={t('audit.empty')} /> }}
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
        }
      />
      <AuditDetailDrawer entry={detail} onClose={() => setDetail(null)} />
    </div>
  );
};
