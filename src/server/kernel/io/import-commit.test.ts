import { describe, expect, it } from 'vitest';
import { changedFields, ImportPlan, inBatches, pagedBatches, RowIssues } from './import-commit';
import { ImportRowsError, type ParsedRow } from './ledger-io';
import { unitColumn } from './unit-names';

const row = (rowNumber: number): ParsedRow => ({ rowNumber, values: {}, raw: [] });

const collect = async <T>(batches: AsyncIterable<T[]>) => {
  const out: T[][] = [];
  for await (const b of batches) out.push(b);
  return out;
};

describe('RowIssues', () => {
  it('collects problems by row and refuses them all at once', () => {
    const issues = new RowIssues();
    expect(() => issues.throwIfAny()).not.toThrow();
    issues.add(row(3), '姓名', '王秀英', '找不到此人');
    issues.add(row(5), '', '', '与第3行重复');
    expect(issues.count).toBe(2);
    try {
      issues.throwIfAny();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportRowsError);
      expect((e as ImportRowsError).issues).toEqual([
        { row: 3, column: '姓名', value: '王秀英', message: '找不到此人' },
        { row: 5, column: '', value: '', message: '与第3行重复' },
      ]);
    }
  });
});

describe('changedFields', () => {
  it('keeps only stated values that differ; an empty cell never erases', () => {
    const saved = { a: 'x', b: 'y', n: 3, tags: ['妇女'], c: 'kept' };
    expect(
      changedFields(saved, { a: 'x', b: 'z', n: 4, tags: ['妇女'], c: null, d: undefined, e: [] }),
    ).toEqual({ b: 'z', n: 4 });
  });

  it('compares lists by content', () => {
    expect(changedFields({ tags: ['a', 'b'] }, { tags: ['a', 'b'] })).toEqual({});
    expect(changedFields({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual({ tags: ['a', 'b'] });
  });
});

describe('ImportPlan', () => {
  it('splits rows into created, updated and unchanged', () => {
    const plan = new ImportPlan<{ id: string; name: string }, { id: string }>();
    plan.create({ id: 'n1' });
    plan.compare({ id: 's1', name: '甲' }, { name: '甲' });
    plan.compare({ id: 's2', name: '甲' }, { name: '乙' });
    plan.update({ id: 's3', name: '丙' }, {});
    expect(plan.counts).toEqual({ created: 1, updated: 1, unchanged: 2 });
    expect(plan.updates).toEqual([{ before: { id: 's2', name: '甲' }, set: { name: '乙' } }]);
  });
});

describe('export batches', () => {
  it('pages until a page comes back short or empty', async () => {
    const pages = [[1, 2], [3, 4], [5]];
    const asked: unknown[] = [];
    const got = await collect(
      pagedBatches(2, async (paging) => {
        asked.push(paging);
        return { items: pages[paging.page - 1] ?? [] };
      }),
    );
    expect(got).toEqual(pages);
    expect(asked).toEqual([1, 2, 3].map((page) => ({ page, pageSize: 2, sort: undefined })));
    const full = await collect(
      pagedBatches(2, async ({ page }) => ({ items: page <= 2 ? [page, page] : [] })),
    );
    expect(full).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('slices rows in memory', async () => {
    expect(await collect(inBatches([1, 2, 3, 4, 5], 2))).toEqual([[1, 2], [3, 4], [5]]);
    expect(await collect(inBatches([]))).toEqual([]);
  });
});

describe('unitColumn', () => {
  it('declares the orgUnit cell with the default hint', () => {
    const c = unitColumn('所属组织', ['村（社区）']);
    expect(c).toMatchObject({
      key: 'orgUnit',
      header: '所属组织',
      width: 16,
      hint: '如：东岭村；不填则为所选组织',
    });
    expect(c.parse(' 东岭村 ')).toEqual({ value: '东岭村' });
  });
});
