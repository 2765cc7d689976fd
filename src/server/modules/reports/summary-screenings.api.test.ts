import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureRun, SummaryDraft } from '../../../contracts/reports';
import { shanghaiToday } from '../../kernel/time/calendar';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';
import { paragraphText } from './summary-sections';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;
const year = Number(shanghaiToday().slice(0, 4)) - 1;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  const women = [
    ['villageA1', '王秀英', 'followUp'],
    ['villageA1', '李春花', 'normal'],
    ['villageA2', '张桂兰', 'normal'],
    ['villageA2', '陈丽', null],
  ] as const;
  for (const [unit, name, result] of women) {
    const p = await call(t.app, town, 'POST', '/api/v1/people/persons', {
      orgUnitId: org.units[unit].id,
      name,
      gender: 'female',
      birthDate: `${year - 48}-05-01`,
    });
    expect(p.statusCode, p.body).toBe(201);
    const res = await call(t.app, town, 'POST', '/api/v1/screenings', {
      personId: p.json().id,
      programmeYear: year,
      category: 'rural',
      mobilisedOn: `${year}-04-01`,
      ...(result
        ? { consentSignedOn: `${year}-04-02`, screenedOn: `${year}-05-10`, result, site: '县妇幼保健院' }
        : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

describe('two-cancer screening in the annual summary', () => {
  it('the 维权关爱 section says how many women were mobilised, screened and need follow-up, each figure traced to its indicator', async () => {
    const res = await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', { kind: 'annual', year });
    expect(res.statusCode, res.body).toBe(200);
    const draft: SummaryDraft = res.json();
    const rights = draft.content.sections.find((sec) => sec.key === 'rights');
    expect(rights).toBeDefined();
    const text = rights?.paragraphs.map(paragraphText).join('') ?? '';
    expect(text).toContain(
      '动员4名适龄妇女参加“两癌”筛查，共为3名辖区适龄妇女提供筛查服务，其中需进一步检查1名，做到早发现、早诊断、早治疗。',
    );
    const runs = (rights?.paragraphs ?? [])
      .flatMap((p) => p.runs)
      .filter((r): r is FigureRun => r.kind === 'figure');
    expect(runs.map((r) => [r.indicatorKey, r.filters, r.value])).toEqual([
      ['cancerScreening.mobilised', {}, 4],
      ['cancerScreening.screened', {}, 3],
      ['cancerScreening.screened', { result: 'followUp' }, 1],
    ]);
    // Each figure is what its indicator answers for the same period and unit.
    for (const r of runs) {
      const q = `from=${r.period.from}&to=${r.period.to}&orgUnitId=${r.orgUnitId}`;
      const v = await call(
        t.app,
        town,
        'GET',
        `/api/v1/indicators/${r.indicatorKey}/values?${q}${r.filters.result ? '&groupBy=result' : ''}`,
      );
      const body = v.json() as { total: number; rows: { group: string; value: number }[] };
      const expected = r.filters.result
        ? body.rows.find((x) => x.group === r.filters.result)?.value
        : body.total;
      expect(r.value).toBe(expected);
    }
  });
});
