import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../kernel/auth/password';
import { users } from '../../kernel/auth/users.table';
import { uuidv7 } from '../../kernel/db/ids';
import { shanghaiToday } from '../../kernel/time/calendar';
import {
  call,
  createTestApp,
  login,
  type Session,
  seedOrg,
  TEST_PASSWORD,
  uploadFile,
} from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
const month = shanghaiToday().slice(0, 7);
const header = ['排查月份', '所属村（社区）', '姓名', '风险等级', '研判理由', '转介去向', '排查日期'];
type Cell = string | number | null;

const workbook = async (rows: Cell[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('排查');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const importFile = async (s: Session, rows: Cell[][]) => {
  const res = await uploadFile(
    t.app,
    s,
    '/api/v1/care/screenings/import?wait=1',
    await workbook(rows),
    '排查.xlsx',
  );
  return res;
};
const screenings = async () =>
  (await t.db.$client.query('select month, risk, reason, referral_to from care_screenings order by risk'))
    .rows;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  for (const [unit, name, category] of [
    ['villageA1', '王秀英', 'leftBehindWoman'],
    ['villageA1', '李春花', 'conflictFamily'],
    ['villageA2', '张桂兰', 'singleParent'],
  ]) {
    const p = await call(t.app, town, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units[unit].id,
      name,
    });
    const k = await call(t.app, town, 'POST', '/api/v1/care/key-people', {
      orgUnitId: org.units[unit].id,
      personId: p.json().id,
      category,
    });
    expect(k.statusCode, k.body).toBe(201);
  }
});
afterAll(() => t.close());

describe('screening ledger from Excel', () => {
  it('refuses the whole sheet on one bad row (unknown person, red without referral), writing nothing', async () => {
    const res = await importFile(town, [
      [month, '甲一村', '王秀英', '绿', null, null, null],
      [month, '甲一村', '李春花', '红色', '夫妻冲突', null, null],
      [month, '甲一村', '赵无名', '黄', '收入不稳', null, null],
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json();
    expect(job.status).toBe('failed');
    expect(job.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [3, '转介去向'],
    ]);
    const people = await importFile(town, [[month, '甲一村', '赵无名', '黄', '收入不稳', null, null]]);
    expect(people.json().issues[0].message).toContain('没有在册的重点人员');
    expect(await screenings()).toEqual([]);
  });

  it('imports the month; the same sheet again changes nothing; a changed colour updates', async () => {
    const rows: Cell[][] = [
      [month, '甲一村', '王秀英', '绿色', null, null, null],
      [month, '甲一村', '李春花', '红', '夫妻冲突升级', '公安派出所', null],
      [month, '甲二村', '张桂兰', '黄色（关注）', '独自抚养两个孩子', null, null],
    ];
    const first = await importFile(town, rows);
    expect(first.json().status, first.body).toBe('succeeded');
    expect(first.json().counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const again = await importFile(town, rows);
    expect(again.json().counts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    rows[0][3] = '黄';
    rows[0][4] = '丈夫外出务工';
    const changed = await importFile(town, rows);
    expect(changed.json().counts).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect((await screenings()).map((s) => s.risk).sort()).toEqual(['red', 'yellow', 'yellow']);
  });

  it('exports with care.export only; an executive member (no care.export) is refused', async () => {
    const res = await call(t.app, town, 'GET', '/api/v1/care/screenings/export');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => {
      row.eachCell((c) => {
        cells.push(String(c.value));
      });
    });
    expect(cells).toContain('李春花');
    expect(cells).toContain('公安派出所');
    await t.db.insert(users).values({
      id: uuidv7(),
      username: 'zhiweiA1',
      displayName: '甲一村执委',
      role: 'executiveMember',
      orgUnitId: org.units.villageA1.id,
      passwordHash: await hashPassword(TEST_PASSWORD),
    });
    const member = await login(t.app, 'zhiweiA1');
    expect((await call(t.app, member, 'GET', '/api/v1/care/screenings/export')).statusCode).toBe(403);
    expect((await call(t.app, member, 'GET', '/api/v1/care/screenings?pageSize=5')).statusCode).toBe(200);
  });
});

describe('mediation ledger from Excel', () => {
  const caseHeader = [
    '受理日期',
    '所属村（社区）',
    '来源',
    '工单编号',
    '答复期限',
    '纠纷类型',
    '当事人',
    '简要案情',
    '调解结果',
    '结案日期',
    '引导途径',
  ];
  const caseBook = async (rows: Cell[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('调解');
    ws.addRow(caseHeader);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const day = shanghaiToday();
  const upload = async (rows: Cell[][]) =>
    (
      await uploadFile(t.app, town, '/api/v1/care/cases/import?wait=1', await caseBook(rows), '调解.xlsx')
    ).json();

  it('refuses a hotline row without its ticket and a no-agreement without the other route, then imports', async () => {
    const bad = await upload([
      [day, '甲一村', '12345热线工单', null, null, '婚姻', '王秀英、刘建国', null, null, null, null],
      [day, '甲一村', '来访', null, null, '邻里', '李春花、赵德华', null, '未达成协议', day, null],
    ]);
    expect(bad.status).toBe('failed');
    expect(bad.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [2, '工单编号'],
      [2, '答复期限'],
      [3, '引导途径'],
    ]);
    expect(
      Number((await t.db.$client.query('select count(*) from care_mediation_cases')).rows[0].count),
    ).toBe(0);
    const rows: Cell[][] = [
      [day, '甲一村', '12345热线工单', 'GD-9', day, '婚姻', '王秀英、刘建国', null, null, null, null],
      [day, '甲二村', '来访', null, null, '婆媳', '张桂兰、孙桂芝', '赡养分歧', '达成协议', day, null],
    ];
    const ok = await upload(rows);
    expect(ok.status, JSON.stringify(ok.issues)).toBe('succeeded');
    expect(ok.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect((await upload(rows)).counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const list = await call(t.app, town, 'GET', '/api/v1/care/cases?caseStatus=closed');
    expect(list.json().items).toEqual([
      expect.objectContaining({ outcome: 'agreement', disputeType: 'inLaws', isMasked: true }),
    ]);
    const exported = await call(t.app, town, 'GET', '/api/v1/care/cases/export');
    expect(exported.statusCode).toBe(200);
  });
});
