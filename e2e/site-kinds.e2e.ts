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
  shot,
  signIn,
} from './support';

/** Issue 15 point 3: the county adds its own site kind; a town records a site of that kind by its name. */
describe.skipIf(!hasChromium())('site kinds journey', { timeout: JOURNEY }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('阵地类型 → 新增 儿童实践基地 → the town records one on her phone → list, card and count show the name', async () => {
    const suffix = Date.now().toString().slice(-5);
    const kindName = `儿童实践基地${suffix}`;
    const county = await newContext(browser, desktop);
    const countyPage = await county.newPage();
    await signIn(countyPage, 'county');
    await countyPage.goto(`${baseUrl()}/org/sites`);
    await countyPage.getByTestId('site-kinds-open').click();
    const drawer = countyPage.getByTestId('site-kinds');
    await eventually(() => drawer.getByTestId('site-kind-row').count()).toBeGreaterThan(5);
    await drawer.getByTestId('site-kind-add').click();
    await drawer.getByTestId('site-kind-zh').last().fill(kindName);
    await shot(countyPage, 'site-kinds-drawer-desktop');
    await countyPage.getByTestId('site-kinds-save').click();
    await eventually(() => countyPage.getByTestId('site-kinds').count()).toBe(0);
    await county.close();

    const town = await newContext(browser, phone);
    const page = await town.newPage();
    await signIn(page, 'town');
    await page.goto(`${baseUrl()}/org/sites`);
    // Only the county sets the list.
    await page.getByTestId('site-create').waitFor();
    expect(await page.getByTestId('site-kinds-open').count()).toBe(0);
    await page.getByTestId('site-create').click();
    await page.getByTestId('site-form').waitFor();
    // The kind list is longer than the drop-down shows: she types to find the county's new kind.
    const kindSelect = page.getByTestId('site-form-kind');
    await kindSelect.click();
    await page.keyboard.type(kindName.slice(0, 6));
    await page.keyboard.press('Enter');
    await eventually(() => kindSelect.innerText()).toContain(kindName);
    const name = `青石镇${kindName}`;
    await page.getByTestId('site-form-name').fill(name);
    await shot(page, 'site-form-custom-kind-phone');
    await page.getByTestId('site-form-submit').click();
    await eventually(() => page.getByTestId('site-form').count()).toBe(0);
    const card = page.getByTestId('site-card').filter({ hasText: name });
    await eventually(() => card.count()).toBe(1);
    expect(await card.innerText()).toContain(kindName);
    const counts = page.getByTestId('sites-counts');
    await eventually(() => counts.innerText()).toContain(kindName);
    await shot(page, 'sites-custom-kind-phone');
    await town.close();
  });

  it('活动类型 still opens in the shared settings drawer with its rows', async () => {
    const county = await newContext(browser, phone);
    const page = await county.newPage();
    await signIn(page, 'county');
    await page.goto(`${baseUrl()}/activities`);
    await page.getByTestId('activity-types-open').click();
    const drawer = page.getByTestId('activity-types');
    await eventually(() => drawer.getByTestId('activity-type-row').count()).toBeGreaterThan(3);
    await shot(page, 'activity-types-drawer-phone');
    await county.close();
  });
});
