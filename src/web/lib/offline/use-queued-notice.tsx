import { CloudUploadOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { outboxSnapshot } from './outbox-client';

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

/**
 * 退出登录 with records still on the phone: they stay for her next sign-in (nobody else sees or sends
 * them), and she is told so before she leaves.
 */
export const useConfirmSignOut = () => {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (signOut: () => void) => {
      const count = outboxSnapshot().length;
      if (count === 0) return signOut();
      modal.confirm({
        title: t('offline.signOutTitle', { count }),
        content: t('offline.signOutText'),
        okText: t('auth.logout'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: signOut,
      });
    },
    [modal, t],
  );
};
