import type { Browser, Page } from 'playwright-core';
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
  openFromMenu,
  phone,
  pickOption,
  shot,
  signIn,
} from './support';

const VILLAGE = '东岭村妇联';

/** 活动场次 of 东岭村妇联 in the town chair's 统计, grouped by the units below her (0 when absent). */
const villageCount = async (page: Page): Promise<number> => {
  const row = page.getByTestId('stats-row').filter({ hasText: VILLAGE });
  await row.first().waitFor();
  return Number(await row.getByTestId('stats-value').innerText());
};

const openStats = async (page: Page) => {
  await openFromMenu(page, 'menu-activities', 'menu-activities-stats', '/activities/stats');
  await sessionsByUnit(page);
};

const sessionsByUnit = async (page: Page) => {
  await pickOption(page, page.getByTestId('stats-indicator'), '活动场次');
  await page.getByTestId('stats-level').getByText('下级单位').click();
  await page.getByTestId('stats-table').waitFor();
};

/** Issue: activities web UI — a village records on her phone; the town sees it in 统计 and drills down to it. */
describe.skipIf(!hasChromium())('activities journey', { timeout: JOURNEY }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('快速登记 on a phone with a photo → 统计 by unit counts it → the cell lists it', async () => {
    const title = `巾帼宣讲进村${Date.now().toString().slice(-6)}`;

    // The town chair's figure before.
    const town = await newContext(browser, desktop);
    const townPage = await town.newPage();
    await signIn(townPage, 'town');
    await openStats(townPage);
    const before = await villageCount(townPage);

    // The village chair records on her phone, photo from the camera.
    const village = await newContext(browser, phone);
    const page = await village.newPage();
    await signIn(page, 'village');
    await page.goto(`${baseUrl()}/activities/quick`);
    await page.getByTestId('quick-type-outreach').click();
    for (let i = 0; i < 3; i++) await page.getByTestId('quick-attendance-plus').click();
    await page.locator('#quick-attendance').fill('28');
    await page.getByTestId('quick-place').fill('村委会二楼会议室');
    await page.getByTestId('quick-title').fill(title);
    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#c0392b' },
    })
      .jpeg()
      .toBuffer();
    await page
      .getByTestId('quick-photo-input')
      .setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByTestId('quick-photo-preview').waitFor();
    const save = page.getByTestId('quick-save');
    expect((await save.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
    await shot(page, 'activities-quick-phone');
    await save.click();
    await page.getByTestId('quick-success').waitFor();
    await page.getByTestId('quick-photo-done').waitFor();
    expect(await page.getByTestId('quick-success').innerText()).toContain(title);
    await shot(page, 'activities-quick-saved');
    await village.close();

    // The town chair sees one more 场次 for 东岭村, and the cell's records include the new one.
    await townPage.reload();
    await sessionsByUnit(townPage);
    await eventually(() => villageCount(townPage)).toBe(before + 1);
    await townPage.getByTestId('stats-chart').waitFor();
    await shot(townPage, 'activities-stats');
    await townPage.getByTestId('stats-row').filter({ hasText: VILLAGE }).getByTestId('stats-value').click();
    const drill = townPage.getByTestId('stats-drill');
    await drill.waitFor();
    await eventually(() => drill.getByTestId('stats-drill-row').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining(title)]),
    );
    await shot(townPage, 'activities-stats-drill');

    // The record opens in 活动台账 with its photo.
    await drill.getByText(title).click();
    await townPage.waitForURL((url) => url.pathname === '/activities');
    await townPage.getByTestId('activity-detail-title').filter({ hasText: title }).waitFor();
    await eventually(() => townPage.getByTestId('activity-photo').count()).toBe(1);
    await shot(townPage, 'activities-detail');
    await town.close();
  });
  it('a lost answer is retried with the same id: 正在重试 shows, and the activity is saved once', async () => {
    const title = `断网重试${Date.now().toString().slice(-6)}`;
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await signIn(page, 'village');
    // The first save reaches the server but its answer is lost on the way back.
    let posts = 0;
    await page.route('**/api/v1/activities/activities', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts += 1;
      if (posts === 1) {
        await route.fetch();
        return route.abort('failed');
      }
      return route.continue();
    });
    await page.goto(`${baseUrl()}/activities/quick`);
    await page.getByTestId('quick-type-training').click();
    await page.getByTestId('quick-title').fill(title);
    await page.getByTestId('quick-save').click();
    await page.getByTestId('quick-retrying').waitFor();
    await shot(page, 'activities-quick-retrying');
    await page.getByTestId('quick-success').waitFor();
    expect(posts).toBe(2);
    const res = await page.request.get(
      `${baseUrl()}/api/v1/activities/activities?q=${encodeURIComponent(title)}`,
    );
    expect(((await res.json()) as { total: number }).total).toBe(1);
    await context.close();
  });
});
