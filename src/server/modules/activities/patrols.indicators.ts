import { sql } from 'drizzle-orm';
import type { Indicator } from '../../kernel/indicators/registry';

const dimensions: Indicator['dimensions'] = {
  hasHazard: {
    label: { zh: '是否发现隐患', en: 'Hazards found' },
    values: { yes: { zh: '有隐患', en: 'Hazards found' }, no: { zh: '无隐患', en: 'No hazards' } },
  },
};

/**
 * One source for every patrol number: a row per live patrol of the period (its hazards as
 * `amount`), or — for counting chiefs — a row per patrol and chief, the chief as `subject_id`.
 */
const patrolSource =
  (perChief: boolean): Indicator['source'] =>
  ({ from, to }) =>
    sql`
    select p.id as record_id, p.area as record_label, p.occurred_on as record_date, p.org_path,
      case when p.hazards_found > 0 then 'yes' else 'no' end as "hasHazard",
      p.hazards_found as amount, ${perChief ? sql`c.id` : sql`null::uuid`} as subject_id
    from patrols p ${perChief ? sql`cross join lateral unnest(p.chief_ids) as c(id)` : sql``}
    where p.deleted_at is null and p.occurred_on between ${from}::date and ${to}::date`;

/** `patrols.count{hasHazard}`: 巡查次数. */
export const patrolsCountIndicator: Indicator = {
  key: 'patrols.count',
  label: { zh: '护林防火巡查次数', en: 'Forest-fire patrols' },
  unit: { zh: '次', en: 'patrols' },
  permission: 'activities.read',
  isFlow: true,
  measure: 'count',
  dimensions,
  source: patrolSource(false),
};

/** `patrols.participants`: distinct 巾帼林长 who patrolled in the period. */
export const patrolsParticipantsIndicator: Indicator = {
  key: 'patrols.participants',
  label: { zh: '参与巡查的巾帼林长', en: 'Forest chiefs on patrol' },
  unit: { zh: '人', en: 'persons' },
  permission: 'activities.read',
  isFlow: true,
  measure: 'distinct',
  dimensions,
  source: patrolSource(true),
};

/** `patrols.hazards`: 发现隐患数, summed over the patrols. */
export const patrolsHazardsIndicator: Indicator = {
  key: 'patrols.hazards',
  label: { zh: '发现火灾隐患', en: 'Fire hazards found' },
  unit: { zh: '处', en: 'hazards' },
  permission: 'activities.read',
  isFlow: true,
  measure: 'sum',
  dimensions,
  source: patrolSource(false),
};

export const patrolIndicators: Indicator[] = [
  patrolsCountIndicator,
  patrolsParticipantsIndicator,
  patrolsHazardsIndicator,
];
