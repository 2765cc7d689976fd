import { describe, expect, it } from 'vitest';
import { computeScore, defaultRubricRules } from '../../../../contracts/courtyards';
import { createInputOf, newScoreDraft, type ScoreDraft, scoreInputOf } from './score-draft';

const draft = (patch: Partial<ScoreDraft>): ScoreDraft => ({
  ...newScoreDraft('2026-11-28', '李春兰'),
  householdId: '01a22608-0000-7000-8000-000000000001',
  ...patch,
});

describe('入户评分 draft → what is sent and shown', () => {
  it('items the inspector did not touch are not sent, so the rule counts them full marks', () => {
    const d = draft({ given: { kitchen: 13 } });
    expect(scoreInputOf(d, defaultRubricRules).itemScores).toEqual([{ itemCode: 'kitchen', score: 13 }]);
    expect(computeScore(defaultRubricRules, scoreInputOf(d, defaultRubricRules)).total).toBe(98);
  });

  it('a ticked reason lowers its item and the total the same way the server will', () => {
    const d = draft({
      deductions: [
        { itemCode: 'kitchen', reasonCode: 'grease', reason: '厨房墙壁油污', points: 3, isRectifying: true },
      ],
    });
    const r = computeScore(defaultRubricRules, scoreInputOf(d, defaultRubricRules));
    expect(r.items.kitchen).toBe(12);
    expect(r.total).toBe(97);
    expect(r.rating).toBe('premium');
  });

  it('a rectifying deduction carries its deadline (inspection day + the chosen days); others carry none', () => {
    const d = draft({
      rectifyDays: 15,
      deductions: [
        { itemCode: 'kitchen', reasonCode: 'grease', reason: '厨房墙壁油污', points: 3, isRectifying: true },
        { itemCode: 'green', reasonCode: 'weeds', reason: '杂草丛生', points: 2, isRectifying: false },
      ],
    });
    const input = createInputOf(d, defaultRubricRules);
    expect(input.id).toBe(d.id);
    expect(input.deductions.map((x) => [x.itemCode, x.isRectifying, x.rectifyBy])).toEqual([
      ['kitchen', true, '2026-12-13'],
      ['green', false, undefined],
    ]);
  });

  it('a draft kept from an older rubric drops items, reasons and vetoes the current one does not have', () => {
    const d = draft({
      given: { gone: 3, bedding: 8 },
      deductions: [{ itemCode: 'gone', reason: '旧项目', points: 2, isRectifying: true }],
      vetoCodes: ['illegalBuilding', 'oldVeto'],
      note: '  ',
      inspectorNames: ' ',
    });
    const input = createInputOf(d, defaultRubricRules);
    expect(input.itemScores).toEqual([{ itemCode: 'bedding', score: 8 }]);
    expect(input.deductions).toEqual([]);
    expect(input.vetoCodes).toEqual(['illegalBuilding']);
    expect(input.note).toBeUndefined();
    expect(input.inspectorNames).toBeUndefined();
  });
});
