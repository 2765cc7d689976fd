import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../contracts/org';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useRestoreOrgUnit } from '../api/restore-org-unit';

/** 恢复 of a deleted unit after 确定恢复“…”吗？, from its detail or the list; `restore` for its pending state. */
export const useConfirmRestore = () => {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const restore = useRestoreOrgUnit();
  const confirmRestore = (u: Pick<OrgUnit, 'id' | 'name' | 'version'>) =>
    modal.confirm({
      title: t('org.restoreConfirm', { name: u.name }),
      okText: t('common.restore'),
      cancelText: t('common.cancel'),
      onOk: () =>
        restore.mutateAsync({ id: u.id, version: u.version }).then(
          () => void message.success(t('common.restored')),
          (e: unknown) => onError(e),
        ),
    });
  return { confirmRestore, restore };
};
