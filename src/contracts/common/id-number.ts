/**
 * 居民身份证号码 (GB 11643-1999): validation, normalization and the facts it encodes.
 * Pure functions shared by server (authority) and web (early feedback).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83,
]);

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; gender: 'female' | 'male'; wasConverted: boolean }
  | { ok: false; reason: string };

/** Full-width digits/letters and spaces, as pasted from WPS or typed on a Chinese IME, to plain ASCII. */
export const toHalfWidth = (s: string) =>
  s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\s]/g, '');

export const checkCharOf = (first17: string) => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
};

const isValidDate = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};

/**
 * Validates an ID number as typed or imported. 15-digit numbers (issued before 1999) are converted
 * to 18 digits. Numbers that went through a spreadsheet as floats (3.71002E+17) are refused: their
 * last digits are lost and cannot be recovered.
 */
export const parseIdNumber = (raw: string, today = new Date()): IdNumberResult => {
  const s = toHalfWidth(String(raw)).toUpperCase();
  if (s === '') return { ok: false, reason: '身份证号码为空' };
  if (/^\d(\.\d+)?E\+?\d+$/.test(s)) {
    return {
      ok: false,
      reason: '身份证号码被表格存成了科学计数法，后几位已丢失，请把该列设为“文本”后重新填写',
    };
  }
  if (s.includes('*')) return { ok: false, reason: '身份证号码已打码（含*），请填写完整号码' };
  let value = s;
  let wasConverted = false;
  if (/^\d{15}$/.test(s)) {
    const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
    value = first17 + checkCharOf(first17);
    wasConverted = true;
  } else if (!/^\d{17}[\dX]$/.test(s)) {
    return { ok: false, reason: `身份证号码应为18位（或旧版15位），当前为${s.length}位` };
  }
  if (!PROVINCE_CODES.has(Number(value.slice(0, 2))))
    return { ok: false, reason: '身份证号码前两位不是有效的省级行政区代码' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (!isValidDate(y, m, d) || y < 1880 || new Date(Date.UTC(y, m - 1, d)) > today) {
    return { ok: false, reason: '身份证号码中的出生日期无效' };
  }
  if (!wasConverted && checkCharOf(value.slice(0, 17)) !== value[17]) {
    return { ok: false, reason: '身份证号码校验位不正确，请核对是否输错' };
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const gender = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, birthDate, gender, wasConverted };
};

/** `3710**********1234`: the region prefix and the last four digits only. */
export const maskIdNumber = (id: string) =>
  id.length >= 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : '****';

/** `138****1234`. */
export const maskPhone = (phone: string) =>
  phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';

/** Public notices name people as 张*华 / 李*: surname and last character only. */
export const maskName = (name: string) => {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
};
