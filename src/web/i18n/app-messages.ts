import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { features } from '../app/features';
import { en } from './en';
import { zhCN } from './zh-cn';

const applyDayjsLocale = (lng: string) => {
  dayjs.locale(lng.startsWith('en') ? 'en' : 'zh-cn');
};

let added: Promise<void> | undefined;

/**
 * Adds the shell's strings and every feature's (its manifest's `messages`, app/features.ts) to those the
 * entry started with (index.ts) and makes dayjs follow the language. The router loads it together with
 * the signed-in shell, before anything in the shell renders; idempotent.
 */
export const addAppMessages = (): Promise<void> => {
  added ??= (async () => {
    const loaded = await Promise.all(
      features.flatMap((f) => (f.messages ? [Promise.all([f.messages.zh(), f.messages.en()])] : [])),
    );
    i18n.addResourceBundle(
      'zh-CN',
      'translation',
      Object.assign({}, zhCN, ...loaded.map(([z]) => z)),
      true,
      false,
    );
    i18n.addResourceBundle(
      'en',
      'translation',
      Object.assign({}, en, ...loaded.map(([, e]) => e)),
      true,
      false,
    );
    applyDayjsLocale(i18n.language);
    i18n.on('languageChanged', applyDayjsLocale);
  })();
  return added;
};
