import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type Screening,
  type ScreeningResult,
  type ScreeningStage,
  screeningCategoryLabels,
  screeningResultLabels,
  screeningResults,
  screeningStageLabels,
  screeningStages,
} from '../../../../contracts/screenings';
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
import { screeningKeys, useScreenings } from '../api/screenings';
import { ResultTag } from '../components/result-tag';
import { ScreeningDetailDrawer } from '../components/screening-detail-drawer';
import { ScreeningFormDrawer } from '../components/screening-form-drawer';
import '../../../components/ledger.css';

type Filters = {
  programmeYear?: number;
  result?: ScreeningResult;
  stage?: ScreeningStage;
  status: LedgerStatus;
};
type FormState = { screening?: Screening } | null;

/**
 * 两癌筛查: the women mobilised and screened in the chosen scope, names masked (张*华); `?screeningId=`
 * opens one (her whole name, the reading audited), `?new=1` the form (登记两癌筛查 on the home).
 */
export const ScreeningsPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const { scopeId } = useOrgScope();
  const [search, setSearch] = useSearchParams();
  const list = useListParams<Screening>({ sort: '-mobilisedOn' });
  const filters = useLedgerFilters<Filters>({ status: 'active' }, { list });
  const params = filters.query;
  const canWrite = access.can('screenings.write');
  const [form, setForm] = useState<FormState>(() => (search.get('new') === '1' && canWrite ? {} : null));
  const detailId = search.get('screeningId');
  const screenings = useScreenings(params);
  const thisYear = dayjs().year();
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];

  const openDetail = (id: string | null) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (id) next.set('screeningId', id);
      else next.delete('screeningId');
      return next;
    });
  const empty = (
    <LedgerEmpty status={params.status} isFiltered={filters.isFiltered} text={t('screenings.empty')} />
  );

  return (
    <div>
      <LedgerPageHeader
        title={t('menu.screenings')}
        hint={t('screenings.title')}
        isScopeShown
        toolbar={
          <>
            <LedgerIoButtons
              ledgerBase="/api/v1/screenings"
              ledgerName={t('screenings.ledgerName')}
              invalidate={[screeningKeys.all, ['indicators']]}
              canImport={access.can('screenings.import')}
              canExport={access.can('screenings.export')}
              exportQuery={{
                orgUnitId: scopeId,
                programmeYear: params.programmeYear,
                result: params.result,
                stage: params.stage,
                status: params.status,
              }}
              testIdPrefix="screenings"
            />
            {canWrite && (
              <CreateButton
                label={t('screenings.create')}
                onCreate={() => setForm({})}
                testId="screening-create"
              />
            )}
          </>
        }
      />
      <LedgerFilters<Filters>
        idPrefix="screenings"
        filters={filters}
        isFoldedOnPhone
        fields={[
          {
            kind: 'select',
            key: 'programmeYear',
            label: t('screenings.field.programmeYear'),
            testId: 'screenings-year',
            width: 120,
            options: years.map((y) => ({ value: y, label: t('screenings.yearOf', { year: y }) })),
          },
          {
            kind: 'select',
            key: 'stage',
            label: t('screenings.field.stage'),
            testId: 'screenings-stage',
            width: 150,
            options: screeningStages.map((s) => ({ value: s, label: label(screeningStageLabels, s) })),
          },
          {
            kind: 'select',
            key: 'result',
            label: t('screenings.field.result'),
            testId: 'screenings-result',
            width: 150,
            options: screeningResults.map((r) => ({ value: r, label: label(screeningResultLabels, r) })),
          },
          { kind: 'status' },
        ]}
      />
      <LedgerResults<Screening>
        query={screenings}
        list={list}
        empty={empty}
        onOpen={(s) => openDetail(s.id)}
        cards={{
          title: (s) =>
            `${s.personName}${s.age !== null ? `（${t('screenings.ageOf', { age: s.age })}）` : ''}`,
          extra: (s) => <ResultTag screening={s} />,
          fields: (s) => [
            { key: 'unit', label: t('ledger.field.orgUnit'), children: s.orgUnitName },
            { key: 'year', label: t('screenings.field.programmeYear'), children: s.programmeYear },
            { key: 'mobilised', label: t('screenings.field.mobilisedOn'), children: s.mobilisedOn },
            { key: 'screened', label: t('screenings.field.screenedOn'), children: s.screenedOn ?? '—' },
          ],
          testId: 'screening-card',
        }}
        rowTestId="screening-row"
        columns={[
          { title: t('screenings.field.name'), dataIndex: 'personName' },
          { title: t('ledger.field.orgUnit'), dataIndex: 'orgUnitName' },
          {
            title: t('screenings.field.programmeYear'),
            dataIndex: 'programmeYear',
            sorter: true,
            width: 100,
          },
          {
            title: t('screenings.field.age'),
            dataIndex: 'age',
            width: 70,
            render: (v: number | null) => v ?? '—',
          },
          {
            title: t('screenings.field.category'),
            dataIndex: 'category',
            render: (v: Screening['category']) => label(screeningCategoryLabels, v),
          },
          {
            title: t('screenings.field.mobilisedOn'),
            dataIndex: 'mobilisedOn',
            sorter: true,
            defaultSortOrder: 'descend',
            width: 120,
          },
          {
            title: t('screenings.field.screenedOn'),
            dataIndex: 'screenedOn',
            sorter: true,
            width: 120,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('screenings.field.result'),
            key: 'result',
            render: (_: unknown, s: Screening) => <ResultTag screening={s} />,
          },
        ]}
      />
      {detailId && (
        <ScreeningDetailDrawer
          screeningId={detailId}
          onClose={() => openDetail(null)}
          onEdit={(s) => setForm({ screening: s })}
        />
      )}
      {form && (
        <ScreeningFormDrawer
          screening={form.screening}
          scopeId={scopeId}
          onClose={() => {
            setForm(null);
            if (search.has('new'))
              setSearch(
                (s) => {
                  const next = new URLSearchParams(s);
                  next.delete('new');
                  return next;
                },
                { replace: true },
              );
          }}
        />
      )}
    </div>
  );
};
