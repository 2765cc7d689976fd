import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loginEn } from './login-en';
import { loginZhCN } from './login-zh-cn';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'bbt.lang';

const storedLanguage = (): Language => {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
};

const applyLanguage = (lng: string) => {
  document.documentElement.lang = lng.startsWith('en') ? 'en' : 'zh-CN';
};

/**
 * zh-CN is the default and complete language; keys are flat (`menu.org.units`), so no key separator.
 * The entry (login page, loading and error states) starts with its own few strings; the signed-in
 * shell adds the rest (app-messages.ts) before it renders, so a phone signing in does not first
 * download every page's text.
 */
export const initI18n = () => {
  const lng = storedLanguage();
  applyLanguage(lng);
  void i18n.use(initReactI18next).init({
    resources: {
      'zh-CN': { translation: loginZhCN },
      en: { translation: loginEn },
    },
    lng,
    fallbackLng: 'zh-CN',
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18n.on('languageChanged', applyLanguage);
  return i18n;
};

export const setLanguage = (lng: Language) => {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  void i18n.changeLanguage(lng);
};
