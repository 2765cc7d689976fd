import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type VolunteerTeam,
  volunteerTeamKindLabels,
  volunteerTeamKinds,
} from '../../../../contracts/people-roles';
import {
  LedgerEmpty,
  LedgerPageHeader,
  LedgerResults,
  LedgerStatusFilter,
} from '../../../components/ledger-page';
import { formatDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { useVolunteerTeams } from '../api/list-volunteer-teams';
import { TeamDetailDrawer } from '../components/team-detail-drawer';
import { TeamFormDrawer, type TeamFormMode } from '../components/team-form-drawer';
import '../../../components/ledger.css';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { teamKeys } from '../api/keys';

type Status = 'active' | 'deleted';
type Kind = VolunteerTeam['kind'];

/** 志愿服务队: teams of the chosen scope with their leader and members. */
export const TeamsPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const list = useListParams<VolunteerTeam>();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<Kind | undefined>();
  const [status, setStatus] = useState<Status>('active');
  const [detailId, setDetailId] = useState<string | null>(null);
  const [formMode, setFormMode] = useState<TeamFormMode | null>(null);
  const teams = useVolunteerTeams({
    q: q || undefined,
    kind,
    status,
    orgUnitId: scopeId,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const open = (v: VolunteerTeam) => setDetailId(v.id);
  const empty = <LedgerEmpty status={status} isFiltered={Boolean(q || kind)} text={t('teams.empty')} />;
  const dash = <span className="bbt-muted">—</span>;

  const columns: TableProps<VolunteerTeam>['columns'] = [
    {
      title: t('teams.field.name'),
      dataIndex: 'name',
      render: (name: string, v) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto' }}
          onClick={(e) => {
            e.stopPropagation();
            open(v);
          }}
        >
          {name}
        </Button>
      ),
    },
    {
      title: t('teams.field.kind'),
      dataIndex: 'kind',
      render: (k: Kind) => label(volunteerTeamKindLabels, k),
    },
    { title: t('ledger.field.orgUnit'), dataIndex: 'orgUnitName' },
    { title: t('teams.field.leader'), dataIndex: 'leaderName', render: (v: string | null) => v ?? dash },
    {
      title: t('teams.field.memberCount'),
      key: 'members',
      align: 'right',
      render: (_: unknown, v) => t('households.memberCount', { count: v.members.length }),
    },
    {
      title: t('teams.field.foundedOn'),
      dataIndex: 'foundedOn',
      render: (v: string | null) => formatDate(v) || dash,
    },
  ];

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.people.teams')}
        toolbar={
          access.can('people.write') && (
            <>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setFormMode({ type: 'create' })}
                data-testid="team-create"
              >
                {t('teams.create')}
              </Button>
              <LedgerIoButtons
                ledgerBase="/api/v1/people/volunteer-teams"
                ledgerName="志愿服务队"
                invalidate={[teamKeys.all]}
                canImport={access.can('people.import')}
                canExport={access.can('people.export')}
                exportQuery={{ orgUnitId: scopeId }}
                testIdPrefix="teams"
              />
            </>
          )
        }
      />
      <Form layout="inline" className="bbt-filters">
        <Form.Item label={t('common.keyword')} htmlFor="teams-filter-q">
          <Input.Search
            id="teams-filter-q"
            allowClear
            enterButton
            placeholder={t('teams.searchPlaceholder')}
            style={{ minWidth: 200 }}
            onSearch={(v) => {
              setQ(v.trim());
              list.resetPage();
            }}
            data-testid="teams-q"
          />
        </Form.Item>
        <Form.Item label={t('teams.field.kind')} htmlFor="teams-filter-kind">
          <Select
            id="teams-filter-kind"
            allowClear
            placeholder={t('common.all')}
            style={{ minWidth: 140 }}
            value={kind}
            onChange={(v: Kind | undefined) => {
              setKind(v);
              list.resetPage();
            }}
            options={volunteerTeamKinds.map((k) => ({ value: k, label: label(volunteerTeamKindLabels, k) }))}
            data-testid="teams-kind"
          />
        </Form.Item>
        <LedgerStatusFilter
          idPrefix="teams"
          value={status}
          onChange={(v) => {
            setStatus(v);
            list.resetPage();
          }}
        />
      </Form>
      <LedgerResults<VolunteerTeam>
        query={teams}
        list={list}
        empty={empty}
        onOpen={open}
        cards={{
          title: (v) => v.name,
          extra: (v) => <span className="bbt-muted">{label(volunteerTeamKindLabels, v.kind)}</span>,
          fields: (v) => [
            { key: 'unit', label: t('ledger.field.orgUnit'), children: v.orgUnitName },
            { key: 'leader', label: t('teams.field.leader'), children: v.leaderName ?? '—' },
            {
              key: 'members',
              label: t('teams.field.memberCount'),
              children: t('households.memberCount', { count: v.members.length }),
            },
          ],
          testId: 'team-card',
        }}
        table={
          <Table<VolunteerTeam>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={teams.data?.items}
            loading={teams.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: empty }}
            onChange={list.onTableChange}
            pagination={list.pagination(teams.data?.total)}
            rowClassName={() => 'bbt-ledger-row'}
            onRow={(v) => ({ onClick: () => open(v) })}
            data-testid="teams-table"
          />
        }
      />
      {detailId && (
        <TeamDetailDrawer
          teamId={detailId}
          onClose={() => setDetailId(null)}
          onEdit={(id) => setFormMode({ type: 'edit', teamId: id })}
        />
      )}
      {formMode && <TeamFormDrawer mode={formMode} onClose={() => setFormMode(null)} />}
    </div>
  );
};
