import { Alert, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../contracts/common/io';
import { ImportCountsView } from './import-result-step';

/**
 * What the import would do, before anything is written: 新增 · 更新 · 未变 and the first rows as read.
 * Once she confirms, `committing` shows the real import's progress in place.
 */
export const ImportPreviewStep = ({ job, committing }: { job: ImportJob; committing: ReactNode }) => {
  const { t } = useTranslation();
  const counts = job.counts ?? { created: 0, updated: 0, unchanged: 0 };
  const isNoop = counts.created + counts.updated === 0;
  const sample = job.sample;
  return (
    <div data-testid="import-preview">
      <Alert
        type={isNoop ? 'success' : 'info'}
        showIcon
        title={isNoop ? t('import.preview.noop') : t('import.preview.title', { name: job.filename })}
        description={isNoop ? undefined : t('import.preview.hint')}
        style={{ marginBottom: 12 }}
      />
      <ImportCountsView counts={counts} testId="import-preview-count" />
      {sample && sample.rows.length > 0 && (
        <>
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 6px' }}>
            {t('import.preview.sample', { shown: sample.rows.length, total: job.total })}
          </Typography.Paragraph>
          <Table<string[]>
            size="small"
            rowKey={(_, i) => String(i)}
            dataSource={sample.rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="import-preview-sample"
            columns={sample.columns.map((title, i) => ({
              key: String(i),
              title,
              render: (_: unknown, row: string[]) => row[i] || '—',
            }))}
          />
        </>
      )}
      {committing}
    </div>
  );
};
