import { PlusOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LedgerIoButtons, type LedgerIoButtonsProps } from './import-wizard/ledger-io-buttons';
import type { LedgerStatus } from './ledger-page';

/**
 * A ledger's 新增… with its 导入 / 导出 beside it, for a `LedgerPageHeader` toolbar (the org and people-role
 * ledgers); the page decides whether the user may write at all.
 */
export const LedgerCreateToolbar = ({
  createLabel,
  onCreate,
  createTestId,
  io,
}: {
  createLabel: string;
  onCreate: () => void;
  createTestId: string;
  io: LedgerIoButtonsProps;
}) => (
  <>
    <CreateButton label={createLabel} onCreate={onCreate} testId={createTestId} />
    <LedgerIoButtons {...io} />
  </>
);

/** A ledger's primary 新增… button. */
export const CreateButton = ({
  label,
  onCreate,
  testId,
}: {
  label: ReactNode;
  onCreate: () => void;
  testId: string;
}) => (
  <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid={testId}>
    {label}
  </Button>
);

/** 在用 / 已删除: which records a small ledger lists. */
export const StatusSelect = ({
  value,
  onChange,
  style,
}: {
  value: LedgerStatus;
  onChange: (status: LedgerStatus) => void;
  style?: CSSProperties;
}) => {
  const { t } = useTranslation();
  return (
    <Select
      style={style}
      value={value}
      onChange={onChange}
      options={[
        { value: 'active', label: t('ledger.status.active') },
        { value: 'deleted', label: t('people.status.deleted') },
      ]}
    />
  );
};
