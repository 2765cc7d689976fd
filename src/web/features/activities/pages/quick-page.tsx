import { CheckCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Progress, Result, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { defaultActivityTypes } from '../../../../contracts/activities';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { errorText } from '../../../lib/api-client';
import { DATE_FORMAT } from '../../../lib/format';
import { useOutboxEdit } from '../../../lib/offline/outbox-client';
import { useQueuedNotice } from '../../../lib/offline/use-queued-notice';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import { today } from '../../../lib/this-year';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { uuidV7 } from '../../../lib/uuid-v7';
import { useActivityTypes } from '../api/get-activity-types';
import { useUnitSites } from '../api/list-sites';
import { AttendanceStepper } from '../components/attendance-stepper';
import { PhotoCapture } from '../components/photo-capture';
import { TypePicker } from '../components/type-picker';
import { useQuickSave } from '../lib/use-quick-save';
import { useTypeLabel } from '../lib/use-type-label';
import '../lib/activities.css';
import { DateField } from '../../../components/date-field';
import { SaveRetryAlerts } from '../../../components/save-retry-alerts';

type Draft = {
  /** Made when the form opens; a retried save sends it again, so the record is never doubled. */
  id: string;
  orgUnitId: string;
  type?: string;
  occurredOn: string;
  siteId?: string;
  place: string;
  attendance: number;
  title: string;
};

const newDraft = (orgUnitId: string): Draft => ({
  id: uuidV7(),
  orgUnitId,
  occurredOn: today(),
  place: '',
  attendance: 0,
  title: '',
});

// Kept in memory across pages: leaving 快速登记 half-way (or a reload of the menu) loses nothing.
let kept: { draft: Draft; photo: File | null } | null = null;

/** 快速登记: one phone screen to record an activity where it happened, photo included. */
export const QuickPage = () => {
  const { t, i18n } = useTranslation();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const types = useActivityTypes();
  const typeLabel = useTypeLabel();
  const onError = useApiErrorHandler();
  const [draft, setDraftState] = useState<Draft>(() => kept?.draft ?? newDraft(scopeId));
  const [photo, setPhotoState] = useState<File | null>(() => kept?.photo ?? null);
  const [isTypeMissing, setTypeMissing] = useState(false);
  const sites = useUnitSites(draft.orgUnitId);
  const onRefused = useCallback((e: unknown) => onError(e), [onError]);
  const { phase, save, upload, cancel, reset } = useQuickSave(onRefused);
  const onQueued = useQueuedNotice();
  // 修改 in the outbox list: the refused record comes back as she entered it (same id: it replaces it).
  useOutboxEdit('activity', (e) => {
    const p = e.photos[0];
    const file = p ? new File([p.blob], p.name, { type: p.type }) : null;
    kept = { draft: e.draft as Draft, photo: file };
    setDraftState(e.draft as Draft);
    setPhotoState(file);
    reset();
  });
  const isEn = i18n.language.startsWith('en');
  const hasChildren = (tree.data ?? []).some((n) => n.parentId === scopeId);

  const setDraft = (patch: Partial<Draft>) =>
    setDraftState((d) => {
      const next = { ...d, ...patch };
      kept = { draft: next, photo };
      return next;
    });
  const setPhoto = (f: File | null) => {
    setPhotoState(f);
    kept = { draft, photo: f };
  };
  // Switching the scope in the header moves the draft to that unit (her own unit is the default).
  const lastScope = useRef(scopeId);
  useEffect(() => {
    if (lastScope.current === scopeId) return;
    lastScope.current = scopeId;
    setDraftState((d) => ({ ...d, orgUnitId: scopeId, siteId: undefined }));
  }, [scopeId]);
  const defaultTitle = draft.type ? t('activities.quick.defaultTitle', { type: typeLabel(draft.type) }) : '';

  const onSave = async () => {
    if (!draft.type) {
      setTypeMissing(true);
      return;
    }
    const title = draft.title.trim() || defaultTitle;
    const outcome = await save(
      {
        id: draft.id,
        orgUnitId: draft.orgUnitId,
        type: draft.type,
        title,
        occurredOn: draft.occurredOn,
        siteId: draft.siteId,
        place: draft.place.trim() || undefined,
        attendance: draft.attendance,
        isNotable: false,
        campaignIds: [],
        volunteerCount: 0,
        targetGroups: [],
        participantIds: [],
      },
      photo,
      { label: `${title} · ${draft.occurredOn}`, draft },
    );
    // Kept on the phone for later: the form starts the next record at once.
    if (outcome === 'queued') {
      again();
      onQueued();
    }
  };
  const again = () => {
    kept = null;
    setDraftState(newDraft(draft.orgUnitId));
    setPhotoState(null);
    reset();
  };

  if (phase.kind === 'done' || phase.kind === 'uploading' || phase.kind === 'uploadFailed') {
    const a = phase.activity;
    return (
      <div className="bbt-quick" data-testid="quick-page">
        <Result
          status={phase.kind === 'uploadFailed' ? 'warning' : 'success'}
          icon={phase.kind === 'uploading' ? <LoadingOutlined /> : undefined}
          title={t('activities.quick.saved')}
          subTitle={`${a.title} · ${a.occurredOn} · ${t('activities.quick.attendanceOf', { count: a.attendance })}`}
          data-testid="quick-success"
          extra={
            <Space orientation="vertical" style={{ width: '100%' }} size="middle">
              {phase.kind === 'uploading' && (
                <div data-testid="quick-photo-progress">
                  <Typography.Text>{t('activities.photo.uploading')}</Typography.Text>
                  <Progress percent={phase.percent} />
                </div>
              )}
              {phase.kind === 'done' && phase.hasPhoto && (
                <Typography.Text type="success" data-testid="quick-photo-done">
                  <CheckCircleFilled /> {t('activities.photo.uploaded')}
                </Typography.Text>
              )}
              {phase.kind === 'uploadFailed' && (
                <>
                  <Alert
                    type="warning"
                    showIcon
                    title={t('activities.photo.uploadFailed')}
                    description={errorText(phase.error, isEn)}
                  />
                  {photo && (
                    <Button
                      size="large"
                      block
                      onClick={() => void upload(a, photo)}
                      data-testid="quick-photo-retry"
                    >
                      {t('activities.photo.retry')}
                    </Button>
                  )}
                </>
              )}
              <Button
                type="primary"
                size="large"
                block
                className="bbt-big-button"
                onClick={again}
                disabled={phase.kind === 'uploading'}
                data-testid="quick-again"
              >
                {t('activities.quick.again')}
              </Button>
              <Link to={`/activities?activityId=${a.id}`} data-testid="quick-open-ledger">
                {t('activities.quick.openLedger')}
              </Link>
            </Space>
          }
        />
      </div>
    );
  }

  const isBusy = phase.kind === 'saving' || phase.kind === 'retrying';
  return (
    <div className="bbt-quick" data-testid="quick-page">
      <h1 className="bbt-quick-title">{t('activities.quick.title')}</h1>
      <Form layout="vertical" disabled={isBusy} requiredMark={false}>
        {hasChildren && (
          <Form.Item label={t('ledger.field.orgUnit')} htmlFor="quick-unit">
            <OrgTreeSelect
              id="quick-unit"
              size="large"
              value={draft.orgUnitId}
              onChange={(id) => id && setDraft({ orgUnitId: id, siteId: undefined })}
              data-testid="quick-unit"
            />
          </Form.Item>
        )}
        <Form.Item
          label={t('activities.field.type')}
          required
          validateStatus={isTypeMissing && !draft.type ? 'error' : undefined}
          help={isTypeMissing && !draft.type ? t('activities.rule.type') : undefined}
        >
          <TypePicker
            types={types.data ?? defaultActivityTypes}
            value={draft.type}
            onChange={(type) => setDraft({ type })}
          />
        </Form.Item>
        <Form.Item label={t('activities.field.occurredOn')} htmlFor="quick-date">
          <DateField
            id="quick-date"
            size="large"
            allowClear={false}
            notFuture
            value={dayjs(draft.occurredOn, DATE_FORMAT)}
            onChange={(d) => d && setDraft({ occurredOn: d.format(DATE_FORMAT) })}
            data-testid="quick-date"
          />
        </Form.Item>
        <Form.Item label={t('activities.field.attendance')} htmlFor="quick-attendance">
          <AttendanceStepper
            id="quick-attendance"
            value={draft.attendance}
            onChange={(attendance) => setDraft({ attendance })}
          />
        </Form.Item>
        {(sites.data?.length ?? 0) > 0 && (
          <Form.Item label={t('activities.field.site')} htmlFor="quick-site">
            <Select
              id="quick-site"
              size="large"
              allowClear
              placeholder={t('activities.quick.sitePlaceholder')}
              value={draft.siteId}
              onChange={(siteId?: string) => setDraft({ siteId })}
              options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              data-testid="quick-site"
            />
          </Form.Item>
        )}
        <Form.Item label={t('activities.field.place')} htmlFor="quick-place">
          <Input
            id="quick-place"
            size="large"
            maxLength={120}
            placeholder={t('activities.quick.placePlaceholder')}
            value={draft.place}
            onChange={(e) => setDraft({ place: e.target.value })}
            data-testid="quick-place"
          />
        </Form.Item>
        <Form.Item label={t('activities.field.titleOptional')} htmlFor="quick-title">
          <Input
            id="quick-title"
            size="large"
            maxLength={100}
            placeholder={defaultTitle || t('activities.quick.titlePlaceholder')}
            value={draft.title}
            onChange={(e) => setDraft({ title: e.target.value })}
            data-testid="quick-title"
          />
        </Form.Item>
        <Form.Item label={t('activities.field.photoOptional')}>
          <PhotoCapture file={photo} onChange={setPhoto} disabled={isBusy} />
        </Form.Item>
      </Form>
      <div className="bbt-quick-save">
        <SaveRetryAlerts
          phase={phase}
          onCancel={cancel}
          texts={{
            retrying: t('activities.quick.retrying', {
              attempt: phase.kind === 'retrying' ? phase.attempt : 0,
            }),
            retryingHint: t('activities.quick.retryingHint'),
            failed: t('activities.quick.failed'),
            failedHint: t('activities.quick.failedHint'),
          }}
          testIdPrefix="quick"
          gap={12}
        />
        <Button
          type="primary"
          size="large"
          block
          className="bbt-big-button"
          loading={isBusy}
          onClick={onSave}
          data-testid="quick-save"
        >
          {phase.kind === 'retrying' ? t('activities.quick.retryingShort') : t('common.save')}
        </Button>
      </div>
    </div>
  );
};
