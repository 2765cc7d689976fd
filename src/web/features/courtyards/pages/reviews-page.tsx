import { Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type PlaqueEvent,
  plaqueChangeKindLabels,
  plaqueChangeKinds,
  type RatingChange,
} from '../../../../contracts/courtyards';
import { EmptyState, PageError } from '../../../components/page-states';
import { RecordCards } from '../../../components/record-cards';
import { useLabel } from '../../../lib/labels';
import { useOrgScope } from '../../../lib/org-scope';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useListParams } from '../../../lib/use-list-params';
import { usePlaqueEvents } from '../api/list-plaque-events';
import { useRatingChanges } from '../api/list-rating-changes';
import { MonthPicker } from '../components/month-picker';
import { RatingTag } from '../components/rating-tag';
import { ReviewBoard } from '../components/review-board';
import { thisMonth } from '../lib/month';
import { useUnits } from '../lib/use-units';
import '../../../components/ledger.css';
import '../lib/courtyards.css';

const fileLink = (householdId: string, text: string) => (
  <Link to={`/courtyards/households?householdId=${householdId}`}>{text}</Link>
);

const PlaqueHistory = ({ orgUnitId }: { orgUnitId: string }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const list = useListParams<PlaqueEvent>({});
  const [kind, setKind] = useState<PlaqueEvent['kind'] | undefined>();
  const events = usePlaqueEvents({ orgUnitId, kind, page: list.page, pageSize: list.pageSize });
  const isPhone = useIsPhone();
  if (events.isError) return <PageError error={events.error} onRetry={() => void events.refetch()} />;
  return (
    <>
      <Select
        allowClear
        style={{ minWidth: 140, marginBottom: 12 }}
        placeholder={t('courtyards.review.plaqueKind')}
        value={kind}
        onChange={(k) => {
          setKind(k);
          list.resetPage();
        }}
        options={plaqueChangeKinds.map((k) => ({ value: k, label: label(plaqueChangeKindLabels, k) }))}
      />
      {isPhone ? (
        <RecordCards<PlaqueEvent>
          items={events.data?.items}
          isLoading={events.isFetching}
          page={list.page}
          pageSize={list.pageSize}
          total={events.data?.total ?? 0}
          onPageChange={list.setPage}
          onOpen={() => undefined}
          empty={<EmptyState description={t('courtyards.review.noPlaqueEvents')} />}
          title={(e) => fileLink(e.householdId, e.householdLabel)}
          extra={(e) => (
            <Tag color={e.kind === 'removal' || e.kind === 'downgrade' ? 'red' : 'green'}>
              {label(plaqueChangeKindLabels, e.kind)}
            </Tag>
          )}
          fields={(e) => [
            { key: 'date', label: t('courtyards.field.date'), children: e.occurredOn },
            {
              key: 'lv',
              label: t('courtyards.review.plaque'),
              children: (
                <span>
                  <RatingTag rating={e.fromLevel} isPlaque /> → <RatingTag rating={e.toLevel} isPlaque />
                </span>
              ),
            },
            { key: 'reason', label: t('courtyards.review.reason'), children: e.reason },
          ]}
          testId="plaque-event-card"
        />
      ) : (
        <Table<PlaqueEvent>
          rowKey="id"
          size="small"
          loading={events.isFetching}
          dataSource={events.data?.items}
          pagination={list.pagination(events.data?.total)}
          onChange={list.onTableChange}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState description={t('courtyards.review.noPlaqueEvents')} /> }}
          onRow={() => ({ 'data-testid': 'plaque-event-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('courtyards.field.date'), dataIndex: 'occurredOn' },
            {
              title: t('courtyards.field.household'),
              key: 'h',
              render: (_: unknown, e) => fileLink(e.householdId, e.householdLabel),
            },
            { title: t('courtyards.field.village'), dataIndex: 'orgUnitName' },
            {
              title: t('courtyards.review.plaqueKind'),
              dataIndex: 'kind',
              render: (k: PlaqueEvent['kind']) => (
                <Tag color={k === 'removal' || k === 'downgrade' ? 'red' : 'green'}>
                  {label(plaqueChangeKindLabels, k)}
                </Tag>
              ),
            },
            {
              title: t('courtyards.review.plaque'),
              key: 'lv',
              render: (_: unknown, e) => (
                <span>
                  <RatingTag rating={e.fromLevel} isPlaque /> → <RatingTag rating={e.toLevel} isPlaque />
                </span>
              ),
            },
            { title: t('courtyards.review.reason'), dataIndex: 'reason' },
          ]}
        />
      )}
    </>
  );
};

const RatingHistory = ({ orgUnitId }: { orgUnitId: string }) => {
  const { t } = useTranslation();
  const list = useListParams<RatingChange>({});
  const changes = useRatingChanges({ orgUnitId, page: list.page, pageSize: list.pageSize });
  const isPhone = useIsPhone();
  if (changes.isError) return <PageError error={changes.error} onRetry={() => void changes.refetch()} />;
  if (isPhone)
    return (
      <RecordCards<RatingChange>
        items={changes.data?.items}
        isLoading={changes.isFetching}
        page={list.page}
        pageSize={list.pageSize}
        total={changes.data?.total ?? 0}
        onPageChange={list.setPage}
        onOpen={() => undefined}
        empty={<EmptyState description={t('courtyards.file.noRatingChanges')} />}
        title={(c) => fileLink(c.householdId, c.householdLabel)}
        fields={(c) => [
          { key: 'date', label: t('courtyards.field.date'), children: c.effectiveOn },
          {
            key: 'r',
            label: t('courtyards.review.rating'),
            children: (
              <span>
                <RatingTag rating={c.fromRating} /> → <RatingTag rating={c.toRating} />
              </span>
            ),
          },
          { key: 'reason', label: t('courtyards.review.reason'), children: c.reason },
        ]}
        testId="rating-change-card"
      />
    );
  return (
    <Table<RatingChange>
      rowKey="id"
      size="small"
      loading={changes.isFetching}
      dataSource={changes.data?.items}
      pagination={list.pagination(changes.data?.total)}
      onChange={list.onTableChange}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyState description={t('courtyards.file.noRatingChanges')} /> }}
      columns={[
        { title: t('courtyards.field.date'), dataIndex: 'effectiveOn' },
        {
          title: t('courtyards.field.household'),
          key: 'h',
          render: (_: unknown, c) => fileLink(c.householdId, c.householdLabel),
        },
        { title: t('courtyards.field.village'), dataIndex: 'orgUnitName' },
        {
          title: t('courtyards.review.rating'),
          key: 'r',
          render: (_: unknown, c) => (
            <span>
              <RatingTag rating={c.fromRating} /> → <RatingTag rating={c.toRating} />
            </span>
          ),
        },
        {
          title: t('courtyards.review.average'),
          dataIndex: 'averageScore',
          render: (v: number | null) => v ?? '—',
        },
        { title: t('courtyards.review.reason'), dataIndex: 'reason' },
      ]}
    />
  );
};

/** 挂牌/摘牌: the month's changes for the 评比会 to confirm, and the history of plaques and ratings. */
export const ReviewsPage = () => {
  const { t } = useTranslation();
  const { scopeId } = useOrgScope();
  const units = useUnits();
  const [townId, setTownId] = useState<string | undefined>();
  const town = townId ?? units.scopeTownId;
  const [month, setMonth] = useState(thisMonth());
  return (
    <div>
      <div className="bbt-page-header">
        <div>
          <h1>{t('menu.courtyards.reviews')}</h1>
          <Typography.Text type="secondary">{t('courtyards.review.hint')}</Typography.Text>
        </div>
      </div>
      <Tabs
        items={[
          {
            key: 'review',
            label: t('courtyards.review.title'),
            children: (
              <>
                <div className="bbt-filters-compact">
                  {units.towns.length > 1 && (
                    <Select
                      value={town}
                      onChange={setTownId}
                      options={units.towns.map((x) => ({ value: x.id, label: x.name }))}
                      aria-label={t('courtyards.field.town')}
                    />
                  )}
                  {town && <MonthPicker value={month} onChange={setMonth} data-testid="review-month" />}
                </div>
                {town ? (
                  <ReviewBoard townId={town} month={month} />
                ) : (
                  <EmptyState description={t('courtyards.noTown')} />
                )}
              </>
            ),
          },
          {
            key: 'plaques',
            label: t('courtyards.review.plaqueHistory'),
            children: <PlaqueHistory orgUnitId={scopeId} />,
          },
          {
            key: 'ratings',
            label: t('courtyards.review.ratingHistory'),
            children: <RatingHistory orgUnitId={scopeId} />,
          },
        ]}
      />
    </div>
  );
};
