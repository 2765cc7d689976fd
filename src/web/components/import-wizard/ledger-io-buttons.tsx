import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { QueryKey } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type QueryParams, toQueryString } from '../../lib/api-client';
import { ImportWizard } from './import-wizard';

export type LedgerIoButtonsProps = {
  /** The ledger's base route (kernel/io): template, import and export hang off it. */
  ledgerBase: string;
  /** The ledger's name for the dialog title, e.g. 阵地. */
  ledgerName: string;
  invalidate: QueryKey[];
  canImport: boolean;
  canExport: boolean;
  /** The list's current filters, so the export is what the user sees. */
  exportQuery?: QueryParams;
  testIdPrefix: string;
};

/** 导入 / 导出 for any ledger's page toolbar, through the one kernel/io mechanism. */
export const LedgerIoButtons = ({
  ledgerBase,
  ledgerName,
  invalidate,
  canImport,
  canExport,
  exportQuery,
  testIdPrefix,
}: LedgerIoButtonsProps) => {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      {canImport && (
        <Button
          icon={<UploadOutlined />}
          onClick={() => setOpen(true)}
          data-testid={`${testIdPrefix}-import`}
        >
          {t('people.import')}
        </Button>
      )}
      {canExport && (
        <Button
          icon={<DownloadOutlined />}
          href={`${ledgerBase}/export${toQueryString(exportQuery ?? {})}`}
          data-testid={`${testIdPrefix}-export`}
        >
          {t('people.export')}
        </Button>
      )}
      <ImportWizard
        open={isOpen}
        onClose={() => setOpen(false)}
        ledgerBase={ledgerBase}
        title={`${t('people.import')}${ledgerName}`}
        invalidate={invalidate}
      />
    </>
  );
};
