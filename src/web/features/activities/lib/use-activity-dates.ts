import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { activityDatesZh } from '../../../../contracts/activities';

/** An activity's day or days: 2026年6月1日至3日 in Chinese, 2026-06-01 – 2026-06-03 in English. */
export const useActivityDates = () => {
  const { i18n } = useTranslation();
  const isEn = i18n.language.startsWith('en');
  return useCallback(
    (a: { occurredOn: string; endedOn: string | null }) =>
      isEn
        ? a.endedOn && a.endedOn > a.occurredOn
          ? `${a.occurredOn} – ${a.endedOn}`
          : a.occurredOn
        : activityDatesZh(a.occurredOn, a.endedOn, true),
    [isEn],
  );
};
