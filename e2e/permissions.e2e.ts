import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  desktop,
  eventually,
  hasChromium,
  JOURNEY,
  launch,
  newContext,
  shot,
  signIn,
} from './support';

/** Every entry of the side menu a county or town federation admin sees: the whole app. */
const fullMenu = [
  'menu-home',
  'menu-org',
  'menu-org-sites',
  'menu-org-grids',
  'menu-org-women-groups',
  'menu-org-elections',
  'menu-people-persons',
  'menu-people-households',
  'menu-people-roles',
  'menu-people-teams',
  'menu-activities-quick',
  'menu-activities-list',
  'menu-activities-campaigns',
  'menu-activities-patrols',
  'menu-courtyards-score',
  'menu-courtyards-inspections',
  'menu-courtyards-households',
  'menu-courtyards-rectifications',
  'menu-courtyards-groups',
  'menu-courtyards-reviews',
  'menu-courtyards-featured',
  'menu-courtyards-notice',
  'menu-courtyards-rubrics',
  'menu-credits-accounts',
  'menu-credits-counter',
  'menu-credits-goods',
  'menu-credits-rules',
  'menu-honours-nominations',
  'menu-honours-duties',
  'menu-care-screening',
  'menu-care-visits',
  'menu-care-key-people',
  'menu-care-cases',
  'menu-care-access-log',
  'menu-screenings',
  'menu-donations-drives',
  'menu-donations-beneficiaries',
  'menu-donations-aid',
  'menu-activities-stats',
  'menu-reports-stats',
  'menu-reports-definitions',
  'menu-reports-summaries',
  'menu-users',
  'menu-audit',
];

/**
 * A village chair records her village's work: no accounts, no log, none of the town's courtyard scheme,
 * and no care access log (the data officer's, above the village).
 */
const villageMenu = fullMenu.filter(
  (id) =>
    ![
      'menu-users',
      'menu-audit',
      'menu-courtyards-groups',
      'menu-courtyards-reviews',
      'menu-care-access-log',
    ].includes(id),
);

/** A village 执委 records ledgers, but runs no store counter and files no two-cancer aid. */
const zhiweiMenu = villageMenu.filter((id) => !['menu-credits-counter', 'menu-donations-aid'].includes(id));

/** Opens every section of the side menu and lists the entries shown, by test id. */
const menuEntries = async (page: Page): Promise<string[]> => {
  const menu = page.getByRole('menu', { name: '主菜单' }).first();
  await menu.waitFor();
  const titles = menu.locator('.ant-menu-submenu-title');
  const count = await titles.count();
  for (let i = 0; i < count; i++) {
    const title = titles.nth(i);
    if ((await title.getAttribute('aria-expanded')) !== 'true') await title.click();
    await eventually(() => title.getAttribute('aria-expanded')).toBe('true');
  }
  return (await menu
    .locator('li.ant-menu-item[data-testid]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''))) as string[];
};

/** Waits for a page's own content, then says whether an element with `testId` is on it. */
const shows = async (page: Page, path: string, ready: string, testId: string) => {
  await page.goto(`${baseUrl()}${path}`);
  await page.getByRole('heading', { name: ready, level: 1 }).waitFor();
  return page.getByTestId(testId).count();
};

/** Issue 14, point 2: the menu and every button follow permissions, from one declaration. */
describe.skipIf(!hasChromium())('the menu and buttons follow each demo role', { timeout: JOURNEY }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['county', fullMenu],
    ['town', fullMenu],
    ['village', villageMenu],
    ['zhiwei', zhiweiMenu],
  ])('%s sees exactly her menu', async (username, expected) => {
    const context = await newContext(browser, desktop);
    const page = await context.newPage();
    await signIn(page, username);
    const entries = await menuEntries(page);
    await shot(page, `permissions-${username}-menu`);
    expect([...entries].sort()).toEqual([...expected].sort());
    await context.close();
  });

  it('the village chair gets no button she may not use, and a page she may not open says 403', async () => {
    const context = await newContext(browser, desktop);
    const page = await context.newPage();
    await signIn(page, 'village');
    expect(await shows(page, '/courtyards/rubrics', '评分细则', 'rubric-create')).toBe(0);
    expect(await shows(page, '/courtyards/featured', '特色庭院', 'featured-create')).toBe(0);
    // Her households' ratings she exports, but imports none: that is the town's review.
    expect(await shows(page, '/courtyards/households', '一户一档', 'ratings-export')).toBe(1);
    expect(await page.getByTestId('ratings-import').count()).toBe(0);
    await page.goto(`${baseUrl()}/org`);
    await eventually(() => page.getByTestId('org-detail-name').innerText()).toBe('东岭村妇联');
    expect(await page.getByTestId('org-actions').count()).toBe(0);
    await shot(page, 'permissions-village-org');
    // A county report she runs but may not change: a lock naming its owner instead of 编辑/删除.
    await page.goto(`${baseUrl()}/reports/definitions`);
    await page.getByTestId('definition-item').first().waitFor();
    expect(await page.getByTestId('definition-delete').count()).toBe(0);
    await eventually(() => page.getByTestId('definition-locked').first().innerText()).toBe('云溪县妇联');
    await page.getByTestId('definition-locked').first().hover();
    await eventually(() => page.getByRole('tooltip').innerText()).toBe(
      '该报表由云溪县妇联制定，只有该单位可以修改或删除',
    );
    // 用户管理 is not in her menu, and typing its address says 403 rather than showing 新增用户.
    await page.goto(`${baseUrl()}/users`);
    await page.getByText('403', { exact: true }).waitFor();
    expect(await page.getByTestId('user-create').count()).toBe(0);
    await context.close();
  });

  it('the village 执委 records her ledgers but imports nothing and keeps no grids', async () => {
    const context = await newContext(browser, desktop);
    const page = await context.newPage();
    await signIn(page, 'zhiwei');
    expect(await shows(page, '/people/persons', '人员信息', 'person-create')).toBe(1);
    expect(await page.getByTestId('person-import').count()).toBe(0);
    expect(await shows(page, '/org/grids', '网格', 'grid-create')).toBe(0);
    await context.close();
  });

  it('the town chair keeps her buttons; only the county changes the county’s reports', async () => {
    const context = await newContext(browser, desktop);
    const page = await context.newPage();
    await signIn(page, 'town');
    expect(await shows(page, '/courtyards/rubrics', '评分细则', 'rubric-create')).toBe(1);
    expect(await shows(page, '/courtyards/featured', '特色庭院', 'featured-create')).toBe(1);
    expect(await shows(page, '/courtyards/households', '一户一档', 'ratings-import')).toBe(1);
    await page.goto(`${baseUrl()}/org`);
    await eventually(() => page.getByTestId('org-detail-name').innerText()).toBe('青石镇妇联');
    await eventually(() =>
      page
        .getByTestId('org-actions')
        .getByRole('button', { name: /编\s*辑/ })
        .count(),
    ).toBe(1);
    await page.goto(`${baseUrl()}/reports/definitions`);
    await page.getByTestId('definition-item').first().waitFor();
    expect(await page.getByTestId('definition-delete').count()).toBe(0);
    expect(await page.getByTestId('definition-locked').count()).toBeGreaterThan(0);
    await context.close();

    const county = await newContext(browser, desktop);
    const countyPage = await county.newPage();
    await signIn(countyPage, 'county');
    await countyPage.goto(`${baseUrl()}/reports/definitions`);
    await countyPage.getByTestId('definition-item').first().waitFor();
    expect(await countyPage.getByTestId('definition-locked').count()).toBe(0);
    expect(await countyPage.getByTestId('definition-delete').count()).toBeGreaterThan(0);
    await county.close();
  });
});
