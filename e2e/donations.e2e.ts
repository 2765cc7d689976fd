import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
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

type Drive = { id: string; name: string; orgUnitName: string; balanceFen: number };

/** Issue 18 on a phone: a village asks its town's drive for a student's aid; the town approves it and prints a receipt. */
describe.skipIf(!hasChromium())('donations journey', { timeout: JOURNEY }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('village 申报发放 → town 镇审核通过, balance taken once; a donation’s receipt reads 大写', async () => {
    const village = await newContext(browser, phone);
    const vp = await village.newPage();
    await signIn(vp, 'village');
    await vp.goto(`${baseUrl()}/donations`);
    await eventually(() => vp.getByTestId('drive-card').count()).toBeGreaterThan(0);
    await shot(vp, 'donations-drives-phone');
    const drives = (await (await vp.request.get(`${baseUrl()}/api/v1/donations/drives`)).json())
      .items as Drive[];
    const drive = drives.find((d) => d.orgUnitName === '青石镇妇联') as Drive;
    await vp.getByText(drive.name).first().click();
    await eventually(() => vp.getByTestId('drive-title').innerText()).toBe(drive.name);
    await vp.getByTestId('disbursement-create').click();
    const drawer = vp.getByTestId('disbursement-form');
    await drawer.waitFor();
    await pickOption(vp, drawer.getByTestId('disbursement-form-beneficiary'));
    await drawer.getByTestId('disbursement-form-amount').fill('123.4');
    await shot(vp, 'donations-disbursement-form-phone');
    await vp.getByTestId('disbursement-form-submit').click();
    await eventually(async () => {
      const d = (await (
        await vp.request.get(`${baseUrl()}/api/v1/donations/drives/${drive.id}`)
      ).json()) as Drive;
      return drive.balanceFen - d.balanceFen;
    }).toBe(12_340);
    await village.close();

    const town = await newContext(browser, phone);
    const tp = await town.newPage();
    await signIn(tp, 'town');
    await tp.goto(`${baseUrl()}/donations/drive?driveId=${drive.id}`);
    await tp.getByRole('tab', { name: '发放' }).click();
    const row = tp.getByTestId('disbursement-row').filter({ hasText: '123.40' }).first();
    await row.getByTestId('disbursement-townApprove').click();
    await tp.getByTestId('step-note').fill('情况属实，同意');
    await tp.getByTestId('step-submit').click();
    await eventually(() => row.innerText()).toContain('镇已审核');
    await shot(tp, 'donations-approved-phone');

    await tp.getByRole('tab', { name: '捐赠' }).click();
    await tp.getByTestId('donation-create').click();
    const form = tp.getByTestId('donation-form');
    await form.waitFor();
    await form.getByTestId('donation-form-donor').fill('青石镇某爱心人士');
    await form.getByTestId('donation-form-amount').fill('1000.5');
    await tp.getByTestId('donation-form-submit').click();
    const given = tp.getByTestId('donation-row').filter({ hasText: '青石镇某爱心人士' }).first();
    await given.getByTestId('donation-receipt').click();
    await eventually(() => tp.getByTestId('receipt-words').innerText()).toBe('人民币壹仟元伍角整');
    await shot(tp, 'donations-receipt-phone');
    await town.close();
  });
});
