// Pure scoring, rating, plaque and assignment rules of the courtyard programme. The phone form and
// the server run this same code, so the score a cadre sees while scoring is the one that is saved.

// Day and month arithmetic is the platform's one period module's; re-exported for the courtyard callers.
export { addDays, monthBounds, monthOf, previousMonth } from './common/period';

export const ratingLevels = ['clean', 'model', 'premium'] as const;
export type RatingLevel = (typeof ratingLevels)[number];

/** 0 = no rating; 1 清洁户 < 2 示范户 < 3 精品户. */
export const ratingRank = (r: RatingLevel | null | undefined): number =>
  r ? ratingLevels.indexOf(r) + 1 : 0;

export type RubricDeductionReason = { code: string; reason: string; points: number };
export type RubricItem = {
  code: string;
  name: string;
  maxPoints: number;
  deductions: RubricDeductionReason[];
};
export type RubricArea = { code: string; name: string; items: RubricItem[] };
export type RubricRules = {
  areas: RubricArea[];
  /** Minimum total score of each level (≥). */
  thresholds: Record<RatingLevel, number>;
  /** 一票否决: any hit makes the inspection's rating none whatever the score. */
  vetoItems: { code: string; name: string }[];
  householdRule: {
    /** Average of the household's last `window` monthly inspection scores (up to the month). */
    window: number;
    /** A veto in any inspection of the window drops the household's rating to none. */
    isVetoDropping: boolean;
  };
  removalRule: {
    /** Remove the plaque after this many consecutive failed monthly inspections (0: never). */
    consecutiveFailures: number;
    /** An inspection fails when its rating is below the plaque level held (else: below 清洁户). */
    failsBelowPlaqueLevel: boolean;
    /** Remove the plaque when a rectification is still open past its deadline. */
    isOverdueRectificationRemoving: boolean;
  };
};

export type ItemScoreInput = { itemCode: string; score: number };
export type DeductionInput = { itemCode: string; points: number };
export type ScoreInput = { itemScores: ItemScoreInput[]; deductions: DeductionInput[]; vetoCodes: string[] };
export type ScoreResult = {
  total: number;
  maxTotal: number;
  areas: { code: string; score: number; maxPoints: number }[];
  items: Record<string, number>;
  isVeto: boolean;
  rating: RatingLevel | null;
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

export const rubricMaxPoints = (rules: Pick<RubricRules, 'areas'>): number =>
  round1(rules.areas.reduce((s, a) => s + a.items.reduce((t, i) => t + i.maxPoints, 0), 0));

export const ratingFromScore = (thresholds: RubricRules['thresholds'], score: number): RatingLevel | null => {
  for (const level of [...ratingLevels].reverse()) if (score >= thresholds[level]) return level;
  return null;
};

/**
 * An item scores what the inspector gave it (its maximum when not scored) minus the deductions
 * noted on it, kept within [0, item maximum]; the total is the sum. Unknown item codes are ignored
 * here and rejected by `checkScoreInput`.
 */
export const computeScore = (rules: RubricRules, input: ScoreInput): ScoreResult => {
  const given = new Map(input.itemScores.map((s) => [s.itemCode, s.score]));
  const deducted = new Map<string, number>();
  for (const d of input.deductions) deducted.set(d.itemCode, (deducted.get(d.itemCode) ?? 0) + d.points);
  const items: Record<string, number> = {};
  const areas = rules.areas.map((a) => {
    let score = 0;
    for (const i of a.items) {
      const s = clamp((given.get(i.code) ?? i.maxPoints) - (deducted.get(i.code) ?? 0), 0, i.maxPoints);
      items[i.code] = round1(s);
      score += s;
    }
    return { code: a.code, score: round1(score), maxPoints: rubricMaxPoints({ areas: [a] }) };
  });
  const maxTotal = rubricMaxPoints(rules);
  const total = round1(
    clamp(
      areas.reduce((s, a) => s + a.score, 0),
      0,
      maxTotal,
    ),
  );
  const vetoCodes = new Set(rules.vetoItems.map((v) => v.code));
  const isVeto = input.vetoCodes.some((c) => vetoCodes.has(c));
  return {
    total,
    maxTotal,
    areas,
    items,
    isVeto,
    rating: isVeto ? null : ratingFromScore(rules.thresholds, total),
  };
};

/** Problems (zh-CN) with an inspection's scores against its rubric; empty when it is consistent. */
export const checkScoreInput = (
  rules: RubricRules,
  input: ScoreInput,
): { field: string; message: string }[] => {
  const items = new Map(rules.areas.flatMap((a) => a.items.map((i) => [i.code, i] as const)));
  const problems: { field: string; message: string }[] = [];
  input.itemScores.forEach((s, n) => {
    const item = items.get(s.itemCode);
    if (!item)
      problems.push({ field: `itemScores.${n}.itemCode`, message: `评分细则中没有“${s.itemCode}”这一项` });
    else if (s.score < 0 || s.score > item.maxPoints)
      problems.push({
        field: `itemScores.${n}.score`,
        message: `“${item.name}”的得分应在0到${item.maxPoints}分之间`,
      });
  });
  input.deductions.forEach((d, n) => {
    if (!items.has(d.itemCode))
      problems.push({ field: `deductions.${n}.itemCode`, message: `评分细则中没有“${d.itemCode}”这一项` });
  });
  const veto = new Set(rules.vetoItems.map((v) => v.code));
  input.vetoCodes.forEach((c, n) => {
    if (!veto.has(c)) problems.push({ field: `vetoCodes.${n}`, message: `评分细则中没有“${c}”这一否决项` });
  });
  return problems;
};

/** Problems (zh-CN) with a rubric's own structure. */
export const checkRubricRules = (rules: RubricRules): { field: string; message: string }[] => {
  const problems: { field: string; message: string }[] = [];
  const codes = new Set<string>();
  for (const [an, a] of rules.areas.entries()) {
    for (const [n, i] of a.items.entries()) {
      if (codes.has(i.code))
        problems.push({ field: `areas.${an}.items.${n}.code`, message: `项目代码“${i.code}”重复` });
      codes.add(i.code);
    }
  }
  const max = rubricMaxPoints(rules);
  const { clean, model, premium } = rules.thresholds;
  if (!(clean <= model && model <= premium))
    problems.push({ field: 'thresholds', message: '评定分数线应满足：清洁户 ≤ 示范户 ≤ 精品户' });
  if (premium > max)
    problems.push({ field: 'thresholds.premium', message: `精品户分数线不能高于满分${max}分` });
  return problems;
};

export type MonthlyResult = { month: string; total: number; isVeto: boolean };

/**
 * A household's rating at the end of a month: the average of its last `window` monthly scores (the
 * list is in month order, latest last, already cut at the month), none when a veto falls in the window.
 */
export const householdRating = (
  rules: Pick<RubricRules, 'thresholds' | 'householdRule'>,
  monthly: MonthlyResult[],
): { rating: RatingLevel | null; average: number | null } => {
  const window = monthly.slice(-Math.max(1, rules.householdRule.window));
  if (window.length === 0) return { rating: null, average: null };
  const average = round1(window.reduce((s, m) => s + m.total, 0) / window.length);
  if (rules.householdRule.isVetoDropping && window.some((m) => m.isVeto)) return { rating: null, average };
  return { rating: ratingFromScore(rules.thresholds, average), average };
};

export type PlaqueChangeKind = 'award' | 'upgrade' | 'downgrade' | 'removal';
export type PlaqueChange = {
  kind: PlaqueChangeKind;
  fromLevel: RatingLevel | null;
  toLevel: RatingLevel | null;
  reason: string;
};

/**
 * The plaque change a household's month calls for, or null. Removal (摘牌) comes first: the
 * configured number of consecutive failed monthly inspections, or a rectification left open past
 * its deadline. Otherwise the plaque follows the household's rating: awarded when it reaches a level,
 * changed when the level changes, removed when the rating is lost.
 */
export const plaqueChange = (
  rules: Pick<RubricRules, 'thresholds' | 'removalRule'>,
  input: {
    plaqueLevel: RatingLevel | null;
    rating: RatingLevel | null;
    /** Monthly inspections up to the month, latest last, each with its own rating. */
    monthly: { month: string; rating: RatingLevel | null }[];
    hasOverdueRectification: boolean;
  },
): PlaqueChange | null => {
  const { plaqueLevel, rating } = input;
  const rule = rules.removalRule;
  if (plaqueLevel) {
    const floor = rule.failsBelowPlaqueLevel ? ratingRank(plaqueLevel) : 1;
    const n = rule.consecutiveFailures;
    const last = input.monthly.slice(-n);
    if (n > 0 && last.length === n && last.every((m) => ratingRank(m.rating) < floor))
      return {
        kind: 'removal',
        fromLevel: plaqueLevel,
        toLevel: null,
        reason: `连续${n}次月底入户检查不合格`,
      };
    if (rule.isOverdueRectificationRemoving && input.hasOverdueRectification)
      return { kind: 'removal', fromLevel: plaqueLevel, toLevel: null, reason: '整改逾期未完成' };
    if (!rating) return { kind: 'removal', fromLevel: plaqueLevel, toLevel: null, reason: '评定等级已取消' };
  }
  if (!rating || rating === plaqueLevel) return null;
  // No new or higher plaque while a rectification is overdue (it would be removed again next month).
  const isBlocked = rule.isOverdueRectificationRemoving && input.hasOverdueRectification;
  if (!plaqueLevel)
    return isBlocked ? null : { kind: 'award', fromLevel: null, toLevel: rating, reason: '评定达到等级' };
  if (isBlocked && ratingRank(rating) > ratingRank(plaqueLevel)) return null;
  return ratingRank(rating) > ratingRank(plaqueLevel)
    ? { kind: 'upgrade', fromLevel: plaqueLevel, toLevel: rating, reason: '评定等级提升' }
    : { kind: 'downgrade', fromLevel: plaqueLevel, toLevel: rating, reason: '评定等级下降' };
};

/** A rectification still open after its deadline day is overdue. */
export const isRectificationOverdue = (r: { status: string; deadline: string }, today: string): boolean =>
  r.status === 'open' && r.deadline < today;

export const DEFAULT_RECTIFICATION_DAYS = 7;

/** 张三华 → 张*华, 张三 → 张*, 欧阳小明 → 欧**明 (公示 privacy rule: no full name, no ID, no phone). */
export const maskName = (name: string): string => {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
};

export type AssignmentGroup = { id: string; homeVillageIds: string[] };
export type AssignmentVillage = { id: string; households: number };

/**
 * A month's cross-village assignment: every village goes to one group; no group inspects a village
 * one of its members lives in; the load (households) is balanced greedily, largest villages first;
 * a group does not get the village it had last month when another eligible group can take it.
 * Villages no group may inspect are returned in `unassigned`.
 */
export const generateAssignment = (
  groups: AssignmentGroup[],
  villages: AssignmentVillage[],
  previous: Record<string, string>,
): { assignments: Record<string, string>; loads: Record<string, number>; unassigned: string[] } => {
  const loads: Record<string, number> = Object.fromEntries(groups.map((g) => [g.id, 0]));
  const assignments: Record<string, string> = {};
  const unassigned: string[] = [];
  const order = [...villages].sort((a, b) => b.households - a.households || a.id.localeCompare(b.id));
  for (const v of order) {
    const eligible = groups.filter((g) => !g.homeVillageIds.includes(v.id));
    if (eligible.length === 0) {
      unassigned.push(v.id);
      continue;
    }
    const fresh = eligible.filter((g) => previous[v.id] !== g.id);
    const pool = fresh.length > 0 ? fresh : eligible;
    const best = pool.reduce((a, b) => ((loads[b.id] ?? 0) < (loads[a.id] ?? 0) ? b : a));
    assignments[v.id] = best.id;
    loads[best.id] = (loads[best.id] ?? 0) + v.households;
  }
  return { assignments, loads, unassigned };
};
