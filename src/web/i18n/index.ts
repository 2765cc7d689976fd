import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { activitiesEn } from './activities-en';
import { activitiesZhCN } from './activities-zh-cn';
import { courtyardsEn } from './courtyards-en';
import { courtyardsZhCN } from './courtyards-zh-cn';
import { en } from './en';
import { reportsEn } from './reports-en';
import { reportsZhCN } from './reports-zh-cn';
import { zhCN } from './zh-cn';

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
  const isEn = lng.startsWith('en');
  dayjs.locale(isEn ? 'en' : 'zh-cn');
  document.documentElement.lang = isEn ? 'en' : 'zh-CN';
};

/** zh-CN is the default and complete; keys are flat (`menu.org.units`), so no key separator. */
export const initI18n = () => {
  const lng = storedLanguage();
  applyLanguage(lng);
  void i18n.use(initReactI18next).init({
    resources: {
      'zh-CN': { translation: { ...zhCN, ...activitiesZhCN, ...courtyardsZhCN, ...reportsZhCN } },
      en: { translation: { ...en, ...activitiesEn, ...courtyardsEn, ...reportsEn } },
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
