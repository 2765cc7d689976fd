import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type PublicNotice, plaqueChangeKindLabels } from '../../../../contracts/courtyards';
import type { SharedViewProps } from '../../../lib/feature';
import { useLabel } from '../../../lib/labels';
import { RatingTag } from './rating-tag';
import '../lib/courtyards.css';

/** 2026年12月, or December 2026 in English. */
export const monthText = (month: string, isEn = false) =>
  isEn
    ? new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)).toLocaleDateString(
        'en',
        {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        },
      )
    : `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** One list of the 公示: its heading, the words when it is empty, else a numbered table (序号 and the masked head first). */
const NoticeList = <T extends { maskedName: string }>({
  title,
  none,
  rows,
  testId,
  headers,
  cells,
}: {
  title: string;
  none: string;
  rows: T[];
  testId: string;
  headers: string[];
  cells: (row: T) => ReactNode[];
}) => {
  const { t } = useTranslation();
  return (
    <>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p>{none}</p>
      ) : (
        <table data-testid={testId}>
          <thead>
            <tr>
              {[t('courtyards.notice.no'), t('courtyards.notice.head'), ...headers].map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: masked names repeat, so the position (序号) is the row's identity
              <tr key={n} data-testid={`${testId}-row`}>
                <td>{n + 1}</td>
                <td data-testid="notice-name">{row.maskedName}</td>
                {cells(row).map((c, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed set of columns
                  <td key={k}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};

/**
 * The 公示 sheet as a village posts it: heading, red and black lists and plaque changes, names masked.
 * `date` is the day it is dated (a shared link's: the day it was shared; else today).
 */
export const NoticeSheet = ({ notice: n, date }: { notice: PublicNotice; date?: Date }) => {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  return (
    <article className="bbt-notice-sheet" data-testid="notice-sheet">
      <h1>
        {t('courtyards.notice.heading', {
          village: n.orgUnitName,
          month: monthText(n.month, i18n.language.startsWith('en')),
        })}
      </h1>
      <div className="bbt-notice-sub">
        {t('courtyards.notice.summary', {
          inspected: n.inspected,
          red: n.redList.length,
          black: n.blackList.length,
        })}
      </div>
      <NoticeList
        title={t('courtyards.notice.redList')}
        none={t('courtyards.notice.noneRed')}
        rows={n.redList}
        testId="notice-red"
        headers={[
          t('courtyards.field.houseNumber'),
          t('courtyards.field.totalScore'),
          t('courtyards.field.rating'),
          t('courtyards.field.plaque'),
        ]}
        cells={(r) => [
          r.houseNumber ?? '',
          r.totalScore,
          <RatingTag key="rating" rating={r.rating} />,
          r.plaqueLevel ? <RatingTag key="plaque" rating={r.plaqueLevel} isPlaque /> : '—',
        ]}
      />
      <NoticeList
        title={t('courtyards.notice.blackList')}
        none={t('courtyards.notice.noneBlack')}
        rows={n.blackList}
        testId="notice-black"
        headers={[
          t('courtyards.field.houseNumber'),
          t('courtyards.field.totalScore'),
          t('courtyards.notice.problems'),
        ]}
        cells={(r) => [r.houseNumber ?? '', r.totalScore, r.problems.join('；')]}
      />
      <NoticeList
        title={t('courtyards.notice.plaqueChanges')}
        none={t('courtyards.notice.nonePlaque')}
        rows={n.plaqueChanges}
        testId="notice-plaque"
        headers={[t('courtyards.notice.change'), t('courtyards.review.reason')]}
        cells={(p) => [
          <>
            {label(plaqueChangeKindLabels, p.kind)}
            {p.toLevel && (
              <>
                {' '}
                <RatingTag rating={p.toLevel} isPlaque />
              </>
            )}
          </>,
          p.reason,
        ]}
      />
      <p style={{ marginTop: 16 }}>{t('courtyards.notice.objection')}</p>
      <div className="bbt-notice-foot">
        <div>
          {n.townName ? `${n.townName} ` : ''}
          {n.orgUnitName}
        </div>
        <div>
          {t('courtyards.notice.dateLine', { date: (date ?? new Date()).toLocaleDateString('zh-CN') })}
        </div>
      </div>
    </article>
  );
};

/** A shared 公示 (`/s/<token>`): the snapshot, dated the day it was shared. */
export const SharedNotice = ({ payload, createdAt }: SharedViewProps) => (
  <NoticeSheet notice={payload as PublicNotice} date={new Date(createdAt)} />
);
