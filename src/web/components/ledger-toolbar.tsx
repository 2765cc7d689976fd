import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { LedgerIoButtons, type LedgerIoButtonsProps } from './import-wizard/ledger-io-buttons';

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
    <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid={createTestId}>
      {createLabel}
    </Button>
    <LedgerIoButtons {...io} />
  </>
);
