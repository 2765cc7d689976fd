import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type CourtyardHousehold,
  type ListCourtyardHouseholdsQuery,
  noRatingLabel,
  ratingLabels,
  ratingLevels,
} from '../../../../contracts/courtyards';
import { CountStrip } from '../../../components/count-strip';
import { LedgerIoButtons } from '../../../components/import-wizard/ledger-io-buttons';
import { LedgerFilters, useLedgerFilters } from '../../../components/ledger-filters';
import { LedgerEmpty, LedgerPageHeader, LedgerResults } from '../../../components/ledger-page';
import { useIndicatorValues } from '../../../lib/indicators';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { today } from '../../../lib/this-year';
import { useListParams } from '../../../lib/use-list-params';
import { courtyardWriteKeys } from '../api/keys';
import { ratingsLedgerBase, useCourtyardHouseholds } from '../api/list-courtyard-households';
import { HouseholdFile } from '../components/household-file';
import { RatingTag } from '../components/rating-tag';
import '../../../components/ledger.css';
import '../lib/courtyards.css';

type Filters = Pick<Partial<ListCourtyardHouseholdsQuery>, 'orgUnitId' | 'rating' | 'plaque' | 'q'>;

const who = (h: CourtyardHousehold) =>
  h.headName ? `${h.headName} · ${h.householdLabel}` : h.householdLabel;

/** 一户一档: households with their rating and plaque; `?householdId=` opens one household's file. */
export const CourtyardHouseholdsPage = () => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const [search, setSearch] = useSearchParams();
  const list = useListParams<CourtyardHousehold & { id: string }>({});
  const filters = useLedgerFilters<Filters>({}, { list });
  const { change } = filters;
  const householdId = search.get('householdId');
  const params = filters.query;
  const households = useCourtyardHouseholds(params, !householdId);
  // 评定户数 by level today: the same registered indicator the reports and the county read.
  const counts = useIndicatorValues('courtyards.households', {
    from: `${today().slice(0, 4)}-01-01`,
    to: today(),
    orgUnitId: params.orgUnitId,
    groupBy: 'rating',
  });
  const open = (id: string | null) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (id) next.set('householdId', id);
      else next.delete('householdId');
      return next;
    });
  if (householdId) return <HouseholdFile householdId={householdId} onBack={() => open(null)} />;

  const levelOptions = [
    ...ratingLevels.map((r) => ({ value: r, label: label(ratingLabels, r) })),
    { value: 'none' as const, label: label({ none: noRatingLabel }, 'none') },
  ];
  // The cards key each household by its id.
  const withIds = (households.data?.items ?? []).map((h) => ({ ...h, id: h.householdId }));
  const empty = <LedgerEmpty isFiltered={filters.isFiltered} text={t('courtyards.household.empty')} />;
  return (
    <div>
      <LedgerPageHeader
        title={t('menu.courtyards.households')}
        hint={t('courtyards.household.hint')}
        toolbar={
          <LedgerIoButtons
            ledgerBase={ratingsLedgerBase}
            ledgerName={t('courtyards.household.ratingsLedger')}
            invalidate={[...courtyardWriteKeys]}
            canImport={access.canManageCourtyards}
            canExport={access.can('courtyards.export')}
            exportQuery={{
              orgUnitId: params.orgUnitId,
              rating: params.rating,
              plaque: params.plaque,
              q: params.q,
            }}
            testIdPrefix="ratings"
          />
        }
      />
      <CountStrip
        title={t('courtyards.household.rated')}
        total={counts.data?.total}
        items={counts.data?.rows
          .filter((r) => r.group)
          .map((r) => ({ key: r.group as string, label: label(ratingLabels, r.group), value: r.value }))}
        isLoading={counts.isPending}
        isError={counts.isError}
        active={filters.values.rating}
        onPick={(rating) => change({ rating: rating as Filters['rating'] })}
        testId="households-counts"
      />
      <LedgerFilters<Filters>
        idPrefix="households"
        variant="compact"
        filters={filters}
        fields={[
          { kind: 'unit', key: 'orgUnitId', label: t('courtyards.filter.village') },
          { kind: 'select', key: 'rating', label: t('courtyards.field.rating'), options: levelOptions },
          { kind: 'select', key: 'plaque', label: t('courtyards.field.plaque'), options: levelOptions },
          { kind: 'search', key: 'q', label: t('courtyards.pick.placeholder') },
        ]}
      />
      <LedgerResults<CourtyardHousehold & { id: string }>
        query={{ ...households, data: households.data && { ...households.data, items: withIds } }}
        list={list}
        empty={empty}
        onOpen={(h) => open(h.householdId)}
        cards={{
          title: who,
          extra: (h) => <RatingTag rating={h.rating} />,
          fields: (h) => [
            { key: 'unit', label: t('courtyards.field.village'), children: h.orgUnitName },
            {
              key: 'plaque',
              label: t('courtyards.field.plaque'),
              children: <RatingTag rating={h.plaqueLevel} isPlaque />,
            },
            {
              key: 'last',
              label: t('courtyards.field.lastScore'),
              children: h.lastScore === null ? '—' : `${h.lastScore}（${h.lastInspectedOn}）`,
            },
          ],
          testId: 'courtyard-household-card',
        }}
        rowTestId="courtyard-household-row"
        columns={[
          { title: t('courtyards.field.household'), key: 'who', render: (_: unknown, h) => who(h) },
          {
            title: t('courtyards.field.houseNumber'),
            dataIndex: 'houseNumber',
            render: (v: string | null) => v ?? '—',
          },
          { title: t('courtyards.field.village'), dataIndex: 'orgUnitName' },
          {
            title: t('courtyards.field.rating'),
            key: 'r',
            render: (_: unknown, h) => <RatingTag rating={h.rating} />,
          },
          {
            title: t('courtyards.field.plaque'),
            key: 'p',
            render: (_: unknown, h) => <RatingTag rating={h.plaqueLevel} isPlaque />,
          },
          {
            title: t('courtyards.field.lastScore'),
            dataIndex: 'lastScore',
            align: 'right',
            render: (v: number | null) => v ?? '—',
          },
          {
            title: t('courtyards.field.lastInspectedOn'),
            dataIndex: 'lastInspectedOn',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('courtyards.field.openRectifications'),
            dataIndex: 'openRectifications',
            align: 'right',
          },
        ]}
      />
    </div>
  );
};
