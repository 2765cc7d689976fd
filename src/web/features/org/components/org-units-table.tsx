import { RollbackOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Table, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type OrgKind,
  type OrgTreeNode,
  type OrgUnit,
  orgKindLabels,
  orgKinds,
} from '../../../../contracts/org';
import { EmptyState, PageError } from '../../../components/page-states';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import type { OrgUnitListParams } from '../api/keys';
import { useOrgUnits } from '../api/list-org-units';
import { useConfirmRestore } from '../lib/use-confirm-restore';
import { OrgUnitStatusTag } from './org-unit-status';

type Status = NonNullable<OrgUnitListParams['status']>;
const statuses: Status[] = ['active', 'dissolved', 'deleted', 'all'];

type Props = { nodes: OrgTreeNode[]; onOpen: (id: string) => void };

/** 列表视图: search, kind and status filters, paging; the only place deleted units can be found and restored. */
export const OrgUnitsTable = ({ nodes, onOpen }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const { confirmRestore } = useConfirmRestore();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<OrgKind | undefined>();
  const [status, setStatus] = useState<Status>('active');
  const list = useListParams<OrgUnit>();

  const params: OrgUnitListParams = {
    q: q || undefined,
    kind,
    status,
    orgUnitId: scopeId,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  };
  const units = useOrgUnits(params);
  const parentName = useMemo(() => new Map(nodes.map((n) => [n.id, n.name])), [nodes]);

  const columns: TableProps<OrgUnit>['columns'] = [
    {
      title: t('org.field.name'),
      dataIndex: 'name',
      sorter: true,
      render: (name: string, u) =>
        u.deletedAt ? (
          name
        ) : (
          <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(u.id)}>
            {name}
          </Button>
        ),
    },
    {
      title: t('org.field.kind'),
      dataIndex: 'kind',
      sorter: true,
      render: (k: OrgKind) => label(orgKindLabels, k),
    },
    { title: t('org.field.code'), dataIndex: 'code', render: (c: string | null) => c ?? '—' },
    {
      title: t('org.field.parent'),
      dataIndex: 'parentId',
      render: (id: string | null) => (id ? (parentName.get(id) ?? '—') : '—'),
    },
    {
      title: t('org.field.foundedOn'),
      dataIndex: 'foundedOn',
      render: (d: string | null) => formatDate(d) || '—',
    },
    { title: t('org.field.status'), key: 'status', render: (_, u) => <OrgUnitStatusTag unit={u} /> },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      render: (d: string) => formatDateTime(d),
    },
    ...(access.canManageOrg
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, u: OrgUnit) =>
              u.deletedAt ? (
                <Button size="small" icon={<RollbackOutlined />} onClick={() => confirmRestore(u)}>
                  {t('common.restore')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div>
      <Form layout="inline" className="bbt-filters">
        <Form.Item label={t('common.keyword')} htmlFor="org-filter-keyword">
          <Input.Search
            id="org-filter-keyword"
            allowClear
            placeholder={t('org.list.searchPlaceholder')}
            onSearch={(v) => {
              setQ(v.trim());
              list.resetPage();
            }}
            data-testid="org-list-q"
          />
        </Form.Item>
        <Form.Item label={t('org.field.kind')} htmlFor="org-filter-kind">
          <Select
            id="org-filter-kind"
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('common.all')}
            value={kind}
            onChange={(v) => {
              setKind(v);
              list.resetPage();
            }}
            options={orgKinds.map((k) => ({ value: k, label: label(orgKindLabels, k) }))}
          />
        </Form.Item>
        <Form.Item label={t('org.field.status')} htmlFor="org-filter-status">
          <Select
            id="org-filter-status"
            style={{ minWidth: 120 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              list.resetPage();
            }}
            options={statuses.map((s) => ({ value: s, label: t(`org.status.${s}`) }))}
            data-testid="org-list-status"
          />
        </Form.Item>
      </Form>
      {units.isError ? (
        <PageError error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <Table<OrgUnit>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={units.data?.items}
          loading={units.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState /> }}
          onChange={list.onTableChange}
          pagination={list.pagination(units.data?.total)}
        />
      )}
    </div>
  );
};
