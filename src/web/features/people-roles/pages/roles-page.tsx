import { Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type PersonRole,
  personRoleLabels,
  personRoles,
  type RoleTerm,
} from '../../../../contracts/people-roles';
import { CountStrip } from '../../../components/count-strip';
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
import { useIndicatorValues } from '../../../lib/indicators';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { thisYear, today } from '../../../lib/this-year';
import { useListParams } from '../../../lib/use-list-params';
import { useRoleTerms } from '../api/list-role-terms';
import { isServing, RoleTermDetailDrawer } from '../components/role-term-detail-drawer';
import { RoleTermFormDrawer } from '../components/role-term-form-drawer';
import { RoleTermsTable } from '../components/role-terms-table';
import '../../../components/ledger.css';
import { roleTermKeys } from '../api/keys';

type Filters = { q?: string; role?: PersonRole; isCurrentOnly: boolean; status: LedgerStatus };

/** 任职: who holds which role where, current and past; counts of role holders this year filter the list. */
export const RolesPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const list = useListParams<RoleTerm>({ sort: '-startedOn' });
  const filters = useLedgerFilters<Filters>({ isCurrentOnly: true, status: 'active' }, { list });
  const { isCurrentOnly, ...query } = filters.query;
  const [detailId, setDetailId] = useState<string | null>(null);
  const [formMode, setFormMode] = useState<LedgerFormMode | null>(null);
  const year = useMemo(thisYear, []);
  const counts = useIndicatorValues('people.roleHolders', { ...year, orgUnitId: scopeId, groupBy: 'role' });

  const terms = useRoleTerms({
    ...query,
    activeOn: isCurrentOnly ? today() : undefined,
  });
  const open = (r: RoleTerm) => setDetailId(r.id);
  // 仅看在任 is on by default; only the keyword and the role count as narrowing the list.
  const empty = (
    <LedgerEmpty status={query.status} isFiltered={Boolean(query.q || query.role)} text={t('roles.empty')} />
  );

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.people.roles')}
        toolbar={
          access.can('people.write') && (
            <LedgerCreateToolbar
              createLabel={t('roles.create')}
              onCreate={() => setFormMode({ type: 'create' })}
              createTestId="role-term-create"
              io={{
                ledgerBase: '/api/v1/people/role-terms',
                ledgerName: '任职信息',
                invalidate: [roleTermKeys.all],
                canImport: access.can('people.import'),
                canExport: access.can('people.export'),
                exportQuery: filters.exportQuery,
                testIdPrefix: 'role-terms',
              }}
            />
          )
        }
      />
      <CountStrip
        title={t('roles.countAll')}
        total={counts.data?.total}
        items={counts.data?.rows
          .filter((r) => r.group)
          .map((r) => ({
            key: r.group as string,
            label: label(personRoleLabels, r.group) || r.label || '',
            value: r.value,
          }))}
        isLoading={counts.isPending}
        isError={counts.isError}
        active={query.role}
        onPick={(role) => filters.change({ role: role as PersonRole | undefined })}
        testId="roles-counts"
      />
      <LedgerFilters<Filters>
        idPrefix="roles"
        filters={filters}
        fields={[
          { kind: 'search', key: 'q', label: t('common.keyword'), placeholder: t('roles.searchPlaceholder') },
          {
            kind: 'select',
            key: 'role',
            label: t('roles.field.role'),
            width: 150,
            options: personRoles.map((k) => ({ value: k, label: label(personRoleLabels, k) })),
          },
          { kind: 'switch', key: 'isCurrentOnly', label: t('roles.currentOnly'), testId: 'roles-current' },
          { kind: 'status' },
        ]}
      />
      <LedgerResults<RoleTerm>
        query={terms}
        list={list}
        empty={empty}
        onOpen={open}
        cards={{
          title: (r) => r.personName,
          extra: (r) =>
            isServing(r) ? <Tag color="green">{t('roles.serving')}</Tag> : <Tag>{t('roles.ended')}</Tag>,
          fields: (r) => [
            { key: 'role', label: t('roles.field.role'), children: label(personRoleLabels, r.role) },
            { key: 'unit', label: t('roles.field.orgUnit'), children: r.orgUnitName },
            {
              key: 'span',
              label: t('roles.field.span'),
              children: `${formatDate(r.startedOn)} — ${formatDate(r.endedOn) || t('roles.now')}`,
            },
          ],
          testId: 'role-term-card',
        }}
        table={
          <RoleTermsTable
            terms={terms.data?.items}
            isLoading={terms.isFetching}
            pagination={list.pagination(terms.data?.total)}
            onChange={list.onTableChange}
            onOpen={open}
            empty={empty}
          />
        }
      />
      {detailId && (
        <RoleTermDetailDrawer
          roleTermId={detailId}
          onClose={() => setDetailId(null)}
          onEdit={(id) => setFormMode({ type: 'edit', id })}
        />
      )}
      {formMode && <RoleTermFormDrawer mode={formMode} onClose={() => setFormMode(null)} />}
    </div>
  );
};
