import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
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

/** Rows with their 序号: masked names repeat, so the position is the row's identity. */
const numbered = <T,>(rows: T[]) => rows.map((row, n) => ({ ...row, no: n + 1 }));

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
      <h2>{t('courtyards.notice.redList')}</h2>
      {n.redList.length === 0 ? (
        <p>{t('courtyards.notice.noneRed')}</p>
      ) : (
        <table data-testid="notice-red">
          <thead>
            <tr>
              <th>{t('courtyards.notice.no')}</th>
              <th>{t('courtyards.notice.head')}</th>
              <th>{t('courtyards.field.houseNumber')}</th>
              <th>{t('courtyards.field.totalScore')}</th>
              <th>{t('courtyards.field.rating')}</th>
              <th>{t('courtyards.field.plaque')}</th>
            </tr>
          </thead>
          <tbody>
            {numbered(n.redList).map((r) => (
              <tr key={r.no} data-testid="notice-red-row">
                <td>{r.no}</td>
                <td data-testid="notice-name">{r.maskedName}</td>
                <td>{r.houseNumber ?? ''}</td>
                <td>{r.totalScore}</td>
                <td>
                  <RatingTag rating={r.rating} />
                </td>
                <td>{r.plaqueLevel ? <RatingTag rating={r.plaqueLevel} isPlaque /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('courtyards.notice.blackList')}</h2>
      {n.blackList.length === 0 ? (
        <p>{t('courtyards.notice.noneBlack')}</p>
      ) : (
        <table data-testid="notice-black">
          <thead>
            <tr>
              <th>{t('courtyards.notice.no')}</th>
              <th>{t('courtyards.notice.head')}</th>
              <th>{t('courtyards.field.houseNumber')}</th>
              <th>{t('courtyards.field.totalScore')}</th>
              <th>{t('courtyards.notice.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {numbered(n.blackList).map((r) => (
              <tr key={r.no} data-testid="notice-black-row">
                <td>{r.no}</td>
                <td data-testid="notice-name">{r.maskedName}</td>
                <td>{r.houseNumber ?? ''}</td>
                <td>{r.totalScore}</td>
                <td>{r.problems.join('；')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('courtyards.notice.plaqueChanges')}</h2>
      {n.plaqueChanges.length === 0 ? (
        <p>{t('courtyards.notice.nonePlaque')}</p>
      ) : (
        <table data-testid="notice-plaques">
          <thead>
            <tr>
              <th>{t('courtyards.notice.no')}</th>
              <th>{t('courtyards.notice.head')}</th>
              <th>{t('courtyards.notice.change')}</th>
              <th>{t('courtyards.review.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {numbered(n.plaqueChanges).map((p) => (
              <tr key={p.no} data-testid="notice-plaque-row">
                <td>{p.no}</td>
                <td data-testid="notice-name">{p.maskedName}</td>
                <td>
                  {label(plaqueChangeKindLabels, p.kind)}
                  {p.toLevel && (
                    <>
                      {' '}
                      <RatingTag rating={p.toLevel} isPlaque />
                    </>
                  )}
                </td>
                <td>{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
