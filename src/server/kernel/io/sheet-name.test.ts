import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SHEET_NAME, sheetName } from './sheet-name';
import { escapeCell } from './xlsx-export';
import { xmlSafeText } from './xml-text';

/** Excel's rules, checked independently of the sanitiser. */
const breaksExcelRules = (name: string) =>
  name.length === 0 ||
  name.length > MAX_SHEET_NAME ||
  /[:\\/?*[\]]/.test(name) ||
  name.startsWith("'") ||
  name.endsWith("'") ||
  name.toUpperCase() === 'HISTORY' ||
  xmlSafeText(name) !== name;

describe('worksheet names', () => {
  it.each([
    ["'", 'Sheet1'],
    ["'abc'", 'abc'],
    ["''a'b''", "a'b"],
    ['History', 'History (2)'],
    ['HISTORY', 'HISTORY (2)'],
    ['a/b\\c?d*e[f]g:h', 'a b c d e f g h'],
    ['甲镇\u0000妇联\u001f月报', '甲镇妇联月报'],
    ['   ', 'Sheet1'],
    ['第一行\n第二行', '第一行 第二行'],
    ['月报', '月报'],
  ])('%j → %j', (raw, expected) => {
    expect(sheetName(raw)).toBe(expected);
  });

  it('is cut to 31 characters without splitting an emoji or leaving an apostrophe at the end', () => {
    expect(sheetName('统'.repeat(40))).toBe('统'.repeat(31));
    const emoji = sheetName(`${'a'.repeat(30)}😀`);
    expect(emoji).toBe('a'.repeat(30));
    expect(sheetName(`${'a'.repeat(30)}'b`)).toBe('a'.repeat(30));
  });

  it('is unique in the workbook ignoring case, within the length limit', () => {
    expect(sheetName('月报', ['月报'])).toBe('月报 (2)');
    expect(sheetName('Report', ['report', 'REPORT (2)'])).toBe('Report (3)');
    const long = 'x'.repeat(31);
    expect(sheetName(long, [long])).toBe(`${'x'.repeat(27)} (2)`);
    expect(sheetName('', [], '填写说明')).toBe('填写说明');
  });

  it('whatever the input, exceljs accepts the name and the workbook reads back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.array(fc.string({ maxLength: 35 }), { maxLength: 3 }),
        async (raw, others) => {
          const wb = new ExcelJS.Workbook();
          const taken: string[] = [];
          for (const o of [...others, raw]) {
            const name = sheetName(o, taken);
            expect(breaksExcelRules(name), JSON.stringify(name)).toBe(false);
            expect(taken.map((n) => n.toUpperCase())).not.toContain(name.toUpperCase());
            wb.addWorksheet(name).addRow([escapeCell(o)]);
            taken.push(name);
          }
          const back = new ExcelJS.Workbook();
          await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
          expect(back.worksheets.map((w) => w.name)).toEqual(taken);
        },
      ),
      { numRuns: 60, seed: 20261207 },
    );
  });
});

describe('cell text', () => {
  it('drops characters the sheet XML cannot hold, keeps tab and line breaks', () => {
    expect(escapeCell('张\u0000三\u0007')).toBe('张三');
    expect(escapeCell('第一行\r\n第二行\t止')).toBe('第一行\r\n第二行\t止');
    expect(escapeCell('a\ud800b\uffff')).toBe('ab');
    expect(escapeCell('😀')).toBe('😀');
  });

  it('a formula hidden behind a control character is still escaped', () => {
    expect(escapeCell('\u0001=cmd|calc')).toBe("'=cmd|calc");
  });
});
