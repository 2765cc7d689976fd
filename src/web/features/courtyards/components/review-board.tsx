import { CalculatorOutlined, CheckOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Popconfirm,
  Segmented,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plaqueChangeKindLabels, type Review, type ReviewItem } from '../../../../contracts/courtyards';
import { DateField } from '../../../components/date-field';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { RecordCards } from '../../../components/record-cards';
import { DATE_FORMAT, formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { today } from '../../../lib/this-year';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useComputeReview } from '../api/compute-review';
import { useConfirmReview } from '../api/confirm-review';
import { useReview } from '../api/get-review';
import { RatingTag } from './rating-tag';

type Props = { townId: string; month: string };

/** 评比会: the month's computed rating and plaque changes, each accepted or turned down, then confirmed. */
export const ReviewBoard = ({ townId, month }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { access } = useSession();
  const onError = useApiErrorHandler();
  const review = useReview(townId, month);
  const compute = useComputeReview();
  const canManage = access.can('courtyards.manage');

  const run = () =>
    compute.mutate(
      { townId, month },
      { onSuccess: () => void message.success(t('courtyards.review.computed')), onError: (e) => onError(e) },
    );

  if (review.isPending) return <PageLoading />;
  if (review.isError) return <PageError error={review.error} onRetry={() => void review.refetch()} />;
  const r = review.data;
  const computeButton = canManage && r?.status !== 'confirmed' && (
    <Button
      icon={<CalculatorOutlined />}
      loading={compute.isPending}
      onClick={run}
      data-testid="review-compute"
    >
      {r ? t('courtyards.review.recompute') : t('courtyards.review.compute')}
    </Button>
  );
  if (!r)
    return <EmptyState description={t('courtyards.review.none', { month })}>{computeButton}</EmptyState>;
  return <ReviewView key={`${r.id}:${r.version}`} review={r} computeButton={computeButton || null} />;
};

const ReviewView = ({ review: r, computeButton }: { review: Review; computeButton: React.ReactNode }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const { access } = useSession();
  const onError = useApiErrorHandler();
  const confirm = useConfirmReview();
  const [rejected, setRejected] = useState<Record<string, string>>({});
  const [meetingOn, setMeetingOn] = useState(today());
  const [note, setNote] = useState('');
  const isPending = r.status === 'pending';
  const canManage = access.can('courtyards.manage');
  const missingReason = Object.entries(rejected).some(([, reason]) => !reason.trim());
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const isPhone = useIsPhone();
  const [show, setShow] = useState<'all' | 'award' | 'removal' | 'rating'>('all');
  const shown = r.items.filter(
    (i) =>
      (show === 'all' ||
        (show === 'rating' && i.isRatingChange) ||
        (show === 'removal' && i.plaque?.kind === 'removal') ||
        (show === 'award' && i.plaque && i.plaque.kind !== 'removal')) &&
      (!q || `${i.headName ?? ''}${i.householdLabel}${i.orgUnitName}`.includes(q)),
  );

  const whoOf = (i: ReviewItem) => (i.headName ? `${i.headName} · ${i.householdLabel}` : i.householdLabel);
  const ratingCell = (i: ReviewItem) =>
    i.isRatingChange ? (
      <span>
        <RatingTag rating={i.fromRating} /> → <RatingTag rating={i.toRating} />
      </span>
    ) : (
      <RatingTag rating={i.toRating} />
    );
  const plaqueCell = (i: ReviewItem) =>
    i.plaque ? (
      <span data-testid="review-plaque">
        <Tag color={i.plaque.kind === 'removal' || i.plaque.kind === 'downgrade' ? 'red' : 'green'}>
          {label(plaqueChangeKindLabels, i.plaque.kind)}
        </Tag>
        {i.plaque.toLevel && <RatingTag rating={i.plaque.toLevel} isPlaque />}
      </span>
    ) : (
      '—'
    );
  const decisionCell = (i: ReviewItem) =>
    !isPending ? (
      <Tag color={i.decision === 'rejected' ? 'red' : 'green'}>
        {i.decision === 'rejected'
          ? `${t('courtyards.review.rejected')}：${i.rejectReason ?? ''}`
          : t('courtyards.review.applied')}
      </Tag>
    ) : canManage ? (
      <Space orientation="vertical" size={4}>
        <Switch
          checkedChildren={t('courtyards.review.reject')}
          unCheckedChildren={t('courtyards.review.accept')}
          checked={i.key in rejected}
          onChange={(on) =>
            setRejected((m) => {
              const next = { ...m };
              if (on) next[i.key] = '';
              else delete next[i.key];
              return next;
            })
          }
        />
        {i.key in rejected && (
          <Input
            size="small"
            maxLength={200}
            status={rejected[i.key]?.trim() ? undefined : 'error'}
            placeholder={t('courtyards.review.rejectReason')}
            value={rejected[i.key]}
            onChange={(e) => setRejected((m) => ({ ...m, [i.key]: e.target.value }))}
          />
        )}
      </Space>
    ) : (
      t('courtyards.review.pending')
    );

  const submit = () =>
    confirm
      .mutateAsync({
        reviewId: r.id,
        version: r.version,
        meetingOn,
        note: note.trim() || undefined,
        rejected: Object.entries(rejected).map(([key, reason]) => ({ key, reason: reason.trim() })),
      })
      .then(
        () => void message.success(t('courtyards.review.confirmed')),
        (e: unknown) => onError(e),
      );

  return (
    <div data-testid="review-board">
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <Tag color={isPending ? 'orange' : 'green'} data-testid="review-status">
          {isPending
            ? t('courtyards.review.pending')
            : t('courtyards.review.isConfirmed', { date: r.meetingOn })}
        </Tag>
        <Typography.Text type="secondary">
          {t('courtyards.review.computedAt', { at: formatDateTime(r.computedAt) })}
        </Typography.Text>
        {computeButton}
      </Space>
      <div className="bbt-count-strip">
        <Card size="small" className="bbt-count-card">
          <Statistic title={t('courtyards.review.households')} value={r.counts.households} />
        </Card>
        <Card size="small" className="bbt-count-card">
          <Statistic title={t('courtyards.review.ratingChanges')} value={r.counts.ratingChanges} />
        </Card>
        <Card size="small" className="bbt-count-card">
          <Statistic title={t('courtyards.review.awards')} value={r.counts.awards} />
        </Card>
        <Card size="small" className="bbt-count-card">
          <Statistic
            title={t('courtyards.review.removals')}
            value={r.counts.removals}
            styles={{ content: { color: r.counts.removals ? '#cf1322' : undefined } }}
          />
        </Card>
      </div>
      {r.items.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented
            value={show}
            onChange={(v) => {
              setShow(v as typeof show);
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'award', label: t('courtyards.review.showAwards') },
              { value: 'removal', label: t('courtyards.review.removals') },
              { value: 'rating', label: t('courtyards.review.ratingChanges') },
            ]}
          />
          <Input.Search
            allowClear
            style={{ width: 220 }}
            placeholder={t('courtyards.review.searchPlaceholder')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            data-testid="review-search"
          />
        </Space>
      )}
      {r.items.length === 0 ? (
        <EmptyState description={t('courtyards.review.noChanges')} />
      ) : isPhone ? (
        <RecordCards<ReviewItem & { id: string }>
          items={shown.slice((page - 1) * 20, page * 20).map((i) => ({ ...i, id: i.key }))}
          isLoading={false}
          page={page}
          pageSize={20}
          total={shown.length}
          onPageChange={setPage}
          onOpen={() => undefined}
          empty={<EmptyState description={t('ledger.emptyFiltered')} />}
          title={whoOf}
          extra={(i) => plaqueCell(i)}
          fields={(i) => [
            { key: 'rating', label: t('courtyards.review.rating'), children: ratingCell(i) },
            { key: 'avg', label: t('courtyards.review.average'), children: i.averageScore ?? '—' },
            { key: 'reason', label: t('courtyards.review.reason'), children: i.reason },
            { key: 'decision', label: t('courtyards.review.decision'), children: decisionCell(i) },
          ]}
          testId="review-item"
        />
      ) : (
        <Table<ReviewItem>
          rowKey="key"
          size="small"
          dataSource={shown}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'review-item' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('courtyards.field.household'),
              key: 'who',
              render: (_: unknown, i) => whoOf(i),
            },
            { title: t('courtyards.field.village'), dataIndex: 'orgUnitName' },
            {
              title: t('courtyards.review.average'),
              dataIndex: 'averageScore',
              align: 'right',
              render: (v: number | null) => v ?? '—',
            },
            {
              title: t('courtyards.review.rating'),
              key: 'rating',
              render: (_: unknown, i) => ratingCell(i),
            },
            {
              title: t('courtyards.review.plaque'),
              key: 'plaque',
              render: (_: unknown, i) => plaqueCell(i),
            },
            { title: t('courtyards.review.reason'), dataIndex: 'reason' },
            {
              title: t('courtyards.review.decision'),
              key: 'decision',
              render: (_: unknown, i) => decisionCell(i),
            },
          ]}
        />
      )}
      {isPending && canManage && (
        <Card size="small" title={t('courtyards.review.confirmTitle')} style={{ marginTop: 16 }}>
          <Space wrap align="start">
            <DateField
              allowClear={false}
              notFuture
              value={dayjs(meetingOn, DATE_FORMAT)}
              onChange={(d) => d && setMeetingOn(d.format(DATE_FORMAT))}
              aria-label={t('courtyards.review.meetingOn')}
            />
            <Input.TextArea
              rows={1}
              style={{ minWidth: 280 }}
              maxLength={1000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('courtyards.review.notePlaceholder')}
            />
            <Popconfirm
              title={t('courtyards.review.confirmAsk', {
                applied: r.items.length - Object.keys(rejected).length,
                rejected: Object.keys(rejected).length,
              })}
              description={t('courtyards.review.confirmHint')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              disabled={missingReason}
              onConfirm={submit}
            >
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={confirm.isPending}
                disabled={missingReason}
                data-testid="review-confirm"
              >
                {t('courtyards.review.confirm')}
              </Button>
            </Popconfirm>
          </Space>
          {missingReason && (
            <Alert
              type="warning"
              showIcon
              title={t('courtyards.review.reasonMissing')}
              style={{ marginTop: 8 }}
            />
          )}
        </Card>
      )}
      {r.note && <Typography.Paragraph style={{ marginTop: 12 }}>{r.note}</Typography.Paragraph>}
    </div>
  );
};
