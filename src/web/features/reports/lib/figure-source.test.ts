import { describe, expect, it } from 'vitest';
import { changeOf, changeText, periodText, recordsParamsOf } from './figure-source';

const period = { from: '2026-01-01', to: '2026-12-31' };
const unit = '0190a000-0000-7000-8000-000000000001';
const child = '0190a000-0000-7000-8000-000000000002';

describe('recordsParamsOf', () => {
  it('opens a plain total in the counted unit', () => {
    expect(recordsParamsOf({ filters: {}, period, orgUnitId: unit })).toEqual({ ...period, orgUnitId: unit });
  });
  it('narrows to the child unit of an orgUnit filter and passes the other filters as dimension pairs', () => {
    expect(
      recordsParamsOf({
        filters: { type: 'outreach', orgUnit: child, campaign: 'c1' },
        period,
        orgUnitId: unit,
      }),
    ).toEqual({
      ...period,
      orgUnitId: child,
      dimension: 'campaign',
      value: 'c1',
      dimension2: 'type',
      value2: 'outreach',
    });
  });
});

describe('periodText', () => {
  it('reads whole years and months the way a summary writes them', () => {
    expect(periodText(period)).toBe('2026年');
    expect(periodText({ from: '2026-02-01', to: '2026-02-28' })).toBe('2026年2月');
    expect(periodText({ from: '2026-01-01', to: '2026-03-31' })).toBe('2026年1—3月');
    expect(periodText({ from: '2026-01-05', to: '2026-03-31' })).toBe('2026年1月5日—2026年3月31日');
    expect(periodText(period, true)).toBe('2026');
  });
});

describe('changeOf', () => {
  it('gives the change and the ratio, none against zero or a tiny base', () => {
    expect(changeOf(12, 10)).toEqual({ delta: 2, ratio: 0.2 });
    expect(changeOf(3, 0)).toEqual({ delta: 3, ratio: null });
    // ↑1000% on a base of 1 says nothing: no ratio below a base of 10.
    expect(changeOf(11, 1)).toEqual({ delta: 10, ratio: null });
    expect(changeOf(74, 9)).toEqual({ delta: 65, ratio: null });
  });
});

describe('changeText', () => {
  it('is a percentage on a base of 10 or more, a signed difference below', () => {
    expect(changeText(12, 10)).toEqual({ direction: 'up', text: '+20%' });
    expect(changeText(8, 10)).toEqual({ direction: 'down', text: '−20%' });
    expect(changeText(11, 1)).toEqual({ direction: 'up', text: '+10' });
    expect(changeText(74, 1)).toEqual({ direction: 'up', text: '+73' });
    expect(changeText(2, 9)).toEqual({ direction: 'down', text: '−7' });
    expect(changeText(7, 0)).toEqual({ direction: 'up', text: '+7' });
    expect(changeText(5, 5)).toEqual({ direction: 'same', text: '0' });
    expect(changeText(1001, 1000)).toEqual({ direction: 'up', text: '+<1%' });
  });
});
