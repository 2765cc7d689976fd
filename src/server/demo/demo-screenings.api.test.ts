import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummaryDraft } from '../../contracts/reports';
import { paragraphText } from '../modules/reports/summary-sections';
import { call, createTestApp, login } from '../test/test-app';
import { DEMO_PASSWORD, seedDemo } from './seed-demo';

let t: Awaited<ReturnType<typeof createTestApp>>;
const q = async (text: string) => (await t.db.$client.query(text)).rows;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, t.app.fieldCrypto);
}, 180_000);
afterAll(() => t.close());

describe('demo town 青石镇: a round of two-cancer screening', () => {
  it('mobilises women 35–64 of the town, screens most after consent, a few need follow-up', async () => {
    const [r] = await q(`select count(*)::int as mobilised, count(screened_on)::int as screened,
        count(*) filter (where result = 'followUp')::int as follow_up,
        count(*) filter (where result = 'followUp' and follow_up_done_on is null)::int as pending,
        count(*) filter (where result is not null and (consent_signed_on is null or screened_on is null))::int as bad,
        count(*) filter (where s.programme_year - extract(year from p.birth_date) not between 35 and 64 or p.gender <> 'female')::int as outside,
        count(*) filter (where screened_on > current_date or screened_on < mobilised_on)::int as bad_dates
      from cancer_screenings s join persons p on p.id = s.person_id`);
    expect(r.mobilised).toBeGreaterThan(100);
    expect(r.screened / r.mobilised).toBeGreaterThan(0.7);
    expect(r.follow_up).toBeGreaterThan(0);
    expect(r.pending).toBeGreaterThan(0);
    expect([r.bad, r.outside, r.bad_dates]).toEqual([0, 0, 0]);
  });

  it("the town's annual summary says how many women were screened, as the indicator counts them", async () => {
    const [{ year }] = await q('select max(programme_year)::int as year from cancer_screenings');
    const town = await login(t.app, 'town', DEMO_PASSWORD);
    const res = await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', {
      kind: 'annual',
      year,
      style: 'exact',
    });
    expect(res.statusCode, res.body).toBe(200);
    const text = (res.json() as SummaryDraft).content.sections
      .flatMap((s) => s.paragraphs.map(paragraphText))
      .join('');
    const [{ screened }] = await q(
      `select count(*)::int as screened from cancer_screenings where screened_on between '${year}-01-01' and '${year}-12-31'`,
    );
    expect(text).toContain(`共为${screened}名辖区适龄妇女提供筛查服务`);
  });
});
