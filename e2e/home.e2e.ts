import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  desktop,
  eventually,
  hasChromium,
  JOURNEY,
  launch,
  newContext,
  phone,
  shot,
  signIn,
} from './support';

const wide = { ...desktop, viewport: { width: 1440, height: 900 } } as const;
const english = (o: BrowserContextOptions): BrowserContextOptions => ({ ...o, locale: 'en-US' });

/** CJK ideographs, CJK punctuation and full-width forms: none may be left in English outside user data. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * The user data the home shows (unit and person names, as entered): from the same APIs the page
 * reads, so the English check can strip exactly them and nothing else.
 */
const userData = async (page: Page): Promise<string[]> =>
  page.evaluate(async () => {
    const me = await (await fetch('/api/v1/auth/me')).json();
    const now = new Date();
    const d = await (
      await fetch(`/api/v1/reports/dashboard?year=${now.getFullYear()}&month=${now.getMonth() + 1}`)
    ).json();
    const names: string[] = [
      me.user?.displayName ?? me.displayName,
      ...((me.user?.orgUnit ?? me.orgUnit)?.trail ?? []).map((u: { name: string }) => u.name),
      d.orgUnitName,
      ...d.breakdown.rows.map((r: { orgUnitName: string }) => r.orgUnitName),
      ...d.todos.map((x: { orgUnitName: string | null }) => x.orgUnitName ?? ''),
    ];
    return [...new Set(names.filter(Boolean))].sort((a, b) => b.length - a.length);
  });

/** A tap as she makes it, counted. */
const tapper = (page: Page) => {
  let taps = 0;
  return {
    tap: async (testId: string) => {
      taps++;
      await page.getByTestId(testId).first().click();
    },
    add: (n: number) => {
      taps += n;
    },
    get count() {
      return taps;
    },
  };
};

/** Issue 14 point 1: the home by role — her tasks first, her to-dos by kind, then the figures. */
describe.skipIf(!hasChromium())('home journey', { timeout: JOURNEY }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the village chair on her phone: task tiles on the first screen, to-dos by kind, 快速登记 with a photo in ≤ 8 taps', async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await signIn(page, 'village');
    expect(new URL(page.url()).pathname).toBe('/');
    const tiles = page.getByTestId('home-tasks').locator('a');
    await tiles.first().waitFor();
    const names = await tiles.allInnerTexts();
    expect(names.map((n) => n.trim())).toEqual(['快速登记', '入户评分', '巡查登记', '风险排查', '履职登记']);
    // The rest wait behind 更多 (every ledger adds its jobs), which opens them in place.
    const more = page.getByTestId('home-tasks-more');
    expect(await more.innerText()).toMatch(/更多（\d+）/);
    // Every tile on the first screen, big enough for a thumb, two a row.
    const boxes = await Promise.all((await tiles.all()).map((t) => t.boundingBox()));
    for (const b of boxes) {
      expect(b).not.toBeNull();
      if (!b) continue;
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height).toBeLessThanOrEqual(844);
      expect(b.x + b.width).toBeLessThanOrEqual(390);
      expect(b.height).toBeGreaterThanOrEqual(48);
    }
    expect(boxes[0]?.y).toBe(boxes[1]?.y);
    expect(boxes[2]?.y ?? 0).toBeGreaterThan(boxes[0]?.y ?? 0);
    const moreBox = await more.boundingBox();
    expect((moreBox?.y ?? 9999) + (moreBox?.height ?? 0)).toBeLessThanOrEqual(844);
    await more.click();
    await eventually(async () => (await tiles.allInnerTexts()).map((n) => n.trim())).toEqual(
      expect.arrayContaining(['积分登记', '登记两癌筛查']),
    );
    expect(await more.innerText()).toContain('收起');
    await more.click();
    await eventually(() => tiles.count()).toBe(5);

    // Her to-dos come right after, grouped by kind, each kind open with its count.
    await page.getByTestId('dashboard').waitFor();
    const groups = page.getByTestId('todo-group-title');
    await eventually(() => groups.count()).toBeGreaterThan(0);
    // Each kind's count is what its lines stand for (29 overdue rectifications count 29).
    const counts = (await page.getByTestId('todo-group-count').allInnerTexts()).map(Number);
    const lines = (await page
      .getByTestId('todo-item')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))))) as number[];
    expect(lines.length).toBeGreaterThan(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(lines.reduce((a, b) => a + b, 0));
    const todos = await page.getByTestId('todos').boundingBox();
    const firstFigure = await page.getByTestId('key-figure').first().boundingBox();
    expect(todos?.y ?? 9999).toBeLessThan(firstFigure?.y ?? 0);
    // The figures say their period: 本年累计 for a flow, 截至今日 for a stock, no 本月 row on a stock.
    const periods = await page.getByTestId('key-figure-period').allInnerTexts();
    expect(periods).toContain('本年累计');
    expect(periods).toContain('截至今日');
    const stock = page.locator('[data-testid="key-figure"][data-stock="1"]').first();
    expect(await stock.getByTestId('key-figure-month').count()).toBe(0);
    const flow = page.locator('[data-testid="key-figure"]:not([data-stock])').first();
    expect(await flow.getByTestId('key-figure-month').innerText()).toContain('本月截至今日');
    await shot(page, 'home-village-phone');
    await page.screenshot({ path: 'screenshots/home-village-phone-full.png', fullPage: true });

    // 巡查登记: one tap to the open patrol form.
    await page.getByTestId('task-activities-patrol').click();
    await page.getByTestId('patrol-form').waitFor();
    await shot(page, 'home-village-patrol-form');
    await page.goto(`${baseUrl()}/`);

    // 快速登记 with a photo, every tap counted from the home.
    const taps = tapper(page);
    await taps.tap('task-activities-quick');
    await page.waitForURL((url) => url.pathname === '/activities/quick');
    await taps.tap('quick-type-outreach');
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2e86c1' } })
      .jpeg()
      .toBuffer();
    // The photo: the button, the camera's shutter and its ✓ (three taps on a phone).
    await page
      .getByTestId('quick-photo-input')
      .setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo });
    taps.add(3);
    await page.getByTestId('quick-photo-preview').waitFor();
    await taps.tap('quick-save');
    await page.getByTestId('quick-success').waitFor();
    await page.getByTestId('quick-photo-done').waitFor();
    expect(taps.count).toBeLessThanOrEqual(8);
    await context.close();
  });

  it('the town: task buttons in one row, to-dos folded by kind with counts, across the page', async () => {
    const context = await newContext(browser, wide);
    const page = await context.newPage();
    await signIn(page, 'town');
    await page.getByTestId('dashboard').waitFor();
    const buttons = await Promise.all(
      (await page.getByTestId('home-tasks').locator('a').all()).map((t) => t.boundingBox()),
    );
    expect(buttons.length).toBe(4);
    expect(new Set(buttons.map((b) => b?.y)).size).toBe(1);
    for (const b of buttons) expect(b?.height ?? 0).toBeGreaterThanOrEqual(44);

    const groups = page.locator('.bbt-todo-groups > .ant-collapse-item');
    await eventually(() => groups.count()).toBeGreaterThan(1);
    // Folded: no kind open, no to-do line showing, yet each kind says how many.
    expect(await page.locator('.bbt-todo-groups .ant-collapse-item-active').count()).toBe(0);
    expect(await page.getByTestId('todo-item').count()).toBe(0);
    const counts = (await page.getByTestId('todo-group-count').allInnerTexts()).map(Number);
    expect(counts.every((n) => n > 0)).toBe(true);
    // The to-dos span the page above the figures: no half-empty column beside them.
    const todos = await page.getByTestId('todos').boundingBox();
    const content = await page.locator('.bbt-content').boundingBox();
    const figure = await page.getByTestId('key-figure').first().boundingBox();
    expect(todos?.width ?? 0).toBeGreaterThan((content?.width ?? 0) * 0.9);
    expect(todos && figure && todos.y + todos.height <= figure.y).toBe(true);
    await shot(page, 'home-town-desktop');
    await page.screenshot({ path: 'screenshots/home-town-desktop-full.png', fullPage: true });
    // Opening a kind lists its villages, as many as its count.
    await page.getByTestId('todo-group-title').first().click();
    await eventually(() => page.getByTestId('todo-item').count()).toBeGreaterThan(0);
    const inFirst = (await page
      .getByTestId('todo-item')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))))) as number[];
    expect(inFirst.reduce((a, b) => a + b, 0)).toBe(counts[0]);
    await shot(page, 'home-town-desktop-open');
    await context.close();

    const mobile = await newContext(browser, phone);
    const mp = await mobile.newPage();
    await signIn(mp, 'town');
    await mp.getByTestId('dashboard').waitFor();
    await mp.getByTestId('todo-group-title').first().waitFor();
    // On her phone too the town's task buttons stay one row, inside the screen.
    const row = await Promise.all(
      (await mp.getByTestId('home-tasks').locator('a').all()).map((t) => t.boundingBox()),
    );
    expect(new Set(row.map((b) => b?.y)).size).toBe(1);
    for (const b of row) expect((b?.x ?? 999) + (b?.width ?? 0)).toBeLessThanOrEqual(390);
    await shot(mp, 'home-town-phone');
    await mobile.close();
  });

  it('the county sees its towns the same way', async () => {
    for (const [options, name] of [
      [wide, 'home-county-desktop'],
      [phone, 'home-county-phone'],
    ] as const) {
      const context = await newContext(browser, options);
      const page = await context.newPage();
      await signIn(page, 'county');
      await page.getByTestId('dashboard').waitFor();
      await page.getByTestId('home-tasks').waitFor();
      await shot(page, name);
      await context.close();
    }
  });

  it('in English the home shows no Chinese outside unit and person names', async () => {
    for (const [options, user] of [
      [phone, 'village'],
      [wide, 'town'],
    ] as const) {
      const context = await newContext(browser, english(options));
      const page = await context.newPage();
      await signIn(page, user);
      // Her language choice is kept on the device (the header's switch): English, then the home again.
      await page.evaluate(() => window.localStorage.setItem('bbt.lang', 'en'));
      await page.reload();
      await page.getByTestId('dashboard').waitFor();
      await page.getByTestId('home-tasks').waitFor();
      // Open every kind, so its lines are read too.
      for (const g of await page.getByTestId('todo-group-title').all()) {
        if (user === 'town') await g.click();
      }
      const data = await userData(page);
      // The whole page: header, menu and home. The language switch names 中文 in its own language, and
      // the logo's mark (半) is a picture, not text to translate.
      const mark = await page.locator('.bbt-brand-mark').allInnerTexts();
      let text = await page.locator('body').innerText();
      for (const name of [...data, ...mark, '中文']) text = text.split(name).join('');
      const left = text.split('\n').filter((l) => CJK.test(l));
      expect(left, `${user}: Chinese left in English mode`).toEqual([]);
      await shot(page, `home-${user}-english`);
      await context.close();
    }
  });
});
