import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharOf } from '../../../contracts/common/id-number';
import type { ImportJob } from '../../../contracts/common/io';
import { ageOn } from '../../kernel/io/cells';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let viewer: Session;

const personsUrl = '/api/v1/people/persons';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid fictional ID number from its first 17 digits (GB 11643 check character appended). */
const idOf = (first17: string) => `${first17}${checkCharOf(first17)}`;

const toFullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Excel's serial day number of a calendar date. */
const excelSerial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

const shanghaiToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

type Cell = ExcelJS.CellValue;

/** An .xlsx with one sheet; `prepare` may put a title or formats above/around the rows. */
const xlsxOf = async (rows: Cell[][], prepare?: (sheet: ExcelJS.Worksheet) => void) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员信息');
  prepare?.(sheet);
  for (const cells of rows) sheet.addRow(cells);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

const loadXlsx = async (payload: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ExcelJS.Buffer);
  return workbook;
};

/** Every row of the first sheet as plain strings (rich text and formulas flattened). */
const sheetTexts = async (payload: Buffer) => {
  const sheet = (await loadXlsx(payload)).worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.value === null || cell.value === undefined ? '' : String(cell.value);
    });
    rows.push(cells);
  });
  return rows;
};

/** A multipart/form-data body holding one file, built byte for byte. */
const multipartOf = (filename: string, content: Buffer, contentType: string) => {
  const boundary = `----bbt${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
};

type UploadOptions = { session?: Session; wait?: boolean; orgUnitId?: string; contentType?: string };

const upload = (file: Buffer, filename: string, opts: UploadOptions = {}) => {
  const session = opts.session ?? town;
  const { body, contentType } = multipartOf(filename, file, opts.contentType ?? XLSX_TYPE);
  const query = new URLSearchParams();
  if (opts.wait !== false) query.set('wait', '1');
  query.set('orgUnitId', opts.orgUnitId ?? org.units.villageA1.id);
  return t.app.inject({
    method: 'POST',
    url: `${personsUrl}/import?${query}`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': contentType },
    payload: body,
  });
};

/** Uploads and waits for the finished job. */
const importFile = async (file: Buffer, filename: string, opts: UploadOptions = {}): Promise<ImportJob> => {
  const res = await upload(file, filename, opts);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const count = async (table: 'persons' | 'households' | 'import_jobs') =>
  Number((await t.db.$client.query(`select count(*) from ${table}`)).rows[0].count);

type PersonDbRow = {
  id: string;
  name: string;
  org_unit_id: string;
  gender: string | null;
  birth_date: string | null;
  approx_birth_year: number | null;
  id_number_masked: string | null;
  phone_masked: string | null;
  household_id: string | null;
  relation_to_head: string | null;
  tags: string[];
  version: number;
};

const personByName = async (name: string) => {
  const { rows } = await t.db.$client.query<PersonDbRow>(
    "select *, to_char(birth_date, 'YYYY-MM-DD') as birth_date from persons where name = $1",
    [name],
  );
  expect(rows, name).toHaveLength(1);
  return rows[0];
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  viewer = await login(t.app, 'viewerA');
});
afterAll(() => t.close());

describe('a. the import template', () => {
  it('has the Chinese headers, a hint row and a drop-down for 性别', async () => {
    const res = await call(t.app, town, 'GET', `${personsUrl}/template`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const sheet = (await loadXlsx(res.rawPayload)).worksheets[0];
    const header = (sheet.getRow(1).values as Cell[]).slice(1);
    expect(header[0]).toBe('姓名*');
    expect(header).toContain('身份证号码');
    expect(header[1]).toBe('性别');
    expect(sheet.getCell('A2').value).toBe('必填，如：张秀华');
    expect(String(sheet.getCell('E2').value)).toContain('15位');
    expect(sheet.getCell('B3').dataValidation).toMatchObject({ type: 'list', formulae: ['"女,男"'] });
  });

  it('filled in from row 3 as it says, the template imports (the hint row is not data)', async () => {
    const res = await call(t.app, town, 'GET', `${personsUrl}/template`);
    const workbook = await loadXlsx(res.rawPayload);
    const sheet = workbook.worksheets[0];
    sheet.getCell('A3').value = '模板填写人';
    sheet.getCell('B3').value = '女';
    sheet.getCell('E3').value = idOf('33010219860606002');
    const before = await count('persons');
    const job = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'template-filled.xlsx');
    expect(job.issues).toEqual([]);
    expect(job).toMatchObject({ status: 'succeeded', counts: { created: 1, updated: 0, unchanged: 0 } });
    expect(await count('persons')).toBe(before + 1);
    expect(await personByName('模板填写人')).toMatchObject({
      org_unit_id: org.units.villageA1.id,
      birth_date: '1986-06-06',
    });
  });

  it('a viewer, who may not import, cannot download it', async () => {
    const res = await call(t.app, viewer, 'GET', `${personsUrl}/template`);
    expect(res.statusCode).toBe(403);
  });
});

// The village ledger as a cadre keeps it: a merged title, an extra 序号 column, messy cells.
const ledgerIds = {
  wang: idOf('33010219850612002'),
  li: idOf('33010219720308004'),
  chen: idOf('33010219901123006'),
  zhao: idOf('33010219680229008'),
  liuOld: '330102560714002',
  zhou: idOf('33010220010101002'),
};
const LEDGER_HEADER = [
  '序号',
  '姓名',
  '性别',
  '出生日期',
  '年龄',
  '身份证号码',
  '联系电话',
  '所属村（社区）',
  '家庭住址',
  '门牌号',
  '与户主关系',
  '人员类别',
  '备注',
];
const ledgerRows = (): Cell[][] => [
  LEDGER_HEADER,
  [
    1,
    '王桂英  ',
    '女',
    new Date(Date.UTC(1985, 5, 12)),
    null,
    ledgerIds.wang,
    '１３８００００１２３４',
    '甲一村',
    '东岭路',
    '1号',
    '户主',
    '留守妇女、低保',
    null,
  ],
  [
    2,
    '李秀兰',
    null,
    excelSerial(1972, 3, 8),
    null,
    `${ledgerIds.li} `,
    '139-0000-5678',
    null,
    '东岭路',
    '1号',
    '父母',
    null,
    '  ',
  ],
  [],
  [null, '   ', null, null, null, null, null, null, null, null, null, null, '\u3000'],
  [
    3,
    '陈玉珍',
    '女',
    '1990.11.23',
    null,
    ledgerIds.chen,
    null,
    '甲一村妇联',
    '西岭路',
    '3号',
    null,
    null,
    null,
  ],
  [
    4,
    '赵美兰',
    null,
    '1968年2月29日',
    null,
    ledgerIds.zhao,
    null,
    '甲二村',
    '南岭路',
    null,
    null,
    '残疾',
    null,
  ],
  [
    5,
    '刘淑芬',
    null,
    null,
    `${ageOn('1956-07-14', shanghaiToday())}周岁`,
    ledgerIds.liuOld,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
  [6, '孙丽娟', '女', null, '35周岁', null, '0571-87654321', null, null, null, null, '单亲', null],
  [7, '周小红', null, null, null, toFullWidth(ledgerIds.zhou), null, '', null, null, null, null, '新迁入'],
];
const LEDGER_PEOPLE = 7;
let ledgerFile: Buffer;

describe('b. importing a real-looking village ledger', () => {
  let job: ImportJob;
  let personsBefore: number;
  let householdsBefore: number;
  let importCreatesBefore: number;

  const importCreates = async () =>
    Number(
      (
        await t.db.$client.query(
          "select count(*) from audit_log where action = 'create' and entity_type = 'person' and after->>'source' = 'import'",
        )
      ).rows[0].count,
    );

  beforeAll(async () => {
    ledgerFile = await xlsxOf(ledgerRows(), (sheet) => {
      sheet.getCell('A1').value = '东岭村妇女信息台账';
      sheet.mergeCells('A1:F1');
      sheet.getColumn(6).numFmt = '@';
    });
    personsBefore = await count('persons');
    householdsBefore = await count('households');
    importCreatesBefore = await importCreates();
    job = await importFile(ledgerFile, '东岭村妇女台账.xlsx');
  });

  it('succeeds and creates every person, skipping the title and the blank rows', async () => {
    expect(job.issues).toEqual([]);
    expect(job).toMatchObject({
      status: 'succeeded',
      ledger: 'persons',
      filename: '东岭村妇女台账.xlsx',
      counts: { created: LEDGER_PEOPLE, updated: 0, unchanged: 0 },
      processed: LEDGER_PEOPLE,
      total: LEDGER_PEOPLE,
      hasReport: false,
      issueCount: 0,
    });
    expect(job.finishedAt).toEqual(expect.any(String));
    expect(await count('persons')).toBe(personsBefore + LEDGER_PEOPLE);
  });

  it('trims names, reads every kind of date and derives what the ID number tells', async () => {
    const wang = await personByName('王桂英');
    expect(wang).toMatchObject({
      birth_date: '1985-06-12',
      gender: 'female',
      phone_masked: '138****1234',
      id_number_masked: `3301**********${ledgerIds.wang.slice(-4)}`,
      relation_to_head: 'head',
      tags: ['留守妇女', '低保'],
    });
    expect((await personByName('李秀兰')).birth_date).toBe('1972-03-08');
    expect((await personByName('陈玉珍')).birth_date).toBe('1990-11-23');
    expect((await personByName('赵美兰')).birth_date).toBe('1968-02-29');
    const liu = await personByName('刘淑芬');
    expect(liu.birth_date).toBe('1956-07-14');
    expect(liu.id_number_masked).toHaveLength(18);
    expect(liu.id_number_masked).toBe(`3301**********${idOf('33010219560714002').slice(-4)}`);
    const sun = await personByName('孙丽娟');
    expect(sun).toMatchObject({
      birth_date: null,
      approx_birth_year: Number(shanghaiToday().slice(0, 4)) - 35,
    });
    expect(sun.phone_masked).toBe('057****4321');
    expect((await personByName('周小红')).id_number_masked).toBe(`3301**********${ledgerIds.zhou.slice(-4)}`);
  });

  it('places each person in the village the sheet names, or in the chosen default', async () => {
    const a1 = org.units.villageA1.id;
    for (const name of ['王桂英', '李秀兰', '陈玉珍', '刘淑芬', '孙丽娟', '周小红'])
      expect((await personByName(name)).org_unit_id, name).toBe(a1);
    expect((await personByName('赵美兰')).org_unit_id).toBe(org.units.villageA2.id);
  });

  it('creates one household per village, address and house number', async () => {
    expect(await count('households')).toBe(householdsBefore + 3);
    const wang = await personByName('王桂英');
    const li = await personByName('李秀兰');
    expect(wang.household_id).not.toBeNull();
    expect(li.household_id).toBe(wang.household_id);
    expect((await personByName('陈玉珍')).household_id).not.toBe(wang.household_id);
    expect((await personByName('孙丽娟')).household_id).toBeNull();
    const res = await call(t.app, town, 'GET', `/api/v1/people/households/${wang.household_id}`);
    expect(res.json()).toMatchObject({ address: '东岭路', houseNumber: '1号', memberCount: 2 });
  });

  it('records the import and one create per person in the audit log', async () => {
    const { rows } = await t.db.$client.query(
      "select after from audit_log where action = 'import' and entity_label = $1",
      ['东岭村妇女台账.xlsx'],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].after).toMatchObject({ ledger: 'persons', rows: LEDGER_PEOPLE, created: LEDGER_PEOPLE });
    expect(await importCreates()).toBe(importCreatesBefore + LEDGER_PEOPLE);
  });
});

describe('c. importing the same file again', () => {
  it('changes nothing: every row is unchanged and no one is added', async () => {
    const personsBefore = await count('persons');
    const householdsBefore = await count('households');
    const job = await importFile(ledgerFile, '东岭村妇女台账.xlsx');
    expect(job.issues).toEqual([]);
    expect(job.status).toBe('succeeded');
    expect(job.counts).toEqual({ created: 0, updated: 0, unchanged: LEDGER_PEOPLE });
    expect(await count('persons')).toBe(personsBefore);
    expect(await count('households')).toBe(householdsBefore);
    expect((await personByName('王桂英')).version).toBe(1);
  });

  it('a changed phone updates only that person; an emptied cell erases nothing', async () => {
    const rows = ledgerRows();
    rows[1][6] = '13800005678';
    rows[2][6] = null;
    const personsBefore = await count('persons');
    const job = await importFile(await xlsxOf(rows), '东岭村妇女台账-更新.xlsx');
    expect(job.issues).toEqual([]);
    expect(job).toMatchObject({
      status: 'succeeded',
      counts: { created: 0, updated: 1, unchanged: LEDGER_PEOPLE - 1 },
    });
    expect(await count('persons')).toBe(personsBefore);
    expect(await personByName('王桂英')).toMatchObject({ phone_masked: '138****5678', version: 2 });
    expect(await personByName('李秀兰')).toMatchObject({ phone_masked: '139****5678', version: 1 });
    const { rows: audits } = await t.db.$client.query(
      "select before, after from audit_log where action = 'update' and entity_label = '王桂英'",
    );
    expect(audits).toHaveLength(1);
    expect(audits[0].before).toMatchObject({ phoneMasked: '138****1234' });
    expect(audits[0].after).toMatchObject({ phoneMasked: '138****5678', source: 'import' });
    expect(JSON.stringify(audits[0])).not.toContain('13800005678');
  });
});

describe('c2. two rows of one file that point to the same recorded person', () => {
  it('are refused, naming the rows of the sheet', async () => {
    const created = await call(t.app, town, 'POST', personsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '何秀英',
      birthDate: '1980-01-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    // 甲一村 and an empty cell (the default, 甲一村) are the same village: both rows are her.
    const file = await xlsxOf([
      ['姓名', '出生日期', '所属村（社区）', '联系电话'],
      ['何秀英', '1980-01-01', '甲一村', '13700003333'],
      ['何秀英', '1980-01-01', null, '13700004444'],
    ]);
    const job = await importFile(file, 'same-person.xlsx');
    expect(job.status).toBe('failed');
    expect(job.issues.length).toBeGreaterThan(0);
    for (const issue of job.issues) expect([2, 3]).toContain(issue.row);
    expect((await personByName('何秀英')).version).toBe(1);
  });

  it('the same new person written twice (村 named once, left to the default once) is refused as a duplicate', async () => {
    const before = await count('persons');
    const file = await xlsxOf([
      ['姓名', '出生日期', '所属村（社区）'],
      ['施凤霞', '1979-09-09', '甲一村'],
      ['施凤霞', '1979-09-09', null],
    ]);
    const job = await importFile(file, 'same-new-person.xlsx');
    expect(job.status).toBe('failed');
    expect(job.issues).toEqual([
      expect.objectContaining({ row: 3, message: expect.stringContaining('第2行') }),
    ]);
    expect(await count('persons')).toBe(before);
  });
});

describe('d. a sheet with bad rows', () => {
  const header = ['姓名', '出生日期', '身份证号码', '联系电话'];
  const good1 = ['何彩霞', null, idOf('33010219800101002'), '13700001111'];
  const good2 = ['郑秋菊', null, idOf('33010219810202004'), null];
  let job: ImportJob;
  let personsBefore: number;

  beforeAll(async () => {
    personsBefore = await count('persons');
    const file = await xlsxOf([
      header,
      good1,
      ['吴春梅', null, Number('371002198506120040'), null],
      good2,
      ['冯晓燕', '1985-02-30', null, null],
    ]);
    job = await importFile(file, 'bad-rows.xlsx');
  });

  it('fails as a whole and imports nothing', async () => {
    expect(job.status).toBe('failed');
    expect(job.counts).toBeNull();
    expect(job.message).toContain('共 4 行，其中 2 行有问题，全部未导入');
    expect(await count('persons')).toBe(personsBefore);
  });

  it('names the row, the column and the reason of every problem', () => {
    expect(job.issueCount).toBe(2);
    expect(job.issues).toEqual([
      expect.objectContaining({ row: 3, column: '身份证号码', message: expect.stringContaining('文本') }),
      expect.objectContaining({
        row: 5,
        column: '出生日期',
        value: '1985-02-30',
        message: expect.stringContaining('不是有效日期'),
      }),
    ]);
    expect(job.hasReport).toBe(true);
  });

  it('offers an error report with a 错误原因 column for the bad rows', async () => {
    const res = await call(t.app, town, 'GET', `/api/v1/io/jobs/${job.id}/report`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const rows = await sheetTexts(res.rawPayload);
    expect(rows[0].slice(0, 2)).toEqual(['原行号', '错误原因']);
    const byRow = new Map(rows.slice(1).map((r) => [r[0], r[1]]));
    expect(byRow.get('3')).toContain('【身份证号码】');
    expect(byRow.get('3')).toContain('文本');
    expect(byRow.get('5')).toContain('【出生日期】');
    expect(byRow.get('5')).toContain('不是有效日期');
    expect(byRow.get('2')).toBe('');
    expect(byRow.get('4')).toBe('');
  });

  it('another user cannot read the job or its report', async () => {
    const other = await login(t.app, 'villageA1');
    expect((await call(t.app, other, 'GET', `/api/v1/io/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await call(t.app, other, 'GET', `/api/v1/io/jobs/${job.id}/report`)).statusCode).toBe(404);
  });

  it('once the rows are fixed, the same sheet imports', async () => {
    const fixed = await xlsxOf([
      header,
      good1,
      ['吴春梅', null, idOf('37100219850612004'), null],
      good2,
      ['冯晓燕', '1985-02-28', null, null],
    ]);
    const ok = await importFile(fixed, 'bad-rows.xlsx');
    expect(ok.issues).toEqual([]);
    expect(ok).toMatchObject({ status: 'succeeded', counts: { created: 4, updated: 0, unchanged: 0 } });
    expect(await count('persons')).toBe(personsBefore + 4);
  });
});

describe('e. the same ID number twice in one file', () => {
  it('is refused, naming the earlier row, even when one is the old 15-digit form', async () => {
    const before = await count('persons');
    const file = await xlsxOf([
      ['姓名', '身份证号码'],
      ['钱月娥', idOf('33010219750505002')],
      ['蒋春花', idOf('33010219760606004')],
      ['钱月娥', '330102750505002'],
    ]);
    const job = await importFile(file, 'dup.xlsx');
    expect(job.status).toBe('failed');
    expect(job.issues).toEqual([expect.objectContaining({ row: 4, message: '与第2行重复' })]);
    expect(await count('persons')).toBe(before);
  });
});

describe('f. an ID number already registered in another town', () => {
  it('fails the import without revealing or touching the other town’s record', async () => {
    const townB = await login(t.app, 'townB');
    const foreignId = idOf('33010219790909002');
    const created = await call(t.app, townB, 'POST', personsUrl, {
      orgUnitId: org.units.villageB1.id,
      name: '乙镇林秀梅',
      idNumber: foreignId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const before = await count('persons');
    const file = await xlsxOf([
      ['姓名', '身份证号码'],
      ['许凤英', idOf('33010219770707004')],
      ['林秀梅', foreignId],
    ]);
    const job = await importFile(file, 'foreign.xlsx');
    expect(job.status).toBe('failed');
    expect(job.issues).toEqual([
      expect.objectContaining({
        row: 3,
        column: '身份证号码',
        message: '该身份证号码无法登记，请联系县妇联核实',
      }),
    ]);
    expect(job.message).toContain('全部未导入');
    expect(JSON.stringify(job)).not.toContain('乙镇林秀梅');
    expect(JSON.stringify(job)).not.toContain(org.units.villageB1.id);
    expect(await count('persons')).toBe(before);
    const { rows } = await t.db.$client.query(
      'select name, org_unit_id, version, updated_by from persons where id = $1',
      [created.json().id],
    );
    expect(rows[0]).toEqual({
      name: '乙镇林秀梅',
      org_unit_id: org.units.villageB1.id,
      version: 1,
      updated_by: org.userIds.townB,
    });
  });
});

/**
 * A GB18030 encoder derived from Node's own decoder (two-byte range only): every character of
 * `text` must round-trip, so no byte is guessed.
 */
const encodeGb18030 = (text: string) => {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const c = decoder.decode(Uint8Array.from([lead, trail]));
      if (c.length === 1 && c !== '\ufffd' && !table.has(c)) table.set(c, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) bytes.push(c.charCodeAt(0));
    else {
      const pair = table.get(c);
      if (!pair) throw new Error(`no GB18030 two-byte code for ${c}`);
      bytes.push(...pair);
    }
  }
  const buf = Buffer.from(bytes);
  expect(decoder.decode(buf)).toBe(text);
  return buf;
};

describe('g. other file kinds and broken uploads', () => {
  it('a UTF-8 CSV with a byte-order mark imports', async () => {
    const before = await count('persons');
    const csv = `\ufeff姓名,身份证号码,所属村（社区）,备注\r\n韩素珍,${idOf('33010219820808002')},甲一村,"爱好：唱歌,跳舞"\r\n杨翠兰,${idOf('33010219830909004')},,\r\n`;
    const job = await importFile(Buffer.from(csv, 'utf8'), 'people.csv', { contentType: 'text/csv' });
    expect(job.issues).toEqual([]);
    expect(job).toMatchObject({ status: 'succeeded', counts: { created: 2, updated: 0, unchanged: 0 } });
    expect(await count('persons')).toBe(before + 2);
    const { rows } = await t.db.$client.query('select note from persons where name = $1', ['韩素珍']);
    expect(rows[0].note).toBe('爱好：唱歌,跳舞');
  });

  it('a CSV saved by Excel on a Chinese system (GB18030) imports with its Chinese intact', async () => {
    const before = await count('persons');
    const csv = `姓名,身份证号码,所属村（社区）\r\n曹玉梅,${idOf('33010219840404002')},甲二村\r\n`;
    const job = await importFile(encodeGb18030(csv), 'gbk.csv', { contentType: 'text/csv' });
    expect(job.issues).toEqual([]);
    expect(job).toMatchObject({ status: 'succeeded', counts: { created: 1, updated: 0, unchanged: 0 } });
    expect(await count('persons')).toBe(before + 1);
    expect((await personByName('曹玉梅')).org_unit_id).toBe(org.units.villageA2.id);
  });

  it('an old .xls file is refused with advice to save it as .xlsx', async () => {
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(1024),
    ]);
    const job = await importFile(xls, 'old.xls', { contentType: 'application/vnd.ms-excel' });
    expect(job.status).toBe('failed');
    expect(job.message).toContain('.xls');
    expect(job.message).toContain('另存为');
    expect(job.hasReport).toBe(false);
  });

  it('a file over 10 MB is refused with 413 and a Chinese message, and no job is left behind', async () => {
    const jobsBefore = await count('import_jobs');
    const res = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'huge.csv', {
      contentType: 'text/csv',
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json().error.message).toContain('10MB');
    expect(await count('import_jobs')).toBe(jobsBefore);
  });

  it('a sheet without recognizable headers is refused, naming the expected ones', async () => {
    const file = await xlsxOf([
      ['编号', '名字', '证件'],
      [1, '某某', '123'],
    ]);
    const job = await importFile(file, 'no-header.xlsx');
    expect(job.status).toBe('failed');
    expect(job.message).toContain('表头');
    expect(job.message).toContain('姓名');
  });

  it('a sheet whose 姓名 column is missing is refused', async () => {
    const file = await xlsxOf([
      ['身份证号码', '联系电话'],
      [idOf('33010219860101002'), '13700002222'],
    ]);
    const job = await importFile(file, 'no-name.xlsx');
    expect(job.status).toBe('failed');
    expect(job.message).toContain('缺少必填列：姓名');
  });

  it('a name the entry form refuses (digits, formula) is refused on import too', async () => {
    const form = await call(t.app, town, 'POST', personsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '王桂英2',
    });
    expect(form.statusCode).toBe(400);
    const before = await count('persons');
    const file = await xlsxOf([
      ['姓名', '身份证号码'],
      ['王桂英2', idOf('33010219880808002')],
      ['=1+1', idOf('33010219880809004')],
    ]);
    const job = await importFile(file, 'bad-names.xlsx');
    expect(job.status).toBe('failed');
    expect(job.issues).toEqual([
      expect.objectContaining({ row: 2, column: '姓名', message: expect.stringContaining('汉字') }),
      expect.objectContaining({ row: 3, column: '姓名', message: expect.stringContaining('汉字') }),
    ]);
    expect(await count('persons')).toBe(before);
  });

  it('a viewer cannot import at all', async () => {
    const res = await upload(ledgerFile, 'ledger.xlsx', { session: viewer });
    expect(res.statusCode).toBe(403);
  });
});

describe('h. exporting', () => {
  const exportId = idOf('33010219870707002');

  beforeAll(async () => {
    const res = await call(t.app, town, 'POST', personsUrl, {
      orgUnitId: org.units.villageA1.id,
      name: '公式测试人',
      idNumber: exportId,
      phone: '13911112222',
      note: '=1+1',
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  const exportRows = async (session: Session, query = '') => {
    const res = await call(t.app, session, 'GET', `${personsUrl}/export${query}`);
    return { res, rows: res.statusCode === 200 ? await sheetTexts(res.rawPayload) : [] };
  };

  it('gives masked ID numbers and phones, and defuses formula-like text', async () => {
    const { res, rows } = await exportRows(town);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const header = rows[0];
    const row = rows.find((r) => r[0] === '公式测试人') as string[];
    expect(row).toBeDefined();
    expect(row[header.indexOf('身份证号码')]).toBe(`3301**********${exportId.slice(-4)}`);
    expect(row[header.indexOf('联系电话')]).toBe('139****2222');
    expect(row[header.indexOf('备注')]).toBe("'=1+1");
    expect(rows.flat().join('|')).not.toContain(exportId);
    expect(rows.length - 1).toBe(
      Number(
        (
          await t.db.$client.query(
            'select count(*) from persons where org_path like $1 and deleted_at is null',
            [`${org.units.townA.path}%`],
          )
        ).rows[0].count,
      ),
    );
  });

  it('with unmask=1 the town chair gets full numbers, and the export is audited', async () => {
    const before = await t.db.$client.query("select count(*) from audit_log where action = 'export'");
    const { res, rows } = await exportRows(town, '?unmask=1&reason=%E5%85%A5%E6%88%B7%E6%A0%B8%E5%AF%B9');
    expect(res.statusCode).toBe(200);
    const header = rows[0];
    const row = rows.find((r) => r[0] === '公式测试人') as string[];
    expect(row[header.indexOf('身份证号码')]).toBe(exportId);
    expect(row[header.indexOf('联系电话')]).toBe('13911112222');
    const { rows: audits } = await t.db.$client.query(
      "select actor_user_id, after from audit_log where action = 'export' order by id desc",
    );
    expect(audits.length).toBe(Number(before.rows[0].count) + 1);
    expect(audits[0]).toMatchObject({
      actor_user_id: org.userIds.townA,
      after: { ledger: 'persons', filters: expect.objectContaining({ unmask: '1' }), reason: '入户核对' },
    });
  });

  it('full numbers are exported only with a reason: without one the answer is 400 naming it', async () => {
    const { res } = await exportRows(town, '?unmask=1');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('须填写用途');
  });

  it('a viewer may not export, masked or not', async () => {
    expect((await exportRows(viewer)).res.statusCode).toBe(403);
    expect(
      (await exportRows(viewer, '?unmask=1&reason=%E5%85%A5%E6%88%B7%E6%A0%B8%E5%AF%B9')).res.statusCode,
    ).toBe(403);
  });
});

describe('i. following a running import', () => {
  it('answers 202 at once and the job reaches succeeded with processed equal to total', async () => {
    const rows: Cell[][] = [['姓名', '身份证号码']];
    for (let i = 0; i < 50; i++) {
      const month = String(1 + (i % 12)).padStart(2, '0');
      const day = String(1 + Math.floor(i / 12)).padStart(2, '0');
      rows.push([`进度测试${'甲乙丙丁戊己庚辛壬癸'[i % 10]}`, idOf(`3301021970${month}${day}102`)]);
    }
    const res = await upload(await xlsxOf(rows), 'progress.xlsx', { wait: false });
    expect(res.statusCode, res.body).toBe(202);
    const started: ImportJob = res.json();
    expect(['running', 'succeeded']).toContain(started.status);
    let job = started;
    const deadline = Date.now() + 20_000;
    while (job.status === 'running' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      const poll = await call(t.app, town, 'GET', `/api/v1/io/jobs/${started.id}`);
      expect(poll.statusCode).toBe(200);
      job = poll.json();
    }
    expect(job.issues).toEqual([]);
    expect(job.status).toBe('succeeded');
    expect(job.total).toBe(50);
    expect(job.processed).toBe(job.total);
    expect(job.counts).toEqual({ created: 50, updated: 0, unchanged: 0 });
  });
});

describe('j. a large sheet', () => {
  it('imports 2,000 rows in one request', async () => {
    const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许';
    const given = '秀桂玉兰英华梅芳珍凤春翠丽娟霞燕红萍琴云';
    const rows: Cell[][] = [['姓名', '性别', '出生日期', '身份证号码', '联系电话', '家庭住址', '门牌号']];
    const start = Date.UTC(1950, 0, 1);
    for (let i = 0; i < 2000; i++) {
      const birth = new Date(start + i * 86_400_000 * 9);
      const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
      rows.push([
        `${surnames[i % 20]}${given[Math.floor(i / 20) % 20]}${given[Math.floor(i / 400)]}`,
        '女',
        new Date(birth),
        idOf(`330103${ymd}002`),
        `137${String(i).padStart(8, '0')}`,
        `大批量村第${Math.floor(i / 4) + 1}组`,
        `${(i % 4) + 1}号`,
      ]);
    }
    const file = await xlsxOf(rows);
    const before = await count('persons');
    const started = performance.now();
    const job = await importFile(file, 'large.xlsx');
    const ms = performance.now() - started;
    console.log(`2,000-row import: ${ms.toFixed(0)} ms, ${((2000 / ms) * 1000).toFixed(0)} rows/s`);
    expect(job.issues).toEqual([]);
    expect(job).toMatchObject({ status: 'succeeded', counts: { created: 2000, updated: 0, unchanged: 0 } });
    expect(await count('persons')).toBe(before + 2000);
  });
});
