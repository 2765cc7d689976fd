import { InboxOutlined } from '@ant-design/icons';
import { Alert, Progress, Space, Steps, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../contracts/common/io';
import { errorText } from '../../lib/api-client';
import { useSession } from '../../lib/session';
import { useImportJob } from './import-job';
import { MAX_IMPORT_BYTES, useUploadLedgerFile } from './upload-ledger-file';

const phases = ['reading', 'validating', 'committing'] as const;

type Props = {
  ledgerBase: string;
  orgUnitId: string | undefined;
  /** The job once it is no longer running (succeeded or failed). */
  onFinished: (job: ImportJob) => void;
  onBusyChange: (isBusy: boolean) => void;
};

/** Choose a file → upload with a progress bar → follow the server through 读取 / 校验 / 写入. */
export const ImportUploadStep = ({ ledgerBase, orgUnitId, onFinished, onBusyChange }: Props) => {
  const { t, i18n } = useTranslation();
  const { csrfToken } = useSession();
  const upload = useUploadLedgerFile();
  const [percent, setPercent] = useState(0);
  const [fileName, setFileName] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const job = useImportJob(upload.data);
  const current = job.data;
  const isRunning = upload.isPending || current?.status === 'running';
  const isEn = i18n.language.startsWith('en');

  useEffect(() => onBusyChange(isRunning), [isRunning, onBusyChange]);
  useEffect(() => {
    if (current && current.status !== 'running') onFinished(current);
  }, [current, onFinished]);

  const start = (file: File) => {
    setRefusal(null);
    if (!/\.(xlsx|csv)$/i.test(file.name)) {
      setRefusal(t('import.upload.badType'));
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setRefusal(t('import.upload.tooLarge'));
      return;
    }
    setFileName(file.name);
    setPercent(0);
    upload.mutate({ ledgerBase, file, orgUnitId, csrfToken, onProgress: setPercent });
  };

  const phaseIndex = current?.phase ? phases.indexOf(current.phase) : 0;
  const phaseName = t(`import.phase.${current?.phase ?? 'reading'}`);

  return (
    <div>
      {/* The testid on a wrapper: Upload hands its own props to the hidden file input. */}
      <div data-testid="import-upload">
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={isRunning}
          beforeUpload={(file) => {
            start(file);
            return false;
          }}
          className="bbt-import-drop"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.upload.drag')}</p>
          <p className="ant-upload-hint">{t('import.upload.accept')}</p>
        </Upload.Dragger>
      </div>
      {refusal && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={refusal} data-testid="import-refused" />
      )}
      {upload.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={errorText(upload.error, isEn)}
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
    </div>
  );
};
