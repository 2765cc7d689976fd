import { ArrowLeftOutlined, FormOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Descriptions, List, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type HouseholdFile as File,
  inspectionKindLabels,
  plaqueChangeKindLabels,
  ratingLabels,
  ratingLevels,
  rectificationStatusLabels,
} from '../../../../contracts/courtyards';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { PhotoGrid } from '../../../components/photo-grid';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useIsPhone } from '../../../lib/use-is-phone';
import { useFeaturedCategories } from '../api/featured';
import { useEffectiveRubric } from '../api/get-effective-rubric';
import { useHouseholdFile } from '../api/get-household-file';
import { inspectionPhotosUrl } from '../api/inspection-photos';
import { rectificationPhotosUrl } from '../api/rectification-photos';
import { RatingTag } from './rating-tag';
import { ScoreTrendChart } from './score-trend-chart';

type Props = { householdId: string; onBack: () => void };

/** 一户一档: everything the programme knows of one household, newest first. */
export const HouseholdFile = ({ householdId, onBack }: Props) => {
  const { t } = useTranslation();
  const file = useHouseholdFile(householdId);
  return (
    <div data-testid="household-file">
      <Button
        icon={<ArrowLeftOutlined />}
        onClick={onBack}
        style={{ marginBottom: 12 }}
        data-testid="file-back"
      >
        {t('courtyards.file.back')}
      </Button>
      {file.isPending ? (
        <PageLoading rows={10} />
      ) : file.isError ? (
        <PageError error={file.error} onRetry={() => void file.refetch()} />
      ) : (
        <FileView file={file.data} />
      )}
    </div>
  );
};

type Section = { key: string; label: ReactNode; children: ReactNode };

/** Tabs on a desktop; on a phone six tabs do not fit, so the sections fold open one under another. */
const Sections = ({ items, isPhone }: { items: Section[]; isPhone: boolean }) =>
  isPhone ? (
    <Collapse defaultActiveKey={[items[0]?.key ?? '']} items={items} data-testid="file-sections" />
  ) : (
    <Tabs items={items} data-testid="file-sections" />
  );

const FileView = ({ file }: { file: File }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const isPhone = useIsPhone();
  const h = file.household;
  const year = Number((h.lastInspectedOn ?? new Date().toISOString()).slice(0, 4));
  const rubric = useEffectiveRubric(h.orgUnitId, year);
  const categories = useFeaturedCategories();
  const categoryLabel = (code: string) => {
    const c = categories.data?.categories.find((x) => x.code === code);
    return c ? label({ c: c.label }, 'c') : code;
  };
  const thresholds = rubric.data?.rubric
    ? ratingLevels.map((r) => ({
        name: label(ratingLabels, r),
        value: rubric.data.rubric?.rules.thresholds[r] ?? 0,
      }))
    : [];
  const trend = [...file.scoreTrend]
    .filter((p) => p.kind === 'monthly')
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((p) => ({ label: p.month, score: p.totalScore }));
  const phaseLabel: Record<string, string> = {
    inspection: t('courtyards.photo.inspection'),
    before: t('courtyards.photo.before'),
    after: t('courtyards.photo.after'),
  };

  return (
    <>
      <div className="bbt-file-head">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="file-title">
          {h.headName ? `${h.headName} · ` : ''}
          {h.householdLabel}
        </Typography.Title>
        <RatingTag rating={h.rating} />
        <span data-testid="file-plaque">
          <RatingTag rating={h.plaqueLevel} isPlaque />
        </span>
        {h.featuredCategories.map((c) => (
          <Tag key={c} color="magenta">
            {categoryLabel(c)}
          </Tag>
        ))}
        {access.can('courtyards.write') && (
          <Link to="/courtyards/score">
            <Button icon={<FormOutlined />}>{t('menu.courtyards.score')}</Button>
          </Link>
        )}
      </div>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'unit', label: t('courtyards.field.village'), children: h.orgUnitName },
          { key: 'address', label: t('courtyards.field.address'), children: h.address || '—' },
          { key: 'house', label: t('courtyards.field.houseNumber'), children: h.houseNumber ?? '—' },
          { key: 'rated', label: t('courtyards.field.ratedOn'), children: h.ratedOn ?? '—' },
          { key: 'plaque', label: t('courtyards.field.plaqueSince'), children: h.plaqueSince ?? '—' },
          {
            key: 'last',
            label: t('courtyards.field.lastScore'),
            children: h.lastScore === null ? '—' : `${h.lastScore}（${h.lastInspectedOn}）`,
          },
          { key: 'open', label: t('courtyards.field.openRectifications'), children: h.openRectifications },
        ]}
      />
      <Card size="small" title={t('courtyards.file.trend')} style={{ marginBottom: 16 }}>
        {trend.length === 0 ? (
          <EmptyState description={t('courtyards.file.noInspections')} />
        ) : (
          <ScoreTrendChart points={trend} thresholds={thresholds} ariaLabel={t('courtyards.file.trend')} />
        )}
      </Card>
      <Sections
        isPhone={isPhone}
        items={[
          {
            key: 'inspections',
            label: `${t('courtyards.file.inspections')}（${file.inspections.length}）`,
            children: isPhone ? (
              <List
                dataSource={file.inspections}
                locale={{ emptyText: <EmptyState description={t('courtyards.file.noInspections')} /> }}
                renderItem={(a) => (
                  <List.Item style={{ display: 'block', minHeight: 44 }} data-testid="file-inspection">
                    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                      <Link to={`/courtyards/inspections?inspectionId=${a.id}`}>
                        {a.inspectedOn} · {label(inspectionKindLabels, a.kind)}
                      </Link>
                      <span>
                        <strong>{a.totalScore}</strong> <RatingTag rating={a.rating} isVeto={a.isVeto} />
                      </span>
                    </div>
                    {a.deductions.length > 0 && (
                      <div className="bbt-muted">{a.deductions.map((x) => x.reason).join('；')}</div>
                    )}
                  </List.Item>
                )}
              />
            ) : (
              <Table
                size="small"
                rowKey="id"
                dataSource={file.inspections}
                pagination={{ pageSize: 12, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: <EmptyState description={t('courtyards.file.noInspections')} /> }}
                columns={[
                  {
                    title: t('courtyards.field.inspectedOn'),
                    dataIndex: 'inspectedOn',
                    render: (v: string, a) => (
                      <Link to={`/courtyards/inspections?inspectionId=${a.id}`}>{v}</Link>
                    ),
                  },
                  {
                    title: t('courtyards.field.kind'),
                    dataIndex: 'kind',
                    render: (k: keyof typeof inspectionKindLabels) => label(inspectionKindLabels, k),
                  },
                  { title: t('courtyards.field.totalScore'), dataIndex: 'totalScore', align: 'right' },
                  {
                    title: t('courtyards.field.rating'),
                    key: 'r',
                    render: (_: unknown, a) => <RatingTag rating={a.rating} isVeto={a.isVeto} />,
                  },
                  {
                    title: t('courtyards.field.deductions'),
                    dataIndex: 'deductions',
                    render: (d: File['inspections'][number]['deductions']) =>
                      d.map((x) => x.reason).join('；') || '—',
                  },
                  {
                    title: t('courtyards.field.group'),
                    dataIndex: 'groupName',
                    render: (v: string | null) => v ?? '—',
                  },
                ]}
              />
            ),
          },
          {
            key: 'ratings',
            label: t('courtyards.file.ratings'),
            children:
              file.ratingChanges.length === 0 ? (
                <EmptyState description={t('courtyards.file.noRatingChanges')} />
              ) : (
                <Timeline
                  items={file.ratingChanges.map((c) => ({
                    key: c.id,
                    content: (
                      <div data-testid="file-rating-change">
                        <strong>{c.effectiveOn}</strong> <RatingTag rating={c.fromRating} /> →{' '}
                        <RatingTag rating={c.toRating} />
                        <div className="bbt-muted">
                          {c.reason}
                          {c.averageScore !== null &&
                            ` · ${t('courtyards.review.average')} ${c.averageScore}`}
                        </div>
                      </div>
                    ),
                  }))}
                />
              ),
          },
          {
            key: 'plaques',
            label: t('courtyards.file.plaques'),
            children:
              file.plaqueEvents.length === 0 ? (
                <EmptyState description={t('courtyards.file.noPlaques')} />
              ) : (
                <Timeline
                  items={file.plaqueEvents.map((e) => ({
                    key: e.id,
                    color: e.kind === 'removal' || e.kind === 'downgrade' ? 'red' : 'green',
                    content: (
                      <div data-testid="file-plaque-event">
                        <strong>{e.occurredOn}</strong> {label(plaqueChangeKindLabels, e.kind)}{' '}
                        {e.toLevel && <RatingTag rating={e.toLevel} isPlaque />}
                        <div className="bbt-muted">{e.reason}</div>
                      </div>
                    ),
                  }))}
                />
              ),
          },
          {
            key: 'rectifications',
            label: `${t('menu.courtyards.rectifications')}（${file.rectifications.length}）`,
            children: isPhone ? (
              <List
                dataSource={file.rectifications}
                locale={{ emptyText: <EmptyState description={t('courtyards.rectification.empty')} /> }}
                renderItem={(r) => (
                  <List.Item style={{ minHeight: 44 }} data-testid="file-rectification">
                    <Link to={`/courtyards/rectifications?rectificationId=${r.id}`}>{r.problem}</Link>
                    <span>
                      <span className="bbt-muted">{r.deadline}</span>{' '}
                      <Tag color={r.isOverdue ? 'red' : r.status === 'verified' ? 'green' : 'orange'}>
                        {label(rectificationStatusLabels, r.isOverdue ? 'overdue' : r.status)}
                      </Tag>
                    </span>
                  </List.Item>
                )}
              />
            ) : (
              <Table
                size="small"
                rowKey="id"
                dataSource={file.rectifications}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: <EmptyState description={t('courtyards.rectification.empty')} /> }}
                columns={[
                  {
                    title: t('courtyards.field.problem'),
                    dataIndex: 'problem',
                    render: (v: string, r) => (
                      <Link to={`/courtyards/rectifications?rectificationId=${r.id}`}>{v}</Link>
                    ),
                  },
                  { title: t('courtyards.field.deadline'), dataIndex: 'deadline' },
                  {
                    title: t('courtyards.field.status'),
                    key: 's',
                    render: (_: unknown, r) => (
                      <Tag color={r.isOverdue ? 'red' : r.status === 'verified' ? 'green' : 'orange'}>
                        {label(rectificationStatusLabels, r.isOverdue ? 'overdue' : r.status)}
                      </Tag>
                    ),
                  },
                  {
                    title: t('courtyards.field.fixedOn'),
                    dataIndex: 'fixedOn',
                    render: (v: string | null) => v ?? '—',
                  },
                ]}
              />
            ),
          },
          {
            key: 'featured',
            label: t('menu.courtyards.featured'),
            children:
              file.featured.length === 0 ? (
                <EmptyState description={t('courtyards.featured.noneForHousehold')} />
              ) : (
                <Timeline
                  items={file.featured.map((f) => ({
                    key: f.id,
                    content: (
                      <span>
                        <strong>{f.designatedOn}</strong>{' '}
                        <Tag color="magenta">{categoryLabel(f.category)}</Tag>
                        {f.note}
                      </span>
                    ),
                  }))}
                />
              ),
          },
          {
            key: 'photos',
            label: `${t('courtyards.field.photos')}（${file.photos.length}）`,
            children:
              file.photos.length === 0 ? (
                <span className="bbt-muted">{t('photos.none')}</span>
              ) : (
                <PhotoGrid
                  photos={file.photos.map((p) => ({
                    id: p.id,
                    url: `${
                      p.inspectionId
                        ? inspectionPhotosUrl(p.inspectionId)
                        : rectificationPhotosUrl(p.rectificationId ?? '')
                    }/${encodeURIComponent(p.id)}`,
                    caption: `${phaseLabel[p.phase]} ${p.createdAt.slice(0, 10)}`,
                  }))}
                  alt={t('courtyards.photo.alt')}
                  testId="file-photo"
                />
              ),
          },
        ]}
      />
    </>
  );
};
