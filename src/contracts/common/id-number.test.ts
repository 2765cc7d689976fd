import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharOf, maskIdNumber, maskName, maskPhone, parseIdNumber, toHalfWidth } from './id-number';

// Fictional numbers with valid check characters (computed, not anyone's).
const valid = (first17: string) => first17 + checkCharOf(first17);

describe('ID number (GB 11643)', () => {
  it('accepts a valid 18-digit number and reads birth date and gender from it', () => {
    const id = valid('11010519900307002');
    const r = parseIdNumber(id);
    expect(r).toEqual({
      ok: true,
      value: id,
      birthDate: '1990-03-07',
      gender: 'female',
      wasConverted: false,
    });
    expect(parseIdNumber(valid('11010519900307001'))).toMatchObject({ gender: 'male' });
  });

  it('refuses a wrong check character', () => {
    const id = valid('11010519900307002');
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(parseIdNumber(wrong)).toEqual({ ok: false, reason: '身份证号码校验位不正确，请核对是否输错' });
  });

  it('converts an old 15-digit number to 18 digits', () => {
    const r = parseIdNumber('110105900307002');
    expect(r).toMatchObject({ ok: true, birthDate: '1990-03-07', wasConverted: true });
    if (r.ok) expect(r.value).toBe(valid('11010519900307002'));
  });

  it('accepts full-width digits, spaces and a lower-case x', () => {
    const id = valid('37100219850612004');
    const messy =
      ` ${[...id].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')}　`.toLowerCase();
    expect(parseIdNumber(messy)).toMatchObject({ ok: true, value: id });
    expect(toHalfWidth('１２３　４')).toBe('1234');
  });

  it('refuses numbers mangled into scientific notation, impossible dates, future births and bad provinces', () => {
    expect(parseIdNumber('3.71002E+17')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('科学计数法'),
    });
    expect(parseIdNumber(valid('11010519900230002'))).toMatchObject({
      ok: false,
      reason: '身份证号码中的出生日期无效',
    });
    expect(parseIdNumber(valid('11010520990101002'), new Date('2026-11-29'))).toMatchObject({ ok: false });
    expect(parseIdNumber(valid('99010519900307002'))).toMatchObject({ ok: false });
    expect(parseIdNumber('1234')).toMatchObject({ ok: false, reason: expect.stringContaining('18位') });
  });

  it('any single-digit typo in the first 17 digits is caught (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const id = valid('33010219780915003');
        const typo = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        const r = parseIdNumber(typo);
        // A typo may also break the date or province; it must never pass.
        return !r.ok;
      }),
    );
  });

  it('masks ID numbers, phones and names', () => {
    expect(maskIdNumber(valid('37100219850612004'))).toMatch(/^3710\*{10}\d{3}[\dX]$/);
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskName('张秀华')).toBe('张*华');
    expect(maskName('李娜')).toBe('李*');
    expect(maskName('欧阳春花')).toBe('欧**花');
  });
});
