import { AppError, notFound } from './errors';

/**
 * Optimistic locking: the client sends the version it edited; if the row moved on since, the
 * write is refused with 409 and a message telling her to reload.
 */
export const checkVersion = <T extends { version: number }>(
  row: T | undefined,
  expected: number,
  what = '记录',
): T => {
  if (!row) throw notFound(what);
  if (row.version !== expected) throw new AppError('VERSION_CONFLICT');
  return row;
};
