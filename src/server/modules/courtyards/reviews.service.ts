import { sql } from 'drizzle-orm';
import type {
  ComputeReviewInput,
  ConfirmReviewInput,
  RatingLevel,
  Review,
  ReviewItem,
  RubricRules,
} from '../../../contracts/courtyards';
import { householdRating, monthBounds, plaqueChange } from '../../../contracts/courtyards';
import { kindsAt } from '../../../contracts/org';
import { scoped, scopedAbove } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import { bulkInsert } from '../../kernel/db/bulk';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import type { ServiceContext } from '../../kernel/service-context';
import { headNameSql, householdLabelSql, requireTown, rows } from './courtyards.repository';
import { courtyardPlaqueEvents, courtyardRatingChanges, courtyardReviews } from './courtyards.table';

// 评比会: a town's month computed into a pending list of rating and plaque changes, which the
// monthly meeting confirms (applying them, with reasons) or rejects item by item.

/** One household's line on the meeting's list (the server's pending ones, the demo's history). */
export const reviewItemOf = (
  h: {
    id: string;
    label: string;
    headName: string | null;
    orgUnitId: string;
    orgUnitName: string;
    rating: RatingLevel | null;
  },
  change: {
    rating: RatingLevel | null;
    average: ReviewItem['averageScore'];
    plaque: ReviewItem['plaque'];
    reason: string;
  },
  decision: ReviewItem['decision'] = 'pending',
): ReviewItem => ({
  key: h.id,
  householdId: h.id,
  householdLabel: h.label,
  headName: h.headName,
  orgUnitId: h.orgUnitId,
  orgUnitName: h.orgUnitName,
  averageScore: change.average,
  fromRating: h.rating,
  toRating: change.rating,
  isRatingChange: change.rating !== h.rating,
  plaque: change.plaque,
  reason: change.reason,
  decision,
  rejectReason: null,
});

type MonthlyRow = { month: string; total: number; is_veto: boolean; rating: RatingLevel | null };

/**
 * The pure part of a month's review over loaded rows: each household's rating by the rubric's rule
 * and the plaque change it calls for. Exported for the benchmark.
 */
export const reviewItemsOf = (
  households: {
    id: string;
    org_unit_id: string;
    org_unit_name: string;
    label: string;
    head_name: string | null;
    rating: RatingLevel | null;
    plaque_level: RatingLevel | null;
    monthly: MonthlyRow[];
    is_overdue: boolean;
  }[],
  rulesOf: (villageId: string) => RubricRules | undefined,
): ReviewItem[] => {
  const items: ReviewItem[] = [];
  for (const h of households) {
    const rules = rulesOf(h.org_unit_id);
    if (!rules) continue;
    const monthly = h.monthly.map((m) => ({ month: m.month, total: Number(m.total), isVeto: m.is_veto }));
    const { rating, average } = householdRating(rules, monthly);
    const plaque = plaqueChange(rules, {
      plaqueLevel: h.plaque_level,
      rating,
      monthly: h.monthly.map((m) => ({ month: m.month, rating: m.rating })),
      hasOverdueRectification: h.is_overdue,
    });
    const isRatingChange = rating !== h.rating;
    if (!isRatingChange && !plaque) continue;
    const window = rules.householdRule.window;
    const reason = isRatingChange
      ? `近${Math.min(window, monthly.length)}次月底入户平均${average ?? '-'}分${rules.householdRule.isVetoDropping && monthly.slice(-window).some((m) => m.isVeto) ? '，有一票否决项' : ''}`
      : (plaque?.reason ?? '');
    items.push(
      reviewItemOf(
        {
          id: h.id,
          label: h.label,
          headName: h.head_name,
          orgUnitId: h.org_unit_id,
          orgUnitName: h.org_unit_name,
          rating: h.rating,
        },
        { rating, average, plaque, reason },
      ),
    );
  }
  return items;
};

/**
 * Loads the town's households with their current status, last monthly inspections up to the month
 * (arrays, oldest first) and whether a rectification was overdue at the month's end. One pass with
 * a window over the town's inspections; names are looked up afterwards for the few that change.
 */
export const loadReviewInput = async (db: DbOrTx, townPath: string, month: string, depth: number) => {
  const { to } = monthBounds(month);
  const list = await rows(
    db,
    sql`with last as (
        select i.household_id, i.month, i.total_score, i.is_veto, i.rating,
          row_number() over (partition by i.household_id order by i.month desc) as rn
        from courtyard_inspections i
        where ${scoped('i.org_path', townPath)} and i.kind = 'monthly' and i.deleted_at is null and i.month <= ${month}),
      agg as (
        select household_id,
          string_agg(month || ',' || total_score || ',' || is_veto::int || ',' || coalesce(rating, ''), ';' order by month) as monthly
        from last where rn <= ${depth} group by household_id)
      select a.household_id as id, h.org_unit_id, s.rating, s.plaque_level, a.monthly,
        exists (select 1 from courtyard_rectifications r where r.household_id = a.household_id and r.deleted_at is null
          and r.deadline < ${to}::date and (r.fixed_on is null or r.fixed_on > ${to}::date)) as is_overdue
      from agg a
      join households h on h.id = a.household_id and h.deleted_at is null
      left join courtyard_household_status s on s.household_id = a.household_id
      union all
      -- Rated or plaqued households without a monthly inspection in reach (their rating lapses).
      select s.household_id, h.org_unit_id, s.rating, s.plaque_level, null,
        exists (select 1 from courtyard_rectifications r where r.household_id = s.household_id and r.deleted_at is null
          and r.deadline < ${to}::date and (r.fixed_on is null or r.fixed_on > ${to}::date))
      from courtyard_household_status s
      join households h on h.id = s.household_id and h.deleted_at is null
      where ${scoped('s.org_path', townPath)} and (s.rating is not null or s.plaque_level is not null)
        and not exists (select 1 from agg a where a.household_id = s.household_id)`,
  );
  // `monthly` travels as one string (month,total,veto,rating;…): far cheaper to read than arrays.
  return list.map((r) => ({
    id: r.id as string,
    org_unit_id: r.org_unit_id as string,
    org_unit_name: '',
    label: '',
    head_name: null as string | null,
    rating: (r.rating ?? null) as RatingLevel | null,
    plaque_level: (r.plaque_level ?? null) as RatingLevel | null,
    monthly: r.monthly
      ? (r.monthly as string).split(';').map((m) => {
          const [month, total, veto, rating] = m.split(',');
          return {
            month,
            total: Number(total),
            is_veto: veto === '1',
            rating: (rating || null) as RatingLevel | null,
          };
        })
      : [],
    is_overdue: r.is_overdue as boolean,
  }));
};

/** Names and village names for the households a review lists. */
const labelItems = async (db: DbOrTx, items: ReviewItem[]) => {
  if (items.length === 0) return items;
  const names = new Map(
    (
      await rows(
        db,
        sql`select h.id, ${householdLabelSql('h')} as label, ${headNameSql('h')} as head_name, o.name as org_unit_name
          from households h join org_units o on o.id = h.org_unit_id
          where h.id = any(${sql.param(items.map((i) => i.householdId))}::uuid[])`,
      )
    ).map((r) => [r.id as string, r]),
  );
  return items.map((i) => {
    const n = names.get(i.householdId);
    return {
      ...i,
      householdLabel: (n?.label ?? '') as string,
      headName: (n?.head_name ?? null) as string | null,
      orgUnitName: (n?.org_unit_name ?? '') as string,
    };
  });
};

const toReview = (r: Record<string, unknown>, townName: string): Review => {
  const items = r.items as ReviewItem[];
  const applied = (i: ReviewItem) => i.decision !== 'rejected';
  return {
    id: r.id as string,
    townId: r.town_id as string,
    townName,
    month: r.month as string,
    status: r.status as Review['status'],
    computedAt: iso(r.computed_at as string),
    meetingOn: (r.meeting_on ?? null) as string | null,
    note: (r.note ?? null) as string | null,
    confirmedAt: iso((r.confirmed_at ?? null) as string | null),
    items,
    counts: {
      households: items.length,
      ratingChanges: items.filter((i) => i.isRatingChange && applied(i)).length,
      awards: items.filter((i) => i.plaque && i.plaque.kind !== 'removal' && applied(i)).length,
      removals: items.filter((i) => i.plaque?.kind === 'removal' && applied(i)).length,
    },
    version: Number(r.version),
  };
};

const reviewSelect = sql`select id, town_id, month, status, items, computed_at::text as computed_at, meeting_on::text as meeting_on,
  note, confirmed_at::text as confirmed_at, version from courtyard_reviews`;

export const getReview = async (ctx: ServiceContext, q: { townId: string; month: string }) => {
  const town = await requireTown(ctx.db, ctx, q.townId, 'courtyards.read');
  const [r] = await rows(ctx.db, sql`${reviewSelect} where town_id = ${q.townId} and month = ${q.month}`);
  return { review: r ? toReview(r, town.name) : null };
};

/** Computes (or recomputes, while still pending) the town's month into the pending list. */
export const computeReview = (ctx: ServiceContext, input: ComputeReviewInput) =>
  ctx.db.transaction(async (tx) => {
    const town = await requireTown(tx, ctx, input.townId, 'courtyards.manage');
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`review:${input.townId}`}))`);
    const [existing] = await rows(
      tx,
      sql`${reviewSelect} where town_id = ${input.townId} and month = ${input.month}`,
    );
    if (existing?.status === 'confirmed')
      throw new AppError('CONFLICT', `${input.month}的评比已经评比会确认，不能重新计算`);
    const [later] = await rows(
      tx,
      sql`select month from courtyard_reviews where town_id = ${input.townId} and month > ${input.month} and status = 'confirmed' limit 1`,
    );
    if (later) throw new AppError('CONFLICT', `${later.month as string}的评比已确认，不能再计算更早的月份`);
    const items = await computeItems(tx, town.path, input.townId, input.month);
    const before = existing ? toReview(existing, town.name) : null;
    if (existing) {
      await tx.execute(sql`update courtyard_reviews set items = ${JSON.stringify(items)}::jsonb, computed_at = now(),
        version = version + 1 where id = ${existing.id as string}`);
    } else {
      await tx
        .insert(courtyardReviews)
        .values({ id: uuidv7(), townId: input.townId, orgPath: town.path, month: input.month, items });
    }
    const [r] = await rows(
      tx,
      sql`${reviewSelect} where town_id = ${input.townId} and month = ${input.month}`,
    );
    const review = toReview(r, town.name);
    await recordAudit(tx, ctx.actor, {
      module: 'courtyards',
      action: before ? 'update' : 'create',
      entityType: 'courtyardReview',
      entityId: review.id,
      entityLabel: `${town.name}${input.month}评比`,
      orgUnitId: input.townId,
      orgPath: town.path,
      before: before?.counts ?? null,
      after: review.counts,
    });
    return review;
  });

/** The rules each village of a town scores with in a year: two queries for the whole town. */
const townRubrics = async (db: DbOrTx, townPath: string, townId: string, year: number) => {
  const villages = await rows(
    db,
    sql`select id, path from org_units where parent_id = ${townId} and deleted_at is null and kind = any(${sql.param(kindsAt('village'))}::text[])`,
  );
  const candidates = await rows(
    db,
    sql`select org_unit_id, org_path, rules from courtyard_rubrics r
      where r.deleted_at is null and r.year <= ${year}
        and (${scopedAbove('r.org_path', townPath)} or r.org_unit_id in (select id from org_units where parent_id = ${townId}))
      order by length(r.org_path) desc, r.year desc, r.version_no desc`,
  );
  // The same choice as effectiveRubricFor: the deepest unit on the village's path, then the latest.
  const rubrics = new Map<string, RubricRules | undefined>();
  for (const v of villages) {
    const found = candidates.find((c) => (v.path as string).startsWith(c.org_path as string));
    rubrics.set(v.id as string, found?.rules as RubricRules | undefined);
  }
  return rubrics;
};

export const computeItems = async (db: DbOrTx, townPath: string, townId: string, month: string) => {
  const rubrics = await townRubrics(db, townPath, townId, Number(month.slice(0, 4)));
  const depth = Math.max(
    1,
    ...[...rubrics.values()].map((r) =>
      r ? Math.max(r.householdRule.window, r.removalRule.consecutiveFailures) : 1,
    ),
  );
  const input = await loadReviewInput(db, townPath, month, depth);
  return labelItems(
    db,
    reviewItemsOf(input, (villageId) => rubrics.get(villageId)),
  );
};

/**
 * The 评比会 confirms: every item not rejected is applied — the household's rating and plaque
 * change, a rating-history row and a plaque event, each with its reason — in one transaction.
 */
export const confirmReview = (ctx: ServiceContext, reviewId: string, input: ConfirmReviewInput) =>
  ctx.db.transaction(async (tx) => {
    const [row] = await rows(tx, sql`${reviewSelect} where id = ${reviewId} for update`);
    if (!row) throw notFound('评比');
    const town = await requireTown(tx, ctx, row.town_id as string, 'courtyards.manage').catch(() => {
      throw notFound('评比');
    });
    if (Number(row.version) !== input.version) throw new AppError('VERSION_CONFLICT');
    if (row.status === 'confirmed') throw new AppError('CONFLICT', '该月评比已确认');
    const month = row.month as string;
    const { to } = monthBounds(month);
    if (input.meetingOn < `${month}-01`) throw invalid('meetingOn', '评比会日期不能早于评比月份');
    const rejected = new Map(input.rejected.map((r) => [r.key, r.reason]));
    const items = (row.items as ReviewItem[]).map((i) =>
      rejected.has(i.key)
        ? { ...i, decision: 'rejected' as const, rejectReason: rejected.get(i.key) ?? null }
        : { ...i, decision: 'applied' as const },
    );
    const unknown = [...rejected.keys()].filter((k) => !items.some((i) => i.key === k));
    if (unknown.length) throw invalid('rejected', '不予通过的项目不在本月评比名单中，请刷新后重试');
    const applied = items.filter((i) => i.decision === 'applied');
    const ids = applied.map((i) => i.householdId);
    const paths = new Map(
      (
        await rows(
          tx,
          sql`select id, org_path from households where id = any(${sql`array[${sql.join(ids.length ? ids.map((i) => sql`${i}::uuid`) : [sql`null::uuid`], sql`, `)}]`})`,
        )
      ).map((r) => [r.id as string, r.org_path as string]),
    );
    await bulkInsert(
      tx,
      courtyardRatingChanges,
      applied
        .filter((i) => i.isRatingChange)
        .map((i) => ({
          id: uuidv7(),
          householdId: i.householdId,
          orgUnitId: i.orgUnitId,
          orgPath: paths.get(i.householdId) ?? '',
          month,
          effectiveOn: to,
          fromRating: i.fromRating,
          toRating: i.toRating,
          averageScore: i.averageScore,
          reason: i.reason,
          reviewId,
          createdBy: ctx.actor.userId,
        })),
    );
    await bulkInsert(
      tx,
      courtyardPlaqueEvents,
      applied
        .filter((i) => i.plaque)
        .map((i) => ({
          id: uuidv7(),
          householdId: i.householdId,
          orgUnitId: i.orgUnitId,
          orgPath: paths.get(i.householdId) ?? '',
          kind: i.plaque?.kind ?? 'award',
          fromLevel: i.plaque?.fromLevel ?? null,
          toLevel: i.plaque?.toLevel ?? null,
          occurredOn: input.meetingOn,
          reason: i.plaque?.reason ?? '',
          reviewId,
          createdBy: ctx.actor.userId,
        })),
    );
    await applyStatus(tx, applied, paths, to, input.meetingOn);
    await tx.execute(sql`update courtyard_reviews set items = ${JSON.stringify(items)}::jsonb, status = 'confirmed',
      meeting_on = ${input.meetingOn}, note = ${input.note ?? null}, confirmed_at = now(), confirmed_by = ${ctx.actor.userId},
      version = version + 1 where id = ${reviewId}`);
    const [r] = await rows(tx, sql`${reviewSelect} where id = ${reviewId}`);
    const review = toReview(r, town.name);
    await recordAudit(tx, ctx.actor, {
      module: 'courtyards',
      action: 'confirmReview',
      entityType: 'courtyardReview',
      entityId: reviewId,
      entityLabel: `${town.name}${month}评比`,
      orgUnitId: row.town_id as string,
      orgPath: town.path,
      before: null,
      after: {
        ...review.counts,
        meetingOn: input.meetingOn,
        rejected: input.rejected,
        applied: applied.map((i) => ({
          householdId: i.householdId,
          toRating: i.toRating,
          plaque: i.plaque?.kind ?? null,
        })),
      },
    });
    return review;
  });

/** Upserts the households' current rating and plaque from the applied items (one statement). */
export const applyStatus = async (
  tx: Tx,
  applied: Pick<
    ReviewItem,
    'householdId' | 'orgUnitId' | 'toRating' | 'isRatingChange' | 'plaque' | 'averageScore'
  >[],
  paths: Map<string, string>,
  ratedOn: string,
  plaqueOn: string,
) => {
  if (applied.length === 0) return;
  const col = <T>(f: (i: (typeof applied)[number]) => T) => sql.param(applied.map(f));
  await tx.execute(sql`
    insert into courtyard_household_status (household_id, org_unit_id, org_path, rating, rated_on, plaque_level, plaque_since, average_score)
    select u.household_id, u.org_unit_id, u.org_path, u.rating, case when u.is_rating then ${ratedOn}::date end,
      u.plaque_level, case when u.has_plaque then ${plaqueOn}::date end, u.average_score
    from unnest(${col((i) => i.householdId)}::uuid[], ${col((i) => i.orgUnitId)}::uuid[], ${col((i) => paths.get(i.householdId) ?? '')}::text[],
      ${col((i) => i.toRating)}::text[], ${col((i) => i.isRatingChange)}::boolean[], ${col((i) => i.plaque?.toLevel ?? null)}::text[],
      ${col((i) => !!i.plaque)}::boolean[], ${col((i) => i.averageScore)}::float8[])
      as u(household_id, org_unit_id, org_path, rating, is_rating, plaque_level, has_plaque, average_score)
    on conflict (household_id) do update set
      rating = case when excluded.rated_on is not null then excluded.rating else courtyard_household_status.rating end,
      rated_on = coalesce(excluded.rated_on, courtyard_household_status.rated_on),
      plaque_level = case when excluded.plaque_since is not null then excluded.plaque_level else courtyard_household_status.plaque_level end,
      plaque_since = coalesce(excluded.plaque_since, courtyard_household_status.plaque_since),
      average_score = excluded.average_score, updated_at = now()`);
};
