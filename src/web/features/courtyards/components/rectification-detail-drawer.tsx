import { CheckOutlined, RollbackOutlined, ToolOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Input, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Rectification, rectificationStatusLabels } from '../../../../contracts/courtyards';
import { DateField } from '../../../components/date-field';
import { DetailHeading, RecordFields } from '../../../components/ledger-detail-drawer';
import { PageError, PageLoading } from '../../../components/page-states';
import { RecordHistory } from '../../../components/record-history';
import { RecordPhotos } from '../../../components/record-photos';
import { DATE_FORMAT } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { today } from '../../../lib/this-year';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useFixRectification } from '../api/fix-rectification';
import { getRectification, useRectification } from '../api/get-rectification';
import { courtyardKeys } from '../api/keys';
import { rectificationPhotosUrl, uploadRectificationPhoto } from '../api/rectification-photos';
import { useVerifyRectification } from '../api/verify-rectification';
import { PhotosCapture } from './photos-capture';

type Props = { rectificationId: string; onClose: () => void };

export const RectificationStatusTag = ({ r }: { r: Pick<Rectification, 'status' | 'isOverdue'> }) => {
  const label = useLabel();
  const key = r.isOverdue ? 'overdue' : r.status;
  const color = { open: 'orange', overdue: 'red', fixed: 'blue', verified: 'green' }[key];
  return (
    <Tag color={color} data-testid="rectification-status">
      {label(rectificationStatusLabels, key)}
    </Tag>
  );
};

/**
 * 整改详情: the problem and its deadline, before/after photos; 标记已整改 (with the after photo) and 验收. Not
 * on LedgerRecordDrawer: its actions are the rectification's steps, not 编辑 / 删除 / 恢复.
 */
export const RectificationDetailDrawer = ({ rectificationId, onClose }: Props) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const rect = useRectification(rectificationId);
  const r = rect.data;
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('courtyards.rectification.detail')}
      size={isMobile ? '100%' : 600}
      data-testid="rectification-detail"
    >
      {rect.isPending && <PageLoading />}
      {rect.isError && <PageError error={rect.error} onRetry={() => void rect.refetch()} />}
      {r && (
        <Tabs
          items={[
            { key: 'info', label: t('courtyards.inspection.info'), children: <RectificationInfo r={r} /> },
            {
              key: 'history',
              label: t('courtyards.history'),
              children: <RecordHistory entityType="courtyardRectification" entityId={r.id} />,
            },
          ]}
        />
      )}
    </Drawer>
  );
};

const RectificationInfo = ({ r }: { r: Rectification }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { access, csrfToken } = useSession();
  const onError = useApiErrorHandler();
  const fix = useFixRectification();
  const verify = useVerifyRectification();
  const [after, setAfter] = useState<File[]>([]);
  const [fixedOn, setFixedOn] = useState(today());
  const [fixNote, setFixNote] = useState('');
  const [verifyNote, setVerifyNote] = useState('');
  const [isUploading, setUploading] = useState(false);
  const canWrite = access.can('courtyards.write');
  const isDeleted = r.deletedAt !== null;

  const markFixed = async () => {
    if (after.length === 0 && r.afterPhotoIds.length === 0) {
      void message.warning(t('courtyards.rectification.afterPhotoNeeded'));
      return;
    }
    setUploading(true);
    let version = r.version;
    try {
      for (const file of after)
        await uploadRectificationPhoto({ rectificationId: r.id, phase: 'after', file, csrfToken });
      setAfter([]);
      // Each photo moves the record's version on; the fix is sent against the one it now has.
      version = (await getRectification(r.id)).version;
    } catch (e) {
      setUploading(false);
      onError(e);
      return;
    }
    setUploading(false);
    fix.mutate(
      { id: r.id, version, fixedOn, fixNote: fixNote.trim() || undefined },
      {
        onSuccess: () => void message.success(t('courtyards.rectification.fixedDone')),
        onError: (e) => onError(e),
      },
    );
  };
  const decide = (isAccepted: boolean) =>
    verify
      .mutateAsync({
        id: r.id,
        version: r.version,
        verifiedOn: today(),
        isAccepted,
        note: verifyNote.trim() || undefined,
      })
      .then(
        () =>
          void message.success(
            isAccepted
              ? t('courtyards.rectification.verifiedDone')
              : t('courtyards.rectification.returnedDone'),
          ),
        (e: unknown) => onError(e),
      );

  return (
    <>
      <DetailHeading name={r.problem} isDeleted={isDeleted} testId="rectification-detail-title">
        <RectificationStatusTag r={r} />
      </DetailHeading>
      <RecordFields
        items={[
          {
            key: 'who',
            label: t('courtyards.field.household'),
            children: (
              <Link to={`/courtyards/households?householdId=${r.householdId}`}>
                {r.headName ? `${r.headName} · ` : ''}
                {r.householdLabel}
              </Link>
            ),
          },
          { key: 'unit', label: t('courtyards.field.village'), children: r.orgUnitName },
          { key: 'deadline', label: t('courtyards.field.deadline'), children: r.deadline },
          { key: 'owner', label: t('courtyards.field.owner'), children: r.ownerName ?? '—' },
          {
            key: 'inspection',
            label: t('courtyards.rectification.fromInspection'),
            children: r.inspectionId ? (
              <Link to={`/courtyards/inspections?inspectionId=${r.inspectionId}`}>
                {t('courtyards.rectification.openInspection')}
              </Link>
            ) : (
              '—'
            ),
          },
          {
            key: 'fixed',
            label: t('courtyards.field.fixedOn'),
            children: r.fixedOn ? `${r.fixedOn} ${r.fixNote ?? ''}` : '—',
          },
          {
            key: 'verified',
            label: t('courtyards.field.verifiedOn'),
            children: r.verifiedOn ? `${r.verifiedOn} ${r.verifiedByName ?? ''}` : '—',
          },
        ]}
        updatedAt={r.updatedAt}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('courtyards.photo.before')}
      </Typography.Title>
      <RecordPhotos
        url={rectificationPhotosUrl(r.id)}
        photoIds={r.beforePhotoIds}
        phase="before"
        alt={t('courtyards.photo.before')}
        isEditable={canWrite && !isDeleted && r.status === 'open'}
        invalidate={courtyardKeys.all}
        testId="rectification-before"
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('courtyards.photo.after')}
      </Typography.Title>
      <RecordPhotos
        url={rectificationPhotosUrl(r.id)}
        photoIds={r.afterPhotoIds}
        alt={t('courtyards.photo.after')}
        isEditable={false}
        invalidate={courtyardKeys.all}
        testId="rectification-after"
      />
      {canWrite && !isDeleted && r.status === 'open' && (
        <div className="bbt-score-area" style={{ marginTop: 16 }} data-testid="rectification-fix">
          <h2>{t('courtyards.rectification.markFixed')}</h2>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <PhotosCapture
              files={after}
              onChange={setAfter}
              max={6}
              testId="rectification-after"
              label={t('courtyards.rectification.takeAfter')}
              disabled={isUploading || fix.isPending}
            />
            <DateField
              size="large"
              style={{ width: '100%' }}
              allowClear={false}
              notFuture
              value={dayjs(fixedOn, DATE_FORMAT)}
              onChange={(d) => d && setFixedOn(d.format(DATE_FORMAT))}
              aria-label={t('courtyards.field.fixedOn')}
            />
            <Input.TextArea
              rows={2}
              maxLength={500}
              value={fixNote}
              onChange={(e) => setFixNote(e.target.value)}
              placeholder={t('courtyards.rectification.fixNotePlaceholder')}
            />
            <Button
              type="primary"
              size="large"
              block
              icon={<ToolOutlined />}
              loading={isUploading || fix.isPending}
              onClick={() => void markFixed()}
              data-testid="rectification-fix-submit"
            >
              {t('courtyards.rectification.markFixed')}
            </Button>
          </Space>
        </div>
      )}
      {canWrite && !isDeleted && r.status === 'fixed' && (
        <div className="bbt-score-area" style={{ marginTop: 16 }} data-testid="rectification-verify">
          <h2>{t('courtyards.rectification.verify')}</h2>
          <Input.TextArea
            rows={2}
            maxLength={500}
            value={verifyNote}
            onChange={(e) => setVerifyNote(e.target.value)}
            placeholder={t('courtyards.rectification.verifyNotePlaceholder')}
            style={{ marginBottom: 8 }}
          />
          <Space wrap style={{ width: '100%' }}>
            <Popconfirm
              title={t('courtyards.rectification.verifyConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => decide(true)}
            >
              <Button
                type="primary"
                size="large"
                icon={<CheckOutlined />}
                loading={verify.isPending}
                data-testid="rectification-verify-accept"
              >
                {t('courtyards.rectification.accept')}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t('courtyards.rectification.returnConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => decide(false)}
            >
              <Button
                size="large"
                danger
                icon={<RollbackOutlined />}
                loading={verify.isPending}
                data-testid="rectification-verify-return"
              >
                {t('courtyards.rectification.return')}
              </Button>
            </Popconfirm>
          </Space>
        </div>
      )}
    </>
  );
};
