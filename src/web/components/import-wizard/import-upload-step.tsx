import { InboxOutlined } from '@ant-design/icons';
import { Alert, Upload } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../contracts/common/io';
import { useSession } from '../../lib/session';
import { useImportRun } from './import-run';
import { MAX_IMPORT_BYTES } from './upload-ledger-file';

type Props = {
  ledgerBase: string;
  orgUnitId: string | undefined;
  /** The rehearsal once it is no longer running (succeeded: what would happen; failed: why not). */
  onFinished: (job: ImportJob, file: File) => void;
  onBusyChange: (isBusy: boolean) => void;
};

/**
 * Choose a file → upload with a progress bar → the server rehearses the import (读取 / 校验 / 试写入, rolled
 * back): nothing is written until she has seen what would happen and confirmed.
 */
export const ImportUploadStep = ({ ledgerBase, orgUnitId, onFinished, onBusyChange }: Props) => {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const [refusal, setRefusal] = useState<string | null>(null);
  const file = useRef<File | null>(null);
  const finished = useCallback(
    (job: ImportJob) => {
      if (file.current) onFinished(job, file.current);
    },
    [onFinished],
  );
  const run = useImportRun(finished);

  useEffect(() => onBusyChange(run.isRunning), [run.isRunning, onBusyChange]);

  const start = (chosen: File) => {
    setRefusal(null);
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) {
      setRefusal(t('import.upload.badType'));
      return;
    }
    if (chosen.size > MAX_IMPORT_BYTES) {
      setRefusal(t('import.upload.tooLarge'));
      return;
    }
    file.current = chosen;
    run.start({ ledgerBase, file: chosen, orgUnitId, csrfToken, isPreview: true });
  };

  return (
    <div>
      {/* The testid on a wrapper: Upload hands its own props to the hidden file input. */}
      <div data-testid="import-upload">
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={run.isRunning}
          beforeUpload={(chosen) => {
            start(chosen);
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
      {run.view}
    </div>
  );
};
