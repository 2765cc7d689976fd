import { Button, Drawer, List, Modal, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FigureRun, summaryVersionActionLabels } from '../../../../contracts/reports';
import { PageError } from '../../../components/page-states';
import { formatDateTime } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { summaryExportUrl } from '../api/get-summary';
import { useSummaryVersion, useSummaryVersions } from '../api/list-summary-versions';
import { SummaryDocument } from './summary-document';

type Props = {
  summaryId: string;
  currentVersion: number;
  onClose: () => void;
  /** Makes an old version current (the server saves it as a new version). */
  onRestore: (versionNo: number) => Promise<unknown>;
  isRestoring: boolean;
  /** Unsaved edits in the editor would be replaced. */
  isDirty: boolean;
  onOpenFigure: (run: FigureRun) => void;
};

/** 历史版本: every saved version, each opened read-only, exported, or taken up again. */
export const SummaryVersionsDrawer = ({
  summaryId,
  currentVersion,
  onClose,
  onRestore,
  isRestoring,
  isDirty,
  onOpenFigure,
}: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  const isMobile = useIsMobile();
  const versions = useSummaryVersions(summaryId, true);
  const [viewing, setViewing] = useState<number | null>(null);
  const version = useSummaryVersion(summaryId, viewing);

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('reports.summary.versions')}
      size={isMobile ? '100%' : 420}
      data-testid="summary-versions"
    >
      {versions.isError ? (
        <PageError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <List
          loading={versions.isPending}
          dataSource={versions.data ?? []}
          rowKey="version"
          renderItem={(v) => (
            <List.Item
              data-testid="summary-version"
              actions={[
                <Button
                  key="open"
                  size="small"
                  onClick={() => setViewing(v.version)}
                  data-testid="summary-version-open"
                >
                  {t('reports.summary.openVersion')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <span>{t('reports.summary.versionN', { n: v.version })}</span>
                    <Tag>{label(summaryVersionActionLabels, v.action)}</Tag>
                    {v.version === currentVersion && (
                      <Tag color="magenta">{t('reports.summary.current')}</Tag>
                    )}
                  </Space>
                }
                description={[formatDateTime(v.savedAt), v.savedByName].filter(Boolean).join(' · ')}
              />
            </List.Item>
          )}
        />
      )}
      {viewing !== null && (
        <Modal
          open
          width={isMobile ? '100%' : 860}
          title={t('reports.summary.versionN', { n: viewing })}
          onCancel={() => setViewing(null)}
          footer={
            <Space wrap style={{ justifyContent: 'flex-end', width: '100%' }}>
              <Button
                href={summaryExportUrl(summaryId, viewing)}
                download
                data-testid="summary-version-export"
              >
                {t('reports.summary.exportVersion')}
              </Button>
              <Popconfirm
                title={t('reports.summary.restoreVersionConfirm', { n: viewing })}
                description={
                  isDirty ? t('reports.summary.restoreVersionDirty') : t('reports.summary.restoreVersionHint')
                }
                okText={t('reports.summary.useVersion')}
                okButtonProps={{ danger: isDirty }}
                cancelText={t('common.cancel')}
                onConfirm={() => onRestore(viewing).then(() => setViewing(null))}
                disabled={viewing === currentVersion}
              >
                <Button
                  type="primary"
                  disabled={!version.data || viewing === currentVersion}
                  loading={isRestoring}
                  data-testid="summary-version-use"
                >
                  {t('reports.summary.useVersion')}
                </Button>
              </Popconfirm>
            </Space>
          }
        >
          {version.isError ? (
            <PageError error={version.error} onRetry={() => void version.refetch()} />
          ) : !version.data ? (
            <Skeleton active paragraph={{ rows: 8 }} />
          ) : (
            <>
              <Typography.Paragraph type="secondary">
                {label(summaryVersionActionLabels, version.data.action)} ·{' '}
                {formatDateTime(version.data.savedAt)} {version.data.savedByName}
              </Typography.Paragraph>
              <div className="bbt-summary-paper is-modal">
                <SummaryDocument content={version.data.content} revision={0} onOpenFigure={onOpenFigure} />
              </div>
            </>
          )}
        </Modal>
      )}
    </Drawer>
  );
};
