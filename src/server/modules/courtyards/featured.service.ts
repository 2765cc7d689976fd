import { eq, sql } from 'drizzle-orm';
import { quoted } from '../../../contracts/common/quoted';
import type {
  CreateFeaturedInput,
  FeaturedDesignation,
  ListFeaturedQuery,
  SaveFeaturedCategoriesInput,
} from '../../../contracts/courtyards';
import { defaultFeaturedCategories } from '../../../contracts/courtyards';
import { requirePermission, resolveScopePath, rootOf, scoped } from '../../kernel/access/access';
import type { Actor } from '../../kernel/access/actor';
import { recordAudit } from '../../kernel/audit/audit';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { listPage } from '../../kernel/http/list';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { and, featuredSelect, findHousehold, rows, toFeatured } from './courtyards.repository';
import { courtyardFeatured, courtyardFeaturedOptions } from './courtyards.table';

type Category = { code: string; label: { zh: string; en: string } };

/** The county's featured-courtyard categories (configured, or the default list). */
export const featuredCategoriesOf = async (db: DbOrTx, actor: Pick<Actor, 'orgPath'>) => {
  const [row] = await db
    .select()
    .from(courtyardFeaturedOptions)
    .where(eq(courtyardFeaturedOptions.rootOrgUnitId, rootOf(actor)));
  return row
    ? { categories: row.categories as Category[], isDefault: false }
    : { categories: defaultFeaturedCategories, isDefault: true };
};

export const getFeaturedCategories = (ctx: ServiceContext) => {
  requirePermission(ctx.actor, 'courtyards.read');
  return featuredCategoriesOf(ctx.db, ctx.actor);
};

/** Only the county (the root unit's users) configures the categories; codes in use cannot be dropped. */
export const saveFeaturedCategories = (ctx: ServiceContext, input: SaveFeaturedCategoriesInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'courtyards.manage');
    const root = rootOf(ctx.actor);
    if (ctx.actor.orgUnitId !== root) throw new AppError('FORBIDDEN', '特色庭院类别由县（区）妇联统一设置');
    const codes = input.categories.map((c) => c.code);
    if (new Set(codes).size !== codes.length) throw invalid('categories', '类别代码重复');
    const used = await rows(
      tx,
      sql`select distinct category from courtyard_featured where deleted_at is null and ${scoped('org_path', ctx.actor.orgPath)}`,
    );
    const dropped = used.map((u) => u.category as string).filter((c) => !codes.includes(c));
    const before = await featuredCategoriesOf(tx, ctx.actor);
    if (dropped.length) {
      const names = dropped.map((c) => quoted(before.categories.find((x) => x.code === c)?.label.zh ?? c));
      throw invalid('categories', `类别${names.join('、')}已有农户被评定，不能删除`);
    }
    await tx
      .insert(courtyardFeaturedOptions)
      .values({ rootOrgUnitId: root, categories: input.categories, updatedBy: ctx.actor.userId })
      .onConflictDoUpdate({
        target: courtyardFeaturedOptions.rootOrgUnitId,
        set: { categories: input.categories, updatedBy: ctx.actor.userId, updatedAt: sql`now()` },
      });
    const after = { categories: input.categories, isDefault: false };
    await recordAudit(tx, ctx.actor, {
      module: 'courtyards',
      action: 'update',
      entityType: 'courtyardFeaturedOptions',
      entityId: root,
      entityLabel: '特色庭院类别',
      orgUnitId: root,
      orgPath: ctx.actor.orgPath,
      before,
      after,
    });
    return after;
  });

export const listFeatured = async (ctx: ServiceContext, q: ListFeaturedQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'courtyards.read', q.orgUnitId);
  const where = and([
    scoped('f.org_path', scopePath),
    q.status === 'deleted' ? sql`f.deleted_at is not null` : sql`f.deleted_at is null`,
    q.householdId ? sql`f.household_id = ${q.householdId}` : undefined,
    q.category ? sql`f.category = ${q.category}` : undefined,
  ]);
  return listPage(
    ctx.db,
    { select: featuredSelect, where, order: sql`x.designated_on desc, x.id` },
    q,
    toFeatured,
  );
};

const byId = async (db: DbOrTx, id: string) => {
  const [r] = await rows(db, sql`${featuredSelect} where f.id = ${id}`);
  return toFeatured(r);
};

/** The category's name in the county's list (a code only if the list no longer has it). */
const categoryName = async (db: DbOrTx, actor: Pick<Actor, 'orgPath'>, code: string) =>
  (await featuredCategoriesOf(db, actor)).categories.find((c) => c.code === code)?.label.zh ?? code;

const audit = async (
  tx: Tx,
  ctx: ServiceContext,
  action: string,
  before: unknown,
  after: FeaturedDesignation,
  path: string,
) =>
  recordAudit(tx, ctx.actor, {
    module: 'courtyards',
    action,
    entityType: 'courtyardFeatured',
    entityId: after.id,
    entityLabel: `${after.householdLabel} ${quoted(await categoryName(tx, ctx.actor, after.category))}`,
    orgUnitId: after.orgUnitId,
    orgPath: path,
    before,
    after,
  });

export const createFeatured = (ctx: ServiceContext, input: CreateFeaturedInput) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'courtyards.manage');
    const household = await findHousehold(tx, ctx.actor.orgPath, input.householdId);
    if (!household) throw notFound('农户');
    const { categories } = await featuredCategoriesOf(tx, ctx.actor);
    if (!categories.some((c) => c.code === input.category))
      throw invalid('category', `特色庭院类别${quoted(input.category)}不在本县的类别中`);
    if (input.designatedOn > shanghaiToday()) throw invalid('designatedOn', '评定日期不能晚于今天');
    const [dup] = await rows(
      tx,
      sql`select id from courtyard_featured where household_id = ${household.id} and category = ${input.category} and deleted_at is null`,
    );
    if (dup) throw new AppError('DUPLICATE', '该户已评定为这一类特色庭院');
    const id = uuidv7();
    await tx.insert(courtyardFeatured).values({
      id,
      householdId: household.id,
      orgUnitId: household.orgUnitId,
      orgPath: household.orgPath,
      category: input.category,
      designatedOn: input.designatedOn,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    const after = await byId(tx, id);
    await audit(tx, ctx, 'create', null, after, household.orgPath);
    return after;
  });

const toggle = (ctx: ServiceContext, id: string, version: number, isDeleting: boolean) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'courtyards.manage');
    const [row] = await rows(
      tx,
      sql`select version, org_path, deleted_at, household_id, category from courtyard_featured where id = ${id} and ${scoped('org_path', ctx.actor.orgPath)} for update`,
    );
    if (!row) throw notFound('特色庭院评定');
    if (Number(row.version) !== version) throw new AppError('VERSION_CONFLICT');
    if (isDeleting && row.deleted_at) throw notFound('特色庭院评定');
    if (!isDeleting && !row.deleted_at) throw new AppError('CONFLICT', '该评定未被撤销，无需恢复');
    if (!isDeleting) {
      const [dup] = await rows(
        tx,
        sql`select id from courtyard_featured where household_id = ${row.household_id as string} and category = ${row.category as string} and deleted_at is null`,
      );
      if (dup) throw new AppError('DUPLICATE', '该户已评定为这一类特色庭院');
    }
    const before = await byId(tx, id);
    await tx.execute(sql`update courtyard_featured set deleted_at = ${isDeleting ? sql`now()` : sql`null`},
      version = version + 1, updated_at = now(), updated_by = ${ctx.actor.userId} where id = ${id}`);
    const after = await byId(tx, id);
    await audit(tx, ctx, isDeleting ? 'delete' : 'restore', before, after, row.org_path as string);
    return after;
  });

export const deleteFeatured = (ctx: ServiceContext, id: string, version: number) =>
  toggle(ctx, id, version, true);
export const restoreFeatured = (ctx: ServiceContext, id: string, version: number) =>
  toggle(ctx, id, version, false);
