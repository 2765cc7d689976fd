import { CloudUploadOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, List, Popconfirm, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../session';
import type { OutboxEntry } from './outbox';
import {
  discardOutboxEntry,
  editOutboxEntry,
  flushOutbox,
  getOutbox,
  outboxSnapshot,
  retryOutboxEntry,
  setOutboxUser,
  subscribeOutbox,
} from './outbox-client';
import { noteSignedInUser, onWorkerFlushRequest, warmCapturePages } from './service-worker';

/** How often a waiting queue is tried while the page is open (besides `online` and Background Sync). */
const ROUND_MS = 30_000;
/** The capture pages' files are fetched ahead this long after sign-in, not during the first page's load. */
const WARM_AFTER_MS = 8_000;

/** Where 修改 reopens a queued record: the form takes it from the outbox (takeOutboxEdit) and shows it. */
const editPaths: Partial<Record<OutboxEntry['kind'], string>> = {
  activity: '/activities/quick',
  inspection: '/courtyards/score',
  patrol: '/activities/patrols',
};

const useOnline = () =>
  useSyncExternalStore(
    (cb) => {
      window.addEventListener('online', cb);
      window.addEventListener('offline', cb);
      return () => {
        window.removeEventListener('online', cb);
        window.removeEventListener('offline', cb);
      };
    },
    () => navigator.onLine,
  );

/**
 * Sends the signed-in user's outbox whenever it can: at start, when the network returns, every 30 s,
 * and when the service worker's Background Sync asks; refreshes the lists once something went up.
 */
const useOutboxSync = () => {
  const { user, csrfToken } = useSession();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const flush = useCallback(() => {
    void flushOutbox().then((r) => {
      if (!r?.sent) return;
      void queryClient.invalidateQueries();
      void message.success(t('offline.sentCount', { count: r.sent }));
    });
  }, [queryClient, message, t]);
  useEffect(() => {
    setOutboxUser(user.id, csrfToken);
    void noteSignedInUser(user.id);
    // Once the first page has had the line to itself: the capture pages' files, for later offline use.
    const warmTimer = window.setTimeout(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(warmCapturePages, { timeout: 5000 });
      else warmCapturePages();
    }, WARM_AFTER_MS);
    flush();
    const timer = window.setInterval(flush, ROUND_MS);
    window.addEventListener('online', flush);
    const stopWorker = onWorkerFlushRequest(flush);
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(warmTimer);
      window.removeEventListener('online', flush);
      stopWorker();
      setOutboxUser(null, '');
    };
  }, [user.id, csrfToken, flush]);
  return flush;
};

/** One queued record: what it is, its state, and 修改 / 立即上传 / 放弃. */
const EntryRow = ({ entry, onEdit }: { entry: OutboxEntry; onEdit: (e: OutboxEntry) => void }) => {
  const { t } = useTranslation();
  const isOnline = useOnline();
  const state =
    entry.state === 'refused' ? (
      <Tag color="error" icon={<ExclamationCircleOutlined />} style={{ whiteSpace: 'normal' }}>
        {t('offline.state.refused', { reason: entry.reason ?? '' })}
      </Tag>
    ) : entry.state === 'sending' ? (
      <Tag color="processing" icon={<LoadingOutlined />}>
        {t('offline.state.sending')}
      </Tag>
    ) : (
      <Tag>{t('offline.state.waiting')}</Tag>
    );
  return (
    <List.Item data-testid="outbox-entry" data-state={entry.state}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text strong>
          {t(`offline.kind.${entry.kind}`)} · {entry.label}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('offline.savedAt', { time: dayjs(entry.createdAt).format('MM-DD HH:mm') })}
          {entry.photos.length > 0 && ` · ${t('offline.photos', { count: entry.photos.length })}`}
        </Typography.Text>
        <div data-testid="outbox-entry-state">{state}</div>
        <Space wrap>
          {entry.state === 'refused' && editPaths[entry.kind] && (
            <Button onClick={() => onEdit(entry)} data-testid="outbox-edit">
              {t('offline.edit')}
            </Button>
          )}
          {entry.state === 'refused' && (
            <Button
              disabled={!isOnline}
              onClick={() => void retryOutboxEntry(entry.id)}
              data-testid="outbox-retry"
            >
              {t('offline.uploadNow')}
            </Button>
          )}
          <Popconfirm
            title={t('offline.discardConfirm')}
            okText={t('offline.discard')}
            okButtonProps={{ danger: true, ...{ 'data-testid': 'outbox-discard-ok' } }}
            cancelText={t('common.cancel')}
            onConfirm={() => discardOutboxEntry(entry.id)}
          >
            <Button danger disabled={entry.state === 'sending'} data-testid="outbox-discard">
              {t('offline.discard')}
            </Button>
          </Popconfirm>
        </Space>
      </Space>
    </List.Item>
  );
};

/**
 * The header's 3 条待上传: how many records wait on this phone (red when the server refused one), and
 * the list of them with their state and actions. Hidden when nothing waits.
 */
export const OutboxBadge = ({ isMobile }: { isMobile: boolean }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flush = useOutboxSync();
  const entries = useSyncExternalStore(subscribeOutbox, outboxSnapshot);
  const isOnline = useOnline();
  const [isOpen, setOpen] = useState(false);
  const [isDegraded, setDegraded] = useState(false);
  useEffect(() => {
    void getOutbox().then((o) => setDegraded(o.isDegraded));
  }, []);
  const refused = entries.filter((e) => e.state === 'refused').length;
  const isSending = entries.some((e) => e.state === 'sending');
  const onEdit = (entry: OutboxEntry) => {
    const path = editPaths[entry.kind];
    if (!path) return;
    editOutboxEntry(entry);
    setOpen(false);
    navigate(path);
  };
  if (entries.length === 0 && !isOpen) return null;
  return (
    <>
      <Button
        type="text"
        danger={refused > 0}
        icon={isSending ? <LoadingOutlined /> : <CloudUploadOutlined />}
        onClick={() => setOpen(true)}
        className="bbt-touch"
        // On a phone the header also holds the scope box: the badge stays narrow.
        style={isMobile ? { paddingInline: 4, fontSize: 13, gap: 2 } : undefined}
        aria-label={t('offline.title')}
        data-testid="outbox-badge"
      >
        <span data-testid="outbox-count">{t('offline.badge', { count: entries.length })}</span>
      </Button>
      <Drawer
        open={isOpen}
        onClose={() => setOpen(false)}
        title={t('offline.title')}
        placement={isMobile ? 'bottom' : 'right'}
        size={isMobile ? '80%' : 480}
        data-testid="outbox-drawer"
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('offline.hint')}</Typography.Text>
          {isDegraded && <Alert type="warning" showIcon title={t('offline.degraded')} />}
          {!isOnline && (
            <Alert type="info" showIcon title={t('offline.offlineNow')} data-testid="outbox-offline" />
          )}
          <Button
            type="primary"
            block
            size="large"
            icon={<CloudUploadOutlined />}
            disabled={!isOnline || entries.length === 0}
            loading={isSending}
            onClick={flush}
            data-testid="outbox-flush"
          >
            {t('offline.uploadNow')}
          </Button>
          <List
            dataSource={entries}
            locale={{ emptyText: t('offline.empty') }}
            renderItem={(e) => <EntryRow entry={e} onEdit={onEdit} />}
          />
        </Space>
      </Drawer>
    </>
  );
};
