import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { features } from '../src/web/app/features';
import { baseUrl, desktop, hasChromium, JOURNEY, launch, newContext, shot, signIn } from './support';

/**
 * Issue 14: English mode is complete. Every page of the menu, in English, shows no Chinese outside user
 * data. User data is what the API returns under the keys records keep people's words in (names, titles,
 * addresses, notes …): a Chinese run on the page is allowed only inside such a value.
 */
const DATA_KEYS = new Set([
  'name',
  'names',
  'orgUnitName',
  'unitName',
  'townName',
  'villageName',
  'parentName',
  'displayName',
  'actorName',
  'updatedByName',
  'createdByName',
  'headName',
  'maskedName',
  'personName',
  'contactName',
  'leaderName',
  'chairName',
  'title',
  'address',
  'houseNumber',
  'note',
  'notes',
  'remark',
  'reason',
  'problems',
  'topic',
  'location',
  'place',
  'speaker',
  'organizer',
  'entityLabel',
  'filename',
  'groupName',
  'gridName',
  'siteName',
  'teamName',
  'campaignName',
  'typeName',
  'tags',
  'position',
  'employer',
  'householdLabel',
  'area',
  'problem',
  'members',
  'memberName',
  // A household's label is its address (户主 + 门牌): people's words.
  'label',
  // The new ledgers' own words: a credit rule's item and a good's unit, an honour's title as the county
  // named it and its nominee, what women raised with an executive member, a student's school and family.
  'item',
  'unit',
  'titleName',
  'noticeName',
  'matters',
  'description',
  'school',
  'grade',
  'familySituation',
]);

/** The language switch names the other language in its own script; 半 is the logo. */
const BRAND = new Set(['中文', '半']);

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]+/g;

const seenKeys = new Map<string, string>();
const collectData = (value: unknown, key: string | null, out: Set<string>) => {
  if (typeof value === 'string') {
    if (key && DATA_KEYS.has(key)) out.add(value);
    else if (key && process.env.EN_DEBUG) seenKeys.set(value, key);
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) collectData(v, key, out);
    return;
  }
  if (value && typeof value === 'object') {
    // A bilingual label ({ zh, en }) is the app's words, not data: only its English is shown.
    if ('zh' in value && 'en' in value) return;
    for (const [k, v] of Object.entries(value)) collectData(v, k, out);
  }
};

const pages = features
  .flatMap((f) => f.routes)
  .filter((r) => !r.isHidden && !r.path.includes(':'))
  .map((r) => r.path);

const untranslated = async (page: Page, data: Set<string>) => {
  const text = await page.locator('body').innerText();
  // A list of names is joined with 、 in Chinese and with commas in English: each name is checked alone.
  const runs = [...new Set((text.match(CJK) ?? []).flatMap((run) => run.split(/[、，]/)).filter(Boolean))];
  const corpus = [...data];
  return runs.filter((run) => !BRAND.has(run) && !corpus.some((d) => d.includes(run)));
};

describe.skipIf(!hasChromium())('English mode', { timeout: JOURNEY * 2 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('every menu page of the town, in English, shows no Chinese outside user data', async () => {
    const context = await newContext(browser, desktop);
    const page = await context.newPage();
    await signIn(page, 'town');
    await page.evaluate(() => window.localStorage.setItem('bbt.lang', 'en'));
    const data = new Set<string>();
    const reading: Promise<void>[] = [];
    page.on('response', (res: Response) => {
      if (!res.url().includes('/api/') || !(res.headers()['content-type'] ?? '').includes('json')) return;
      reading.push(
        res
          .json()
          .then((body: unknown) => collectData(body, null, data))
          .catch(() => undefined),
      );
    });
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(`${baseUrl()}${path}`);
      await page.locator('.ant-layout-content').waitFor();
      await page.waitForLoadState('networkidle');
      // Lists and charts settle after their data: give them a moment, then read the page.
      await page.waitForTimeout(300);
      await Promise.all(reading);
      const left = await untranslated(page, data);
      if (left.length && process.env.EN_DEBUG)
        for (const run of left.slice(0, 12))
          console.log(
            path,
            run,
            '←',
            [...seenKeys].find(([v]) => v.includes(run))?.[1] ?? '(not in any response)',
          );
      if (left.length) {
        found.push(`${path}: ${left.slice(0, 12).join(' | ')}`);
        await shot(page, `english${path.replaceAll('/', '-') || '-home'}`);
      }
    }
    expect(found, 'Chinese left in English mode').toEqual([]);
    await context.close();
  });
});
