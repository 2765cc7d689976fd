import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type {
  CreateActivityInput,
  CreateActivitySeriesInput,
  ListActivitiesQuery,
  UpdateActivityInput,
} from '../../../contracts/activities';
import { isWithin, requireAccess, resolveScopePath, scoped } from '../../kernel/access/access';
import { bulkInsert } from '../../kernel/db/bulk';
import type { Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { outsideRowScope } from '../../kernel/db/row-scope';
import { AppError, notFound } from '../../kernel/http/errors';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { sites } from '../org/org-ledgers.table';
import { persons } from '../people/people.table';
import { requireVisiblePersons } from '../people/role-terms.service';
import { type ActivityRow, findActivity, listActivityRows, toActivity } from './activities.repository';
import { activities, campaigns } from './activities.table';
import { assertActivityType } from './activity-types.service';

export { shanghaiToday };

const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ field, message }]);

/** Campaigns usable by a unit: those of its ancestors (a county campaign) and of its own subtree. */
export const usableCampaigns = (orgPath: string) =>
  sql`(${orgPath} like ${campaigns.orgPath} || '%' or ${scoped(campaigns.orgPath, orgPath)})`;

const checkReferences = async (
  tx: Tx,
  ctx: ServiceContext,
  v: {
    siteId?: string | null;
    campaignIds?: string[];
    participantIds?: string[];
    occurredOn?: string;
    endedOn?: string | null;
    attendance?: number;
    type?: string;
  },
  unitPath: string,
) => {
  if (v.type) await assertActivityType(tx, ctx.actor, v.type);
  if (v.occurredOn && v.occurredOn > shanghaiToday())
    throw invalid('occurredOn', '活动日期不能晚于今天（台账记录已开展的活动）');
  if (v.endedOn && v.occurredOn && v.endedOn < v.occurredOn)
    throw invalid('endedOn', '结束日期不能早于开始日期');
  if (v.siteId) {
    const [site] = await tx
      .select({ id: sites.id, orgPath: sites.orgPath })
      .from(sites)
      .where(and(eq(sites.id, v.siteId), isNull(sites.deletedAt), scoped(sites.orgPath, ctx.actor.orgPath)));
    if (!site) throw notFound('阵地');
  }
  if (v.campaignIds?.length) {
    const found = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(
        and(inArray(campaigns.id, v.campaignIds), isNull(campaigns.deletedAt), usableCampaigns(unitPath)),
      );
    if (found.length !== new Set(v.campaignIds).size) throw notFound('专项行动');
  }
  if (v.participantIds?.length) {
    await requireVisiblePersons(tx, ctx, v.participantIds);
    if (v.attendance !== undefined && v.attendance < new Set(v.participantIds).size) {
      throw invalid('attendance', '参加人次不能少于登记的参加人员数');
    }
  }
};

/** The activity's lifecycle: scoped lock, version check, before/after audit, soft delete and restore. */
export const activityRecord = defineRecord({
  entityType: 'activity',
  table: activities,
  label: '活动',
  auditModule: 'activities',
  permissions: { read: 'activities.read', write: 'activities.write' },
  find: async (db, _ctx, scopePath, id) => {
    const row = await findActivity(db, scopePath, id);
    return row && toActivity(row);
  },
  describe: (activity) => activity.title,
});

export const listActivities = async (ctx: ServiceContext, q: ListActivitiesQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'activities.read', q.orgUnitId);
  return listActivityRows(ctx.db, scopePath, q);
};

export const getActivity = async (ctx: ServiceContext, id: string) => {
  const activity = await activityRecord.get(ctx, id);
  const ids = activity.participantIds;
  const visible = ids.length
    ? await ctx.db
        .select({ id: persons.id, name: persons.name })
        .from(persons)
        .where(and(inArray(persons.id, ids), scoped(persons.orgPath, ctx.actor.orgPath)))
    : [];
  const names = new Map(visible.map((p) => [p.id, p.name]));
  const participants = ids.flatMap((pid) => {
    const name = names.get(pid);
    return name ? [{ id: pid, name }] : [];
  });
  return { ...activity, participants, hiddenParticipants: ids.length - participants.length };
};

const sameContent = (row: ActivityRow, input: CreateActivityInput) =>
  row.orgUnitId === input.orgUnitId &&
  row.title === input.title &&
  row.type === input.type &&
  row.occurredOn === input.occurredOn &&
  row.attendance === input.attendance;

/**
 * Records an activity. A retry with the same client id (a phone that lost its connection after the
 * server saved) answers with the saved record — `isReplay` — instead of creating a duplicate.
 */
export const createActivity = (ctx: ServiceContext, input: CreateActivityInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await activityRecord.unitPath(tx, ctx, input.orgUnitId);
    if (input.id) {
      // A used id is a conflict wherever it was used (row-scope.ts): the answer says nothing of where.
      const [existing] = await outsideRowScope(tx, () =>
        tx
          .select()
          .from(activities)
          .where(eq(activities.id, input.id as string))
          .for('update'),
      );
      if (existing) {
        if (isWithin(existing.orgPath, ctx.actor.orgPath) && sameContent(existing, input)) {
          return { activity: await activityRecord.image(tx, ctx, existing.id), isReplay: true };
        }
        throw new AppError('CONFLICT', '该活动编号已被使用，请刷新后重新填写');
      }
    }
    await checkReferences(tx, ctx, input, path);
    const id = input.id ?? uuidv7();
    const activity = await activityRecord.create(tx, ctx, { id, orgPath: path }, () =>
      tx.insert(activities).values({
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        title: input.title,
        type: input.type,
        occurredOn: input.occurredOn,
        endedOn: input.endedOn ?? null,
        isNotable: input.isNotable,
        coOrganizers: input.coOrganizers ?? null,
        siteId: input.siteId ?? null,
        place: input.place ?? null,
        campaignIds: [...new Set(input.campaignIds)],
        attendance: input.attendance,
        volunteerCount: input.volunteerCount,
        targetGroups: [...new Set(input.targetGroups)],
        summary: input.summary ?? null,
        participantIds: [...new Set(input.participantIds)],
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
    return { activity, isReplay: false };
  });

export const updateActivity = (ctx: ServiceContext, id: string, input: UpdateActivityInput) =>
  activityRecord.update(ctx, id, input.version, async (tx, row) => {
    await checkReferences(
      tx,
      ctx,
      {
        ...input,
        occurredOn: input.occurredOn ?? row.occurredOn,
        endedOn: input.endedOn === undefined ? row.endedOn : input.endedOn,
        attendance: input.attendance ?? row.attendance,
        participantIds: input.participantIds ?? row.participantIds,
      },
      row.orgPath,
    );
    const { version: _v, ...set } = input;
    await activityRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteActivity = (ctx: ServiceContext, id: string, version: number) =>
  activityRecord.softDelete(ctx, id, version);

export const restoreActivity = (ctx: ServiceContext, id: string, version: number) =>
  activityRecord.restore(ctx, id, version);

/**
 * A monthly series ("每月组织各村居开展主题宣讲"): one activity per unit per month on the chosen day,
 * each a normal record the village then completes (人次, photos). Months after this one are refused:
 * the ledger records work done, not plans.
 */
export const createActivitySeries = (ctx: ServiceContext, input: CreateActivitySeriesInput) =>
  ctx.db.transaction(async (tx) => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'activities.write',
      orgUnitIds: input.orgUnitIds,
    });
    await assertActivityType(tx, ctx.actor, input.type);
    const today = shanghaiToday();
    const dates = [...new Set(input.months)].sort().map((m) => `${m}-${String(input.day).padStart(2, '0')}`);
    const future = dates.filter((d) => d > today);
    if (future.length) throw invalid('months', `不能为今天之后的日期登记活动：${future.join('、')}`);
    for (const unitId of input.orgUnitIds) {
      await checkReferences(tx, ctx, { campaignIds: input.campaignIds }, paths.get(unitId) as string);
    }
    const seriesId = uuidv7();
    const rows = input.orgUnitIds.flatMap((orgUnitId) =>
      dates.map((occurredOn) => ({
        id: uuidv7(),
        orgUnitId,
        orgPath: paths.get(orgUnitId) as string,
        title: input.title,
        type: input.type,
        occurredOn,
        endedOn: null,
        isNotable: false,
        coOrganizers: null,
        siteId: null,
        place: null,
        campaignIds: input.campaignIds,
        attendance: input.attendance,
        volunteerCount: 0,
        targetGroups: input.targetGroups,
        summary: null,
        participantIds: [] as string[],
        seriesId,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      })),
    );
    await bulkInsert(tx, activities, rows);
    await activityRecord.auditRows(
      tx,
      ctx,
      'create',
      rows.map((r) => ({
        id: r.id,
        label: r.title,
        orgUnitId: r.orgUnitId,
        orgPath: r.orgPath,
        after: { title: r.title, type: r.type, occurredOn: r.occurredOn, attendance: r.attendance, seriesId },
      })),
    );
    return { seriesId, created: rows.length };
  });
