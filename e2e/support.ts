import { mkdirSync } from 'node:fs';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Download,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterEach, expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'Banbiantian2026';
export const hasChromium = () => inject('chromiumPath') !== '';
export const baseUrl = () => inject('baseUrl');

export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: inject('chromiumPath'),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

/**
 * How long a journey waits for what the user should see: a text, a row, a message, a URL, a download.
 * Generous, so a loaded 2-core machine does not fail a journey; a wait ends as soon as its condition holds,
 * so a quick machine is not slowed. No journey sleeps a fixed time.
 */
export const WAIT = 30_000;

/** A journey's time: room for several full WAITs, so a slow step fails on its own wait, with its own message. */
export const JOURNEY = 180_000;

const openContexts = new Set<BrowserContext>();

/**
 * When a journey fails, what each open page showed: its address and the start of its text go to the log (all
 * a CI run keeps), and a screenshot to `screenshots/failed-*.png` — a flake under load is read from these.
 */
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  let n = 0;
  for (const context of openContexts) {
    for (const page of context.pages()) {
      n += 1;
      try {
        const text = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').slice(0, 600));
        console.error(`[failed: ${task.name}] page ${n} ${page.url()}\n  ${text}`);
        mkdirSync('screenshots', { recursive: true });
        await page.screenshot({ path: `screenshots/failed-${task.id}-${n}.png`, timeout: 5_000 });
      } catch (error) {
        console.error(`[failed: ${task.name}] page ${n} ${page.url()} could not be read: ${String(error)}`);
      }
    }
  }
});

/** A browser context whose every Playwright wait (click, fill, waitFor, waitForURL, waitForEvent) allows WAIT. */
export const newContext = async (
  browser: Browser,
  options: BrowserContextOptions,
): Promise<BrowserContext> => {
  const context = await browser.newContext(options);
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  context.setDefaultTimeout(WAIT);
  context.setDefaultNavigationTimeout(WAIT);
  return context;
};

/**
 * expect.poll that allows WAIT: vitest's own default gives up after 1 s. Use it for what has no Playwright
 * wait of its own: a count, a text that changes, a value read in the page.
 */
export const eventually: typeof expect.poll = (fn, options) => expect.poll(fn, { timeout: WAIT, ...options });

/**
 * Picks an option of an antd Select as a person does, and returns its text: opens the select, waits for
 * its own list (found through the combobox's aria-controls, so another select's list still fading out is
 * never used) to show options and for the select to stop loading, clicks the option (the first, or the
 * one with `text`, which must be one only), and waits until the select shows it. On a loaded machine a
 * click can land while the list is still opening and be lost; then, as a person would, it opens the
 * list and clicks again (three tries).
 */
export const pickOption = async (page: Page, select: Locator, text?: string): Promise<string> => {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const combobox = select.getByRole('combobox');
    // The click that opens the list can be lost too (a notice fading out over the field, a busy
    // machine): a list that does not open is opened again, as a person would tap again.
    try {
      await eventually(() => combobox.getAttribute('aria-controls'), {
        timeout: attempt < 3 ? 5_000 : WAIT,
      }).toBeTruthy();
    } catch (e) {
      if (attempt >= 3) throw e;
      continue;
    }
    const listId = await combobox.getAttribute('aria-controls');
    const options = page
      .locator('.ant-select-dropdown')
      .filter({ has: page.locator(`[id="${listId}"]`) })
      .locator('.ant-select-item-option');
    await eventually(() => select.locator('.anticon-loading').count()).toBe(0);
    const option = text ? options.filter({ hasText: text }) : options.first();
    const chosen = (await option.innerText()).trim();
    await option.click();
    try {
      await eventually(() => select.innerText(), { timeout: attempt < 3 ? 5_000 : WAIT }).toContain(chosen);
      return chosen;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
};

/**
 * Clicks what starts a download and returns the download. A click lost on a loaded machine (the dialog
 * still opening) is repeated, as a person would, up to three times; the last try waits the full WAIT.
 */
export const downloadFrom = async (page: Page, trigger: Locator): Promise<Download> => {
  for (let attempt = 1; ; attempt++) {
    const timeout = attempt < 3 ? 10_000 : WAIT;
    try {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout }), trigger.click()]);
      return download;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
};

/**
 * Opens a page from the side menu as a person does — the group, then its entry — and waits for its
 * address. A click lost while the group is still unfolding on a loaded machine is repeated (three tries).
 */
export const openFromMenu = async (page: Page, group: string, entry: string, pathname: string) => {
  for (let attempt = 1; ; attempt++) {
    const item = page.getByTestId(entry);
    if (!(await item.isVisible())) await page.getByTestId(group).click();
    await item.click();
    try {
      await page.waitForURL((url) => url.pathname === pathname, { timeout: attempt < 3 ? 10_000 : WAIT });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
};

export const desktop = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' } as const;
export const phone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
} as const;

/** Signs in through the login page as a demo user and waits for the app shell. */
export const signIn = async (page: Page, username: string) => {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  try {
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  } catch (e) {
    // Say what the page said (a refused sign-in shows an alert) and keep a picture of it.
    const said = await page
      .getByRole('alert')
      .allTextContents()
      .catch(() => []);
    await shot(page, `sign-in-failed-${username}`).catch(() => undefined);
    throw new Error(`sign-in as ${username} stayed on /login: ${said.join(' | ') || 'no message'} (${e})`);
  }
};

/** Screenshots land in screenshots/ (git-ignored) for a person to look at. */
export const shot = async (page: Page, name: string) => {
  mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: false });
};
