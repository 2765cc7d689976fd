import i18n, { type TFunction } from 'i18next';
import {
  noRatingLabel,
  type PublicNotice,
  plaqueChangeKindLabels,
  ratingLabels,
} from '../../../../contracts/courtyards';
import type { ImageDoc } from '../../../lib/share-image';
import { monthText } from './notice-sheet';

type Label = (labels: Record<string, { zh: string; en: string }>, key: string | null | undefined) => string;

/** The 公示 as an image: the same heading, lists, objection note and signature as the printed sheet. */
export const noticeImageDoc = (n: PublicNotice, t: TFunction, label: Label, date: Date): ImageDoc => {
  const rating = (r: string | null) => (r ? label(ratingLabels, r) : label({ none: noRatingLabel }, 'none'));
  const head = [t('courtyards.notice.no'), t('courtyards.notice.head')];
  return {
    title: t('courtyards.notice.heading', {
      village: n.orgUnitName,
      month: monthText(n.month, i18n.language.startsWith('en')),
    }),
    subtitle: t('courtyards.notice.summary', {
      inspected: n.inspected,
      red: n.redList.length,
      black: n.blackList.length,
    }),
    blocks: [
      {
        kind: 'table',
        heading: t('courtyards.notice.redList'),
        none: t('courtyards.notice.noneRed'),
        headers: [
          ...head,
          t('courtyards.field.houseNumber'),
          t('courtyards.field.totalScore'),
          t('courtyards.field.rating'),
          t('courtyards.field.plaque'),
        ],
        rows: n.redList.map((r, i) => [
          String(i + 1),
          r.maskedName,
          r.houseNumber ?? '',
          String(r.totalScore),
          rating(r.rating),
          r.plaqueLevel ? t('courtyards.plaque.of', { level: label(ratingLabels, r.plaqueLevel) }) : '—',
        ]),
      },
      {
        kind: 'table',
        heading: t('courtyards.notice.blackList'),
        none: t('courtyards.notice.noneBlack'),
        headers: [
          ...head,
          t('courtyards.field.houseNumber'),
          t('courtyards.field.totalScore'),
          t('courtyards.notice.problems'),
        ],
        rows: n.blackList.map((r, i) => [
          String(i + 1),
          r.maskedName,
          r.houseNumber ?? '',
          String(r.totalScore),
          r.problems.join('；'),
        ]),
      },
      {
        kind: 'table',
        heading: t('courtyards.notice.plaqueChanges'),
        none: t('courtyards.notice.nonePlaque'),
        headers: [...head, t('courtyards.notice.change'), t('courtyards.review.reason')],
        rows: n.plaqueChanges.map((p, i) => [
          String(i + 1),
          p.maskedName,
          `${label(plaqueChangeKindLabels, p.kind)}${p.toLevel ? ` ${t('courtyards.plaque.of', { level: label(ratingLabels, p.toLevel) })}` : ''}`,
          p.reason,
        ]),
      },
      { kind: 'paragraph', text: t('courtyards.notice.objection') },
    ],
    signature: [`${n.townName ? `${n.townName} ` : ''}${n.orgUnitName}`, date.toLocaleDateString('zh-CN')],
    brand: t('share.brand'),
  };
};
