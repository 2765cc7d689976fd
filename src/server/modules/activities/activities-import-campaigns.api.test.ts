import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRows } from '../../test/import-files';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';
import { shanghaiToday } from './activities.service';

// A campaign whose name contains the list separator (“学技能、促就业”) is written as it is in the
// activities template: the cell is matched against the county's campaign names first, longest first.

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let village: Session;
const year = String(Number(shanghaiToday().slice(0, 4)) - 1);

const importActivities = (rows: (string | number)[][]) =>
  importRows(
    t.app,
    village,
    `/api/v1/activities/activities/import?wait=1&orgUnitId=${org.units.villageA1.id}`,
    [['日期', '活动主题', '类型', '专项行动', '参加人次'], ...rows],
    '活动台账',
  );

const campaignsOf = async (title: string) =>
  (
    await t.db.$client.query<{ names: string[] }>(
      `select array(select c.name from unnest(a.campaign_ids) with ordinality u(id, n) join campaigns c on c.id = u.id order by u.n) as names
       from activities a where a.title = $1`,
      [title],
    )
  ).rows[0]?.names;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  village = await login(t.app, 'villageA1');
  const county = await login(t.app, 'county');
  for (const name of ['学技能、促就业', '学技能', '巾帼心向党']) {
    const res = await call(t.app, county, 'POST', '/api/v1/activities/campaigns', {
      orgUnitId: org.units.county.id,
      name,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

describe('campaign names containing 、 in the activities template', () => {
  it('reads “学技能、促就业” as one campaign, alone or among others, and “学技能” as its own', async () => {
    const job = await importActivities([
      [`${year}-04-10`, '家政技能培训', '培训', '学技能、促就业', 30],
      [`${year}-05-10`, '电商直播培训', '培训', '学技能、促就业、巾帼心向党', 25],
      [`${year}-06-10`, '面点制作培训', '培训', '学技能；巾帼心向党', 20],
    ]);
    expect(job.issues).toEqual([]);
    expect(job.status).toBe('succeeded');
    expect(await campaignsOf('家政技能培训')).toEqual(['学技能、促就业']);
    expect(await campaignsOf('电商直播培训')).toEqual(['学技能、促就业', '巾帼心向党']);
    expect(await campaignsOf('面点制作培训')).toEqual(['学技能', '巾帼心向党']);
  });

  it('still names an unknown campaign', async () => {
    const job = await importActivities([[`${year}-07-10`, '插花培训', '培训', '学技能、无此行动', 20]]);
    expect(job.issues).toEqual([
      expect.objectContaining({
        column: '专项行动',
        value: '无此行动',
        message: expect.stringContaining('找不到'),
      }),
    ]);
  });

  it('the template’s 填写说明 states the rule', async () => {
    const res = await call(t.app, village, 'GET', '/api/v1/activities/activities/template');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const help = wb.getWorksheet('填写说明');
    const texts: string[] = [];
    help?.eachRow((row) => {
      texts.push(String(row.getCell(3).value ?? ''));
    });
    expect(texts.join('\n')).toContain('学技能、促就业');
  });
});
