import { RollbackOutlined } from '@ant-design/icons';
import { App, Button, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type SummaryMeta, summaryKindLabels, summaryStyleLabels } from '../../../../contracts/reports';
import { EmptyState, PageError } from '../../../components/page-states';
import { RecordCards } from '../../../components/record-cards';
import { formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useAccess } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useDeleteSummary, useRestoreSummary } from '../api/delete-summary';
import { useSummaries } from '../api/list-summaries';
import { CreateSummaryModal } from '../components/create-summary-modal';
import { periodText } from '../lib/figure-source';
import '../lib/reports.css';
import { DeleteConfirm, RestoreConfirm } from '../../../components/ledger-actions';
import { CreateButton } from '../../../components/ledger-toolbar';

/** 工作总结: the summaries of the scope (年度, 季度, 月度), each opened in the editor; 起草 drafts a new one. */
export const SummariesPage = () => {
  const { t, i18n } = useTranslation();
  const isEn = i18n.language.startsWith('en');
  const label = useLabel();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const canWrite = useAccess().can('reports.write');
  const { scopeId } = useOrgScope();
  const [status, setStatus] = useState<'active' | 'deleted'>('active');
  const [creating, setCreating] = useState(false);
  const [page, setPage] = useState(1);
  const list = useSummaries({ orgUnitId: scopeId, status, page, pageSize: 20 });
  const del = useDeleteSummary();
  const restore = useRestoreSummary();
  const onError = useApiErrorHandler();
  const items = list.data?.items ?? [];

  const actions = (s: SummaryMeta) =>
    !canWrite ? null : status === 'deleted' ? (
      <RestoreConfirm
        name={s.title}
        onConfirm={() =>
          restore.mutateAsync(s).then(
            () => void message.success(t('reports.restored')),
            (e) => onError(e),
          )
        }
      >
        <Button size="small" icon={<RollbackOutlined />}>
          {t('common.restore')}
        </Button>
      </RestoreConfirm>
    ) : (
      <DeleteConfirm
        name={s.title}
        onConfirm={() =>
          del.mutateAsync(s).then(
            () => void message.success(t('reports.deleted')),
            (e) => onError(e),
          )
        }
      >
        <Button size="small" danger data-testid="summary-row-delete">
          {t('common.delete')}
        </Button>
      </DeleteConfirm>
    );
  const titleOf = (s: SummaryMeta) =>
    status === 'active' ? (
      <Link to={`/reports/summaries/${s.id}`} data-testid="summary-open">
        {s.title}
      </Link>
    ) : (
      s.title
    );

  return (
    <div>
      <div className="bbt-page-header">
        <h1>{t('reports.summaries.title')}</h1>
        <Space wrap>
          <Segmented<'active' | 'deleted'>
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={[
              { value: 'active', label: t('reports.status.active') },
              { value: 'deleted', label: t('reports.status.deleted') },
            ]}
          />
          {canWrite && (
            <CreateButton
              label={t('reports.summaries.create')}
              onCreate={() => setCreating(true)}
              testId="summary-create"
            />
          )}
        </Space>
      </div>
      {list.isError ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : isMobile ? (
        <RecordCards<SummaryMeta>
          items={items}
          isLoading={list.isPending}
          page={page}
          pageSize={20}
          total={list.data?.total ?? 0}
          onPageChange={setPage}
          onOpen={(s) => status === 'active' && navigate(`/reports/summaries/${s.id}`)}
          empty={<EmptyState description={t('reports.summaries.empty')} />}
          title={(s) => s.title}
          extra={(s) => <Tag>{label(summaryKindLabels, s.kind)}</Tag>}
          fields={(s) => [
            { key: 'unit', label: t('reports.field.unit'), children: s.orgUnitName },
            { key: 'period', label: t('reports.field.period'), children: periodText(s.period, isEn) },
            {
              key: 'version',
              label: t('reports.field.version'),
              children: t('reports.summaries.versionLine', { n: s.version, at: formatDateTime(s.updatedAt) }),
            },
          ]}
          testId="summary-card"
        />
      ) : (
        <Table<SummaryMeta>
          rowKey="id"
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: <EmptyState description={t('reports.summaries.empty')} /> }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          data-testid="summaries-table"
          columns={[
            { title: t('reports.field.title'), key: 'title', render: (_, s) => titleOf(s) },
            {
              title: t('reports.field.kind'),
              key: 'kind',
              render: (_, s) => <Tag>{label(summaryKindLabels, s.kind)}</Tag>,
            },
            { title: t('reports.field.unit'), dataIndex: 'orgUnitName' },
            { title: t('reports.field.period'), key: 'period', render: (_, s) => periodText(s.period, isEn) },
            {
              title: t('reports.field.style'),
              key: 'style',
              render: (_, s) => label(summaryStyleLabels, s.style),
            },
            { title: t('reports.field.version'), dataIndex: 'version', align: 'right' },
            {
              title: t('common.updatedAt'),
              key: 'updated',
              render: (_, s) => [formatDateTime(s.updatedAt), s.updatedByName].filter(Boolean).join(' · '),
            },
            { title: t('common.actions'), key: 'actions', render: (_, s) => actions(s) },
          ]}
        />
      )}
      {creating && <CreateSummaryModal onClose={() => setCreating(false)} />}
    </div>
  );
};
