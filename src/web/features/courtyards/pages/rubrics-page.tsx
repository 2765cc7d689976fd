import { Alert, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Rubric, rubricMaxPoints } from '../../../../contracts/courtyards';
import { EmptyState, PageError } from '../../../components/page-states';
import { RecordCards } from '../../../components/record-cards';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useListParams } from '../../../lib/use-list-params';
import { useEffectiveRubric } from '../api/get-effective-rubric';
import { useRubrics } from '../api/list-rubrics';
import { RubricDrawer } from '../components/rubric-drawer';
import '../../../components/ledger.css';
import '../lib/courtyards.css';
import { CreateButton, StatusSelect } from '../../../components/ledger-toolbar';

/** 评分细则: the rubric versions of the scope and above; which one this unit scores with this year. */
export const RubricsPage = () => {
  const { t } = useTranslation();
  const { access } = useSession();
  const isPhone = useIsPhone();
  const { scopeId } = useOrgScope();
  const list = useListParams<Rubric>({});
  const [status, setStatus] = useState<'active' | 'deleted'>('active');
  const [open, setOpen] = useState<Rubric | 'new' | null>(null);
  const [copyOf, setCopyOf] = useState<Rubric['rules'] | undefined>();
  const year = new Date().getFullYear();
  const rubrics = useRubrics({ status, page: list.page, pageSize: list.pageSize, sort: list.sort });
  const effective = useEffectiveRubric(scopeId, year);
  const current = effective.data?.rubric;
  const canManage = access.can('courtyards.manage');
  const title = (r: Rubric) => (
    <span>
      {r.name} {r.isExample && <Tag color="orange">{t('courtyards.rubric.exampleTag')}</Tag>}
      {r.isCurrent && <Tag color="green">{t('courtyards.rubric.current')}</Tag>}
    </span>
  );
  const empty = (
    <EmptyState
      description={status === 'deleted' ? t('ledger.emptyDeleted') : t('courtyards.rubric.empty')}
    />
  );

  return (
    <div>
      <div className="bbt-page-header">
        <div>
          <h1>{t('menu.courtyards.rubrics')}</h1>
          <Typography.Text type="secondary">{t('courtyards.rubric.hint')}</Typography.Text>
        </div>
        <div className="bbt-ledger-toolbar">
          <StatusSelect style={{ minWidth: 100 }} value={status} onChange={setStatus} />
          {canManage && (
            <CreateButton
              label={t('courtyards.rubric.create')}
              onCreate={() => setOpen('new')}
              testId="rubric-create"
            />
          )}
        </div>
      </div>
      {current && (
        <Alert
          type={current.isExample ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          title={t(
            effective.data?.isInherited
              ? 'courtyards.rubric.effectiveInherited'
              : 'courtyards.rubric.effectiveOwn',
            {
              year,
              name: current.name,
              unit: current.orgUnitName,
              version: current.versionNo,
            },
          )}
          description={current.isExample ? t('courtyards.rubric.exampleNote') : undefined}
          data-testid="rubric-effective"
        />
      )}
      {rubrics.isError ? (
        <PageError error={rubrics.error} onRetry={() => void rubrics.refetch()} />
      ) : isPhone ? (
        <RecordCards<Rubric>
          items={rubrics.data?.items}
          isLoading={rubrics.isFetching}
          page={list.page}
          pageSize={list.pageSize}
          total={rubrics.data?.total ?? 0}
          onPageChange={list.setPage}
          onOpen={setOpen}
          empty={empty}
          title={title}
          fields={(r) => [
            { key: 'unit', label: t('courtyards.rubric.owner'), children: r.orgUnitName },
            { key: 'year', label: t('courtyards.rubric.year'), children: `${r.year} · v${r.versionNo}` },
            { key: 'used', label: t('courtyards.rubric.used'), children: r.inspectionCount },
          ]}
          testId="rubric-card"
        />
      ) : (
        <Table<Rubric>
          rowKey="id"
          size="middle"
          loading={rubrics.isFetching}
          dataSource={rubrics.data?.items}
          pagination={list.pagination(rubrics.data?.total)}
          onChange={list.onTableChange}
          locale={{ emptyText: empty }}
          rowClassName={() => 'bbt-ledger-row'}
          onRow={(r) =>
            ({ onClick: () => setOpen(r), 'data-testid': 'rubric-row' }) as React.HTMLAttributes<HTMLElement>
          }
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('courtyards.rubric.name'), key: 'name', render: (_: unknown, r) => title(r) },
            { title: t('courtyards.rubric.owner'), dataIndex: 'orgUnitName' },
            { title: t('courtyards.rubric.year'), dataIndex: 'year' },
            { title: t('courtyards.rubric.version'), dataIndex: 'versionNo', render: (v: number) => `v${v}` },
            {
              title: t('courtyards.rubric.fullMarks'),
              key: 'max',
              render: (_: unknown, r) => rubricMaxPoints(r.rules),
            },
            {
              title: t('courtyards.rubric.thresholds'),
              key: 'th',
              render: (_: unknown, r) =>
                `${r.rules.thresholds.clean} / ${r.rules.thresholds.model} / ${r.rules.thresholds.premium}`,
            },
            { title: t('courtyards.rubric.used'), dataIndex: 'inspectionCount', align: 'right' },
          ]}
        />
      )}
      {open && (
        <RubricDrawer
          key={open === 'new' ? 'new' : open.id}
          rubric={open === 'new' ? null : open}
          startFrom={open === 'new' ? (copyOf ?? current?.rules) : undefined}
          onClose={() => {
            setOpen(null);
            setCopyOf(undefined);
          }}
          onCopy={(rules) => {
            setCopyOf(rules);
            setOpen('new');
          }}
        />
      )}
    </div>
  );
};
