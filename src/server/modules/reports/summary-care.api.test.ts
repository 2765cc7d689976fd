import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run, SummaryContent } from '../../../contracts/reports';
import { shanghaiToday } from '../../kernel/time/calendar';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let village: Session;
const today = shanghaiToday();

const ok = async (res: { statusCode: number; body: string; json: () => { id: string; version: number } }) => {
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  village = await login(t.app, 'villageA1');
  const unit = org.units.villageA1.id;
  const post = (url: string, body: unknown) => call(t.app, village, 'POST', url, body);
  const person = await ok(await post('/api/v1/people/persons', { orgUnitId: unit, name: '陈某某' }));
  const kp = await ok(
    await post('/api/v1/care/key-people', {
      orgUnitId: unit,
      personId: person.id,
      category: 'conflictFamily',
    }),
  );
  await ok(
    await post('/api/v1/care/screenings', {
      keyPersonId: kp.id,
      month: today.slice(0, 7),
      screenedOn: today,
      risk: 'red',
      reason: '夫妻冲突升级',
      referralTo: 'mediation',
    }),
  );
  const hotline = await ok(
    await post('/api/v1/care/cases', {
      orgUnitId: unit,
      source: 'hotline',
      ticketNo: 'GD-1',
      replyDueOn: today,
      disputeType: 'marriage',
      parties: [{ name: '陈某某' }],
      receivedOn: today,
    }),
  );
  const replied = await ok(
    await call(t.app, village, 'PATCH', `/api/v1/care/cases/${hotline.id}`, {
      repliedOn: today,
      version: hotline.version,
    }),
  );
  await ok(
    await post(`/api/v1/care/cases/${hotline.id}/close`, {
      outcome: 'agreement',
      closedOn: today,
      version: replied.version,
    }),
  );
  await ok(
    await post('/api/v1/care/cases', {
      orgUnitId: unit,
      source: 'walkIn',
      disputeType: 'neighbours',
      parties: [{ name: '赵某' }],
      receivedOn: today,
    }),
  );
});
afterAll(() => t.close());

const text = (runs: Run[]) => runs.map((r) => (r.kind === 'text' ? r.text : r.display)).join('');

describe('the annual summary writes the care points from the care indicators', () => {
  it('a draft over the ledgers holds the 维权关爱 sentence; each number is a figure of a care indicator', async () => {
    const res = await call(t.app, village, 'POST', '/api/v1/reports/summaries', {
      orgUnitId: org.units.villageA1.id,
      kind: 'annual',
      year: Number(today.slice(0, 4)),
    });
    expect(res.statusCode, res.body).toBe(201);
    const content = res.json().content as SummaryContent;
    const care = content.sections.find((s) => s.id === 's-care');
    expect(care, JSON.stringify(content.sections.map((s) => s.id))).toBeTruthy();
    const all = care?.paragraphs.map((p) => text(p.runs)).join('') ?? '';
    expect(all).toContain('重点人群1人');
    expect(all).toContain('开展家庭风险隐患排查1人次');
    expect(all).toContain('排查出红色高风险1人次');
    expect(all).toContain('受理婚姻家庭纠纷2件');
    expect(all).toContain('调解成功1件');
    expect(all).toContain('按期答复1件');
    expect(all).not.toContain('陈某某');
    const figures = care?.paragraphs.flatMap((p) => p.runs.filter((r) => r.kind === 'figure')) ?? [];
    expect(new Set(figures.map((r) => (r.kind === 'figure' ? r.indicatorKey : '')))).toEqual(
      new Set([
        'care.keyPeople',
        'care.screened',
        'care.disputes',
        'care.casesClosed',
        'care.hotlineTickets',
      ]),
    );
    const agreements = figures.find((r) => r.kind === 'figure' && r.indicatorKey === 'care.casesClosed');
    expect(agreements).toMatchObject({ value: 1, filters: { outcome: 'agreement' } });
  });
});
