import { sql } from 'drizzle-orm';
import { bulkInsert } from '../kernel/db/bulk';
import type { Tx } from '../kernel/db/connection';
import { uuidv7 } from '../kernel/db/ids';
import { activities, campaigns, patrols } from '../modules/activities/activities.table';
import { seededRandom } from './demo-people';

type Unit = { id: string; path: string; name: string };

const short = (u: Unit) => u.name.replace(/妇联$/, '');
const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Two years of the demo town's work with its real rhythm: a monthly 宣讲 in every village, 三八 events,
 * quarterly 普法, Spring Festival visits, summer study tours, family reading at children's homes,
 * town trainings — and forest-fire patrols through the fire season (November to May).
 */
export const seedDemoActivities = async (
  tx: Tx,
  county: Unit,
  town: Unit,
  villages: Unit[],
  chiefsByVillage: Map<string, string[]>,
  today: string,
  seed = 20260308,
) => {
  const r = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const siteRows = (
    await tx.execute(
      sql`select id, org_unit_id, kind, name from sites where org_path like ${`${town.path}%`}`,
    )
  ).rows as { id: string; org_unit_id: string; kind: string; name: string }[];
  const siteOf = (unitId: string, kind: string) =>
    siteRows.find((s) => s.org_unit_id === unitId && s.kind === kind)?.id ?? null;

  const campaignRows = [
    {
      id: uuidv7(),
      orgUnitId: county.id,
      orgPath: county.path,
      name: '巾帼心向党·奋进新征程',
      startsOn: '2025-01-01',
      endsOn: null,
      note: null,
    },
    {
      id: uuidv7(),
      orgUnitId: town.id,
      orgPath: town.path,
      name: '乡村振兴巾帼行动',
      startsOn: '2025-03-01',
      endsOn: null,
      note: null,
    },
    {
      id: uuidv7(),
      orgUnitId: town.id,
      orgPath: town.path,
      name: '儿童友好镇建设',
      startsOn: '2025-06-01',
      endsOn: null,
      note: null,
    },
  ];
  await bulkInsert(tx, campaigns, campaignRows);
  const [heart, revival, childFriendly] = campaignRows.map((c) => c.id);

  const rows: (typeof activities.$inferInsert)[] = [];
  const addDays = (on: string, n: number) => {
    const d = new Date(`${on}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  const add = (
    unit: Unit,
    a: {
      title: string;
      type: string;
      on: string;
      attendance: number;
      siteId?: string | null;
      campaignIds?: string[];
      targetGroups?: string[];
      place?: string;
      coOrganizers?: string;
      volunteerCount?: number;
      seriesId?: string;
      /** Ends on (a multi-day class), days after `on`. */
      days?: number;
      /** 重点: named with its dates in a summary. */
      isNotable?: boolean;
    },
  ) => {
    if (a.on > today) return;
    rows.push({
      id: uuidv7(),
      orgUnitId: unit.id,
      orgPath: unit.path,
      title: a.title,
      type: a.type,
      occurredOn: a.on,
      endedOn: a.days ? addDays(a.on, a.days - 1) : null,
      isNotable: a.isNotable ?? false,
      coOrganizers: a.coOrganizers ?? null,
      siteId: a.siteId ?? null,
      place: a.place ?? null,
      campaignIds: a.campaignIds ?? [],
      attendance: a.attendance,
      volunteerCount: a.volunteerCount ?? 0,
      targetGroups: a.targetGroups ?? [],
      summary: null,
      participantIds: [],
      seriesId: a.seriesId ?? null,
    });
  };
  const topics = [
    '学习贯彻全国妇女十三大精神',
    '家庭家教家风',
    '反家庭暴力法',
    '民法典婚姻家庭编',
    '防范电信诈骗',
    '两癌防治知识',
    '移风易俗',
    '美丽庭院创建',
    '未成年人保护',
    '森林防火',
    '巾帼心向党',
    '乡村振兴政策',
  ];
  for (const year of [2025, 2026]) {
    const seriesId = uuidv7();
    for (const v of villages) {
      for (let m = 1; m <= 12; m++) {
        add(v, {
          title: `${m}月主题宣讲：${topics[(m + year) % topics.length]}`,
          type: 'outreach',
          on: iso(year, m, between(5, 25)),
          attendance: between(25, 60),
          siteId: siteOf(v.id, 'womenHome'),
          campaignIds: m % 3 === 0 ? [heart] : [],
          targetGroups: ['women', 'families'],
          seriesId,
        });
        if (siteOf(v.id, 'childrenHome') && m !== 2) {
          add(v, {
            title: '儿童之家亲子阅读',
            type: 'familyReading',
            on: iso(year, m, between(10, 28)),
            attendance: between(12, 30),
            siteId: siteOf(v.id, 'childrenHome'),
            campaignIds: [childFriendly],
            targetGroups: ['children', 'families'],
          });
        }
        if (m % 2 === 1 && r() < 0.6) {
          add(v, {
            title: '巾帼志愿者村居环境整治',
            type: 'volunteerService',
            on: iso(year, m, between(1, 28)),
            attendance: between(15, 40),
            volunteerCount: between(10, 25),
            campaignIds: [revival],
            targetGroups: ['public'],
          });
        }
      }
      add(v, {
        title: '三八妇女节巾帼健步走',
        type: 'culturalEvent',
        on: iso(year, 3, 8),
        attendance: between(80, 200),
        place: `${short(v)}文化广场`,
        campaignIds: [heart],
        targetGroups: ['women'],
        isNotable: true,
      });
      for (const q of [3, 6, 9, 12]) {
        add(v, {
          title: '法律明白人普法进村',
          type: 'legalEducation',
          on: iso(year, q, between(10, 25)),
          attendance: between(30, 70),
          coOrganizers: '司法所',
          targetGroups: ['women', 'families'],
        });
      }
      add(v, {
        title: '春节走访慰问困难妇女儿童',
        type: 'visit',
        on: iso(year, 1, between(15, 28)),
        attendance: between(8, 20),
        targetGroups: ['women', 'children'],
      });
      if (r() < 0.5)
        add(v, {
          title: '两癌筛查健康讲座',
          type: 'healthClinic',
          on: iso(year, between(4, 10), between(1, 28)),
          attendance: between(40, 90),
          coOrganizers: '镇卫生院',
          targetGroups: ['women'],
        });
    }
    for (const [m, d] of [
      [7, 10],
      [7, 24],
      [8, 7],
      [8, 21],
    ]) {
      add(town, {
        title: '暑期红色研学',
        type: 'studyTour',
        on: iso(year, m, d),
        attendance: between(30, 60),
        siteId: siteOf(town.id, 'studyBase'),
        campaignIds: [childFriendly],
        targetGroups: ['children', 'youth'],
      });
    }
    for (const [m, title] of [
      [3, '巾帼电商直播技能培训'],
      [5, '家政服务技能培训'],
      [6, '村妇联执委履职能力培训'],
      [9, '茶艺师技能培训'],
      [11, '妇女议事会主持人培训'],
    ] as [number, string][]) {
      // The town's classes run over two or three days and are the year's named events.
      add(town, {
        title,
        type: 'training',
        on: iso(year, m, between(10, 25)),
        days: 2 + (m % 2),
        attendance: between(40, 150),
        campaignIds: [revival],
        targetGroups: ['women'],
        isNotable: true,
      });
    }
    for (const m of [1, 4, 7, 10])
      add(town, {
        title: '镇妇联执委会议',
        type: 'meeting',
        on: iso(year, m, between(5, 15)),
        attendance: between(25, 35),
      });
  }
  for (let i = 0; i < rows.length; i += 2000) await bulkInsert(tx, activities, rows.slice(i, i + 2000));

  // Forest-fire patrols: fire season from November to May, several a week per village.
  const patrolRows: (typeof patrols.$inferInsert)[] = [];
  // The town's 巾帼林长队 (its members are the villages' chiefs) carries most of the patrols.
  const [forestTeam] = (
    await tx.execute(
      sql`select id from volunteer_teams where org_unit_id = ${town.id} and kind = 'forestTeam' and deleted_at is null`,
    )
  ).rows as { id: string }[];
  const areas = ['后山防火通道', '村东茶园林区', '水库周边山林', '祖坟山一带', '林区主干道'];
  for (const v of villages) {
    const chiefs = chiefsByVillage.get(v.id) ?? [];
    if (chiefs.length === 0) continue;
    for (
      let day = new Date('2025-01-01T00:00:00Z');
      day.toISOString().slice(0, 10) <= today;
      day.setUTCDate(day.getUTCDate() + 1)
    ) {
      const month = day.getUTCMonth() + 1;
      const isFireSeason = month >= 11 || month <= 5;
      if (!isFireSeason || r() > 0.55) continue;
      const hazards = r() < 0.06 ? between(1, 2) : 0;
      patrolRows.push({
        id: uuidv7(),
        orgUnitId: v.id,
        orgPath: v.path,
        occurredOn: day.toISOString().slice(0, 10),
        area: areas[between(0, areas.length - 1)],
        durationMinutes: between(60, 180),
        chiefIds: chiefs
          .filter(() => r() < 0.6)
          .slice(0, 3)
          .concat(chiefs[0])
          .filter((x, i, xs) => xs.indexOf(x) === i),
        teamId: forestTeam && r() < 0.9 ? forestTeam.id : null,
        hazardsFound: hazards,
        hazardNote: hazards ? '发现野外违规用火痕迹' : null,
        actionTaken: hazards ? '现场劝导并清理，报告村委会' : null,
      });
    }
  }
  for (let i = 0; i < patrolRows.length; i += 2000)
    await bulkInsert(tx, patrols, patrolRows.slice(i, i + 2000));
  return { activities: rows.length, campaigns: campaignRows.length, patrols: patrolRows.length };
};
