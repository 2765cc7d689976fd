import { and, asc, desc, eq, gte, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { maskName } from '../../../contracts/common/id-number';
import type {
  Beneficiary,
  Disbursement,
  Donation,
  Drive,
  ListBeneficiariesQuery,
  ListDisbursementsQuery,
  ListDonationsQuery,
  ListDrivesQuery,
  Step,
} from '../../../contracts/donations';
import { scoped, scopedAbove } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { likeEscape, orderBy, pageOf, toListResult, totalCount } from '../../kernel/http/list';
import { beneficiaries, disbursements, donations, fundraisingDrives } from './donations.table';

/** A minor (under 18 on the day) is shown masked in lists, as the care ledger's children are. */
export const isMinorOn = (birthDate: string | null, kind: string, on: string) => {
  if (!birthDate) return kind === 'student';
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0) < 18;
};

const meta = (r: { version: number; createdAt: string; updatedAt: string; deletedAt: string | null }) => ({
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});

// Drives ----------------------------------------------------------------------------------------

type DriveRow = typeof fundraisingDrives.$inferSelect;

export const toDrive = (r: { drive: DriveRow; orgUnitName: string }): Drive => ({
  id: r.drive.id,
  orgUnitId: r.drive.orgUnitId,
  orgUnitName: r.orgUnitName,
  name: r.drive.name,
  purpose: r.drive.purpose as Drive['purpose'],
  description: r.drive.description,
  startsOn: r.drive.startsOn,
  endsOn: r.drive.endsOn,
  targetFen: r.drive.targetFen,
  raisedFen: r.drive.raisedFen,
  inKindFen: r.drive.inKindFen,
  committedFen: r.drive.committedFen,
  paidFen: r.drive.paidFen,
  balanceFen: r.drive.balanceFen,
  ...meta(r.drive),
});

/**
 * The drives she sees: those of her subtree and those of the units above her (a town's drive is
 * handed down to its villages, which submit disbursements to it).
 */
export const drivesVisible = (scopePath: string) =>
  or(scoped(fundraisingDrives.orgPath, scopePath), scopedAbove(fundraisingDrives.orgPath, scopePath)) as SQL;

const driveFrom = (db: DbOrTx) =>
  db
    .select({ drive: fundraisingDrives, orgUnitName: orgUnits.name })
    .from(fundraisingDrives)
    .innerJoin(orgUnits, eq(orgUnits.id, fundraisingDrives.orgUnitId));

export const findDrive = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await driveFrom(db).where(and(eq(fundraisingDrives.id, id), drivesVisible(scopePath)));
  return row && toDrive(row);
};

export const listDriveRows = async (db: DbOrTx, scopePath: string, q: ListDrivesQuery) => {
  const where = and(
    drivesVisible(scopePath),
    q.status === 'deleted' ? isNotNull(fundraisingDrives.deletedAt) : isNull(fundraisingDrives.deletedAt),
    q.purpose ? eq(fundraisingDrives.purpose, q.purpose) : undefined,
    q.q ? sql`${fundraisingDrives.name} ilike ${likeEscape(q.q)}` : undefined,
  );
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ drive: fundraisingDrives, orgUnitName: orgUnits.name, totalCount: totalCount() })
    .from(fundraisingDrives)
    .innerJoin(orgUnits, eq(orgUnits.id, fundraisingDrives.orgUnitId))
    .where(where)
    .orderBy(
      ...orderBy(q.sort, { startsOn: fundraisingDrives.startsOn, name: fundraisingDrives.name }, [
        desc(fundraisingDrives.startsOn),
        asc(fundraisingDrives.id),
      ]),
    )
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(fundraisingDrives).where(where))[0].n;
  return toListResult(rows, count, toDrive);
};

// Donations -------------------------------------------------------------------------------------

type DonationRow = typeof donations.$inferSelect;
type DonationSelected = { donation: DonationRow; driveName: string; orgUnitName: string };

export const toDonation = (r: DonationSelected): Donation => ({
  id: r.donation.id,
  driveId: r.donation.driveId,
  driveName: r.driveName,
  orgUnitId: r.donation.orgUnitId,
  orgUnitName: r.orgUnitName,
  donorName: r.donation.donorName,
  donorKind: r.donation.donorKind as Donation['donorKind'],
  isAnonymous: r.donation.isAnonymous,
  kind: r.donation.kind as Donation['kind'],
  amountFen: r.donation.amountFen,
  method: r.donation.method as Donation['method'],
  receivedOn: r.donation.receivedOn,
  receiptNo: r.donation.receiptNo,
  items: r.donation.items,
  estimatedValueFen: r.donation.estimatedValueFen,
  note: r.donation.note,
  ...meta(r.donation),
});

const donationSelection = {
  donation: donations,
  driveName: fundraisingDrives.name,
  orgUnitName: orgUnits.name,
};
const donationFrom = (db: DbOrTx) =>
  db
    .select(donationSelection)
    .from(donations)
    .innerJoin(fundraisingDrives, eq(fundraisingDrives.id, donations.driveId))
    .innerJoin(orgUnits, eq(orgUnits.id, donations.orgUnitId));

export const findDonation = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await donationFrom(db).where(and(eq(donations.id, id), drivesVisible(scopePath)));
  return row && toDonation(row);
};

export type DonationFilters = Omit<ListDonationsQuery, 'page' | 'pageSize' | 'sort'>;
export const donationFilters = (scopePath: string, q: DonationFilters) =>
  and(
    drivesVisible(scopePath),
    q.status === 'deleted' ? isNotNull(donations.deletedAt) : isNull(donations.deletedAt),
    q.driveId ? eq(donations.driveId, q.driveId) : undefined,
    q.kind ? eq(donations.kind, q.kind) : undefined,
    q.from ? gte(donations.receivedOn, q.from) : undefined,
    q.to ? lte(donations.receivedOn, q.to) : undefined,
    q.q
      ? or(
          sql`${donations.donorName} ilike ${likeEscape(q.q)}`,
          sql`${donations.receiptNo} ilike ${likeEscape(q.q)}`,
        )
      : undefined,
  );

export const listDonationRows = async (db: DbOrTx, scopePath: string, q: ListDonationsQuery) => {
  const where = donationFilters(scopePath, q);
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ ...donationSelection, totalCount: totalCount() })
    .from(donations)
    .innerJoin(fundraisingDrives, eq(fundraisingDrives.id, donations.driveId))
    .innerJoin(orgUnits, eq(orgUnits.id, donations.orgUnitId))
    .where(where)
    .orderBy(
      ...orderBy(q.sort, { receivedOn: donations.receivedOn, amountFen: donations.amountFen }, [
        desc(donations.receivedOn),
        asc(donations.id),
      ]),
    )
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(donations)
        .innerJoin(fundraisingDrives, eq(fundraisingDrives.id, donations.driveId))
        .where(where)
    )[0].n;
  return toListResult(rows, count, toDonation);
};

/** Keyset batches for the export, oldest first. */
export async function* donationBatches(db: DbOrTx, scopePath: string, q: DonationFilters) {
  let after: { on: string; id: string } | undefined;
  for (;;) {
    const rows = await donationFrom(db)
      .where(
        and(
          donationFilters(scopePath, q),
          after
            ? sql`(${donations.receivedOn}, ${donations.id}) > (${after.on}::date, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(donations.receivedOn), asc(donations.id))
      .limit(2000);
    if (rows.length === 0) return;
    yield rows.map(toDonation);
    const last = rows[rows.length - 1].donation;
    after = { on: last.receivedOn, id: last.id };
    if (rows.length < 2000) return;
  }
}

// Beneficiaries ---------------------------------------------------------------------------------

type BeneficiaryRow = typeof beneficiaries.$inferSelect;

export const toBeneficiary = (
  r: { beneficiary: BeneficiaryRow; orgUnitName: string },
  today: string,
  isMasked: boolean,
): Beneficiary => {
  const b = r.beneficiary;
  const isMinor = isMinorOn(b.birthDate, b.kind, today);
  return {
    id: b.id,
    orgUnitId: b.orgUnitId,
    orgUnitName: r.orgUnitName,
    name: isMasked && isMinor ? maskName(b.name) : b.name,
    isMinor,
    kind: b.kind as Beneficiary['kind'],
    gender: b.gender as Beneficiary['gender'],
    birthDate: b.birthDate,
    school: b.school,
    grade: b.grade,
    familySituation: b.familySituation,
    guardianName: isMasked && b.guardianName ? maskName(b.guardianName) : b.guardianName,
    personId: b.personId,
    note: b.note,
    ...meta(b),
  };
};

const beneficiaryFrom = (db: DbOrTx) =>
  db
    .select({ beneficiary: beneficiaries, orgUnitName: orgUnits.name })
    .from(beneficiaries)
    .innerJoin(orgUnits, eq(orgUnits.id, beneficiaries.orgUnitId));

export const findBeneficiary = async (db: DbOrTx, scopePath: string, id: string, today: string) => {
  const [row] = await beneficiaryFrom(db).where(
    and(eq(beneficiaries.id, id), scoped(beneficiaries.orgPath, scopePath)),
  );
  return row && toBeneficiary(row, today, false);
};

export const listBeneficiaryRows = async (
  db: DbOrTx,
  scopePath: string,
  q: ListBeneficiariesQuery,
  today: string,
) => {
  const where = and(
    scoped(beneficiaries.orgPath, scopePath),
    q.status === 'deleted' ? isNotNull(beneficiaries.deletedAt) : isNull(beneficiaries.deletedAt),
    q.kind ? eq(beneficiaries.kind, q.kind) : undefined,
  );
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ beneficiary: beneficiaries, orgUnitName: orgUnits.name, totalCount: totalCount() })
    .from(beneficiaries)
    .innerJoin(orgUnits, eq(orgUnits.id, beneficiaries.orgUnitId))
    .where(where)
    .orderBy(asc(orgUnits.name), asc(beneficiaries.createdAt), asc(beneficiaries.id))
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(beneficiaries).where(where))[0].n;
  return toListResult(rows, count, (r) => toBeneficiary(r, today, true));
};

// Disbursements ---------------------------------------------------------------------------------

type DisbursementRow = typeof disbursements.$inferSelect;
type DisbursementSelected = {
  disbursement: DisbursementRow;
  driveName: string;
  orgUnitName: string;
  beneficiaryName: string;
  beneficiaryKind: string;
  beneficiaryBirthDate: string | null;
};

export const toDisbursement = (r: DisbursementSelected, today: string, isMasked: boolean): Disbursement => {
  const d = r.disbursement;
  const isMinor = isMinorOn(r.beneficiaryBirthDate, r.beneficiaryKind, today);
  return {
    id: d.id,
    driveId: d.driveId,
    driveName: r.driveName,
    beneficiaryId: d.beneficiaryId,
    beneficiaryName: isMasked && isMinor ? maskName(r.beneficiaryName) : r.beneficiaryName,
    beneficiaryKind: r.beneficiaryKind as Disbursement['beneficiaryKind'],
    orgUnitId: d.orgUnitId,
    orgUnitName: r.orgUnitName,
    amountFen: d.amountFen,
    purpose: d.purpose,
    status: d.status as Disbursement['status'],
    submittedOn: d.submittedOn,
    paidOn: d.paidOn,
    paidMethod: d.paidMethod as Disbursement['paidMethod'],
    payer: d.payer,
    steps: d.steps as Step[],
    ...meta(d),
  };
};

const disbursementSelection = {
  disbursement: disbursements,
  driveName: fundraisingDrives.name,
  orgUnitName: orgUnits.name,
  beneficiaryName: beneficiaries.name,
  beneficiaryKind: beneficiaries.kind,
  beneficiaryBirthDate: beneficiaries.birthDate,
};
const disbursementFrom = (db: DbOrTx) =>
  db
    .select(disbursementSelection)
    .from(disbursements)
    .innerJoin(fundraisingDrives, eq(fundraisingDrives.id, disbursements.driveId))
    .innerJoin(orgUnits, eq(orgUnits.id, disbursements.orgUnitId))
    .innerJoin(beneficiaries, eq(beneficiaries.id, disbursements.beneficiaryId));

/**
 * A disbursement she may see: one of her subtree (the village's own), or one to a drive her unit owns
 * or lies under (the drive's owner approves and pays them).
 */
export const disbursementsVisible = (scopePath: string) =>
  or(scoped(disbursements.orgPath, scopePath), scoped(fundraisingDrives.orgPath, scopePath)) as SQL;

export const findDisbursement = async (db: DbOrTx, scopePath: string, id: string, today: string) => {
  const [row] = await disbursementFrom(db).where(
    and(eq(disbursements.id, id), disbursementsVisible(scopePath)),
  );
  return row && toDisbursement(row, today, false);
};

export type DisbursementFilters = Omit<ListDisbursementsQuery, 'page' | 'pageSize' | 'sort'>;
export const disbursementFilters = (
  scopePath: string,
  q: DisbursementFilters,
  me: { orgUnitId: string; level: string },
) =>
  and(
    disbursementsVisible(scopePath),
    q.status === 'deleted' ? isNotNull(disbursements.deletedAt) : isNull(disbursements.deletedAt),
    q.driveId ? eq(disbursements.driveId, q.driveId) : undefined,
    q.beneficiaryId ? eq(disbursements.beneficiaryId, q.beneficiaryId) : undefined,
    q.state ? eq(disbursements.status, q.state) : undefined,
    q.waitingOnMe === '1'
      ? or(
          me.level === 'town'
            ? and(eq(disbursements.status, 'submitted'), scoped(disbursements.orgPath, scopePath))
            : sql`false`,
          and(
            sql`${disbursements.status} in ('townApproved', 'ownerApproved')`,
            eq(fundraisingDrives.orgUnitId, me.orgUnitId),
          ),
        )
      : undefined,
  );

export const listDisbursementRows = async (
  db: DbOrTx,
  scopePath: string,
  q: ListDisbursementsQuery,
  me: { orgUnitId: string; level: string },
  today: string,
) => {
  const where = disbursementFilters(scopePath, q, me);
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ ...disbursementSelection, totalCount: totalCount() })
    .from(disbursements)
    .innerJoin(fundraisingDrives, eq(fundraisingDrives.id, disbursements.driveId))
    .innerJoin(orgUnits, eq(orgUnits.id, disbursements.orgUnitId))
    .innerJoin(beneficiaries, eq(beneficiaries.id, disbursements.beneficiaryId))
    .where(where)
    .orderBy(
      ...orderBy(q.sort, { submittedOn: disbursements.submittedOn, amountFen: disbursements.amountFen }, [
        desc(disbursements.submittedOn),
        asc(disbursements.id),
      ]),
    )
    .limit(limit)
    .offset(offset);
  const count = async () =>
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(disbursements)
        .innerJoin(fundraisingDrives, eq(fundraisingDrives.id, disbursements.driveId))
        .where(where)
    )[0].n;
  return toListResult(rows, count, (r) => toDisbursement(r, today, true));
};

/** Keyset batches for the export, oldest first (beneficiaries masked as in lists). */
export async function* disbursementBatches(
  db: DbOrTx,
  scopePath: string,
  q: DisbursementFilters,
  me: { orgUnitId: string; level: string },
  today: string,
) {
  let after: { on: string; id: string } | undefined;
  for (;;) {
    const rows = await disbursementFrom(db)
      .where(
        and(
          disbursementFilters(scopePath, q, me),
          after
            ? sql`(${disbursements.submittedOn}, ${disbursements.id}) > (${after.on}::date, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(disbursements.submittedOn), asc(disbursements.id))
      .limit(2000);
    if (rows.length === 0) return;
    yield rows.map((r) => toDisbursement(r, today, true));
    const last = rows[rows.length - 1].disbursement;
    after = { on: last.submittedOn, id: last.id };
    if (rows.length < 2000) return;
  }
}
