import { Alert, Progress, Space, Steps, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../contracts/common/io';
import { errorText } from '../../lib/api-client';
import { useImportJob } from './import-job';
import { type UploadLedgerFileInput, useUploadLedgerFile } from './upload-ledger-file';

const phases = ['reading', 'validating', 'committing'] as const;

export type ImportRun = {
  start: (input: Omit<UploadLedgerFileInput, 'onProgress'>) => void;
  isRunning: boolean;
  /** Upload progress, the server's phases (读取 / 校验 / 写入) and a failed upload's reason. */
  view: ReactNode;
};

/**
 * One upload of a ledger file and the job it starts, followed until it is no longer running: the
 * rehearsal (preview) and the import she confirms are each one run.
 */
export const useImportRun = (onFinished: (job: ImportJob) => void): ImportRun => {
  const { t, i18n } = useTranslation();
  const upload = useUploadLedgerFile();
  const [percent, setPercent] = useState(0);
  const [fileName, setFileName] = useState('');
  const job = useImportJob(upload.data);
  const current = job.data;
  const isRunning = upload.isPending || current?.status === 'running';

  useEffect(() => {
    if (current && current.status !== 'running') onFinished(current);
  }, [current, onFinished]);

  const phaseIndex = current?.phase ? phases.indexOf(current.phase) : 0;
  const phaseName = t(`import.phase.${current?.phase ?? 'reading'}`);
  const view = (
    <>
      {upload.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={errorText(upload.error, i18n.language.startsWith('en'))}
          data-testid="import-upload-error"
        />
      )}
      {upload.isPending && (
        <div style={{ marginTop: 16 }} data-testid="import-uploading">
          <Typography.Text>{t('import.uploading', { name: fileName })}</Typography.Text>
          <Progress percent={percent} status="active" />
        </div>
      )}
      {current?.status === 'running' && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="import-progress">
          <Steps
            size="small"
            responsive={false}
            titlePlacement="vertical"
            current={phaseIndex}
            items={phases.map((p) => ({ title: t(`import.phase.${p}`) }))}
          />
          <Typography.Text data-testid="import-phase">
            {current.total > 0
              ? t('import.phaseText', {
                  phase: phaseName,
                  processed: current.processed,
                  total: current.total,
                })
              : t('import.phaseStart', { phase: phaseName })}
          </Typography.Text>
          <Progress
            percent={current.total > 0 ? Math.floor((current.processed / current.total) * 100) : 0}
            status="active"
          />
          <Typography.Text type="secondary">{t('import.keepOpen')}</Typography.Text>
        </Space>
      )}
      {job.isError && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('import.pollFailed')} />
      )}
    </>
  );
  return {
    start: (input) => {
      setFileName(input.file.name);
      setPercent(0);
      upload.mutate({ ...input, onProgress: setPercent });
    },
    isRunning,
    view,
  };
};
