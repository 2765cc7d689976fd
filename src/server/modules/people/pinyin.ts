import { pinyin } from 'pinyin-pro';

/**
 * The search key of a name: full pinyin and initials, e.g. 王秀梅 → "wangxiumei wxm", so a cadre
 * can type either on a phone keyboard.
 */
export const pinyinKey = (name: string) => {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) =>
    s.toLowerCase().replace(/[^a-z]/g, ''),
  );
  return `${syllables.join('')} ${syllables.map((s) => s[0] ?? '').join('')}`;
};
