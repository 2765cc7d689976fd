import { ToolOutlined } from '@ant-design/icons';
import { App, Button, List, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Inspection,
  inspectionKindLabels,
  rectificationStatusLabels,
  rubricMaxPoints,
} from '../../../../contracts/courtyards';
import { LedgerActions } from '../../../components/ledger-actions';
import { DetailHeading, LedgerDetailDrawer, RecordFields } from '../../../components/ledger-detail-drawer';
import { PageError, PageLoading } from '../../../components/page-states';
import { RecordHistory } from '../../../components/record-history';
import { RecordPhotos } from '../../../components/record-photos';
import { formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useCreateRectification } from '../api/create-rectification';
import { useDeleteInspection } from '../api/delete-inspection';
import { useInspection } from '../api/get-inspection';
import { useRubric } from '../api/get-rubric';
import { inspectionPhotosUrl } from '../api/inspection-photos';
import { courtyardKeys } from '../api/keys';
import { useRectifications } from '../api/list-rectifications';
import { useRestoreInspection } from '../api/restore-inspection';
import { RatingTag } from './rating-tag';
import { ScoreBreakdown } from './score-breakdown';

type Props = { inspectionId: string; onClose: () => void; onEdit: (id: string) => void };

/** 发起整改 for a deduction that has none yet (the deadline defaults to 7 days, the owner to the head). */
const OpenRectifications = ({
  inspectionId,
  deductions,
  taken,
}: {
  inspectionId: string;
  deductions: Inspection['deductions'];
  taken: string[];
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const create = useCreateRectification();
  const open = deductions
    .map((d, index) => ({ ...d, index }))
    .filter((d) => !taken.includes(`${d.itemCode}:${d.reason}`));
  if (open.length === 0) return null;
  return (
    <Space wrap style={{ marginBottom: 8 }}>
      {open.map((d) => (
        <Popconfirm
          key={d.index}
          title={t('courtyards.rectification.openConfirm', { problem: d.reason })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            create.mutateAsync({ inspectionId, deductionIndex: d.index }).then(
              () => void message.success(t('courtyards.rectification.opened')),
              (e: unknown) => onError(e),
            )
          }
        >
          <Button size="small" icon={<ToolOutlined />} data-testid="inspection-open-rectification">
            {t('courtyards.rectification.openFor', { problem: d.reason })}
          </Button>
        </Popconfirm>
      ))}
    </Space>
  );
};

/** 检查详情: scores item by item, photos, the 整改 it opened, change history; 编辑 / 删除 / 恢复. */
export const InspectionDetailDrawer = ({ inspectionId, onClose, onEdit }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const { access } = useSession();
  const onError = useApiErrorHandler();
  const inspection = useInspection(inspectionId);
  const loaded = inspection.data;
  const rubric = useRubric(loaded?.rubricId);
  const rects = useRectifications({ inspectionId, pageSize: 50 }, Boolean(loaded));
  const remove = useDeleteInspection();
  const restore = useRestoreInspection();
  const canWrite = access.can('courtyards.write');
  const name = loaded ? `${loaded.headName ? `${loaded.headName} · ` : ''}${loaded.householdLabel}` : '';

  return (
    <LedgerDetailDrawer
      query={inspection}
      title={t('courtyards.inspection.detail')}
      width={680}
      testId="inspection-detail"
      onClose={onClose}
    >
      {(a) => (
        <>
          <DetailHeading name={name} isDeleted={a.deletedAt !== null} testId="inspection-detail-title">
            <RatingTag rating={a.rating} isVeto={a.isVeto} />
          </DetailHeading>
          <Tabs
            items={[
              {
                key: 'info',
                label: t('courtyards.inspection.info'),
                children: (
                  <>
                    <RecordFields
                      items={[
                        { key: 'unit', label: t('courtyards.field.village'), children: a.orgUnitName },
                        {
                          key: 'kind',
                          label: t('courtyards.field.kind'),
                          children: label(inspectionKindLabels, a.kind),
                        },
                        { key: 'date', label: t('courtyards.field.inspectedOn'), children: a.inspectedOn },
                        { key: 'group', label: t('courtyards.field.group'), children: a.groupName ?? '—' },
                        {
                          key: 'inspectors',
                          label: t('courtyards.field.inspectors'),
                          children: a.inspectorNames ?? '—',
                        },
                        {
                          key: 'total',
                          label: t('courtyards.field.totalScore'),
                          children: (
                            <strong data-testid="inspection-detail-total">
                              {a.totalScore}
                              {rubric.data ? ` / ${rubricMaxPoints(rubric.data.rules)}` : ''}
                            </strong>
                          ),
                        },
                        {
                          key: 'rubric',
                          label: t('courtyards.field.rubric'),
                          children: rubric.data
                            ? t('courtyards.rubric.nameVersion', {
                                name: rubric.data.name,
                                version: rubric.data.versionNo,
                              })
                            : '—',
                        },
                        { key: 'note', label: t('courtyards.field.note'), children: a.note ?? '—' },
                        {
                          key: 'updated',
                          label: t('common.updatedAt'),
                          children: formatDateTime(a.updatedAt),
                        },
                      ]}
                    />
                    <Typography.Title level={5} style={{ marginTop: 16 }}>
                      {t('courtyards.inspection.scores')}
                    </Typography.Title>
                    {rubric.isPending ? (
                      <PageLoading rows={3} />
                    ) : rubric.isError ? (
                      <PageError error={rubric.error} onRetry={() => void rubric.refetch()} />
                    ) : (
                      <ScoreBreakdown rules={rubric.data.rules} input={a} />
                    )}
                    <Typography.Title level={5} style={{ marginTop: 16 }}>
                      {t('courtyards.field.photos')}（{a.photoIds.length}）
                    </Typography.Title>
                    <RecordPhotos
                      url={inspectionPhotosUrl(a.id)}
                      photoIds={a.photoIds}
                      alt={t('courtyards.photo.alt')}
                      isEditable={false}
                      invalidate={courtyardKeys.all}
                      testId="inspection"
                    />
                    <Typography.Title level={5} style={{ marginTop: 16 }}>
                      {t('menu.courtyards.rectifications')}
                    </Typography.Title>
                    {canWrite && !a.deletedAt && (
                      <OpenRectifications
                        inspectionId={a.id}
                        deductions={a.deductions}
                        taken={(rects.data?.items ?? []).map((r) => `${r.itemCode ?? ''}:${r.problem}`)}
                      />
                    )}
                    <List
                      size="small"
                      loading={rects.isPending}
                      dataSource={rects.data?.items ?? []}
                      locale={{ emptyText: t('courtyards.rectification.noneForInspection') }}
                      renderItem={(r) => (
                        <List.Item data-testid="inspection-rectification">
                          <Link to={`/courtyards/rectifications?rectificationId=${r.id}`}>{r.problem}</Link>
                          <Tag color={r.isOverdue ? 'red' : r.status === 'verified' ? 'green' : 'orange'}>
                            {label(rectificationStatusLabels, r.isOverdue ? 'overdue' : r.status)}
                          </Tag>
                        </List.Item>
                      )}
                    />
                    <div style={{ marginTop: 12 }}>
                      <Link
                        to={`/courtyards/households?householdId=${a.householdId}`}
                        data-testid="inspection-open-file"
                      >
                        {t('courtyards.score.openFile')}
                      </Link>
                    </div>
                    {canWrite && (
                      <LedgerActions
                        name={name}
                        isDeleted={a.deletedAt !== null}
                        onEdit={() => onEdit(a.id)}
                        onDelete={() =>
                          remove.mutateAsync({ id: a.id, version: a.version }).then(
                            () => {
                              void message.success(t('common.deleted'));
                              onClose();
                            },
                            (e: unknown) => onError(e),
                          )
                        }
                        onRestore={() =>
                          restore.mutateAsync({ id: a.id, version: a.version }).then(
                            () => void message.success(t('common.restored')),
                            (e: unknown) => onError(e),
                          )
                        }
                        isDeleting={remove.isPending}
                        isRestoring={restore.isPending}
                        testIdPrefix="inspection"
                      />
                    )}
                  </>
                ),
              },
              {
                key: 'history',
                label: t('courtyards.history'),
                children: <RecordHistory entityType="courtyardInspection" entityId={a.id} />,
              },
            ]}
          />
        </>
      )}
    </LedgerDetailDrawer>
  );
};
