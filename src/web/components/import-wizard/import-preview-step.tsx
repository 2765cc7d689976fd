import { Alert, Checkbox, Form, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssueDto, ImportJob } from '../../../contracts/common/io';
import { DateField } from '../date-field';
import { ImportCountsView } from './import-result-step';

type Props = {
  job: ImportJob;
  committing: ReactNode;
  /** A new date to count ages from: the file is rehearsed again with it. */
  onReferenceDate: (date: string | undefined) => void;
  /** Rehearsing again (a new reference date). */
  isRehearsing: boolean;
  allowMoves: boolean;
  onAllowMoves: (allow: boolean) => void;
};

/**
 * What the import would do, before anything is written: 新增 · 更新 · 未变 and the first rows as read,
 * the date ages are counted from (she may change it), and what she must confirm (a person the import
 * would move from another town). Once she confirms, `committing` shows the real import's progress in place.
 */
export const ImportPreviewStep = ({
  job,
  committing,
  onReferenceDate,
  isRehearsing,
  allowMoves,
  onAllowMoves,
}: Props) => {
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
      {job.referenceDate && (
        <Form layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item
            label={t('import.referenceDate')}
            extra={t(`import.referenceDate.${job.referenceDate.source}`)}
            htmlFor="import-reference-date"
            style={{ marginBottom: 0 }}
          >
            <DateField
              id="import-reference-date"
              value={dayjs(job.referenceDate.date)}
              allowClear={job.referenceDate.source === 'option'}
              onChange={(d) => onReferenceDate(d ? d.format('YYYY-MM-DD') : undefined)}
              disabled={isRehearsing}
              style={{ maxWidth: 220 }}
              data-testid="import-reference-date"
            />
          </Form.Item>
        </Form>
      )}
      {job.warnings.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="import-warnings">
          <Alert type="warning" showIcon title={t('import.warnings.title', { count: job.warnings.length })} />
          <Table<ImportIssueDto>
            size="small"
            rowKey={(i) => `${i.sheet ?? ''}|${i.row}|${i.column}`}
            dataSource={job.warnings}
            pagination={job.warnings.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            style={{ marginTop: 6 }}
            columns={[
              ...(job.warnings.some((i) => i.sheet)
                ? [{ title: t('import.issue.sheet'), dataIndex: 'sheet', width: 110 }]
                : []),
              { title: t('import.issue.row'), dataIndex: 'row', width: 60 },
              {
                title: t('import.issue.message'),
                dataIndex: 'message',
                render: (m: string) => <span style={{ wordBreak: 'break-word' }}>{m}</span>,
              },
            ]}
          />
          <Checkbox
            checked={allowMoves}
            onChange={(e) => onAllowMoves(e.target.checked)}
            style={{ marginTop: 8 }}
            data-testid="import-allow-moves"
          >
            {t('import.warnings.allowMoves')}
          </Checkbox>
        </div>
      )}
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
