import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../kernel/db/ids';
import { call, createTestApp, login, multipartOf, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let county: Session;
let town: Session;
let village: Session;
let villageA2: Session;
let driveId: string;
let studentId: string;
const base = '/api/v1/donations';
const year = '2025';

const drive = async (s: Session, unit: string, name: string) => {
  const res = await call(t.app, s, 'POST', `${base}/drives`, {
    orgUnitId: org.units[unit].id,
    name,
    purpose: 'studentAid',
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    targetFen: 5_000_000,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

const donate = (s: Session, id: string, amountFen: number, extra: Record<string, unknown> = {}) =>
  call(t.app, s, 'POST', `${base}/donations`, {
    driveId: id,
    donorName: '爱心企业甲',
    donorKind: 'organisation',
    kind: 'money',
    amountFen,
    method: 'bankTransfer',
    receivedOn: `${year}-03-01`,
    ...extra,
  });

const disburse = (s: Session, body: Record<string, unknown>) =>
  call(t.app, s, 'POST', `${base}/disbursements`, { submittedOn: `${year}-04-01`, ...body });

const driveRow = async (id: string) =>
  (await t.db.$client.query('select * from fundraising_drives where id = $1', [id])).rows[0];
const count = async (table: string) =>
  Number((await t.db.$client.query(`select count(*) from ${table}`)).rows[0].count);

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  county = await login(t.app, 'county');
  town = await login(t.app, 'townA');
  village = await login(t.app, 'villageA1');
  villageA2 = await login(t.app, 'villageA2');
  driveId = await drive(town, 'townA', '春蕾助学');
  const student = await call(t.app, village, 'POST', `${base}/beneficiaries`, {
    orgUnitId: org.units.villageA1.id,
    name: '王小花',
    kind: 'student',
    birthDate: '2014-05-01',
    school: '甲镇中心小学',
    grade: '五年级',
    familySituation: '单亲，母亲务农',
  });
  expect(student.statusCode, student.body).toBe(201);
  studentId = student.json().id;
});
afterAll(() => t.close());

describe('drives and donations', () => {
  it('a money donation adds to the balance; the receipt writes the amount in words', async () => {
    const res = await donate(town, driveId, 100_000, { receiptNo: 'CL-001' });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = await call(t.app, town, 'GET', `${base}/donations/${res.json().id}/receipt`);
    expect(receipt.json()).toMatchObject({
      amountYuan: '1,000.00',
      amountInWords: '壹仟元整',
      receiptNo: 'CL-001',
    });
    const d = await driveRow(driveId);
    expect(Number(d.balance_fen)).toBe(100_000);
    expect(Number(d.raised_fen)).toBe(100_000);
    const audit = await t.db.$client.query(
      "select count(*) from audit_log where entity_type = 'donation' and entity_id = $1",
      [res.json().id],
    );
    expect(Number(audit.rows[0].count)).toBe(1);
  });

  it('refuses bad money and dates with zh-CN messages, writing nothing', async () => {
    const before = await count('donations');
    const fractional = await donate(town, driveId, 100.5);
    expect(fractional.statusCode).toBe(400);
    expect(fractional.body).toContain('金额最小单位为分');
    const negative = await donate(town, driveId, -100);
    expect(negative.body).toContain('金额不能为负数');
    const outside = await donate(town, driveId, 100, { receivedOn: '2024-12-31' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toContain('须在募捐活动期间');
    const dup = await donate(town, driveId, 100, { receiptNo: 'CL-001' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.message).toContain('收据编号');
    expect(await count('donations')).toBe(before);
    expect(Number((await driveRow(driveId)).balance_fen)).toBe(100_000);
  });

  it('a village sees its town’s drive but records no donation to it', async () => {
    const list = await call(t.app, village, 'GET', `${base}/drives`);
    expect(list.json().items.map((d: { id: string }) => d.id)).toContain(driveId);
    const res = await donate(village, driveId, 100);
    expect(res.statusCode).toBe(403);
  });
});

describe('disbursements', () => {
  it('go village → town → owner → paid, in order only, each step audited', async () => {
    const res = await disburse(village, {
      driveId,
      beneficiaryId: studentId,
      amountFen: 40_000,
      purpose: '春季学期助学金',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect(Number((await driveRow(driveId)).balance_fen)).toBe(60_000);
    // Out of order: paying before approval.
    const early = await call(t.app, town, 'POST', `${base}/disbursements/${id}/steps`, {
      action: 'pay',
      on: `${year}-04-02`,
      paidMethod: 'bankTransfer',
      payer: '李会计',
      version: 1,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('不能发放');
    // A village approves nothing.
    const byVillage = await call(t.app, village, 'POST', `${base}/disbursements/${id}/steps`, {
      action: 'townApprove',
      on: `${year}-04-02`,
      version: 1,
    });
    expect(byVillage.statusCode).toBe(403);
    let v = 1;
    for (const [action, extra] of [
      ['townApprove', {}],
      ['ownerApprove', {}],
      ['pay', { paidMethod: 'bankTransfer', payer: '李会计' }],
    ] as const) {
      const step = await call(t.app, town, 'POST', `${base}/disbursements/${id}/steps`, {
        action,
        on: `${year}-04-0${v + 2}`,
        note: '同意',
        version: v,
        ...extra,
      });
      expect(step.statusCode, step.body).toBe(200);
      v = step.json().version;
    }
    const got = await call(t.app, town, 'GET', `${base}/disbursements/${id}`);
    expect(got.json()).toMatchObject({ status: 'paid', paidOn: `${year}-04-05`, payer: '李会计' });
    expect(got.json().steps.map((s: { action: string }) => s.action)).toEqual([
      'submit',
      'townApprove',
      'ownerApprove',
      'pay',
    ]);
    const audited = await t.db.$client.query(
      "select action from audit_log where entity_type = 'disbursement' and entity_id = $1 and action <> 'read' order by id",
      [id],
    );
    expect(audited.rows.map((r) => r.action)).toEqual(['create', 'townApprove', 'ownerApprove', 'pay']);
    const d = await driveRow(driveId);
    expect([Number(d.balance_fen), Number(d.paid_fen), Number(d.committed_fen)]).toEqual([
      60_000, 40_000, 40_000,
    ]);
  });

  it('a refusal gives the amount back to the balance', async () => {
    const res = await disburse(village, { driveId, beneficiaryId: studentId, amountFen: 10_000 });
    expect(Number((await driveRow(driveId)).balance_fen)).toBe(50_000);
    const step = await call(t.app, town, 'POST', `${base}/disbursements/${res.json().id}/steps`, {
      action: 'reject',
      on: `${year}-04-03`,
      version: 1,
    });
    expect(step.statusCode).toBe(400);
    expect(step.body).toContain('退回时请说明原因');
    const ok = await call(t.app, town, 'POST', `${base}/disbursements/${res.json().id}/steps`, {
      action: 'reject',
      on: `${year}-04-03`,
      note: '已享受其他资助',
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(Number((await driveRow(driveId)).balance_fen)).toBe(60_000);
  });

  it('lists mask a minor’s name; her own record shows it', async () => {
    const list = await call(t.app, town, 'GET', `${base}/disbursements?driveId=${driveId}`);
    expect(list.json().items[0].beneficiaryName).toBe('王*花');
    const people = await call(t.app, town, 'GET', `${base}/beneficiaries`);
    expect(people.json().items[0]).toMatchObject({ name: '王*花', isMinor: true });
    expect((await call(t.app, town, 'GET', `${base}/beneficiaries/${studentId}`)).json().name).toBe('王小花');
  });

  it('50 concurrent disbursements of the last 100 yuan: exactly the balance is given, never below zero', async () => {
    const last = await drive(town, 'townA', '最后一百元');
    expect((await donate(town, last, 10_000)).statusCode).toBe(201);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        disburse(village, { driveId: last, beneficiaryId: studentId, amountFen: 3_000 }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 409)).toHaveLength(47);
    const refused = results.find((r) => r.statusCode === 409);
    expect(refused?.json().error.message).toContain('募捐活动余额不足');
    const d = await driveRow(last);
    expect(Number(d.balance_fen)).toBe(1_000);
    expect(Number(d.committed_fen)).toBe(9_000);
    const saved = await t.db.$client.query('select count(*) from disbursements where drive_id = $1', [last]);
    expect(Number(saved.rows[0].count)).toBe(3);
    // The last 10 yuan: ten racing for it, one gets it, the balance lands on zero.
    const tens = await Promise.all(
      Array.from({ length: 10 }, () =>
        disburse(village, { driveId: last, beneficiaryId: studentId, amountFen: 1_000 }),
      ),
    );
    expect(tens.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(Number((await driveRow(last)).balance_fen)).toBe(0);
  });

  it('a retry with the same client id is applied once (200, same row), concurrently too', async () => {
    const again = await drive(town, 'townA', '重试测试');
    await donate(town, again, 5_000);
    const id = uuidv7();
    const body = { id, driveId: again, beneficiaryId: studentId, amountFen: 2_000 };
    const first = await disburse(village, body);
    expect(first.statusCode, first.body).toBe(201);
    const retries = await Promise.all(Array.from({ length: 5 }, () => disburse(village, body)));
    for (const r of retries) {
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().id).toBe(id);
    }
    expect(Number((await driveRow(again)).balance_fen)).toBe(3_000);
    const clash = await disburse(village, { ...body, amountFen: 2_500 });
    expect(clash.statusCode).toBe(409);
    const raced = uuidv7();
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => disburse(village, { ...body, id: raced, amountFen: 1_000 })),
    );
    expect(racing.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(racing.filter((r) => r.statusCode === 200)).toHaveLength(4);
    expect(Number((await driveRow(again)).balance_fen)).toBe(2_000);
  });

  it('exports the disbursement ledger with minors masked', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `${base}/disbursements/export?driveId=${driveId}`,
      headers: { cookie: town.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => {
      cells.push((row.values as unknown[]).slice(1).join('|'));
    });
    expect(cells.join('\n')).toContain('甲一村妇联|王*花|400.00|春季学期助学金');
    expect(cells.join('\n')).not.toContain('王小花');
  });

  it('a sibling village neither sees nor submits to another village’s beneficiary', async () => {
    const res = await disburse(villageA2, { driveId, beneficiaryId: studentId, amountFen: 100 });
    expect(res.statusCode).toBe(404);
  });
});

describe('reconciliation and 公示', () => {
  it('donations − disbursements = balance, by month', async () => {
    const res = await call(t.app, town, 'GET', `${base}/drives/${driveId}/reconciliation`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.months).toEqual([
      {
        month: `${year}-03`,
        receivedFen: 100_000,
        donationCount: 1,
        paidFen: 0,
        paidCount: 0,
        cashFen: 100_000,
      },
      {
        month: `${year}-04`,
        receivedFen: 0,
        donationCount: 0,
        paidFen: 40_000,
        paidCount: 1,
        cashFen: 60_000,
      },
    ]);
    expect(r).toMatchObject({
      receivedFen: 100_000,
      paidFen: 40_000,
      pendingFen: 0,
      balanceFen: 60_000,
      isBalanced: true,
    });
    // Bare SQL agrees.
    const bare = await t.db.$client.query(
      `select (select coalesce(sum(amount_fen),0) from donations where drive_id = $1 and deleted_at is null and kind = 'money')
        - (select coalesce(sum(amount_fen),0) from disbursements where drive_id = $1 and deleted_at is null and status <> 'rejected') as b`,
      [driveId],
    );
    expect(Number(bare.rows[0].b)).toBe(r.balanceFen);
  });

  it('exports the reconciliation to Excel in yuan, audited', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `${base}/drives/${driveId}/reconciliation/export`,
      headers: { cookie: town.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => {
      cells.push((row.values as unknown[]).slice(1).join('|'));
    });
    expect(cells, cells.join('\n')).toContain(`${year}-04|0.00|0|400.00|1|600.00`);
    expect(cells).toContain('合计|1000.00||400.00||600.00');
    expect(cells).toContain('可用余额|||||600.00');
    const audit = await t.db.$client.query(
      "select count(*) from audit_log where action = 'export' and entity_id = $1",
      [driveId],
    );
    expect(Number(audit.rows[0].count)).toBe(1);
  });

  it('公示 names donors as they chose and masks beneficiaries', async () => {
    await donate(town, driveId, 20_000, { donorName: '张三丰', donorKind: 'person', isAnonymous: true });
    const res = await call(t.app, town, 'GET', `${base}/drives/${driveId}/publicity`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.donations.map((d: { donor: string }) => d.donor)).toEqual(['爱心企业甲', '爱心人士']);
    expect(res.body).not.toContain('张三丰');
    expect(p.disbursements).toEqual([
      {
        beneficiary: '王*花',
        orgUnitName: '甲一村妇联',
        kind: 'student',
        amountFen: 40_000,
        paidOn: `${year}-04-05`,
      },
    ]);
    expect(res.body).not.toContain('王小花');
  });

  it('the indicators count yuan and students', async () => {
    const q = `from=${year}-01-01&to=${year}-12-31&orgUnitId=${org.units.townA.id}`;
    const raised = await call(t.app, town, 'GET', `/api/v1/indicators/donations.raised/values?${q}`);
    expect(raised.json().total).toBe(1_000 + 100 + 50 + 200);
    const paid = await call(t.app, town, 'GET', `/api/v1/indicators/donations.disbursed/values?${q}`);
    expect(paid.json().total).toBe(400);
    const students = await call(
      t.app,
      town,
      'GET',
      `/api/v1/indicators/donations.students/values?${q}&groupBy=beneficiaryKind`,
    );
    expect(students.json().total).toBe(1);
  });
});

describe('two-cancer aid', () => {
  const woman = async (name: string, birthDate: string | undefined, gender = 'female') => {
    const res = await call(t.app, village, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units.villageA1.id,
      name,
      gender,
      ...(birthDate ? { birthDate } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const apply = (personId: string, appliedOn = `${year}-05-10`) =>
    call(t.app, village, 'POST', '/api/v1/cancer-aid', {
      orgUnitId: org.units.villageA1.id,
      personId,
      appliedOn,
      cancerType: 'breast',
      diagnosedOn: `${year}-04-20`,
      hospital: '县人民医院',
      incomeCategory: 'lowIncome',
    });
  const upload = (s: Session, id: string, body: Buffer, name: string, type: string) => {
    const m = multipartOf(name, body, type);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/cancer-aid/${id}/document`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': m.contentType },
      payload: m.body,
    });
  };
  const step = (s: Session, id: string, body: Record<string, unknown>) =>
    call(t.app, s, 'POST', `/api/v1/cancer-aid/${id}/steps`, body);

  it('refuses a woman outside the age band (by birth date on the application day)', async () => {
    const young = await woman('刘青', `${Number(year) - 34}-06-01`);
    const res = await apply(young);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不在救助年龄范围（35至64周岁）');
    const old = await woman('陈老', `${Number(year) - 65}-01-01`);
    expect((await apply(old)).json().error.message).toContain('65周岁');
    const unknown = await woman('无生日', undefined);
    expect((await apply(unknown)).json().error.message).toContain('没有该妇女的出生日期');
  });

  it('goes village → town → county → granted → paid in order, with a document sniffed by its bytes', async () => {
    const id0 = await woman('赵红梅', `${Number(year) - 50}-02-02`);
    const res = await apply(id0);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    // No document yet: submitting is refused.
    const bare = await step(village, id, { action: 'submit', on: `${year}-05-11`, version: 1 });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toContain('诊断证明材料');
    // A text file named .pdf is not a PDF.
    const fake = await upload(
      village,
      id,
      Buffer.from('hello, not a pdf'),
      'diagnosis.pdf',
      'application/pdf',
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message).toContain('PDF');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const ok = await upload(village, id, pdf, 'scan.bin', 'application/octet-stream');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ hasDocument: true, documentType: 'application/pdf' });
    const doc = await call(t.app, town, 'GET', `/api/v1/cancer-aid/${id}/document`);
    expect(doc.headers['content-type']).toBe('application/pdf');
    let v = ok.json().version;
    const submit = await step(village, id, { action: 'submit', on: `${year}-05-11`, version: v });
    expect(submit.statusCode, submit.body).toBe(200);
    v = submit.json().version;
    // Out of order: the county cannot grant what the town has not reviewed.
    const early = await step(county, id, {
      action: 'grant',
      on: `${year}-05-12`,
      note: '符合条件',
      amountFen: 1_000_000,
      fund: 'lottery',
      version: v,
    });
    expect(early.statusCode).toBe(409);
    // The county is not the town.
    expect(
      (await step(county, id, { action: 'townReview', on: `${year}-05-12`, note: '同意', version: v }))
        .statusCode,
    ).toBe(403);
    // A date before the previous step.
    const backdated = await step(town, id, {
      action: 'townReview',
      on: `${year}-05-01`,
      note: '同意',
      version: v,
    });
    expect(backdated.statusCode).toBe(400);
    for (const [s, body] of [
      [town, { action: 'townReview', on: `${year}-05-12`, note: '材料齐全，情况属实' }],
      [county, { action: 'countyReview', on: `${year}-05-20`, note: '经征求民政意见，符合条件' }],
      [
        county,
        { action: 'grant', on: `${year}-06-01`, note: '同意救助', amountFen: 1_000_000, fund: 'lottery' },
      ],
      [county, { action: 'pay', on: `${year}-10-15`, note: '银行转账' }],
    ] as const) {
      const r = await step(s, id, { ...body, version: v });
      expect(r.statusCode, r.body).toBe(200);
      v = r.json().version;
    }
    const got = await call(t.app, village, 'GET', `/api/v1/cancer-aid/${id}`);
    expect(got.json()).toMatchObject({
      status: 'paid',
      amountFen: 1_000_000,
      fund: 'lottery',
      paidOn: `${year}-10-15`,
    });
    const list = await call(t.app, village, 'GET', '/api/v1/cancer-aid');
    expect(list.json().items[0].personName).toBe('赵*梅');
    const q = `from=${year}-01-01&to=${year}-12-31`;
    const amount = await call(
      t.app,
      county,
      'GET',
      `/api/v1/indicators/cancer.aidAmount/values?${q}&groupBy=fund`,
    );
    expect(amount.statusCode, amount.body).toBe(200);
    expect(amount.json().total).toBe(10_000);
    const aided = await call(t.app, county, 'GET', `/api/v1/indicators/cancer.aided/values?${q}`);
    expect(aided.json().total).toBe(1);
    // Once per woman.
    expect((await apply(id0)).statusCode).toBe(409);
  });

  it('an image document is re-encoded; anything else by its bytes is refused', async () => {
    const id0 = await woman('孙丽', `${Number(year) - 40}-02-02`);
    const id = (await apply(id0)).json().id;
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const ok = await upload(village, id, png, 'a.png', 'image/png');
    expect(ok.json().documentType).toBe('image/jpeg');
    const exe = await upload(village, id, Buffer.from('MZ\x90\x00binary'), 'a.jpg', 'image/jpeg');
    expect(exe.statusCode).toBe(415);
  });
});
