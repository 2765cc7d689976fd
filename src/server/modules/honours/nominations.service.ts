import { sql } from 'drizzle-orm';
import type {
  CreateNominationInput,
  DecideNominationInput,
  ListNominationsQuery,
  Nomination,
  PublicizeNominationInput,
  UpdateNominationInput,
} from '../../../contracts/honours';
import { isWithin, resolveScopePath, scoped } from '../../kernel/access/access';
import type { Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { requireTitle, titleMapOf } from './honour-titles.service';
import { nominations } from './honours.table';
import { findNominationRow, listNominationRows, toNomination } from './nominations.repository';

export const nominationRecord = defineRecord({
  entityType: 'nomination',
  table: nominations,
  label: '推荐记录',
  auditModule: 'honours',
  permissions: { read: 'honours.read', write: 'honours.write' },
  find: async (db, _ctx, scopePath, id) => {
    const row = await findNominationRow(db, scopePath, id);
    if (!row) return undefined;
    return toNomination(await titleMapOf(db, { orgPath: row.org_path as string }))(row);
  },
  describe: (n: Nomination) => `${n.year}年${n.titleName} ${n.nomineeName}`,
});

export const listNominations = async (ctx: ServiceContext, q: ListNominationsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'honours.read', q.orgUnitId);
  return listNominationRows(ctx.db, scopePath, q, await titleMapOf(ctx.db, ctx.actor));
};

export const getNomination = (ctx: ServiceContext, id: string) => nominationRecord.get(ctx, id);

const nomineeTable = { person: 'persons', household: 'households', collective: 'org_units' } as const;
const nomineeWhat = { person: '被推荐人', household: '被推荐家庭', collective: '被推荐集体' } as const;

/**
 * The nominee must be a live record the caller may see (else 404, as for any id outside her
 * subtree) and lie inside the nominating unit's subtree (else refused, naming the unit).
 */
const requireNominee = async (
  tx: Tx,
  ctx: ServiceContext,
  input: CreateNominationInput,
  unitPath: string,
) => {
  const kind = input.nomineeKind;
  const id = { person: input.personId, household: input.householdId, collective: input.collectiveUnitId }[
    kind
  ];
  const table = sql.raw(nomineeTable[kind]);
  const pathCol = kind === 'collective' ? 'x.path' : 'x.org_path';
  const live = sql`x.deleted_at is null`;
  const res = await tx.execute(
    sql`select ${sql.raw(pathCol)} as path from ${table} x where x.id = ${id}::uuid and ${live}
      and ${scoped(pathCol, ctx.actor.orgPath)}`,
  );
  const row = res.rows[0] as { path: string } | undefined;
  if (!row) throw notFound(nomineeWhat[kind].replace('被推荐', ''));
  if (!isWithin(row.path, unitPath)) {
    const field = { person: 'personId', household: 'householdId', collective: 'collectiveUnitId' }[kind];
    const [unit] = (await tx.execute(sql`select name from org_units where path = ${unitPath}`)).rows as {
      name: string;
    }[];
    throw invalid(
      field,
      `${nomineeWhat[kind]}不在推荐单位（${unit?.name ?? '该单位'}）的辖区内，不能由该单位推荐`,
    );
  }
};

export const createNomination = (ctx: ServiceContext, input: CreateNominationInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await nominationRecord.unitPath(tx, ctx, input.orgUnitId);
    const title = await requireTitle(tx, ctx.actor, input.titleCode);
    await requireNominee(tx, ctx, input, path);
    const id = uuidv7();
    return nominationRecord.create(tx, ctx, { id, orgPath: path }, () =>
      tx.insert(nominations).values({
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        year: input.year,
        titleCode: title.code,
        level: title.level,
        awardingBody: title.awardingBody,
        nomineeKind: input.nomineeKind,
        personId: input.personId ?? null,
        householdId: input.householdId ?? null,
        collectiveUnitId: input.collectiveUnitId ?? null,
        deeds: input.deeds ?? null,
        status: 'nominated',
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
  });

const DECIDED = '该推荐已有评选结果，不能再修改';

export const updateNomination = (ctx: ServiceContext, id: string, input: UpdateNominationInput) =>
  nominationRecord.update(ctx, id, input.version, async (tx, row) => {
    if (row.status === 'awarded' || row.status === 'notAwarded') throw new AppError('CONFLICT', DECIDED);
    if (input.deeds !== undefined)
      await nominationRecord.write(tx, id, { deeds: input.deeds, updatedBy: ctx.actor.userId });
  });

/** 推荐 → 公示: the notice period (or a corrected one while the notice runs). */
export const publicizeNomination = (ctx: ServiceContext, id: string, input: PublicizeNominationInput) =>
  nominationRecord.update(
    ctx,
    id,
    input.version,
    async (tx, row) => {
      if (row.status !== 'nominated' && row.status !== 'publicizing') throw new AppError('CONFLICT', DECIDED);
      await nominationRecord.write(tx, id, {
        status: 'publicizing',
        noticeFrom: input.noticeFrom,
        noticeTo: input.noticeTo,
        updatedBy: ctx.actor.userId,
      });
    },
    'publicize',
  );

/**
 * 公示 → 授予 or 未授予. An award needs the notice to have ended: its date must fall after the
 * last day of the 公示 and not in the future. A nomination may be turned down at any time before.
 */
export const decideNomination = (ctx: ServiceContext, id: string, input: DecideNominationInput) =>
  nominationRecord.update(
    ctx,
    id,
    input.version,
    async (tx, row) => {
      if (row.status === 'awarded' || row.status === 'notAwarded') throw new AppError('CONFLICT', DECIDED);
      if (input.outcome === 'awarded') {
        const on = input.awardedOn as string;
        if (row.status !== 'publicizing' || !row.noticeTo)
          throw invalid('awardedOn', '该推荐尚未公示，公示期满后才能授予');
        if (on <= row.noticeTo)
          throw invalid('awardedOn', `公示期至${row.noticeTo}结束，授予日期须在公示期满之后`);
        if (on > shanghaiToday()) throw invalid('awardedOn', '授予日期不能晚于今天');
      }
      await nominationRecord.write(tx, id, {
        status: input.outcome,
        awardedOn: input.outcome === 'awarded' ? (input.awardedOn as string) : null,
        outcomeNote: input.note ?? null,
        updatedBy: ctx.actor.userId,
      });
    },
    input.outcome === 'awarded' ? 'award' : 'reject',
  );

export const deleteNomination = (ctx: ServiceContext, id: string, version: number) =>
  nominationRecord.softDelete(ctx, id, version);

export const restoreNomination = (ctx: ServiceContext, id: string, version: number) =>
  nominationRecord.restore(ctx, id, version);
