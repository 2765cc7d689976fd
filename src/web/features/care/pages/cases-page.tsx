import { Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  caseOutcomeLabels,
  caseSourceLabels,
  type DisputeType,
  disputeTypeLabels,
  disputeTypes,
  type MediationCase,
} from '../../../../contracts/care';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import {
  LedgerEmpty,
  LedgerPageHeader,
  LedgerResults,
  type LedgerStatus,
} from '../../../components/ledger-page';
import { CreateButton } from '../../../components/ledger-toolbar';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { useCases } from '../api/care-api';
import { CaseDetailDrawer } from '../components/case-detail-drawer';
import { CaseEditDrawer, CaseFormDrawer } from '../components/case-form-drawer';
import '../../../components/ledger.css';

type Filters = {
  disputeType?: DisputeType;
  caseStatus?: 'open' | 'closed';
  overdue?: boolean;
  status: LedgerStatus;
};

/** 纠纷调解: cases with masked parties; `?caseId=` opens one (a logged read). */
export const CasesPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const [search, setSearch] = useSearchParams();
  const list = useListParams<MediationCase>({ sort: '-receivedOn' });
  const filters = useLedgerFilters<Filters>({ status: 'active' }, { list });
  const cases = useCases({ ...filters.query, overdue: filters.values.overdue ? '1' : undefined });
  const [isCreating, setCreating] = useState(false);
  const [editing, setEditing] = useState<MediationCase | null>(null);
  const detailId = search.get('caseId');
  const open = (id: string | null) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (id) next.set('caseId', id);
      else next.delete('caseId');
      return next;
    });
  const status = (c: MediationCase) =>
    c.status === 'closed' ? (
      <Tag>{label(caseOutcomeLabels, c.outcome)}</Tag>
    ) : (
      <Tag color="blue">{t('care.caseStatus.open')}</Tag>
    );
  return (
    <div>
      <LedgerPageHeader
        title={t('menu.care.cases')}
        hint={t('care.privacy')}
        isScopeShown
        toolbar={
          <>
            <LedgerIoButtons
              ledgerBase="/api/v1/care/cases"
              ledgerName={t('menu.care.cases')}
              invalidate={[['care'], ['indicators']]}
              canImport={access.can('care.write')}
              canExport={access.can('care.export')}
              exportQuery={{
                orgUnitId: scopeId,
                disputeType: filters.values.disputeType,
                caseStatus: filters.values.caseStatus,
              }}
              testIdPrefix="cases"
            />
            {access.can('care.write') && (
              <CreateButton
                label={t('care.cases.create')}
                onCreate={() => setCreating(true)}
                testId="case-create"
              />
            )}
          </>
        }
      />
      <LedgerFilters<Filters>
        idPrefix="cases"
        filters={filters}
        isFoldedOnPhone
        fields={[
          {
            kind: 'select',
            key: 'disputeType',
            label: t('care.field.disputeType'),
            options: disputeTypes.map((d) => ({ value: d, label: label(disputeTypeLabels, d) })),
          },
          {
            kind: 'select',
            key: 'caseStatus',
            label: t('care.field.caseStatus'),
            options: [
              { value: 'open', label: t('care.caseStatus.open') },
              { value: 'closed', label: t('care.caseStatus.closed') },
            ],
          },
          { kind: 'check', key: 'overdue', label: t('care.cases.overdue'), testId: 'cases-overdue' },
          { kind: 'status' },
        ]}
      />
      <LedgerResults<MediationCase>
        query={cases}
        list={list}
        empty={
          <LedgerEmpty
            status={filters.values.status}
            isFiltered={filters.isFiltered}
            text={t('care.cases.empty')}
          />
        }
        onOpen={(c) => open(c.id)}
        cards={{
          title: (c) => `${c.receivedOn} ${label(disputeTypeLabels, c.disputeType)}`,
          extra: status,
          fields: (c) => [
            { key: 'unit', label: t('ledger.field.orgUnit'), children: c.orgUnitName },
            {
              key: 'parties',
              label: t('care.field.parties'),
              children: c.parties.map((p) => p.name).join('、'),
            },
            { key: 'due', label: t('care.field.dueOn'), children: c.dueOn },
          ],
          testId: 'case-card',
        }}
        rowTestId="case-row"
        columns={[
          {
            title: t('care.field.receivedOn'),
            dataIndex: 'receivedOn',
            sorter: true,
            defaultSortOrder: 'descend',
            width: 120,
          },
          { title: t('ledger.field.orgUnit'), dataIndex: 'orgUnitName' },
          {
            title: t('care.field.source'),
            dataIndex: 'source',
            render: (v: string) => label(caseSourceLabels, v),
          },
          {
            title: t('care.field.disputeType'),
            dataIndex: 'disputeType',
            render: (v: string) => label(disputeTypeLabels, v),
          },
          {
            title: t('care.field.parties'),
            dataIndex: 'parties',
            render: (v: MediationCase['parties']) => v.map((p) => p.name).join('、'),
          },
          { title: t('care.field.dueOn'), dataIndex: 'dueOn', width: 120 },
          { title: t('care.field.caseStatus'), key: 'status', render: (_: unknown, c) => status(c) },
        ]}
      />
      {detailId && <CaseDetailDrawer caseId={detailId} onClose={() => open(null)} onEdit={setEditing} />}
      {editing && <CaseEditDrawer record={editing} onClose={() => setEditing(null)} />}
      {isCreating && <CaseFormDrawer defaultOrgUnitId={scopeId} onClose={() => setCreating(false)} />}
    </div>
  );
};
