import { CheckCircleFilled, LoadingOutlined, SwapOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Input,
  Popconfirm,
  Progress,
  Radio,
  Result,
  Segmented,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  computeScore,
  type InspectionKind,
  inspectionKindLabels,
  inspectionKinds,
  monthOf,
} from '../../../../contracts/courtyards';
import { DateField } from '../../../components/date-field';
import { PageError, PageLoading } from '../../../components/page-states';
import { errorText } from '../../../lib/api-client';
import { clearDraftFiles, loadDraftFiles, storeDraftFiles } from '../../../lib/draft-files';
import { DATE_FORMAT } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useOutboxEdit } from '../../../lib/offline/outbox-client';
import { useQueuedNotice } from '../../../lib/offline/use-queued-notice';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { today } from '../../../lib/this-year';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useEffectiveRubric } from '../api/get-effective-rubric';
import { useTodo } from '../api/get-todo';
import { MAX_INSPECTION_PHOTOS } from '../api/inspection-photos';
import { HouseholdPicker } from '../components/household-picker';
import { ItemScorer } from '../components/item-scorer';
import { PhotosCapture } from '../components/photos-capture';
import { RatingTag } from '../components/rating-tag';
import {
  clearScoreDraft,
  createInputOf,
  loadScoreDraft,
  newScoreDraft,
  type ScoreDraft,
  scoreInputOf,
  storeScoreDraft,
} from '../lib/score-draft';
import { useScoreSave } from '../lib/use-score-save';
import '../lib/courtyards.css';
import { SaveRetryAlerts } from '../../../components/save-retry-alerts';

// Photos cannot go into localStorage: they stay in memory while the app is open (leaving the page keeps
// them) and in IndexedDB across a reload.
let keptPhotos: File[] = [];
const PHOTOS_KEY = 'courtyards.score';

/** 入户评分: score one household on a phone, with the same rule the server saves by; survives a lost signal. */
export const ScorePage = () => {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const { scopeId } = useOrgScope();
  const { user } = useSession();
  const onError = useApiErrorHandler();
  const [restored] = useState(() => loadScoreDraft());
  const [isRestoredNote, setRestoredNote] = useState(Boolean(restored?.householdId));
  const [draft, setDraftState] = useState<ScoreDraft>(
    () => restored ?? newScoreDraft(today(), user.displayName),
  );
  const [photos, setPhotosState] = useState<File[]>(() => keptPhotos);
  const [isTried, setTried] = useState(false);
  const onRefused = useCallback((e: unknown) => onError(e), [onError]);
  const { phase, save, upload, cancel, reset } = useScoreSave(onRefused);
  const onQueued = useQueuedNotice();
  // 修改 in the outbox list: the refused inspection comes back as the draft (same id: it replaces it).
  useOutboxEdit('inspection', (e) => {
    const d = e.draft as ScoreDraft;
    storeScoreDraft(d);
    setDraftState(d);
    setPhotos(e.photos.map((p) => new File([p.blob], p.name, { type: p.type })));
    setRestoredNote(false);
    reset();
  });
  const isEn = i18n.language.startsWith('en');
  const year = Number(draft.inspectedOn.slice(0, 4));
  // Before a household is picked, her own unit's rubric: read (and kept by the service worker) while
  // online, so a village chair can score offline after one visit.
  const rubric = useEffectiveRubric(draft.orgUnitId ?? scopeId, year);
  const rules = rubric.data?.rubric?.rules;
  const month = monthOf(draft.inspectedOn);
  const todo = useTodo(scopeId, month);
  const top = useRef<HTMLDivElement>(null);
  // Once the server holds the inspection, the local copy has done its job.
  const isSaved = phase.kind === 'done' || phase.kind === 'uploading' || phase.kind === 'uploadFailed';
  useEffect(() => {
    if (isSaved) clearScoreDraft();
  }, [isSaved]);
  useEffect(() => {
    if (phase.kind === 'done') void clearDraftFiles(PHOTOS_KEY);
  }, [phase.kind]);
  // After a reload the draft comes back from localStorage and its photos from IndexedDB.
  useEffect(() => {
    if (!restored || keptPhotos.length > 0) return;
    let isCurrent = true;
    void loadDraftFiles(PHOTOS_KEY).then((files) => {
      if (!isCurrent || files.length === 0 || keptPhotos.length > 0) return;
      keptPhotos = files;
      setPhotosState(files);
    });
    return () => {
      isCurrent = false;
    };
  }, [restored]);

  const setDraft = (patch: Partial<ScoreDraft> | ((d: ScoreDraft) => Partial<ScoreDraft>)) =>
    setDraftState((d) => {
      const next = { ...d, ...(typeof patch === 'function' ? patch(d) : patch) };
      storeScoreDraft(next);
      return next;
    });
  const setPhotos = (files: File[]) => {
    keptPhotos = files;
    setPhotosState(files);
    void (files.length ? storeDraftFiles(PHOTOS_KEY, files) : clearDraftFiles(PHOTOS_KEY));
  };

  const result = useMemo(
    () => (rules ? computeScore(rules, scoreInputOf(draft, rules)) : null),
    [draft, rules],
  );
  const groupOptions = (todo.data?.groups ?? []).map((g) => ({ value: g.groupId, label: g.groupName }));

  const toggleReason = (itemCode: string, r: { code: string; reason: string; points: number }) =>
    setDraft((d) => ({
      deductions: d.deductions.some((x) => x.itemCode === itemCode && x.reasonCode === r.code)
        ? d.deductions.filter((x) => !(x.itemCode === itemCode && x.reasonCode === r.code))
        : [
            ...d.deductions,
            { itemCode, reasonCode: r.code, reason: r.reason, points: r.points, isRectifying: true },
          ],
    }));
  const toggleRectify = (itemCode: string, reasonCode: string | undefined) =>
    setDraft((d) => ({
      deductions: d.deductions.map((x) =>
        x.itemCode === itemCode && x.reasonCode === reasonCode ? { ...x, isRectifying: !x.isRectifying } : x,
      ),
    }));

  const submit = async () => {
    setTried(true);
    if (!rules || !draft.householdId || !draft.isSigned) return;
    const outcome = await save({ ...createInputOf(draft, rules), id: draft.id }, photos, {
      label: draft.householdLabel ?? '',
      draft,
    });
    // Kept on the phone for later: the form is ready for the next household at once.
    if (outcome === 'queued') {
      next();
      onQueued();
    }
  };
  const next = () => {
    clearScoreDraft();
    setPhotos([]);
    setTried(false);
    setDraftState((d) => {
      const fresh = { ...newScoreDraft(d.inspectedOn, d.inspectorNames), kind: d.kind, groupId: d.groupId };
      storeScoreDraft(fresh);
      return fresh;
    });
    reset();
    top.current?.scrollIntoView();
  };
  const discard = () => {
    clearScoreDraft();
    setPhotos([]);
    setRestoredNote(false);
    setDraftState(newScoreDraft(today(), user.displayName));
  };

  if (phase.kind === 'done' || phase.kind === 'uploading' || phase.kind === 'uploadFailed') {
    const a = phase.inspection;
    return (
      <div className="bbt-score" data-testid="score-page">
        <Result
          status={phase.kind === 'uploadFailed' ? 'warning' : 'success'}
          icon={phase.kind === 'uploading' ? <LoadingOutlined /> : undefined}
          title={t('courtyards.score.saved')}
          subTitle={
            <span data-testid="score-saved-summary">
              {a.headName ? `${a.headName} · ` : ''}
              {a.householdLabel} · {t('courtyards.score.points', { points: a.totalScore })}{' '}
              <RatingTag rating={a.rating} isVeto={a.isVeto} />
            </span>
          }
          data-testid="score-success"
          extra={
            <Space orientation="vertical" style={{ width: '100%' }} size="middle">
              {a.rectificationIds.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('courtyards.score.rectificationsOpened', { count: a.rectificationIds.length })}
                  data-testid="score-rectifications-opened"
                />
              )}
              {phase.kind === 'uploading' && (
                <div data-testid="score-photo-progress">
                  <Typography.Text>
                    {t('courtyards.photo.uploadingOf', { n: phase.index + 1, count: phase.count })}
                  </Typography.Text>
                  <Progress percent={phase.percent} />
                </div>
              )}
              {phase.kind === 'done' && phase.photos > 0 && (
                <Typography.Text type="success" data-testid="score-photo-done">
                  <CheckCircleFilled /> {t('courtyards.photo.uploaded', { count: phase.photos })}
                </Typography.Text>
              )}
              {phase.kind === 'uploadFailed' && (
                <>
                  <Alert
                    type="warning"
                    showIcon
                    title={t('courtyards.photo.uploadFailed')}
                    description={errorText(phase.error, isEn)}
                  />
                  <Button
                    size="large"
                    block
                    onClick={() => void upload(a, phase.remaining)}
                    data-testid="score-photo-retry"
                  >
                    {t('courtyards.photo.retry')}
                  </Button>
                </>
              )}
              <Button
                type="primary"
                size="large"
                block
                className="bbt-score-big"
                onClick={next}
                disabled={phase.kind === 'uploading'}
                data-testid="score-next"
              >
                {t('courtyards.score.next')}
              </Button>
              <Link to={`/courtyards/households?householdId=${a.householdId}`} data-testid="score-open-file">
                {t('courtyards.score.openFile')}
              </Link>
            </Space>
          }
        />
      </div>
    );
  }

  const isBusy = phase.kind === 'saving' || phase.kind === 'retrying';
  return (
    <div className="bbt-score" data-testid="score-page" ref={top}>
      <h1 className="bbt-score-title">{t('courtyards.score.title')}</h1>
      {isRestoredNote && (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setRestoredNote(false) }}
          title={t('courtyards.score.restored')}
          action={
            <Popconfirm
              title={t('courtyards.score.discardConfirm')}
              okText={t('courtyards.score.discard')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={discard}
            >
              <Button size="small" data-testid="score-discard">
                {t('courtyards.score.discard')}
              </Button>
            </Popconfirm>
          }
          style={{ marginBottom: 12 }}
          data-testid="score-restored"
        />
      )}
      {!draft.householdId ? (
        <HouseholdPicker
          scopeId={scopeId}
          month={month}
          onPick={(h) =>
            setDraft((d) => ({
              householdId: h.householdId,
              householdLabel: h.label,
              orgUnitId: h.orgUnitId,
              groupId: h.groupId ?? d.groupId,
            }))
          }
        />
      ) : (
        <>
          <div className="bbt-score-household" data-testid="score-household">
            <span className="bbt-score-household-name">{draft.householdLabel}</span>
            <Button
              size="large"
              icon={<SwapOutlined />}
              disabled={isBusy}
              onClick={() => setDraft({ householdId: undefined, householdLabel: undefined })}
              data-testid="score-change-household"
            >
              {t('courtyards.score.changeHousehold')}
            </Button>
          </div>
          <div className="bbt-score-meta">
            <div className="bbt-score-field">
              <span className="bbt-score-label" id="score-kind-label">
                {t('courtyards.field.kind')}
              </span>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                size="large"
                className="bbt-score-kinds"
                value={draft.kind}
                disabled={isBusy}
                onChange={(e) => setDraft({ kind: e.target.value as InspectionKind })}
                options={inspectionKinds.map((k) => ({ value: k, label: label(inspectionKindLabels, k) }))}
                aria-labelledby="score-kind-label"
                data-testid="score-kind"
              />
            </div>
            <div className="bbt-score-field">
              <label className="bbt-score-label" htmlFor="score-date">
                {t('courtyards.field.inspectedOn')}
              </label>
              <DateField
                id="score-date"
                size="large"
                allowClear={false}
                notFuture
                disabled={isBusy}
                value={dayjs(draft.inspectedOn, DATE_FORMAT)}
                onChange={(d) => d && setDraft({ inspectedOn: d.format(DATE_FORMAT) })}
                data-testid="score-date"
              />
            </div>
            {groupOptions.length > 0 && (
              <div className="bbt-score-field">
                <label className="bbt-score-label" htmlFor="score-group">
                  {t('courtyards.field.group')}
                </label>
                <Select
                  id="score-group"
                  size="large"
                  allowClear
                  disabled={isBusy}
                  placeholder={t('courtyards.score.groupPlaceholder')}
                  value={draft.groupId}
                  onChange={(groupId?: string) => setDraft({ groupId })}
                  options={groupOptions}
                  data-testid="score-group"
                />
              </div>
            )}
          </div>
          {rubric.isPending ? (
            <PageLoading rows={8} />
          ) : rubric.isError ? (
            <PageError error={rubric.error} onRetry={() => void rubric.refetch()} />
          ) : !rules || !result ? (
            <Result
              status="warning"
              title={t('courtyards.score.noRubric')}
              extra={<Link to="/courtyards/rubrics">{t('menu.courtyards.rubrics')}</Link>}
            />
          ) : (
            <>
              {rubric.data.rubric?.isExample && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('courtyards.rubric.exampleInUse')}
                  style={{ marginBottom: 12 }}
                />
              )}
              {rules.areas.map((area) => {
                const a = result.areas.find((x) => x.code === area.code);
                return (
                  <section key={area.code} className="bbt-score-area" data-testid={`score-area-${area.code}`}>
                    <h2>
                      <span>{area.name}</span>
                      <span>
                        {a?.score}/{a?.maxPoints}
                      </span>
                    </h2>
                    {area.items.map((item) => (
                      <ItemScorer
                        key={item.code}
                        item={item}
                        score={result.items[item.code] ?? item.maxPoints}
                        given={draft.given[item.code]}
                        deductions={draft.deductions.filter((d) => d.itemCode === item.code)}
                        disabled={isBusy}
                        onGiven={(points) =>
                          setDraft((d) => ({ given: { ...d.given, [item.code]: points } }))
                        }
                        onToggleReason={(r) => toggleReason(item.code, r)}
                        onToggleRectify={(code) => toggleRectify(item.code, code)}
                      />
                    ))}
                  </section>
                );
              })}
              {rules.vetoItems.length > 0 && (
                <section className="bbt-score-area bbt-score-veto" data-testid="score-veto">
                  <h2>{t('courtyards.score.veto')}</h2>
                  <Checkbox.Group
                    value={draft.vetoCodes}
                    disabled={isBusy}
                    onChange={(v) => setDraft({ vetoCodes: v as string[] })}
                    options={rules.vetoItems.map((v) => ({ value: v.code, label: v.name }))}
                  />
                </section>
              )}
              {draft.deductions.some((d) => d.isRectifying) && (
                <section className="bbt-score-area">
                  <h2>{t('courtyards.score.rectifyDeadline')}</h2>
                  <Segmented
                    block
                    size="large"
                    value={draft.rectifyDays}
                    disabled={isBusy}
                    onChange={(v) => setDraft({ rectifyDays: Number(v) })}
                    options={[3, 7, 15, 30].map((n) => ({
                      value: n,
                      label: t('courtyards.score.days', { n }),
                    }))}
                    data-testid="score-rectify-days"
                  />
                </section>
              )}
              <section className="bbt-score-area">
                <h2>{t('courtyards.field.photos')}</h2>
                <PhotosCapture
                  files={photos}
                  onChange={setPhotos}
                  max={MAX_INSPECTION_PHOTOS}
                  disabled={isBusy}
                  testId="score-photo"
                />
              </section>
              <section className="bbt-score-area">
                <h2 id="score-note-label">{t('courtyards.field.note')}</h2>
                <Input.TextArea
                  rows={3}
                  maxLength={1000}
                  disabled={isBusy}
                  value={draft.note}
                  onChange={(e) => setDraft({ note: e.target.value })}
                  placeholder={t('courtyards.score.notePlaceholder')}
                  aria-labelledby="score-note-label"
                  data-testid="score-note"
                />
              </section>
              <section className="bbt-score-area">
                <h2 className="bbt-score-required" id="score-sign-label">
                  {t('courtyards.score.signOff')}
                </h2>
                <Input
                  size="large"
                  maxLength={100}
                  disabled={isBusy}
                  value={draft.inspectorNames}
                  onChange={(e) => setDraft({ inspectorNames: e.target.value })}
                  placeholder={t('courtyards.score.inspectorsPlaceholder')}
                  aria-labelledby="score-sign-label"
                  data-testid="score-inspectors"
                />
                <Checkbox
                  className="bbt-sign"
                  checked={draft.isSigned}
                  disabled={isBusy}
                  onChange={(e) => setDraft({ isSigned: e.target.checked })}
                  aria-required
                  aria-describedby="score-sign-hint"
                  data-testid="score-sign"
                >
                  {t('courtyards.score.signText')}
                </Checkbox>
                {!draft.isSigned && !isTried && (
                  <Typography.Text
                    type="warning"
                    id="score-sign-hint"
                    className="bbt-score-hint"
                    data-testid="score-sign-hint"
                  >
                    {t('courtyards.score.signHint')}
                  </Typography.Text>
                )}
                {isTried && !draft.isSigned && (
                  <Typography.Text type="danger" id="score-sign-hint" data-testid="score-sign-missing">
                    {t('courtyards.score.signMissing')}
                  </Typography.Text>
                )}
              </section>
            </>
          )}
        </>
      )}
      {draft.householdId && result && (
        <div className="bbt-score-bar">
          <SaveRetryAlerts
            phase={phase}
            onCancel={cancel}
            texts={{
              retrying: t('courtyards.score.retrying', {
                attempt: phase.kind === 'retrying' ? phase.attempt : 0,
              }),
              retryingHint: t('courtyards.score.retryingHint'),
              failed: t('courtyards.score.failed'),
              failedHint: t('courtyards.score.failedHint'),
            }}
            testIdPrefix="score"
            gap={8}
          />
          <div className="bbt-score-total">
            <span data-testid="score-total">
              <strong>{result.total}</strong>/{result.maxTotal}
            </span>
            <span data-testid="score-rating">
              <RatingTag rating={result.rating} isVeto={result.isVeto} />
            </span>
          </div>
          <Button
            type="primary"
            size="large"
            block
            className="bbt-score-big"
            loading={isBusy}
            onClick={submit}
            data-testid="score-submit"
          >
            {phase.kind === 'retrying' ? t('courtyards.score.retryingShort') : t('courtyards.score.submit')}
          </Button>
        </div>
      )}
    </div>
  );
};
