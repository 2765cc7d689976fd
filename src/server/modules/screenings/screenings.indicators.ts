import { sql } from 'drizzle-orm';
import { screeningCategoryLabels, screeningResultLabels } from '../../../contracts/screenings';
import { scoped } from '../../kernel/access/access';
import type { Indicator } from '../../kernel/indicators/registry';

const category = { label: { zh: '人员类别', en: 'Category' }, values: screeningCategoryLabels };
const result = {
  label: { zh: '筛查结果', en: 'Result' },
  values: { ...screeningResultLabels, pending: { zh: '待出结果', en: 'Result pending' } },
};

/**
 * The programme year (筛查年度), which need not be the calendar year: a round's figures can be read
 * by it whatever dates its records carry. Its values are the years recorded in the reader's scope.
 */
const programmeYear: Indicator['dimensions'][string] = {
  label: { zh: '筛查年度', en: 'Programme year' },
  values: {},
  valuesFor: async (db, scopePath) => {
    const rows = (
      await db.execute(sql`select distinct programme_year::text as y from cancer_screenings
        where deleted_at is null and ${scoped('org_path', scopePath)} order by 1`)
    ).rows as { y: string }[];
    return Object.fromEntries(rows.map((r) => [r.y, { zh: `${r.y}年度`, en: r.y }]));
  },
};

/*
 * Health data: a drilled record is named by the woman's masked name (张*华), and only readers holding
 * `screenings.read` may count or drill these figures at all (the reader checks `permission`).
 */
const maskedName = sql`(select case when char_length(p.name) <= 1 then p.name
  when char_length(p.name) = 2 then left(p.name, 1) || '*'
  else left(p.name, 1) || repeat('*', char_length(p.name) - 2) || right(p.name, 1) end
  from persons p where p.id = s.person_id)`;

/**
 * One source for the flows: a row per live screening record, placed in a period by `dateColumn`
 * (mobilised_on for 动员, screened_on for 筛查). The woman's masked name is a scalar subquery, read
 * only when records are drilled (a count never touches persons).
 */
const screeningFlow =
  (dateColumn: 'mobilised_on' | 'screened_on'): Indicator['source'] =>
  ({ from, to }) =>
    sql`
    select s.id as record_id, ${maskedName} || ' ' || s.programme_year || '年度' as record_label,
      s.${sql.raw(dateColumn)} as record_date, s.org_path, s.category, s.programme_year::text as "programmeYear",
      coalesce(s.result, 'pending') as result
    from cancer_screenings s
    where s.deleted_at is null and s.${sql.raw(dateColumn)} between ${from}::date and ${to}::date`;

/** `cancerScreening.mobilised{category}`: 动员参加“两癌”筛查的适龄妇女, by the day she was mobilised. */
export const mobilisedIndicator: Indicator = {
  key: 'cancerScreening.mobilised',
  label: { zh: '动员参加两癌筛查', en: 'Women mobilised for screening' },
  unit: { zh: '人', en: 'women' },
  permission: 'screenings.read',
  isFlow: true,
  measure: 'count',
  dimensions: { category, programmeYear },
  source: screeningFlow('mobilised_on'),
};

/** `cancerScreening.screened{result, category}`: 完成两癌筛查, by the day she was screened. */
export const screenedIndicator: Indicator = {
  key: 'cancerScreening.screened',
  label: { zh: '完成两癌筛查', en: 'Women screened' },
  unit: { zh: '人', en: 'women' },
  permission: 'screenings.read',
  isFlow: true,
  measure: 'count',
  dimensions: { result, category, programmeYear },
  source: screeningFlow('screened_on'),
};

/**
 * `cancerScreening.followUps{category}`: 异常待随访 at the end of the period — a result of 需进一步检查
 * screened by then whose follow-up was not done by then (a stock, not a flow).
 */
export const followUpsIndicator: Indicator = {
  key: 'cancerScreening.followUps',
  label: { zh: '筛查异常待随访', en: 'Abnormal results awaiting follow-up' },
  unit: { zh: '人', en: 'women' },
  permission: 'screenings.read',
  measure: 'count',
  dimensions: { category, programmeYear },
  source: ({ to }) => sql`
    select s.id as record_id, ${maskedName} || ' ' || s.programme_year || '年度' as record_label,
      s.screened_on as record_date, s.org_path, s.category, s.programme_year::text as "programmeYear"
    from cancer_screenings s
    where s.deleted_at is null and s.result = 'followUp'
      and s.screened_on <= ${to}::date
      and (s.follow_up_done_on is null or s.follow_up_done_on > ${to}::date)`,
};

export const screeningIndicators: Indicator[] = [mobilisedIndicator, screenedIndicator, followUpsIndicator];
