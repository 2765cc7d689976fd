import CloseCircleFilled from '@ant-design/icons-svg/es/asn/CloseCircleFilled';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SvgIcon } from './svg-icon';

/*
 * Loading and error states for what renders before antd is loaded (the entry: login page, session
 * check, route errors). They look like antd's Spin and Result; page-states.tsx has the antd ones the
 * signed-in pages use.
 */

export const PlainLoading = () => {
  const { t } = useTranslation();
  return (
    <div className="bbt-route-fallback" role="status" aria-live="polite">
      <span className="bbt-spinner" aria-hidden="true" />
      <span className="bbt-route-fallback-text">{t('common.loading')}</span>
    </div>
  );
};

export const PlainResult = ({
  title,
  subTitle,
  actionLabel,
  onAction,
  actionTestId,
}: {
  title: ReactNode;
  subTitle?: ReactNode;
  actionLabel?: string;
  onAction?: () => void;
  actionTestId?: string;
}) => (
  <div className="bbt-result" role="alert">
    <SvgIcon icon={CloseCircleFilled} className="bbt-result-icon" />
    <div className="bbt-result-title">{title}</div>
    {subTitle && <div className="bbt-result-subtitle">{subTitle}</div>}
    {actionLabel && onAction && (
      <button
        type="button"
        className="bbt-button bbt-button-primary"
        onClick={onAction}
        data-testid={actionTestId}
      >
        {actionLabel}
      </button>
    )}
  </div>
);
