import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { ImportJob } from '../../../contracts/common/io';
import { requirePermission } from '../access/access';
import { recordAudit } from '../audit/audit';
import { iso } from '../db/columns';
import type { Db } from '../db/connection';
import { uuidv7 } from '../db/ids';
import { notFound } from '../http/errors';
import { maskPiiText } from '../privacy/pii-mask';
import type { ServiceContext } from '../service-context';
import { cellText } from './cells';
import { importJobs } from './import-jobs.table';
import {
  buildErrorReport,
  type ImportCounts,
  type ImportIssue,
  ImportNotes,
  type ImportOptions,
  ImportRowsError,
  type LedgerIo,
  type ParsedRow,
  type ReferenceDate,
  validateSheets,
} from './ledger-io';
import { ImportFileError, readWorkbookSheets } from './workbook';

const MAX_ISSUES_IN_RESULT = 200;

type JobRow = typeof importJobs.$inferSelect;
type Sample = { columns: string[]; rows: string[][] };
type JobResult = {
  counts?: ImportCounts;
  warnings?: ImportIssue[];
  referenceDate?: ReferenceDate | null;
  issues?: ImportIssue[];
  issueCount?: number;
  message?: string;
  isPreview?: boolean;
  sample?: Sample;
};

const SAMPLE_ROWS = 5;

/** How many rows have a problem (a row of another sheet with the same number is another row). */
const rowsWithIssues = (issues: ImportIssue[]) =>
  new Set(issues.map((i) => `${i.sheet ?? ''}|${i.row}`)).size;

/** Rolls a rehearsal's transaction back once its counts are known. */
class Rehearsed extends Error {
  constructor(readonly counts: ImportCounts) {
    super('import rehearsed');
  }
}

/**
 * The first rows as she will recognise them: the template's headers of the columns the file fills, the
 * cells as read. ID numbers and phones are masked (the sample is kept with the job).
 */
const sampleOf = (io: LedgerIo, rows: ParsedRow[]): Sample => {
  const first = rows.slice(0, SAMPLE_ROWS).map((r) => r.raw.map((c) => maskPiiText(cellText(c) ?? '')));
  const filled = io.columns.map((_, i) => first.some((r) => r[i] !== ''));
  return {
    columns: io.columns.filter((_, i) => filled[i]).map((c) => c.header),
    rows: first.map((r) => r.filter((_, i) => filled[i])),
  };
};

export const toImportJob = (j: JobRow): ImportJob => {
  const result = (j.result ?? {}) as JobResult;
  return {
    id: j.id,
    ledger: j.ledger,
    filename: j.filename,
    status: j.status as ImportJob['status'],
    phase: (j.phase ?? null) as ImportJob['phase'],
    total: j.total,
    processed: j.processed,
    counts: result.counts ?? null,
    isPreview: result.isPreview ?? false,
    sample: result.sample ?? null,
    issues: result.issues ?? [],
    issueCount: result.issueCount ?? 0,
    warnings: result.warnings ?? [],
    referenceDate: result.referenceDate ?? null,
    message: result.message ?? null,
    hasReport: j.report !== null,
    createdAt: iso(j.createdAt),
    finishedAt: iso(j.finishedAt),
  };
};

const setJob = (ctx: ServiceContext, id: string, set: Partial<typeof importJobs.$inferInsert>) =>
  ctx.db.update(importJobs).set(set).where(eq(importJobs.id, id));

export const createImportJob = async (ctx: ServiceContext, io: LedgerIo, filename: string) => {
  requirePermission(ctx.actor, io.permissions.import);
  const [job] = await ctx.db
    .insert(importJobs)
    .values({
      id: uuidv7(),
      userId: ctx.actor.userId,
      ledger: io.ledger,
      filename: filename.slice(0, 200),
      status: 'running',
      phase: 'reading',
    })
    .returning();
  return job;
};

/**
 * The file's rows, validated. The sheets as read are dropped here: from now on only the validated
 * rows (their values, and their cells for the error report and the sample) are held.
 */
const readAndValidate = async (
  io: LedgerIo,
  file: Buffer,
  filename: string,
  onRead: (total: number) => Promise<unknown>,
) => {
  const sheets = await readWorkbookSheets(file, filename);
  await onRead(sheets.reduce((n, s) => n + s.rows.length, 0));
  return validateSheets(io, sheets);
};

/**
 * parse → validate every row → if any fails, write nothing and keep a report; else commit all rows
 * in one transaction (with their audit rows). Progress is written to the job as it goes.
 *
 * `preview`: the same steps, the same commit (so the database's own judgements — unknown village,
 * a duplicate already saved — are found too), in a transaction rolled back at the end; the job then
 * says what the import would do and shows the first rows. Nothing is written and nothing audited.
 */
export const runImport = async (
  ctx: ServiceContext,
  io: LedgerIo,
  jobId: string,
  file: Buffer,
  filename: string,
  opts: ImportOptions,
  mode: 'commit' | 'preview' = 'commit',
): Promise<ImportJob> => {
  const notes = new ImportNotes();
  const told = () => ({
    warnings: notes.warnings.slice(0, MAX_ISSUES_IN_RESULT),
    referenceDate: notes.referenceDate,
  });
  const fail = async (set: { message?: string; issues?: ImportIssue[]; report?: Buffer }) => {
    await setJob(ctx, jobId, {
      status: 'failed',
      phase: null,
      finishedAt: new Date().toISOString(),
      report: set.report ?? null,
      result: {
        message: set.message,
        issues: set.issues?.slice(0, MAX_ISSUES_IN_RESULT),
        issueCount: set.issues?.length ?? 0,
        ...told(),
      } satisfies JobResult,
    });
  };
  try {
    const outcome = await readAndValidate(io, file, filename, (total) =>
      setJob(ctx, jobId, { phase: 'validating', total }),
    );
    if ('fileError' in outcome) {
      await fail({ message: outcome.fileError });
    } else if (outcome.issues.length > 0) {
      await fail({
        message: `共 ${outcome.rows.length} 行，其中 ${rowsWithIssues(outcome.issues)} 行有问题，全部未导入。请按错误报告修改后重新上传。`,
        issues: outcome.issues,
        report: await buildErrorReport(io, outcome.rows, outcome.issues),
      });
    } else {
      await setJob(ctx, jobId, { phase: 'committing', total: outcome.rows.length, processed: 0 });
      try {
        await ctx.db.transaction(async (tx) => {
          const c = await io.commit(
            tx,
            ctx,
            outcome.rows,
            { ...opts, isPreview: mode === 'preview', notes },
            async (done) => {
              await setJob(ctx, jobId, { processed: done });
            },
          );
          if (mode === 'preview') throw new Rehearsed(c);
          await recordAudit(tx, ctx.actor, {
            module: io.auditModule,
            action: 'import',
            entityType: io.ledger,
            entityLabel: filename.slice(0, 100),
            orgUnitId: ctx.actor.orgUnitId,
            orgPath: ctx.actor.orgPath,
            after: { ledger: io.ledger, rows: outcome.rows.length, ...c },
          });
          // The job says "succeeded" in the transaction that writes the rows: a server killed between the two
          // can never leave imported rows under a job that will be marked failed at the next start.
          await tx
            .update(importJobs)
            .set({
              status: 'succeeded',
              phase: null,
              processed: outcome.rows.length,
              finishedAt: new Date().toISOString(),
              result: { counts: c, ...told() } satisfies JobResult,
            })
            .where(eq(importJobs.id, jobId));
          return c;
        });
      } catch (e) {
        if (e instanceof Rehearsed) {
          await setJob(ctx, jobId, {
            status: 'succeeded',
            phase: null,
            processed: outcome.rows.length,
            finishedAt: new Date().toISOString(),
            result: {
              counts: e.counts,
              ...told(),
              isPreview: true,
              sample: sampleOf(io, outcome.rows),
            } satisfies JobResult,
          });
          return getImportJob(ctx, jobId);
        }
        if (!(e instanceof ImportRowsError)) throw e;
        await fail({
          message: `有 ${rowsWithIssues(e.issues)} 行与系统中的数据冲突，全部未导入。`,
          issues: e.issues,
          report: await buildErrorReport(io, outcome.rows, e.issues),
        });
      }
    }
  } catch (e) {
    if (e instanceof ImportFileError) await fail({ message: e.message });
    else {
      await fail({ message: '导入时系统出现异常，数据未导入，请稍后重试或联系管理员' });
      throw e;
    }
  }
  return getImportJob(ctx, jobId);
};

export const STALE_IMPORT_MESSAGE = '服务重启，导入未完成，请重新导入';

/**
 * At server start, a job still `running` (or `pending`) belongs to a process that is gone (killed
 * mid-read or mid-commit): nothing will ever finish it, and its transaction was rolled back. It is
 * marked failed so the browser polling it stops showing progress forever. Only for the serving
 * process: one server per database, so no live job of another process can be caught.
 */
export const failStaleImportJobs = async (
  db: Db,
  /**
   * Only jobs started this long ago. The embedded database has one server (0: every unfinished job is a dead
   * one); app processes sharing an external database must not fail each other's live imports, and no import
   * runs for half an hour (50,000 rows take well under a minute).
   */
  olderThanMinutes = 0,
): Promise<number> => {
  const stale = await db
    .update(importJobs)
    .set({
      status: 'failed',
      phase: null,
      finishedAt: sql`now()`,
      result: { message: STALE_IMPORT_MESSAGE } satisfies JobResult,
    })
    .where(
      and(
        inArray(importJobs.status, ['running', 'pending']),
        lte(importJobs.createdAt, sql`now() - make_interval(mins => ${olderThanMinutes})`),
      ),
    )
    .returning({ id: importJobs.id });
  return stale.length;
};

/** Jobs are private to the user who started them. */
export const getImportJob = async (ctx: ServiceContext, jobId: string): Promise<ImportJob> => {
  const row = await findOwnJob(ctx, jobId);
  return toImportJob(row);
};

export const findOwnJob = async (ctx: ServiceContext, jobId: string) => {
  const [row] = await ctx.db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, jobId), eq(importJobs.userId, ctx.actor.userId)));
  if (!row) throw notFound('导入任务');
  return row;
};
