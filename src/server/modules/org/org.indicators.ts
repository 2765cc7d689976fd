import { sql } from 'drizzle-orm';
import { orgKindLabels } from '../../../contracts/org';
import { siteKindLabels } from '../../../contracts/org-ledgers';
import type { Indicator } from '../../kernel/indicators/registry';
import { siteKindList } from './site-kinds.service';

/** The day (Asia/Shanghai) a ledger record was entered: when a register without dates of its own began to hold it. */
export const enteredOn = (alias: string) =>
  sql`(${sql.identifier(alias)}.created_at at time zone 'Asia/Shanghai')::date`;

const assignedLabels = {
  assigned: { zh: '已明确', en: 'Assigned' },
  unassigned: { zh: '未明确', en: 'Not assigned' },
};

/** `org.sites{kind}`: service sites open at the end of the period. */
export const orgSitesIndicator: Indicator = {
  key: 'org.sites',
  label: { zh: '阵地数', en: 'Service sites' },
  unit: { zh: '个', en: 'sites' },
  permission: 'org.read',
  measure: 'count',
  dimensions: {
    kind: {
      label: { zh: '阵地类型', en: 'Kind' },
      values: siteKindLabels,
      valuesFor: siteKindList.labelsFor,
    },
  },
  source: ({ to }) => sql`
    select id as record_id, name as record_label, opened_on as record_date, org_path, kind
    from sites
    where deleted_at is null and (opened_on is null or opened_on <= ${to}::date)`,
};

/**
 * `org.units{kind}`: federations (org units) existing at the end of the period — founded by then (or
 * with no founding date) and not dissolved. The unit's own path places it: a town counts itself.
 */
export const orgUnitsIndicator: Indicator = {
  key: 'org.units',
  label: { zh: '妇联组织数', en: 'Federations' },
  unit: { zh: '个', en: 'units' },
  permission: 'org.read',
  measure: 'count',
  dimensions: { kind: { label: { zh: '组织类型', en: 'Kind' }, values: orgKindLabels } },
  source: ({ to }) => sql`
    select u.id as record_id, u.name as record_label, u.founded_on as record_date, u.path as org_path, u.kind
    from org_units u
    where u.deleted_at is null and (u.founded_on is null or u.founded_on <= ${to}::date)
      and (u.dissolved_on is null or u.dissolved_on > ${to}::date)`,
};

/**
 * `org.grids{member}`: grids on the register at the end of the period, by whether an executive
 * member covers them. The households and persons they cover are `people.households{inGrid}` and
 * `people.persons{inGrid}`.
 */
export const orgGridsIndicator: Indicator = {
  key: 'org.grids',
  label: { zh: '网格数', en: 'Grids' },
  unit: { zh: '个', en: 'grids' },
  permission: 'org.read',
  measure: 'count',
  dimensions: { member: { label: { zh: '网格执委', en: 'Executive member' }, values: assignedLabels } },
  source: ({ to }) => sql`
    select g.id as record_id, g.name as record_label, ${enteredOn('g')} as record_date, g.org_path,
      case when g.member_person_id is null then 'unassigned' else 'assigned' end as member
    from grids g
    where g.deleted_at is null and ${enteredOn('g')} <= ${to}::date`,
};

/** `org.womenGroups{leader}`: women's groups on the register at the end of the period, by whether they have a leader. */
export const orgWomenGroupsIndicator: Indicator = {
  key: 'org.womenGroups',
  label: { zh: '妇女小组数', en: "Women's groups" },
  unit: { zh: '个', en: 'groups' },
  permission: 'org.read',
  measure: 'count',
  dimensions: { leader: { label: { zh: '小组长', en: 'Leader' }, values: assignedLabels } },
  source: ({ to }) => sql`
    select w.id as record_id, w.name as record_label, ${enteredOn('w')} as record_date, w.org_path,
      case when w.leader_person_id is null then 'unassigned' else 'assigned' end as leader
    from women_groups w
    join grids g on g.id = w.grid_id and g.deleted_at is null
    where w.deleted_at is null and ${enteredOn('w')} <= ${to}::date`,
};

/** Events placed in a period by their date that need not happen every period (see `isOccasional`). */
const occasionalFlow = {
  permission: 'org.read',
  isFlow: true,
  isOccasional: true,
  measure: 'count',
} as const;

const unitKindDimension = { label: { zh: '组织类型', en: 'Kind' }, values: orgKindLabels };

/**
 * `org.unitsFounded{kind}`: federations founded in the period (their `founded_on` falls in it),
 * dissolved ones included — they were founded all the same. Records: the unit, its founding date.
 */
export const orgUnitsFoundedIndicator: Indicator = {
  key: 'org.unitsFounded',
  label: { zh: '新建妇联组织数', en: 'Federations founded' },
  unit: { zh: '个', en: 'units' },
  ...occasionalFlow,
  dimensions: { kind: unitKindDimension },
  source: ({ from, to }) => sql`
    select u.id as record_id, u.name as record_label, u.founded_on as record_date, u.path as org_path, u.kind
    from org_units u
    where u.deleted_at is null and u.founded_on between ${from}::date and ${to}::date`,
};

/** `org.sitesOpened{kind}`: service sites opened in the period. Records: the site, its opening date. */
export const orgSitesOpenedIndicator: Indicator = {
  key: 'org.sitesOpened',
  label: { zh: '新建阵地数', en: 'Sites opened' },
  unit: { zh: '个', en: 'sites' },
  ...occasionalFlow,
  dimensions: { kind: orgSitesIndicator.dimensions.kind },
  source: ({ from, to }) => sql`
    select id as record_id, name as record_label, opened_on as record_date, org_path, kind
    from sites
    where deleted_at is null and opened_on between ${from}::date and ${to}::date`,
};

/**
 * `org.elections{kind}`: elections (换届) held in the period, by the kind of the unit that held
 * them. Records: the unit, the election date.
 */
export const orgElectionsIndicator: Indicator = {
  key: 'org.elections',
  label: { zh: '换届选举次数', en: 'Elections held' },
  unit: { zh: '次', en: 'elections' },
  ...occasionalFlow,
  dimensions: { kind: unitKindDimension },
  source: ({ from, to }) => sql`
    select e.id as record_id, u.name || '换届选举' as record_label, e.held_on as record_date, e.org_path, u.kind
    from elections e join org_units u on u.id = e.org_unit_id
    where e.deleted_at is null and e.held_on between ${from}::date and ${to}::date`,
};

export const orgIndicators: Indicator[] = [
  orgSitesIndicator,
  orgSitesOpenedIndicator,
  orgUnitsIndicator,
  orgUnitsFoundedIndicator,
  orgElectionsIndicator,
  orgGridsIndicator,
  orgWomenGroupsIndicator,
];
