import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityDatesZh } from '../src/contracts/activities';
import {
  baseUrl,
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

/** Issue 15 point 1: a multi-day class marked 重点 is recorded on a phone and listed as 6月1日至3日. */
describe.skipIf(!hasChromium())('multi-day and notable activities', { timeout: JOURNEY }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the form refuses an end before the start, saves 6月1日至3日 as 重点, and the list and detail show it', async () => {
    // Three days of last week (the list shows the newest first).
    const day = (back: number) =>
      new Date(Date.now() + 8 * 3600_000 - back * 86_400_000).toISOString().slice(0, 10);
    const [from, to] = [day(6), day(4)];
    const shown = activityDatesZh(from, to, true);
    const title = `巾帼家政培训班${Date.now().toString().slice(-6)}`;
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await signIn(page, 'village');
    await page.goto(`${baseUrl()}/activities`);
    await page.getByTestId('activity-create').click();
    await page.getByTestId('activity-form-title').fill(title);
    await pickOption(page, page.getByTestId('activity-form-type'), '培训');
    await page.getByTestId('activity-form-date').fill(to);
    await page.getByTestId('activity-form-ended').fill(from);
    await page.getByTestId('activity-form-attendance').fill('40');
    await page.getByTestId('activity-form-notable').check();
    await page.getByTestId('activity-form-submit').click();
    await eventually(() => page.getByText('结束日期不能早于活动日期').count()).toBe(1);
    await page.getByTestId('activity-form-date').fill(from);
    await page.getByTestId('activity-form-ended').fill(to);
    await shot(page, 'phone-activity-form-dates');
    await page.getByTestId('activity-form-submit').click();

    const card = page.getByTestId('activity-card').filter({ hasText: title });
    await eventually(() => card.count()).toBe(1);
    const text = await card.innerText();
    expect(text).toContain(shown);
    expect(text).toContain('重点');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'phone-activity-card-dates');
    await card.click();
    const detail = page.getByTestId('activity-detail');
    await eventually(() => detail.innerText()).toContain(shown);
    expect(await detail.innerText()).toContain('重点');
    await context.close();
  });
});
