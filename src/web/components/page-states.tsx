import { Button, Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/api-client';

/** antd's states for the signed-in pages; plain-states.tsx has those of the entry (no antd). */
export const PageLoading = ({ rows = 6 }: { rows?: number }) => (
  <div className="bbt-page-loading" aria-busy="true">
    <Skeleton active paragraph={{ rows }} />
  </div>
);

export const PageError = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const { t, i18n } = useTranslation();
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={errorText(error, i18n.language.startsWith('en'))}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry} data-testid="retry">
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
};

export const EmptyState = ({ description, children }: { description?: ReactNode; children?: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('common.empty')}>
      {children}
    </Empty>
  );
};
