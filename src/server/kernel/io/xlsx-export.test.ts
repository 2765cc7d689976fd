import { describe, expect, it } from 'vitest';
import { contentDisposition, escapeCell } from './xlsx-export';

describe('spreadsheet cells that could run as formulas', () => {
  it.each(['=SUM(A1)', '+1', '-2', '@x', '\tx', '\rx', '＝1', '＋1', '－2', '＠x'])(
    '%j gets a leading apostrophe',
    (value) => {
      expect(escapeCell(value)).toBe(`'${value}`);
    },
  );

  it('numbers, null and plain text pass unchanged', () => {
    expect(escapeCell(-2)).toBe(-2);
    expect(escapeCell(3.5)).toBe(3.5);
    expect(escapeCell(null)).toBeNull();
    expect(escapeCell('甲一村妇联')).toBe('甲一村妇联');
    expect(escapeCell('a=b')).toBe('a=b');
    expect(escapeCell('2026-03-05')).toBe('2026-03-05');
    expect(escapeCell('')).toBe('');
  });
});

describe('download file names', () => {
  it('a Chinese file name has an ASCII fallback and the UTF-8 name', () => {
    const header = contentDisposition('操作日志-2026.xlsx');
    const match = header.match(/^attachment; filename="([^"]*)"; filename\*=UTF-8''(.+)$/);
    expect(match).not.toBeNull();
    const [, ascii, encoded] = match as RegExpMatchArray;
    expect(ascii).toMatch(/^[\x20-\x7e]+$/);
    expect(ascii.endsWith('-2026.xlsx')).toBe(true);
    expect(encoded).toBe(encodeURIComponent('操作日志-2026.xlsx'));
    expect(decodeURIComponent(encoded)).toBe('操作日志-2026.xlsx');
  });

  it('quotes and backslashes cannot break out of the fallback name', () => {
    const header = contentDisposition('a"b\\c.xlsx');
    expect(header.startsWith('attachment; filename="a_b_c.xlsx"; ')).toBe(true);
  });

  it("the UTF-8 name uses only characters RFC 5987 allows unescaped, even with ( ) ' *", () => {
    const encoded = contentDisposition("甲镇(2026)'s*.xlsx").split("filename*=UTF-8''")[1];
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(encoded)).toBe("甲镇(2026)'s*.xlsx");
  });
});
