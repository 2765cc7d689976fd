import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-cn';
import { greetingKey, greetingText, shanghaiHour } from './greeting';

describe('greeting', () => {
  it('follows the hour in China, not the device zone', () => {
    // 09:20 UTC is 17:20 in Shanghai: afternoon, though a UTC device reads the morning.
    expect(shanghaiHour(new Date('2026-11-29T09:20:00Z'))).toBe(17);
    expect(greetingKey(new Date('2026-11-29T09:20:00Z'))).toBe('home.greeting.afternoon');
    expect(greetingKey(new Date('2026-11-29T23:30:00Z'))).toBe('home.greeting.morning');
    expect(greetingKey(new Date('2026-11-29T04:00:00Z'))).toBe('home.greeting.noon');
    expect(greetingKey(new Date('2026-11-29T12:00:00Z'))).toBe('home.greeting.evening');
    expect(shanghaiHour(new Date('2026-11-29T16:00:00Z'))).toBe(0);
  });
});

describe('greetingText', () => {
  it('speaks the language, with its own punctuation; only her name stays as entered', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      lng: 'en',
      keySeparator: false,
      interpolation: { escapeValue: false },
    });
    const t = (key: string, options?: Record<string, string>) => i18n.t(key, options);
    const at = new Date('2026-11-29T09:20:00Z');
    expect(greetingText(t, '陈小燕', at)).toBe('Good afternoon, 陈小燕');
    for (const hour of [0, 4, 8, 12]) {
      const text = greetingText(t, 'Chen', new Date(Date.UTC(2026, 10, 29, hour)));
      expect(text).toMatch(/^Good \w+, Chen$/);
    }
    await i18n.changeLanguage('zh-CN');
    expect(greetingText(t, '陈小燕', at)).toBe('下午好，陈小燕');
  });
});
