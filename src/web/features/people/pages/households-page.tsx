import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../../contracts/people';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import type { LedgerFormMode } from '../../../components/ledger-form-drawer';
import {
  LedgerEmpty,
  LedgerPageHeader,
  LedgerResults,
  type LedgerStatus,
} from '../../../components/ledger-page';
import { useSession } from '../../../lib/session';
import { useListParams } from '../../../lib/use-list-params';
import { useHouseholds } from '../api/list-households';
import { HouseholdDetailDrawer } from '../components/household-detail-drawer';
import { HouseholdFormDrawer } from '../components/household-form-drawer';
import { HouseholdsTable } from '../components/households-table';
import { PersonDetailDrawer } from '../components/person-detail-drawer';
import { PersonFormDrawer, type PersonFormMode } from '../components/person-form-drawer';
import { householdLabel } from '../lib/person-format';
import '../lib/people.css';
import { CreateButton } from '../../../components/ledger-toolbar';

type Filters = { q?: string; status: LedgerStatus };

/** 家庭户: households of the chosen scope; a household opens with its members, who open in turn. */
export const HouseholdsPage = () => {
  const { t } = useTranslation();
  const { access } = useSession();
  const list = useListParams<Household>();
  const filters = useLedgerFilters<Filters>({ status: 'active' }, { list });
  const [detailId, setDetailId] = useState<string | null>(null);
  const [formMode, setFormMode] = useState<LedgerFormMode | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [personForm, setPersonForm] = useState<PersonFormMode | null>(null);

  const households = useHouseholds(filters.query);
  const open = (h: Household) => setDetailId(h.id);
  const empty = (
    <LedgerEmpty
      status={filters.values.status}
      isFiltered={filters.isFiltered}
      text={t('households.empty')}
      deletedText={t('households.emptyDeleted')}
    />
  );

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.people.households')}
        toolbar={
          access.can('people.write') && (
            <CreateButton
              label={t('households.create')}
              onCreate={() => setFormMode({ type: 'create' })}
              testId="household-create"
            />
          )
        }
      />
      <LedgerFilters<Filters>
        idPrefix="households"
        filters={filters}
        fields={[
          {
            kind: 'search',
            key: 'q',
            label: t('common.keyword'),
            placeholder: t('households.searchPlaceholder'),
            width: 240,
          },
          { kind: 'status', activeLabel: t('people.status.active') },
        ]}
      />
      <LedgerResults<Household>
        query={households}
        list={list}
        empty={empty}
        onOpen={open}
        cards={{
          title: householdLabel,
          extra: (h) => (
            <span className="bbt-muted">{t('households.memberCount', { count: h.memberCount })}</span>
          ),
          fields: (h) => [
            {
              key: 'head',
              label: t('households.field.head'),
              children: h.headName ?? t('households.noHead'),
            },
            { key: 'unit', label: t('households.field.orgUnit'), children: h.orgUnitName },
          ],
          testId: 'household-card',
        }}
        table={
          <HouseholdsTable
            households={households.data?.items}
            isLoading={households.isFetching}
            pagination={list.pagination(households.data?.total)}
            onChange={list.onTableChange}
            onOpen={open}
            empty={empty}
          />
        }
      />
      {/* Mounted only while open, so the drawer opened last lies on top. */}
      {detailId && (
        <HouseholdDetailDrawer
          householdId={detailId}
          onClose={() => setDetailId(null)}
          onEdit={(id) => setFormMode({ type: 'edit', id })}
          onOpenPerson={setPersonId}
          onAddMember={(h) =>
            setPersonForm({
              type: 'create',
              orgUnitId: h.orgUnitId,
              householdId: h.id,
              householdLabel: householdLabel(h),
            })
          }
        />
      )}
      {formMode && <HouseholdFormDrawer mode={formMode} onClose={() => setFormMode(null)} />}
      {personId && (
        <PersonDetailDrawer
          personId={personId}
          onClose={() => setPersonId(null)}
          onEdit={(id) => setPersonForm({ type: 'edit', personId: id })}
        />
      )}
      {personForm && (
        <PersonFormDrawer
          mode={personForm}
          onClose={() => setPersonForm(null)}
          onOpenPerson={(id) => {
            if (personId) setPersonForm(null);
            setPersonId(id);
          }}
        />
      )}
    </div>
  );
};
