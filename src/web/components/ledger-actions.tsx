import { DeleteOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  name: string;
  isDeleted: boolean;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
  onRestore: () => Promise<unknown>;
  isDeleting: boolean;
  isRestoring: boolean;
  /** e.g. `site` gives `site-edit`, `site-delete`, `site-restore`. */
  testIdPrefix: string;
  children?: ReactNode;
};

/** 编辑 / 删除 (confirmed; restorable) / 恢复 for a ledger record's detail drawer. */
export const LedgerActions = ({
  name,
  isDeleted,
  onEdit,
  onDelete,
  onRestore,
  isDeleting,
  isRestoring,
  testIdPrefix,
  children,
}: Props) => {
  const { t } = useTranslation();
  return (
    <Space wrap className="bbt-ledger-actions" style={{ marginTop: 12 }}>
      {!isDeleted && (
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid={`${testIdPrefix}-edit`}>
          {t('common.edit')}
        </Button>
      )}
      {!isDeleted && children}
      {!isDeleted && (
        <DeleteConfirm name={name} onConfirm={onDelete}>
          <Button
            danger
            icon={<DeleteOutlined />}
            loading={isDeleting}
            data-testid={`${testIdPrefix}-delete`}
          >
            {t('common.delete')}
          </Button>
        </DeleteConfirm>
      )}
      {isDeleted && (
        <RestoreConfirm name={name} onConfirm={onRestore}>
          <Button icon={<RollbackOutlined />} loading={isRestoring} data-testid={`${testIdPrefix}-restore`}>
            {t('common.restore')}
          </Button>
        </RestoreConfirm>
      )}
    </Space>
  );
};

type ConfirmProps = { name: string; onConfirm: () => unknown; children: ReactElement };

/** 确定删除“…”吗？ (restorable, says the hint) before a record's 删除. */
export const DeleteConfirm = ({ name, hint, onConfirm, children }: ConfirmProps & { hint?: string }) => {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={t('ledger.deleteConfirm', { name })}
      description={hint ?? t('ledger.deleteHint')}
      okText={t('common.delete')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={onConfirm}
    >
      {children}
    </Popconfirm>
  );
};

/** 确定恢复“…”吗？ before a deleted record's 恢复. */
export const RestoreConfirm = ({ name, onConfirm, children }: ConfirmProps) => {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={t('ledger.restoreConfirm', { name })}
      okText={t('common.restore')}
      cancelText={t('common.cancel')}
      onConfirm={onConfirm}
    >
      {children}
    </Popconfirm>
  );
};
