import { DeleteOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
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
        <Popconfirm
          title={t('ledger.deleteConfirm', { name })}
          description={t('ledger.deleteHint')}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={onDelete}
        >
          <Button
            danger
            icon={<DeleteOutlined />}
            loading={isDeleting}
            data-testid={`${testIdPrefix}-delete`}
          >
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
      {isDeleted && (
        <Popconfirm
          title={t('ledger.restoreConfirm', { name })}
          okText={t('common.restore')}
          cancelText={t('common.cancel')}
          onConfirm={onRestore}
        >
          <Button icon={<RollbackOutlined />} loading={isRestoring} data-testid={`${testIdPrefix}-restore`}>
            {t('common.restore')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
};
