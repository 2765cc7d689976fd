import { describe, expect, it } from 'vitest';
import type { FigureRun, SummaryContent } from '../../../contracts/reports';
import { applyEdit, mergeRegenerated, restyle } from './summary-merge';

const fig = (id: string, indicatorKey: string, value: number, over: Partial<FigureRun> = {}): FigureRun => ({
  kind: 'figure',
  id,
  value,
  display: String(value),
  indicatorKey,
  filters: {},
  period: { from: '2024-01-01', to: '2024-12-31' },
  orgUnitId: 'u1',
  ...over,
});
const doc = (...runs: FigureRun[]): SummaryContent => ({
  title: '甲镇妇联2024年工作总结',
  planItems: [],
  sections: [
    {
      id: 's1',
      key: 'courtyards',
      heading: '美丽庭院',
      isEdited: false,
      paragraphs: [{ id: 'p1', isEdited: false, runs: [{ kind: 'text', text: '评定' }, ...runs] }],
    },
  ],
});
const figuresIn = (c: SummaryContent) =>
  c.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.runs.filter((r) => r.kind === 'figure')));
const isStock = (key: string) => key === 'courtyards.households';

describe('each figure exact or 约数, remembered', () => {
  const drafted = restyle(
    doc(fig('h', 'courtyards.households', 1286), fig('i', 'courtyards.inspections', 3046)),
    'mixed',
    isStock,
  );

  it('a draft gives stocks exact and large flows 约数', () => {
    expect(figuresIn(drafted).map((r) => [r.rounding, r.display])).toEqual([
      ['exact', '1286'],
      ['approx', '3000余'],
    ]);
  });

  it('a save keeps the choice she made on a chip, and its display follows', () => {
    const edited = structuredClone(drafted);
    const runs = edited.sections[0].paragraphs[0].runs as FigureRun[];
    runs[1] = { ...runs[1], rounding: 'approx', display: '9999' }; // the display cannot be typed
    runs[2] = { ...runs[2], rounding: 'exact' };
    const saved = applyEdit(drafted, edited, 'annual');
    expect(figuresIn(saved).map((r) => [r.rounding, r.display])).toEqual([
      ['approx', '1280余'],
      ['exact', '3046'],
    ]);
    // Another document style is applied to all: her choices give way.
    const all = applyEdit(drafted, edited, 'annual', { style: 'exact', isStock });
    expect(figuresIn(all).map((r) => r.display)).toEqual(['1286', '3046']);
  });

  it('a regeneration keeps each chip’s choice, with the new numbers', () => {
    const chosen = structuredClone(drafted);
    const runs = chosen.sections[0].paragraphs[0].runs as FigureRun[];
    runs[1] = { ...runs[1], rounding: 'approx', display: '1280余' };
    runs[2] = { ...runs[2], rounding: 'exact', display: '3046' };
    const fresh = restyle(
      doc(fig('h', 'courtyards.households', 1293), fig('i', 'courtyards.inspections', 3100)),
      'mixed',
      isStock,
    );
    const current = new Map(figuresIn(fresh).map((r) => [r.id, r]));
    for (const mode of ['keepEdits', 'discardEdits'] as const) {
      const merged = mergeRegenerated(chosen, fresh, current, mode, 'annual').content;
      expect(figuresIn(merged).map((r) => [r.rounding, r.display])).toEqual([
        ['approx', '1290余'],
        ['exact', '3100'],
      ]);
    }
  });

  it('a document from before per-figure rounding keeps working', () => {
    const old = doc(fig('i', 'courtyards.inspections', 3046, { display: '3000余' }));
    const saved = applyEdit(old, structuredClone(old), 'annual');
    expect(figuresIn(saved)[0]).toMatchObject({ display: '3000余' });
    expect(figuresIn(saved)[0].rounding).toBeUndefined();
  });
});
