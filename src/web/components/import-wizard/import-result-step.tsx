import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportIssueDto, ImportJob } from '../../../contracts/common/io';

type ImportCounts = NonNullable<ImportJob['counts']>;

import { importJobReportUrl } from './import-job';

/** 新增 · 更新 · 未变: what an import did, or (preview) would do. */
export const ImportCountsView = ({ counts, testId }: { counts: ImportCounts; testId: string }) => {
  const { t } = useTranslation();
  return (
    <div className="bbt-import-counts" data-testid={`${testId}s`}>
      <Statistic title={t('import.count.created')} value={counts.created} data-testid={`${testId}-created`} />
      <Statistic title={t('import.count.updated')} value={counts.updated} data-testid={`${testId}-updated`} />
      <Statistic
        title={t('import.count.unchanged')}
        value={counts.unchanged}
        data-testid={`${testId}-unchanged`}
      />
    </div>
  );
};

/** Success: how many were created, updated, unchanged. Failure: why, row by row, and the error report. */
export const ImportResultStep = ({ job }: { job: ImportJob }) => {
  const { t } = useTranslation();
  if (job.status === 'succeeded') {
    const counts = job.counts ?? { created: 0, updated: 0, unchanged: 0 };
    return (
      <div data-testid="import-result" data-status="succeeded">
        <Result
          status="success"
          title={t('import.succeeded')}
          subTitle={t('import.succeededHint', { name: job.filename })}
          style={{ paddingBlock: 16 }}
        />
        <ImportCountsView counts={counts} testId="import-count" />
        {job.referenceDate && (
          <Typography.Paragraph
            type="secondary"
            style={{ marginTop: 12 }}
            data-testid="import-result-reference-date"
          >
            {t('import.referenceDate.used', { date: job.referenceDate.date })}
          </Typography.Paragraph>
        )}
      </div>
    );
  }
  return (
    <div data-testid="import-result" data-status="failed">
      <Alert
        type="error"
        showIcon
        title={t('import.failed')}
        description={job.message}
        style={{ marginBottom: 12 }}
        data-testid="import-failure"
      />
      {job.hasReport && (
        <div style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            href={importJobReportUrl(job.id)}
            download
            data-testid="import-report-link"
          >
            {t('import.report.download')}
          </Button>
          <div style={{ marginTop: 6 }}>
            <Typography.Text type="secondary">{t('import.report.hint')}</Typography.Text>
          </div>
        </div>
      )}
      {job.issues.length > 0 && (
        <>
          {job.issueCount > job.issues.length && (
            <Typography.Paragraph type="secondary">
              {t('import.issues.more', { count: job.issueCount, shown: job.issues.length })}
            </Typography.Paragraph>
          )}
          <Table<ImportIssueDto>
            size="small"
            rowKey={(i) => `${i.sheet ?? ''}|${i.row}|${i.column}|${i.message}`}
            dataSource={job.issues}
            pagination={job.issues.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            data-testid="import-issues"
            columns={[
              ...(job.issues.some((i) => i.sheet)
                ? [{ title: t('import.issue.sheet'), dataIndex: 'sheet', width: 110 }]
                : []),
              { title: t('import.issue.row'), dataIndex: 'row', width: 70 },
              { title: t('import.issue.column'), dataIndex: 'column', render: (c: string) => c || '—' },
              {
                title: t('import.issue.value'),
                dataIndex: 'value',
                render: (v: string) => (v ? <span style={{ wordBreak: 'break-all' }}>{v}</span> : '—'),
              },
              { title: t('import.issue.message'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </div>
  );
};
