import { sql } from 'drizzle-orm';
import { dutyRecordKindLabels, honourLevelLabels, nomineeKindLabels } from '../../../contracts/honours';
import type { Indicator } from '../../kernel/indicators/registry';
import { shanghaiToday } from '../../kernel/time/calendar';
import { dutyMembersSql } from './duty-compliance';
import { honourTitleList } from './honour-titles.service';

const honourDimensions: Indicator['dimensions'] = {
  title: {
    label: { zh: '荣誉称号', en: 'Title' },
    values: {},
    valuesFor: honourTitleList.labelsFor,
  },
  level: { label: { zh: '级别', en: 'Level' }, values: honourLevelLabels },
  nomineeKind: { label: { zh: '类型', en: 'Kind' }, values: nomineeKindLabels },
};

const nomineeName = sql`coalesce((select p.name from persons p where p.id = n.person_id),
  (select coalesce(hp.name, h.address) from households h left join persons hp on hp.id = h.head_person_id
    where h.id = n.household_id),
  (select cu.name from org_units cu where cu.id = n.collective_unit_id), '')`;

/** `honours.awarded{title, level, nomineeKind}`: honours awarded in the period (by the award date). */
export const honoursAwardedIndicator: Indicator = {
  key: 'honours.awarded',
  label: { zh: '获评荣誉', en: 'Honours awarded' },
  unit: { zh: '个', en: 'honours' },
  permission: 'honours.read',
  isFlow: true,
  isOccasional: true,
  measure: 'count',
  dimensions: honourDimensions,
  source: ({ from, to }) => sql`
    select n.id as record_id, ${nomineeName} as record_label, n.awarded_on as record_date, n.org_path,
      n.title_code as title, n.level, n.nominee_kind as "nomineeKind", null::uuid as subject_id
    from nominations n
    where n.deleted_at is null and n.status = 'awarded'
      and n.awarded_on between ${from}::date and ${to}::date`,
};

/** `honours.inNotice{title, level, nomineeKind}`: nominations whose 公示 runs on the period's last day. */
export const honoursInNoticeIndicator: Indicator = {
  key: 'honours.inNotice',
  label: { zh: '公示中的推荐', en: 'Nominations in public notice' },
  unit: { zh: '个', en: 'nominations' },
  permission: 'honours.read',
  measure: 'count',
  dimensions: honourDimensions,
  source: ({ to }) => sql`
    select n.id as record_id, ${nomineeName} as record_label, n.notice_from as record_date, n.org_path,
      n.title_code as title, n.level, n.nominee_kind as "nomineeKind", null::uuid as subject_id
    from nominations n
    where n.deleted_at is null and n.status = 'publicizing'
      and n.notice_from <= ${to}::date and n.notice_to >= ${to}::date`,
};

/**
 * `duties.compliance{status}`: executive members to whom a duty rule applies, by whether every rule
 * period ended by the period's end (or today) was met — from the records (`dutyMembersSql`). The
 * compliance rate is `{status: met}` over the total. The year is that of the period's last day.
 */
export const dutiesComplianceIndicator: Indicator = {
  key: 'duties.compliance',
  label: { zh: '执委履职达标', en: 'Executive members meeting their duties' },
  unit: { zh: '人', en: 'members' },
  permission: 'honours.read',
  measure: 'distinct',
  dimensions: {
    status: {
      label: { zh: '履职情况', en: 'Duties' },
      values: { met: { zh: '达标', en: 'Met' }, behind: { zh: '未达标', en: 'Behind' } },
    },
  },
  source: ({ to, scopePath }) => {
    const today = shanghaiToday();
    const [asOf] = [to, today].sort();
    return sql`
      select x.member_id as record_id, p.name as record_label, ${asOf}::date as record_date, x.org_path,
        x.status, x.member_id as subject_id
      from (${dutyMembersSql({ scopePath, year: Number(to.slice(0, 4)), asOf })}) x
      join persons p on p.id = x.member_id`;
  },
};

/** `duties.contacts{kind}`: duty records (contacts, visits, duty-chair turns, reports) in the period. */
export const dutiesContactsIndicator: Indicator = {
  key: 'duties.contacts',
  label: { zh: '执委履职记录', en: 'Duty records' },
  unit: { zh: '次', en: 'records' },
  permission: 'honours.read',
  isFlow: true,
  measure: 'count',
  dimensions: { kind: { label: { zh: '履职类型', en: 'Kind' }, values: dutyRecordKindLabels } },
  source: ({ from, to }) => sql`
    select r.id as record_id, p.name as record_label, r.occurred_on as record_date, r.org_path, r.kind,
      r.member_id as subject_id, r.women_contacted + r.households_contacted as amount
    from duty_records r join persons p on p.id = r.member_id
    where r.deleted_at is null and r.occurred_on between ${from}::date and ${to}::date`,
};

/** `duties.projectsDone`: claimed projects (项目领办) completed in the period. */
export const dutiesProjectsDoneIndicator: Indicator = {
  key: 'duties.projectsDone',
  label: { zh: '执委领办项目完成', en: 'Projects completed' },
  unit: { zh: '个', en: 'projects' },
  permission: 'honours.read',
  isFlow: true,
  isOccasional: true,
  measure: 'count',
  dimensions: {},
  source: ({ from, to }) => sql`
    select d.id as record_id, d.title as record_label, d.done_on as record_date, d.org_path,
      d.member_id as subject_id
    from duty_projects d
    where d.deleted_at is null and d.done_on between ${from}::date and ${to}::date`,
};

/** `duties.rules`: duty rules in force at the period's end (set by a unit of the scope). */
export const dutiesRulesIndicator: Indicator = {
  key: 'duties.rules',
  label: { zh: '执委履职规则', en: 'Duty rules in force' },
  unit: { zh: '条', en: 'rules' },
  permission: 'honours.read',
  measure: 'count',
  dimensions: {},
  source: ({ to }) => sql`
    select r.id as record_id, r.name as record_label, r.created_at::date as record_date, r.org_path,
      null::uuid as subject_id
    from duty_rules r
    where r.deleted_at is null and r.created_at::date <= ${to}::date`,
};

export const honoursIndicators: Indicator[] = [
  honoursAwardedIndicator,
  honoursInNoticeIndicator,
  dutiesComplianceIndicator,
  dutiesContactsIndicator,
  dutiesProjectsDoneIndicator,
  dutiesRulesIndicator,
];
