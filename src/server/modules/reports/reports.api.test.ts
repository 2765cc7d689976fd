import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureRun, Summary, SummaryContent, SummaryDraft } from '../../../contracts/reports';
import { approxFigure } from '../../../contracts/summary-figures';
import { call, createTestApp, login, type Session, seedOrg } from '../../test/test-app';

/**
 * A small year of a town's records entered through the API; the summary, the dashboard and the
 * reports are checked against counts computed here from the same list, independently of SQL.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
let town: Session;

type Act = {
  orgUnitId: string;
  title: string;
  type: string;
  occurredOn: string;
  attendance: number;
  campaign?: string;
  targetGroups?: string[];
};
type Patrol = { orgUnitId: string; occurredOn: string; chiefIds: string[]; hazardsFound: number };
type Site = { orgUnitId: string; kind: string; name: string; openedOn?: string };
type Term = { personId: string; orgUnitId: string; role: string; startedOn: string };

const acts: Act[] = [];
const patrols: Patrol[] = [];
const sites: Site[] = [];
const terms: Term[] = [];
const campaignName = '巾帼心向党';
let campaignId = '';

// A deterministic generator: no Math.random, the same records every run.
let seed = 7;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

const inTownA = (unitId: string) =>
  [org.units.townA.id, org.units.villageA1.id, org.units.villageA2.id, org.units.enterpriseA.id].includes(
    unitId,
  );

/** The count the summary should state for a figure run, computed from the lists above. */
const expected = (f: FigureRun): number => {
  const { from, to } = f.period;
  const flt = f.filters;
  const inScope = (u: string) => (f.orgUnitId === org.units.townA.id ? inTownA(u) : u === f.orgUnitId);
  if (f.indicatorKey.startsWith('activities.')) {
    const list = acts.filter(
      (a) =>
        inScope(a.orgUnitId) &&
        a.occurredOn >= from &&
        a.occurredOn <= to &&
        (!flt.type || a.type === flt.type) &&
        // The campaign dimension is the campaign's id.
        (!flt.campaign || (a.campaign === campaignName && flt.campaign === campaignId)) &&
        (!flt.targetGroup || (a.targetGroups ?? []).includes(flt.targetGroup)),
    );
    if (f.indicatorKey === 'activities.sessions') return list.length;
    if (f.indicatorKey === 'activities.attendances') return list.reduce((s, a) => s + a.attendance, 0);
  }
  if (f.indicatorKey.startsWith('patrols.')) {
    const list = patrols.filter((p) => inScope(p.orgUnitId) && p.occurredOn >= from && p.occurredOn <= to);
    if (f.indicatorKey === 'patrols.count') return list.length;
    if (f.indicatorKey === 'patrols.hazards') return list.reduce((s, p) => s + p.hazardsFound, 0);
    if (f.indicatorKey === 'patrols.participants') return new Set(list.flatMap((p) => p.chiefIds)).size;
  }
  if (f.indicatorKey === 'org.sites')
    return sites.filter(
      (s) => inScope(s.orgUnitId) && (!s.openedOn || s.openedOn <= to) && (!flt.kind || s.kind === flt.kind),
    ).length;
  if (f.indicatorKey === 'org.sitesOpened')
    return sites.filter(
      (s) =>
        inScope(s.orgUnitId) &&
        !!s.openedOn &&
        s.openedOn >= from &&
        s.openedOn <= to &&
        (!flt.kind || s.kind === flt.kind),
    ).length;
  if (f.indicatorKey === 'people.roleHolders') {
    // roleAt: a role in units of one kind (chair@village: the chairs of villages, not the town's own).
    const [roleAt, kindAt] = (flt.roleAt ?? '').split('@');
    const kindOf = (u: string) =>
      [org.units.villageA1.id, org.units.villageA2.id].includes(u)
        ? 'village'
        : u === org.units.enterpriseA.id
          ? 'enterprise'
          : 'town';
    return new Set(
      terms
        .filter(
          (x) =>
            inScope(x.orgUnitId) &&
            x.startedOn <= to &&
            (!flt.role || x.role === flt.role) &&
            (!roleAt || (x.role === roleAt && kindOf(x.orgUnitId) === kindAt)),
        )
        .map((x) => x.personId),
    ).size;
  }
  // No courtyard records are entered here: those figures must be zero (the courtyards module's own
  // tests check its indicators against counts made there).
  if (f.indicatorKey.startsWith('courtyards.')) return 0;
  // Nor screenings (summary-screenings.api.test.ts checks those figures against its own records).
  if (f.indicatorKey.startsWith('cancerScreening.')) return 0;
  // Nor honours or duty records (the honours module's tests recount its indicators from raw rows).
  if (f.indicatorKey.startsWith('honours.') || f.indicatorKey.startsWith('duties.')) return 0;
  // Nor credit records or credit stores (the credits module's tests check those indicators).
  if (f.indicatorKey.startsWith('credits.')) return 0;
  // Nor care records (care.api.test.ts and summary-care.api.test.ts check those figures).
  if (f.indicatorKey.startsWith('care.')) return 0;
  // Nor donations or two-cancer aid (donations.api.test.ts checks those against its own records).
  if (f.indicatorKey.startsWith('donations.') || f.indicatorKey.startsWith('cancer.')) return 0;
  throw new Error(`no independent count for ${f.indicatorKey}`);
};

const runsOf = (c: SummaryContent) =>
  c.sections.flatMap((s) =>
    s.paragraphs.flatMap((p) => p.runs.filter((r): r is FigureRun => r.kind === 'figure')),
  );
const textOf = (c: SummaryContent) =>
  c.sections.flatMap((s) =>
    s.paragraphs.map((p) => p.runs.map((r) => (r.kind === 'text' ? r.text : r.display)).join('')),
  );

const post = async (url: string, body: unknown) => {
  const res = await call(t.app, town, 'POST', url, body);
  expect(res.statusCode, `${url} ${res.body}`).toBe(201);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  town = await login(t.app, 'townA');
  const { villageA1, villageA2, enterpriseA, villageB1 } = org.units;
  const campaign = await post('/api/v1/activities/campaigns', {
    orgUnitId: org.units.townA.id,
    name: campaignName,
  });
  campaignId = campaign.id;
  for (const s of [
    { orgUnitId: villageA1.id, kind: 'womenHome', name: '甲一村妇女之家', openedOn: '2021-03-08' },
    { orgUnitId: villageA1.id, kind: 'childrenHome', name: '甲一村儿童之家', openedOn: '2026-06-01' },
    { orgUnitId: villageA2.id, kind: 'womenHome', name: '甲二村妇女之家' },
    { orgUnitId: villageA2.id, kind: 'microHome', name: '甲二村妇女微家', openedOn: '2026-04-20' },
  ]) {
    await post('/api/v1/org/sites', s);
    sites.push(s);
  }
  const persons: string[] = [];
  for (let n = 0; n < 5; n++) {
    const p = await post('/api/v1/people/persons', {
      orgUnitId: n < 3 ? villageA1.id : villageA2.id,
      name: `测试人员${'甲乙丙丁戊'[n]}`,
    });
    persons.push(p.id);
  }
  for (const [n, role] of [
    [0, 'forestChief'],
    [1, 'forestChief'],
    [2, 'executiveMember'],
    [3, 'executiveMember'],
    [4, 'lecturer'],
  ] as const) {
    const term = {
      personId: persons[n],
      orgUnitId: n < 3 ? villageA1.id : villageA2.id,
      role,
      startedOn: '2025-05-01',
    };
    await post('/api/v1/people/role-terms', term);
    terms.push(term);
  }
  const types = [
    'outreach',
    'outreach',
    'training',
    'legalEducation',
    'volunteerService',
    'studyTour',
    'culturalEvent',
  ];
  const units = [villageA1.id, villageA2.id, enterpriseA.id];
  for (let n = 0; n < 36; n++) {
    const year = n < 8 ? 2025 : 2026;
    const month = 1 + rnd(n < 8 ? 12 : 9);
    const a: Act = {
      orgUnitId: units[rnd(3)],
      title: `测试活动${n}`,
      type: types[rnd(types.length)],
      occurredOn: `${year}-${String(month).padStart(2, '0')}-${String(1 + rnd(27)).padStart(2, '0')}`,
      attendance: 5 + rnd(120),
      ...(n % 5 === 0 ? { campaign: campaignName } : {}),
      ...(n % 4 === 0 ? { targetGroups: ['children'] } : {}),
    };
    await post('/api/v1/activities/activities', {
      orgUnitId: a.orgUnitId,
      title: a.title,
      type: a.type,
      occurredOn: a.occurredOn,
      attendance: a.attendance,
      ...(a.campaign ? { campaignIds: [campaign.id] } : {}),
      ...(a.targetGroups ? { targetGroups: a.targetGroups } : {}),
    });
    acts.push(a);
  }
  // A large outreach in villageA1 in October (the to-do list must not name villageA1 for October).
  const big: Act = {
    orgUnitId: villageA1.id,
    title: '重阳节巾帼大宣讲',
    type: 'outreach',
    occurredOn: '2026-10-09',
    attendance: 480,
  };
  await post('/api/v1/activities/activities', big);
  acts.push(big);
  // Another town's records must count nowhere in townA's documents.
  const other = await login(t.app, 'townB');
  const res = await call(t.app, other, 'POST', '/api/v1/activities/activities', {
    orgUnitId: villageB1.id,
    title: '乙镇活动',
    type: 'outreach',
    occurredOn: '2026-03-03',
    attendance: 999,
  });
  expect(res.statusCode).toBe(201);
  for (let n = 0; n < 6; n++) {
    const p: Patrol = {
      orgUnitId: n % 2 ? villageA1.id : villageA2.id,
      occurredOn: `2026-0${1 + n}-15`,
      chiefIds: [persons[n % 2]],
      hazardsFound: n % 3,
    };
    await post('/api/v1/activities/patrols', {
      ...p,
      area: `山场${n}`,
      ...(p.hazardsFound ? { hazardNote: '枯枝堆积' } : {}),
    });
    patrols.push(p);
  }
}, 120_000);
afterAll(() => t.close());

describe('annual summary drafted from the records', () => {
  let draft: SummaryDraft;
  it('states every figure as counted independently (large flows as 约数), and no other number', async () => {
    const res = await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', {
      kind: 'annual',
      year: 2026,
    });
    expect(res.statusCode, res.body).toBe(200);
    draft = res.json();
    expect(draft.content.title).toBe('甲镇妇联2026年工作总结');
    // The campaign is grouped by id and named by its name in the text.
    expect(JSON.stringify(draft.content)).toContain(`围绕“${campaignName}”开展活动`);
    const runs = runsOf(draft.content);
    expect(runs.length).toBeGreaterThan(10);
    for (const r of runs) {
      expect(r.value, `${r.id}`).toBe(expected(r));
      // The default per figure: stocks exact, flows (activities, patrols) of 100 and more 约数.
      const isFlow = r.indicatorKey.startsWith('activities.') || r.indicatorKey.startsWith('patrols.');
      expect(r.rounding, r.id).toBe(isFlow && r.value >= 100 ? 'approx' : 'exact');
      expect(r.display).toBe(r.rounding === 'approx' ? approxFigure(r.value) : String(r.value));
      expect(r.value).toBeGreaterThan(0);
    }
    expect(runs.some((r) => r.rounding === 'approx')).toBe(true);
    const text = textOf(draft.content).join('\n');
    const displays = new Set(runs.flatMap((r) => r.display.match(/\d+/g) ?? []));
    // Digits outside the quoted record names are all figures.
    expect(
      (text.replace(/“[^”]*”/g, '').match(/\d+/g) ?? []).filter((d) => d !== '2026' && !displays.has(d)),
    ).toEqual([]);
    // Sanity: the opening's totals are the year's activities of townA only.
    const total = acts.filter((a) => a.occurredOn.startsWith('2026')).length;
    expect(text).toContain(`开展各类活动${total}场次`);
    expect(text).not.toContain('999');
    expect(text).toContain('“重阳节巾帼大宣讲”');
    expect(text).toContain('甲一村儿童之家');
    expect(draft.content.sections.map((s) => s.key)).not.toContain('courtyards');
  });

  it('with the approximate style, numbers of 10 and more are rounded down with 余', async () => {
    const res = await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', {
      kind: 'annual',
      year: 2026,
      style: 'approximate',
    });
    for (const r of runsOf((res.json() as SummaryDraft).content)) {
      const expectedValue = expected(r);
      if (r.display.endsWith('余')) {
        const shown = Number(r.display.replace(/万?余$/, '')) * (r.display.includes('万') ? 10_000 : 1);
        expect(shown).toBeLessThan(expectedValue);
        expect(expectedValue).toBeGreaterThanOrEqual(10);
      } else expect(Number(r.display)).toBe(expectedValue);
    }
  });

  it("without plan items, 下一步工作打算 starts from last year's saved plan", async () => {
    const last = await call(t.app, town, 'POST', '/api/v1/reports/summaries', {
      kind: 'annual',
      year: 2025,
      planItems: [{ id: 'p2025', text: '推动村级妇女微家全覆盖。' }],
    });
    expect(last.statusCode, last.body).toBe(201);
    const d: SummaryDraft = (
      await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', { kind: 'annual', year: 2026 })
    ).json();
    expect(d.content.planItems).toEqual([{ id: 'p2025', text: '推动村级妇女微家全覆盖。' }]);
    expect(textOf(d.content).at(-1)).toBe('（一）推动村级妇女微家全覆盖。');
  });

  it('a monthly 工作小结 counts only that month', async () => {
    const res = await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', {
      kind: 'monthly',
      year: 2026,
      month: 10,
    });
    const d: SummaryDraft = res.json();
    expect(d.content.title).toBe('甲镇妇联2026年10月工作小结');
    for (const r of runsOf(d.content)) {
      expect(r.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
      expect(r.value).toBe(expected(r));
    }
  });
});

describe('saved summaries: versions, edits kept on regenerate, changed figures flagged, .docx', () => {
  let summary: Summary;
  it('creates version 1, saves an edit as version 2, lists and reads versions', async () => {
    const created = await call(t.app, town, 'POST', '/api/v1/reports/summaries', {
      kind: 'annual',
      year: 2026,
      planItems: [{ id: 'p1', text: '继续抓好每月主题宣讲。' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    summary = created.json();
    expect(summary.version).toBe(1);
    expect(summary.content.sections.at(-1)?.heading).toBe('下一步工作打算');
    const again = await call(t.app, town, 'POST', '/api/v1/reports/summaries', {
      kind: 'annual',
      year: 2026,
    });
    expect(again.statusCode).toBe(409);

    const content = structuredClone(summary.content);
    content.sections[0].paragraphs[0].runs.unshift({ kind: 'text', text: '【镇妇联主席改写】' });
    const saved = await call(t.app, town, 'PUT', `/api/v1/reports/summaries/${summary.id}`, {
      content,
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    summary = saved.json();
    expect(summary.version).toBe(2);
    expect(summary.content.sections[0].paragraphs[0].isEdited).toBe(true);
    const stale = await call(t.app, town, 'PUT', `/api/v1/reports/summaries/${summary.id}`, {
      content,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const versions = (
      await call(t.app, town, 'GET', `/api/v1/reports/summaries/${summary.id}/versions`)
    ).json();
    expect(versions.items.map((v: { version: number; action: string }) => [v.version, v.action])).toEqual([
      [2, 'save'],
      [1, 'create'],
    ]);
    const v1 = (await call(t.app, town, 'GET', `/api/v1/reports/summaries/${summary.id}/versions/1`)).json();
    expect(JSON.stringify(v1.content)).not.toContain('镇妇联主席改写');
  });

  it('regenerating after a new record keeps her prose and flags the changed totals', async () => {
    const extra: Act = {
      orgUnitId: org.units.villageA2.id,
      title: '新增宣讲',
      type: 'outreach',
      occurredOn: '2026-11-02',
      attendance: 33,
    };
    await post('/api/v1/activities/activities', extra);
    acts.push(extra);
    const keep = await call(t.app, town, 'POST', `/api/v1/reports/summaries/${summary.id}/regenerate`, {
      mode: 'keepEdits',
      version: 2,
    });
    expect(keep.statusCode, keep.body).toBe(200);
    const k = keep.json();
    const opening = k.summary.content.sections[0];
    expect(opening.paragraphs[0].runs[0].text).toContain('【镇妇联主席改写】');
    const sessions = k.changedFigures.find((c: { figureId: string }) =>
      c.figureId.startsWith('activities.sessions@'),
    );
    expect(sessions).toMatchObject({ currentValue: sessions.previousValue + 1, isUpdated: false });
    const refreshed = await call(t.app, town, 'POST', `/api/v1/reports/summaries/${summary.id}/regenerate`, {
      mode: 'refreshFigures',
      version: 3,
    });
    const r = refreshed.json();
    summary = r.summary;
    expect(summary.version).toBe(4);
    for (const run of runsOf(summary.content)) expect(run.value, run.id).toBe(expected(run));
    expect(summary.content.sections[0].paragraphs[0].runs[0]).toMatchObject({ kind: 'text' });
    expect(JSON.stringify(summary.content.sections[0])).toContain('【镇妇联主席改写】');
  });

  it('exports a .docx in the GB/T 9704 layout with the figures in the text', async () => {
    const res = await call(t.app, town, 'GET', `/api/v1/reports/summaries/${summary.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const doc = strFromU8(files['word/document.xml']);
    const styles = strFromU8(files['word/styles.xml']);
    const fonts = strFromU8(files['word/fontTable.xml']);
    const footers = Object.keys(files).filter((f) => /word\/footer\d*\.xml/.test(f));
    // A4 and the margins in twips (1 mm = 56.7 twips).
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/w:top="2098"/);
    expect(doc).toMatch(/w:bottom="1984"/);
    expect(doc).toMatch(/w:left="1587"/);
    expect(doc).toMatch(/w:right="1474"/);
    // Title 22 pt 方正小标宋简体; body 16 pt 仿宋_GB2312; headings 黑体; 28 pt exact lines.
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*?<w:sz w:val="44"\/>/);
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc).toContain('<w:sz w:val="32"/>');
    expect(doc).toContain('w:eastAsia="黑体"');
    expect(doc).toContain('w:eastAsia="楷体_GB2312"');
    // 22 lines × 28 characters on a character grid; every line one grid line.
    expect(doc).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/>');
    expect(doc).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"/);
    // The page number's line 7 mm under the 版心: 35 mm − 7 mm − 14 pt from the page's bottom edge.
    expect(doc).toMatch(/<w:pgMar [^>]*w:footer="1307"/);
    // In Chinese: the federation wrote it and last changed it; the title is the summary's.
    const core = strFromU8(files['docProps/core.xml']);
    expect(core).toContain('<dc:creator>甲镇妇联</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>甲镇妇联</cp:lastModifiedBy>');
    expect(core).toContain('<dc:title>甲镇妇联2026年工作总结</dc:title>');
    expect(doc + styles).toContain('w:eastAsia="zh-CN"');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    // Page numbers “— 1 —”: odd pages at the right, even pages at the left.
    expect(footers).toHaveLength(2);
    const footerXml = footers.map((f) => strFromU8(files[f])).join('');
    expect(footerXml).toContain('PAGE');
    expect(footerXml).toContain('— ');
    expect(footerXml).toContain('<w:jc w:val="right"/>');
    expect(footerXml).toContain('<w:jc w:val="left"/>');
    expect(strFromU8(files['word/settings.xml'])).toContain('<w:evenAndOddHeaders/>');
    const text = doc.replace(/<[^>]+>/g, '');
    expect(text).toContain('甲镇妇联2026年工作总结');
    expect(text).toContain('一、');
    for (const run of runsOf(summary.content)) expect(text).toContain(run.display);
    const total = acts.filter((a) => a.occurredOn.startsWith('2026')).length;
    expect(text).toContain(`开展各类活动${total}场次`);
  });

  it('an earlier version can be made current again, as a new version', async () => {
    const restored = await call(
      t.app,
      town,
      'POST',
      `/api/v1/reports/summaries/${summary.id}/versions/1/restore`,
      {
        version: summary.version,
      },
    );
    expect(restored.statusCode, restored.body).toBe(200);
    const r: Summary = restored.json();
    expect(r.version).toBe(summary.version + 1);
    expect(JSON.stringify(r.content)).not.toContain('镇妇联主席改写');
    const versions = (
      await call(t.app, town, 'GET', `/api/v1/reports/summaries/${summary.id}/versions`)
    ).json();
    expect(versions.items[0]).toMatchObject({ version: r.version, action: 'restore' });
    // The Word export of version 2 still holds her sentence.
    const v2 = await call(t.app, town, 'GET', `/api/v1/reports/summaries/${summary.id}/export?version=2`);
    expect(strFromU8(unzipSync(new Uint8Array(v2.rawPayload))['word/document.xml'])).toContain(
      '镇妇联主席改写',
    );
  });

  it('another town can neither read nor draft for it', async () => {
    const other = await login(t.app, 'townB');
    expect((await call(t.app, other, 'GET', `/api/v1/reports/summaries/${summary.id}`)).statusCode).toBe(404);
    const draft = await call(t.app, other, 'POST', '/api/v1/reports/summaries/draft', {
      kind: 'annual',
      year: 2026,
      orgUnitId: org.units.townA.id,
    });
    expect([403, 404]).toContain(draft.statusCode);
  });
});

describe('dashboard', () => {
  it('key figures for the year and month with last year, equal to independent counts', async () => {
    const res = await call(t.app, town, 'GET', '/api/v1/reports/dashboard?year=2026&month=10');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const fig = (id: string) => d.keyFigures.find((k: { id: string }) => k.id === id);
    const sessions = fig('activities.sessions');
    const asRun = (v: {
      value: number;
      source: {
        indicatorKey: string;
        filters: Record<string, string>;
        period: { from: string; to: string };
        orgUnitId: string;
      };
    }) => ({ ...v.source, value: v.value }) as unknown as FigureRun;
    for (const k of d.keyFigures) {
      for (const v of [k.year.current, k.year.lastYear, k.month.current, k.month.lastYear])
        expect(v.value, `${k.id} ${v.source.period.from}`).toBe(expected(asRun(v)));
    }
    // 去年同期: January to the end of October 2025, like this year's January–October.
    expect(sessions.year.lastYear.source.period).toEqual({ from: '2025-01-01', to: '2025-10-31' });
    expect(sessions.year.lastYear.value).toBe(
      acts.filter((a) => a.occurredOn >= '2025-01-01' && a.occurredOn <= '2025-10-31').length,
    );
    expect([d.asOf, d.isMonthRunning]).toEqual(['2026-10-31', false]);
    expect(fig('activities.sessions|type=outreach')).toBeTruthy();
    // Trend: 12 points, this year's after October empty.
    const trend = d.trends.find((s: { id: string }) => s.id === 'activities.sessions');
    expect(trend.points).toHaveLength(12);
    expect(trend.points[10].current).toBeNull();
    for (const p of trend.points.slice(0, 10)) expect(p.current.value).toBe(expected(asRun(p.current)));
    // Breakdown: each child unit of the town, the total equal to the sum.
    expect(d.breakdown.rows.map((r: { orgUnitName: string }) => r.orgUnitName).sort()).toEqual(
      ['甲一村妇联', '甲二村妇联', '甲镇某公司妇联'].sort(),
    );
    d.breakdown.columns.forEach((_c: unknown, n: number) => {
      const sum = d.breakdown.rows.reduce(
        (a: number, r: { cells: { value: number }[] }) => a + r.cells[n].value,
        0,
      );
      if (d.breakdown.columns[n].id.startsWith('activities.')) expect(sum).toBe(d.breakdown.total[n].value);
    });
    // To-dos: the villages with no 宣讲 in October (overdue: October is over).
    const outreachIn = (u: string) =>
      acts.some((a) => a.orgUnitId === u && a.type === 'outreach' && a.occurredOn.startsWith('2026-10'));
    const missing = [org.units.villageA1, org.units.villageA2]
      .filter((v) => !outreachIn(v.id))
      .map((v) => v.name);
    const of = (provider: string) =>
      d.todos
        .filter((x: { provider: string }) => x.provider === provider)
        .map((x: { orgUnitName: string }) => x.orgUnitName)
        .sort();
    expect(of('activities.monthlyOutreach')).toEqual(missing.sort());
    expect(d.todos.every((x: { level: string }) => x.level === 'overdue')).toBe(true);
    expect(missing).not.toContain('甲一村妇联');
    // 护林防火期: villages with 巾帼林长 and no patrol in October (the patrols were January–June).
    const chiefsIn = (u: string) => terms.some((x) => x.orgUnitId === u && x.role === 'forestChief');
    const patrolledIn = (u: string) =>
      patrols.some((p) => p.orgUnitId === u && p.occurredOn.startsWith('2026-10'));
    expect(of('patrols.monthly')).toEqual(
      [org.units.villageA1, org.units.villageA2]
        .filter((v) => chiefsIn(v.id) && !patrolledIn(v.id))
        .map((v) => v.name)
        .sort(),
    );
    expect(of('patrols.monthly')).toEqual(['甲一村妇联']);
    // Each to-do names its kind and reads in both languages; in English only the unit's name is Chinese.
    const patrol = d.todos.find((x: { provider: string }) => x.provider === 'patrols.monthly');
    expect(patrol.kind).toEqual({ zh: '护林防火巡查未登记', en: 'Forest-fire patrols missing' });
    expect(patrol.title).toEqual({
      zh: '甲一村妇联10月尚未登记护林防火巡查',
      en: '甲一村妇联: No forest-fire patrol recorded for October',
    });
    const outreach = d.todos.find((x: { provider: string }) => x.provider === 'activities.monthlyOutreach');
    if (outreach) expect(outreach.detail.en).toBe('No outreach recorded for October');
  });

  it('the county sees the towns, from the same indicators', async () => {
    const county = await login(t.app, 'county');
    const d = (await call(t.app, county, 'GET', '/api/v1/reports/dashboard?year=2026&month=10')).json();
    expect(d.breakdown.rows.map((r: { orgUnitName: string }) => r.orgUnitName).sort()).toEqual(
      ['乙镇妇联', '甲镇妇联'].sort(),
    );
    const col = d.breakdown.columns.findIndex((c: { id: string }) => c.id === 'activities.sessions');
    const townRow = d.breakdown.rows.find((r: { orgUnitName: string }) => r.orgUnitName === '甲镇妇联');
    expect(townRow.cells[col].value).toBe(
      acts.filter((a) => a.occurredOn >= '2026-01-01' && a.occurredOn <= '2026-10-31').length,
    );
    expect(townRow.cells[col].source.filters).toEqual({ orgUnit: org.units.townA.id });
  });
});

describe('report definitions', () => {
  it('CRUD with versions and audit; unknown indicators refused', async () => {
    const county = await login(t.app, 'county');
    const bad = await call(t.app, county, 'POST', '/api/v1/reports/definitions', {
      name: '庭院月报',
      periodType: 'month',
      orgLevel: 'orgUnit',
      columns: [{ indicatorKey: 'courtyards.nothing' }],
    });
    expect(bad.statusCode).toBe(400);
    const created = await call(t.app, county, 'POST', '/api/v1/reports/definitions', {
      name: '活动年报',
      periodType: 'year',
      orgLevel: 'orgUnit',
      columns: [
        { indicatorKey: 'activities.sessions' },
        { indicatorKey: 'activities.attendances' },
        { indicatorKey: 'activities.sessions', filter: { dimension: 'type', value: 'outreach' } },
        { indicatorKey: 'activities.sessions', splitBy: 'type' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const def = created.json();
    const renamed = await call(t.app, county, 'PATCH', `/api/v1/reports/definitions/${def.id}`, {
      name: '活动统计年报',
      version: 1,
    });
    expect(renamed.json()).toMatchObject({ name: '活动统计年报', version: 2 });
    const history = (
      await call(t.app, county, 'GET', `/api/v1/history?entityType=reportDefinition&entityId=${def.id}`)
    ).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    const audit = (await call(t.app, county, 'GET', '/api/v1/audit?pageSize=50')).json();
    expect(
      audit.items.some(
        (a: { entityLabel: string; action: string }) =>
          a.entityLabel === '活动统计年报' && a.action === 'update',
      ),
    ).toBe(true);

    const r = (
      await call(t.app, county, 'GET', `/api/v1/reports/definitions/${def.id}/render?year=2026`)
    ).json();
    expect(r.title).toBe('测试县妇联2026年活动统计年报');
    expect(r.rows.map((x: { orgUnitName: string }) => x.orgUnitName).sort()).toEqual(
      ['乙镇妇联', '甲镇妇联'].sort(),
    );
    const townA = r.rows.find((x: { orgUnitId: string }) => x.orgUnitId === org.units.townA.id);
    expect(townA.cells[0].value).toBe(acts.filter((a) => a.occurredOn.startsWith('2026')).length);
    expect(r.total[0].value).toBe(townA.cells[0].value + 1);
    // The town uses the county's definition for its own villages; its total is the county's town row.
    const asTown = (
      await call(t.app, town, 'GET', `/api/v1/reports/definitions/${def.id}/render?year=2026`)
    ).json();
    expect(asTown.rows.map((x: { orgUnitName: string }) => x.orgUnitName).sort()).toEqual(
      ['甲一村妇联', '甲二村妇联', '甲镇某公司妇联'].sort(),
    );
    expect(asTown.total[0].value).toBe(townA.cells[0].value);
    // She sees the county's definition, so the refusal says why rather than "不存在".
    const townEdit = await call(t.app, town, 'PATCH', `/api/v1/reports/definitions/${def.id}`, {
      name: '改',
      version: 2,
    });
    expect(townEdit.statusCode).toBe(403);
    expect(townEdit.json().error.message).toMatch(/^无权操作：该报表由测试县妇联制定/);
    const townRender = await call(t.app, town, 'POST', '/api/v1/reports/preview', {
      periodType: 'year',
      orgLevel: 'orgUnit',
      columns: [{ indicatorKey: 'activities.sessions' }],
      year: 2026,
    });
    expect(townRender.json().total[0].value).toBe(townA.cells[0].value);
    const other = await login(t.app, 'townB');
    expect((await call(t.app, other, 'GET', `/api/v1/reports/definitions/${def.id}`)).statusCode).toBe(200);
    const mine = await call(t.app, town, 'POST', '/api/v1/reports/definitions', {
      name: '甲镇自用月报',
      periodType: 'month',
      orgLevel: 'orgUnit',
      columns: [{ indicatorKey: 'patrols.count' }],
    });
    expect(
      (await call(t.app, other, 'GET', `/api/v1/reports/definitions/${mine.json().id}`)).statusCode,
    ).toBe(404);

    const xlsx = await call(t.app, county, 'GET', `/api/v1/reports/definitions/${def.id}/export?year=2026`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('测试县妇联2026年活动统计年报');
    expect(String(ws.getCell('A2').value)).toContain('2026年');
    expect(ws.getCell('A3').value).toBe('制表单位：测试县妇联');
    expect(ws.getRow(4).getCell(1).value).toBe('单位');
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(2).value).toBe(r.total[0].value);

    // A dissolved unit with records keeps its row, so the rows still add up to the total.
    const unit = (await call(t.app, county, 'GET', `/api/v1/org/units/${org.units.enterpriseA.id}`)).json();
    const dissolved = await call(
      t.app,
      county,
      'POST',
      `/api/v1/org/units/${org.units.enterpriseA.id}/dissolve`,
      {
        dissolvedOn: '2026-11-01',
        version: unit.version,
      },
    );
    expect(dissolved.statusCode, dissolved.body).toBe(200);
    const after = (
      await call(t.app, town, 'GET', `/api/v1/reports/definitions/${def.id}/render?year=2026`)
    ).json();
    expect(after.rows.map((x: { orgUnitName: string }) => x.orgUnitName)).toContain('甲镇某公司妇联');
    expect(after.rows.reduce((a: number, x: { cells: { value: number }[] }) => a + x.cells[0].value, 0)).toBe(
      after.total[0].value,
    );

    const deleted = await call(t.app, county, 'DELETE', `/api/v1/reports/definitions/${def.id}?version=2`);
    expect(deleted.json().deletedAt).not.toBeNull();
    const restored = await call(t.app, county, 'POST', `/api/v1/reports/definitions/${def.id}/restore`, {
      version: 3,
    });
    expect(restored.json().deletedAt).toBeNull();
  });
});

describe('the 落款 date and empty-ledger warnings', () => {
  let s2024: Summary;
  const docxText = async (url: string) => {
    const res = await call(t.app, town, 'GET', url);
    expect(res.statusCode).toBe(200);
    return strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']).replace(/<[^>]+>/g, '');
  };

  it('a past period is dated its last day, a running one today; a draft can be given a date', async () => {
    const past = (
      await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', { kind: 'annual', year: 2025 })
    ).json();
    expect(past.signedOn).toBe('2025-12-31');
    const quarter = (
      await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', {
        kind: 'quarterly',
        year: 2026,
        quarter: 2,
        signedOn: '2026-07-03',
      })
    ).json();
    expect(quarter.signedOn).toBe('2026-07-03');
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const future = (
      await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', { kind: 'annual', year: 2099 })
    ).json();
    expect(future.signedOn).toBe(today);
  });

  it('is stored with the summary, edited by a save, kept by regeneration, exported unchanged', async () => {
    const created = await call(t.app, town, 'POST', '/api/v1/reports/summaries', {
      kind: 'annual',
      year: 2024,
    });
    expect(created.statusCode, created.body).toBe(201);
    s2024 = created.json();
    expect(s2024.signedOn).toBe('2024-12-31');
    expect(await docxText(`/api/v1/reports/summaries/${s2024.id}/export`)).toContain('2024年12月31日');
    // An export is no edit: the date and the version stay.
    const again = (await call(t.app, town, 'GET', `/api/v1/reports/summaries/${s2024.id}`)).json();
    expect(again).toMatchObject({ signedOn: '2024-12-31', version: 1 });

    const saved = await call(t.app, town, 'PUT', `/api/v1/reports/summaries/${s2024.id}`, {
      content: s2024.content,
      signedOn: '2026-01-15',
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ signedOn: '2026-01-15', version: 2 });
    const regenerated = await call(t.app, town, 'POST', `/api/v1/reports/summaries/${s2024.id}/regenerate`, {
      mode: 'discardEdits',
      version: 2,
    });
    expect(regenerated.json().summary).toMatchObject({ signedOn: '2026-01-15', version: 3 });
    const text = await docxText(`/api/v1/reports/summaries/${s2024.id}/export`);
    expect(text).toContain('2026年1月15日');
    expect(text).not.toContain('2024年12月31日');
    // Version 1 is exported with its own date; the history lists each version's date.
    expect(await docxText(`/api/v1/reports/summaries/${s2024.id}/export?version=1`)).toContain(
      '2024年12月31日',
    );
    const versions = (
      await call(t.app, town, 'GET', `/api/v1/reports/summaries/${s2024.id}/versions`)
    ).json();
    expect(versions.items.map((v: { signedOn: string }) => v.signedOn)).toEqual([
      '2026-01-15',
      '2026-01-15',
      '2024-12-31',
    ]);
    const bad = await call(t.app, town, 'PUT', `/api/v1/reports/summaries/${s2024.id}`, {
      content: s2024.content,
      signedOn: '2026-02-30',
      version: 3,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('warns of a ledger with no records in the period that had some in the one before', async () => {
    // 2024 has no records, and neither had 2023: nothing to warn of.
    const s = (await call(t.app, town, 'GET', `/api/v1/reports/summaries/${s2024.id}`)).json();
    expect(s.warnings).toEqual([]);
    // 2027 has no records at all; 2026 had activities and patrols (courtyards had none: no warning).
    const d: SummaryDraft = (
      await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', { kind: 'annual', year: 2027 })
    ).json();
    const in2026 = (list: { orgUnitId: string; occurredOn: string }[]) =>
      list.filter((x) => inTownA(x.orgUnitId) && x.occurredOn.startsWith('2026')).length;
    expect(
      d.warnings.map((w) => [w.ledger, w.ledgerLabel.zh, w.previousCount, w.previousPeriod.from]),
    ).toEqual([
      ['activities', '活动', in2026(acts), '2026-01-01'],
      ['patrols', '护林防火巡查', in2026(patrols), '2026-01-01'],
    ]);
    expect(d.warnings[0].period).toEqual({ from: '2027-01-01', to: '2027-12-31' });
    // A month without patrols after one with them (patrols run January to June 2026).
    const july = (
      await call(t.app, town, 'POST', '/api/v1/reports/summaries/draft', {
        kind: 'monthly',
        year: 2026,
        month: 7,
      })
    ).json();
    expect(july.warnings.map((w: { ledger: string }) => w.ledger)).toContain('patrols');
    expect(july.warnings.find((w: { ledger: string }) => w.ledger === 'patrols').previousCount).toBe(
      patrols.filter((p) => p.occurredOn.startsWith('2026-06')).length,
    );
  });
});

describe('labels the county configured, never codes or the built-in names', () => {
  it('a renamed and an added activity type name their report columns and dashboard figures', async () => {
    const county = await login(t.app, 'county');
    const before = (await call(t.app, county, 'GET', '/api/v1/activities/types')).json().types as {
      code: string;
      label: { zh: string; en: string };
    }[];
    const renamed = before.map((ty) =>
      ty.code === 'outreach' ? { code: 'outreach', label: { zh: '理论宣讲', en: 'Theory talk' } } : ty,
    );
    const set = await call(t.app, county, 'PUT', '/api/v1/activities/types', {
      types: [...renamed, { label: { zh: '家庭教育' } }],
    });
    expect(set.statusCode, set.body).toBe(200);
    try {
      const added = (set.json().types as { code: string; label: { zh: string } }[]).find(
        (ty) => ty.label.zh === '家庭教育',
      );
      const r = await call(t.app, county, 'POST', '/api/v1/reports/preview', {
        periodType: 'year',
        orgLevel: 'orgUnit',
        columns: [
          { indicatorKey: 'activities.sessions', filter: { dimension: 'type', value: 'outreach' } },
          { indicatorKey: 'activities.sessions', filter: { dimension: 'type', value: added?.code } },
          { indicatorKey: 'activities.sessions', splitBy: 'type' },
        ],
        year: 2026,
      });
      expect(r.statusCode, r.body).toBe(200);
      const labels = r.json().columns.map((c: { label: string }) => c.label);
      expect(labels[0]).toBe('活动场次（理论宣讲）');
      expect(labels[1]).toBe('活动场次（家庭教育）');
      expect(labels).toContain('活动场次（理论宣讲）');
      expect(labels.join()).not.toMatch(/custom\d|（宣讲）/);
      const d = (await call(t.app, town, 'GET', '/api/v1/reports/dashboard?year=2026&month=10')).json();
      const outreach = d.keyFigures.find((k: { id: string }) => k.id === 'activities.sessions|type=outreach');
      expect(outreach.label.zh).toBe('活动场次（理论宣讲）');
    } finally {
      const back = await call(t.app, county, 'PUT', '/api/v1/activities/types', { types: before });
      expect(back.statusCode, back.body).toBe(200);
    }
  });
});
