import { and, asc, desc, eq, ilike, isNotNull, isNull, sql } from 'drizzle-orm';
import type {
  Campaign,
  CreateCampaignInput,
  ListCampaignsQuery,
  UpdateCampaignInput,
} from '../../../contracts/activities';
import { requireAccess, requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { likeEscape, orderBy, pageOf } from '../../kernel/http/list';
import { checkVersion } from '../../kernel/http/locking';
import type { ServiceContext } from '../../kernel/service-context';
import { orgUnits } from '../org/org.table';
import { usableCampaigns } from './activities.service';
import { activities, campaigns } from './activities.table';

type CampaignRow = typeof campaigns.$inferSelect;

/** A campaign's totals count only the activities inside the reader's own subtree. */
const totals = (scopePath: string) => ({
  sessions: sql<number>`(select count(*)::int from ${activities} a where ${campaigns.id} = any(a.campaign_ids) and a.deleted_at is null and a.org_path like ${`${scopePath}%`})`,
  attendances: sql<number>`(select coalesce(sum(a.attendance), 0)::int from ${activities} a where ${campaigns.id} = any(a.campaign_ids) and a.deleted_at is null and a.org_path like ${`${scopePath}%`})`,
});

const toCampaign = (r: {
  c: CampaignRow;
  orgUnitName: string;
  sessions: number;
  attendances: number;
}): Campaign => ({
  id: r.c.id,
  orgUnitId: r.c.orgUnitId,
  orgUnitName: r.orgUnitName,
  name: r.c.name,
  startsOn: r.c.startsOn,
  endsOn: r.c.endsOn,
  note: r.c.note,
  sessions: r.sessions,
  attendances: r.attendances,
  version: r.c.version,
  createdAt: iso(r.c.createdAt),
  updatedAt: iso(r.c.updatedAt),
  deletedAt: iso(r.c.deletedAt),
});

const selectCampaigns = (db: DbOrTx, scopePath: string) =>
  db
    .select({
      c: campaigns,
      orgUnitName: orgUnits.name,
      ...totals(scopePath),
      total: sql<string>`count(*) over()`,
    })
    .from(campaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, campaigns.orgUnitId));

/** Campaigns a user can see and use: her ancestors' (a county campaign) and her subtree's. */
export const listCampaigns = async (ctx: ServiceContext, q: ListCampaignsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'activities.read', q.orgUnitId);
  const { limit, offset } = pageOf(q);
  const rows = await selectCampaigns(ctx.db, scopePath)
    .where(
      and(
        usableCampaigns(scopePath),
        q.status === 'deleted' ? isNotNull(campaigns.deletedAt) : isNull(campaigns.deletedAt),
        q.q ? ilike(campaigns.name, likeEscape(q.q)) : undefined,
      ),
    )
    .orderBy(
      ...orderBy(q.sort, { name: campaigns.name, startsOn: campaigns.startsOn }, [
        desc(campaigns.startsOn),
        asc(campaigns.name),
      ]),
    )
    .limit(limit)
    .offset(offset);
  return { items: rows.map(toCampaign), total: rows.length ? Number(rows[0].total) : 0 };
};

const campaignVisible = async (db: DbOrTx, ctx: ServiceContext, id: string) => {
  const [row] = await selectCampaigns(db, ctx.actor.orgPath).where(
    and(eq(campaigns.id, id), usableCampaigns(ctx.actor.orgPath)),
  );
  return row;
};

export const getCampaign = async (ctx: ServiceContext, id: string) => {
  requirePermission(ctx.actor, 'activities.read');
  const row = await campaignVisible(ctx.db, ctx, id);
  if (!row) throw notFound('专项行动');
  return toCampaign(row);
};

const audit = (
  tx: Tx,
  ctx: ServiceContext,
  action: string,
  before: Campaign | null,
  after: Campaign,
  path: string,
) =>
  recordAudit(tx, ctx.actor, {
    module: 'activities',
    action,
    entityType: 'campaign',
    entityId: after.id,
    entityLabel: after.name,
    orgUnitId: after.orgUnitId,
    orgPath: path,
    before,
    after,
  });

export const createCampaign = (ctx: ServiceContext, input: CreateCampaignInput) =>
  ctx.db.transaction(async (tx) => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'activities.write',
      orgUnitIds: [input.orgUnitId],
    });
    const path = paths.get(input.orgUnitId) as string;
    const id = uuidv7();
    await tx.insert(campaigns).values({
      id,
      orgUnitId: input.orgUnitId,
      orgPath: path,
      name: input.name,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    const campaign = toCampaign(
      (await campaignVisible(tx, ctx, id)) as NonNullable<Awaited<ReturnType<typeof campaignVisible>>>,
    );
    await audit(tx, ctx, 'create', null, campaign, path);
    return campaign;
  });

/** Only the owner unit's subtree edits a campaign (a village cannot rename the county's). */
const editCampaign = (
  ctx: ServiceContext,
  id: string,
  version: number,
  action: string,
  change: (tx: Tx, row: CampaignRow) => Promise<unknown>,
) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'activities.write');
    const [locked] = await tx
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.id, id), scoped(campaigns.orgPath, ctx.actor.orgPath)))
      .for('update');
    const row = checkVersion(locked, version, '专项行动');
    const load = async () =>
      toCampaign(
        (await campaignVisible(tx, ctx, id)) as NonNullable<Awaited<ReturnType<typeof campaignVisible>>>,
      );
    const before = await load();
    await change(tx, row);
    const after = await load();
    await audit(tx, ctx, action, before, after, row.orgPath);
    return after;
  });

const setCampaign = (tx: Tx, id: string, set: Partial<typeof campaigns.$inferInsert>) =>
  tx
    .update(campaigns)
    .set({ ...set, version: sql`${campaigns.version} + 1`, updatedAt: sql`now()` })
    .where(eq(campaigns.id, id));

export const updateCampaign = (ctx: ServiceContext, id: string, input: UpdateCampaignInput) =>
  editCampaign(ctx, id, input.version, 'update', async (tx, row) => {
    if (row.deletedAt) throw notFound('专项行动');
    const startsOn = input.startsOn === undefined ? row.startsOn : input.startsOn;
    const endsOn = input.endsOn === undefined ? row.endsOn : input.endsOn;
    if (startsOn && endsOn && endsOn < startsOn) {
      throw new AppError('VALIDATION_FAILED', '结束日期不能早于开始日期', [
        { field: 'endsOn', message: '结束日期不能早于开始日期' },
      ]);
    }
    const { version: _v, ...set } = input;
    await setCampaign(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteCampaign = (ctx: ServiceContext, id: string, version: number) =>
  editCampaign(ctx, id, version, 'delete', async (tx, row) => {
    if (row.deletedAt) throw notFound('专项行动');
    await setCampaign(tx, id, { deletedAt: new Date().toISOString(), updatedBy: ctx.actor.userId });
  });

export const restoreCampaign = (ctx: ServiceContext, id: string, version: number) =>
  editCampaign(ctx, id, version, 'restore', async (tx, row) => {
    if (!row.deletedAt) throw new AppError('CONFLICT', '该专项行动未被删除，无需恢复');
    await setCampaign(tx, id, { deletedAt: null, updatedBy: ctx.actor.userId });
  });
