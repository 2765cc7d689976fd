import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  downloadFrom,
  eventually,
  hasChromium,
  JOURNEY,
  launch,
  newContext,
  phone,
  shot,
  signIn,
} from './support';

const WIDTH = phone.viewport.width;

/**
 * What is wrong with a form on a 390 px phone, read in the page: every visible control, button and label
 * whose box leaves the screen's width, and every form control with no label she can see (a `<label for>`,
 * a wrapping label, aria-labelledby, or its form item's label — an aria-label alone is not seen).
 */
const problemsIn = (page: Page, root: string) =>
  page.evaluate(
    ({ root, width }) => {
      const scope = document.querySelector(root);
      if (!scope) return [`${root} is not on the page`];
      const problems: string[] = [];
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
          el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''
        } "${(el.textContent ?? '').trim().slice(0, 20)}"`;
      const isShown = (el: Element) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
      };
      const boxes = scope.querySelectorAll(
        'input, button, select, textarea, label, .ant-select, .ant-picker, .ant-segmented-item, .ant-form-item-label',
      );
      for (const el of boxes) {
        if (!isShown(el) || (el as HTMLInputElement).type === 'file') continue;
        if (getComputedStyle(el).opacity === '0') continue;
        const r = el.getBoundingClientRect();
        if (r.left < -0.5 || r.right > width + 0.5)
          problems.push(`${name(el)} runs off the screen: x ${Math.round(r.left)}…${Math.round(r.right)}`);
      }
      const hasText = (el: Element | null | undefined) =>
        Boolean(el && isShown(el) && el.textContent?.trim());
      const controls = scope.querySelectorAll(
        'input:not([type=hidden]):not([type=file]), textarea, select, [role=combobox], [role=spinbutton]',
      );
      for (const el of controls) {
        const box = el.closest('.ant-select, .ant-picker, .ant-input-number, .ant-checkbox-wrapper') ?? el;
        if (!isShown(box)) continue;
        const labelled =
          (el.id && hasText(document.querySelector(`label[for="${CSS.escape(el.id)}"]`))) ||
          hasText(el.closest('label')) ||
          (el.getAttribute('aria-labelledby') ?? '')
            .split(/\s+/)
            .filter(Boolean)
            .some((id) => hasText(document.getElementById(id))) ||
          hasText(el.closest('.ant-form-item')?.querySelector('.ant-form-item-label label'));
        if (!labelled) problems.push(`${name(box)} has no visible label`);
      }
      if (document.documentElement.scrollWidth > width + 0.5)
        problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
      return problems;
    },
    { root, width: WIDTH },
  );

/** Opens the form's date field as she would (a tap) and returns what of its picker leaves the screen. */
const dateProblems = async (page: Page, root: string) => {
  const field = page
    .locator(root)
    .locator('input[type=date], input[type=month], .ant-picker')
    .filter({ visible: true })
    .first();
  if ((await field.count()) === 0) return [];
  await field.scrollIntoViewIfNeeded();
  await field.click();
  if (await field.evaluate((el) => el.classList.contains('ant-picker')))
    await page.locator('.ant-picker-dropdown').filter({ visible: true }).first().waitFor();
  const problems = await page.evaluate((width) => {
    const out: string[] = [];
    const focused = document.activeElement?.getBoundingClientRect();
    if (focused && (focused.left < -0.5 || focused.right > width + 0.5))
      out.push(`the date field is at x ${Math.round(focused.left)}…${Math.round(focused.right)}`);
    for (const popup of document.querySelectorAll('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')) {
      const r = popup.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < -0.5 || r.right > width + 0.5)
        out.push(`the calendar opens at x ${Math.round(r.left)}…${Math.round(r.right)}`);
    }
    return out;
  }, WIDTH);
  await page.keyboard.press('Escape');
  return problems;
};

const expectFits = async (page: Page, root: string, what: string) => {
  await page.locator(root).first().waitFor();
  await shot(page, `phone-form-${what}`);
  expect({ what, problems: await problemsIn(page, root) }).toEqual({ what, problems: [] });
  expect({ what, date: await dateProblems(page, root) }).toEqual({ what, date: [] });
};

/** Issue 14 point 3: every form the village chair fills in on her phone fits 390×844, every field labelled. */
describe.skipIf(!hasChromium())('phone forms fit 390×844', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    const context = await newContext(browser, phone);
    page = await context.newPage();
    await signIn(page, 'village');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('快速登记', { timeout: JOURNEY }, async () => {
    await page.goto(`${baseUrl()}/activities/quick`);
    await page.getByTestId('quick-date').waitFor();
    await expectFits(page, '[data-testid=quick-page]', 'quick');
  });

  it('入户评分, each kind', { timeout: JOURNEY }, async () => {
    await page.goto(`${baseUrl()}/courtyards/score`);
    await page.getByTestId('pick-mode').getByText('搜索农户').click();
    await page.getByTestId('pick-household').first().click();
    await page.getByTestId('score-household').waitFor();
    const kinds = page.getByTestId('score-kind').locator('.ant-segmented-item, .ant-radio-button-wrapper');
    const count = await kinds.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      const kind = kinds.nth(i);
      await kind.click();
      // The kind she tapped is the one shown as chosen.
      await eventually(() => kind.getAttribute('class')).toMatch(/-(selected|checked)\b/);
      await expectFits(page, '[data-testid=score-page]', `score-${i}`);
      // Each kind reads in full: no label is cut to "月底…".
      // (the text's own element: a cut label is wider inside than its box)
      const cut = await kind.evaluate((el) =>
        [el, ...el.querySelectorAll('*')]
          .filter((x) => x.children.length === 0 && x.textContent?.trim())
          .some((x) => x.scrollWidth > x.clientWidth + 1),
      );
      expect({ kind: await kind.innerText(), cut }).toEqual({ kind: await kind.innerText(), cut: false });
    }
    // 签字 is required and says so before she presses 提交评分.
    const sign = page.getByTestId('score-sign');
    if (await sign.isVisible()) {
      await page.getByTestId('score-sign-hint').waitFor();
      expect(await page.getByTestId('score-sign-hint').innerText()).toContain('必须勾选');
    }
  });

  it('the header scope box names her unit while the org tree is still loading, never an id', {
    timeout: JOURNEY,
  }, async () => {
    const context = await newContext(browser, phone);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // A slow network: the org tree answers only after the header has been looked at.
    await context.route(/\/api\/v1\/org\/tree/, async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    const slow = await context.newPage();
    await signIn(slow, 'village');
    const scope = slow.getByTestId('org-scope');
    await eventually(() => scope.innerText()).toBe('东岭村妇联');
    release();
    await context.close();
  });

  const drawers: [string, string, string][] = [
    ['巡查登记', '/activities/patrols', 'patrol-create'],
    ['阵地', '/org/sites', 'site-create'],
    ['网格', '/org/grids', 'grid-create'],
    ['任职', '/people/roles', 'role-term-create'],
    ['人员', '/people/persons', 'person-create'],
    ['志愿服务队', '/people/teams', 'team-create'],
    ['活动', '/activities', 'activity-create'],
  ];
  for (const [what, path, create] of drawers) {
    it(`${what}: the new-record drawer`, { timeout: JOURNEY }, async () => {
      await page.goto(`${baseUrl()}${path}`);
      await page.getByTestId(create).click();
      const drawer = page.locator('.ant-drawer-content-wrapper');
      await drawer.locator('form').waitFor();
      // The drawer slides in from the right: measure it once it is in place.
      await eventually(async () => (await drawer.boundingBox())?.x).toBe(0);
      await expectFits(page, '.ant-drawer-content-wrapper', create);
    });
  }
});

/** Issue 14 point 6: on her phone the town chair drills from 统计分析 to her own records and exports them. */
describe.skipIf(!hasChromium())('drill-down serves her', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the town's own records are a named bar; a drilled row opens its record; the list exports", {
    timeout: JOURNEY,
  }, async () => {
    const context = await newContext(browser, { ...phone, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, 'town');
    await page.goto(`${baseUrl()}/reports/stats`);
    // By 下级单位: the town's own records are 青石镇妇联直接登记, a row that opens them.
    const own = page.locator('[data-testid=stats-row][data-group=direct]');
    await eventually(() => own.innerText()).toContain('青石镇妇联直接登记');
    const count = Number(await own.getByTestId('stats-value').innerText());
    expect(count).toBeGreaterThan(0);
    await own.getByTestId('stats-value').click();
    const drill = page.getByTestId('stats-drill');
    await eventually(() => drill.getByText(`共 ${count} 条`).count()).toBe(1);
    const rows = drill.getByTestId('stats-drill-row');
    await eventually(() => rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allInnerTexts()) expect(text).toContain('青石镇妇联');
    // Each record says its type.
    expect(await rows.first().getByTestId('stats-drill-type').innerText()).not.toBe('');
    await shot(page, 'phone-stats-drill-own');

    // The list as .xlsx: the same records.
    const xlsx = await downloadFrom(page, drill.getByTestId('stats-drill-export'));
    expect(xlsx.suggestedFilename()).toMatch(/明细.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await xlsx.path());
    expect(book.worksheets[0].actualRowCount - 1).toBe(count);

    // A tap anywhere on a row opens the record in its ledger.
    const first = (await rows.first().innerText()).split('\n')[0];
    await rows.first().locator('.bbt-drill-meta').click();
    await page.waitForURL((url) => url.pathname === '/activities');
    await page.getByTestId('activity-detail-title').filter({ hasText: first }).waitFor();

    // 再下一级: what the town and its villages recorded themselves is a named, clickable row too.
    await page.goto(`${baseUrl()}/reports/stats`);
    await page.getByTestId('stats-level').getByText('再下一级').click();
    const above = page.locator('[data-testid=stats-row][data-group=direct]');
    await eventually(() => above.innerText()).toContain('青石镇妇联及下级单位直接登记');
    await above.getByTestId('stats-value').click();
    await eventually(() =>
      page.getByTestId('stats-drill').getByTestId('stats-drill-row').count(),
    ).toBeGreaterThan(0);
    await context.close();
  });
});

/** Issue 14 "Other:": on a phone the count cards wrap inside the screen and 操作日志 is not cut at its edge. */
describe.skipIf(!hasChromium())('ledger pages fit 390 px', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Every box of `selector` that is on the page lies within the screen's width. */
  const offScreen = (page: Page, selector: string) =>
    page.evaluate(
      ({ selector, width }) =>
        [...document.querySelectorAll(selector)]
          .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 16), r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.left < -0.5 || r.right > width + 0.5))
          .map(({ text, r }) => `"${text}" at x ${Math.round(r.left)}…${Math.round(r.right)}`),
      { selector, width: WIDTH },
    );

  it('count cards wrap within the screen on 任职, 阵地, 一户一档', { timeout: JOURNEY }, async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await signIn(page, 'county');
    for (const path of ['/people/roles', '/org/sites', '/courtyards/households']) {
      await page.goto(`${baseUrl()}${path}`);
      await eventually(() => page.locator('.bbt-count-card').count()).toBeGreaterThan(3);
      await shot(page, `phone-counts${path.replaceAll('/', '-')}`);
      expect({ path, off: await offScreen(page, '.bbt-count-card') }).toEqual({ path, off: [] });
    }
    await context.close();
  });

  it("the village's own 季报 is her own row, not 暂无数据 above 合计", { timeout: JOURNEY }, async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await signIn(page, 'village');
    await page.goto(`${baseUrl()}/reports/definitions`);
    const table = page.getByTestId('report-table');
    const own = table.locator('[data-testid=report-row][data-unit="东岭村妇联"]');
    await eventually(() => own.count()).toBe(1);
    expect(await table.getByText('暂无数据').count()).toBe(0);
    // Her row is her figures: the same as the 合计 row.
    const cells = await own.getByTestId('report-cell').allInnerTexts();
    expect(cells).toEqual(await table.getByTestId('report-total').allInnerTexts());
    await shot(page, 'phone-village-report');
    await context.close();
  });

  it('操作日志 fits the phone: each entry whole on the screen', { timeout: JOURNEY }, async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await signIn(page, 'county');
    await page.goto(`${baseUrl()}/audit`);
    const entries = '[data-testid=audit-cards], [data-testid=audit-table] tbody td';
    await eventually(() => page.locator(entries).count()).toBeGreaterThan(0);
    await shot(page, 'phone-audit');
    expect(await offScreen(page, entries)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await context.close();
  });
});
