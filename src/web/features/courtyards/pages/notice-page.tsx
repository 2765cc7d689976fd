import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PublicNotice, plaqueChangeKindLabels } from '../../../../contracts/courtyards';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { noticeDocxUrl, useNotice } from '../api/get-notice';
import { MonthPicker } from '../components/month-picker';
import { RatingTag } from '../components/rating-tag';
import { thisMonth } from '../lib/month';
import { useUnits } from '../lib/use-units';
import '../lib/courtyards.css';

const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

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

const Sheet = ({ notice: n }: { notice: PublicNotice }) => {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <article className="bbt-notice-sheet" data-testid="notice-sheet">
      <h1>{t('courtyards.notice.heading', { village: n.orgUnitName, month: monthText(n.month) })}</h1>
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
        <div>{t('courtyards.notice.dateLine', { date: new Date().toLocaleDateString('zh-CN') })}</div>
      </div>
    </article>
  );
};

/** 公示 (红黑榜) of a village's month: a printable sheet and a Word file, names masked, no ID or phone. */
export const NoticePage = () => {
  const { t } = useTranslation();
  const { access } = useSession();
  const units = useUnits();
  const [villageId, setVillageId] = useState<string | undefined>();
  const [month, setMonth] = useState(thisMonth());
  const inScope = units.scopeVillageId
    ? units.villages.filter((v) => v.id === units.scopeVillageId)
    : units.villages;
  const village = villageId ?? units.scopeVillageId ?? inScope[0]?.id;
  const notice = useNotice(village, month);

  return (
    <div>
      <div className="bbt-page-header bbt-no-print">
        <div>
          <h1>{t('menu.courtyards.notice')}</h1>
          <Typography.Text type="secondary">{t('courtyards.notice.hint')}</Typography.Text>
        </div>
        <div className="bbt-ledger-toolbar">
          <Button
            icon={<PrinterOutlined />}
            disabled={!notice.data}
            onClick={() => window.print()}
            data-testid="notice-print"
          >
            {t('courtyards.notice.print')}
          </Button>
          {access.can('courtyards.export') && village && (
            <Button
              icon={<FileWordOutlined />}
              href={noticeDocxUrl(village, month)}
              download
              data-testid="notice-docx"
            >
              {t('courtyards.notice.docx')}
            </Button>
          )}
        </div>
      </div>
      <Space wrap className="bbt-no-print" style={{ marginBottom: 12 }}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 180 }}
          value={village}
          onChange={setVillageId}
          placeholder={t('courtyards.filter.village')}
          options={inScope.map((v) => ({ value: v.id, label: v.name }))}
          data-testid="notice-village"
        />
        <MonthPicker value={month} onChange={setMonth} data-testid="notice-month" />
      </Space>
      <Alert
        className="bbt-no-print"
        type="info"
        showIcon
        title={t('courtyards.notice.privacy')}
        style={{ marginBottom: 12 }}
      />
      {!village ? (
        <EmptyState description={t('courtyards.notice.noVillage')} />
      ) : notice.isPending ? (
        <PageLoading rows={8} />
      ) : notice.isError ? (
        <PageError error={notice.error} onRetry={() => void notice.refetch()} />
      ) : notice.data.inspected === 0 && notice.data.plaqueChanges.length === 0 ? (
        <EmptyState description={t('courtyards.notice.empty', { month })} />
      ) : (
        <Sheet notice={notice.data} />
      )}
    </div>
  );
};
