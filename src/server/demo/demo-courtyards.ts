import { sql } from 'drizzle-orm';
import {
  addDays,
  computeScore,
  DEFAULT_RECTIFICATION_DAYS,
  defaultFeaturedCategories,
  defaultRubricRules,
  generateAssignment,
  householdRating,
  monthBounds,
  plaqueChange,
  type RatingLevel,
  type ReviewItem,
} from '../../contracts/courtyards';
import { bulkInsert } from '../kernel/db/bulk';
import type { Tx } from '../kernel/db/connection';
import { uuidv7 } from '../kernel/db/ids';
import {
  courtyardAssignments,
  courtyardFeatured,
  courtyardGroups,
  courtyardHouseholdStatus,
  courtyardInspections,
  courtyardPlaqueEvents,
  courtyardRatingChanges,
  courtyardRectifications,
  courtyardReviews,
  courtyardRubrics,
} from '../modules/courtyards/courtyards.table';
import { reviewItemOf } from '../modules/courtyards/reviews.service';
import { seededRandom } from './demo-people';

type Unit = { id: string; path: string; name: string };
type Woman = { id: string; name: string };

const chunked = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += 2500) await insert(rows.slice(i, i + 2500));
};

const monthsBack = (today: string, n: number) => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let k = n; k >= 0; k--) {
    const total = y * 12 + (m - 1) - k;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return out;
};

/**
 * The demo town's 美丽庭院 programme since January of last year, generated with the programme's own rules: the county's
 * 示例 rubric, 12 cross-village groups (each a village chair with the vice-chair of the next village),
 * a rotated assignment every month, monthly inspections of every household near month end (each
 * household keeps its habits, with good and bad months), deductions opening rectifications (most
 * verified, some open, a few overdue), the monthly 评比会 confirmed month by month (ratings, plaques,
 * a few 摘牌) with the last complete month left pending, and some featured courtyards.
 */
export const seedDemoCourtyards = async (
  tx: Tx,
  county: Unit,
  town: Unit,
  villages: Unit[],
  womenByVillage: Map<string, Woman[]>,
  householdsByVillage: Map<string, string[]>,
  today: string,
  seed = 20260601,
) => {
  const r = seededRandom(seed);
  const rules = defaultRubricRules;
  // From January of last year to the current month: last year is complete, so its summary has every section.
  const months = monthsBack(today, 12 + Number(today.slice(5, 7)) - 1);
  const current = months[months.length - 1];
  const rubricId = uuidv7();
  await tx.insert(courtyardRubrics).values({
    id: rubricId,
    orgUnitId: county.id,
    orgPath: county.path,
    year: Number(months[0].slice(0, 4)),
    versionNo: 1,
    name: '云溪县“精致农家·美丽庭院”量化评分细则（示例）',
    isExample: true,
    rules,
  });

  // Groups: the chair of village i with the vice-chair of village i+1.
  const groups = villages.map((v, i) => {
    const next = villages[(i + 1) % villages.length];
    const chair = (womenByVillage.get(v.id) ?? [])[0];
    const vice = (womenByVillage.get(next.id) ?? [])[1];
    return {
      id: uuidv7(),
      name: `第${i + 1}验收组`,
      members: [chair, vice].filter((m): m is Woman => !!m),
      homeVillageIds: [v.id, next.id],
    };
  });
  await bulkInsert(
    tx,
    courtyardGroups,
    groups.map((g) => ({
      id: g.id,
      orgUnitId: town.id,
      orgPath: town.path,
      name: g.name,
      memberIds: g.members.map((m) => m.id),
      note: null,
    })),
  );
  const villageSizes = villages.map((v) => ({
    id: v.id,
    households: (householdsByVillage.get(v.id) ?? []).length,
  }));
  const assignments: (typeof courtyardAssignments.$inferInsert)[] = [];
  const groupOf = new Map<string, Record<string, string>>();
  let previous: Record<string, string> = {};
  for (const month of months) {
    const { assignments: a } = generateAssignment(groups, villageSizes, previous);
    groupOf.set(month, a);
    previous = a;
    for (const [villageId, groupId] of Object.entries(a)) {
      const v = villages.find((x) => x.id === villageId) as Unit;
      assignments.push({ id: uuidv7(), townId: town.id, month, villageId, orgPath: v.path, groupId });
    }
  }
  await bulkInsert(tx, courtyardAssignments, assignments);

  const householdRows = (
    await tx.execute(
      sql`select h.id, p.name, h.address || coalesce(' ' || h.house_number, '') as label
        from households h left join persons p on p.id = h.head_person_id where h.org_path like ${`${town.path}%`}`,
    )
  ).rows as { id: string; name: string | null; label: string }[];
  const heads = new Map(householdRows.map((x) => [x.id, x.name]));
  const labels = new Map(householdRows.map((x) => [x.id, x.label]));
  const items = rules.areas.flatMap((a) => a.items);
  const inspections: (typeof courtyardInspections.$inferInsert)[] = [];
  const rects: (typeof courtyardRectifications.$inferInsert)[] = [];
  type HouseholdState = {
    id: string;
    village: Unit;
    care: number;
    monthly: { month: string; total: number; isVeto: boolean; rating: RatingLevel | null }[];
    rects: { deadline: string; fixedOn: string | null }[];
    habits: Set<string>;
    rating: RatingLevel | null;
    plaque: RatingLevel | null;
    ratedOn: string | null;
    plaqueSince: string | null;
    average: number | null;
  };
  const states: HouseholdState[] = [];
  for (const v of villages) {
    for (const id of householdsByVillage.get(v.id) ?? []) {
      // How tidy a household keeps its courtyard: most are fine, a tail struggles.
      const care = Math.min(1, Math.max(0, 0.3 + ((r() + r() + r()) / 3) * 0.75 - (r() < 0.08 ? 0.3 : 0)));
      const habits = new Set(
        items.flatMap((i) => i.deductions.filter(() => r() < (1 - care) * 1.3).map((d) => d.code)),
      );
      states.push({
        id,
        village: v,
        care,
        habits,
        monthly: [],
        rects: [],
        rating: null,
        plaque: null,
        ratedOn: null,
        plaqueSince: null,
        average: null,
      });
    }
  }
  const villageDone = new Map<string, boolean>();
  for (const month of months) {
    const { to } = monthBounds(month);
    const assignment = groupOf.get(month) ?? {};
    for (const h of states) {
      // The current month: only some villages have been round yet, on days already past.
      if (month === current) {
        const key = h.village.id;
        if (!villageDone.has(key)) villageDone.set(key, r() < 0.4);
        if (!villageDone.get(key)) continue;
      }
      const day = Math.min(Number(to.slice(8)), 22 + Math.floor(r() * 7));
      const inspectedOn = `${month}-${String(day).padStart(2, '0')}`;
      if (inspectedOn > today) continue;
      // A household's problems are habits: the same ones recur, others turn up now and then.
      const deductions: { itemCode: string; reasonCode: string; reason: string; points: number }[] = [];
      for (const item of items) {
        for (const d of item.deductions) {
          const isHabit = h.habits.has(d.code);
          if (r() < (isHabit ? 0.8 : 0.04))
            deductions.push({ itemCode: item.code, reasonCode: d.code, reason: d.reason, points: d.points });
        }
      }
      const vetoCodes = r() < 0.001 ? [rules.vetoItems[0].code] : [];
      const itemScores =
        h.care < 0.4
          ? [
              { itemCode: 'green', score: 2 + Math.floor(r() * 4) },
              { itemCode: 'roomClean', score: 7 + Math.floor(r() * 5) },
            ]
          : [];
      const score = computeScore(rules, { itemScores, deductions, vetoCodes });
      const id = uuidv7();
      const groupId = assignment[h.village.id] ?? null;
      const group = groups.find((g) => g.id === groupId);
      inspections.push({
        id,
        orgUnitId: h.village.id,
        orgPath: h.village.path,
        householdId: h.id,
        rubricId,
        kind: 'monthly',
        inspectedOn,
        month,
        groupId,
        inspectorNames: group ? group.members.map((m) => m.name).join('、') : null,
        itemScores,
        deductions,
        vetoCodes,
        totalScore: score.total,
        rating: score.rating,
        isVeto: score.isVeto,
        note: null,
      });
      h.monthly.push({ month, total: score.total, isVeto: score.isVeto, rating: score.rating });
      for (const d of deductions) {
        if (r() > 0.25) continue;
        const deadline = addDays(inspectedOn, DEFAULT_RECTIFICATION_DAYS);
        const age = Date.parse(today) - Date.parse(deadline);
        const roll = r();
        let status = 'verified';
        if (age < 0) status = roll < 0.55 ? 'open' : roll < 0.85 ? 'fixed' : 'verified';
        else if (age < 20 * 86_400_000) status = roll < 0.25 ? 'open' : roll < 0.5 ? 'fixed' : 'verified';
        else status = roll < 0.002 ? 'open' : roll < 0.03 ? 'fixed' : 'verified';
        const fixedOn = status === 'open' ? null : addDays(inspectedOn, 1 + Math.floor(r() * 6));
        const fixed = fixedOn && fixedOn > today ? today : fixedOn;
        rects.push({
          id: uuidv7(),
          orgUnitId: h.village.id,
          orgPath: h.village.path,
          householdId: h.id,
          inspectionId: id,
          itemCode: d.itemCode,
          problem: d.reason,
          openedOn: inspectedOn,
          deadline,
          ownerName: heads.get(h.id) ?? null,
          status,
          fixedOn: fixed,
          fixNote: fixed ? '已按要求整改' : null,
          verifiedOn: status === 'verified' ? fixed : null,
          verifiedByName: status === 'verified' ? (group?.members[0]?.name ?? null) : null,
        });
        h.rects.push({ deadline, fixedOn: fixed });
      }
    }
  }
  await chunked(inspections, (c) => bulkInsert(tx, courtyardInspections, c));
  await chunked(rects, (c) => bulkInsert(tx, courtyardRectifications, c));

  // The monthly 评比会, month by month with the same rules the server applies; the last complete
  // month stays pending for the town chair to confirm.
  const ratingChanges: (typeof courtyardRatingChanges.$inferInsert)[] = [];
  const plaqueEvents: (typeof courtyardPlaqueEvents.$inferInsert)[] = [];
  const reviews: (typeof courtyardReviews.$inferInsert)[] = [];
  const complete = months.slice(0, -1);
  for (const [n, month] of complete.entries()) {
    const { to } = monthBounds(month);
    const meetingOn = addDays(to, 5);
    const isPending = n === complete.length - 1;
    const reviewId = uuidv7();
    const reviewItems: ReviewItem[] = [];
    for (const h of states) {
      const monthly = h.monthly.filter((m) => m.month <= month).slice(-3);
      if (monthly.length === 0 && !h.rating && !h.plaque) continue;
      const { rating, average } = householdRating(rules, monthly);
      const hasOverdue = h.rects.some((x) => x.deadline < to && (!x.fixedOn || x.fixedOn > to));
      const plaque = plaqueChange(rules, {
        plaqueLevel: h.plaque,
        rating,
        monthly,
        hasOverdueRectification: hasOverdue,
      });
      const isRatingChange = rating !== h.rating;
      if (!isRatingChange && !plaque) continue;
      const reason = isRatingChange
        ? `近${monthly.length}次月底入户平均${average ?? '-'}分`
        : (plaque?.reason ?? '');
      reviewItems.push(
        reviewItemOf(
          {
            id: h.id,
            label: labels.get(h.id) ?? '',
            headName: heads.get(h.id) ?? null,
            orgUnitId: h.village.id,
            orgUnitName: h.village.name,
            rating: h.rating,
          },
          { rating, average, plaque, reason },
          isPending ? 'pending' : 'applied',
        ),
      );
      if (isPending) continue;
      if (isRatingChange) {
        ratingChanges.push({
          id: uuidv7(),
          householdId: h.id,
          orgUnitId: h.village.id,
          orgPath: h.village.path,
          month,
          effectiveOn: to,
          fromRating: h.rating,
          toRating: rating,
          averageScore: average,
          reason,
          reviewId,
        });
        h.rating = rating;
        h.ratedOn = to;
      }
      if (plaque) {
        plaqueEvents.push({
          id: uuidv7(),
          householdId: h.id,
          orgUnitId: h.village.id,
          orgPath: h.village.path,
          kind: plaque.kind,
          fromLevel: plaque.fromLevel,
          toLevel: plaque.toLevel,
          occurredOn: meetingOn,
          reason: plaque.reason,
          reviewId,
        });
        h.plaque = plaque.toLevel;
        h.plaqueSince = meetingOn;
      }
      h.average = average;
    }
    reviews.push({
      id: reviewId,
      townId: town.id,
      orgPath: town.path,
      month,
      status: isPending ? 'pending' : 'confirmed',
      items: reviewItems,
      meetingOn: isPending ? null : meetingOn,
      note: isPending ? null : '镇妇联月度评比会',
      confirmedAt: isPending ? null : `${meetingOn}T09:00:00Z`,
    });
  }
  await chunked(ratingChanges, (c) => bulkInsert(tx, courtyardRatingChanges, c));
  await chunked(plaqueEvents, (c) => bulkInsert(tx, courtyardPlaqueEvents, c));
  for (const review of reviews) await tx.insert(courtyardReviews).values(review);
  await chunked(
    states.filter((h) => h.rating || h.plaque),
    (c) =>
      bulkInsert(
        tx,
        courtyardHouseholdStatus,
        c.map((h) => ({
          householdId: h.id,
          orgUnitId: h.village.id,
          orgPath: h.village.path,
          rating: h.rating,
          ratedOn: h.ratedOn,
          plaqueLevel: h.plaque,
          plaqueSince: h.plaqueSince,
          averageScore: h.average,
        })),
      ),
  );
  // Featured courtyards: some 精品户 of each village, in a category each.
  const featured = states
    .filter((h) => h.rating === 'premium' && r() < 0.12)
    .map((h) => ({
      id: uuidv7(),
      householdId: h.id,
      orgUnitId: h.village.id,
      orgPath: h.village.path,
      category: defaultFeaturedCategories[Math.floor(r() * defaultFeaturedCategories.length)].code,
      // Designated over the months after the programme's first half year, both years.
      designatedOn: `${months[6 + Math.floor(r() * (months.length - 7))]}-15`,
      note: null,
    }));
  await bulkInsert(tx, courtyardFeatured, featured);
  return {
    courtyardInspections: inspections.length,
    courtyardRectifications: rects.length,
    plaqueAwards: plaqueEvents.filter((e) => e.kind !== 'removal').length,
    plaqueRemovals: plaqueEvents.filter((e) => e.kind === 'removal').length,
    featuredCourtyards: featured.length,
  };
};
