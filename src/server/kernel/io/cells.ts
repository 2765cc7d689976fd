import { parseIdNumber, toHalfWidth } from '../../../contracts/common/id-number';

/**
 * Normalizers for the cells of real, messy ledger sheets. Each returns `{ value }` or `{ error }`
 * with a zh-CN reason a cadre can act on. Empty cells are `undefined` (the column decides whether
 * that is allowed).
 */
export type CellValue = string | number | boolean | Date | null | undefined;
export type CellResult<T> = { value: T | undefined } | { error: string };

const MAX_SAFE_DIGITS = 15; // a spreadsheet number keeps 15 significant digits

export const cellText = (v: CellValue): string | undefined => {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v)
    .replace(/[\u3000\u00a0]/g, ' ')
    .trim();
  return s === '' ? undefined : s;
};

export const parseTextCell = (v: CellValue, max = 200): CellResult<string> => {
  const s = cellText(v);
  if (s !== undefined && s.length > max) return { error: `内容过长（不超过${max}个字）` };
  return { value: s };
};

export const parseIdNumberCell = (v: CellValue): CellResult<string> => {
  if (typeof v === 'number') {
    // 18-digit numbers stored as numbers have already lost their last digits.
    if (String(Math.trunc(v)).length > MAX_SAFE_DIGITS) {
      return { error: '身份证号码被存成了数字，后几位已丢失；请把该列设为“文本”格式后重新填写' };
    }
  }
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const r = parseIdNumber(s);
  return r.ok ? { value: r.value } : { error: r.reason };
};

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const isoDate = (y: number, m: number, d: number): string | undefined => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/**
 * Dates as sheets hold them: real date cells, Excel serial numbers, 2024-03-05, 2024/3/5, 2024.3.5,
 * 2024年3月5日, 20240305. Two-digit years are refused (ambiguous).
 */
export const parseDateCell = (v: CellValue): CellResult<string> => {
  if (v === null || v === undefined || v === '') return { value: undefined };
  if (v instanceof Date) {
    // exceljs gives date cells as UTC midnight of the calendar day.
    return { value: isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) };
  }
  if (typeof v === 'number') {
    if (v < 1 || v > 80_000) return { error: `“${v}”不是有效日期` };
    const dt = new Date(EXCEL_EPOCH + Math.floor(v) * 86_400_000);
    return { value: isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()) };
  }
  const s = toHalfWidth(String(v)).replace(/\s/g, '');
  if (s === '') return { value: undefined };
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) {
    if (/^\d{5}(\.\d+)?$/.test(s)) return parseDateCell(Number(s));
    return { error: `“${String(v).trim()}”不是可识别的日期，请写成 2024-03-05 或 2024年3月5日` };
  }
  const value = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return value ? { value } : { error: `“${String(v).trim()}”不是有效日期` };
};

/** Ages as written: 35, 35岁, 35周岁, ３５. */
export const parseAgeCell = (v: CellValue): CellResult<number> => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  const m = /^(\d{1,3})(周?岁)?$/.exec(toHalfWidth(s));
  if (!m) return { error: `“${s}”不是有效年龄，请写成数字（如 35 或 35周岁）` };
  const age = Number(m[1]);
  return age <= 120 ? { value: age } : { error: `年龄“${s}”超出范围` };
};

export const parsePhoneCell = (v: CellValue): CellResult<string> => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  if (s.includes('*')) return { error: '电话号码已打码（含*），请填写完整号码' };
  const p = toHalfWidth(s).replace(/[-—()（）]/g, '');
  return /^(1\d{10}|0\d{9,11})$/.test(p) ? { value: p } : { error: `“${s}”不是有效的手机号或固定电话` };
};

/** An enumeration by its Chinese label (as the template's drop-down offers) or its code. */
export const parseEnumCell = <T extends string>(
  v: CellValue,
  labels: Record<T, { zh: string }>,
): CellResult<T> => {
  const s = cellText(v);
  if (s === undefined) return { value: undefined };
  for (const [code, label] of Object.entries(labels) as [T, { zh: string }][]) {
    if (s === label.zh || s === code) return { value: code };
  }
  return {
    error: `“${s}”不在可选范围内（${Object.values<{ zh: string }>(labels)
      .map((l) => l.zh)
      .join('、')}）`,
  };
};

const LIST_SEPARATORS = /[、,，;；/\s]+/;
const isSeparator = (c: string | undefined) => c !== undefined && LIST_SEPARATORS.test(c);

/**
 * The items of a list cell, with names that contain a separator kept whole: at each place the longest
 * known name that starts there and ends at a separator (or the cell's end) is taken as one item; what
 * no known name covers is split on the separators (、 , ， ; ； / spaces). So a campaign named
 * “学技能、促就业” is one item, “学技能、促就业、巾帼家美积分超市” two — the rule the templates' 填写说明 states.
 */
export const splitKnownList = (text: string, known: readonly string[] = []): string[] => {
  const names = [...new Set(known.map((k) => k.trim()).filter((k) => k && LIST_SEPARATORS.test(k)))].sort(
    (a, b) => b.length - a.length,
  );
  const items: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSeparator(text[i])) {
      i++;
      continue;
    }
    const whole = names.find(
      (n) => text.startsWith(n, i) && (i + n.length === text.length || isSeparator(text[i + n.length])),
    );
    if (whole) {
      items.push(whole);
      i += whole.length;
      continue;
    }
    let end = i;
    while (end < text.length && !isSeparator(text[end])) end++;
    items.push(text.slice(i, end));
    i = end;
  }
  return [...new Set(items)];
};

/** What the templates' 填写说明 says of list cells (see `splitKnownList`). */
export const LIST_CELL_RULE =
  '可填多项的列（如专项行动、人员类别）：多项之间用顿号“、”分隔（逗号、分号也可）。名称本身带顿号的（如专项行动“学技能、促就业”）照原样填写：系统先按已登记的名称整体识别（优先最长的名称），其余再按分隔符拆分。';

/** A list in one cell: 留守妇女、低保 / 留守妇女,低保 / 留守妇女；低保. */
export const parseListCell = (v: CellValue, allowed?: readonly string[]): CellResult<string[]> => {
  const s = cellText(v);
  if (s === undefined) return { value: [] };
  const items = splitKnownList(s, allowed);
  if (allowed) {
    const bad = items.filter((i) => !allowed.includes(i));
    if (bad.length) return { error: `“${bad.join('、')}”不在可选标签中（${allowed.join('、')}）` };
  }
  return { value: items };
};

/** Years of age on a date, for "age" columns that stand in for a birth date. */
export const ageOn = (birthDate: string, on: string) => {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};
