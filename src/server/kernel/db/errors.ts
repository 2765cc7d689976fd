/** PostgreSQL unique_violation, optionally on a named constraint or index. */
export const isUniqueViolation = (e: unknown, constraint?: string): boolean => {
  const err = (e as { cause?: unknown })?.cause ?? e;
  const pgErr = err as { code?: string; constraint?: string };
  return pgErr?.code === '23505' && (!constraint || pgErr.constraint === constraint);
};

/** The constraint a unique violation names (for the log: never its values). */
export const constraintOf = (e: unknown): string | undefined => {
  const err = (e as { cause?: unknown })?.cause ?? e;
  return (err as { constraint?: string })?.constraint;
};

/** A write the row-level security policies refused (row-scope.ts). */
export const isRowSecurityRefusal = (e: unknown): boolean => {
  const err = ((e as { cause?: unknown })?.cause ?? e) as { code?: string; message?: string };
  return err?.code === '42501' && /row-level security/.test(String(err.message));
};

type ErrorLike = { code?: string; message?: string; cause?: unknown; address?: string; port?: number };

/** The error and its causes (drizzle wraps the driver's error as `cause`). */
const chain = (e: unknown): ErrorLike[] => {
  const out: ErrorLike[] = [];
  let cur = e as ErrorLike | undefined;
  while (cur && typeof cur === 'object' && out.length < 5) {
    out.push(cur);
    cur = cur.cause as ErrorLike | undefined;
  }
  return out;
};

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Client was closed|terminating connection/i;

/**
 * The database cannot be reached right now (down, restarting, recovering, out of connections), as opposed
 * to a query it refused: the request may succeed if tried again shortly (503 + Retry-After, R27).
 */
export const isDatabaseUnavailable = (e: unknown): boolean =>
  chain(e).some(
    (x) => (x.code && UNAVAILABLE_CODES.has(x.code)) || UNAVAILABLE_MESSAGES.test(x.message ?? ''),
  );

/** A failure to reach the database, in words for a person at a terminal; undefined for other errors. */
export const describeDatabaseError = (e: unknown): string | undefined => {
  for (const x of chain(e)) {
    const where = x.address ? `${x.address}${x.port ? `:${x.port}` : ''}` : '';
    if (x.code === '28P01' || x.code === '28000')
      return `数据库拒绝登录（用户名或密码不对，检查 DATABASE_URL）\nThe database refused the login (${x.message}).`;
    if (x.code === '3D000')
      return `数据库不存在（检查 DATABASE_URL 中的库名，或先 createdb）\nThe database does not exist (${x.message}).`;
    if (x.code === 'ENOTFOUND')
      return `找不到数据库主机（检查 DATABASE_URL）\nCannot resolve the database host (${x.message}).`;
    if (x.code && UNAVAILABLE_CODES.has(x.code))
      return `无法连接数据库${where ? ` ${where}` : ''}（${x.code}）：数据库未启动或地址不对，检查 DATABASE_URL\nCannot connect to the database${where ? ` at ${where}` : ''} (${x.code}).`;
  }
  return undefined;
};
