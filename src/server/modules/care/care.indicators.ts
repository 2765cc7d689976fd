import { sql } from 'drizzle-orm';
import {
  caseOutcomeLabels,
  disputeTypeLabels,
  keyPersonCategoryLabels,
  riskLevelLabels,
  visitFrequencyLabels,
  visitModeLabels,
} from '../../../contracts/care';
import type { Indicator } from '../../kernel/indicators/registry';
import { shanghaiToday } from '../../kernel/time/calendar';
import { frequencyInterval } from './visits.repository';

/*
 * Care figures carry no identities: a record's label is its category or dispute type, never a
 * name, so a drill-down (open to every reader of reports, inside the care tier or not) lists how
 * many and where, not who. Names stay behind the care.read routes, masked and read-audited.
 */

const category = { label: { zh: '重点人群类别', en: 'Category' }, values: keyPersonCategoryLabels };
const risk = {
  label: { zh: '风险等级', en: 'Risk level' },
  values: { ...riskLevelLabels, unscreened: { zh: '未排查', en: 'Not screened' } },
};
const disputeType = { label: { zh: '纠纷类型', en: 'Dispute type' }, values: disputeTypeLabels };
const outcome = {
  label: { zh: '调解结果', en: 'Outcome' },
  values: { ...caseOutcomeLabels, open: { zh: '调解中', en: 'In progress' } },
};

const categoryLabel = sql.raw(
  `case k.category ${Object.entries(keyPersonCategoryLabels)
    .map(([code, l]) => `when '${code}' then '${l.zh}'`)
    .join(' ')} else k.category end`,
);
const disputeLabel = sql.raw(
  `case c.dispute_type ${Object.entries(disputeTypeLabels)
    .map(([code, l]) => `when '${code}' then '${l.zh}纠纷'`)
    .join(' ')} else c.dispute_type end`,
);

/** `care.keyPeople{category,risk}`: key people on the books at the period's end, by their latest colour then. */
export const keyPeopleIndicator: Indicator = {
  key: 'care.keyPeople',
  label: { zh: '重点人群', en: 'Key people' },
  unit: { zh: '人', en: 'persons' },
  permission: 'reports.read',
  measure: 'count',
  dimensions: { category, risk },
  source: ({ to }) => sql`
    select k.id as record_id, ${categoryLabel} as record_label, k.created_at::date as record_date, k.org_path,
      k.category as category,
      coalesce((select s.risk from care_screenings s where s.key_person_id = k.id and s.deleted_at is null
        and s.screened_on <= ${to}::date order by s.month desc limit 1), 'unscreened') as risk
    from care_key_people k
    where k.deleted_at is null and k.created_at::date <= ${to}::date
      and (k.status <> 'closed' or k.closed_on > ${to}::date)`,
};

/** `care.screened{risk}`: screenings done in the period (one per key person and month). */
export const screenedIndicator: Indicator = {
  key: 'care.screened',
  label: { zh: '风险排查', en: 'Risk screenings' },
  unit: { zh: '人次', en: 'screenings' },
  permission: 'reports.read',
  isFlow: true,
  measure: 'count',
  dimensions: { risk: { ...risk, values: riskLevelLabels }, category },
  source: ({ from, to }) => sql`
    select s.id as record_id, ${categoryLabel} || ' ' || s.month as record_label, s.screened_on as record_date,
      s.org_path, s.risk as risk, k.category as category
    from care_screenings s join care_key_people k on k.id = s.key_person_id
    where s.deleted_at is null and s.screened_on between ${from}::date and ${to}::date`,
};

/**
 * `care.missingScreenings{category}`: a key person on the books in a past or current month of the
 * period with no screening for that month (dated the month's last day).
 */
export const missingScreeningsIndicator: Indicator = {
  key: 'care.missingScreenings',
  label: { zh: '未按月排查', en: 'Missing screenings' },
  unit: { zh: '人次', en: 'person-months' },
  permission: 'reports.read',
  isFlow: true,
  measure: 'count',
  dimensions: { category },
  source: ({ from, to }) => sql`
    select k.id as record_id, ${categoryLabel} || ' ' || to_char(m.start, 'YYYY-MM') as record_label,
      (m.start + interval '1 month - 1 day')::date as record_date, k.org_path, k.category as category
    from care_key_people k
    cross join lateral generate_series(date_trunc('month', ${from}::date), date_trunc('month', ${to}::date),
      interval '1 month') as m(start)
    where k.deleted_at is null
      and m.start <= (now() at time zone 'Asia/Shanghai')::date
      and (m.start + interval '1 month - 1 day')::date between ${from}::date and ${to}::date
      and k.created_at < m.start + interval '1 month'
      and (k.status <> 'closed' or k.closed_on >= m.start::date)
      and not exists (select 1 from care_screenings s where s.key_person_id = k.id and s.deleted_at is null
        and s.month = to_char(m.start, 'YYYY-MM'))`,
};

/** `care.disputes{disputeType,outcome}`: mediation cases received in the period. */
export const disputesIndicator: Indicator = {
  key: 'care.disputes',
  label: { zh: '受理婚姻家庭纠纷', en: 'Disputes received' },
  unit: { zh: '件', en: 'cases' },
  permission: 'reports.read',
  isFlow: true,
  measure: 'count',
  dimensions: { disputeType, outcome },
  source: ({ from, to }) => sql`
    select c.id as record_id, ${disputeLabel} as record_label, c.received_on as record_date, c.org_path,
      c.dispute_type as "disputeType", coalesce(c.outcome, 'open') as outcome
    from care_mediation_cases c
    where c.deleted_at is null and c.received_on between ${from}::date and ${to}::date`,
};

/** `care.casesClosed{outcome,disputeType}`: cases closed in the period (agreements: outcome=agreement). */
export const casesClosedIndicator: Indicator = {
  key: 'care.casesClosed',
  label: { zh: '调结纠纷', en: 'Cases closed' },
  unit: { zh: '件', en: 'cases' },
  permission: 'reports.read',
  isFlow: true,
  measure: 'count',
  dimensions: { outcome: { ...outcome, values: caseOutcomeLabels }, disputeType },
  source: ({ from, to }) => sql`
    select c.id as record_id, ${disputeLabel} as record_label, c.closed_on as record_date, c.org_path,
      c.outcome as outcome, c.dispute_type as "disputeType"
    from care_mediation_cases c
    where c.deleted_at is null and c.status = 'closed' and c.closed_on between ${from}::date and ${to}::date`,
};

/** `care.hotlineTickets{onTime}`: 12345 tickets whose reply was due in the period, answered on time or not. */
export const hotlineIndicator: Indicator = {
  key: 'care.hotlineTickets',
  label: { zh: '12345热线工单', en: '12345 tickets' },
  unit: { zh: '件', en: 'tickets' },
  permission: 'reports.read',
  isFlow: true,
  measure: 'count',
  dimensions: {
    onTime: {
      label: { zh: '按期答复', en: 'Answered on time' },
      values: {
        yes: { zh: '按期答复', en: 'On time' },
        no: { zh: '逾期或未答复', en: 'Late or unanswered' },
      },
    },
  },
  source: ({ from, to }) => sql`
    select c.id as record_id, ${disputeLabel} as record_label, c.reply_due_on as record_date, c.org_path,
      case when c.replied_on is not null and c.replied_on <= c.reply_due_on then 'yes' else 'no' end as "onTime"
    from care_mediation_cases c
    where c.deleted_at is null and c.source = 'hotline' and c.reply_due_on between ${from}::date and ${to}::date`,
};

/**
 * `care.casesOverdue{clock}`: the due clocks of mediation, as they stand on the period's last day (or
 * today, if sooner): a 12345 reply past its deadline and not given (`reply`), an open case past its
 * time limit (`limit`), a 回访 past its date and not recorded (`followUp`). One row per clock run out.
 */
export const casesOverdueIndicator: Indicator = {
  key: 'care.casesOverdue',
  label: { zh: '逾期的调解事项', en: 'Overdue mediation clocks' },
  unit: { zh: '项', en: 'items' },
  permission: 'reports.read',
  measure: 'count',
  dimensions: {
    clock: {
      label: { zh: '期限', en: 'Clock' },
      values: {
        reply: { zh: '12345答复逾期', en: '12345 reply overdue' },
        limit: { zh: '调解超期', en: 'Past time limit' },
        followUp: { zh: '回访逾期', en: 'Follow-up overdue' },
      },
    },
  },
  source: ({ to }) => sql`
    select c.id as record_id, ${disputeLabel} as record_label, d.due as record_date, c.org_path, d.clock as clock
    from care_mediation_cases c
    cross join lateral (values
      ('reply', c.reply_due_on, c.source = 'hotline' and c.replied_on is null),
      ('limit', c.due_on, c.status = 'open'),
      ('followUp', c.follow_up_due_on, c.status = 'closed' and c.followed_up_on is null)
    ) as d(clock, due, applies)
    where c.deleted_at is null and d.applies and d.due is not null
      and d.due < least(${to}::date, (now() at time zone 'Asia/Shanghai')::date)
      and c.received_on <= ${to}::date`,
};

const frequency = { label: { zh: '走访频次', en: 'Visit frequency' }, values: visitFrequencyLabels };
const mode = { label: { zh: '走访方式', en: 'Visit mode' }, values: visitModeLabels };

/** `care.pairings{category,frequency}`: key people paired at some time in the period (in force on its last day when from = to); one pairing each. */
export const pairingsIndicator: Indicator = {
  key: 'care.pairings',
  label: { zh: '结对帮扶', en: 'Pairings' },
  unit: { zh: '对', en: 'pairings' },
  permission: 'reports.read',
  measure: 'count',
  dimensions: { category, frequency },
  source: ({ from, to }) => sql`
    select pr.id as record_id, ${categoryLabel} || ' 结对帮扶' as record_label, pr.started_on as record_date,
      pr.org_path, k.category as category, pr.frequency as frequency
    from care_pairings pr join care_key_people k on k.id = pr.key_person_id
    where pr.deleted_at is null and pr.started_on <= ${to}::date
      and (pr.ended_on is null or pr.ended_on > ${from}::date)
      -- A person closed (销号) is no longer helped from that day, whether or not her pairing was ended.
      and (k.status <> 'closed' or k.closed_on > ${from}::date)`,
};

/** `care.visits{mode,category}`: visits made in the period. */
export const visitsIndicator: Indicator = {
  key: 'care.visits',
  label: { zh: '走访', en: 'Visits' },
  unit: { zh: '次', en: 'visits' },
  permission: 'reports.read',
  isFlow: true,
  measure: 'count',
  dimensions: { mode, category },
  source: ({ from, to }) => sql`
    select cv.id as record_id, ${categoryLabel} || ' ' || cv.visited_on as record_label,
      cv.visited_on as record_date, cv.org_path, cv.mode as mode, k.category as category
    from care_visits cv join care_key_people k on k.id = cv.key_person_id
    where cv.deleted_at is null and cv.visited_on between ${from}::date and ${to}::date`,
};

/** `care.visitedPeople{category}`: distinct key people visited at least once in the period. */
export const visitedPeopleIndicator: Indicator = {
  key: 'care.visitedPeople',
  label: { zh: '走访重点人员', en: 'Key people visited' },
  unit: { zh: '人', en: 'persons' },
  permission: 'reports.read',
  isFlow: true,
  measure: 'distinct',
  dimensions: { category },
  source: ({ from, to }) => sql`
    select cv.id as record_id, ${categoryLabel} || ' ' || cv.visited_on as record_label,
      cv.visited_on as record_date, cv.org_path, k.category as category, cv.key_person_id as subject_id
    from care_visits cv join care_key_people k on k.id = cv.key_person_id
    where cv.deleted_at is null and cv.visited_on between ${from}::date and ${to}::date`,
};

/**
 * `care.visitsOverdue{frequency}`: pairings in force whose next visit (the last visit, or the start,
 * plus the frequency) fell due before the period's last day or today, whichever is sooner; a key
 * person closed (销号) by then is no longer due a visit.
 */
export const visitsOverdueIndicator: Indicator = {
  key: 'care.visitsOverdue',
  label: { zh: '走访逾期的结对', en: 'Pairings with a visit overdue' },
  unit: { zh: '对', en: 'pairings' },
  permission: 'reports.read',
  measure: 'count',
  dimensions: { frequency, category },
  source: ({ to }) => {
    const [asOf] = [to, shanghaiToday()].sort();
    return sql`
    select pr.id as record_id, ${categoryLabel} || ' 结对帮扶' as record_label, d.due as record_date, pr.org_path,
      pr.frequency as frequency, k.category as category
    from care_pairings pr join care_key_people k on k.id = pr.key_person_id
    cross join lateral (select (coalesce(max(cv.visited_on), pr.started_on) + ${frequencyInterval('pr.frequency')})::date as due
      from care_visits cv where cv.pairing_id = pr.id and cv.deleted_at is null and cv.visited_on <= ${asOf}::date) d
    where pr.deleted_at is null and pr.started_on <= ${asOf}::date
      and (pr.ended_on is null or pr.ended_on > ${asOf}::date) and d.due < ${asOf}::date
      and (k.status <> 'closed' or k.closed_on > ${asOf}::date)`;
  },
};

export const careIndicators: Indicator[] = [
  keyPeopleIndicator,
  screenedIndicator,
  missingScreeningsIndicator,
  disputesIndicator,
  casesClosedIndicator,
  hotlineIndicator,
  casesOverdueIndicator,
  pairingsIndicator,
  visitsIndicator,
  visitedPeopleIndicator,
  visitsOverdueIndicator,
];
