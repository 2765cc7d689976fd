import { useTranslation } from 'react-i18next';

export type Bilingual = { zh: string; en: string };

/** Picks the zh or en half of a contract label for the current language; unknown keys show as they are. */
export const useLabel = () => {
  const { i18n } = useTranslation();
  const isEn = i18n.language.startsWith('en');
  return <K extends string>(
    labels: Partial<Record<K, Bilingual>>,
    key: K | string | null | undefined,
  ): string => {
    if (key === null || key === undefined) return '';
    const label = (labels as Record<string, Bilingual | undefined>)[key];
    if (!label) return key;
    return isEn ? label.en : label.zh;
  };
};
