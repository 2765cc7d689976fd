import { LoadingOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * What a phone form says while `saveWithRetry` (lib/retry) works: 正在重试 with 取消 during the
 * retries, and that nothing is lost once they are given up. The words are the form's own.
 */
export const SaveRetryAlerts = ({
  phase,
  onCancel,
  texts,
  testIdPrefix,
  gap,
}: {
  phase: { kind: string; attempt?: number };
  onCancel: () => void;
  texts: { retrying: string; retryingHint: string; failed: string; failedHint: string };
  testIdPrefix: string;
  gap: number;
}) => {
  const { t } = useTranslation();
  if (phase.kind === 'retrying')
    return (
      <Alert
        type="warning"
        showIcon
        icon={<LoadingOutlined />}
        title={texts.retrying}
        description={texts.retryingHint}
        action={
          <Button onClick={onCancel} data-testid={`${testIdPrefix}-retry-cancel`}>
            {t('common.cancel')}
          </Button>
        }
        style={{ marginBottom: gap }}
        data-testid={`${testIdPrefix}-retrying`}
      />
    );
  if (phase.kind === 'failed')
    return (
      <Alert
        type="error"
        showIcon
        title={texts.failed}
        description={texts.failedHint}
        style={{ marginBottom: gap }}
        data-testid={`${testIdPrefix}-failed`}
      />
    );
  return null;
};
