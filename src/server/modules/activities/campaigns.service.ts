import { and, asc, desc, eq, ilike, isNotNull, isNull, sql } from 'drizzle-orm';
import type {
  Campaign,
  CreateCampaignInput,
  ListCampaignsQuery,
  UpdateCampaignInput,
} from '../../../contracts/activities';
import { resolveScopePath } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError } from '../../kernel/http/errors';
import { likeEscape, orderBy, pageOf } from '../../kernel/http/list';
import { computeIndicator } from '../../kernel/indicators/registry';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
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

/**
 * The campaign's lifecycle. Reads see ancestors' campaigns too (a county campaign); the lock, and
 * so every edit, only the owner unit's subtree (a village cannot rename the county's).
 */
export const campaignRecord = defineRecord({
  entityType: 'campaign',
  table: campaigns,
  label: '专项行动',
  auditModule: 'activities',
  permissions: { read: 'activities.read', write: 'activities.write' },
  find: (db, ctx, _scopePath, id) => campaignVisible(db, ctx, id),
  describe: (campaign: Campaign) => campaign.name,
  isHandedDown: true,
});

export const getCampaign = (ctx: ServiceContext, id: string) => campaignRecord.get(ctx, id);

export const createCampaign = (ctx: ServiceContext, input: CreateCampaignInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await campaignRecord.unitPath(tx, ctx, input.orgUnitId);
    const id = uuidv7();
    return campaignRecord.create(tx, ctx, { id, orgPath: path }, () =>
      tx.insert(campaigns).values({
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        name: input.name,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
  });

export const updateCampaign = (ctx: ServiceContext, id: string, input: UpdateCampaignInput) =>
  campaignRecord.update(ctx, id, input.version, async (tx, row) => {
    const startsOn = input.startsOn === undefined ? row.startsOn : input.startsOn;
    const endsOn = input.endsOn === undefined ? row.endsOn : input.endsOn;
    if (startsOn && endsOn && endsOn < startsOn) {
      throw new AppError('VALIDATION_FAILED', '结束日期不能早于开始日期', [
        { field: 'endsOn', message: '结束日期不能早于开始日期' },
      ]);
    }
    const { version: _v, ...set } = input;
    await campaignRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteCampaign = (ctx: ServiceContext, id: string, version: number) =>
  campaignRecord.softDelete(ctx, id, version);

export const restoreCampaign = (ctx: ServiceContext, id: string, version: number) =>
  campaignRecord.restore(ctx, id, version);
