import { and, eq, isNull, ne } from 'drizzle-orm';
import { maskName } from '../../../contracts/common/id-number';
import {
  ageInYear,
  type CreateScreeningInput,
  type ListScreeningsQuery,
  SCREENING_AGE_BAND,
  type Screening,
  screeningMessages,
  screeningProblems,
  type UpdateScreeningInput,
} from '../../../contracts/screenings';
import { resolveScopePath } from '../../kernel/access/access';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { isUniqueViolation } from '../../kernel/db/errors';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import {
  birthYearOf,
  findScreening,
  findWoman,
  listScreeningRows,
  type ScreeningRow,
} from './screenings.repository';
import { cancerScreenings } from './screenings.table';

const UNIQUE = 'cancer_screenings_person_year_uq';
const ID_TAKEN = '该筛查记录编号已被使用，请刷新后重新填写';
const duplicateOf = (year: number) => `该妇女${year}年度已有两癌筛查记录，请在原记录上修改`;

/** The audit row's label: masked name and year (health data: the log does not spell her name). */
const labelOf = (s: { personName: string; programmeYear: number }) =>
  `${maskName(s.personName)} ${s.programmeYear}年度两癌筛查`;

/** Sensitive: every get, list and export is audited; names are masked in lists and audit rows. */
export const screeningRecord = defineRecord({
  entityType: 'cancerScreening',
  table: cancerScreenings,
  label: '两癌筛查记录',
  auditModule: 'screenings',
  permissions: { read: 'screenings.read', write: 'screenings.write' },
  isSensitive: true,
  find: (db, _ctx, scopePath, id) => findScreening(db, scopePath, id),
  describe: (s: Screening) => labelOf(s),
  auditImage: ({ personName: _n, idNumberMasked: _i, ...kept }: Screening) => kept,
  onWriteError: (e, before) => {
    if (isUniqueViolation(e, UNIQUE)) throw new AppError('CONFLICT', duplicateOf(before?.programmeYear ?? 0));
  },
});

/** A page of the list (names masked), its reading audited. */
export const listScreenings = async (ctx: ServiceContext, q: ListScreeningsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'screenings.read', q.orgUnitId);
  return ctx.db.transaction(async (tx) => {
    const page = await listScreeningRows(tx, scopePath, q);
    await screeningRecord.recordRead(tx, ctx, 'list', page.items, scopePath);
    return page;
  });
};

export const getScreening = (ctx: ServiceContext, id: string) => screeningRecord.get(ctx, id);

type Woman = NonNullable<Awaited<ReturnType<typeof findWoman>>>;

/** Why a woman may not be screened in `year` (not female, age unknown or outside the band), or undefined. */
export const eligibilityProblem = (
  woman: Pick<Woman, 'gender' | 'birthDate' | 'approxBirthYear'>,
  year: number,
) => {
  if (woman.gender === 'male') return '两癌筛查对象须为女性（人员信息中登记为男性）';
  const birthYear = birthYearOf(woman);
  if (!birthYear) return '人员信息中没有出生日期或身份证号码，无法核对年龄，请先补充';
  const age = ageInYear(birthYear, year);
  const { min, max } = SCREENING_AGE_BAND;
  if (age < min || age > max) return `该妇女${year}年为${age}岁，不在两癌筛查适龄范围（${min}—${max}岁）内`;
  return undefined;
};

/** Dates may not lie in the future (the ledger records what has happened). */
const futureProblems = (
  v: Partial<Record<'mobilisedOn' | 'consentSignedOn' | 'screenedOn' | 'followUpDoneOn', string | null>>,
) => {
  const today = shanghaiToday();
  return (['mobilisedOn', 'consentSignedOn', 'screenedOn', 'followUpDoneOn'] as const).filter(
    (k) => !!v[k] && (v[k] as string) > today,
  );
};

/** Every rule over the record as it will be: refuses with the first problem's field and message. */
const requireValid = (v: Parameters<typeof screeningProblems>[0]) => {
  const future = futureProblems(v);
  if (future.length) throw invalid(future[0], screeningMessages.futureDate);
  const [problem] = screeningProblems(v);
  if (problem) throw invalid(problem[0], problem[1]);
};

/** A live record of the woman in the year other than `exceptId`: 409. */
const requireNoDuplicate = async (tx: DbOrTx, personId: string, year: number, exceptId?: string) => {
  const c = cancerScreenings;
  const [other] = await tx
    .select({ id: c.id })
    .from(c)
    .where(
      and(
        eq(c.personId, personId),
        eq(c.programmeYear, year),
        isNull(c.deletedAt),
        exceptId ? ne(c.id, exceptId) : undefined,
      ),
    );
  if (other) throw new AppError('CONFLICT', duplicateOf(year));
};

const sameContent = (row: ScreeningRow, input: CreateScreeningInput) =>
  row.personId === input.personId &&
  row.programmeYear === input.programmeYear &&
  row.category === input.category &&
  row.mobilisedOn === input.mobilisedOn &&
  row.consentSignedOn === (input.consentSignedOn ?? null) &&
  row.screenedOn === (input.screenedOn ?? null) &&
  row.site === (input.site ?? null) &&
  row.result === (input.result ?? null) &&
  row.followUpNote === (input.followUpNote ?? null) &&
  row.followUpDoneOn === (input.followUpDoneOn ?? null);

/** The woman, live in the caller's subtree; 404 otherwise. */
const requireWoman = async (tx: Tx, ctx: ServiceContext, personId: string) => {
  const woman = await findWoman(tx, ctx.actor.orgPath, personId);
  if (!woman) throw notFound('人员');
  return woman;
};

/**
 * Records a woman's screening in a programme year, in her own unit. A retry with the same client
 * id and content answers the saved record (nothing written); another record with that id is a clash.
 */
export const createScreening = (ctx: ServiceContext, input: CreateScreeningInput) =>
  ctx.db.transaction(async (tx) => {
    if (input.id) {
      const [row] = await tx
        .select()
        .from(cancerScreenings)
        .where(eq(cancerScreenings.id, input.id))
        .for('update');
      if (row) {
        if (!row.orgPath.startsWith(ctx.actor.orgPath) || !sameContent(row, input))
          throw new AppError('CONFLICT', ID_TAKEN);
        return { screening: await screeningRecord.image(tx, ctx, row.id), isReplay: true };
      }
    }
    const woman = await requireWoman(tx, ctx, input.personId);
    const path = await screeningRecord.unitPath(tx, ctx, woman.orgUnitId);
    const problem = eligibilityProblem(woman, input.programmeYear);
    if (problem) throw invalid('personId', problem);
    requireValid(input);
    await requireNoDuplicate(tx, woman.id, input.programmeYear);
    const id = input.id ?? uuidv7();
    const screening = await screeningRecord
      .create(tx, ctx, { id, orgPath: path }, () =>
        tx.insert(cancerScreenings).values({
          id,
          orgUnitId: woman.orgUnitId,
          orgPath: path,
          personId: woman.id,
          programmeYear: input.programmeYear,
          category: input.category,
          mobilisedOn: input.mobilisedOn,
          consentSignedOn: input.consentSignedOn ?? null,
          screenedOn: input.screenedOn ?? null,
          site: input.site || null,
          result: input.result ?? null,
          followUpNote: input.followUpNote || null,
          followUpDoneOn: input.followUpDoneOn ?? null,
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        }),
      )
      .catch((e) => {
        if (isUniqueViolation(e, UNIQUE)) throw new AppError('CONFLICT', duplicateOf(input.programmeYear));
        throw e;
      });
    return { screening, isReplay: false };
  });

/** An edit judged over the record as it will be (dates in order, result only after consent and screening). */
export const updateScreening = (ctx: ServiceContext, id: string, input: UpdateScreeningInput) =>
  screeningRecord.update(ctx, id, input.version, async (tx, row) => {
    const { version: _v, ...set } = input;
    const merged = { ...row, ...set };
    if (set.programmeYear !== undefined && set.programmeYear !== row.programmeYear) {
      const woman = await requireWoman(tx, ctx, row.personId);
      const problem = eligibilityProblem(woman, set.programmeYear);
      if (problem) throw invalid('programmeYear', problem);
      await requireNoDuplicate(tx, row.personId, set.programmeYear, id);
    }
    const future = futureProblems(set);
    if (future.length) throw invalid(future[0], screeningMessages.futureDate);
    const [problem] = screeningProblems({
      mobilisedOn: merged.mobilisedOn,
      consentSignedOn: merged.consentSignedOn,
      screenedOn: merged.screenedOn,
      result: merged.result as Screening['result'],
      followUpDoneOn: merged.followUpDoneOn,
    });
    if (problem) throw invalid(problem[0], problem[1]);
    await screeningRecord.write(tx, id, {
      ...set,
      ...(set.site !== undefined ? { site: set.site || null } : {}),
      ...(set.followUpNote !== undefined ? { followUpNote: set.followUpNote || null } : {}),
      updatedBy: ctx.actor.userId,
    });
  });

export const deleteScreening = (ctx: ServiceContext, id: string, version: number) =>
  screeningRecord.softDelete(ctx, id, version);

/** A restore may not make a second live record of the woman in the year. */
export const restoreScreening = (ctx: ServiceContext, id: string, version: number) =>
  screeningRecord.restore(ctx, id, version, (tx, row) =>
    requireNoDuplicate(tx, row.personId, row.programmeYear, row.id),
  );
