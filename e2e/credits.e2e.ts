import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

type Household = { householdId: string; headName: string | null; address: string; balance: number };

/** Issue 16: a village cadre awards points on her phone; the store keeper redeems them at the counter. */
describe.skipIf(!hasChromium())('credit points and the credit store', { timeout: JOURNEY }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('积分登记 on a phone: pick a household and a rule, the balance moves', async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await signIn(page, 'village');
    const hits = (await (await page.request.get(`${baseUrl()}/api/v1/credits/households`)).json())
      .items as Household[];
    const target = hits.find((h) => h.headName) as Household;
    await page.goto(`${baseUrl()}/credits/accounts?award=1`);
    const drawer = page.getByTestId('credit-award-form');
    await drawer.waitFor();
    const households = page.getByTestId('credit-award-households');
    await households.click();
    await page.keyboard.type(target.headName as string);
    const option = page.locator('.ant-select-item-option').filter({ hasText: target.address }).first();
    await option.click();
    await eventually(() => households.innerText()).toContain(target.headName as string);
    await page.keyboard.press('Escape');
    await pickOption(page, page.getByTestId('credit-award-rule'), '垃圾分类投放到位');
    await shot(page, 'credits-award-phone');
    await page.getByTestId('credit-award-form-submit').click();
    await eventually(() => page.locator('.ant-message').innerText()).toContain('已登记1户');
    const after = (
      await (
        await page.request.get(
          `${baseUrl()}/api/v1/credits/households?q=${encodeURIComponent(target.headName as string)}`,
        )
      ).json()
    ).items as Household[];
    expect(after.find((h) => h.householdId === target.householdId)?.balance).toBe(target.balance + 3);
    await context.close();
  });

  it('超市兑换 at the counter on a phone: find the household, fill the basket, confirm, a masked receipt', async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await signIn(page, 'keeper');
    const rich = (
      await (await page.request.get(`${baseUrl()}/api/v1/credits/accounts?sort=-balance&pageSize=1`)).json()
    ).items[0] as { householdId: string; headName: string; balance: number };
    await page.goto(`${baseUrl()}/credits/counter`);
    await page.getByTestId('credit-counter-search').locator('input').fill(rich.headName);
    await page.getByTestId('credit-counter-hit').first().click();
    await eventually(() => page.getByTestId('credit-counter-balance').innerText()).toContain(
      String(rich.balance),
    );
    await page.getByTestId('credit-counter-add').first().click();
    await eventually(() => page.getByTestId('credit-counter-total').innerText()).not.toContain('合计：0分');
    await shot(page, 'credits-counter-phone');
    await page.getByTestId('credit-counter-redeem').click();
    await page.getByTestId('credit-counter-ok').click();
    await page.waitForURL((url) => url.pathname.startsWith('/credits/receipt/'));
    const receipt = page.getByTestId('credit-receipt');
    await receipt.waitFor();
    const label = await page.getByTestId('credit-receipt-household').innerText();
    expect(label).toContain('*');
    expect(label).not.toContain(rich.headName);
    await shot(page, 'credits-receipt-phone');
    const total = Number(await page.getByTestId('credit-receipt-total').innerText());
    const after = (
      await (await page.request.get(`${baseUrl()}/api/v1/credits/accounts?sort=-balance&pageSize=200`)).json()
    ).items as { householdId: string; balance: number }[];
    expect(after.find((a) => a.householdId === rich.householdId)?.balance).toBe(rich.balance - total);
    await context.close();
  });
});
