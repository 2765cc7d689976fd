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
  pickOption,
  shot,
  signIn,
} from './support';

/** Issue 4: a town records a forest-chief team's patrols in one batch and finds them in the ledger. */
describe.skipIf(!hasChromium())('patrol journey', { timeout: JOURNEY }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('批量登记 two patrols (one copied) → saved once each → listed with their area', async () => {
    const area = `后山防火通道${Date.now().toString().slice(-6)}`;
    const context = await newContext(browser, desktop);
    const page = await context.newPage();
    await signIn(page, 'town');
    await page.goto(`${baseUrl()}/activities/patrols`);
    await page.getByTestId('patrols-batch').click();
    const drawer = page.getByTestId('patrol-batch');
    await drawer.waitFor();
    const row = drawer.getByTestId('patrol-batch-row').first();
    await pickOption(page, drawer.getByTestId('patrol-batch-team'));
    await row.getByTestId('patrol-row-area').fill(area);
    await pickOption(page, row.getByTestId('patrol-row-chiefs'));
    await page.keyboard.press('Escape');
    await drawer.getByTestId('patrol-batch-copy').first().click();
    await eventually(() => drawer.getByTestId('patrol-batch-row').count()).toBe(2);
    await shot(page, 'patrols-batch');
    await drawer.getByTestId('patrol-batch-submit').click();
    await eventually(() => page.locator('.ant-message').innerText()).toContain('已登记 2 条巡查');
    const res = await page.request.get(`${baseUrl()}/api/v1/activities/patrols?pageSize=200`);
    const items = (await res.json()).items as {
      area: string;
      chiefNames: string[];
      teamName: string | null;
    }[];
    const saved = items.filter((p) => p.area === area);
    expect(saved).toHaveLength(2);
    expect(saved[0].chiefNames.length).toBeGreaterThan(0);
    expect(saved[0].teamName).toContain('林长队');
    await eventually(() => page.locator('body').innerText()).toContain(area);
    await shot(page, 'patrols-list');
    // A hazard photo on one of them, shown in its detail.
    await page.getByText(area).first().click();
    const detail = page.getByTestId('patrol-detail');
    await detail.waitFor();
    const jpeg = Buffer.from(
      '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==',
      'base64',
    );
    await detail
      .getByTestId('patrol-photo-input')
      .setInputFiles({ name: 'hazard.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await eventually(() => detail.getByTestId('patrol-photo').count()).toBe(1);
    await shot(page, 'patrols-hazard-photo');
    await context.close();
  });
});
