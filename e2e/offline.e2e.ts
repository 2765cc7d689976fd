import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRubricRules } from '../src/contracts/courtyards';
import {
  baseUrl,
  desktop,
  eventually,
  hasChromium,
  JOURNEY,
  launch,
  newContext,
  phone,
  pickOption,
  shot,
  signIn,
} from './support';

/** WeChat's in-app browser on Android (XWeb engine), as its user agent says. */
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 12; V2118A Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5235 MMWEBSDK/20230805 MMWEBID/2308 ' +
  'MicroMessenger/8.0.42.2460(0x28002A3B) WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64';

const B = '/api/v1/courtyards';
const month = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

type Json = Record<string, unknown>;

/** The API as a signed-in user (a context of its own, never taken offline): what the server really holds. */
const apiOf = (page: Page) => {
  const csrf = async () =>
    ((await (await page.request.get(`${baseUrl()}/api/v1/auth/me`)).json()) as { csrfToken: string })
      .csrfToken;
  const get = async <T = Json>(path: string): Promise<T> => {
    const res = await page.request.get(`${baseUrl()}${path}`);
    expect(res.status(), path).toBe(200);
    return (await res.json()) as T;
  };
  const send = async <T = Json>(method: 'post' | 'delete', path: string, data?: Json): Promise<T> => {
    const res = await page.request[method](`${baseUrl()}${path}`, {
      headers: { 'x-csrf-token': await csrf() },
      data,
    });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as T;
  };
  return { get, send };
};

/** The county sets the 示例 rubric when the demo has none, so the village can score this year. */
const ensureRubric = async (county: Page, villageId: string) => {
  const api = apiOf(county);
  const year = new Date().getFullYear();
  const eff = await api.get<{ rubric: unknown }>(
    `${B}/rubrics/effective?orgUnitId=${villageId}&year=${year}`,
  );
  if (eff.rubric) return;
  const me = await api.get<{ user: { orgUnit: { id: string } } }>('/api/v1/auth/me');
  await api.send('post', `${B}/rubrics`, {
    orgUnitId: me.user.orgUnit.id,
    year,
    name: `${year}年美丽庭院评分细则（示例）`,
    isExample: true,
    rules: defaultRubricRules,
  });
};

/** Signed in, and the service worker installed and in control of the page. */
const phoneSignedIn = async (browser: Browser, userAgent?: string) => {
  const context = await newContext(browser, { ...phone, ...(userAgent ? { userAgent } : {}) });
  const page = await context.newPage();
  await signIn(page, 'village');
  await eventually(() =>
    page.evaluate(async () => {
      // `ready` never settles without a worker: ask again rather than wait forever.
      await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 2000))]);
      return Boolean(navigator.serviceWorker.controller);
    }),
  ).toBe(true);
  return { context, page };
};

/** Every file the shell and the capture pages need is in the worker's cache (fetched after sign-in). */
const shellCached = async (page: Page) => {
  const sw = await (await page.request.get(`${baseUrl()}/sw.js`)).text();
  const capture = JSON.parse(/const CAPTURE = (\[.*\]);/.exec(sw)?.[1] ?? '[]') as string[];
  expect(capture.length).toBeGreaterThan(10);
  await eventually(() =>
    page.evaluate(async (files) => {
      const cache = await caches.open('bbt-assets-v1');
      const have = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
      return files.filter((f) => !have.has(f)).length;
    }, capture),
  ).toBe(0);
};

/** 快速登记: a 宣讲 with its title and a photo from the camera. */
const fillQuick = async (page: Page, title: string) => {
  await page.getByTestId('quick-type-outreach').click();
  await page.getByTestId('quick-title').fill(title);
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#c8553d' } })
    .jpeg()
    .toBuffer();
  await page
    .getByTestId('quick-photo-input')
    .setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByTestId('quick-photo-preview').waitFor();
};

const badge = (page: Page) => page.getByTestId('outbox-count');

/** Opens a page while offline: the worker answers with the cached shell. */
const goOffline = async (page: Page, path: string, ready: string) => {
  await page.goto(`${baseUrl()}${path}`);
  try {
    await page.getByTestId(ready).waitFor();
  } catch (e) {
    await shot(page, `offline-failed-${path.replaceAll('/', '-')}`);
    throw e;
  }
};

const scoreHousehold = async (page: Page, pick: () => Promise<void>) => {
  await goOffline(page, '/courtyards/score', 'score-page');
  await pick();
  try {
    await page.getByTestId('score-area-kitchen').waitFor();
  } catch (e) {
    await shot(page, 'offline-failed-score');
    throw e;
  }
  await page.getByTestId('score-sign').click();
  await page.getByTestId('score-submit').click();
  await page.getByTestId('offline-queued').first().waitFor();
};

const searchAndPick = (page: Page, houseNumber: string) => async () => {
  await page.getByTestId('pick-mode').getByText('搜索农户').click();
  await page.getByTestId('pick-search').fill(houseNumber);
  await page.getByTestId('pick-household').filter({ hasText: houseNumber }).first().click();
};

/** Issue 14 point 4: a village chair records in the fields with no signal; nothing is lost, nothing doubles. */
describe.skipIf(!hasChromium())('offline capture journey', { timeout: JOURNEY * 2 }, () => {
  let browser: Browser;
  let county: Page;
  let village: Page;
  let villageId: string;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launch();
    const countyCtx = await newContext(browser, desktop);
    const villageCtx = await newContext(browser, desktop);
    contexts.push(countyCtx, villageCtx);
    county = await countyCtx.newPage();
    village = await villageCtx.newPage();
    await signIn(county, 'county');
    await signIn(village, 'village');
    villageId = (await apiOf(village).get<{ user: { orgUnit: { id: string } } }>('/api/v1/auth/me')).user
      .orgUnit.id;
    await ensureRubric(county, villageId);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  for (const [name, userAgent] of [
    ['a phone browser', undefined],
    ['WeChat’s in-app browser', WECHAT_UA],
  ] as const) {
    it(`in ${name}: offline → an activity with a photo, a courtyard score, a patrol → reload → online → exactly those 3 saved`, async () => {
      const tag = `${userAgent ? 'wx' : 'ph'}${Date.now().toString().slice(-6)}`;
      const title = `离线宣讲${tag}`;
      const area = `离线巡查${tag}`;
      const api = apiOf(village);
      const todo = await api.get<{
        groups: { villages: { pending: { householdId: string; label: string }[] }[] }[];
      }>(`${B}/todo?orgUnitId=${villageId}&month=${month()}`);
      const household = todo.groups.flatMap((g) => g.villages.flatMap((v) => v.pending))[0];
      expect(household, 'a household on the village’s to-do list').toBeTruthy();
      const inspectionsBefore = (
        await api.get<{ total: number }>(`${B}/inspections?householdId=${household.householdId}`)
      ).total;

      const { context, page } = await phoneSignedIn(browser, userAgent);
      // Online once: the three forms, with what they read (types, her to-do households, chiefs and teams).
      await page.goto(`${baseUrl()}/activities/quick`);
      await page.getByTestId('quick-type-outreach').waitFor();
      await Promise.all([
        page.waitForResponse((r) => r.url().includes('/rubrics/effective') && r.ok()),
        page.goto(`${baseUrl()}/courtyards/score`),
      ]);
      await page.getByTestId('pick-todo-household').first().waitFor();
      await page.goto(`${baseUrl()}/activities/patrols`);
      await page.getByTestId('patrol-create').click();
      await page.getByTestId('patrol-form-area').waitFor();
      await shellCached(page);

      await context.setOffline(true);
      // 快速登记 with a photo.
      await goOffline(page, '/activities/quick', 'quick-page');
      await fillQuick(page, title);
      await page.getByTestId('quick-save').click();
      await page.getByTestId('offline-queued').first().waitFor();
      await shot(page, `offline-queued-${tag.slice(0, 2)}`);
      // The form is ready for the next record.
      expect(await page.getByTestId('quick-title').inputValue()).toBe('');
      await eventually(() => badge(page).innerText()).toBe('1 条待上传');

      // 入户评分 of the first household on her to-do list.
      await scoreHousehold(page, () =>
        page.getByTestId('pick-todo-household').filter({ hasText: household.label }).first().click(),
      );
      await eventually(() => badge(page).innerText()).toBe('2 条待上传');

      // 巡查登记.
      await goOffline(page, '/activities/patrols', 'patrol-create');
      await page.getByTestId('patrol-create').click();
      await page.getByTestId('patrol-form-area').fill(area);
      await pickOption(page, page.getByTestId('patrol-form-chiefs'));
      await page.getByTestId('patrol-form-submit').click();
      await page.getByText('已保存在本机，联网后自动上传').first().waitFor();
      await eventually(() => badge(page).innerText()).toBe('3 条待上传');

      // A reload with no network: the shell comes from the worker, the queue from IndexedDB.
      await page.reload();
      await eventually(() => badge(page).innerText()).toBe('3 条待上传');
      await page.getByTestId('outbox-badge').click();
      await eventually(() => page.getByTestId('outbox-entry').count()).toBe(3);
      expect(await page.getByTestId('outbox-drawer').innerText()).toContain('等待网络');
      await shot(page, `offline-list-${tag.slice(0, 2)}`);
      await page.keyboard.press('Escape');
      await page.getByTestId('outbox-drawer').waitFor({ state: 'hidden' });
      // Signing out with records waiting asks first (they stay for her next sign-in); she stays.
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: '退出登录' }).click();
      const ask = page.locator('.ant-modal-confirm').filter({ hasText: '还有 3 条记录没有上传' });
      await ask.waitFor();
      await ask.getByRole('button', { name: '取消' }).click();
      await ask.waitFor({ state: 'detached' });

      // The network returns: the queue drains by itself, and the server has each record once.
      await context.setOffline(false);
      await page.getByTestId('outbox-badge').waitFor({ state: 'detached' });
      const activities = await api.get<{ total: number; items: { id: string; photoIds: string[] }[] }>(
        `/api/v1/activities/activities?q=${encodeURIComponent(title)}`,
      );
      expect(activities.total).toBe(1);
      expect(activities.items[0].photoIds).toHaveLength(1);
      const inspections = await api.get<{ total: number }>(
        `${B}/inspections?householdId=${household.householdId}`,
      );
      expect(inspections.total).toBe(inspectionsBefore + 1);
      const patrols = await api.get<{ items: { area: string }[] }>(
        `/api/v1/activities/patrols?orgUnitId=${villageId}&pageSize=200`,
      );
      expect(patrols.items.filter((p) => p.area === area)).toHaveLength(1);
      await context.close();
    });
  }

  it('the signal goes while the photo uploads: the photo waits in the outbox with its record, and goes up once', async () => {
    const title = `断在照片${Date.now().toString().slice(-6)}`;
    const { context, page } = await phoneSignedIn(browser);
    await page.goto(`${baseUrl()}/activities/quick`);
    await fillQuick(page, title);
    // The record goes up; every photo upload then dies on the way.
    await page.route('**/photos', (route) => route.abort('failed'));
    await page.getByTestId('quick-save').click();
    await page.getByTestId('offline-queued').first().waitFor();
    await eventually(() => badge(page).innerText()).toBe('1 条待上传');
    await page.unroute('**/photos');
    // The notice sits over the header for a few seconds, as on her phone.
    await page.getByTestId('offline-queued').waitFor({ state: 'detached' });
    // 立即上传, unless the periodic round has sent it already.
    await page
      .getByTestId('outbox-badge')
      .click({ timeout: 5_000 })
      .then(() => page.getByTestId('outbox-flush').click({ timeout: 5_000 }))
      .catch(() => undefined);
    await eventually(() => page.getByTestId('outbox-entry').count()).toBe(0);
    const api = apiOf(village);
    const saved = await api.get<{ total: number; items: { photoIds: string[] }[] }>(
      `/api/v1/activities/activities?q=${encodeURIComponent(title)}`,
    );
    expect(saved.total).toBe(1);
    expect(saved.items[0].photoIds).toHaveLength(1);
    await context.close();
  });

  it('a score for a household deleted meanwhile stays in the queue with the server’s reason, and can be discarded', async () => {
    const api = apiOf(village);
    const houseNumber = `离${Date.now().toString().slice(-5)}号`;
    const hh = await api.send<{ id: string; version: number }>('post', '/api/v1/people/households', {
      orgUnitId: villageId,
      address: '东岭村新村路',
      houseNumber,
    });
    const { context, page } = await phoneSignedIn(browser);
    await page.goto(`${baseUrl()}/courtyards/score`);
    await searchAndPick(page, houseNumber)();
    await page.getByTestId('score-area-kitchen').waitFor();
    await page.getByTestId('score-change-household').click();
    await shellCached(page);

    await context.setOffline(true);
    await scoreHousehold(page, searchAndPick(page, houseNumber));
    await eventually(() => badge(page).innerText()).toBe('1 条待上传');
    // Meanwhile the household is deleted (from the office, online).
    await api.send('delete', `/api/v1/people/households/${hh.id}?version=${hh.version}`);

    await context.setOffline(false);
    // The 已保存在本机 notice sits over the header badge on a phone; a click aimed at the badge hovers
    // the notice, which then never closes. Let it go first, as in the journey above.
    await page.getByTestId('offline-queued').first().waitFor({ state: 'detached' });
    await page.getByTestId('outbox-badge').click();
    const entry = page.getByTestId('outbox-entry');
    await eventually(() => entry.getAttribute('data-state')).toBe('refused');
    const said = await entry.getByTestId('outbox-entry-state').innerText();
    expect(said).toMatch(/^被退回：\S+/);
    await shot(page, 'offline-refused');
    // Still there after a round: nothing is dropped silently.
    await page.getByTestId('outbox-flush').click();
    await eventually(() => entry.getAttribute('data-state')).toBe('refused');
    // 修改 reopens the form as she filled it in (the household is the deleted one: she would pick another).
    await entry.getByTestId('outbox-edit').click();
    await page.waitForURL((url) => url.pathname === '/courtyards/score');
    await page.getByTestId('score-household').filter({ hasText: houseNumber }).waitFor();
    expect(await page.getByTestId('score-sign').isChecked()).toBe(true);
    await page.getByTestId('outbox-badge').click();
    await entry.getByTestId('outbox-discard').click();
    await page.getByTestId('outbox-discard-ok').click();
    await eventually(() => page.getByTestId('outbox-entry').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('outbox-badge').waitFor({ state: 'detached' });
    expect((await api.get<{ total: number }>(`${B}/inspections?householdId=${hh.id}`)).total).toBe(0);
    await context.close();
  });
});
