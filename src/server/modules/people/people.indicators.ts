import { sql } from 'drizzle-orm';
import { orgKindLabels } from '../../../contracts/org';
import { genderLabels } from '../../../contracts/people';
import { personRoleLabels, volunteerTeamKindLabels } from '../../../contracts/people-roles';
import type { Indicator } from '../../kernel/indicators/registry';
import { enteredOn } from '../org/org.indicators';

const inGridDimension: Indicator['dimensions'][string] = {
  label: { zh: '网格覆盖', en: 'Grid coverage' },
  values: {
    covered: { zh: '已入网格', en: 'In a grid' },
    uncovered: { zh: '未入网格', en: 'Not in a grid' },
  },
};
/** A household is covered when it belongs to a live grid. */
const inGrid = (household: string) =>
  sql`case when exists (select 1 from grids g where g.id = ${sql.identifier(household)}.grid_id and g.deleted_at is null) then 'covered' else 'uncovered' end`;

/** `chair@village`: a role in a kind of unit, one value a figure can filter by (村妇联主席 apart from the town's own). */
const roleAtLabels = Object.fromEntries(
  Object.entries(personRoleLabels).flatMap(([role, r]) =>
    Object.entries(orgKindLabels).map(([kind, k]) => [
      `${role}@${kind}`,
      { zh: `${k.zh}${r.zh}`, en: `${k.en} ${r.en.toLowerCase()}` },
    ]),
  ),
);

/**
 * `people.roleHolders{role, unitKind, roleAt}`: persons holding a role on the last day of the period (a
 * person holding one role in two units counts once in a total, once per unit in a roll-up). By
 * `unitKind` (the kind of the unit the term is held in) a town's own chair stands apart from the
 * chairs of its villages and communities; `roleAt` (`chair@village`) is the role in that kind of
 * unit, so one figure (one filter) counts the chairs of villages, another those of communities.
 */
export const roleHoldersIndicator: Indicator = {
  key: 'people.roleHolders',
  label: { zh: '任职人数', en: 'Role holders' },
  unit: { zh: '人', en: 'persons' },
  permission: 'people.read',
  measure: 'distinct',
  dimensions: {
    role: { label: { zh: '职务', en: 'Role' }, values: personRoleLabels },
    unitKind: { label: { zh: '任职组织类型', en: 'Kind of unit' }, values: orgKindLabels },
    roleAt: { label: { zh: '职务（按任职组织类型）', en: 'Role by kind of unit' }, values: roleAtLabels },
  },
  source: ({ to, groupBy }) => sql`
    select t.id as record_id, p.name as record_label, t.started_on as record_date, t.org_path, t.role,
      ${groupBy === 'unitKind' ? sql`u.kind` : sql`null::text`} as "unitKind",
      ${groupBy === 'roleAt' ? sql`t.role || '@' || u.kind` : sql`null::text`} as "roleAt",
      t.person_id as subject_id
    from role_terms t join persons p on p.id = t.person_id
    ${groupBy === 'unitKind' || groupBy === 'roleAt' ? sql`join org_units u on u.id = t.org_unit_id` : sql``}
    where t.deleted_at is null and p.deleted_at is null
      and t.started_on <= ${to}::date and (t.ended_on is null or t.ended_on >= ${to}::date)`,
};

/**
 * `people.persons{tag, gender, inGrid}`: persons on the register at the end of the period. By tag a
 * person counts once per tag (留守妇女 and 低保 both), once in a total; untagged persons fall under
 * 未填. The grid coverage joins only when grouped by it.
 */
export const personsIndicator: Indicator = {
  key: 'people.persons',
  label: { zh: '人员数', en: 'Persons' },
  unit: { zh: '人', en: 'persons' },
  permission: 'people.read',
  measure: 'count',
  dimensions: {
    tag: { label: { zh: '人员标签', en: 'Tag' }, values: {}, isMultiValued: true },
    gender: { label: { zh: '性别', en: 'Gender' }, values: genderLabels },
    inGrid: inGridDimension,
  },
  source: ({ to, groupBy }) => sql`
    select p.id as record_id, p.name as record_label, ${enteredOn('p')} as record_date, p.org_path,
      ${groupBy === 'tag' ? sql`tg.t` : sql`null::text`} as tag, p.gender,
      ${groupBy === 'inGrid' ? sql`case when h.id is null then 'uncovered' else ${inGrid('h')} end` : sql`null::text`} as "inGrid"
    from persons p
    ${groupBy === 'tag' ? sql`left join lateral unnest(case when cardinality(p.tags) = 0 then array[null::text] else p.tags end) as tg(t) on true` : sql``}
    ${groupBy === 'inGrid' ? sql`left join households h on h.id = p.household_id and h.deleted_at is null` : sql``}
    where p.deleted_at is null and ${enteredOn('p')} <= ${to}::date`,
};

/** `people.households{inGrid}`: households on the register at the end of the period. */
export const householdsIndicator: Indicator = {
  key: 'people.households',
  label: { zh: '户数', en: 'Households' },
  unit: { zh: '户', en: 'households' },
  permission: 'people.read',
  measure: 'count',
  dimensions: { inGrid: inGridDimension },
  source: ({ to, groupBy }) => sql`
    select h.id as record_id, h.address || coalesce(' ' || h.house_number, '') as record_label,
      ${enteredOn('h')} as record_date, h.org_path,
      ${groupBy === 'inGrid' ? inGrid('h') : sql`null::text`} as "inGrid"
    from households h
    where h.deleted_at is null and ${enteredOn('h')} <= ${to}::date`,
};

const teamKindDimension = { label: { zh: '队伍类型', en: 'Team kind' }, values: volunteerTeamKindLabels };

/** `people.volunteerTeams{kind}`: volunteer teams founded by the end of the period (or undated). */
export const volunteerTeamsIndicator: Indicator = {
  key: 'people.volunteerTeams',
  label: { zh: '志愿服务队数', en: 'Volunteer teams' },
  unit: { zh: '支', en: 'teams' },
  permission: 'people.read',
  measure: 'count',
  dimensions: { kind: teamKindDimension },
  source: ({ to }) => sql`
    select t.id as record_id, t.name as record_label, t.founded_on as record_date, t.org_path, t.kind
    from volunteer_teams t
    where t.deleted_at is null and (t.founded_on is null or t.founded_on <= ${to}::date)`,
};

/**
 * `people.teamsFounded{kind}`: volunteer teams (宣讲队, 调解队…) founded in the period. Records: the
 * team, its founding date.
 */
export const teamsFoundedIndicator: Indicator = {
  key: 'people.teamsFounded',
  label: { zh: '新组建志愿服务队数', en: 'Teams founded' },
  unit: { zh: '支', en: 'teams' },
  permission: 'people.read',
  isFlow: true,
  isOccasional: true,
  measure: 'count',
  dimensions: { kind: teamKindDimension },
  source: ({ from, to }) => sql`
    select t.id as record_id, t.name as record_label, t.founded_on as record_date, t.org_path, t.kind
    from volunteer_teams t
    where t.deleted_at is null and t.founded_on between ${from}::date and ${to}::date`,
};

/**
 * `people.volunteers{kind}`: persons in a volunteer team at the end of the period. A member of two
 * teams counts once in a total (her records are her memberships, one per team).
 */
export const volunteersIndicator: Indicator = {
  key: 'people.volunteers',
  label: { zh: '志愿者人数', en: 'Volunteers' },
  unit: { zh: '人', en: 'persons' },
  permission: 'people.read',
  measure: 'distinct',
  dimensions: { kind: teamKindDimension },
  source: ({ to }) => sql`
    select p.id as record_id, p.name || '（' || t.name || '）' as record_label, m.joined_on as record_date,
      t.org_path, t.kind, m.person_id as subject_id
    from volunteer_team_members m
    join volunteer_teams t on t.id = m.team_id and t.deleted_at is null
    join persons p on p.id = m.person_id and p.deleted_at is null
    where (t.founded_on is null or t.founded_on <= ${to}::date) and (m.joined_on is null or m.joined_on <= ${to}::date)`,
};

export const peopleIndicators: Indicator[] = [
  roleHoldersIndicator,
  personsIndicator,
  householdsIndicator,
  volunteerTeamsIndicator,
  teamsFoundedIndicator,
  volunteersIndicator,
];
