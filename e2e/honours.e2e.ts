import type { Browser } from 'playwright-core';
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
  pickOption,
  shot,
  signIn,
} from './support';

/** Issue 19: a village chair logs a member's contact on her phone; the town puts a nomination on notice. */
describe.skipIf(!hasChromium())('honours and duties journey', { timeout: JOURNEY }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('履职登记 on a phone (390×844): home task → form → saved once; compliance and a due list shown', async () => {
    const matters = `反映村口路灯不亮${Date.now().toString().slice(-6)}`;
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await signIn(page, 'village');
    await page.getByTestId('task-honours-contact').click();
    const drawer = page.getByTestId('duty-record-form');
    await drawer.waitFor();
    await pickOption(page, page.getByTestId('duty-record-form-member'));
    await page.getByTestId('duty-record-form-women').fill('4');
    await page.getByTestId('duty-record-form-matters').fill(matters);
    await shot(page, 'honours-contact-phone');
    await page.getByTestId('duty-record-form-submit').click();
    await eventually(() => page.locator('.ant-message').innerText()).toContain('已保存');
    const res = await page.request.get(`${baseUrl()}/api/v1/honours/duty-records?kind=contact&pageSize=200`);
    const saved = ((await res.json()).items as { matters: string | null; womenContacted: number }[]).filter(
      (r) => r.matters === matters,
    );
    expect(saved).toEqual([expect.objectContaining({ womenContacted: 4 })]);
    await eventually(() => page.getByTestId('duties-summary').innerText()).toContain('应履职执委');
    await page.getByTestId('duty-member-card').first().click();
    await eventually(() => page.getByTestId('duty-due-item').count()).toBeGreaterThan(0);
    await shot(page, 'honours-due-list-phone');
    await context.close();
  });

  it('选树典型: the town puts a nomination on 公示 from its row', async () => {
    const context = await newContext(browser, desktop);
    const page = await context.newPage();
    await signIn(page, 'town');
    await page.goto(`${baseUrl()}/honours`);
    await eventually(() => page.getByTestId('nomination-row').count()).toBeGreaterThan(0);
    const before = await page.request.get(
      `${baseUrl()}/api/v1/honours/nominations?status=nominated&pageSize=200`,
    );
    const nominated = (await before.json()).total as number;
    expect(nominated).toBeGreaterThan(0);
    await pickOption(page, page.getByTestId('nominations-status'), '推荐');
    await eventually(() => page.getByTestId('nomination-publicize').count()).toBeGreaterThan(0);
    await page.getByTestId('nomination-publicize').first().click();
    const range = page.getByTestId('nomination-step-form').locator('input');
    await range.nth(0).click();
    await range.nth(0).fill('2026-01-05');
    await range.nth(1).click();
    await range.nth(1).fill('2026-01-09');
    await page.keyboard.press('Enter');
    await shot(page, 'honours-publicize');
    await page.getByTestId('nomination-step-submit').click();
    await eventually(() => page.locator('.ant-message').innerText()).toContain('已保存');
    const after = await page.request.get(
      `${baseUrl()}/api/v1/honours/nominations?status=nominated&pageSize=200`,
    );
    expect((await after.json()).total).toBe(nominated - 1);
    await context.close();
  });
});
