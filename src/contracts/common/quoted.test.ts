import { describe, expect, it } from 'vitest';
import { quoted } from './quoted';

describe('quoted: one pair of quotation marks around a name', () => {
  it('wraps a plain name in Chinese quotation marks', () => {
    expect(quoted('巾帼心向党')).toBe('“巾帼心向党”');
    expect(quoted('  学技能、促就业 ')).toBe('“学技能、促就业”');
  });

  it('leaves a name already wrapped in “…”, 「…」, 『…』 or a 《…》 title as it is', () => {
    expect(quoted('“巾帼心向党”')).toBe('“巾帼心向党”');
    expect(quoted('《反家庭暴力法》')).toBe('《反家庭暴力法》');
    expect(quoted('「家庭教育」')).toBe('「家庭教育」');
    expect(quoted('『最美家庭』')).toBe('『最美家庭』');
  });

  it('turns straight quotes around the whole name into curly ones, never a second pair', () => {
    expect(quoted('"巾帼建功"')).toBe('“巾帼建功”');
    expect(quoted('"巾帼建功"标兵评选')).toBe('“‘巾帼建功’标兵评选”');
  });

  it('nests quotes inside a name that is not wrapped as a whole', () => {
    expect(quoted('“巾帼心向党”系列活动')).toBe('“‘巾帼心向党’系列活动”');
    expect(quoted('“美丽庭院”和“最美家庭”')).toBe('“‘美丽庭院’和‘最美家庭’”');
    expect(quoted('《宪法》与《民法典》')).toBe('“《宪法》与《民法典》”');
  });

  it('gives nothing for a blank name', () => {
    expect(quoted('')).toBe('');
    expect(quoted('  ')).toBe('');
    expect(quoted('""')).toBe('');
  });
});
