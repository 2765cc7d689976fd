import { describe, expect, it } from 'vitest';
import {
  ageOn,
  amountInWords,
  createDisbursementInputSchema,
  fenSchema,
  formatYuan,
  parseYuan,
} from './donations';

const yuan = (n: number) => Math.round(n * 100);

describe('amountInWords (人民币大写)', () => {
  it.each([
    [0, '零元整'],
    [yuan(1), '壹元整'],
    [yuan(10), '壹拾元整'],
    [yuan(15), '壹拾伍元整'],
    [yuan(100), '壹佰元整'],
    [yuan(101), '壹佰零壹元整'],
    [yuan(110), '壹佰壹拾元整'],
    [yuan(1000), '壹仟元整'],
    [yuan(1001), '壹仟零壹元整'],
    [yuan(1010), '壹仟零壹拾元整'],
    [yuan(1100), '壹仟壹佰元整'],
    [yuan(10000), '壹万元整'],
    [yuan(10001), '壹万零壹元整'],
    [yuan(10010), '壹万零壹拾元整'],
    [yuan(100010), '壹拾万零壹拾元整'],
    [yuan(101000), '壹拾万壹仟元整'],
    [yuan(110000), '壹拾壹万元整'],
    [yuan(1000001), '壹佰万零壹元整'],
    [yuan(1680), '壹仟陆佰捌拾元整'],
    [yuan(100000000), '壹亿元整'],
    [yuan(100010000), '壹亿零壹万元整'],
    [yuan(101000000), '壹亿零壹佰万元整'],
    [yuan(200000100), '贰亿零壹佰元整'],
    [yuan(123456789), '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
    [50, '伍角整'],
    [5, '伍分'],
    [55, '伍角伍分'],
    [105, '壹元零伍分'],
    [150, '壹元伍角整'],
    [100005, '壹仟元零伍分'],
    [yuan(1680.32), '壹仟陆佰捌拾元叁角贰分'],
    [yuan(107000.53), '壹拾万柒仟元伍角叁分'],
    [yuan(1000000.01), '壹佰万元零壹分'],
  ])('%i fen → %s', (fen, words) => {
    expect(amountInWords(fen)).toBe(words);
  });

  it('refuses fractional and negative fen', () => {
    expect(() => amountInWords(1.5)).toThrow();
    expect(() => amountInWords(-1)).toThrow();
  });
});

describe('money input', () => {
  it('reads yuan as fen without float rounding', () => {
    expect(parseYuan('1,234.56')).toEqual({ fen: 123456 });
    expect(parseYuan('0.1')).toEqual({ fen: 10 });
    expect(parseYuan('￥100元')).toEqual({ fen: 10000 });
    expect(parseYuan('19.99')).toEqual({ fen: 1999 });
    expect(parseYuan('1.005')).toEqual({ error: '金额最小单位为分（最多两位小数）' });
    expect(parseYuan('-5')).toEqual({ error: '金额不能为负数' });
    expect(parseYuan('0')).toEqual({ error: '金额必须大于零' });
    expect(parseYuan('abc')).toHaveProperty('error');
  });

  it('the contract refuses fractional fen and negatives in zh-CN', () => {
    const msg = (v: number) => fenSchema.safeParse(v).error?.issues[0]?.message;
    expect(msg(100.5)).toBe('金额最小单位为分（最多两位小数）');
    expect(msg(-100)).toBe('金额不能为负数');
    expect(msg(0)).toBe('金额必须大于零');
    expect(fenSchema.safeParse(100).success).toBe(true);
    const bad = createDisbursementInputSchema.safeParse({
      driveId: '0190a4c5-0000-7000-8000-000000000001',
      beneficiaryId: '0190a4c5-0000-7000-8000-000000000002',
      amountFen: 10.5,
      submittedOn: '2026-03-01',
    });
    expect(bad.success).toBe(false);
  });

  it('formats fen as yuan', () => {
    expect(formatYuan(123456)).toBe('1,234.56');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(100000000)).toBe('1,000,000.00');
  });

  it('ages in whole years on the day (周岁)', () => {
    expect(ageOn('1990-06-15', '2025-06-14')).toBe(34);
    expect(ageOn('1990-06-15', '2025-06-15')).toBe(35);
    expect(ageOn('1961-01-01', '2025-12-31')).toBe(64);
    expect(ageOn('1961-01-01', '2026-01-01')).toBe(65);
  });
});
