import { type SQL, sql } from 'drizzle-orm';
import { scoped, scopedUnder } from '../../kernel/access/access';

/**
 * The one source of duty compliance: every period of every duty rule that applies to an executive
 * member in the subtree (a rule of her unit or of a unit above it), within her term, with how many
 * of the fulfilling records she has in it — counted from the records (duty records by kind, projects
 * by the day they were done), never from ticks. `isEnded`: the period is over by `asOf`.
 *
 * Members are the persons with an executive-member (执委) term overlapping the year up to `asOf`;
 * her place (`org_path`, `org_unit_id`) is that of her latest such term.
 */
export const dutyPeriodsSql = (a: {
  scopePath: string;
  year: number;
  asOf: string;
  memberId?: string;
}): SQL => {
  const yearStart = `${a.year}-01-01`;
  const yearEnd = `${a.year}-12-31`;
  const step = sql`case r.rhythm when 'month' then interval '1 month' when 'quarter' then interval '3 months' else interval '1 year' end`;
  return sql`
    with m as (
      select distinct on (t.person_id) t.person_id as member_id, t.org_unit_id, t.org_path,
        min(t.started_on) over (partition by t.person_id) as term_from,
        max(coalesce(t.ended_on, 'infinity'::date)) over (partition by t.person_id) as term_to
      from role_terms t
      where t.role = 'executiveMember' and t.deleted_at is null
        and t.started_on <= ${a.asOf}::date and (t.ended_on is null or t.ended_on >= ${yearStart}::date)
        and ${scoped('t.org_path', a.scopePath)}
        ${a.memberId ? sql`and t.person_id = ${a.memberId}::uuid` : sql``}
      order by t.person_id, t.started_on desc
    ),
    p as (
      select r.id as rule_id, r.name as rule_name, r.rhythm, r.org_path as rule_path, r.fulfilled_by, r.times,
        g::date as ps, (g + ${step} - interval '1 day')::date as pe
      from duty_rules r
      cross join lateral generate_series(${yearStart}::date, ${yearEnd}::date, ${step}) g
      where r.deleted_at is null
    ),
    d as (
      select m.member_id, m.org_unit_id, m.org_path, p.*
      from m join p on ${scopedUnder('m.org_path', 'p.rule_path')}
      where p.pe >= m.term_from and p.ps <= m.term_to
    ),
    c as (
      select dr.member_id, dr.kind, date_trunc('month', dr.occurred_on)::date as mon, count(*)::int as n
      from duty_records dr
      where dr.deleted_at is null and dr.occurred_on between ${yearStart}::date and ${a.asOf}::date
        and dr.member_id in (select member_id from m)
      group by 1, 2, 3
      union all
      select dp.member_id, 'project', date_trunc('month', dp.done_on)::date, count(*)::int
      from duty_projects dp
      where dp.deleted_at is null and dp.done_on between ${yearStart}::date and ${a.asOf}::date
        and dp.member_id in (select member_id from m)
      group by 1, 2, 3
    )
    select d.member_id, d.org_unit_id, d.org_path, d.rule_id, d.rule_name, d.rhythm, d.fulfilled_by,
      d.times, d.ps::text as ps, d.pe::text as pe, (d.pe <= ${a.asOf}::date) as is_ended,
      coalesce(sum(c.n), 0)::int as done
    from d left join c on c.member_id = d.member_id and c.kind = d.fulfilled_by and c.mon between d.ps and d.pe
    group by d.member_id, d.org_unit_id, d.org_path, d.rule_id, d.rule_name, d.rhythm, d.fulfilled_by,
      d.times, d.ps, d.pe`;
};

/**
 * A row per member to whom at least one rule applies: the rule periods ended by `asOf` and of them
 * those met; `status` is `met` when every ended period is met (a member with none ended yet is met).
 */
export const dutyMembersSql = (a: { scopePath: string; year: number; asOf: string }): SQL => sql`
  select x.member_id, x.org_unit_id, x.org_path,
    count(*) filter (where x.is_ended)::int as periods_due,
    count(*) filter (where x.is_ended and x.done >= x.times)::int as periods_met,
    case when count(*) filter (where x.is_ended and x.done < x.times) = 0 then 'met' else 'behind' end as status
  from (${dutyPeriodsSql(a)}) x
  group by x.member_id, x.org_unit_id, x.org_path`;
