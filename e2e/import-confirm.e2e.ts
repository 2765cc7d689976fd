import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharOf } from '../src/contracts/common/id-number';
import type { OrgTreeNode } from '../src/contracts/org';
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

// Issue 15 (imports): the rehearsal shows the date ages are counted from (and she may change it), and a
// county import that would move a person registered in another town is confirmed with a checkbox first.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const first17 = '33990119890101876';
const ID = first17 + checkCharOf(first17);
const NAME = '迁移测试人';

const csrfOf = async (page: Page): Promise<string> => {
  const me = await page.request.get(`${baseUrl()}/api/v1/auth/me`);
  return ((await me.json()) as { csrfToken: string }).csrfToken;
};

/** Two villages of two different towns of the demo county. */
const villagesOfTwoTowns = async (page: Page) => {
  const tree = (await (await page.request.get(`${baseUrl()}/api/v1/org/tree`)).json()) as {
    items: OrgTreeNode[];
  };
  const towns = tree.items.filter((u) => u.kind === 'town' || u.kind === 'street');
  const villageOf = (townId: string) =>
    tree.items.find((u) => u.parentId === townId && (u.kind === 'village' || u.kind === 'community'));
  const [a, b] = towns.filter((t) => villageOf(t.id));
  return { from: villageOf(a.id) as OrgTreeNode, to: villageOf(b.id) as OrgTreeNode };
};

const sheetFor = async (village: string) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员信息');
  ws.addRow(['姓名', '身份证号码', '所属村（社区）', '统计日期']);
  ws.addRow([NAME, ID, village, '2024-12-31']);
  ws.addRow(['周岁测试人', '', village, '2024-12-31']);
  ws.getRow(1).getCell(5).value = '年龄';
  ws.getRow(3).getCell(5).value = '35周岁';
  return Buffer.from(await wb.xlsx.writeBuffer());
};

const openWizardAndUpload = async (page: Page, buffer: Buffer) => {
  await page.goto(`${baseUrl()}/people/persons`);
  await page.getByTestId('person-import').click();
  await page.getByTestId('import-next').click();
  await page
    .getByTestId('import-upload')
    .locator('input[type=file]')
    .setInputFiles({ name: '全县人员.xlsx', mimeType: XLSX, buffer });
  await page.getByTestId('import-preview').waitFor();
};

describe.skipIf(!hasChromium())(
  'import rehearsal: reference date and confirmed moves',
  { timeout: JOURNEY },
  () => {
    let browser: Awaited<ReturnType<typeof launch>>;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('on a phone: the date ages count from is shown and changed, the move is confirmed, then imported', async () => {
      const context = await newContext(browser, phone);
      const page = await context.newPage();
      await signIn(page, 'county');
      const { from, to } = await villagesOfTwoTowns(page);
      const created = await page.request.post(`${baseUrl()}/api/v1/people/persons`, {
        headers: { 'x-csrf-token': await csrfOf(page) },
        data: { orgUnitId: from.id, name: NAME, idNumber: ID },
      });
      expect(created.status(), await created.text()).toBe(201);

      await openWizardAndUpload(page, await sheetFor(to.name));
      const date = page.getByTestId('import-reference-date');
      expect(await date.inputValue()).toBe('2024-12-31');
      expect(await page.getByTestId('import-preview').innerText()).toContain('统计日期');
      const warnings = page.getByTestId('import-warnings');
      expect(await warnings.innerText()).toContain(`${NAME}登记在`);
      expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
      await shot(page, 'import-preview-moves-phone');

      // Another date: the file is rehearsed again with it.
      await date.fill('2023-12-31');
      await eventually(() => page.getByTestId('import-preview').innerText()).toContain('按您设定的日期');
      expect(await page.getByTestId('import-reference-date').inputValue()).toBe('2023-12-31');

      await page.getByTestId('import-allow-moves').click();
      await page.getByTestId('import-confirm').click();
      expect(await page.getByTestId('import-result').getAttribute('data-status')).toBe('succeeded');
      await shot(page, 'import-moves-succeeded-phone');
      const found = (await (
        await page.request.get(`${baseUrl()}/api/v1/people/persons?q=${encodeURIComponent(NAME)}`)
      ).json()) as { items: { orgUnitId: string }[] };
      expect(found.items.map((p) => p.orgUnitId)).toEqual([to.id]);
      await context.close();
    });

    it('on a desktop the rehearsal shows the same', async () => {
      const context = await newContext(browser, desktop);
      const page = await context.newPage();
      await signIn(page, 'county');
      const { from } = await villagesOfTwoTowns(page);
      // She is now in the other town: importing her into the first town again asks once more.
      await openWizardAndUpload(page, await sheetFor(from.name));
      expect(await page.getByTestId('import-warnings').innerText()).toContain(`${NAME}登记在`);
      await shot(page, 'import-preview-moves-desktop');
      await context.close();
    });
  },
);
