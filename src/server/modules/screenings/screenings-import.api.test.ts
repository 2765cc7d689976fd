import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../kernel/db/ids';
import { shanghaiToday } from '../../kernel/time/calendar';
import { call, createTestApp, login, type Session, seedOrg, uploadFile } from '../../test/test-app';
import { idNumberOf } from './screenings.fixtures';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
const year = Number(shanghaiToday().slice(0, 4)) - 1;
const header = [
  '姓名',
  '身份证号码',
  '所属村（社区）',
  '筛查年度',
  '人员类别',
  '动员日期',
  '知情同意日期',
  '筛查日期',
  '筛查机构',
  '筛查结果',
  '随访情况',
];
type Cell = string | number | null;
const wangId = idNumberOf(`${year - 50}0315`);

/** The round as a town keeps it: title row, then a woman a row. */
const roundRows = (): Cell[][] => [
  [
    '王秀英',
    wangId,
    '甲一村',
    year,
    '农村妇女',
    `${year}-04-10`,
    `${year}-04-12`,
    `${year}-05-08`,
    '县妇幼保健院',
    '需进一步检查',
    '已通知复查',
  ],
  ['李春花', null, '甲一村', `${year}年度`, '农村妇女', `${year}-04-10`, null, null, null, null, null],
  [
    '张桂兰',
    null,
    '甲二村',
    year,
    '城镇低保妇女',
    `${year}-04-11`,
    `${year}-04-11`,
    `${year}-05-09`,
    '县妇幼保健院',
    '未见异常',
    null,
  ],
];

const workbook = async (rows: Cell[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('两癌筛查');
  ws.addRow([`甲镇${year}年度两癌筛查台账`]);
  ws.mergeCells('A1:K1');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

const importFile = async (s: Session, file: Buffer) => {
  const res = await uploadFile(t.app, s, '/api/v1/screenings/import?wait=1', file, '两癌筛查.xlsx');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const saved = async () =>
  (
    await t.db.$client.query(
      `select p.name, s.programme_year as year, s.category, s.result, s.follow_up_note as note
       from cancer_screenings s join persons p on p.id = s.person_id where s.deleted_at is null order by p.name`,
    )
  ).rows;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  const add = async (unit: string, name: string, extra: Record<string, unknown>) => {
    const res = await call(t.app, town, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units[unit].id,
      name,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  await add('villageA1', '王秀英', { idNumber: wangId });
  await add('villageA1', '李春花', { gender: 'female', birthDate: `${year - 40}-07-01` });
  await add('villageA2', '张桂兰', { gender: 'female', birthDate: `${year - 45}-06-06` });
  await add('villageA1', '赵小妹', { gender: 'female', birthDate: `${year - 30}-01-01` });
  await add('villageA1', '孙大伟', { gender: 'male', birthDate: `${year - 45}-01-01` });
  // A cadre: no right to see full personal data, so her export masks names.
  await t.db.$client.query(
    `insert into users (id, username, display_name, role, org_unit_id, password_hash)
     select $1, 'cadreA', '甲镇干部', 'cadre', org_unit_id, password_hash from users where username = 'townA'`,
    [uuidv7()],
  );
});
afterAll(() => t.close());

describe('two-cancer screenings from Excel', () => {
  it('refuses the whole sheet when a woman is unknown, out of the band, a man, or a row breaks a rule', async () => {
    const cells = await importFile(
      town,
      await workbook([
        ...roundRows(),
        [
          '李春花',
          null,
          '甲一村',
          year + 1,
          '农村妇女',
          `${year}-04-10`,
          null,
          `${year}-05-01`,
          null,
          '未见异常',
          null,
        ],
        ['李春花', null, '甲一村', year + 2, '农民', `${year}-04-10`, null, null, null, null, null],
        ['李春花', null, '甲一村', year + 3, '其他', '2999-01-01', null, null, null, null, null],
      ]),
    );
    expect(cells.status).toBe('failed');
    const rowIssues = (r: { issues: { row: number; column: string; message: string }[] }) =>
      r.issues.map((i) => [i.row, i.column, i.message]);
    expect(rowIssues(cells)).toEqual(
      expect.arrayContaining([
        [6, '筛查结果', '请先登记知情同意日期和筛查日期，再填写筛查结果'],
        [7, '人员类别', expect.stringContaining('不在可选范围内')],
        [8, '动员日期', '日期不能晚于今天'],
      ]),
    );
    const people = await importFile(
      town,
      await workbook([
        ...roundRows(),
        ['不存在', null, '甲一村', year, '农村妇女', `${year}-04-10`, null, null, null, null, null],
        ['赵小妹', null, '甲一村', year, '农村妇女', `${year}-04-10`, null, null, null, null, null],
        ['孙大伟', null, '甲一村', year, '农村妇女', `${year}-04-10`, null, null, null, null, null],
      ]),
    );
    expect(people.status).toBe('failed');
    expect(rowIssues(people)).toEqual([
      [6, '姓名', expect.stringContaining('找不到该妇女')],
      [7, '姓名', `该妇女${year}年为30岁，不在两癌筛查适龄范围（35—64岁）内`],
      [8, '姓名', expect.stringContaining('须为女性')],
    ]);
    expect(await saved()).toEqual([]);
  });

  it('imports the round (women matched in their village), and the same sheet again changes nothing', async () => {
    const first = await importFile(town, await workbook(roundRows()));
    expect(first.status, JSON.stringify(first.issues)).toBe('succeeded');
    expect(first.counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(await saved()).toEqual([
      { name: '张桂兰', year, category: 'urbanLowIncome', result: 'normal', note: null },
      { name: '李春花', year, category: 'rural', result: null, note: null },
      { name: '王秀英', year, category: 'rural', result: 'followUp', note: '已通知复查' },
    ]);
    const again = await importFile(town, await workbook(roundRows()));
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const rows = roundRows();
    rows[1][6] = `${year}-04-15`;
    rows[1][7] = `${year}-05-20`;
    rows[1][9] = '未见异常';
    const third = await importFile(town, await workbook(rows));
    expect(third.counts).toEqual({ created: 0, updated: 1, unchanged: 2 });
    const { rows: audits } = await t.db.$client.query(
      `select entity_label from audit_log where entity_type = 'cancerScreening' and action = 'create' order by entity_label`,
    );
    expect(audits.map((a: { entity_label: string }) => a.entity_label)).toEqual([
      `张*兰 ${year}年度两癌筛查`,
      `李*花 ${year}年度两癌筛查`,
      `王*英 ${year}年度两癌筛查`,
    ]);
  });

  it('exports (each record read-audited), names masked for a cadre, and the export imports back unchanged', async () => {
    const readsBefore = (
      await t.db.$client.query(
        `select count(*)::int as n from audit_log where action = 'read' and entity_type = 'cancerScreening'`,
      )
    ).rows[0].n;
    const full = await call(t.app, town, 'GET', `/api/v1/screenings/export?programmeYear=${year}`);
    expect(full.statusCode).toBe(200);
    const readsAfter = (
      await t.db.$client.query(
        `select count(*)::int as n from audit_log where action = 'read' and entity_type = 'cancerScreening'`,
      )
    ).rows[0].n;
    expect(readsAfter - readsBefore).toBe(3);
    const back = await importFile(town, full.rawPayload);
    expect(back.status, JSON.stringify(back.issues)).toBe('succeeded');
    expect(back.counts).toEqual({ created: 0, updated: 0, unchanged: 3 });

    const cadre = await login(t.app, 'cadreA');
    const masked = await call(t.app, cadre, 'GET', '/api/v1/screenings/export?result=followUp');
    expect(masked.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(masked.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => {
      cells.push((row.values as unknown[]).slice(1, 4).join('|'));
    });
    expect(cells.join('\n')).toContain('王*英');
    expect(cells.join('\n')).not.toContain('王秀英');
  });
});
