import { describe, expect, it } from 'vitest';
import { defaultRubricRules, rubricRulesSchema } from './courtyards';
import {
  addDays,
  checkRubricRules,
  checkScoreInput,
  computeScore,
  generateAssignment,
  householdRating,
  isRectificationOverdue,
  maskName,
  monthBounds,
  plaqueChange,
  previousMonth,
  type RatingLevel,
  type RubricRules,
  ratingFromScore,
  rubricMaxPoints,
} from './courtyards-rules';

const rules = defaultRubricRules;

describe('the shipped 示例 rubric', () => {
  it('is valid, sums to 100 and has the four 美 areas', () => {
    expect(rubricRulesSchema.safeParse(rules).success).toBe(true);
    expect(checkRubricRules(rules)).toEqual([]);
    expect(rubricMaxPoints(rules)).toBe(100);
    expect(rules.areas.map((a) => a.name)).toEqual(['居室美', '庭院美', '厨厕美', '家风美']);
  });

  it('rejects thresholds out of order or above full marks, and duplicate item codes', () => {
    expect(checkRubricRules({ ...rules, thresholds: { clean: 80, model: 70, premium: 90 } })[0]?.field).toBe(
      'thresholds',
    );
    expect(checkRubricRules({ ...rules, thresholds: { clean: 60, model: 80, premium: 101 } })[0]?.field).toBe(
      'thresholds.premium',
    );
    const dup: RubricRules = structuredClone(rules);
    for (const i of dup.areas[1]?.items ?? []) if (i.code === 'yardOrder') i.code = 'roomClean';
    expect(checkRubricRules(dup).map((p) => p.message)).toContain('项目代码“roomClean”重复');
  });
});

describe('computeScore: items minus deductions, clamped, rating from thresholds, veto drops it', () => {
  const cases: {
    name: string;
    itemScores?: { itemCode: string; score: number }[];
    deductions?: { itemCode: string; points: number }[];
    vetoCodes?: string[];
    total: number;
    rating: RatingLevel | null;
  }[] = [
    { name: 'nothing noted: full marks', total: 100, rating: 'premium' },
    {
      name: 'one deduction of 3',
      deductions: [{ itemCode: 'kitchen', points: 3 }],
      total: 97,
      rating: 'premium',
    },
    {
      name: 'deductions beyond an item maximum stop at zero for that item',
      deductions: [{ itemCode: 'poultry', points: 9 }],
      total: 95,
      rating: 'premium',
    },
    {
      name: 'scored items and deductions together, down to 示范户',
      itemScores: [
        { itemCode: 'roomClean', score: 10 },
        { itemCode: 'yardOrder', score: 10 },
      ],
      deductions: [{ itemCode: 'kitchen', points: 2 }],
      total: 88,
      rating: 'model',
    },
    {
      name: 'exactly on a threshold counts (≥ 80)',
      itemScores: [
        { itemCode: 'roomClean', score: 5 },
        { itemCode: 'yardOrder', score: 5 },
      ],
      total: 80,
      rating: 'model',
    },
    {
      name: 'below 60: no rating',
      itemScores: [
        { itemCode: 'roomClean', score: 0 },
        { itemCode: 'yardOrder', score: 0 },
        { itemCode: 'kitchen', score: 5 },
      ],
      deductions: [{ itemCode: 'toilet', points: 6 }],
      total: 54,
      rating: null,
    },
    { name: 'half points', deductions: [{ itemCode: 'green', points: 1.5 }], total: 98.5, rating: 'premium' },
    { name: 'a veto at full marks', vetoCodes: ['illegalBuilding'], total: 100, rating: null },
    { name: 'an unknown veto code is no veto', vetoCodes: ['nope'], total: 100, rating: 'premium' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = computeScore(rules, {
        itemScores: c.itemScores ?? [],
        deductions: c.deductions ?? [],
        vetoCodes: c.vetoCodes ?? [],
      });
      expect(r.total).toBe(c.total);
      expect(r.rating).toBe(c.rating);
      expect(r.maxTotal).toBe(100);
      expect(r.areas.reduce((s, a) => s + a.score, 0)).toBeCloseTo(c.total, 5);
    });
  }

  it('names the wrong item, the score out of range and the unknown veto', () => {
    const problems = checkScoreInput(rules, {
      itemScores: [
        { itemCode: 'nope', score: 1 },
        { itemCode: 'poultry', score: 6 },
      ],
      deductions: [{ itemCode: 'x', points: 1 }],
      vetoCodes: ['y'],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'itemScores.0.itemCode',
      'itemScores.1.score',
      'deductions.0.itemCode',
      'vetoCodes.0',
    ]);
  });

  it('ratingFromScore follows the configured thresholds', () => {
    const t = { clean: 50, model: 70, premium: 85 };
    expect([49.9, 50, 69, 70, 84.9, 85].map((s) => ratingFromScore(t, s))).toEqual([
      null,
      'clean',
      'clean',
      'model',
      'model',
      'premium',
    ]);
  });
});

describe('householdRating: average of the last N monthly scores, a veto in the window drops it', () => {
  const m = (month: string, total: number, isVeto = false) => ({ month, total, isVeto });
  const cases = [
    { name: 'no inspections yet', monthly: [], rating: null, average: null },
    { name: 'one month only', monthly: [m('2026-01', 92)], rating: 'premium', average: 92 },
    {
      name: 'the last three count, older ones not',
      monthly: [m('2026-01', 40), m('2026-02', 90), m('2026-03', 95), m('2026-04', 91)],
      rating: 'premium',
      average: 92,
    },
    {
      name: 'one bad month pulls the average down a level',
      monthly: [m('2026-02', 92), m('2026-03', 95), m('2026-04', 70)],
      rating: 'model',
      average: 85.7,
    },
    {
      name: 'a veto in the window drops the rating',
      monthly: [m('2026-02', 92, true), m('2026-03', 95), m('2026-04', 95)],
      rating: null,
      average: 94,
    },
    {
      name: 'a veto outside the window no longer counts',
      monthly: [m('2026-01', 92, true), m('2026-02', 95), m('2026-03', 95), m('2026-04', 95)],
      rating: 'premium',
      average: 95,
    },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      expect(householdRating(rules, [...c.monthly])).toEqual({ rating: c.rating, average: c.average });
    });
  }

  it('a window of 1 rates on the latest month alone; veto dropping can be turned off', () => {
    const one = { ...rules, householdRule: { window: 1, isVetoDropping: false } };
    expect(householdRating(one, [m('2026-01', 95), m('2026-02', 65, true)]).rating).toBe('clean');
  });
});

describe('plaqueChange: award on reaching a level, removal by the configured rule', () => {
  const mon = (...ratings: (RatingLevel | null)[]) =>
    ratings.map((rating, i) => ({ month: `2026-0${i + 1}`, rating }));
  const cases: {
    name: string;
    plaqueLevel: RatingLevel | null;
    rating: RatingLevel | null;
    monthly: { month: string; rating: RatingLevel | null }[];
    overdue?: boolean;
    expected: { kind: string; toLevel: RatingLevel | null } | null;
  }[] = [
    {
      name: 'no plaque, reaches 清洁户: award',
      plaqueLevel: null,
      rating: 'clean',
      monthly: mon('clean'),
      expected: { kind: 'award', toLevel: 'clean' },
    },
    {
      name: 'no plaque, no rating: nothing',
      plaqueLevel: null,
      rating: null,
      monthly: mon(null),
      expected: null,
    },
    {
      name: 'same level: nothing',
      plaqueLevel: 'model',
      rating: 'model',
      monthly: mon('model', 'model'),
      expected: null,
    },
    {
      name: 'rises to 精品户: upgrade',
      plaqueLevel: 'model',
      rating: 'premium',
      monthly: mon('premium', 'premium'),
      expected: { kind: 'upgrade', toLevel: 'premium' },
    },
    {
      name: 'two consecutive failed months (below 清洁户): removal',
      plaqueLevel: 'model',
      rating: 'model',
      monthly: mon('premium', null, null),
      expected: { kind: 'removal', toLevel: null },
    },
    {
      name: 'one failed month then a pass: kept',
      plaqueLevel: 'model',
      rating: 'model',
      monthly: mon('clean', 'model'),
      expected: null,
    },
    {
      name: 'an overdue rectification: removal',
      plaqueLevel: 'clean',
      rating: 'clean',
      monthly: mon('clean'),
      overdue: true,
      expected: { kind: 'removal', toLevel: null },
    },
    {
      name: 'no plaque while a rectification is overdue',
      plaqueLevel: null,
      rating: 'premium',
      monthly: mon('premium'),
      overdue: true,
      expected: null,
    },
    {
      name: 'rating lost (veto): removal',
      plaqueLevel: 'premium',
      rating: null,
      monthly: mon('premium'),
      expected: { kind: 'removal', toLevel: null },
    },
    {
      name: 'rating falls a level without two failures: downgrade',
      plaqueLevel: 'premium',
      rating: 'model',
      monthly: mon('model', 'premium'),
      expected: { kind: 'downgrade', toLevel: 'model' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = plaqueChange(rules, {
        plaqueLevel: c.plaqueLevel,
        rating: c.rating,
        monthly: c.monthly,
        hasOverdueRectification: c.overdue ?? false,
      });
      expect(r ? { kind: r.kind, toLevel: r.toLevel } : null).toEqual(c.expected);
    });
  }

  it('failing may mean below the plaque held', () => {
    const strict = { ...rules, removalRule: { ...rules.removalRule, failsBelowPlaqueLevel: true } };
    const input = { plaqueLevel: 'model' as const, rating: 'model' as const, hasOverdueRectification: false };
    expect(plaqueChange(strict, { ...input, monthly: mon('premium', 'clean', 'clean') })?.kind).toBe(
      'removal',
    );
    expect(plaqueChange(rules, { ...input, monthly: mon('premium', 'clean', 'clean') })).toBeNull();
  });

  it('the removal rule is configuration: three failures, failing only below 清洁户, overdue ignored', () => {
    const lenient = {
      ...rules,
      removalRule: {
        consecutiveFailures: 3,
        failsBelowPlaqueLevel: false,
        isOverdueRectificationRemoving: false,
      },
    };
    const input = { plaqueLevel: 'model' as const, rating: 'model' as const, hasOverdueRectification: true };
    expect(plaqueChange(lenient, { ...input, monthly: mon('clean', 'clean', 'clean') })).toBeNull();
    expect(plaqueChange(lenient, { ...input, monthly: mon(null, null, null) })?.reason).toBe(
      '连续3次月底入户检查不合格',
    );
  });
});

describe('generateAssignment: cross-village, balanced, rotating', () => {
  const villages = Array.from({ length: 12 }, (_, i) => ({
    id: `v${String(i).padStart(2, '0')}`,
    households: 60 + i * 10,
  }));
  const groups = Array.from({ length: 6 }, (_, i) => ({
    id: `g${i}`,
    homeVillageIds: [`v${String(i * 2).padStart(2, '0')}`, `v${String(i * 2 + 1).padStart(2, '0')}`],
  }));

  it('assigns every village, never to a group living there, loads within one village of each other', () => {
    const { assignments, loads, unassigned } = generateAssignment(groups, villages, {});
    expect(unassigned).toEqual([]);
    expect(Object.keys(assignments)).toHaveLength(12);
    for (const [v, g] of Object.entries(assignments)) {
      expect(groups.find((x) => x.id === g)?.homeVillageIds).not.toContain(v);
    }
    const values = Object.values(loads);
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(170);
    expect(values.reduce((s, n) => s + n, 0)).toBe(villages.reduce((s, v) => s + v.households, 0));
  });

  it('rotates: no village keeps last month’s group when another can take it', () => {
    const first = generateAssignment(groups, villages, {}).assignments;
    const second = generateAssignment(groups, villages, first).assignments;
    for (const v of villages) expect(second[v.id]).not.toBe(first[v.id]);
  });

  it('a village every group lives in stays unassigned', () => {
    const r = generateAssignment([{ id: 'g', homeVillageIds: ['a'] }], [{ id: 'a', households: 5 }], {});
    expect(r.unassigned).toEqual(['a']);
  });
});

describe('small helpers', () => {
  it('masks names for the 公示', () => {
    expect(['张三华', '张三', '欧阳小明', '李', ' 王芳 '].map(maskName)).toEqual([
      '张*华',
      '张*',
      '欧**明',
      '李',
      '王*',
    ]);
  });
  it('overdue means open past the deadline day', () => {
    expect(isRectificationOverdue({ status: 'open', deadline: '2026-03-07' }, '2026-03-07')).toBe(false);
    expect(isRectificationOverdue({ status: 'open', deadline: '2026-03-07' }, '2026-03-08')).toBe(true);
    expect(isRectificationOverdue({ status: 'fixed', deadline: '2026-03-07' }, '2026-03-20')).toBe(false);
  });
  it('dates and months', () => {
    expect(addDays('2026-02-25', 7)).toBe('2026-03-04');
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(previousMonth('2026-01')).toBe('2025-12');
  });
});
