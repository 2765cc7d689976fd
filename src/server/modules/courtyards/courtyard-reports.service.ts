import { sql } from 'drizzle-orm';
import type {
  CourtyardHousehold,
  HouseholdFile,
  ListCourtyardHouseholdsQuery,
  ListHistoryQuery,
  PublicNotice,
  RatingLevel,
  Todo,
} from '../../../contracts/courtyards';
import { maskName, monthBounds } from '../../../contracts/courtyards';
import { kindsAt, levelOf } from '../../../contracts/org';
import { requireAccess, requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import type { DbOrTx } from '../../kernel/db/connection';
import { invalid, notFound } from '../../kernel/http/errors';
import { likeEscape, listPage, pageOf } from '../../kernel/http/list';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { householdPhotos } from './courtyard-photos.service';
import {
  and,
  featuredSelect,
  findHousehold,
  headNameSql,
  householdLabelSql,
  inspectionSelect,
  isRectificationOverdue,
  plaqueEventSelect,
  ratingChangeSelect,
  rectificationSelect,
  rows,
  toFeatured,
  toInspection,
  toPlaqueEvent,
  toRatingChange,
  toRectification,
} from './courtyards.repository';

// Read-only views: the household list with ratings, history lists, 一户一档, 公示 and the to-do list.

const householdSelect = (today: string) => sql`
  select h.id as household_id, ${householdLabelSql('h')} as household_label, ${headNameSql('h')} as head_name,
    h.house_number, h.address, h.org_unit_id, o.name as org_unit_name, s.rating, s.rated_on::text as rated_on,
    s.plaque_level, s.plaque_since::text as plaque_since, li.inspected_on::text as last_inspected_on, li.total_score as last_score,
    (select count(*)::int from courtyard_rectifications r where r.household_id = h.id and r.deleted_at is null
      and r.status = 'open') as open_rectifications,
    coalesce((select array_agg(f.category order by f.designated_on) from courtyard_featured f
      where f.household_id = h.id and f.deleted_at is null), '{}') as featured_categories,
    ${today}::text as today
  from households h
  join org_units o on o.id = h.org_unit_id
  left join courtyard_household_status s on s.household_id = h.id
  left join lateral (select i.inspected_on, i.total_score from courtyard_inspections i
    where i.household_id = h.id and i.deleted_at is null order by i.inspected_on desc, i.id desc limit 1) li on true`;

const toHousehold = (r: Record<string, unknown>): CourtyardHousehold => ({
  householdId: r.household_id as string,
  householdLabel: r.household_label as string,
  headName: (r.head_name ?? null) as string | null,
  houseNumber: (r.house_number ?? null) as string | null,
  orgUnitId: r.org_unit_id as string,
  orgUnitName: r.org_unit_name as string,
  rating: (r.rating ?? null) as RatingLevel | null,
  ratedOn: (r.rated_on ?? null) as string | null,
  plaqueLevel: (r.plaque_level ?? null) as RatingLevel | null,
  plaqueSince: (r.plaque_since ?? null) as string | null,
  lastInspectedOn: (r.last_inspected_on ?? null) as string | null,
  lastScore: r.last_score === null || r.last_score === undefined ? null : Number(r.last_score),
  openRectifications: Number(r.open_rectifications),
  featuredCategories: r.featured_categories as string[],
});

const levelFilter = (column: string, v: string | undefined) =>
  v === 'none' ? sql`${sql.raw(column)} is null` : v ? sql`${sql.raw(column)} = ${v}` : undefined;

export const listCourtyardHouseholds = async (ctx: ServiceContext, q: ListCourtyardHouseholdsQuery) =>
  courtyardHouseholdRows(
    ctx.db,
    await resolveScopePath(ctx.db, ctx.actor, 'courtyards.read', q.orgUnitId),
    q,
  );

export const courtyardHouseholdRows = async (
  db: DbOrTx,
  scopePath: string,
  q: ListCourtyardHouseholdsQuery,
) => {
  const like = q.q ? likeEscape(q.q) : undefined;
  const where = and([
    scoped('h.org_path', scopePath),
    sql`h.deleted_at is null`,
    levelFilter('s.rating', q.rating),
    levelFilter('s.plaque_level', q.plaque),
    like
      ? sql`(h.address ilike ${like} or h.house_number ilike ${like} or exists (select 1 from persons p where p.id = h.head_person_id and p.name ilike ${like}))`
      : undefined,
  ]);
  // Page first over the bare rows, then the per-household details (last inspection, open
  // rectifications, featured categories) for that page only: a county has hundreds of thousands.
  const page = await rows(
    db,
    sql`select h.id, count(*) over() as total_count from households h
      join org_units o on o.id = h.org_unit_id
      left join courtyard_household_status s on s.household_id = h.id
      where ${where}
      order by o.name, ${householdLabelSql('h')}, h.id
      limit ${pageOf(q).limit} offset ${pageOf(q).offset}`,
  );
  if (page.length === 0) {
    const [c] = await rows(
      db,
      sql`select count(*)::int as n from households h left join courtyard_household_status s on s.household_id = h.id where ${where}`,
    );
    return { items: [] as CourtyardHousehold[], total: Number(c.n) };
  }
  const ids = page.map((p) => p.id as string);
  const details = new Map(
    (
      await rows(db, sql`${householdSelect(shanghaiToday())} where h.id = any(${sql.param(ids)}::uuid[])`)
    ).map((r) => [r.household_id as string, toHousehold(r)]),
  );
  return {
    items: ids.map((id) => details.get(id)).filter((h): h is CourtyardHousehold => !!h),
    total: Number(page[0].total_count),
  };
};

const historyWhere = (alias: string, dateColumn: string, scopePath: string, q: ListHistoryQuery) =>
  and([
    scoped(`${alias}.org_path`, scopePath),
    q.householdId ? sql`${sql.raw(alias)}.household_id = ${q.householdId}` : undefined,
    q.from ? sql`${sql.raw(`${alias}.${dateColumn}`)} >= ${q.from}::date` : undefined,
    q.to ? sql`${sql.raw(`${alias}.${dateColumn}`)} <= ${q.to}::date` : undefined,
  ]);

export const listRatingChanges = async (ctx: ServiceContext, q: ListHistoryQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'courtyards.read', q.orgUnitId);
  return listPage(
    ctx.db,
    {
      select: ratingChangeSelect,
      where: historyWhere('c', 'effective_on', scopePath, q),
      order: sql`x.effective_on desc, x.id desc`,
    },
    q,
    toRatingChange,
  );
};

export const listPlaqueEvents = async (ctx: ServiceContext, q: ListHistoryQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'courtyards.read', q.orgUnitId);
  const where = and([
    historyWhere('e', 'occurred_on', scopePath, q),
    q.kind ? sql`e.kind = ${q.kind}` : undefined,
  ]);
  return listPage(
    ctx.db,
    { select: plaqueEventSelect, where, order: sql`x.occurred_on desc, x.id desc` },
    q,
    toPlaqueEvent,
  );
};

/** 一户一档: everything the programme holds about one household. */
export const householdFile = async (ctx: ServiceContext, householdId: string): Promise<HouseholdFile> => {
  requirePermission(ctx.actor, 'courtyards.read');
  const h = await findHousehold(ctx.db, ctx.actor.orgPath, householdId);
  if (!h) throw notFound('农户');
  const today = shanghaiToday();
  const [base] = await rows(ctx.db, sql`${householdSelect(today)} where h.id = ${householdId}`);
  const inspections = (
    await rows(
      ctx.db,
      sql`${inspectionSelect} where i.household_id = ${householdId} and i.deleted_at is null order by i.inspected_on desc, i.id desc`,
    )
  ).map(toInspection);
  return {
    household: { ...toHousehold(base), address: h.address },
    scoreTrend: [...inspections]
      .reverse()
      .map((i) => ({ month: i.month, kind: i.kind, totalScore: i.totalScore, rating: i.rating })),
    inspections,
    ratingChanges: (
      await rows(
        ctx.db,
        sql`${ratingChangeSelect} where c.household_id = ${householdId} order by c.effective_on desc, c.id desc`,
      )
    ).map(toRatingChange),
    plaqueEvents: (
      await rows(
        ctx.db,
        sql`${plaqueEventSelect} where e.household_id = ${householdId} order by e.occurred_on desc, e.id desc`,
      )
    ).map(toPlaqueEvent),
    rectifications: (
      await rows(
        ctx.db,
        sql`${rectificationSelect(today)} where r.household_id = ${householdId} and r.deleted_at is null order by r.deadline desc`,
      )
    ).map(toRectification),
    featured: (
      await rows(
        ctx.db,
        sql`${featuredSelect} where f.household_id = ${householdId} and f.deleted_at is null order by f.designated_on`,
      )
    ).map(toFeatured),
    photos: await householdPhotos(ctx, householdId),
  };
};

/**
 * 公示 (红黑榜) of a village's month: the month's monthly inspections with masked names (张*华) and
 * house numbers only — no ID number, no phone, no address — and the plaque changes confirmed.
 */
export const publicNotice = async (
  ctx: ServiceContext,
  q: { orgUnitId: string; month: string },
): Promise<PublicNotice> => {
  const paths = await requireAccess(ctx.db, {
    actor: ctx.actor,
    permission: 'courtyards.read',
    orgUnitIds: [q.orgUnitId],
  });
  const path = paths.get(q.orgUnitId) as string;
  const [unit] = await rows(
    ctx.db,
    sql`select o.name, o.kind, p.name as parent_name from org_units o left join org_units p on p.id = o.parent_id where o.id = ${q.orgUnitId}`,
  );
  if (levelOf(unit.kind as string) !== 'village')
    throw invalid('orgUnitId', '公示按村（社区）生成，请选择村（社区）');
  const { from, to } = monthBounds(q.month);
  const inspected = await rows(
    ctx.db,
    sql`select ${headNameSql('h')} as head_name, h.house_number, i.total_score, i.rating, i.is_veto, i.deductions, i.veto_codes,
        s.plaque_level
      from courtyard_inspections i join households h on h.id = i.household_id
      left join courtyard_household_status s on s.household_id = h.id
      where i.kind = 'monthly' and i.deleted_at is null and i.month = ${q.month} and ${scoped('i.org_path', path)}
      order by i.total_score desc, h.house_number`,
  );
  const plaques = await rows(
    ctx.db,
    sql`select ${headNameSql('h')} as head_name, e.kind, e.to_level, e.reason from courtyard_plaque_events e
      join households h on h.id = e.household_id
      where ${scoped('e.org_path', path)} and e.occurred_on between ${from}::date and (${to}::date + 31)
        and e.review_id in (select id from courtyard_reviews where month = ${q.month})
      order by e.kind, h.house_number`,
  );
  const masked = (n: unknown) => maskName((n as string | null) ?? '（户主未登记）');
  return {
    orgUnitId: q.orgUnitId,
    orgUnitName: unit.name as string,
    townName: (unit.parent_name ?? null) as string | null,
    month: q.month,
    inspected: inspected.length,
    redList: inspected
      .filter((r) => r.rating)
      .map((r) => ({
        maskedName: masked(r.head_name),
        houseNumber: (r.house_number ?? null) as string | null,
        totalScore: Number(r.total_score),
        rating: r.rating as RatingLevel,
        plaqueLevel: (r.plaque_level ?? null) as RatingLevel | null,
      })),
    blackList: inspected
      .filter((r) => !r.rating)
      .reverse()
      .map((r) => ({
        maskedName: masked(r.head_name),
        houseNumber: (r.house_number ?? null) as string | null,
        totalScore: Number(r.total_score),
        problems: [
          ...(r.is_veto ? ['一票否决项'] : []),
          ...(r.deductions as { reason: string }[]).map((d) => d.reason),
        ],
      })),
    plaqueChanges: plaques.map((p) => ({
      maskedName: masked(p.head_name),
      kind: p.kind as PublicNotice['plaqueChanges'][number]['kind'],
      toLevel: (p.to_level ?? null) as RatingLevel | null,
      reason: p.reason as string,
    })),
  };
};

/**
 * The month's to-do list: per group, its assigned villages with the households not yet inspected
 * (monthly), the villages nobody is assigned to, and the overdue rectifications of the scope.
 */
export const monthTodo = async (
  db: DbOrTx,
  ctx: ServiceContext,
  q: { orgUnitId?: string; month: string },
): Promise<Todo> => {
  const scopePath = await resolveScopePath(db, ctx.actor, 'courtyards.read', q.orgUnitId);
  const today = shanghaiToday();
  const villages = await rows(
    db,
    sql`select o.id, o.name, a.group_id, g.name as group_name,
        (select count(*)::int from households h where h.org_unit_id = o.id and h.deleted_at is null) as households,
        (select count(distinct i.household_id)::int from courtyard_inspections i where i.org_unit_id = o.id
          and i.kind = 'monthly' and i.month = ${q.month} and i.deleted_at is null) as inspected
      from org_units o
      left join courtyard_assignments a on a.village_id = o.id and a.month = ${q.month}
      left join courtyard_groups g on g.id = a.group_id
      where o.kind = any(${sql.param(kindsAt('village'))}::text[]) and o.deleted_at is null and ${scoped('o.path', scopePath)}
      order by g.name nulls last, o.name`,
  );
  const pendingOf = async (villageId: string) =>
    (
      await rows(
        db,
        sql`select h.id, ${householdLabelSql('h')} as label, ${headNameSql('h')} as head_name, h.house_number
          from households h where h.org_unit_id = ${villageId} and h.deleted_at is null
            and not exists (select 1 from courtyard_inspections i where i.household_id = h.id and i.kind = 'monthly'
              and i.month = ${q.month} and i.deleted_at is null)
          order by h.house_number nulls last, h.address limit 200`,
      )
    ).map((r) => ({
      householdId: r.id as string,
      label: r.label as string,
      headName: (r.head_name ?? null) as string | null,
      houseNumber: (r.house_number ?? null) as string | null,
    }));
  const groups = new Map<string, Todo['groups'][number]>();
  const unassigned: Todo['unassignedVillages'] = [];
  for (const v of villages) {
    const households = Number(v.households);
    const inspected = Number(v.inspected);
    if (!v.group_id) {
      unassigned.push({
        villageId: v.id as string,
        villageName: v.name as string,
        pending: households - inspected,
      });
      continue;
    }
    const group = groups.get(v.group_id as string) ?? {
      groupId: v.group_id as string,
      groupName: v.group_name as string,
      villages: [],
    };
    groups.set(group.groupId, group);
    group.villages.push({
      villageId: v.id as string,
      villageName: v.name as string,
      households,
      inspected,
      pending: inspected >= households ? [] : await pendingOf(v.id as string),
    });
  }
  const overdue = (
    await rows(
      db,
      sql`${rectificationSelect(today)} where r.deleted_at is null and ${isRectificationOverdue('r', today)}
        and ${scoped('r.org_path', scopePath)} order by r.deadline limit 200`,
    )
  ).map(toRectification);
  return {
    month: q.month,
    groups: [...groups.values()],
    unassignedVillages: unassigned,
    overdueRectifications: overdue,
  };
};
