import { Button, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type VolunteerTeam,
  volunteerTeamKindLabels,
  volunteerTeamKinds,
} from '../../../../contracts/people-roles';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import type { LedgerFormMode } from '../../../components/ledger-form-drawer';
import {
  LedgerEmpty,
  LedgerPageHeader,
  LedgerResults,
  type LedgerStatus,
} from '../../../components/ledger-page';
import { LedgerCreateToolbar } from '../../../components/ledger-toolbar';
import { formatDate } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { useVolunteerTeams } from '../api/list-volunteer-teams';
import { TeamDetailDrawer } from '../components/team-detail-drawer';
import { TeamFormDrawer } from '../components/team-form-drawer';
import '../../../components/ledger.css';
import { teamKeys } from '../api/keys';

type Filters = { q?: string; kind?: Kind; status: LedgerStatus };
type Kind = VolunteerTeam['kind'];

/** 志愿服务队: teams of the chosen scope with their leader and members. */
export const TeamsPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const list = useListParams<VolunteerTeam>();
  const filters = useLedgerFilters<Filters>({ status: 'active' }, { list });
  const [detailId, setDetailId] = useState<string | null>(null);
  const [formMode, setFormMode] = useState<LedgerFormMode | null>(null);
  const teams = useVolunteerTeams(filters.query);
  const open = (v: VolunteerTeam) => setDetailId(v.id);
  const empty = (
    <LedgerEmpty status={filters.values.status} isFiltered={filters.isFiltered} text={t('teams.empty')} />
  );
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
            <LedgerCreateToolbar
              createLabel={t('teams.create')}
              onCreate={() => setFormMode({ type: 'create' })}
              createTestId="team-create"
              io={{
                ledgerBase: '/api/v1/people/volunteer-teams',
                ledgerName: '志愿服务队',
                invalidate: [teamKeys.all],
                canImport: access.can('people.import'),
                canExport: access.can('people.export'),
                exportQuery: filters.exportQuery,
                testIdPrefix: 'teams',
              }}
            />
          )
        }
      />
      <LedgerFilters<Filters>
        idPrefix="teams"
        filters={filters}
        fields={[
          { kind: 'search', key: 'q', label: t('common.keyword'), placeholder: t('teams.searchPlaceholder') },
          {
            kind: 'select',
            key: 'kind',
            label: t('teams.field.kind'),
            options: volunteerTeamKinds.map((k) => ({ value: k, label: label(volunteerTeamKindLabels, k) })),
          },
          { kind: 'status' },
        ]}
      />
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
        columns={columns}
        tableTestId="teams-table"
      />
      {detailId && (
        <TeamDetailDrawer
          teamId={detailId}
          onClose={() => setDetailId(null)}
          onEdit={(id) => setFormMode({ type: 'edit', id })}
        />
      )}
      {formMode && <TeamFormDrawer mode={formMode} onClose={() => setFormMode(null)} />}
    </div>
  );
};
