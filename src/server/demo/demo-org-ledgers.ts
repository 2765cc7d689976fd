import { sql } from 'drizzle-orm';
import type { SiteKind } from '../../contracts/org-ledgers';
import { bulkInsert } from '../kernel/db/bulk';
import type { Tx } from '../kernel/db/connection';
import { uuidv7 } from '../kernel/db/ids';
import { elections, grids, sites } from '../modules/org/org-ledgers.table';
import { roleTerms, volunteerTeamMembers, volunteerTeams } from '../modules/people/people-roles.table';
import { seededRandom } from './demo-people';

type Unit = { id: string; path: string; name: string };
type Woman = { id: string; name: string };

const shortName = (unit: Unit) => unit.name.replace(/妇联$/, '');

/**
 * The demo town's positions and people in roles: a 妇女之家 in every village, micro-homes, children's
 * homes, credit stores and workshops in some; the 2021 village elections (chair, 2 vice-chairs, ~10
 * executive members each); volunteers, forest chiefs, lecturers, mediators and a few entrepreneurs.
 */
export const seedDemoOrgLedgers = async (
  tx: Tx,
  town: Unit,
  villages: Unit[],
  womenByVillage: Map<string, Woman[]>,
  householdsByVillage: Map<string, string[]>,
  seed = 20210615,
) => {
  const r = seededRandom(seed);
  const siteRows: (typeof sites.$inferInsert)[] = [];
  const site = (unit: Unit, kind: SiteKind, name: string, openedOn: string) =>
    siteRows.push({
      id: uuidv7(),
      orgUnitId: unit.id,
      orgPath: unit.path,
      kind,
      name,
      openedOn,
      address: null,
      note: null,
    });
  site(town, 'parentSchool', `${shortName(town)}家长学校`, '2019-09-01');
  site(town, 'familyCounselingStation', `${shortName(town)}婚姻家庭辅导站`, '2020-03-08');
  site(town, 'mediationRoom', `${shortName(town)}妇联调解室`, '2020-03-08');
  site(town, 'studyBase', `${shortName(town)}红色教育研学基地`, '2022-07-01');
  villages.forEach((v, i) => {
    site(v, 'womenHome', `${shortName(v)}妇女之家`, `${2016 + (i % 5)}-03-08`);
    const micro = 1 + Math.floor(r() * 3);
    for (let m = 1; m <= micro; m++)
      site(v, 'microHome', `${shortName(v)}第${m}妇女微家`, `2023-0${1 + (m % 9)}-15`);
    if (i % 2 === 0) site(v, 'childrenHome', `${shortName(v)}儿童之家`, '2021-06-01');
    if (i % 3 === 0) site(v, 'creditStore', `${shortName(v)}巾帼信用超市`, '2024-05-20');
    if (i % 4 === 1) site(v, 'workshop', `${shortName(v)}大姐工坊`, '2025-04-10');
  });
  await bulkInsert(tx, sites, siteRows);

  const electionRows: (typeof elections.$inferInsert)[] = [];
  const gridRows: (typeof grids.$inferInsert)[] = [];
  const gridOf: [string, string][] = [];
  const teamRows: (typeof volunteerTeams.$inferInsert)[] = [];
  const teamMemberRows: (typeof volunteerTeamMembers.$inferInsert)[] = [];
  const townLecturers: Woman[] = [];
  const townChiefs: Woman[] = [];
  const chiefsByVillage = new Map<string, string[]>();
  const townMediators: Woman[] = [];
  const team = (unit: Unit, name: string, kind: string, members: Woman[], foundedOn: string) => {
    const id = uuidv7();
    teamRows.push({
      id,
      orgUnitId: unit.id,
      orgPath: unit.path,
      name,
      kind,
      leaderPersonId: members[0]?.id ?? null,
      foundedOn,
      note: null,
    });
    for (const m of new Map(members.map((x) => [x.id, x])).values())
      teamMemberRows.push({ teamId: id, personId: m.id, joinedOn: foundedOn });
  };
  const termRows: (typeof roleTerms.$inferInsert)[] = [];
  const term = (
    w: Woman,
    unit: Unit,
    role: string,
    startedOn: string,
    extra: Partial<typeof roleTerms.$inferInsert> = {},
  ) =>
    termRows.push({
      id: uuidv7(),
      personId: w.id,
      orgUnitId: unit.id,
      orgPath: unit.path,
      role,
      startedOn,
      endedOn: null,
      electionId: null,
      company: null,
      position: null,
      note: null,
      ...extra,
    });
  for (const v of villages) {
    const women = [...(womenByVillage.get(v.id) ?? [])];
    // A stable shuffle, so each village's leaders differ from run to run of the generator only by seed.
    for (let i = women.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [women[i], women[j]] = [women[j], women[i]];
    }
    if (women.length < 40) continue;
    const heldOn = `2021-06-${String(10 + Math.floor(r() * 15)).padStart(2, '0')}`;
    const electionId = uuidv7();
    electionRows.push({
      id: electionId,
      orgUnitId: v.id,
      orgPath: v.path,
      heldOn,
      seats: 13,
      termYears: 5,
      endedTerms: 0,
      note: null,
    });
    const [chair, vice1, vice2, ...rest] = women;
    const members = [chair, vice1, vice2, ...rest.slice(0, 7 + Math.floor(r() * 4))];
    // Each executive member covers one grid; the village's households are split among the grids.
    const households = householdsByVillage.get(v.id) ?? [];
    const per = Math.ceil(households.length / members.length);
    members.forEach((m, g) => {
      const gridId = uuidv7();
      gridRows.push({
        id: gridId,
        orgUnitId: v.id,
        orgPath: v.path,
        name: `第${g + 1}网格`,
        memberPersonId: m.id,
        note: null,
      });
      for (const h of households.slice(g * per, (g + 1) * per)) gridOf.push([h, gridId]);
    });
    term(chair, v, 'chair', heldOn, { electionId });
    term(vice1, v, 'viceChair', heldOn, { electionId });
    term(vice2, v, 'viceChair', heldOn, { electionId });
    for (const m of members) term(m, v, 'executiveMember', heldOn, { electionId });
    const others = rest.slice(10);
    const volunteers = others.slice(0, 15 + Math.floor(r() * 10));
    for (const w of volunteers)
      term(w, v, 'volunteer', `202${2 + Math.floor(r() * 4)}-0${1 + Math.floor(r() * 9)}-01`);
    team(v, `${shortName(v)}巾帼志愿服务队`, 'serviceTeam', volunteers, '2022-03-05');
    const chiefs = others.slice(25, 28 + Math.floor(r() * 3));
    for (const w of chiefs) term(w, v, 'forestChief', '2023-11-01');
    townChiefs.push(...chiefs);
    chiefsByVillage.set(
      v.id,
      chiefs.map((c) => c.id),
    );
    term(others[31] ?? chair, v, 'lecturer', '2022-03-01');
    townLecturers.push(others[31] ?? chair);
    term(others[32] ?? vice1, v, 'mediator', '2021-09-01');
    townMediators.push(others[32] ?? vice1);
    if (r() < 0.5 && others[33]) {
      term(others[33], v, 'entrepreneur', '2020-01-01', {
        company: `${shortName(v)}${['茶叶专业合作社', '竹编工艺有限公司', '农家乐', '电商服务部'][Math.floor(r() * 4)]}`,
        position: ['负责人', '总经理', '法定代表人'][Math.floor(r() * 3)],
      });
    }
    if (r() < 0.4 && others[34]) term(others[34], v, 'productAmbassador', '2024-03-01');
  }
  team(town, `${shortName(town)}巾帼宣讲队`, 'lectureTeam', townLecturers, '2022-03-01');
  team(town, `${shortName(town)}巾帼林长队`, 'forestTeam', townChiefs, '2023-11-01');
  team(town, `${shortName(town)}金牌调解队`, 'mediationTeam', townMediators, '2021-09-01');
  // Founded last year: the summary of that year names it.
  team(town, `${shortName(town)}家庭教育宣讲队`, 'lectureTeam', townLecturers.slice(0, 6), '2025-05-12');
  await bulkInsert(tx, elections, electionRows);
  await bulkInsert(tx, roleTerms, termRows);
  await bulkInsert(tx, grids, gridRows);
  await bulkInsert(tx, volunteerTeams, teamRows);
  await bulkInsert(tx, volunteerTeamMembers, teamMemberRows);
  await tx.execute(
    sql`update households h set grid_id = u.grid_id from unnest(${sql.param(gridOf.map((x) => x[0]))}::uuid[], ${sql.param(gridOf.map((x) => x[1]))}::uuid[]) as u(household_id, grid_id) where h.id = u.household_id`,
  );
  return {
    chiefsByVillage,
    sites: siteRows.length,
    elections: electionRows.length,
    roleTerms: termRows.length,
    grids: gridRows.length,
    volunteerTeams: teamRows.length,
  };
};
