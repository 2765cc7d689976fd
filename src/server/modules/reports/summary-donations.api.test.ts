import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureRun, SummaryContent } from '../../../contracts/reports';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';
import { paragraphText } from './summary-sections';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
let village: Session;
const year = '2025';

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  village = await login(t.app, 'villageA1');
  const drive = await call(t.app, town, 'POST', '/api/v1/donations/drives', {
    orgUnitId: org.units.townA.id,
    name: '春蕾助学',
    purpose: 'studentAid',
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
  });
  const driveId = drive.json().id;
  const given = await call(t.app, town, 'POST', '/api/v1/donations/donations', {
    driveId,
    donorName: '爱心企业',
    donorKind: 'organisation',
    kind: 'money',
    amountFen: 300_000,
    method: 'bankTransfer',
    receivedOn: `${year}-03-01`,
  });
  expect(given.statusCode, given.body).toBe(201);
  for (const [name, amount] of [
    ['王小花', 80_000],
    ['李小红', 60_000],
  ] as const) {
    const b = await call(t.app, village, 'POST', '/api/v1/donations/beneficiaries', {
      orgUnitId: org.units.villageA1.id,
      name,
      kind: 'student',
      school: '甲镇中学',
    });
    const d = await call(t.app, village, 'POST', '/api/v1/donations/disbursements', {
      driveId,
      beneficiaryId: b.json().id,
      amountFen: amount,
      submittedOn: `${year}-04-01`,
    });
    let v = 1;
    for (const [action, extra] of [
      ['townApprove', {}],
      ['ownerApprove', {}],
      ['pay', { paidMethod: 'bankTransfer', payer: '李会计' }],
    ] as const) {
      const r = await call(t.app, town, 'POST', `/api/v1/donations/disbursements/${d.json().id}/steps`, {
        action,
        on: `${year}-04-10`,
        version: v,
        ...extra,
      });
      expect(r.statusCode, r.body).toBe(200);
      v = r.json().version;
    }
  }
});
afterAll(() => t.close());

describe('the annual summary’s aid section', () => {
  it('writes 资助困难学生N名，发放助学金N元 with figures that trace to the donation indicators', async () => {
    const res = await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', {
      kind: 'annual',
      year: 2025,
    });
    expect(res.statusCode, res.body).toBe(200);
    const content: SummaryContent = res.json().content;
    const section = content.sections.find((s) => s.key === 'aid');
    expect(section, JSON.stringify(content.sections.map((s) => s.key))).toBeTruthy();
    const text = section?.paragraphs.map(paragraphText).join('') ?? '';
    expect(text).toContain('全年开展募捐活动1次，募集善款3000元，资助困难学生2名，发放助学金1400元。');
    const runs =
      section?.paragraphs.flatMap((p) => p.runs).filter((r): r is FigureRun => r.kind === 'figure') ?? [];
    const students = runs.find((r) => r.indicatorKey === 'donations.students');
    expect(students).toMatchObject({ value: 2, filters: { beneficiaryKind: 'student' } });
    const paid = runs.find((r) => r.indicatorKey === 'donations.disbursed');
    expect(paid?.value).toBe(1400);
    // The figure's provenance: the same indicator read directly gives the same number.
    const direct = await call(
      t.app,
      town,
      'GET',
      `/api/v1/indicators/donations.disbursed/values?from=${year}-01-01&to=${year}-12-31&groupBy=beneficiaryKind`,
    );
    expect(
      direct.json().rows.find((r: { key: string }) => r.key === 'student')?.value ?? direct.json().total,
    ).toBe(1400);
  });
});
