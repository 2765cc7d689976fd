import { sql } from 'drizzle-orm';
import { defaultActivityTypes, targetGroupLabels } from '../../../contracts/activities';
import { siteKindLabels } from '../../../contracts/org-ledgers';
import { rootOf } from '../../kernel/access/access';
import type { Indicator } from '../../kernel/indicators/registry';
import { siteKindList } from '../org/site-kinds.service';
import { activityTypeList, activityTypesOf } from './activity-types.service';

const typeLabels = Object.fromEntries(defaultActivityTypes.map((t) => [t.code, t.label]));

const dimensions: Indicator['dimensions'] = {
  type: {
    label: { zh: '活动类型', en: 'Type' },
    values: typeLabels,
    valuesFor: async (db, scopePath) =>
      Object.fromEntries(
        (await activityTypesOf(db, { orgPath: scopePath })).types.map((t) => [t.code, t.label]),
      ),
  },
  // Grouped by id (two towns may name campaigns alike), labelled with the names the reader can see.
  campaign: {
    label: { zh: '专项行动', en: 'Campaign' },
    values: {},
    isMultiValued: true,
    valuesFor: async (db, scopePath) => {
      const rows = (
        await db.execute(
          sql`select id::text as id, name from campaigns where org_path like ${`${scopePath}%`} or ${scopePath} like org_path || '%'`,
        )
      ).rows as { id: string; name: string }[];
      return Object.fromEntries(rows.map((c) => [c.id, { zh: c.name, en: c.name }]));
    },
  },
  site: { label: { zh: '阵地', en: 'Site' }, values: {} },
  siteKind: {
    label: { zh: '阵地类型', en: 'Site kind' },
    values: siteKindLabels,
    valuesFor: siteKindList.labelsFor,
  },
  targetGroup: {
    label: { zh: '服务对象', en: 'Target group' },
    values: targetGroupLabels,
    isMultiValued: true,
  },
  // 重点: the activities she marked as highlights (a summary names them with their dates).
  isNotable: {
    label: { zh: '是否重点', en: 'Notable' },
    values: { yes: { zh: '重点活动', en: 'Notable' }, no: { zh: '一般活动', en: 'Other' } },
  },
  // Of a type the county names with its dates in a summary (培训、普法: `isDated` in its list of types).
  isDated: {
    label: { zh: '是否按日期列举', en: 'Named with dates' },
    values: { yes: { zh: '按日期列举的类型', en: 'Dated type' }, no: { zh: '其他类型', en: 'Other types' } },
  },
};

const DATED_DEFAULTS = defaultActivityTypes.filter((t) => t.isDated).map((t) => t.code);

/**
 * Whether the activity's type is one the county names with dates: its configured list's flag (a value
 * saved without one takes the built-in value's), or the built-in list where the county kept it.
 */
const isDatedType = (scopePath: string) => {
  const root = rootOf({ orgPath: scopePath });
  const defaults = sql.join(
    DATED_DEFAULTS.map((c) => sql`${c}`),
    sql`, `,
  );
  return sql`(case when a.type in (
      select e->>'code' from county_code_lists l cross join lateral jsonb_array_elements(l.items) e
      where l.root_org_unit_id = ${root}::uuid and l.list = ${activityTypeList.list}
        and coalesce((e->>'isDated')::boolean, e->>'code' in (${defaults})))
    or (a.type in (${defaults}) and not exists (select 1 from county_code_lists l
      where l.root_org_unit_id = ${root}::uuid and l.list = ${activityTypeList.list}))
    then 'yes' else 'no' end)`;
};

/**
 * One source for 场次 and 人次: an activity row per record, expanded to one row per campaign or
 * target group only when grouped by it (so totals never count an activity twice).
 */
const activitySource = ({
  from,
  to,
  groupBy,
  scopePath,
  withSiteOnly,
}: {
  from: string;
  to: string;
  groupBy?: string;
  scopePath: string;
  withSiteOnly?: boolean;
}) => {
  const campaign = groupBy === 'campaign' ? sql`cid.id::text` : sql`null::text`;
  const campaignJoin =
    groupBy === 'campaign'
      ? sql`left join lateral unnest(case when cardinality(a.campaign_ids) = 0 then array[null::uuid] else a.campaign_ids end) as cid(id) on true`
      : sql``;
  const target = groupBy === 'targetGroup' ? sql`tg.g` : sql`null::text`;
  const targetJoin =
    groupBy === 'targetGroup'
      ? sql`left join lateral unnest(case when cardinality(a.target_groups) = 0 then array[null::text] else a.target_groups end) as tg(g) on true`
      : sql``;
  const siteJoin =
    groupBy === 'site' || groupBy === 'siteKind' ? sql`left join sites st on st.id = a.site_id` : sql``;
  const site = groupBy === 'site' ? sql`st.name` : sql`null::text`;
  const siteKind = groupBy === 'siteKind' ? sql`st.kind` : sql`null::text`;
  return sql`
    select a.id as record_id, a.title as record_label, a.occurred_on as record_date,
      a.ended_on as record_date_to, a.org_path,
      a.type, ${campaign} as campaign, ${site} as site, ${siteKind} as "siteKind", ${target} as "targetGroup",
      case when a.is_notable then 'yes' else 'no' end as "isNotable",
      ${groupBy === 'isDated' ? isDatedType(scopePath) : sql`null::text`} as "isDated",
      a.attendance as amount, a.site_id as subject_id
    from activities a ${campaignJoin} ${targetJoin} ${siteJoin}
    where a.deleted_at is null and a.occurred_on between ${from}::date and ${to}::date
      ${withSiteOnly ? sql`and a.site_id is not null` : sql``}`;
};

export const activitySessionsIndicator: Indicator = {
  key: 'activities.sessions',
  label: { zh: '活动场次', en: 'Sessions' },
  unit: { zh: '场次', en: 'sessions' },
  permission: 'activities.read',
  isFlow: true,
  hasDateTo: true,
  measure: 'count',
  dimensions,
  source: activitySource,
};

export const activityAttendancesIndicator: Indicator = {
  key: 'activities.attendances',
  label: { zh: '参加人次', en: 'Attendances' },
  unit: { zh: '人次', en: 'attendances' },
  permission: 'activities.read',
  isFlow: true,
  hasDateTo: true,
  measure: 'sum',
  dimensions,
  source: activitySource,
};

/**
 * `activities.sites`: distinct registered sites used by at least one activity in the period. By
 * campaign or target group a site counts once per value, and once in a total or a unit's margin.
 */
export const activitySitesIndicator: Indicator = {
  key: 'activities.sites',
  label: { zh: '开展活动的阵地数', en: 'Sites used' },
  unit: { zh: '个', en: 'sites' },
  permission: 'activities.read',
  isFlow: true,
  measure: 'distinct',
  dimensions: {
    type: dimensions.type,
    campaign: dimensions.campaign,
    targetGroup: dimensions.targetGroup,
  },
  source: (args) => activitySource({ ...args, withSiteOnly: true }),
};

export const activityIndicators: Indicator[] = [
  activitySessionsIndicator,
  activityAttendancesIndicator,
  activitySitesIndicator,
];
