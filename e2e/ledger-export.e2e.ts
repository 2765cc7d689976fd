import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  desktop,
  downloadFrom,
  eventually,
  hasChromium,
  JOURNEY,
  launch,
  newContext,
  signIn,
} from './support';

/** A ledger's 导出 gives what its list shows: the filters travel with the export link. */
describe.skipIf(!hasChromium())('ledger export journey', { timeout: JOURNEY }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the town chair searches 阵地 for a name and exports just those sites', async () => {
    const context = await newContext(browser, { ...desktop, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, 'town');
    const all = (await (await page.request.get(`${baseUrl()}/api/v1/org/sites?pageSize=100`)).json()) as {
      items: { name: string }[];
      total: number;
    };
    expect(all.total).toBeGreaterThan(2);
    // A word of the first site's name that not every site shares.
    const word = [...all.items[0].name].slice(0, 2).join('');
    const matching = all.items.filter((s) => s.name.includes(word));
    expect(matching.length).toBeLessThan(all.total);

    await page.goto(`${baseUrl()}/org/sites`);
    await page.getByLabel('关键字').fill(word);
    await page.getByLabel('关键字').press('Enter');
    await eventually(async () =>
      new URL(
        String(await page.getByTestId('sites-export').getAttribute('href')),
        baseUrl(),
      ).searchParams.get('q'),
    ).toBe(word);

    const download = await downloadFrom(page, page.getByTestId('sites-export'));
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    let headerRow = 1;
    while (headerRow < 10 && !(sheet.getRow(headerRow).values as unknown[]).includes('阵地名称')) headerRow++;
    const nameCol = (sheet.getRow(headerRow).values as unknown[]).indexOf('阵地名称');
    const names: string[] = [];
    for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
      const v = sheet.getRow(r).getCell(nameCol).value;
      if (v) names.push(String(v));
    }
    expect(names.sort()).toEqual(matching.map((s) => s.name).sort());
    await context.close();
  });
});
