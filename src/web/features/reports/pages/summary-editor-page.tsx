import {
  ArrowLeftOutlined,
  DeleteOutlined,
  DownOutlined,
  FileWordOutlined,
  HistoryOutlined,
  ReloadOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Dropdown,
  Segmented,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import {
  type ChangedFigure,
  type FigureRun,
  type RegenerateMode,
  regenerateModeLabels,
  regenerateModes,
  type Summary,
  type SummaryContent,
  type SummaryStyle,
  summaryKindLabels,
  summaryStyleLabels,
  summaryStyles,
} from '../../../../contracts/reports';
import { displayFigure, type FigureRounding } from '../../../../contracts/summary-figures';
import { plainSummary } from '../../../../contracts/summary-plain';
import { PageError } from '../../../components/page-states';
import { plainDocumentImage } from '../../../components/plain-document';
import { ShareImageButton, ShareLinkButton } from '../../../components/share-buttons';
import { formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useAccess } from '../../../lib/session';
import { renderDocImage } from '../../../lib/share-image';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useDeleteSummary } from '../api/delete-summary';
import { summaryExportUrl, useSummary } from '../api/get-summary';
import { useRestoreSummaryVersion } from '../api/list-summary-versions';
import { useRegenerateSummary } from '../api/regenerate-summary';
import { useSaveSummary } from '../api/save-summary';
import { FigureDrawer, type OpenFigure, useFigureText } from '../components/figure-drawer';
import { SummaryDocument } from '../components/summary-document';
import { SummarySignature } from '../components/summary-signature';
import { SummaryVersionsDrawer } from '../components/summary-versions-drawer';
import { periodText } from '../lib/figure-source';
import { changedFiguresOf } from '../lib/summary-content';
import '../lib/reports.css';
import { DeleteConfirm } from '../../../components/ledger-actions';

type Draft = { content: SummaryContent; style: SummaryStyle; signedOn: string; baseVersion: number };

const download = (href: string) => {
  const a = document.createElement('a');
  a.href = href;
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
};

/** 工作总结 editor: the drafted document, edited in place, saved as versions, regenerated, exported to Word. */
export const SummaryEditorPage = () => {
  const { summaryId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const isEn = i18n.language.startsWith('en');
  const label = useLabel();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const canWrite = useAccess().can('reports.write');
  const summary = useSummary(summaryId);
  const save = useSaveSummary(summaryId);
  const regenerate = useRegenerateSummary(summaryId);
  const del = useDeleteSummary();
  const restoreVersion = useRestoreSummaryVersion(summaryId);
  const onError = useApiErrorHandler();
  const figureText = useFigureText();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [revision, setRevision] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [changed, setChanged] = useState<ChangedFigure[] | null>(null);
  const [showVersions, setShowVersions] = useState(false);
  const [open, setOpen] = useState<OpenFigure | null>(null);
  const [openRun, setOpenRun] = useState<FigureRun | null>(null);
  const s = summary.data;

  // The server's copy replaces the editor's whenever it is newer and she has nothing unsaved.
  const loaded = useRef<string | null>(null);
  useEffect(() => {
    if (!s) return;
    const stamp = `${s.id}:${s.version}`;
    if (loaded.current === stamp || dirty) return;
    loaded.current = stamp;
    setDraft({ content: s.content, style: s.style, signedOn: s.signedOn, baseVersion: s.version });
    setRevision((r) => r + 1);
  }, [s, dirty]);

  const replace = useCallback((next: Summary) => {
    loaded.current = `${next.id}:${next.version}`;
    setDraft({
      content: next.content,
      style: next.style,
      signedOn: next.signedOn,
      baseVersion: next.version,
    });
    setRevision((r) => r + 1);
    setDirty(false);
  }, []);

  const onChange = useCallback((update: (c: SummaryContent) => SummaryContent) => {
    setDraft((d) => (d ? { ...d, content: update(d.content) } : d));
    setDirty(true);
  }, []);

  const doSave = useCallback(async (): Promise<Summary | null> => {
    if (!draft) return null;
    const empty = draft.content.planItems.some((p) => !p.text.trim());
    if (empty) {
      void message.error(t('reports.summary.planEmpty'));
      return null;
    }
    try {
      const saved = await save.mutateAsync({
        content: draft.content,
        style: draft.style,
        signedOn: draft.signedOn,
        version: draft.baseVersion,
      });
      replace(saved);
      void message.success(t('reports.summary.savedVersion', { n: saved.version }));
      return saved;
    } catch (e) {
      onError(e);
      return null;
    }
  }, [draft, save, message, t, onError, replace]);

  // Ctrl/⌘+S saves.
  const saveRef = useRef(doSave);
  saveRef.current = doSave;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (canWrite) void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canWrite]);

  // Unsaved edits are not lost by a click elsewhere or a closed tab.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('reports.summary.leaveTitle'),
      content: t('reports.summary.leaveHint'),
      okText: t('reports.summary.leave'),
      okButtonProps: { danger: true },
      cancelText: t('reports.summary.stay'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);

  const runRegenerate = async (mode: RegenerateMode) => {
    let version = draft?.baseVersion ?? s?.version ?? 1;
    if (dirty) {
      const saved = await doSave();
      if (!saved) return;
      version = saved.version;
    }
    try {
      const r = await regenerate.mutateAsync({ mode, version });
      replace(r.summary);
      setChanged(r.changedFigures);
      void message.success(
        r.changedFigures.length
          ? t('reports.summary.regeneratedChanged', { n: r.changedFigures.length })
          : t('reports.summary.regeneratedSame'),
      );
    } catch (e) {
      onError(e);
    }
  };

  const confirmRegenerate = (mode: RegenerateMode) =>
    modal.confirm({
      title: label(regenerateModeLabels, mode),
      content:
        t(`reports.summary.regenerateHint.${mode}`) +
        (dirty ? t('reports.summary.regenerateSavesFirst') : ''),
      okText: t('reports.summary.regenerate'),
      okButtonProps: { danger: mode === 'discardEdits' },
      cancelText: t('common.cancel'),
      onOk: () => runRegenerate(mode),
    });

  const exportDocx = async () => {
    if (!s) return;
    if (dirty) {
      const saved = await doSave();
      if (!saved) return;
    }
    download(summaryExportUrl(s.id));
  };

  /** Switches one figure between 精确 and 约数 (every chip of it); the paragraphs are redrawn. */
  const setRounding = (run: FigureRun, rounding: FigureRounding) => {
    const next = { ...run, rounding, display: displayFigure(run.value, rounding) };
    onChange((c) => ({
      ...c,
      sections: c.sections.map((sec) => ({
        ...sec,
        paragraphs: sec.paragraphs.map((p) =>
          p.runs.some((r) => r.kind === 'figure' && r.id === run.id)
            ? {
                ...p,
                runs: p.runs.map((r) =>
                  r.kind === 'figure' && r.id === run.id
                    ? { ...r, rounding, display: displayFigure(r.value, rounding) }
                    : r,
                ),
              }
            : p,
        ),
      })),
    }));
    setRevision((r) => r + 1);
    setOpenRun(next);
    setOpen((o) => (o ? { ...o, title: `${figureText.indicator(run.indicatorKey)} · ${next.display}` } : o));
  };

  const openFigure = useCallback(
    (run: FigureRun) => {
      setOpenRun(run);
      setOpen({
        title: `${figureText.indicator(run.indicatorKey)} · ${run.display}`,
        value: run.value,
        source: {
          indicatorKey: run.indicatorKey,
          filters: run.filters,
          period: run.period,
          orgUnitId: run.orgUnitId,
        },
      });
    },
    [figureText],
  );

  if (summary.isError) return <PageError error={summary.error} onRetry={() => void summary.refetch()} />;
  if (!s || !draft)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );

  const flagged = changedFiguresOf(draft.content);
  return (
    <div className="bbt-summary-page">
      <div className="bbt-page-header">
        <div>
          <Link to="/reports/summaries" className="bbt-back">
            <ArrowLeftOutlined /> {t('reports.summaries.title')}
          </Link>
          <div>
            <Space size={4} wrap>
              <Tag color="magenta">{label(summaryKindLabels, s.kind)}</Tag>
              <Typography.Text type="secondary" data-testid="summary-meta">
                {t('reports.summary.meta', {
                  unit: s.orgUnitName,
                  period: periodText(s.period, isEn),
                  version: s.version,
                  at: formatDateTime(s.updatedAt),
                  by: s.updatedByName ?? '',
                })}
              </Typography.Text>
              {dirty && (
                <Tag color="orange" data-testid="summary-dirty">
                  {t('reports.summary.unsaved')}
                </Tag>
              )}
            </Space>
          </div>
        </div>
      </div>
      <div className="bbt-summary-toolbar" role="toolbar" aria-label={t('reports.summary.toolbar')}>
        {canWrite && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            disabled={!dirty}
            onClick={() => void doSave()}
            data-testid="summary-save"
            title="Ctrl+S"
          >
            {t('common.save')}
          </Button>
        )}
        {canWrite && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: regenerateModes.map((m) => ({
                key: m,
                label: label(regenerateModeLabels, m),
                danger: m === 'discardEdits',
                'data-testid': `summary-regenerate-${m}`,
              })),
              onClick: ({ key }) => confirmRegenerate(key as RegenerateMode),
            }}
          >
            <Button icon={<ReloadOutlined />} loading={regenerate.isPending} data-testid="summary-regenerate">
              {t('reports.summary.regenerate')} <DownOutlined />
            </Button>
          </Dropdown>
        )}
        <Button icon={<FileWordOutlined />} onClick={() => void exportDocx()} data-testid="summary-export">
          {t('reports.summary.export')}
        </Button>
        {/* A link shares what is saved: save first. The image is drawn from what she sees. */}
        <ShareLinkButton kind="reports.summary" query={{ summaryId: s.id }} disabled={dirty} />
        <ShareImageButton
          fileName={`${draft.content.title || s.title}.png`}
          make={() =>
            renderDocImage(
              plainDocumentImage(
                plainSummary(draft.content, s.orgUnitName, s.title),
                t('share.brand'),
                new Date(),
              ),
            )
          }
        />
        <Button
          icon={<HistoryOutlined />}
          onClick={() => setShowVersions(true)}
          data-testid="summary-history"
        >
          {t('reports.summary.versions')}
        </Button>
        {canWrite && (
          <Select<SummaryStyle>
            value={draft.style}
            onChange={(style) => {
              setDraft({ ...draft, style });
              setDirty(true);
            }}
            options={summaryStyles.map((x) => ({ value: x, label: label(summaryStyleLabels, x) }))}
            aria-label={t('reports.field.style')}
            style={{ minWidth: 150 }}
            data-testid="summary-style"
          />
        )}
        {canWrite && (
          <DeleteConfirm
            name={s.title}
            onConfirm={() =>
              del.mutateAsync(s).then(
                () => {
                  setDirty(false);
                  void message.success(t('reports.deleted'));
                  setTimeout(() => navigate('/reports/summaries'), 0);
                },
                (e) => onError(e),
              )
            }
          >
            <Button danger icon={<DeleteOutlined />} data-testid="summary-delete">
              {t('common.delete')}
            </Button>
          </DeleteConfirm>
        )}
      </div>
      {draft.style !== s.style && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('reports.summary.styleHint')} />
      )}
      {s.warnings && s.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="summary-empty-ledgers"
          title={t('reports.summary.emptyLedgersTitle')}
          description={
            <ul className="bbt-changed-list">
              {s.warnings.map((w) => (
                <li key={w.ledger}>
                  {t('reports.summary.emptyLedger', {
                    period: periodText(w.period, isEn),
                    ledger: isEn ? w.ledgerLabel.en : w.ledgerLabel.zh,
                    previous: periodText(w.previousPeriod, isEn),
                    n: w.previousCount,
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {(changed?.length || flagged.length > 0) && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setChanged(null)}
          style={{ marginBottom: 12 }}
          data-testid="summary-changed"
          title={t('reports.summary.changedTitle', { n: changed?.length ?? flagged.length })}
          description={
            <ul className="bbt-changed-list">
              {(
                changed ??
                flagged.map((f) => ({
                  figureId: f.id,
                  sectionHeading: '',
                  indicatorKey: f.indicatorKey,
                  previousValue: f.changed?.previousValue ?? 0,
                  currentValue: f.changed?.currentValue ?? 0,
                  isUpdated: f.changed?.isUpdated ?? false,
                }))
              ).map((c) => (
                <li key={c.figureId}>
                  {c.sectionHeading && `${c.sectionHeading}：`}
                  {figureText.indicator(c.indicatorKey)} {c.previousValue} → {c.currentValue}（
                  {c.isUpdated ? t('reports.summary.updated') : t('reports.summary.kept')}）
                </li>
              ))}
            </ul>
          }
        />
      )}
      <div className="bbt-summary-paper">
        <SummaryDocument
          content={draft.content}
          revision={revision}
          onChange={canWrite ? onChange : undefined}
          onOpenFigure={openFigure}
        />
        <SummarySignature
          unitName={s.orgUnitName}
          signedOn={draft.signedOn}
          onChange={
            canWrite
              ? (signedOn) => {
                  setDraft({ ...draft, signedOn });
                  setDirty(true);
                }
              : undefined
          }
        />
      </div>
      {showVersions && (
        <SummaryVersionsDrawer
          summaryId={s.id}
          currentVersion={s.version}
          onClose={() => setShowVersions(false)}
          onOpenFigure={openFigure}
          isDirty={dirty}
          isRestoring={restoreVersion.isPending}
          onRestore={(versionNo) =>
            restoreVersion.mutateAsync({ versionNo, version: s.version }).then(
              (next) => {
                replace(next);
                setChanged(null);
                setShowVersions(false);
                void message.success(t('reports.summary.usingVersion', { n: versionNo, v: next.version }));
              },
              (e) => onError(e),
            )
          }
        />
      )}
      {open && (
        <FigureDrawer
          figure={open}
          onClose={() => setOpen(null)}
          extra={
            canWrite && openRun ? (
              <div className="bbt-figure-rounding">
                <Typography.Text type="secondary" id="figure-rounding-label">
                  {t('reports.summary.rounding')}
                </Typography.Text>
                <Segmented<FigureRounding>
                  value={openRun.rounding ?? (draft.style === 'approximate' ? 'approx' : 'exact')}
                  onChange={(v) => setRounding(openRun, v)}
                  options={(['exact', 'approx'] as const).map((r) => ({
                    value: r,
                    label: t(`reports.summary.rounding.${r}`, { shown: displayFigure(openRun.value, r) }),
                  }))}
                  aria-labelledby="figure-rounding-label"
                  data-testid="figure-rounding"
                />
              </div>
            ) : undefined
          }
        />
      )}
    </div>
  );
};
