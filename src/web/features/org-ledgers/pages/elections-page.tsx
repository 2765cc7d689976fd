import { Button, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Election } from '../../../../contracts/org-ledgers';
import { LedgerPageHeader, LedgerResults } from '../../../components/ledger-page';
import { EmptyState } from '../../../components/page-states';
import { formatDate } from '../../../lib/format';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { useElections } from '../api/list-elections';
import { ElectionDetailDrawer } from '../components/election-detail-drawer';
import { ElectionFormDrawer } from '../components/election-form-drawer';
import '../../../components/ledger.css';
import { CreateButton } from '../../../components/ledger-toolbar';

const namesOf = (e: Election, role: Election['elected'][number]['role']) =>
  e.elected
    .filter((p) => p.role === role)
    .map((p) => p.name)
    .join('、');

/** 换届: the history of elections in the chosen scope; 登记换届 records a new one. */
export const ElectionsPage = () => {
  const { t } = useTranslation();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const list = useListParams<Election>();
  const [detailId, setDetailId] = useState<string | null>(null);
  const [isFormOpen, setIsFormOpen] = useState(false);
  const elections = useElections({ orgUnitId: scopeId, page: list.page, pageSize: list.pageSize });
  const open = (e: Election) => setDetailId(e.id);
  const empty = <EmptyState description={t('elections.empty')} />;
  const dash = <span className="bbt-muted">—</span>;

  const columns: TableProps<Election>['columns'] = [
    {
      title: t('elections.field.heldOn'),
      dataIndex: 'heldOn',
      render: (v: string, e) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto' }}
          onClick={(ev) => {
            ev.stopPropagation();
            open(e);
          }}
        >
          {formatDate(v)}
        </Button>
      ),
    },
    { title: t('elections.field.orgUnit'), dataIndex: 'orgUnitName' },
    {
      title: t('elections.field.chair'),
      key: 'chair',
      render: (_: unknown, e) => namesOf(e, 'chair') || dash,
    },
    {
      title: t('elections.field.viceChairs'),
      key: 'vice',
      render: (_: unknown, e) => namesOf(e, 'viceChair') || dash,
    },
    {
      title: t('elections.field.executiveCount'),
      key: 'members',
      align: 'right',
      render: (_: unknown, e) => e.elected.filter((p) => p.role === 'executiveMember').length,
    },
    {
      title: t('elections.field.termYears'),
      dataIndex: 'termYears',
      render: (n: number) => t('elections.years', { count: n }),
    },
  ];

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.org.elections')}
        toolbar={
          access.can('org.write') && (
            <CreateButton
              label={t('elections.create')}
              onCreate={() => setIsFormOpen(true)}
              testId="election-create"
            />
          )
        }
      />
      <LedgerResults<Election>
        query={elections}
        list={list}
        empty={empty}
        onOpen={open}
        cards={{
          title: (e) => e.orgUnitName,
          extra: (e) => <span className="bbt-muted">{formatDate(e.heldOn)}</span>,
          fields: (e) => [
            { key: 'chair', label: t('elections.field.chair'), children: namesOf(e, 'chair') || '—' },
            { key: 'vice', label: t('elections.field.viceChairs'), children: namesOf(e, 'viceChair') || '—' },
            {
              key: 'term',
              label: t('elections.field.termYears'),
              children: t('elections.years', { count: e.termYears }),
            },
          ],
          testId: 'election-card',
        }}
        columns={columns}
        tableTestId="elections-table"
      />
      {detailId && <ElectionDetailDrawer electionId={detailId} onClose={() => setDetailId(null)} />}
      {isFormOpen && <ElectionFormDrawer onClose={() => setIsFormOpen(false)} />}
    </div>
  );
};
