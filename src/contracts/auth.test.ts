import { describe, expect, it } from 'vitest';
import { passwordSchema } from './auth';

const messagesOf = (password: string) => {
  const result = passwordSchema.safeParse(password);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('password policy', () => {
  it('accepts eight characters with letters and digits', () => {
    expect(passwordSchema.safeParse('abcd1234').success).toBe(true);
  });

  it('accepts a long password in Chinese with a digit, kept whole', () => {
    const password = '半边天妇联工作平台abc123'.padEnd(64, '巾帼建功');
    expect(password).toHaveLength(64);
    const result = passwordSchema.safeParse(password);
    expect(result.success).toBe(true);
    expect(result.data).toBe(password);
  });

  it('accepts Chinese characters as the letters', () => {
    expect(passwordSchema.safeParse('妇联2026年工作').success).toBe(true);
  });

  it('accepts exactly 128 characters', () => {
    expect(passwordSchema.safeParse('a1'.repeat(64)).success).toBe(true);
  });

  it('refuses seven characters', () => {
    expect(messagesOf('abc1234')).toEqual(['密码至少8位']);
  });

  it('refuses letters only and digits only', () => {
    expect(messagesOf('abcdefghij')).toEqual(['密码须同时包含字母和数字']);
    expect(messagesOf('1234567890')).toEqual(['密码须同时包含字母和数字']);
  });

  it('refuses more than 128 characters', () => {
    expect(messagesOf('a1'.repeat(64).concat('x'))).toEqual(['密码不能超过128位']);
  });
});
