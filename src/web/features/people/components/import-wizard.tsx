import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Modal, Space, Steps, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../../contracts/common/io';
import { OrgTreeSelect } from '../../../components/org-tree-select';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { personsTemplateUrl } from '../api/get-persons-template';
import { householdKeys, personKeys } from '../api/keys';
import { ImportResultStep } from './import-result-step';
import { ImportUploadStep } from './import-upload-step';

type Props = { open: boolean; onClose: () => void };

/** 导入人员信息: 1 template and default unit → 2 upload with progress → 3 result (counts, or issues and report). */
export const ImportWizard = ({ open, onClose }: Props) => (open ? <ImportDialog onClose={onClose} /> : null);

const ImportDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { scopeId } = useOrgScope();
  const [step, setStep] = useState(0);
  const [unitId, setUnitId] = useState<string | undefined>(scopeId);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [isBusy, setBusy] = useState(false);
  const tree = useOrgTree();
  const isMobile = useIsMobile();
  const unitName = tree.data?.find((n) => n.id === unitId)?.name;

  const onFinished = useCallback(
    (finished: ImportJob) => {
      setJob(finished);
      setStep(2);
      setBusy(false);
      if (finished.status === 'succeeded') {
        void queryClient.invalidateQueries({ queryKey: personKeys.all });
        void queryClient.invalidateQueries({ queryKey: householdKeys.all });
      }
    },
    [queryClient],
  );
  const toUpload = () => {
    setJob(null);
    setStep(1);
  };

  const footer =
    step === 0 ? (
      <Space>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" onClick={() => setStep(1)} data-testid="import-next">
          {t('import.next')}
        </Button>
      </Space>
    ) : step === 1 ? (
      <Button onClick={() => setStep(0)} disabled={isBusy} data-testid="import-prev">
        {t('import.prev')}
      </Button>
    ) : job?.status === 'succeeded' ? (
      <Space>
        <Button onClick={toUpload} data-testid="import-again">
          {t('import.again')}
        </Button>
        <Button type="primary" onClick={onClose} data-testid="import-done">
          {t('import.done')}
        </Button>
      </Space>
    ) : (
      <Space>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" onClick={toUpload} data-testid="import-reupload">
          {t('import.reupload')}
        </Button>
      </Space>
    );

  return (
    <Modal
      open
      title={t('import.title')}
      onCancel={onClose}
      footer={footer}
      width={760}
      mask={{ closable: !isBusy }}
      data-testid="import-wizard"
    >
      <Steps
        current={step}
        size="small"
        responsive={false}
        titlePlacement={isMobile ? 'vertical' : 'horizontal'}
        style={{ margin: '8px 0 20px' }}
        items={[
          { title: t('import.step.prepare') },
          { title: t('import.step.upload') },
          { title: t('import.step.result'), status: job?.status === 'failed' ? 'error' : undefined },
        ]}
      />
      {step === 0 && (
        <>
          <Alert type="info" showIcon title={t('import.template.hint')} style={{ marginBottom: 16 }} />
          <Button
            icon={<DownloadOutlined />}
            href={personsTemplateUrl}
            download
            style={{ marginBottom: 20 }}
            data-testid="import-template-link"
          >
            {t('import.template.download')}
          </Button>
          <Form layout="vertical">
            <Form.Item
              label={t('import.defaultUnit')}
              extra={t('import.defaultUnit.hint')}
              htmlFor="import-unit"
            >
              <OrgTreeSelect
                id="import-unit"
                value={unitId}
                onChange={setUnitId}
                data-testid="import-default-unit"
              />
            </Form.Item>
          </Form>
        </>
      )}
      {step === 1 && (
        <>
          {unitName && (
            <Typography.Paragraph type="secondary">
              {t('import.defaultUnit.current', { name: unitName })}
            </Typography.Paragraph>
          )}
          <ImportUploadStep orgUnitId={unitId} onFinished={onFinished} onBusyChange={setBusy} />
        </>
      )}
      {step === 2 && job && <ImportResultStep job={job} />}
    </Modal>
  );
};
