import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkCharOf } from '../../../contracts/common/id-number';
import { defaultPersonTags, genderLabels, relationLabels } from '../../../contracts/people';
import {
  ageOn,
  type CellResult,
  parseAgeCell,
  parseDateCell,
  parseEnumCell,
  parseIdNumberCell,
  parseListCell,
  parsePhoneCell,
  splitKnownList,
} from './cells';
import { parseCsv } from './workbook';
import { checkZip } from './zip-guard';

/** A valid fictional ID number from its first 17 digits. */
const idOf = (first17: string) => `${first17}${checkCharOf(first17)}`;

const toFullWidth = (s: string) =>
  s.replace(/[0-9A-Z-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const errorOf = <T>(r: CellResult<T>) => {
  expect(r).toHaveProperty('error');
  return (r as { error: string }).error;
};

describe('dates as ledger sheets hold them', () => {
  it('a real date cell (UTC midnight from exceljs) is that calendar day', () => {
    expect(parseDateCell(new Date(Date.UTC(2024, 2, 5)))).toEqual({ value: '2024-03-05' });
  });

  it('an Excel serial number 45356 is 2024-03-05', () => {
    expect(parseDateCell(45356)).toEqual({ value: '2024-03-05' });
    expect(parseDateCell('45356')).toEqual({ value: '2024-03-05' });
  });

  it.each([
    ['2024.3.5'],
    ['2024年3月5日'],
    ['2024/03/05'],
    ['2024-3-5'],
    ['20240305'],
    [' 2024-03-05 '],
    ['２０２４－０３－０５'],
  ])('%j is read as 2024-03-05', (text) => {
    expect(parseDateCell(text)).toEqual({ value: '2024-03-05' });
  });

  it('an empty cell is no date, not an error', () => {
    expect(parseDateCell(undefined)).toEqual({ value: undefined });
    expect(parseDateCell(null)).toEqual({ value: undefined });
    expect(parseDateCell('')).toEqual({ value: undefined });
    expect(parseDateCell('  ')).toEqual({ value: undefined });
  });

  it('a day that does not exist (2024-02-30) is refused in Chinese', () => {
    const message = errorOf(parseDateCell('2024-02-30'));
    expect(message).toContain('2024-02-30');
    expect(message).toContain('不是有效日期');
  });

  it('29 February exists only in leap years', () => {
    expect(parseDateCell('2024-02-29')).toEqual({ value: '2024-02-29' });
    expect(errorOf(parseDateCell('2023-02-29'))).toContain('不是有效日期');
  });

  it('text that is no date tells the cadre how to write one', () => {
    const message = errorOf(parseDateCell('abc'));
    expect(message).toContain('“abc”不是可识别的日期');
    expect(message).toContain('2024年3月5日');
  });

  it('two-digit years are refused as ambiguous', () => {
    expect(errorOf(parseDateCell('85.6.12'))).toContain('不是可识别的日期');
  });

  it('a serial number out of any plausible range is refused', () => {
    expect(errorOf(parseDateCell(0))).toContain('不是有效日期');
    expect(errorOf(parseDateCell(99_999))).toContain('不是有效日期');
  });
});

describe('ages as written by hand', () => {
  it.each([
    ['35', 35],
    ['35岁', 35],
    ['35周岁', 35],
    ['３５', 35],
    [' 35 ', 35],
    [35, 35],
  ] as const)('%j is %i years', (cell, age) => {
    expect(parseAgeCell(cell)).toEqual({ value: age });
  });

  it('an empty age cell is no age', () => {
    expect(parseAgeCell(undefined)).toEqual({ value: undefined });
  });

  it('text is refused with an example of what to write', () => {
    const message = errorOf(parseAgeCell('abc'));
    expect(message).toContain('“abc”不是有效年龄');
    expect(message).toContain('35周岁');
  });

  it('150 is out of range', () => {
    expect(errorOf(parseAgeCell('150'))).toContain('超出范围');
    expect(parseAgeCell('120')).toEqual({ value: 120 });
  });
});

describe('ID numbers from spreadsheets', () => {
  const valid = idOf('33010219850612002');

  it('an ID number stored as a number has lost its last digits and must be re-entered as text', () => {
    const lossy = Number('371002198506120040');
    expect(String(lossy)).not.toBe('371002198506120040');
    const message = errorOf(parseIdNumberCell(lossy));
    expect(message).toContain('数字');
    expect(message).toContain('文本');
  });

  it('an ID number shown in scientific notation is refused with the same advice', () => {
    const message = errorOf(parseIdNumberCell('3.71002E+17'));
    expect(message).toContain('科学计数法');
    expect(message).toContain('文本');
  });

  it('full-width digits typed on a Chinese IME are accepted and normalized', () => {
    expect(parseIdNumberCell(toFullWidth(valid))).toEqual({ value: valid });
  });

  it('a valid ID number with spaces around it is accepted', () => {
    expect(parseIdNumberCell(` ${valid}\u3000`)).toEqual({ value: valid });
  });

  it('an old 15-digit number is converted to 18 digits', () => {
    expect(parseIdNumberCell('330102850612002')).toEqual({ value: valid });
  });

  it('a wrong check digit is refused', () => {
    const wrong = `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`;
    expect(errorOf(parseIdNumberCell(wrong))).toContain('校验位');
  });

  it('an empty cell is no ID number', () => {
    expect(parseIdNumberCell(undefined)).toEqual({ value: undefined });
    expect(parseIdNumberCell('')).toEqual({ value: undefined });
  });
});

describe('phones', () => {
  it('a mobile number with dashes is kept as its digits', () => {
    expect(parsePhoneCell('138-1234-1234')).toEqual({ value: '13812341234' });
  });

  it('full-width digits and a landline with area code are accepted', () => {
    expect(parsePhoneCell('１３８１２３４１２３４')).toEqual({ value: '13812341234' });
    expect(parsePhoneCell('0571-8765 4321')).toEqual({ value: '057187654321' });
  });

  it('a short number is refused', () => {
    expect(errorOf(parsePhoneCell('12345'))).toContain('“12345”不是有效的手机号或固定电话');
  });

  it('a masked number copied from an export is refused', () => {
    expect(errorOf(parsePhoneCell('138****1234'))).toContain('已打码');
  });
});

describe('drop-down choices and tag lists', () => {
  it('an enum is read by its Chinese label or its code', () => {
    expect(parseEnumCell('女', genderLabels)).toEqual({ value: 'female' });
    expect(parseEnumCell('male', genderLabels)).toEqual({ value: 'male' });
    expect(parseEnumCell('户主', relationLabels)).toEqual({ value: 'head' });
  });

  it('a value outside the list names the allowed labels', () => {
    const message = errorOf(parseEnumCell('未知', genderLabels));
    expect(message).toContain('“未知”不在可选范围内');
    expect(message).toContain('女、男');
  });

  it('a list separated by 、 , ， or ； becomes distinct tags', () => {
    expect(parseListCell('留守妇女、低保', defaultPersonTags)).toEqual({ value: ['留守妇女', '低保'] });
    expect(parseListCell('留守妇女，低保；留守妇女', defaultPersonTags)).toEqual({
      value: ['留守妇女', '低保'],
    });
    expect(parseListCell(undefined, defaultPersonTags)).toEqual({ value: [] });
  });

  it('an unknown tag is refused by name', () => {
    const message = errorOf(parseListCell('留守妇女、火星来客', defaultPersonTags));
    expect(message).toContain('“火星来客”不在可选标签中');
    expect(message).not.toContain('“留守妇女');
  });
});

describe('age on a date', () => {
  it('counts full years only, turning over on the birthday', () => {
    expect(ageOn('1985-06-12', '2024-06-11')).toBe(38);
    expect(ageOn('1985-06-12', '2024-06-12')).toBe(39);
    expect(ageOn('1985-06-12', '2024-05-30')).toBe(38);
    expect(ageOn('1985-06-12', '2024-07-01')).toBe(39);
  });
});

describe('zip guard for uploaded workbooks', () => {
  const smallXlsx = async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('人员信息').addRow(['姓名', '身份证号码']);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };

  it('a small real .xlsx passes', async () => {
    expect(checkZip(await smallXlsx())).toBeUndefined();
  });

  it('garbage bytes are refused as not an .xlsx', () => {
    const garbage = Buffer.from('这不是一个 Excel 文件'.repeat(10));
    expect(checkZip(garbage)).toContain('不是有效的 Excel');
  });

  it('a workbook with more entries than allowed is refused', async () => {
    const limits = { maxEntries: 2, maxUncompressed: 200 * 1024 * 1024, maxRatio: 200 };
    expect(checkZip(await smallXlsx(), limits)).toContain('条目过多');
  });

  it('a workbook that would unpack larger than allowed is refused', async () => {
    const limits = { maxEntries: 2_000, maxUncompressed: 100, maxRatio: 200 };
    expect(checkZip(await smallXlsx(), limits)).toContain('解压后过大');
  });
});

describe('CSV parsing', () => {
  it('handles quoted commas, doubled quotes, line breaks inside quotes and CRLF', () => {
    const text =
      '姓名,备注,住址\r\n王桂英,"爱好：唱歌,跳舞","东岭村""新""村"\r\n李秀兰,"第一行\r\n第二行",\r\n';
    expect(parseCsv(text)).toEqual([
      ['姓名', '备注', '住址'],
      ['王桂英', '爱好：唱歌,跳舞', '东岭村"新"村'],
      ['李秀兰', '第一行\r\n第二行', ''],
    ]);
  });

  it('a last line without a line break is kept, LF-only files work too', () => {
    expect(parseCsv('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('splitKnownList: names that contain the separator', () => {
  const known = ['学技能、促就业', '学技能', '巾帼心向党', '留守妇女'];
  it('keeps a known name whole, preferring the longest, and splits the rest on separators', () => {
    expect(splitKnownList('学技能、促就业', known)).toEqual(['学技能、促就业']);
    expect(splitKnownList('巾帼心向党、学技能、促就业', known)).toEqual(['巾帼心向党', '学技能、促就业']);
    expect(splitKnownList('学技能，巾帼心向党', known)).toEqual(['学技能', '巾帼心向党']);
    expect(splitKnownList('学技能、促就业难', known)).toEqual(['学技能', '促就业难']);
    expect(splitKnownList('留守妇女 ; 低保', known)).toEqual(['留守妇女', '低保']);
    expect(splitKnownList('、、', known)).toEqual([]);
  });
});
