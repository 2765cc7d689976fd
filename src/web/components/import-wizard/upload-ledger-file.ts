import { useMutation } from '@tanstack/react-query';
import type { ImportJob } from '../../../contracts/common/io';
import { toQueryString } from '../../lib/api-client';
import { uploadFile } from '../../lib/upload-file';

/** The server refuses larger files too (413); checking first spares a long upload on a slow line. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type UploadLedgerFileInput = {
  /** The ledger's base route, e.g. /api/v1/people/persons (the import is `${base}/import`). */
  ledgerBase: string;
  file: File;
  /** Rows that name no 所属村（社区） go to this unit. */
  orgUnitId?: string;
  csrfToken: string;
  /** 0–100, as the bytes leave the browser. */
  onProgress?: (percent: number) => void;
  /** Rehearse only: the job says what the import would do; nothing is written. */
  isPreview?: boolean;
  /** The date ages (35周岁) are counted from; by default the sheet's 统计日期, else today. */
  referenceDate?: string;
  /** She confirmed the moves the rehearsal warned of. */
  allowMoves?: boolean;
};

/** POST `${ledgerBase}/import` (kernel/io, any ledger) with upload progress; answers 202 with the job to poll. */
export const uploadLedgerFile = ({
  ledgerBase,
  file,
  orgUnitId,
  csrfToken,
  onProgress,
  isPreview,
  referenceDate,
  allowMoves,
}: UploadLedgerFileInput) =>
  uploadFile<ImportJob>({
    url: `${ledgerBase}/import${toQueryString({
      orgUnitId,
      preview: isPreview ? '1' : undefined,
      referenceDate,
      allowMoves: allowMoves ? '1' : undefined,
    })}`,
    file,
    csrfToken,
    onProgress,
  });

export const useUploadLedgerFile = () => useMutation({ mutationFn: uploadLedgerFile });
