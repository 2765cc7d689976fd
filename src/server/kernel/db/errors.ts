/** PostgreSQL unique_violation, optionally on a named constraint or index. */
export const isUniqueViolation = (e: unknown, constraint?: string): boolean => {
  const err = (e as { cause?: unknown })?.cause ?? e;
  const pgErr = err as { code?: string; constraint?: string };
  return pgErr?.code === '23505' && (!constraint || pgErr.constraint === constraint);
};
