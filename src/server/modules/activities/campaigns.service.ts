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
import { computeIndicator } from '../../kernel/indicators/registry';
import type { ServiceContext } from '../../kernel/service-context';
import { orgUnits } from '../org/org.table';
import { activityAttendancesIndicator, activitySessionsIndicator } from './activities.indicators';
import { usableCampaigns } from './activities.service';
import { campaigns } from './activities.table';

type CampaignRow = typeof campaigns.$inferSelect;

type Totals = Map<string, { sessions: number; attendances: number }>;

/**
 * A campaign's 场次 and 人次 are the `activities.sessions` and `activities.attendances` indicators
 * grouped by campaign, over all time and only inside the reader's own subtree: the same numbers the
 * statistics page and the reports show, from the one definition.
 */
const campaignTotals = async (db: DbOrTx, scopePath: string): Promise<Totals> => {
  const args = { from: ALL_TIME.from, to: ALL_TIME.to, scopePath, groupBy: 'campaign' };
  const [sessions, attendances] = await Promise.all([
    computeIndicator(db, activitySessionsIndicator, args),
    computeIndicator(db, activityAttendancesIndicator, args),
  ]);
  const out: Totals = new Map();
  for (const r of sessions.rows) if (r.group) out.set(r.group, { sessions: r.value, attendances: 0 });
  for (const r of attendances.rows) {
    if (!r.group) continue;
    const t = out.get(r.group) ?? { sessions: 0, attendances: 0 };
    t.attendances = r.value;
    out.set(r.group, t);
  }
  return out;
};
const ALL_TIME = { from: '1900-01-01', to: '9999-12-31' };

const toCampaign = (r: { c: CampaignRow; orgUnitName: string }, totals: Totals): Campaign => ({
  id: r.c.id,
  orgUnitId: r.c.orgUnitId,
  orgUnitName: r.orgUnitName,
  name: r.c.name,
  startsOn: r.c.startsOn,
  endsOn: r.c.endsOn,
  note: r.c.note,
  sessions: totals.get(r.c.id)?.sessions ?? 0,
  attendances: totals.get(r.c.id)?.attendances ?? 0,
  version: r.c.version,
  createdAt: iso(r.c.createdAt),
  updatedAt: iso(r.c.updatedAt),
  deletedAt: iso(r.c.deletedAt),
});

const selectCampaigns = (db: DbOrTx) =>
  db
    .select({
      c: campaigns,
      orgUnitName: orgUnits.name,
      total: sql<string>`count(*) over()`,
    })
    .from(campaigns)
    .innerJoin(orgUnits, eq(orgUnits.id, campaigns.orgUnitId));

/** Campaigns a user can see and use: her ancestors' (a county campaign) and her subtree's. */
export const listCampaigns = async (ctx: ServiceContext, q: ListCampaignsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'activities.read', q.orgUnitId);
  const { limit, offset } = pageOf(q);
  const rows = await selectCampaigns(ctx.db)
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
  const totals = rows.length ? await campaignTotals(ctx.db, scopePath) : new Map();
  return { items: rows.map((r) => toCampaign(r, totals)), total: rows.length ? Number(rows[0].total) : 0 };
};

const campaignVisible = async (db: DbOrTx, ctx: ServiceContext, id: string) => {
  const [row] = await selectCampaigns(db).where(
    and(eq(campaigns.id, id), usableCampaigns(ctx.actor.orgPath)),
  );
  return row && toCampaign(row, await campaignTotals(db, ctx.actor.orgPath));
};

export const getCampaign = async (ctx: ServiceContext, id: string) => {
  requirePermission(ctx.actor, 'activities.read');
  const campaign = await campaignVisible(ctx.db, ctx, id);
  if (!campaign) throw notFound('专项行动');
  return campaign;
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
    const campaign = (await campaignVisible(tx, ctx, id)) as Campaign;
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
    const load = async () => (await campaignVisible(tx, ctx, id)) as Campaign;
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
