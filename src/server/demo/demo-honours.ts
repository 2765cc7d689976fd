import { sql } from 'drizzle-orm';
import { bulkInsert } from '../kernel/db/bulk';
import type { Tx } from '../kernel/db/connection';
import { uuidv7 } from '../kernel/db/ids';
import { dutyProjects, dutyRecords, dutyRules, nominations } from '../modules/honours/honours.table';
import { seededRandom } from './demo-people';

type Unit = { id: string; path: string; name: string };

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const MATTERS = [
  '反映村道路灯不亮，已报村委',
  '询问两癌筛查时间',
  '家中老人行动不便，希望上门服务',
  '想参加电商培训',
  '婆媳关系紧张，已上门调解',
  '孩子暑期无人照看',
  '咨询小额贴息贷款',
  '庭院整治需要帮手',
];
const PROJECTS = [
  '巾帼电商直播培训',
  '留守儿童暑期托管',
  '美丽庭院示范户创建',
  '村级妇女微家建设',
  '家庭教育讲座进村',
  '困难妇女结对帮扶',
];

/**
 * The demo town's year of honours and duties: the town's five duty rules; for every executive member
 * of its villages, a contact most months, a key-family visit most quarters, a claimed project (most
 * done), a duty-chair turn and the year-end report — each dated inside her term and not after today;
 * nominations for the county's titles at every step (公示 now running, awarded, not awarded), last
 * year's and this year's.
 */
export const seedDemoHonours = async (
  tx: Tx,
  town: Unit,
  villages: Unit[],
  today: string,
  seed = 20260308,
) => {
  const r = seededRandom(seed + 19);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const year = Number(today.slice(0, 4));
  const ruleRows = (
    [
      ['每月联系网格妇女', 'month', 'contact'],
      ['每季度走访重点家庭', 'quarter', 'visit'],
      ['每年领办一件实事', 'year', 'project'],
      ['主席轮值', 'year', 'dutyChair'],
      ['年度述职', 'year', 'report'],
    ] as const
  ).map(([name, rhythm, fulfilledBy]) => ({
    id: uuidv7(),
    orgUnitId: town.id,
    orgPath: town.path,
    name,
    rhythm,
    fulfilledBy,
    times: 1,
    createdAt: `${year - 1}-01-05 09:00:00+08`,
  }));
  await bulkInsert(tx, dutyRules, ruleRows);

  const members = (
    await tx.execute(sql`select t.person_id, t.org_unit_id, t.org_path, t.started_on::text as started_on
      from role_terms t where t.role = 'executiveMember' and t.deleted_at is null and t.ended_on is null
        and t.org_path like ${`${town.path}%`} order by t.org_path, t.person_id`)
  ).rows as { person_id: string; org_unit_id: string; org_path: string; started_on: string }[];

  const records: (typeof dutyRecords.$inferInsert)[] = [];
  const projects: (typeof dutyProjects.$inferInsert)[] = [];
  const logOn = (m: (typeof members)[number], kind: string, on: string) => {
    if (on > today || on < m.started_on) return;
    records.push({
      id: uuidv7(),
      orgUnitId: m.org_unit_id,
      orgPath: m.org_path,
      memberId: m.person_id,
      kind,
      occurredOn: on,
      womenContacted: kind === 'contact' ? 2 + Math.floor(r() * 8) : 0,
      householdsContacted:
        kind === 'visit' ? 1 + Math.floor(r() * 3) : kind === 'contact' ? Math.floor(r() * 4) : 0,
      matters: kind === 'contact' || kind === 'visit' ? pick(MATTERS) : null,
      followUp: kind === 'contact' && r() < 0.4 ? '已跟进，下次走访回访' : null,
    });
  };
  for (const y of [year - 1, year]) {
    for (const m of members) {
      // A few members fall behind: they skip more often.
      const diligence = r() < 0.15 ? 0.6 : 0.95;
      for (let mo = 1; mo <= 12; mo++)
        if (r() < diligence) logOn(m, 'contact', iso(y, mo, 1 + Math.floor(r() * lastDay(y, mo))));
      for (const mo of [2, 5, 8, 11])
        if (r() < diligence) logOn(m, 'visit', iso(y, mo, 5 + Math.floor(r() * 20)));
      if (r() < diligence) logOn(m, 'dutyChair', iso(y, 4 + Math.floor(r() * 6), 10));
      if (r() < diligence) logOn(m, 'report', iso(y, 12, 1 + Math.floor(r() * 5)));
      const claimedOn = iso(y, 3, 1 + Math.floor(r() * 20));
      if (claimedOn <= today && claimedOn >= m.started_on) {
        const doneOn = iso(y, 9 + Math.floor(r() * 3), 1 + Math.floor(r() * 28));
        const isDone = r() < diligence - 0.1 && doneOn <= today;
        projects.push({
          id: uuidv7(),
          orgUnitId: m.org_unit_id,
          orgPath: m.org_path,
          memberId: m.person_id,
          title: pick(PROJECTS),
          claimedOn,
          progress: isDone ? 100 : 20 + Math.floor(r() * 60),
          progressNote: isDone ? null : '按计划推进中',
          doneOn: isDone ? doneOn : null,
          evidence: isDone
            ? `开展${2 + Math.floor(r() * 5)}次，服务群众${20 + Math.floor(r() * 80)}人次`
            : null,
        });
      }
    }
  }
  await bulkInsert(tx, dutyRecords, records);
  await bulkInsert(tx, dutyProjects, projects);

  // Nominations: households, women and village federations of the town.
  const people = (
    await tx.execute(sql`select p.id, p.org_unit_id, p.org_path, p.household_id from persons p
      where p.deleted_at is null and p.gender = 'female' and p.org_path like ${`${town.path}%`}
      order by p.id limit 400`)
  ).rows as { id: string; org_unit_id: string; org_path: string; household_id: string | null }[];
  const households = people.filter((p) => p.household_id);
  const noms: (typeof nominations.$inferInsert)[] = [];
  const titles: Record<string, [string, string]> = {
    mostBeautifulFamily: ['county', '县妇联'],
    fiveGoodFamily: ['county', '县妇联'],
    civilizedFamily: ['county', '县精神文明建设委员会'],
    goodMotherInLaw: ['town', '镇妇联'],
    goodDaughterInLaw: ['town', '镇妇联'],
    womenVolunteer: ['county', '县妇联'],
    marchEighthRedBanner: ['province', '省妇联'],
    womenModelPost: ['city', '市妇联'],
  };
  const nominate = (
    y: number,
    code: string,
    who: {
      kind: 'person' | 'household' | 'collective';
      id: string;
      unit: Unit | { id: string; path: string };
    },
    step: 'awarded' | 'notAwarded' | 'publicizing' | 'nominated',
    noticeFrom: string,
  ) => {
    const [level, body] = titles[code];
    const d = new Date(`${noticeFrom}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 4);
    const noticeTo = d.toISOString().slice(0, 10);
    d.setUTCDate(d.getUTCDate() + 10);
    const awardedOn = d.toISOString().slice(0, 10);
    if (step === 'awarded' && awardedOn > today) step = noticeFrom <= today ? 'publicizing' : 'nominated';
    if (step === 'publicizing' && noticeFrom > today) step = 'nominated';
    noms.push({
      id: uuidv7(),
      orgUnitId: who.unit.id,
      orgPath: who.unit.path,
      year: y,
      titleCode: code,
      level,
      awardingBody: body,
      nomineeKind: who.kind,
      personId: who.kind === 'person' ? who.id : null,
      householdId: who.kind === 'household' ? who.id : null,
      collectiveUnitId: who.kind === 'collective' ? who.id : null,
      deeds:
        who.kind === 'collective'
          ? '服务群众热情周到，巾帼志愿服务常态化'
          : '孝老爱亲、邻里和睦，热心村里公益事务',
      status: step,
      noticeFrom: step === 'nominated' ? null : noticeFrom,
      noticeTo: step === 'nominated' ? null : noticeTo,
      awardedOn: step === 'awarded' ? awardedOn : null,
      outcomeNote: step === 'notAwarded' ? '未通过县级评审' : null,
    });
  };
  const unitOf = (p: { org_unit_id: string; org_path: string }) => ({ id: p.org_unit_id, path: p.org_path });
  for (const y of [year - 1, year]) {
    const familyTitles = ['mostBeautifulFamily', 'fiveGoodFamily', 'civilizedFamily'];
    households.slice((y - year + 1) * 40, (y - year + 1) * 40 + 14).forEach((h, n) => {
      const step = n < 10 ? 'awarded' : n < 12 ? 'notAwarded' : 'nominated';
      nominate(
        y,
        familyTitles[n % 3],
        { kind: 'household', id: h.household_id as string, unit: unitOf(h) },
        step,
        iso(y, 4, 20),
      );
    });
    people.slice(200 + (y - year + 1) * 50, 200 + (y - year + 1) * 50 + 10).forEach((p, n) => {
      const code = ['goodMotherInLaw', 'goodDaughterInLaw', 'womenVolunteer', 'marchEighthRedBanner'][n % 4];
      nominate(
        y,
        code,
        { kind: 'person', id: p.id, unit: unitOf(p) },
        n < 8 ? 'awarded' : 'notAwarded',
        iso(y, 2, 20),
      );
    });
    nominate(
      y,
      'womenModelPost',
      { kind: 'collective', id: villages[(y - year + 1) * 2].id, unit: town },
      'awarded',
      iso(y, 9, 1),
    );
  }
  // This year's last round: a notice running now.
  const noticeFrom = (() => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 2);
    return d.toISOString().slice(0, 10);
  })();
  for (const h of households.slice(100, 103)) {
    const who = { kind: 'household' as const, id: h.household_id as string, unit: unitOf(h) };
    nominate(year, 'mostBeautifulFamily', who, 'publicizing', noticeFrom);
  }
  await bulkInsert(tx, nominations, noms);
  return {
    dutyRules: ruleRows.length,
    dutyRecords: records.length,
    dutyProjects: projects.length,
    nominations: noms.length,
  };
};
