import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicNotice } from '../../../../contracts/courtyards';
import { EmptyState, PageError, PageLoading } from '../../../components/page-states';
import { ShareImageButton, ShareLinkButton } from '../../../components/share-buttons';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { renderDocImage } from '../../../lib/share-image';
import { noticeDocxUrl, useNotice } from '../api/get-notice';
import { MonthPicker } from '../components/month-picker';
import { noticeImageDoc } from '../components/notice-image';
import { NoticeSheet } from '../components/notice-sheet';
import { thisMonth } from '../lib/month';
import { useUnits } from '../lib/use-units';
import '../lib/courtyards.css';

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
  const label = useLabel();
  const isEmpty = notice.data?.inspected === 0 && notice.data.plaqueChanges.length === 0;

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
          {village && (
            <ShareLinkButton
              kind="courtyards.notice"
              query={{ orgUnitId: village, month }}
              disabled={!notice.data || isEmpty}
            />
          )}
          <ShareImageButton
            disabled={!notice.data || isEmpty}
            fileName={`${notice.data?.orgUnitName ?? ''}${month}美丽庭院公示.png`}
            make={() => renderDocImage(noticeImageDoc(notice.data as PublicNotice, t, label, new Date()))}
          />
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
      ) : isEmpty ? (
        <EmptyState description={t('courtyards.notice.empty', { month })} />
      ) : (
        <NoticeSheet notice={notice.data} />
      )}
    </div>
  );
};
