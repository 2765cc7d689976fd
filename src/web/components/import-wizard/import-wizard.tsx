import { DownloadOutlined } from '@ant-design/icons';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Modal, Space, Steps, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../contracts/common/io';
import { useOrgScope } from '../../lib/org-scope';
import { useOrgTree } from '../../lib/org-tree';
import { useSession } from '../../lib/session';
import { useIsMobile } from '../../lib/use-is-mobile';
import { OrgTreeSelect } from '../org-tree-select';
import { ImportPreviewStep } from './import-preview-step';
import { ImportResultStep } from './import-result-step';
import { useImportRun } from './import-run';
import { ImportUploadStep } from './import-upload-step';

type Props = {
  open: boolean;
  onClose: () => void;
  /** The ledger's base route (kernel/io): `${ledgerBase}/template` and `${ledgerBase}/import`. */
  ledgerBase: string;
  /** The dialog title, e.g. 导入人员信息. */
  title: string;
  /** Queries to refresh after a successful import. */
  invalidate: QueryKey[];
};

/**
 * Import for any ledger: 1 template and default unit → 2 upload; the server rehearses the import and
 * writes nothing → 3 what would happen (新增 · 更新 · 未变, the first rows), confirmed → 4 result (counts,
 * or issues and the error report). The mechanism is the server's kernel/io; this is its one front end.
 */
export const ImportWizard = ({ open, ...rest }: Props) => (open ? <ImportDialog {...rest} /> : null);

const ImportDialog = ({ onClose, ledgerBase, title, invalidate }: Omit<Props, 'open'>) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { scopeId } = useOrgScope();
  const { csrfToken } = useSession();
  const [step, setStep] = useState(0);
  const [unitId, setUnitId] = useState<string | undefined>(scopeId);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [preview, setPreview] = useState<{ job: ImportJob; file: File } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [referenceDate, setReferenceDate] = useState<string | undefined>(undefined);
  const [allowMoves, setAllowMoves] = useState(false);
  const tree = useOrgTree();
  const isMobile = useIsMobile();
  const unitName = tree.data?.find((n) => n.id === unitId)?.name;

  const onFinished = useCallback(
    (finished: ImportJob) => {
      setJob(finished);
      setStep(3);
      setBusy(false);
      if (finished.status === 'succeeded') {
        for (const queryKey of invalidate) void queryClient.invalidateQueries({ queryKey });
      }
    },
    [queryClient, invalidate],
  );
  const onRehearsed = useCallback((rehearsal: ImportJob, file: File) => {
    setBusy(false);
    if (rehearsal.status === 'succeeded' && rehearsal.isPreview) {
      setPreview({ job: rehearsal, file });
      setStep(2);
    } else {
      // Refused as a whole (bad rows, a bad file): the issues and the error report, as an import shows them.
      setJob(rehearsal);
      setStep(3);
    }
  }, []);
  const commit = useImportRun(onFinished);
  // The same file rehearsed again, with the reference date she picked.
  const rehearsedFile = preview?.file;
  const onRehearsedAgain = useCallback(
    (again: ImportJob) => {
      if (rehearsedFile) onRehearsed(again, rehearsedFile);
    },
    [onRehearsed, rehearsedFile],
  );
  const rehearsal = useImportRun(onRehearsedAgain);
  const changeReferenceDate = (date: string | undefined) => {
    if (!preview) return;
    setReferenceDate(date);
    setBusy(true);
    rehearsal.start({
      ledgerBase,
      file: preview.file,
      orgUnitId: unitId,
      csrfToken,
      isPreview: true,
      referenceDate: date,
    });
  };
  useEffect(() => {
    if (commit.isRunning) setBusy(true);
  }, [commit.isRunning]);
  const confirm = () => {
    if (preview)
      commit.start({
        ledgerBase,
        file: preview.file,
        orgUnitId: unitId,
        csrfToken,
        referenceDate,
        allowMoves,
      });
  };
  const toUpload = () => {
    setJob(null);
    setPreview(null);
    setReferenceDate(undefined);
    setAllowMoves(false);
    setStep(1);
  };
  const previewCounts = preview?.job.counts;
  const isNoop = !previewCounts || previewCounts.created + previewCounts.updated === 0;
  const needsConfirmation = (preview?.job.warnings.length ?? 0) > 0 && !allowMoves;

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
    ) : step === 2 ? (
      <Space>
        <Button onClick={toUpload} disabled={isBusy} data-testid="import-reupload">
          {t('import.reupload')}
        </Button>
        {isNoop ? (
          <Button type="primary" onClick={onClose} data-testid="import-done">
            {t('import.done')}
          </Button>
        ) : (
          <Button
            type="primary"
            onClick={confirm}
            loading={isBusy}
            disabled={needsConfirmation}
            data-testid="import-confirm"
          >
            {t('import.confirm', {
              count: (previewCounts?.created ?? 0) + (previewCounts?.updated ?? 0),
            })}
          </Button>
        )}
      </Space>
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
      title={title}
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
          { title: t('import.step.confirm') },
          { title: t('import.step.result'), status: job?.status === 'failed' ? 'error' : undefined },
        ]}
      />
      {step === 0 && (
        <>
          <Alert type="info" showIcon title={t('import.template.hint')} style={{ marginBottom: 16 }} />
          <Button
            icon={<DownloadOutlined />}
            href={`${ledgerBase}/template`}
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
          <ImportUploadStep
            ledgerBase={ledgerBase}
            orgUnitId={unitId}
            onFinished={onRehearsed}
            onBusyChange={setBusy}
          />
        </>
      )}
      {step === 2 && preview && (
        <ImportPreviewStep
          job={preview.job}
          committing={
            <>
              {rehearsal.view}
              {commit.view}
            </>
          }
          onReferenceDate={changeReferenceDate}
          isRehearsing={rehearsal.isRunning}
          allowMoves={allowMoves}
          onAllowMoves={setAllowMoves}
        />
      )}
      {step === 3 && job && <ImportResultStep job={job} />}
    </Modal>
  );
};
