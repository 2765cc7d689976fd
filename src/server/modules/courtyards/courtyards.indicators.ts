import { type SQL, sql } from 'drizzle-orm';
import {
  defaultFeaturedCategories,
  inspectionKindLabels,
  ratingLabels,
  rectificationStatusLabels,
} from '../../../contracts/courtyards';
import { personRoleLabels, personRoles } from '../../../contracts/people-roles';
import { scoped, scopedUnder } from '../../kernel/access/access';
import type { Indicator } from '../../kernel/indicators/registry';
import { shanghaiToday } from '../../kernel/time/calendar';
import { rectificationStatusOn } from './courtyards.repository';
import { featuredCategoriesOf } from './featured.service';

const label = sql.raw(`h.address || coalesce(' ' || h.house_number, '')`);
const rating: Indicator['dimensions'] = {
  rating: { label: { zh: '评定等级', en: 'Rating' }, values: ratingLabels },
};
const kind: Indicator['dimensions'] = {
  kind: { label: { zh: '检查类型', en: 'Kind' }, values: inspectionKindLabels },
};
const level: Indicator['dimensions'] = {
  level: { label: { zh: '牌匾等级', en: 'Plaque level' }, values: ratingLabels },
};

// The household's name only for the records shown (a drill-down): a count never reads households.
const householdLabel = (alias: string) =>
  sql.raw(
    `(select h.address || coalesce(' ' || h.house_number, '') from households h where h.id = ${alias}.household_id)`,
  );
/** Households removed from the ledger drop out of the courtyard figures (few: an anti-join). */
const householdLive = (alias: string) =>
  sql.raw(
    `not exists (select 1 from households d where d.id = ${alias}.household_id and d.deleted_at is not null)`,
  );

/**
 * `courtyards.households{rating}`: households whose rating at the end of the period is that level —
 * the household's latest confirmed rating change on or before `to` (the change whose span
 * [effective_on, valid_until) covers it; `valid_until` is kept by a trigger), when it left a rating.
 */
export const courtyardHouseholdsIndicator: Indicator = {
  key: 'courtyards.households',
  label: { zh: '美丽庭院评定户数', en: 'Rated households' },
  unit: { zh: '户', en: 'households' },
  permission: 'courtyards.read',
  measure: 'count',
  dimensions: rating,
  source: ({ to, scopePath }) => sql`
    select c.household_id as record_id, ${householdLabel('c')} as record_label, c.effective_on as record_date,
      c.org_path, c.to_rating as rating, c.household_id as subject_id
    from courtyard_rating_changes c
    where c.effective_on <= ${to}::date and (c.valid_until is null or c.valid_until > ${to}::date)
      and c.to_rating is not null and ${scoped('c.org_path', scopePath)} and ${householdLive('c')}`,
};

/**
 * `courtyards.created{rating}`: households that first reached a level within the period (the first
 * confirmed change to that level, flagged by a trigger). Counted as distinct households, so the
 * total counts each once.
 */
export const courtyardCreatedIndicator: Indicator = {
  key: 'courtyards.created',
  label: { zh: '新评定美丽庭院户数', en: 'Newly rated households' },
  unit: { zh: '户', en: 'households' },
  permission: 'courtyards.read',
  measure: 'distinct',
  dimensions: rating,
  source: ({ from, to, scopePath }) => sql`
    select c.household_id as record_id, ${householdLabel('c')} as record_label, c.effective_on as record_date,
      c.org_path, c.to_rating as rating, c.household_id as subject_id
    from courtyard_rating_changes c
    where c.is_first_reach and c.effective_on between ${from}::date and ${to}::date
      and ${scoped('c.org_path', scopePath)} and ${householdLive('c')}`,
};

const inspectionSource: Indicator['source'] = ({ from, to, scopePath }) => sql`
  select i.id as record_id, ${householdLabel('i')} || ' ' || i.inspected_on as record_label,
    i.inspected_on as record_date, i.org_path, i.kind, i.household_id as subject_id
  from courtyard_inspections i
  where i.deleted_at is null and i.inspected_on between ${from}::date and ${to}::date and ${scoped('i.org_path', scopePath)}`;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/**
 * `[from, to]` split into the whole months inside it (which the monthly roll-ups answer) and the
 * days left at either end (read from the records); undefined when it holds no whole month.
 */
const splitIntoMonths = (from: string, to: string) => {
  const [fy, fm] = from.split('-').map(Number);
  const first = from.endsWith('-01')
    ? { y: fy, m: fm }
    : { y: fm === 12 ? fy + 1 : fy, m: fm === 12 ? 1 : fm + 1 };
  const [ty, tm] = to.split('-').map(Number);
  const isLastDay = addDays(to, 1).endsWith('-01');
  const last = isLastDay ? { y: ty, m: tm } : { y: tm === 1 ? ty - 1 : ty, m: tm === 1 ? 12 : tm - 1 };
  const monthsFrom = `${first.y}-${String(first.m).padStart(2, '0')}-01`;
  const monthsTo = isoDay(new Date(Date.UTC(last.y, last.m, 0)));
  if (monthsFrom > monthsTo) return undefined;
  const edges = [
    { from, to: addDays(monthsFrom, -1) },
    { from: addDays(monthsTo, 1), to },
  ].filter((e) => e.from <= e.to);
  return { monthsFrom, monthsTo, first, last, edges };
};

/** The live inspections of the days at the ends of a period, as roll-up rows (`n` = 1 each). */
const edgeInspections = (edges: { from: string; to: string }[], scopePath: string, columns: SQL) =>
  edges.map(
    (e) => sql`
      union all
      select ${columns} from courtyard_inspections i
      where i.deleted_at is null and i.inspected_on between ${e.from}::date and ${e.to}::date
        and ${scoped('i.org_path', scopePath)}`,
  );

/** `courtyards.inspections{kind}`: inspections carried out in the period (次). */
export const courtyardInspectionsIndicator: Indicator = {
  key: 'courtyards.inspections',
  label: { zh: '美丽庭院入户检查次数', en: 'Courtyard inspections' },
  unit: { zh: '次', en: 'inspections' },
  permission: 'courtyards.read',
  measure: 'count',
  dimensions: kind,
  isFlow: true,
  source: inspectionSource,
  // The per-unit monthly counts the inspections trigger keeps, plus the records of any days at the ends.
  rollup: ({ from, to, scopePath }) => {
    const p = splitIntoMonths(from, to);
    if (!p) return undefined;
    return sql`
      select r.org_path, r.kind, r.month as record_date, r.inspections as n
      from courtyard_inspections_by_month r
      where r.month between ${p.monthsFrom}::date and ${p.monthsTo}::date and r.inspections > 0
        and ${scoped('r.org_path', scopePath)}
      ${sql.join(edgeInspections(p.edges, scopePath, sql`i.org_path, i.kind, i.inspected_on, 1`), sql``)}`;
  },
};

/** `courtyards.inspectedHouseholds{kind}`: distinct households inspected in the period (户). */
export const courtyardInspectedHouseholdsIndicator: Indicator = {
  key: 'courtyards.inspectedHouseholds',
  label: { zh: '入户检查覆盖户数', en: 'Households inspected' },
  unit: { zh: '户', en: 'households' },
  permission: 'courtyards.read',
  measure: 'distinct',
  dimensions: kind,
  source: inspectionSource,
  // Each household's row of the year with a non-zero month count in the whole months, plus the
  // households of the records of any days at the ends (the distinct count merges them).
  rollup: ({ from, to, scopePath }) => {
    const p = splitIntoMonths(from, to);
    if (!p) return undefined;
    const years: SQL[] = [];
    for (let y = p.first.y; y <= p.last.y; y++) {
      const first = y === p.first.y ? p.first.m : 1;
      const last = y === p.last.y ? p.last.m : 12;
      const months = Array.from({ length: last - first + 1 }, (_, n) => `r.m${first + n}`).join(' + ');
      years.push(sql`(r.year = ${y} and ${sql.raw(months)} > 0)`);
    }
    return sql`
      select r.household_id as subject_id, r.org_path, r.kind
      from courtyard_inspected_households r
      where (${sql.join(years, sql` or `)}) and ${scoped('r.org_path', scopePath)}
      ${sql.join(edgeInspections(p.edges, scopePath, sql`i.household_id, i.org_path, i.kind`), sql``)}`;
  },
};

/**
 * `courtyards.rectifications{status}`: rectifications opened in the period, by their status as of today —
 * the one definition of 未整改 (`rectificationStatusOn`), shared with the 整改逾期榜.
 */
export const courtyardRectificationsIndicator: Indicator = {
  key: 'courtyards.rectifications',
  label: { zh: '美丽庭院整改项', en: 'Rectifications' },
  unit: { zh: '项', en: 'items' },
  permission: 'courtyards.read',
  measure: 'count',
  dimensions: { status: { label: { zh: '整改状态', en: 'Status' }, values: rectificationStatusLabels } },
  source: ({ from, to, scopePath }) => sql`
    select r.id as record_id, ${label} || ' ' || r.problem as record_label, r.opened_on as record_date, r.org_path,
      ${rectificationStatusOn('r', shanghaiToday())} as status,
      r.household_id as subject_id
    from courtyard_rectifications r join households h on h.id = r.household_id
    where r.deleted_at is null and r.opened_on between ${from}::date and ${to}::date and ${scoped('r.org_path', scopePath)}`,
};

const plaqueSource =
  (kinds: string[]): Indicator['source'] =>
  ({ from, to, scopePath }) =>
    sql`
    select e.id as record_id, ${label} || ' ' || e.reason as record_label, e.occurred_on as record_date, e.org_path,
      coalesce(e.to_level, e.from_level) as level, e.household_id as subject_id
    from courtyard_plaque_events e join households h on h.id = e.household_id
    where e.kind in (${sql.join(
      kinds.map((k) => sql`${k}`),
      sql`, `,
    )}) and e.occurred_on between ${from}::date and ${to}::date and ${scoped('e.org_path', scopePath)}`;

/** `courtyards.plaques.awarded`: plaques hung in the period — first awards and upgrades (户次). */
export const courtyardPlaquesAwardedIndicator: Indicator = {
  key: 'courtyards.plaques.awarded',
  label: { zh: '美丽庭院挂牌', en: 'Plaques awarded' },
  unit: { zh: '户次', en: 'awards' },
  permission: 'courtyards.read',
  measure: 'count',
  dimensions: level,
  source: plaqueSource(['award', 'upgrade']),
};

/** `courtyards.plaques.removed`: plaques removed (摘牌) in the period (户次). */
export const courtyardPlaquesRemovedIndicator: Indicator = {
  key: 'courtyards.plaques.removed',
  label: { zh: '美丽庭院摘牌', en: 'Plaques removed' },
  unit: { zh: '户次', en: 'removals' },
  permission: 'courtyards.read',
  measure: 'count',
  dimensions: level,
  source: plaqueSource(['removal']),
};

/** `courtyards.featured{category}`: households designated featured courtyards in the period (户). */
export const courtyardFeaturedIndicator: Indicator = {
  key: 'courtyards.featured',
  label: { zh: '特色庭院户数', en: 'Featured courtyards' },
  unit: { zh: '户', en: 'households' },
  permission: 'courtyards.read',
  measure: 'distinct',
  dimensions: {
    category: {
      label: { zh: '特色类别', en: 'Category' },
      values: Object.fromEntries(defaultFeaturedCategories.map((c) => [c.code, c.label])),
      // A county's own categories (花香庭院 next to 书香庭院…) by their names, never their codes.
      valuesFor: async (db, scopePath) =>
        Object.fromEntries(
          (await featuredCategoriesOf(db, { orgPath: scopePath })).categories.map((c) => [c.code, c.label]),
        ),
    },
  },
  source: ({ from, to, scopePath }) => sql`
    select f.id as record_id, ${label} as record_label, f.designated_on as record_date, f.org_path,
      f.category, f.household_id as subject_id
    from courtyard_featured f join households h on h.id = f.household_id
    where f.deleted_at is null and f.designated_on between ${from}::date and ${to}::date and ${scoped('f.org_path', scopePath)}`,
};

const RANK = (alias: string) =>
  sql.raw(`(case ${alias}.to_rating when 'premium' then 3 when 'model' then 2 else 1 end)`);

/**
 * `courtyards.everRated{rating, modelOrAbove}`: households rated at least once since the programme
 * began, as of the period's end (a cumulative stock: 累计评定). Each household counts once, under the
 * highest level it ever reached (its first reach of that level dates the record), so the ratings add
 * up to the total and 示范户及以上 is `modelOrAbove=yes`.
 */
export const courtyardEverRatedIndicator: Indicator = {
  key: 'courtyards.everRated',
  label: { zh: '累计评定美丽庭院户数', en: 'Households ever rated' },
  unit: { zh: '户', en: 'households' },
  permission: 'courtyards.read',
  // One row per household (its highest first reach), so a count is a count of households.
  measure: 'count',
  dimensions: {
    rating: { label: { zh: '曾达到的最高等级', en: 'Highest rating reached' }, values: ratingLabels },
    modelOrAbove: {
      label: { zh: '示范户及以上', en: 'Model or above' },
      values: { yes: { zh: '示范户及以上', en: 'Model or above' }, no: { zh: '清洁户', en: 'Clean only' } },
    },
  },
  // Each household's first reaches, the highest first (a narrow sort: measured faster at county scale than
  // grouping or an anti-join, bench/courtyards-summary.bench.ts); the name is looked up after, for the
  // records shown only.
  source: ({ to, scopePath }) => sql`
    select x.household_id as record_id, ${householdLabel('x')} as record_label, x.effective_on as record_date,
      x.org_path, x.to_rating as rating,
      case when x.to_rating in ('model', 'premium') then 'yes' else 'no' end as "modelOrAbove",
      x.household_id as subject_id
    from (
      select distinct on (c.household_id) c.household_id, c.effective_on, c.org_path, c.to_rating
      from courtyard_rating_changes c
      where c.is_first_reach and c.to_rating is not null and c.effective_on <= ${to}::date
        and ${scoped('c.org_path', scopePath)} and ${householdLive('c')}
      order by c.household_id, ${RANK('c')} desc, c.effective_on) x`,
};

/** The day (Asia/Shanghai) a register row without dates of its own was entered, and whether it still stood on `to`. */
const standingOn = (alias: string, to: string) =>
  sql`(${sql.raw(alias)}.created_at at time zone 'Asia/Shanghai')::date <= ${to}::date
    and (${sql.raw(alias)}.deleted_at is null or (${sql.raw(alias)}.deleted_at at time zone 'Asia/Shanghai')::date > ${to}::date)`;

/** `courtyards.groups`: the cross-village inspection groups (验收小组) standing at the period's end. */
export const courtyardGroupsIndicator: Indicator = {
  key: 'courtyards.groups',
  label: { zh: '美丽庭院验收小组', en: 'Inspection groups' },
  unit: { zh: '个', en: 'groups' },
  permission: 'courtyards.read',
  measure: 'count',
  dimensions: {},
  source: ({ to, scopePath }) => sql`
    select g.id as record_id, g.name as record_label, (g.created_at at time zone 'Asia/Shanghai')::date as record_date,
      g.org_path
    from courtyard_groups g
    where ${standingOn('g', to)} and ${scoped('g.org_path', scopePath)}`,
};

const VILLAGE_CHAIR = 'villageChair';
const memberRoleLabels = {
  [VILLAGE_CHAIR]: { zh: '村（社区）妇联主席', en: 'Village or community chair' },
  ...personRoleLabels,
  chair: { zh: '镇（街道）等其他妇联主席', en: 'Other chair' },
  none: { zh: '无职务', en: 'No role' },
};
const slashes = (path: string) => sql.raw(`(length(${path}) - length(replace(${path}, '/', '')))`);

/**
 * `courtyards.groupMembers{role}`: the persons sitting in the inspection groups standing at the
 * period's end (each once, however many groups), by the role she held that day within the group's
 * town: `villageChair` when she chaired the federation of a village or community directly below it
 * (the 村（社区）妇联主席 a summary names), else her first role in the order of the role list, else `none`.
 * A group's members are as they are now (the register keeps no history of them).
 */
export const courtyardGroupMembersIndicator: Indicator = {
  key: 'courtyards.groupMembers',
  label: { zh: '验收小组成员', en: 'Inspection group members' },
  unit: { zh: '人', en: 'persons' },
  permission: 'courtyards.read',
  measure: 'distinct',
  dimensions: { role: { label: { zh: '职务', en: 'Role' }, values: memberRoleLabels } },
  source: ({ to, scopePath }) => sql`
    select g.id::text || ':' || p.id::text as record_id, p.name || '（' || g.name || '）' as record_label,
      (g.created_at at time zone 'Asia/Shanghai')::date as record_date, g.org_path,
      coalesce(
        (select ${VILLAGE_CHAIR}::text from role_terms t join org_units u on u.id = t.org_unit_id
          where t.person_id = p.id and t.role = 'chair' and t.deleted_at is null
            and t.started_on <= ${to}::date and (t.ended_on is null or t.ended_on >= ${to}::date)
            and ${scopedUnder('t.org_path', 'g.org_path')} and ${slashes('t.org_path')} = ${slashes('g.org_path')} + 1
            and u.kind not in ('enterprise', 'newSector')
          limit 1),
        (select t.role from role_terms t
          where t.person_id = p.id and t.deleted_at is null
            and t.started_on <= ${to}::date and (t.ended_on is null or t.ended_on >= ${to}::date)
            and ${scopedUnder('t.org_path', 'g.org_path')}
          order by array_position(${sql.param([...personRoles])}::text[], t.role), t.role limit 1),
        'none') as role,
      p.id as subject_id
    from courtyard_groups g cross join lateral unnest(g.member_ids) as m(id) join persons p on p.id = m.id
    where ${standingOn('g', to)} and p.deleted_at is null and ${scoped('g.org_path', scopePath)}`,
};

export const courtyardIndicators: Indicator[] = [
  courtyardHouseholdsIndicator,
  courtyardCreatedIndicator,
  courtyardInspectionsIndicator,
  courtyardInspectedHouseholdsIndicator,
  courtyardRectificationsIndicator,
  courtyardPlaquesAwardedIndicator,
  courtyardPlaquesRemovedIndicator,
  courtyardFeaturedIndicator,
  courtyardEverRatedIndicator,
  courtyardGroupsIndicator,
  courtyardGroupMembersIndicator,
];
