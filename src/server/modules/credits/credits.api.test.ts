import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../kernel/db/ids';
import { shanghaiToday } from '../../kernel/time/calendar';
import { call, createTestApp, login, type Session, seedOrg, TEST_PASSWORD } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let village: Session;
let villageA2: Session;
let county: Session;
let cadre: Session;
let keeper: Session;
const hh: Record<string, string> = {};
const rule: Record<string, string> = {};
let storeId: string;
let storeA2: string;
const year = String(Number(shanghaiToday().slice(0, 4)) - 1);
const day = (md: string) => `${year}-${md}`;
const api = '/api/v1/credits';

const q1 = async (text: string, params: unknown[] = []) => (await t.db.$client.query(text, params)).rows[0];
const balanceOf = async (householdId: string) =>
  Number(
    (await q1('select balance from credit_accounts where household_id = $1', [householdId]))?.balance ?? 0,
  );
const txCount = async () => Number((await q1('select count(*) from credit_transactions')).count);

const household = async (s: Session, unit: string, address: string, head?: string) => {
  const res = await call(t.app, s, 'POST', '/api/v1/people/households', {
    orgUnitId: org.units[unit].id,
    address,
    houseNumber: `${Object.keys(hh).length + 1}号`,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (head) {
    const p = await call(t.app, s, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units[unit].id,
      name: head,
      householdId: id,
      relationToHead: 'head',
    });
    expect(p.statusCode, p.body).toBe(201);
  }
  return id;
};

const newRule = async (s: Session, body: Record<string, unknown>) => {
  const res = await call(t.app, s, 'POST', `${api}/rules`, {
    orgUnitId: org.units.townA.id,
    validFrom: day('01-01'),
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

const award = (s: Session, body: Record<string, unknown>) => call(t.app, s, 'POST', `${api}/awards`, body);

const user = async (username: string, unit: string, role: string) => {
  const res = await call(t.app, town, 'POST', '/api/v1/users', {
    username,
    displayName: username,
    orgUnitId: org.units[unit].id,
    role,
    password: TEST_PASSWORD,
  });
  expect(res.statusCode, res.body).toBe(201);
  return login(t.app, username);
};

const site = async (s: Session, unit: string, name: string) => {
  const res = await call(t.app, s, 'POST', '/api/v1/org/sites', {
    orgUnitId: org.units[unit].id,
    kind: 'creditStore',
    name,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

const good = async (name: string, pointsPrice: number, stock: number, store = storeId) => {
  const res = await call(t.app, keeper, 'POST', `${api}/goods`, {
    storeId: store,
    name,
    unit: '袋',
    pointsPrice,
    unitValueFen: 1200,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (stock > 0) {
    const s = await call(t.app, keeper, 'POST', `${api}/stock-in`, {
      goodId: id,
      source: 'bought',
      quantity: stock,
      occurredOn: day('01-05'),
    });
    expect(s.statusCode, s.body).toBe(201);
  }
  return id;
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  town = await login(t.app, 'townA');
  village = await login(t.app, 'villageA1');
  villageA2 = await login(t.app, 'villageA2');
  cadre = await user('cadreA1', 'villageA1', 'cadre');
  keeper = await user('keeperA1', 'villageA1', 'storeKeeper');
  hh.wang = await household(village, 'villageA1', '甲一村东街', '王秀英');
  hh.li = await household(village, 'villageA1', '甲一村西街', '李春花');
  hh.zhao = await household(village, 'villageA1', '甲一村南街', '赵红梅');
  hh.other = await household(villageA2, 'villageA2', '甲二村北街', '张桂兰');
  rule.clean = await newRule(town, { item: '庭院整洁、垃圾分类', category: 'environment', points: 5 });
  rule.mediate = await newRule(town, {
    item: '调解婆媳矛盾',
    category: 'mediation',
    points: 100,
    isVariable: true,
    isEvidenceRequired: true,
  });
  rule.fight = await newRule(town, { item: '邻里闹矛盾', category: 'negativeList', points: -10 });
  rule.volunteer = await newRule(county, {
    orgUnitId: org.units.county.id,
    item: '志愿服务4小时',
    category: 'volunteer',
    points: 1,
    capPoints: 3,
    capPeriod: 'month',
  });
  rule.old = await newRule(town, {
    item: '旧细则：参加会议',
    category: 'villageRules',
    points: 2,
    validTo: day('03-31'),
  });
  rule.review = await newRule(town, {
    item: '好媳妇评议',
    category: 'familyVirtue',
    points: 20,
    needsReview: true,
  });
  storeId = await site(village, 'villageA1', '甲一村巾帼信用超市');
  storeA2 = await site(villageA2, 'villageA2', '甲二村巾帼信用超市');
});
afterAll(() => t.close());

describe('credit rules', () => {
  it('a village reads the catalogue in force for her (her town’s and county’s), not the expired rule', async () => {
    const res = await call(t.app, village, 'GET', `${api}/rules?inForceOn=${day('06-01')}&pageSize=200`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items.map((r: { item: string }) => r.item);
    expect(items).toContain('志愿服务4小时');
    expect(items).toContain('庭院整洁、垃圾分类');
    expect(items).not.toContain('旧细则：参加会议');
    const march = (
      await call(t.app, village, 'GET', `${api}/rules?inForceOn=${day('03-01')}&pageSize=200`)
    ).json();
    expect(march.items.map((r: { item: string }) => r.item)).toContain('旧细则：参加会议');
  });

  it('a village sets no rule; a rule is owned by a county or town, and a village cannot change the town’s', async () => {
    const own = await call(t.app, village, 'POST', `${api}/rules`, {
      orgUnitId: org.units.villageA1.id,
      item: '自定细则',
      category: 'other',
      points: 1,
      validFrom: day('01-01'),
    });
    expect(own.statusCode).toBe(403);
    const onVillage = await call(t.app, town, 'POST', `${api}/rules`, {
      orgUnitId: org.units.villageA1.id,
      item: '给村定的细则',
      category: 'other',
      points: 1,
      validFrom: day('01-01'),
    });
    expect(onVillage.statusCode).toBe(400);
    expect(onVillage.json().error.message).toContain('县或乡镇妇联制定');
    const negative = await call(t.app, town, 'POST', `${api}/rules`, {
      orgUnitId: org.units.townA.id,
      item: '负面清单加分',
      category: 'negativeList',
      points: 5,
      validFrom: day('01-01'),
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.message).toContain('负面清单的积分须为负数');
  });
});

describe('awards and deductions', () => {
  it('an award to one household opens her account, moves the balance and is audited in the same transaction', async () => {
    const id = uuidv7();
    const res = await award(village, {
      ruleId: rule.clean,
      occurredOn: day('04-02'),
      entries: [{ id, householdId: hh.wang }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items[0]).toMatchObject({
      id,
      points: 5,
      status: 'confirmed',
      balanceAfter: 5,
      kind: 'award',
    });
    expect(await balanceOf(hh.wang)).toBe(5);
    const audit = await q1(
      `select count(*)::int as n from audit_log where module = 'credits' and entity_id = $1 and action = 'award'`,
      [id],
    );
    expect(audit.n).toBe(1);
    const opened = await q1(
      `select count(*)::int as n from audit_log where module = 'credits' and action = 'open'`,
    );
    expect(opened.n).toBe(1);
    // A retry with the same client id answers with the saved entry: no second award.
    const again = await award(village, {
      ruleId: rule.clean,
      occurredOn: day('04-02'),
      entries: [{ id, householdId: hh.wang }],
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().items[0].id).toBe(id);
    expect(await balanceOf(hh.wang)).toBe(5);
    // The same id for another household is a clash, nothing written.
    const clash = await award(village, {
      ruleId: rule.clean,
      occurredOn: day('04-02'),
      entries: [{ id, householdId: hh.li }],
    });
    expect(clash.statusCode).toBe(409);
    expect(await balanceOf(hh.li)).toBe(0);
  });

  it('a list at once is all or nothing: one household outside her village and no entry is written', async () => {
    const before = await txCount();
    const res = await award(village, {
      ruleId: rule.clean,
      occurredOn: day('04-10'),
      entries: [{ householdId: hh.li }, { householdId: hh.other }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不在本辖区');
    expect(await txCount()).toBe(before);
    const single = await award(village, {
      ruleId: rule.clean,
      occurredOn: day('04-10'),
      entries: [{ householdId: hh.other }],
    });
    expect(single.statusCode).toBe(404);
    const ok = await award(village, {
      ruleId: rule.clean,
      occurredOn: day('04-10'),
      entries: [{ householdId: hh.li }, { householdId: hh.zhao }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().created).toBe(2);
    expect(await balanceOf(hh.li)).toBe(5);
    expect(await balanceOf(hh.zhao)).toBe(5);
  });

  it('refuses a rule not in force that day, fractional or wrong-signed points, a missing photo, a future date', async () => {
    const before = await txCount();
    const expired = await award(village, {
      ruleId: rule.old,
      occurredOn: day('05-01'),
      entries: [{ householdId: hh.li }],
    });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.message).toContain('不在有效期内');
    const fraction = await award(village, {
      ruleId: rule.mediate,
      occurredOn: day('05-01'),
      points: 2.5,
      photoId: uuidv7(),
      entries: [{ householdId: hh.li }],
    });
    expect(fraction.statusCode).toBe(400);
    expect(JSON.stringify(fraction.json())).toContain('不能有小数');
    const negative = await award(village, {
      ruleId: rule.mediate,
      occurredOn: day('05-01'),
      points: -5,
      photoId: uuidv7(),
      entries: [{ householdId: hh.li }],
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.message).toContain('只能加分');
    const tooMuch = await award(village, {
      ruleId: rule.mediate,
      occurredOn: day('05-01'),
      points: 150,
      photoId: uuidv7(),
      entries: [{ householdId: hh.li }],
    });
    expect(tooMuch.statusCode).toBe(400);
    const fixed = await award(village, {
      ruleId: rule.clean,
      occurredOn: day('05-01'),
      points: 4,
      entries: [{ householdId: hh.li }],
    });
    expect(fixed.statusCode).toBe(400);
    expect(fixed.json().error.message).toContain('分值固定');
    const noPhoto = await award(village, {
      ruleId: rule.mediate,
      occurredOn: day('05-01'),
      points: 80,
      entries: [{ householdId: hh.li }],
    });
    expect(noPhoto.statusCode).toBe(400);
    expect(noPhoto.json().error.message).toContain('佐证照片');
    const future = await award(village, {
      ruleId: rule.clean,
      occurredOn: `${Number(year) + 2}-01-01`,
      entries: [{ householdId: hh.li }],
    });
    expect(future.statusCode).toBe(400);
    expect(await txCount()).toBe(before);
    const partial = await award(village, {
      ruleId: rule.mediate,
      occurredOn: day('05-01'),
      points: 80,
      photoId: uuidv7(),
      entries: [{ householdId: hh.li }],
    });
    expect(partial.statusCode, partial.body).toBe(201);
    expect(await balanceOf(hh.li)).toBe(85);
  });

  it('holds a rule’s cap per month', async () => {
    const give = () =>
      award(village, {
        ruleId: rule.volunteer,
        occurredOn: day('06-03'),
        entries: [{ householdId: hh.zhao }],
      });
    for (let n = 0; n < 3; n++) expect((await give()).statusCode).toBe(201);
    const fourth = await give();
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().error.message).toContain('每月最多3分');
    const nextMonth = await award(village, {
      ruleId: rule.volunteer,
      occurredOn: day('07-03'),
      entries: [{ householdId: hh.zhao }],
    });
    expect(nextMonth.statusCode).toBe(201);
    expect(await balanceOf(hh.zhao)).toBe(9);
  });

  it('a deduction needs a reason, stays pending, and counts only once a second person confirms it', async () => {
    const noReason = await award(village, {
      ruleId: rule.fight,
      occurredOn: day('05-05'),
      entries: [{ householdId: hh.wang }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('扣分须说明原因');
    const res = await award(village, {
      ruleId: rule.fight,
      occurredOn: day('05-05'),
      reason: '5月5日与邻居争吵',
      entries: [{ householdId: hh.wang }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const entry = res.json().items[0];
    expect(entry).toMatchObject({ status: 'pending', points: -10, kind: 'deduction', balanceAfter: null });
    expect(await balanceOf(hh.wang)).toBe(5);
    const self = await call(t.app, village, 'POST', `${api}/transactions/${entry.id}/confirm`, {
      version: entry.version,
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toContain('另一位干部确认');
    // 5 points left, 10 to take: the balance never goes below zero.
    const short = await call(t.app, cadre, 'POST', `${api}/transactions/${entry.id}/confirm`, {
      version: entry.version,
    });
    expect(short.statusCode).toBe(409);
    expect(short.json().error.message).toContain('积分余额不足');
    await award(village, {
      ruleId: rule.clean,
      occurredOn: day('05-06'),
      entries: [{ householdId: hh.wang }],
    });
    const ok = await call(t.app, cadre, 'POST', `${api}/transactions/${entry.id}/confirm`, {
      version: entry.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'confirmed', balanceAfter: 0, confirmedByName: 'cadreA1' });
    expect(await balanceOf(hh.wang)).toBe(0);
    const twice = await call(t.app, cadre, 'POST', `${api}/transactions/${entry.id}/confirm`, {
      version: ok.json().version,
    });
    expect(twice.statusCode).toBe(409);
  });

  it('an award waiting for 评议/公示 is pending until confirmed, and a rejected one never counts', async () => {
    const res = await award(village, {
      ruleId: rule.review,
      occurredOn: day('05-10'),
      entries: [{ householdId: hh.zhao }, { householdId: hh.li }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const [a, b] = res.json().items;
    expect(a.status).toBe('pending');
    const before = await balanceOf(hh.zhao);
    const ok = await call(t.app, village, 'POST', `${api}/transactions/${a.id}/confirm`, {
      version: a.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await balanceOf(hh.zhao)).toBe(before + 20);
    const liBefore = await balanceOf(hh.li);
    const no = await call(t.app, village, 'POST', `${api}/transactions/${b.id}/reject`, {
      version: b.version,
      reason: '评议未通过',
    });
    expect(no.statusCode, no.body).toBe(200);
    expect(no.json().status).toBe('rejected');
    expect(await balanceOf(hh.li)).toBe(liBefore);
  });

  it('a correction is a reversal entry, never an edit; the original stays and cannot be reversed twice', async () => {
    const res = await award(village, {
      ruleId: rule.clean,
      occurredOn: day('05-20'),
      entries: [{ householdId: hh.li }],
    });
    const entry = res.json().items[0];
    const before = await balanceOf(hh.li);
    const rev = await call(t.app, village, 'POST', `${api}/transactions/${entry.id}/reverse`, {
      reason: '登记错户',
    });
    expect(rev.statusCode, rev.body).toBe(201);
    expect(rev.json()).toMatchObject({ kind: 'reversal', points: -5, reversalOf: entry.id });
    expect(await balanceOf(hh.li)).toBe(before - 5);
    const original = (await call(t.app, village, 'GET', `${api}/transactions/${entry.id}`)).json();
    expect(original).toMatchObject({ points: 5, status: 'confirmed' });
    const again = await call(t.app, village, 'POST', `${api}/transactions/${entry.id}/reverse`, {
      reason: '再冲一次',
    });
    expect(again.statusCode).toBe(409);
    // No route edits or deletes an entry.
    const del = await call(t.app, village, 'DELETE', `${api}/transactions/${entry.id}?version=1`);
    expect(del.statusCode).toBe(404);
  });

  it('the household lookup finds by name, pinyin and 门牌号 within her village only', async () => {
    const byName = (
      await call(t.app, village, 'GET', `${api}/households?q=${encodeURIComponent('春花')}`)
    ).json();
    expect(byName.items.map((h: { householdId: string }) => h.householdId)).toEqual([hh.li]);
    const byPinyin = (await call(t.app, village, 'GET', `${api}/households?q=wxy`)).json();
    expect(byPinyin.items.map((h: { householdId: string }) => h.householdId)).toEqual([hh.wang]);
    const foreign = (
      await call(t.app, village, 'GET', `${api}/households?q=${encodeURIComponent('张桂兰')}`)
    ).json();
    expect(foreign.items).toEqual([]);
    const history = (
      await call(t.app, village, 'GET', `${api}/transactions?householdId=${hh.wang}&pageSize=50`)
    ).json();
    expect(history.total).toBeGreaterThanOrEqual(3);
  });
});

describe('the credit store', () => {
  let soap: string;
  it('a store keeper stocks goods of her store but awards nothing and sees no other village’s store', async () => {
    soap = await good('洗衣粉', 12, 3);
    const donated = await call(t.app, keeper, 'POST', `${api}/stock-in`, {
      goodId: soap,
      source: 'donated',
      quantity: 2,
      occurredOn: day('02-01'),
    });
    expect(donated.statusCode).toBe(400);
    expect(JSON.stringify(donated.json())).toContain('捐赠单位或个人');
    const ok = await call(t.app, keeper, 'POST', `${api}/stock-in`, {
      goodId: soap,
      source: 'donated',
      quantity: 2,
      donor: '区法院妇委会',
      valueFen: 2400,
      occurredOn: day('02-01'),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().stock).toBe(5);
    const awardIt = await award(keeper, {
      ruleId: rule.clean,
      occurredOn: day('05-01'),
      entries: [{ householdId: hh.li }],
    });
    expect(awardIt.statusCode).toBe(403);
    const other = await call(t.app, keeper, 'POST', `${api}/goods`, {
      storeId: storeA2,
      name: '越权',
      unit: '个',
      pointsPrice: 1,
    });
    expect(other.statusCode).toBe(404);
  });

  it('a redemption checks balance and stock in one transaction; a retry returns the same redemption', async () => {
    const id = uuidv7();
    const before = await balanceOf(hh.li);
    const res = await call(t.app, keeper, 'POST', `${api}/redemptions`, {
      id,
      storeId,
      householdId: hh.li,
      lines: [{ goodId: soap, quantity: 2 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      totalPoints: 24,
      balanceAfter: before - 24,
      householdLabel: '李*花（2号）',
    });
    const again = await call(t.app, keeper, 'POST', `${api}/redemptions`, {
      id,
      storeId,
      householdId: hh.li,
      lines: [{ goodId: soap, quantity: 2 }],
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(id);
    expect(await balanceOf(hh.li)).toBe(before - 24);
    expect(Number((await q1('select stock from credit_goods where id = $1', [soap])).stock)).toBe(3);
    const moves = await q1(`select count(*)::int as n from credit_stock_moves where redemption_id = $1`, [
      id,
    ]);
    expect(moves.n).toBe(1);
    const audit = await q1(
      `select count(*)::int as n from audit_log where entity_id = $1 and action = 'redeem'`,
      [id],
    );
    expect(audit.n).toBe(1);
  });

  it('over balance, over stock, a household of another village: 409/404 and nothing written', async () => {
    const before = await txCount();
    const stock = Number((await q1('select stock from credit_goods where id = $1', [soap])).stock);
    const over = await call(t.app, keeper, 'POST', `${api}/redemptions`, {
      id: uuidv7(),
      storeId,
      householdId: hh.wang,
      lines: [{ goodId: soap, quantity: 1 }],
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toContain('积分余额不足');
    const overStock = await call(t.app, keeper, 'POST', `${api}/redemptions`, {
      id: uuidv7(),
      storeId,
      householdId: hh.li,
      lines: [{ goodId: soap, quantity: stock + 1 }],
    });
    expect(overStock.statusCode).toBe(409);
    expect(overStock.json().error.message).toContain('库存不足');
    const foreign = await call(t.app, keeper, 'POST', `${api}/redemptions`, {
      id: uuidv7(),
      storeId,
      householdId: hh.other,
      lines: [{ goodId: soap, quantity: 1 }],
    });
    expect(foreign.statusCode).toBe(404);
    expect(await txCount()).toBe(before);
    expect(Number((await q1('select stock from credit_goods where id = $1', [soap])).stock)).toBe(stock);
  });

  it('50 concurrent redemptions against one balance: exactly the affordable ones succeed, the rest 409', async () => {
    const hid = await household(village, 'villageA1', '甲一村并发户');
    const fiveRule = await newRule(town, { item: '并发测试加分', category: 'other', points: 100 });
    expect(
      (await award(village, { ruleId: fiveRule, occurredOn: day('06-01'), entries: [{ householdId: hid }] }))
        .statusCode,
    ).toBe(201);
    const pen = await good('笔记本', 10, 500);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        call(t.app, keeper, 'POST', `${api}/redemptions`, {
          id: uuidv7(),
          storeId,
          householdId: hid,
          lines: [{ goodId: pen, quantity: 1 }],
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(40);
    expect(await balanceOf(hid)).toBe(0);
    expect(Number((await q1('select stock from credit_goods where id = $1', [pen])).stock)).toBe(490);
  });

  it('50 concurrent redemptions of one last item by 50 households: one succeeds, stock never below zero', async () => {
    const rich = await newRule(town, { item: '并发测试加分二', category: 'other', points: 50 });
    const ids: string[] = [];
    for (let n = 0; n < 50; n++) ids.push(await household(village, 'villageA1', `甲一村末件户${n}`));
    const res = await award(village, {
      ruleId: rich,
      occurredOn: day('06-02'),
      entries: ids.map((householdId) => ({ householdId })),
    });
    expect(res.statusCode, res.body).toBe(201);
    const last = await good('花生油', 40, 1);
    const results = await Promise.all(
      ids.map((householdId) =>
        call(t.app, keeper, 'POST', `${api}/redemptions`, {
          id: uuidv7(),
          storeId,
          householdId,
          lines: [{ goodId: last, quantity: 1 }],
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    expect(Number((await q1('select stock from credit_goods where id = $1', [last])).stock)).toBe(0);
    const spent = await q1(
      `select count(*)::int as n from credit_accounts where household_id = any($1::uuid[]) and balance = 10`,
      [ids],
    );
    expect(spent.n).toBe(1);
  });

  it('a stocktake records differences with their reasons and sets the stock', async () => {
    const stock = Number((await q1('select stock from credit_goods where id = $1', [soap])).stock);
    const noReason = await call(t.app, keeper, 'POST', `${api}/stocktakes`, {
      storeId,
      countedOn: day('06-30'),
      lines: [{ goodId: soap, counted: stock - 1 }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('请说明差异原因');
    const ok = await call(t.app, keeper, 'POST', `${api}/stocktakes`, {
      storeId,
      countedOn: day('06-30'),
      lines: [{ goodId: soap, counted: stock - 1, reason: '受潮损坏1袋' }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().lines[0]).toMatchObject({ expected: stock, counted: stock - 1, difference: -1 });
    expect(Number((await q1('select stock from credit_goods where id = $1', [soap])).stock)).toBe(stock - 1);
    const stores = (await call(t.app, village, 'GET', `${api}/stores`)).json();
    expect(stores.items[0]).toMatchObject({ name: '甲一村巾帼信用超市', lastStocktakeOn: day('06-30') });
  });

  it('the balance never went negative and equals the sum of counted entries for every account', async () => {
    const drift = await q1(`select count(*)::int as n from credit_accounts a where a.balance <> coalesce((
      select sum(points) from credit_transactions t where t.account_id = a.id and t.status = 'confirmed'), 0)`);
    expect(drift.n).toBe(0);
    await expect(
      t.db.$client.query('update credit_accounts set balance = -1 where household_id = $1', [hh.wang]),
    ).rejects.toThrow(/credit_accounts_balance_nonnegative/);
  });

  it('indicators: earned by category, redeemed, redemptions and households equal counts done here', async () => {
    const q = `from=${year}-01-01&to=${shanghaiToday()}`;
    const get = async (key: string, extra = '') =>
      (await call(t.app, town, 'GET', `/api/v1/indicators/${key}/values?${q}${extra}`)).json();
    const earned = await get('credits.earned', '&groupBy=category');
    const { rows } =
      await t.db.$client.query(`select category, sum(points)::int as n from credit_transactions t
      where kind = 'award' and status = 'confirmed' and not exists (select 1 from credit_transactions r where r.reversal_of = t.id)
      group by category`);
    expect(
      Object.fromEntries(earned.rows.map((r: { group: string; value: number }) => [r.group, r.value])),
    ).toEqual(Object.fromEntries(rows.map((r: { category: string; n: number }) => [r.category, r.n])));
    const redemptions = await q1(
      'select count(*)::int as n, count(distinct household_id)::int as h, sum(total_points)::int as p from credit_redemptions',
    );
    expect((await get('credits.redemptions')).total).toBe(redemptions.n);
    expect((await get('credits.households')).total).toBe(redemptions.h);
    expect((await get('credits.redeemed')).total).toBe(redemptions.p);
    expect((await get('credits.stores')).total).toBe(2);
    expect((await get('credits.deducted')).total).toBe(10);
  });

  it('the annual summary writes a credits paragraph whose figures trace to the credits indicators', async () => {
    const thisYear = Number(shanghaiToday().slice(0, 4));
    const res = await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', {
      kind: 'annual',
      year: thisYear,
    });
    expect(res.statusCode, res.body).toBe(200);
    const section = res.json().content.sections.find((x: { key: string }) => x.key === 'credits');
    expect(section).toBeTruthy();
    type R = { kind: string; text?: string; display?: string; indicatorKey?: string; value?: number };
    const runs: R[] = section.paragraphs.flatMap((p: { runs: R[] }) => p.runs);
    const text = runs.map((r) => (r.kind === 'text' ? r.text : r.display)).join('');
    const redemptions = Number((await q1('select count(*)::int as n from credit_redemptions')).n);
    expect(text).toContain('建成巾帼信用超市2个');
    expect(text).toContain(`兑换${redemptions}次`);
    const figure = runs.find((r) => r.indicatorKey === 'credits.redemptions');
    expect(figure?.value).toBe(redemptions);
  });
});

describe('automatic awards from the monthly courtyard ratings', () => {
  it('awards each qualifying rating once, is idempotent, and reverses an award whose rating was deleted', async () => {
    const ruleId = await newRule(town, { item: '美丽庭院月度评分达标', category: 'environment', points: 10 });
    const month = `${year}-08`;
    const inspect = async (householdId: string, score: number) =>
      (
        await t.db.$client.query(
          `insert into courtyard_inspections (id, org_unit_id, org_path, household_id, rubric_id, kind, inspected_on, month, total_score)
           values (gen_random_uuid(), $1, $2, $3, gen_random_uuid(), 'monthly', $4, $5, $6) returning id`,
          [org.units.villageA1.id, org.units.villageA1.path, householdId, `${month}-15`, month, score],
        )
      ).rows[0].id as string;
    const good = await inspect(hh.wang, 95);
    await inspect(hh.li, 80);
    await inspect(hh.other, 99);
    const before = { wang: await balanceOf(hh.wang), li: await balanceOf(hh.li) };
    const run = () =>
      call(t.app, village, 'POST', `${api}/auto-awards`, {
        ruleId,
        source: 'courtyardRating',
        month,
        minScore: 90,
      });
    const first = await run();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 1, reversed: 0, notReversed: 0 });
    expect(await balanceOf(hh.wang)).toBe(before.wang + 10);
    expect(await balanceOf(hh.li)).toBe(before.li);
    const entry = await q1('select source_id, balance_after from credit_transactions where rule_id = $1', [
      ruleId,
    ]);
    expect(entry).toEqual({ source_id: good, balance_after: before.wang + 10 });
    expect((await run()).json()).toEqual({ created: 0, reversed: 0, notReversed: 0 });
    await t.db.$client.query('update courtyard_inspections set deleted_at = now() where id = $1', [good]);
    expect((await run()).json()).toEqual({ created: 0, reversed: 1, notReversed: 0 });
    expect(await balanceOf(hh.wang)).toBe(before.wang);
    expect((await run()).json()).toEqual({ created: 0, reversed: 0, notReversed: 0 });
  });
});
