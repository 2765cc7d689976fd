import { DeleteOutlined, EditOutlined, LockOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  List,
  Popconfirm,
  Row,
  Segmented,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ReportDefinition, reportPeriodTypeLabels } from '../../../../contracts/reports';
import { EmptyState, PageError } from '../../../components/page-states';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useAccess } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useDeleteReportDefinition, useRestoreReportDefinition } from '../api/delete-report-definition';
import { useReportDefinitions } from '../api/list-report-definitions';
import { DefinitionFormDrawer } from '../components/definition-form-drawer';
import { ReportView } from '../components/report-view';
import '../lib/reports.css';
import { CreateButton } from '../../../components/ledger-toolbar';

/** 统计报表: saved report definitions (月报, 季报, 年报 …), each run for a period and unit and exported. */
export const DefinitionsPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const access = useAccess();
  const canWrite = access.can('reports.write');
  const { scopeId } = useOrgScope();
  const [search, setSearch] = useSearchParams();
  const [status, setStatus] = useState<'active' | 'deleted'>('active');
  const [editing, setEditing] = useState<ReportDefinition | 'new' | null>(null);
  const list = useReportDefinitions({ orgUnitId: scopeId, status, pageSize: 100 });
  const del = useDeleteReportDefinition();
  const restore = useRestoreReportDefinition();
  const onError = useApiErrorHandler();
  const items = list.data?.items ?? [];
  const selectedId = search.get('id');
  // A report just saved may not be in the list until it refetches: wait rather than show another one.
  const picked = items.find((d) => d.id === selectedId);
  const selected =
    status !== 'active' ? undefined : (picked ?? (selectedId && list.isFetching ? undefined : items[0]));

  const select = (id: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('id', id);
        return next;
      },
      { replace: true },
    );

  return (
    <div>
      <div className="bbt-page-header">
        <h1>{t('reports.definitions.title')}</h1>
        <Space wrap>
          <Segmented<'active' | 'deleted'>
            value={status}
            onChange={setStatus}
            options={[
              { value: 'active', label: t('reports.status.active') },
              { value: 'deleted', label: t('reports.status.deleted') },
            ]}
            data-testid="definitions-status"
          />
          {canWrite && (
            <CreateButton
              label={t('reports.definitions.create')}
              onCreate={() => setEditing('new')}
              testId="definition-create"
            />
          )}
        </Space>
      </div>
      {list.isError ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={7}>
            <Card size="small" title={t('reports.definitions.saved')}>
              <List<ReportDefinition>
                loading={list.isPending}
                dataSource={items}
                rowKey="id"
                locale={{
                  emptyText: (
                    <EmptyState
                      description={
                        status === 'active'
                          ? t('reports.definitions.empty')
                          : t('reports.definitions.noDeleted')
                      }
                    />
                  ),
                }}
                renderItem={(d) => (
                  <List.Item
                    className={d.id === selected?.id ? 'bbt-definition is-selected' : 'bbt-definition'}
                    data-testid="definition-item"
                    actions={
                      !canWrite
                        ? undefined
                        : access.ownerAbove(d.orgUnitId)
                          ? [
                              <Tooltip
                                key="locked"
                                title={t('reports.definitions.ownedAbove', {
                                  name: access.ownerAbove(d.orgUnitId)?.name,
                                })}
                              >
                                <Tag
                                  icon={<LockOutlined />}
                                  tabIndex={0}
                                  aria-label={t('reports.definitions.ownedAbove', {
                                    name: access.ownerAbove(d.orgUnitId)?.name,
                                  })}
                                  data-testid="definition-locked"
                                >
                                  {access.ownerAbove(d.orgUnitId)?.name}
                                </Tag>
                              </Tooltip>,
                            ]
                          : status === 'deleted'
                            ? [
                                <Popconfirm
                                  key="restore"
                                  title={t('ledger.restoreConfirm', { name: d.name })}
                                  okText={t('common.restore')}
                                  cancelText={t('common.cancel')}
                                  onConfirm={() =>
                                    restore.mutateAsync(d).then(
                                      () => void message.success(t('reports.restored')),
                                      (e) => onError(e),
                                    )
                                  }
                                >
                                  <Button
                                    size="small"
                                    icon={<RollbackOutlined />}
                                    aria-label={t('common.restore')}
                                  />
                                </Popconfirm>,
                              ]
                            : [
                                <Button
                                  key="edit"
                                  size="small"
                                  icon={<EditOutlined />}
                                  aria-label={t('common.edit')}
                                  onClick={() => setEditing(d)}
                                  data-testid="definition-edit"
                                />,
                                <Popconfirm
                                  key="delete"
                                  title={t('ledger.deleteConfirm', { name: d.name })}
                                  description={t('ledger.deleteHint')}
                                  okText={t('common.delete')}
                                  okButtonProps={{ danger: true }}
                                  cancelText={t('common.cancel')}
                                  onConfirm={() =>
                                    del.mutateAsync(d).then(
                                      () => void message.success(t('reports.deleted')),
                                      (e) => onError(e),
                                    )
                                  }
                                >
                                  <Button
                                    size="small"
                                    danger
                                    icon={<DeleteOutlined />}
                                    aria-label={t('common.delete')}
                                    data-testid="definition-delete"
                                  />
                                </Popconfirm>,
                              ]
                    }
                  >
                    <button
                      type="button"
                      className="bbt-definition-open"
                      onClick={() => status === 'active' && select(d.id)}
                      aria-current={d.id === selected?.id}
                      data-testid="definition-open"
                    >
                      <Typography.Text strong>{d.name}</Typography.Text>
                      <span>
                        <Tag>{label(reportPeriodTypeLabels, d.periodType)}</Tag>
                        <Typography.Text type="secondary">
                          {t('reports.definitions.columnCount', { n: d.columns.length })}
                        </Typography.Text>
                      </span>
                    </button>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} lg={17}>
            {selected ? (
              <ReportView key={selected.id + selected.version} definition={selected} />
            ) : (
              !list.isPending && (
                <Card>
                  <EmptyState description={t('reports.definitions.pick')}>
                    {canWrite && status === 'active' && (
                      <Button type="primary" onClick={() => setEditing('new')}>
                        {t('reports.definitions.create')}
                      </Button>
                    )}
                  </EmptyState>
                </Card>
              )
            )}
          </Col>
        </Row>
      )}
      {editing && (
        <DefinitionFormDrawer
          definition={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(d) => {
            setEditing(null);
            select(d.id);
          }}
        />
      )}
    </div>
  );
};
