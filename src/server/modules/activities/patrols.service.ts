import { eq, inArray } from 'drizzle-orm';
import type {
  CreatePatrolBatchInput,
  CreatePatrolInput,
  ListPatrolsQuery,
  Patrol,
  UpdatePatrolInput,
} from '../../../contracts/activities';
import type { ErrorDetail } from '../../../contracts/common/errors';
import { isWithin, requireAccess, resolveScopePath } from '../../kernel/access/access';
import { bulkInsert } from '../../kernel/db/bulk';
import type { Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { outsideRowScope } from '../../kernel/db/row-scope';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { requireVisiblePersons } from '../people/role-terms.service';
import { shanghaiToday } from './activities.service';
import { patrols } from './activities.table';
import {
  findPatrol,
  findPatrolsByIds,
  listPatrolRows,
  livePersonsIn,
  liveTeamsIn,
  type PatrolRow,
  toPatrol,
} from './patrols.repository';

const FUTURE_DATE = '巡查日期不能晚于今天（台账记录已开展的巡查）';
const HAZARD_NOTE = '发现隐患时请说明隐患情况';
const ID_TAKEN = '该巡查编号已被使用，请刷新后重新填写';

/** The volunteer team, when given, must be a live team inside the caller's subtree. */
const requireTeam = async (tx: Tx, ctx: ServiceContext, teamId: string | null | undefined) => {
  if (teamId && !(await liveTeamsIn(tx, ctx.actor.orgPath, [teamId])).has(teamId)) {
    throw notFound('志愿服务队');
  }
};

const labelOf = (p: { occurredOn: string; area: string }) => `${p.occurredOn} ${p.area}`;

/** The patrol's lifecycle: scoped lock, version check, before/after audit, soft delete and restore. */
export const patrolRecord = defineRecord({
  entityType: 'patrol',
  table: patrols,
  label: '巡查记录',
  auditModule: 'activities',
  permissions: { read: 'activities.read', write: 'activities.write' },
  find: async (db, ctx, _scopePath, id) => {
    const row = await findPatrol(db, ctx.actor.orgPath, id);
    return row && toPatrol(row);
  },
  describe: (patrol: Patrol) => labelOf(patrol),
});

export const listPatrols = async (ctx: ServiceContext, q: ListPatrolsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'activities.read', q.orgUnitId);
  return listPatrolRows(ctx.db, scopePath, q);
};

export const getPatrol = (ctx: ServiceContext, id: string) => patrolRecord.get(ctx, id);

const uniqueIds = (ids: string[]) => [...new Set(ids)];

const sameContent = (row: PatrolRow, input: CreatePatrolInput) => {
  const chiefs = (ids: string[]) => uniqueIds(ids).sort().join(',');
  return (
    row.orgUnitId === input.orgUnitId &&
    row.occurredOn === input.occurredOn &&
    row.area === input.area &&
    row.durationMinutes === (input.durationMinutes ?? null) &&
    chiefs(row.chiefIds) === chiefs(input.chiefIds) &&
    row.teamId === (input.teamId ?? null) &&
    row.hazardsFound === input.hazardsFound &&
    row.hazardNote === (input.hazardNote ?? null) &&
    row.actionTaken === (input.actionTaken ?? null)
  );
};

/** A saved patrol with the client's id: the same content in her subtree is a retry, else a clash. */
const isReplay = (ctx: ServiceContext, row: PatrolRow, input: CreatePatrolInput) =>
  isWithin(row.orgPath, ctx.actor.orgPath) && sameContent(row, input);

const rowOf = (ctx: ServiceContext, input: CreatePatrolInput, path: string, id: string) => ({
  id,
  orgUnitId: input.orgUnitId,
  orgPath: path,
  occurredOn: input.occurredOn,
  area: input.area,
  durationMinutes: input.durationMinutes ?? null,
  chiefIds: uniqueIds(input.chiefIds),
  teamId: input.teamId ?? null,
  hazardsFound: input.hazardsFound,
  hazardNote: input.hazardNote ?? null,
  actionTaken: input.actionTaken ?? null,
  createdBy: ctx.actor.userId,
  updatedBy: ctx.actor.userId,
});

/**
 * Records a patrol. A retry with the same client id (a phone that lost its connection after the
 * server saved) answers with the saved patrol — `isReplay` — instead of creating a duplicate.
 */
export const createPatrol = (ctx: ServiceContext, input: CreatePatrolInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await patrolRecord.unitPath(tx, ctx, input.orgUnitId);
    const existingWith = async (id: string) => {
      // A used id is a conflict wherever it was used (row-scope.ts): the answer says nothing of where.
      const [row] = await outsideRowScope(tx, () =>
        tx.select().from(patrols).where(eq(patrols.id, id)).for('update'),
      );
      if (!row) return undefined;
      if (!isReplay(ctx, row, input)) throw new AppError('CONFLICT', ID_TAKEN);
      return { patrol: await patrolRecord.image(tx, ctx, row.id), isReplay: true };
    };
    if (input.id) {
      const replay = await existingWith(input.id);
      if (replay) return replay;
    }
    if (input.occurredOn > shanghaiToday()) throw invalid('occurredOn', FUTURE_DATE);
    await requireVisiblePersons(tx, ctx, input.chiefIds);
    await requireTeam(tx, ctx, input.teamId);
    const id = input.id ?? uuidv7();
    // Two retries racing: the second waits for the first and then finds its row.
    const inserted = await tx
      .insert(patrols)
      .values(rowOf(ctx, input, path, id))
      .onConflictDoNothing({ target: patrols.id })
      .returning({ id: patrols.id });
    if (inserted.length === 0) {
      const replay = await existingWith(id);
      if (replay) return replay;
    }
    const patrol = await patrolRecord.image(tx, ctx, id);
    await patrolRecord.audit(tx, ctx, 'create', null, patrol, path);
    return { patrol, isReplay: false };
  });

/**
 * A team's week in one go, all or nothing: every item is checked first and every problem answered
 * at once (`items.3.chiefIds`), then the patrols and their audit rows are written in two statements.
 * Items whose client id is already saved with the same content are retries and are not written again.
 */
export const createPatrolBatch = (ctx: ServiceContext, input: CreatePatrolBatchInput) =>
  ctx.db.transaction(async (tx) => {
    const { items } = input;
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'activities.write',
      orgUnitIds: items.map((i) => i.orgUnitId),
    });
    const today = shanghaiToday();
    const chiefs = await livePersonsIn(
      tx,
      ctx.actor.orgPath,
      items.flatMap((i) => i.chiefIds),
    );
    const teams = await liveTeamsIn(
      tx,
      ctx.actor.orgPath,
      items.flatMap((i) => (i.teamId ? [i.teamId] : [])),
    );
    const clientIds = uniqueIds(items.flatMap((i) => (i.id ? [i.id] : [])));
    const saved = clientIds.length
      ? await outsideRowScope(tx, () =>
          tx.select().from(patrols).where(inArray(patrols.id, clientIds)).for('update'),
        )
      : [];
    const savedById = new Map(saved.map((r) => [r.id, r]));
    const details: ErrorDetail[] = [];
    const seen = new Map<string, number>();
    const ids: string[] = [];
    const rows: ReturnType<typeof rowOf>[] = [];
    for (const [n, item] of items.entries()) {
      const problem = (field: string, message: string) =>
        details.push({ field: `items.${n}.${field}`, message: `第${n + 1}条：${message}` });
      const id = item.id ?? uuidv7();
      ids.push(id);
      if (item.id) {
        const earlier = seen.get(item.id);
        seen.set(item.id, n);
        if (earlier !== undefined) {
          problem('id', `与第${earlier + 1}条的编号相同`);
          continue;
        }
        const found = savedById.get(item.id);
        if (found) {
          if (!isReplay(ctx, found, item)) problem('id', ID_TAKEN);
          continue;
        }
      }
      if (item.occurredOn > today) problem('occurredOn', FUTURE_DATE);
      if (item.chiefIds.some((c) => !chiefs.has(c))) problem('chiefIds', '林长不存在或已被删除');
      if (item.teamId && !teams.has(item.teamId)) problem('teamId', '志愿服务队不存在或已被删除');
      rows.push(rowOf(ctx, item, paths.get(item.orgUnitId) as string, id));
    }
    if (details.length) {
      const bad = new Set(details.map((d) => d.field?.split('.')[1])).size;
      throw new AppError('VALIDATION_FAILED', `有${bad}条巡查记录填写有误，请按提示修改后再提交`, details);
    }
    try {
      await bulkInsert(tx, patrols, rows);
    } catch (e) {
      if (isUniqueViolation(e, 'patrols_pkey'))
        throw new AppError('CONFLICT', '这批巡查记录正在保存，请稍后刷新查看');
      throw e;
    }
    await patrolRecord.auditRows(
      tx,
      ctx,
      'create',
      rows.map((r) => ({
        id: r.id,
        label: labelOf(r),
        orgUnitId: r.orgUnitId,
        orgPath: r.orgPath,
        after: {
          occurredOn: r.occurredOn,
          area: r.area,
          chiefIds: r.chiefIds,
          hazardsFound: r.hazardsFound,
          source: 'batch',
        },
      })),
    );
    return { created: rows.length, items: await findPatrolsByIds(tx, ctx.actor.orgPath, ids) };
  });

export const updatePatrol = (ctx: ServiceContext, id: string, input: UpdatePatrolInput) =>
  patrolRecord.update(ctx, id, input.version, async (tx, row) => {
    if (input.occurredOn && input.occurredOn > shanghaiToday()) throw invalid('occurredOn', FUTURE_DATE);
    const hazards = input.hazardsFound ?? row.hazardsFound;
    const note = input.hazardNote === undefined ? row.hazardNote : input.hazardNote;
    if (hazards > 0 && !note) throw invalid('hazardNote', HAZARD_NOTE);
    if (input.chiefIds) await requireVisiblePersons(tx, ctx, input.chiefIds);
    await requireTeam(tx, ctx, input.teamId);
    const { version: _v, chiefIds, ...set } = input;
    await patrolRecord.write(tx, id, {
      ...set,
      ...(chiefIds ? { chiefIds: uniqueIds(chiefIds) } : {}),
      updatedBy: ctx.actor.userId,
    });
  });

export const deletePatrol = (ctx: ServiceContext, id: string, version: number) =>
  patrolRecord.softDelete(ctx, id, version);

export const restorePatrol = (ctx: ServiceContext, id: string, version: number) =>
  patrolRecord.restore(ctx, id, version);
