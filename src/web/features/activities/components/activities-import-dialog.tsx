import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Modal, Progress, Result, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { useOrgScope } from '../../../lib/org-scope';
import { useSession } from '../../../lib/session';
import { errorText } from '../../../lib/use-api-error';
import {
  activitiesTemplateUrl,
  importReportUrl,
  MAX_IMPORT_BYTES,
  useActivitiesImportJob,
  useImportActivities,
} from '../api/import-activities';
import { activityWriteKeys } from '../api/keys';

/** 导入活动: template, default unit, upload with progress, then the result (or the error report). */
export const ActivitiesImportDialog = ({ onClose }: { onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const { csrfToken } = useSession();
  const { scopeId } = useOrgScope();
  const queryClient = useQueryClient();
  const [unitId, setUnitId] = useState<string | undefined>(scopeId);
  const [percent, setPercent] = useState(0);
  const [refusal, setRefusal] = useState<string | null>(null);
  const upload = useImportActivities();
  const job = useActivitiesImportJob(upload.data).data;
  const isRunning = upload.isPending || job?.status === 'running';
  const isEn = i18n.language.startsWith('en');

  useEffect(() => {
    if (job?.status === 'succeeded') {
      for (const queryKey of activityWriteKeys) void queryClient.invalidateQueries({ queryKey });
    }
  }, [job?.status, queryClient]);

  const start = (file: File) => {
    setRefusal(null);
    if (!/\.(xlsx|csv)$/i.test(file.name)) return setRefusal(t('import.upload.badType'));
    if (file.size > MAX_IMPORT_BYTES) return setRefusal(t('import.upload.tooLarge'));
    setPercent(0);
    upload.mutate({ file, orgUnitId: unitId, csrfToken, onProgress: setPercent });
  };

  return (
    <Modal
      open
      title={t('activities.import.title')}
      onCancel={onClose}
      mask={{ closable: !isRunning }}
      footer={
        <Button onClick={onClose} disabled={isRunning} data-testid="activities-import-close">
          {job && job.status !== 'running' ? t('import.done') : t('common.cancel')}
        </Button>
      }
      width={640}
      data-testid="activities-import"
    >
      {job?.status === 'succeeded' ? (
        <Result
          status="success"
          title={t('import.succeeded')}
          subTitle={t('activities.import.counts', {
            created: job.counts?.created ?? 0,
            updated: job.counts?.updated ?? 0,
            unchanged: job.counts?.unchanged ?? 0,
          })}
          data-testid="activities-import-succeeded"
        />
      ) : job?.status === 'failed' ? (
        <Result
          status="error"
          title={t('import.failed')}
          subTitle={job.message ?? t('activities.import.issues', { count: job.issueCount })}
          extra={
            <Space wrap>
              {job.hasReport && (
                <Button icon={<DownloadOutlined />} href={importReportUrl(job.id)} download>
                  {t('import.report.download')}
                </Button>
              )}
              <Button type="primary" onClick={() => upload.reset()}>
                {t('import.reupload')}
              </Button>
            </Space>
          }
          data-testid="activities-import-failed"
        />
      ) : (
        <>
          <Alert type="info" showIcon title={t('import.template.hint')} style={{ marginBottom: 12 }} />
          <Button
            icon={<DownloadOutlined />}
            href={activitiesTemplateUrl}
            download
            style={{ marginBottom: 16 }}
          >
            {t('import.template.download')}
          </Button>
          <Form layout="vertical">
            <Form.Item
              label={t('import.defaultUnit')}
              extra={t('import.defaultUnit.hint')}
              htmlFor="act-import-unit"
            >
              <OrgTreeSelect id="act-import-unit" value={unitId} onChange={setUnitId} />
            </Form.Item>
          </Form>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={isRunning}
            beforeUpload={(file) => {
              start(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.upload.drag')}</p>
            <p className="ant-upload-hint">{t('import.upload.accept')}</p>
          </Upload.Dragger>
          {refusal && <Alert type="error" showIcon style={{ marginTop: 12 }} title={refusal} />}
          {upload.isError && (
            <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorText(upload.error, isEn)} />
          )}
          {upload.isPending && <Progress percent={percent} status="active" style={{ marginTop: 12 }} />}
          {job?.status === 'running' && (
            <div style={{ marginTop: 12 }}>
              <Typography.Text>
                {t('import.phaseStart', { phase: t(`import.phase.${job.phase ?? 'reading'}`) })}
              </Typography.Text>
              <Progress
                percent={job.total > 0 ? Math.floor((job.processed / job.total) * 100) : 0}
                status="active"
              />
            </div>
          )}
        </>
      )}
    </Modal>
  );
};
