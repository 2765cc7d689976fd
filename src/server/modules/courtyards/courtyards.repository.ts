import { type SQL, sql } from 'drizzle-orm';
import type {
  Deduction,
  FeaturedDesignation,
  Inspection,
  PlaqueEvent,
  RatingChange,
  RatingLevel,
  Rectification,
} from '../../../contracts/courtyards';
import { levelOf } from '../../../contracts/org';
import { requireAccess, scoped } from '../../kernel/access/access';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { photoIdsOf } from '../../kernel/files/photo-attachments';
import { invalid } from '../../kernel/http/errors';
import type { ServiceContext } from '../../kernel/service-context';
import { courtyardInspectionPhotos, courtyardRectificationPhotos } from './courtyards.table';

// Read queries of the courtyard programme. Every function takes the scope path its rows must lie in.

type Raw = Record<string, unknown>;
const s = (v: unknown) => v as string;
const sn = (v: unknown) => (v ?? null) as string | null;
const ts = (v: unknown) => iso(s(v));
const tsn = (v: unknown) => iso(sn(v));
const rating = (v: unknown) => (v ?? null) as RatingLevel | null;

/** The household a courtyard row is about (columns household_id, household_label). */
const householdOf = (r: Raw) => ({ householdId: s(r.household_id), householdLabel: s(r.household_label) });
/** The village it lies in (columns org_unit_id, org_unit_name). */
const villageOf = (r: Raw) => ({ orgUnitId: s(r.org_unit_id), orgUnitName: s(r.org_unit_name) });

/** A ledger row's version and times, as the API shows them (columns version, created_at, updated_at, deleted_at as text). */
export const stamps = (r: Raw) => ({
  version: Number(r.version),
  createdAt: ts(r.created_at),
  updatedAt: ts(r.updated_at),
  deletedAt: tsn(r.deleted_at),
});

export const householdLabelSql = (h: string) =>
  sql.raw(`${h}.address || coalesce(' ' || ${h}.house_number, '')`);
export const headNameSql = (h: string) =>
  sql.raw(`(select p.name from persons p where p.id = ${h}.head_person_id)`);

export const rows = async (db: DbOrTx, q: SQL) => (await db.execute(q)).rows as Raw[];

export const and = (parts: (SQL | undefined | false)[]) => {
  const list = parts.filter((p): p is SQL => !!p);
  return list.length ? sql.join(list, sql` and `) : sql`true`;
};

// Inspections

export const inspectionSelect = sql`
  select i.id, i.household_id, ${householdLabelSql('h')} as household_label, ${headNameSql('h')} as head_name,
    i.org_unit_id, o.name as org_unit_name, i.rubric_id, i.kind, i.inspected_on::text as inspected_on, i.month,
    i.group_id, g.name as group_name, i.inspector_names, i.item_scores, i.deductions, i.veto_codes,
    i.total_score, i.rating, i.is_veto, i.note, i.version, i.created_at::text as created_at,
    i.updated_at::text as updated_at, i.deleted_at::text as deleted_at,
    ${photoIdsOf(courtyardInspectionPhotos, sql`i.id`)} as photo_ids,
    coalesce((select array_agg(r.id order by r.created_at) from courtyard_rectifications r
      where r.inspection_id = i.id and r.deleted_at is null), '{}') as rectification_ids
  from courtyard_inspections i
  join households h on h.id = i.household_id
  join org_units o on o.id = i.org_unit_id
  left join courtyard_groups g on g.id = i.group_id`;

export const toInspection = (r: Raw): Inspection => ({
  id: s(r.id),
  ...householdOf(r),
  headName: sn(r.head_name),
  ...villageOf(r),
  rubricId: s(r.rubric_id),
  kind: r.kind as Inspection['kind'],
  inspectedOn: s(r.inspected_on),
  month: s(r.month),
  groupId: sn(r.group_id),
  groupName: sn(r.group_name),
  inspectorNames: sn(r.inspector_names),
  itemScores: r.item_scores as Inspection['itemScores'],
  deductions: r.deductions as Deduction[],
  vetoCodes: r.veto_codes as string[],
  totalScore: Number(r.total_score),
  rating: rating(r.rating),
  isVeto: r.is_veto as boolean,
  note: sn(r.note),
  photoIds: r.photo_ids as string[],
  rectificationIds: r.rectification_ids as string[],
  ...stamps(r),
});

export const findInspection = async (db: DbOrTx, scopePath: string, id: string) => {
  const [r] = await rows(
    db,
    sql`${inspectionSelect} where i.id = ${id} and ${scoped('i.org_path', scopePath)}`,
  );
  return r ? toInspection(r) : undefined;
};

// Rectifications

/**
 * 未整改, one definition for every courtyard figure — the 整改逾期榜 (rectificationBoard), the indicator
 * `courtyards.rectifications{status}` (and so the dashboard's 整改逾期 to-do and report figures), the
 * lists' `isOverdue` and the 月底 report's overdue items. As of `today`, a rectification is exactly one of
 *   open     待整改        not yet fixed, its deadline not passed;
 *   overdue  已逾期        not yet fixed, past its deadline day (contracts' `isOverdue`);
 *   fixed    已整改待验收;
 *   verified 已验收;
 * and 未整改 = open + overdue. The four partition the rectifications, so a board's or a table's columns add
 * up to its total and 待整改 means the same number on every screen (the board once counted the overdue
 * in 待整改 too, while the indicator, which needs a partition to sum its rows, did not).
 * Which rectifications a figure counts is its own question, not part of the definition: the board is
 * today's backlog (every rectification not yet verified, whenever opened — the indicator over
 * [since ever, today], as the 整改逾期 to-do reads it); the indicator counts those opened in its period.
 * The ledger's status filter is a record filter, not a figure: its `open` is the stored status (the work
 * queue, overdue included, deadline first); its `overdue` is this rule.
 */
export const isRectificationOverdue = (alias: string, today: string) =>
  // As a plain predicate, so the partial index on open deadlines answers it.
  sql`(${sql.raw(alias)}.status = 'open' and ${sql.raw(alias)}.deadline < ${today}::date)`;
export const rectificationStatusOn = (alias: string, today: string) =>
  sql`(case when ${isRectificationOverdue(alias, today)} then 'overdue' else ${sql.raw(alias)}.status end)`;

export const rectificationSelect = (today: string) => sql`
  select r.id, r.household_id, ${householdLabelSql('h')} as household_label, ${headNameSql('h')} as head_name,
    r.org_unit_id, o.name as org_unit_name, r.inspection_id, r.item_code, r.problem, r.deadline::text as deadline,
    r.owner_name, r.status, ${isRectificationOverdue('r', today)} as is_overdue,
    r.fixed_on::text as fixed_on, r.fix_note, r.verified_on::text as verified_on, r.verified_by_name,
    r.version, r.created_at::text as created_at, r.updated_at::text as updated_at, r.deleted_at::text as deleted_at,
    ${photoIdsOf(courtyardRectificationPhotos, sql`r.id`, 'before')} as before_photo_ids,
    ${photoIdsOf(courtyardRectificationPhotos, sql`r.id`, 'after')} as after_photo_ids
  from courtyard_rectifications r
  join households h on h.id = r.household_id
  join org_units o on o.id = r.org_unit_id`;

export const toRectification = (r: Raw): Rectification => ({
  id: s(r.id),
  ...householdOf(r),
  headName: sn(r.head_name),
  ...villageOf(r),
  inspectionId: sn(r.inspection_id),
  itemCode: sn(r.item_code),
  problem: s(r.problem),
  deadline: s(r.deadline),
  ownerName: sn(r.owner_name),
  status: r.status as Rectification['status'],
  isOverdue: r.is_overdue as boolean,
  fixedOn: sn(r.fixed_on),
  fixNote: sn(r.fix_note),
  verifiedOn: sn(r.verified_on),
  verifiedByName: sn(r.verified_by_name),
  beforePhotoIds: r.before_photo_ids as string[],
  afterPhotoIds: r.after_photo_ids as string[],
  ...stamps(r),
});

export const findRectification = async (db: DbOrTx, scopePath: string, id: string, today: string) => {
  const [r] = await rows(
    db,
    sql`${rectificationSelect(today)} where r.id = ${id} and ${scoped('r.org_path', scopePath)}`,
  );
  return r ? toRectification(r) : undefined;
};

// History

export const ratingChangeSelect = sql`
  select c.id, c.household_id, ${householdLabelSql('h')} as household_label, c.org_unit_id, o.name as org_unit_name,
    c.month, c.effective_on::text as effective_on, c.from_rating, c.to_rating, c.average_score, c.reason,
    c.review_id, c.created_at::text as created_at
  from courtyard_rating_changes c join households h on h.id = c.household_id join org_units o on o.id = c.org_unit_id`;
export const toRatingChange = (r: Raw): RatingChange => ({
  id: s(r.id),
  ...householdOf(r),
  ...villageOf(r),
  month: s(r.month),
  effectiveOn: s(r.effective_on),
  fromRating: rating(r.from_rating),
  toRating: rating(r.to_rating),
  averageScore: r.average_score === null ? null : Number(r.average_score),
  reason: s(r.reason),
  reviewId: sn(r.review_id),
  createdAt: ts(r.created_at),
});

export const plaqueEventSelect = sql`
  select e.id, e.household_id, ${householdLabelSql('h')} as household_label, e.org_unit_id, o.name as org_unit_name,
    e.kind, e.from_level, e.to_level, e.occurred_on::text as occurred_on, e.reason, e.review_id,
    e.created_at::text as created_at
  from courtyard_plaque_events e join households h on h.id = e.household_id join org_units o on o.id = e.org_unit_id`;
export const toPlaqueEvent = (r: Raw): PlaqueEvent => ({
  id: s(r.id),
  ...householdOf(r),
  ...villageOf(r),
  kind: r.kind as PlaqueEvent['kind'],
  fromLevel: rating(r.from_level),
  toLevel: rating(r.to_level),
  occurredOn: s(r.occurred_on),
  reason: s(r.reason),
  reviewId: sn(r.review_id),
  createdAt: ts(r.created_at),
});

export const featuredSelect = sql`
  select f.id, f.household_id, ${householdLabelSql('h')} as household_label, ${headNameSql('h')} as head_name,
    f.org_unit_id, o.name as org_unit_name, f.category, f.designated_on::text as designated_on, f.note, f.version,
    f.created_at::text as created_at, f.updated_at::text as updated_at, f.deleted_at::text as deleted_at
  from courtyard_featured f join households h on h.id = f.household_id join org_units o on o.id = f.org_unit_id`;
export const toFeatured = (r: Raw): FeaturedDesignation => ({
  id: s(r.id),
  ...householdOf(r),
  headName: sn(r.head_name),
  ...villageOf(r),
  category: s(r.category),
  designatedOn: s(r.designated_on),
  note: sn(r.note),
  ...stamps(r),
});

/** A live household in scope, with its village path; undefined when out of scope or deleted. */
export const findHousehold = async (db: DbOrTx, scopePath: string, id: string) => {
  const [r] = await rows(
    db,
    sql`select h.id, h.org_unit_id, h.org_path, ${householdLabelSql('h')} as label, ${headNameSql('h')} as head_name,
      h.house_number, h.address
      from households h where h.id = ${id} and h.deleted_at is null and ${scoped('h.org_path', scopePath)}`,
  );
  return r
    ? {
        id: s(r.id),
        orgUnitId: s(r.org_unit_id),
        orgPath: s(r.org_path),
        label: s(r.label),
        headName: sn(r.head_name),
        houseNumber: sn(r.house_number),
        address: s(r.address),
      }
    : undefined;
};

/** A town-level unit (镇, 苏木 or street) the caller holds `permission` in: its path and name; 422 for another kind of unit. */
export const requireTown = async (
  db: DbOrTx,
  ctx: ServiceContext,
  townId: string,
  permission: 'courtyards.read' | 'courtyards.manage',
) => {
  const paths = await requireAccess(db, { actor: ctx.actor, permission, orgUnitIds: [townId] });
  const [unit] = await rows(db, sql`select kind, name from org_units where id = ${townId}`);
  if (levelOf(unit?.kind as string) !== 'town') throw invalid('townId', '请选择镇（苏木、街道）');
  return { path: paths.get(townId) as string, name: unit.name as string };
};
