import { type SQL, sql } from 'drizzle-orm';
import type { HouseholdFile } from '../../../contracts/courtyards';
import { scoped } from '../../kernel/access/access';
import type { Tx } from '../../kernel/db/connection';
import { type PhotoOwner, photoAttachments } from '../../kernel/files/photo-attachments';
import type { ServiceContext } from '../../kernel/service-context';
import { householdLabelSql, rows } from './courtyards.repository';
import { courtyardInspectionPhotos, courtyardRectificationPhotos } from './courtyards.table';

// Photos of inspections and of rectifications (before / after), through the kernel's one photo
// mechanism: the same upload checks, scope rule, audit and soft delete as activity photos.

export const MAX_PHOTOS_PER_RECORD = 9;

/** The live record in the caller's subtree, row-locked, labelled by its household. */
const lockRecord = async (
  tx: Tx,
  table: 'courtyard_inspections' | 'courtyard_rectifications',
  noun: string,
  scopePath: string,
  id: string,
) => {
  const [row] = await rows(
    tx,
    sql`select x.org_path, x.org_unit_id, x.deleted_at::text as deleted_at, ${householdLabelSql('h')} as household_label
      from ${sql.identifier(table)} x join households h on h.id = x.household_id
      where x.id = ${id} and ${scoped('x.org_path', scopePath)} for update of x`,
  );
  return (
    row && {
      orgPath: row.org_path as string,
      orgUnitId: row.org_unit_id as string,
      label: `${row.household_label as string} ${noun}`,
      deletedAt: (row.deleted_at ?? null) as string | null,
    }
  );
};

/** Bumps the record's version: its photo list changed, so a client holding the old one reloads. */
const touchRecord = (
  tx: Tx,
  table: 'courtyard_inspections' | 'courtyard_rectifications',
  id: string,
  userId: string,
) =>
  tx.execute(
    sql`update ${sql.identifier(table)} set version = version + 1, updated_at = now(), updated_by = ${userId} where id = ${id}`,
  );

const courtyardPhotoOwner = (
  table: 'courtyard_inspections' | 'courtyard_rectifications',
  noun: string,
): Pick<
  PhotoOwner,
  'module' | 'ownerNoun' | 'max' | 'limitMessage' | 'read' | 'write' | 'lock' | 'touch'
> => ({
  module: 'courtyards',
  ownerNoun: noun,
  max: MAX_PHOTOS_PER_RECORD,
  limitMessage: `每条${noun}最多上传${MAX_PHOTOS_PER_RECORD}张照片`,
  read: 'courtyards.read',
  write: 'courtyards.write',
  lock: (tx, scopePath, id) => lockRecord(tx, table, noun, scopePath, id),
  touch: (tx, id, userId) => touchRecord(tx, table, id, userId),
});

/** 检查照片: the problems an inspection found. */
export const inspectionPhotoOwner = {
  ...courtyardPhotoOwner('courtyard_inspections', '检查记录'),
  table: courtyardInspectionPhotos,
  entityType: 'courtyardInspectionPhoto',
} satisfies PhotoOwner;
export const inspectionPhotoFiles = photoAttachments(inspectionPhotoOwner);

/** 整改照片: `before` shows the problem, `after` the fix (needed before the household reports it fixed). */
export const rectificationPhotoOwner = {
  ...courtyardPhotoOwner('courtyard_rectifications', '整改记录'),
  table: courtyardRectificationPhotos,
  entityType: 'courtyardRectificationPhoto',
  phases: ['before', 'after'],
} satisfies PhotoOwner;
export const rectificationPhotoFiles = photoAttachments(rectificationPhotoOwner);

const ofHousehold = (table: string, householdId: string): SQL =>
  sql`(select x.id from ${sql.identifier(table)} x where x.household_id = ${householdId})`;

/**
 * The household's gallery (一户一档): every live photo of its inspections and rectifications, oldest
 * first, each with the record it hangs on (the record may since have been deleted; its photos stay).
 */
export const householdPhotos = async (
  ctx: ServiceContext,
  householdId: string,
): Promise<HouseholdFile['photos']> => {
  const inspections = await inspectionPhotoFiles.list(ctx, ofHousehold('courtyard_inspections', householdId));
  const rectifications = await rectificationPhotoFiles.list(
    ctx,
    ofHousehold('courtyard_rectifications', householdId),
  );
  return [
    ...inspections.map(({ ownerId, ...p }) => ({
      ...p,
      phase: 'inspection' as const,
      inspectionId: ownerId,
      rectificationId: null,
    })),
    ...rectifications.map(({ ownerId, ...p }) => ({
      ...p,
      phase: p.phase as 'before' | 'after',
      inspectionId: null,
      rectificationId: ownerId,
    })),
  ].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
};
