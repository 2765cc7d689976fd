/**
 * The page's side of the service worker (public/sw.js): registration, the capture pages' files fetched
 * ahead after sign-in, and the cached API answers dropped when the user changes. Tiny and antd-free: the
 * entry imports it.
 */
const API_CACHE = 'bbt-api-v1';
const USER_KEY = 'bbt.offline.user';

/** Registers /sw.js for the whole app (built app only: the dev server's files change on every save). */
export const registerServiceWorker = () => {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    // WeChat's X5/XWeb, private modes and http:// other than localhost refuse: the outbox in IndexedDB
    // still works while the page is open and after a reload whenever the page itself loads.
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
};

const postToWorker = async (message: { type: string }) => {
  try {
    const reg = await navigator.serviceWorker?.getRegistration();
    (reg?.active ?? navigator.serviceWorker?.controller)?.postMessage(message);
  } catch {
    // No worker: nothing cached to warm or clear.
  }
};

/** After sign-in, when the phone is idle: fetch what 快速登记, 入户评分 and 巡查 need, for later offline use. */
export const warmCapturePages = () => void postToWorker({ type: 'bbt-warm' });

/** Drops the cached API answers (her session, households, …): on sign-out and when someone else signs in. */
export const clearOfflineCaches = async () => {
  try {
    if (typeof caches !== 'undefined') await caches.delete(API_CACHE);
  } catch {
    // No Cache Storage here: nothing was kept.
  }
};

/** Another account signed in on this phone: the previous one's cached answers go before any is used. */
export const noteSignedInUser = async (userId: string) => {
  let last: string | null = null;
  try {
    last = window.localStorage.getItem(USER_KEY);
    window.localStorage.setItem(USER_KEY, userId);
  } catch {
    // Private mode: clear to be safe.
  }
  // Nobody noted yet: nothing of anyone else's can be cached (the worker comes with this code).
  if (last !== null && last !== userId) await clearOfflineCaches();
};

/** The worker's Background Sync asks the open pages to send their outbox. */
export const onWorkerFlushRequest = (flush: () => void) => {
  const listener = (e: MessageEvent) => {
    if ((e.data as { type?: string } | null)?.type === 'bbt-outbox-flush') flush();
  };
  navigator.serviceWorker?.addEventListener('message', listener);
  return () => navigator.serviceWorker?.removeEventListener('message', listener);
};
