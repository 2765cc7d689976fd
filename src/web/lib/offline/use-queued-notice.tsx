import { CloudUploadOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** What a capture form says when its record went to the outbox: 已保存在本机，联网后自动上传. */
export const useQueuedNotice = () => {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    () =>
      void message.success({
        content: <span data-testid="offline-queued">{t('offline.queued')}</span>,
        icon: <CloudUploadOutlined style={{ color: 'var(--ant-color-success)', marginInlineEnd: 8 }} />,
        duration: 6,
      }),
    [message, t],
  );
};
