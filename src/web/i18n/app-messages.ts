import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { activitiesEn } from './activities-en';
import { activitiesZhCN } from './activities-zh-cn';
import { courtyardsEn } from './courtyards-en';
import { courtyardsZhCN } from './courtyards-zh-cn';
import { en } from './en';
import { reportsEn } from './reports-en';
import { reportsZhCN } from './reports-zh-cn';
import { zhCN } from './zh-cn';

const applyDayjsLocale = (lng: string) => {
  dayjs.locale(lng.startsWith('en') ? 'en' : 'zh-cn');
};

let isAdded = false;

/**
 * Adds every page's strings to those the entry started with (index.ts) and makes dayjs follow the
 * language. Called by the signed-in shell's module before anything in it renders; idempotent.
 */
export const addAppMessages = () => {
  if (isAdded) return;
  isAdded = true;
  i18n.addResourceBundle(
    'zh-CN',
    'translation',
    { ...zhCN, ...activitiesZhCN, ...courtyardsZhCN, ...reportsZhCN },
    true,
    false,
  );
  i18n.addResourceBundle(
    'en',
    'translation',
    { ...en, ...activitiesEn, ...courtyardsEn, ...reportsEn },
    true,
    false,
  );
  applyDayjsLocale(i18n.language);
  i18n.on('languageChanged', applyDayjsLocale);
};
