import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../src/server/kernel/db/connection';
import { generateCourtyardRecords } from './courtyards-data';

/**
 * Synthetic county data for benchmarks, deterministic by seed: ids are md5 of (seed, kind, n) and
 * every choice is a hash of (seed, salt, n), so the same arguments give the same rows. Each
 * generator is a function over the shared context; a module adds its own (courtyards: ratings,
 * inspections …) to `benchGenerators` and it runs after these.
 */
export type BenchContext = {
  db: Db;
  seed: number;
  towns: number;
  villagesPerTown: number;
  households: number;
  activitiesPerVillageYear: number;
  patrolsPerVillageYear: number;
  years: number[];
  countyId: string;
  countyPath: string;
  log: (m: string) => void;
};

export type BenchGenerator = { name: string; run: (ctx: BenchContext) => Promise<void> };

/** A deterministic uuid for (seed, kind, n). */
export const idSql = (seed: number, kind: string, n: SQL) => sql`md5(${`${seed}:${kind}:`} || ${n})::uuid`;
/** A deterministic non-negative integer below `mod` for (seed, salt, n). */
export const pick = (seed: number, salt: string, n: SQL, mod: number) =>
  sql`(abs(hashtext(${`${seed}:${salt}:`} || ${n})) % ${mod})`;

const pad = (n: number) => String(n).padStart(2, '0');

/** Towns × villages under the demo county (bench units are named 基准镇NN / 基准镇NN村MM). */
export const orgGenerator: BenchGenerator = {
  name: 'org units',
  run: async ({ db, seed, towns, villagesPerTown, countyId, countyPath }) => {
    await db.execute(sql`
      with t as (select g from generate_series(1, ${towns}) g)
      insert into org_units (id, parent_id, kind, name, path, depth)
      select ${idSql(seed, 'town', sql`t.g`)}, ${countyId}::uuid, 'town', '基准镇' || lpad(t.g::text, 2, '0') || '妇联',
        ${countyPath} || ${idSql(seed, 'town', sql`t.g`)}::text || '/', 1
      from t`);
    await db.execute(sql`
      with v as (select t, g from generate_series(1, ${towns}) t, generate_series(1, ${villagesPerTown}) g)
      insert into org_units (id, parent_id, kind, name, path, depth)
      select ${idSql(seed, 'village', sql`(v.t * 1000 + v.g)`)}, ${idSql(seed, 'town', sql`v.t`)}, 'village',
        '基准镇' || lpad(v.t::text, 2, '0') || '村' || lpad(v.g::text, 2, '0') || '妇联',
        ${countyPath} || ${idSql(seed, 'town', sql`v.t`)}::text || '/' || ${idSql(seed, 'village', sql`(v.t * 1000 + v.g)`)}::text || '/', 2
      from v`);
  },
};

/** The bench villages as (n, id, path), n = 1…, for generators to spread rows over. */
const villagesCte = () => sql`
  bv as (
    select row_number() over (order by u.path) as n, u.id, u.path
    from org_units u where u.kind = 'village' and u.name like '基准镇%' and u.depth = 2
  )`;

export const householdsGenerator: BenchGenerator = {
  name: 'households',
  run: async (ctx) => {
    const villages = ctx.towns * ctx.villagesPerTown;
    await ctx.db.execute(sql`
      with ${villagesCte()}
      insert into households (id, org_unit_id, org_path, address, house_number)
      select ${idSql(ctx.seed, 'household', sql`g`)}, bv.id, bv.path, '基准路' || (g / ${villages})::text || '号', null
      from generate_series(1, ${ctx.households}) g
      join bv on bv.n = 1 + (g % ${villages})`);
  },
};

/** Role holders per village: chair, vice-chair, executives, group leaders, volunteers, lecturers, chiefs, mediators. */
const ROLES: [string, number][] = [
  ['chair', 1],
  ['viceChair', 1],
  ['executiveMember', 7],
  ['womenGroupLeader', 5],
  ['volunteer', 20],
  ['lecturer', 2],
  ['forestChief', 3],
  ['mediator', 2],
];

export const peopleGenerator: BenchGenerator = {
  name: 'persons and role terms',
  run: async (ctx) => {
    const perVillage = ROLES.reduce((a, [, n]) => a + n, 0);
    const roleOf = sql.raw(
      `(case ${ROLES.reduce(
        (acc, [role, n]) => {
          acc.parts.push(`when k <= ${acc.upTo + n} then '${role}'`);
          acc.upTo += n;
          return acc;
        },
        { parts: [] as string[], upTo: 0 },
      ).parts.join(' ')} end)`,
    );
    await ctx.db.execute(sql`
      with ${villagesCte()}
      insert into persons (id, org_unit_id, org_path, name, name_pinyin)
      select ${idSql(ctx.seed, 'person', sql`(bv.n * 100 + k)`)}, bv.id, bv.path, '基准人员' || bv.n || '-' || k, 'jizhunrenyuan'
      from bv, generate_series(1, ${perVillage}) k`);
    await ctx.db.execute(sql`
      with ${villagesCte()}
      insert into role_terms (id, person_id, org_unit_id, org_path, role, started_on)
      select ${idSql(ctx.seed, 'term', sql`(bv.n * 100 + k)`)}, ${idSql(ctx.seed, 'person', sql`(bv.n * 100 + k)`)},
        bv.id, bv.path, ${roleOf}, date '2021-06-01' + ${pick(ctx.seed, 'term', sql`(bv.n * 100 + k)`, 1500)}::int
      from bv, generate_series(1, ${perVillage}) k`);
  },
};

const SITE_KINDS = ['womenHome', 'childrenHome', 'microHome', 'parentSchool', 'workshop'];

export const sitesGenerator: BenchGenerator = {
  name: 'sites',
  run: async (ctx) => {
    await ctx.db.execute(sql`
      with ${villagesCte()}
      insert into sites (id, org_unit_id, org_path, kind, name, opened_on)
      select ${idSql(ctx.seed, 'site', sql`(bv.n * 10 + k)`)}, bv.id, bv.path,
        (${sql.param(SITE_KINDS)}::text[])[k], '基准阵地' || bv.n || '-' || k,
        date '2019-01-01' + ${pick(ctx.seed, 'site', sql`(bv.n * 10 + k)`, 2800)}::int
      from bv, generate_series(1, 1 + ${pick(ctx.seed, 'sites', sql`bv.n`, SITE_KINDS.length)}::int) k`);
  },
};

const TYPES = [
  'outreach',
  'outreach',
  'outreach',
  'training',
  'legalEducation',
  'volunteerService',
  'studyTour',
  'visit',
  'healthClinic',
  'culturalEvent',
  'familyReading',
  'meeting',
];

export const activitiesGenerator: BenchGenerator = {
  name: 'activities and campaigns',
  run: async (ctx) => {
    // Three county campaigns; one activity in five belongs to one.
    await ctx.db.execute(sql`
      insert into campaigns (id, org_unit_id, org_path, name)
      select ${idSql(ctx.seed, 'campaign', sql`g`)}, ${ctx.countyId}::uuid, ${ctx.countyPath},
        (array['巾帼心向党','美丽庭院提升行动','护林防火宣传月'])[g]
      from generate_series(1, 3) g`);
    for (const year of ctx.years) {
      const n = ctx.towns * ctx.villagesPerTown * ctx.activitiesPerVillageYear;
      const h = (salt: string, mod: number) => pick(ctx.seed, `${salt}${year}`, sql`g`, mod);
      await ctx.db.execute(sql`
        with ${villagesCte()}
        insert into activities (id, org_unit_id, org_path, title, type, occurred_on, attendance, campaign_ids, target_groups)
        select ${idSql(ctx.seed, `activity${year}`, sql`g`)}, bv.id, bv.path, '基准活动' || g,
          (${sql.param(TYPES)}::text[])[1 + ${h('type', TYPES.length)}],
          make_date(${year}, 1 + ${h('month', 11)}, 1 + ${h('day', 28)}),
          5 + ${h('att', 150)},
          case when ${h('camp', 5)} = 0 then array[${idSql(ctx.seed, 'campaign', sql`(1 + ${h('campid', 3)})`)}] else '{}'::uuid[] end,
          case when ${h('tg', 4)} = 0 then array['children'] else '{}'::text[] end
        from generate_series(1, ${n}) g
        join bv on bv.n = 1 + (g % ${ctx.towns * ctx.villagesPerTown})`);
    }
  },
};

export const patrolsGenerator: BenchGenerator = {
  name: 'patrols',
  run: async (ctx) => {
    for (const year of ctx.years) {
      const n = ctx.towns * ctx.villagesPerTown * ctx.patrolsPerVillageYear;
      const h = (salt: string, mod: number) => pick(ctx.seed, `${salt}${year}`, sql`g`, mod);
      // The chiefs are the village's forestChief role holders (k = 37…39 in peopleGenerator's order).
      await ctx.db.execute(sql`
        with ${villagesCte()}
        insert into patrols (id, org_unit_id, org_path, occurred_on, area, chief_ids, hazards_found, hazard_note)
        select ${idSql(ctx.seed, `patrol${year}`, sql`g`)}, bv.id, bv.path,
          make_date(${year}, 1 + ${h('month', 11)}, 1 + ${h('day', 28)}), '基准山场' || g,
          array[${idSql(ctx.seed, 'person', sql`(bv.n * 100 + 37 + ${h('chief', 3)})`)}],
          case when ${h('hz', 10)} = 0 then 1 else 0 end,
          case when ${h('hz', 10)} = 0 then '枯枝堆积' else null end
        from generate_series(1, ${n}) g
        join bv on bv.n = 1 + (g % ${ctx.towns * ctx.villagesPerTown})`);
    }
  },
};

/**
 * The courtyard programme over the bench households: the last bench year of monthly inspections
 * (households × 12 rows), quarterly rating changes and the current status.
 */
export const courtyardsGenerator: BenchGenerator = {
  name: 'courtyard inspections and ratings',
  run: async (ctx) => {
    const year = ctx.years[ctx.years.length - 1];
    await generateCourtyardRecords(ctx.db, {
      countyId: ctx.countyId,
      countyPath: ctx.countyPath,
      months: Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`),
      log: ctx.log,
      households: sql`select h.id, h.org_unit_id, h.org_path from households h
        join org_units u on u.id = h.org_unit_id where u.kind = 'village' and u.name like '基准镇%'`,
    });
  },
};

/** In order; later modules append theirs. */
export const benchGenerators: BenchGenerator[] = [
  orgGenerator,
  householdsGenerator,
  peopleGenerator,
  sitesGenerator,
  activitiesGenerator,
  patrolsGenerator,
  courtyardsGenerator,
];

export const benchTownName = (n: number) => `基准镇${pad(n)}妇联`;
