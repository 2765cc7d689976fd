import { describe, expect, it } from 'vitest';
import { readWorkbookSheets } from './workbook';
import { buildZip, deflatedEntry, sheetXml, storedEntry, workbookParts } from './zip-fixtures';

// The sheet is read as a stream of 64 KiB chunks (see workbook.ts: readXlsxSheets). A Chinese character is
// three bytes in UTF-8: chunk boundaries fall inside characters, and each must still read back whole.

const TEXT = '秀英兰梅芳娟燕霞红玲';
const ROWS = 3000;

const expectWhole = async (file: Buffer) => {
  const [sheet] = await readWorkbookSheets(file, '人员.xlsx');
  expect(sheet.rows).toHaveLength(ROWS);
  const wrong = sheet.rows.filter((r, i) => r.rowNumber !== i + 1 || r.cells[0] !== `${TEXT}${r.rowNumber}`);
  expect(wrong.slice(0, 3)).toEqual([]);
};

describe('reading a sheet as a stream', () => {
  it('keeps characters cut between inflated chunks whole', async () => {
    const sheet = await deflatedEntry(
      'xl/worksheets/sheet1.xml',
      sheetXml(ROWS, 1, (r) => `${TEXT}${r}`),
    );
    expect(sheet.size).toBeGreaterThan(3 * 64 * 1024);
    await expectWhole(buildZip([...(await workbookParts()), sheet]));
  });

  it('keeps characters cut between chunks of a stored (uncompressed) part whole', async () => {
    const xml = [...sheetXml(ROWS, 1, (r) => `${TEXT}${r}`)].join('');
    await expectWhole(buildZip([...(await workbookParts()), storedEntry('xl/worksheets/sheet1.xml', xml)]));
  });

  it('reads an inline rich string whole (its runs joined, formatting and phonetic runs left out), also when cut between chunks', async () => {
    const xml = [...sheetXml(ROWS, 1, (r) => `${TEXT}${r}`)]
      .join('')
      .replace(
        /<is><t>(秀英兰梅芳)(娟燕霞红玲\d+)<\/t><\/is>/g,
        '<is><r><rPr><b/></rPr><t>$1</t></r><r><t xml:space="preserve">$2</t></r><rPh sb="0" eb="1"><t>ヒデ</t></rPh></is>',
      );
    expect(xml.match(/<r>/g)).toHaveLength(2 * ROWS);
    await expectWhole(
      buildZip([...(await workbookParts()), await deflatedEntry('xl/worksheets/sheet1.xml', [xml])]),
    );
  });
});
