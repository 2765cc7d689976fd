import { and, asc, desc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { maskName } from '../../../contracts/common/id-number';
import {
  ageOn,
  type CancerAid,
  type CancerAidStepInput,
  type CreateCancerAidInput,
  cancerAidActionLabels,
  cancerAidFlow,
  cancerAidNext,
  cancerAidStatusLabels,
  DEFAULT_AID_AGE_BAND,
  type ListCancerAidQuery,
  type Step,
  type UpdateCancerAidInput,
} from '../../../contracts/donations';
import { isWithin, requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { readDocument, removeDocument, storeDocument } from '../../kernel/files/document-store';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { orderBy, pageOf, toListResult, totalCount } from '../../kernel/http/list';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { persons } from '../people/people.table';
import { actorUnit } from './donations.service';
import { cancerAidApplications as apps } from './donations.table';

/**
 * The age band (周岁 on the application date). 35–64 by default; a county whose programme differs sets
 * `BBT_CANCER_AID_AGE_BAND=min-max` for its server.
 */
export const aidAgeBand = () => {
  const m = /^(\d{1,2})-(\d{1,3})$/.exec(process.env.BBT_CANCER_AID_AGE_BAND ?? '');
  return m ? { min: Number(m[1]), max: Number(m[2]) } : DEFAULT_AID_AGE_BAND;
};

type Row = typeof apps.$inferSelect;
type Selected = { app: Row; orgUnitName: string; personName: string; birthDate: string | null };

const toCancerAid = (r: Selected, isMasked: boolean): CancerAid => ({
  id: r.app.id,
  orgUnitId: r.app.orgUnitId,
  orgUnitName: r.orgUnitName,
  personId: r.app.personId,
  personName: isMasked ? maskName(r.personName) : r.personName,
  ageAtApplication: r.birthDate ? ageOn(r.birthDate, r.app.appliedOn) : null,
  appliedOn: r.app.appliedOn,
  cancerType: r.app.cancerType as CancerAid['cancerType'],
  diagnosedOn: r.app.diagnosedOn,
  hospital: r.app.hospital,
  incomeCategory: r.app.incomeCategory as CancerAid['incomeCategory'],
  hasDocument: !!r.app.documentKey,
  documentType: r.app.documentType,
  status: r.app.status as CancerAid['status'],
  amountFen: r.app.amountFen,
  fund: r.app.fund as CancerAid['fund'],
  grantedOn: r.app.grantedOn,
  paidOn: r.app.paidOn,
  steps: r.app.steps as Step[],
  version: r.app.version,
  createdAt: iso(r.app.createdAt),
  updatedAt: iso(r.app.updatedAt),
  deletedAt: iso(r.app.deletedAt),
});

const selection = {
  app: apps,
  orgUnitName: orgUnits.name,
  personName: persons.name,
  birthDate: persons.birthDate,
};
const from = (db: DbOrTx) =>
  db
    .select(selection)
    .from(apps)
    .innerJoin(orgUnits, eq(orgUnits.id, apps.orgUnitId))
    .innerJoin(persons, eq(persons.id, apps.personId));

const findAid = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await from(db).where(and(eq(apps.id, id), scoped(apps.orgPath, scopePath)));
  return row && toCancerAid(row, false);
};

export const cancerAidRecord = defineRecord({
  entityType: 'cancerAid',
  table: apps,
  label: '两癌救助申请',
  auditModule: 'donations',
  permissions: { read: 'cancerAid.read', write: 'cancerAid.write' },
  isSensitive: true,
  find: (db, ctx, _scope, id) => findAid(db, ctx.actor.orgPath, id),
  describe: (a: CancerAid) => `${maskName(a.personName)} 两癌救助申请`,
});

export const listCancerAid = (ctx: ServiceContext, q: ListCancerAidQuery) =>
  ctx.db.transaction(async (tx) => {
    const scopePath = await resolveScopePath(tx, ctx.actor, 'cancerAid.read', q.orgUnitId);
    const me = await actorUnit(tx, ctx);
    const waiting =
      me.level === 'town'
        ? ['submitted']
        : me.level === 'county'
          ? ['townReviewed', 'countyReviewed', 'granted']
          : ['draft'];
    const where = and(
      scoped(apps.orgPath, scopePath),
      q.status === 'deleted' ? isNotNull(apps.deletedAt) : isNull(apps.deletedAt),
      q.state ? eq(apps.status, q.state) : undefined,
      q.waitingOnMe === '1' ? sql`${apps.status} in ${waiting}` : undefined,
    );
    const { limit, offset } = pageOf(q);
    const rows = await tx
      .select({ ...selection, totalCount: totalCount() })
      .from(apps)
      .innerJoin(orgUnits, eq(orgUnits.id, apps.orgUnitId))
      .innerJoin(persons, eq(persons.id, apps.personId))
      .where(where)
      .orderBy(...orderBy(q.sort, { appliedOn: apps.appliedOn }, [desc(apps.appliedOn), asc(apps.id)]))
      .limit(limit)
      .offset(offset);
    const count = async () =>
      (await tx.select({ n: sql<number>`count(*)::int` }).from(apps).where(where))[0].n;
    const result = await toListResult(rows, count, (r) => toCancerAid(r, true));
    await cancerAidRecord.recordRead(tx, ctx, 'list', result.items, scopePath);
    return result;
  });

export const getCancerAid = (ctx: ServiceContext, id: string) => cancerAidRecord.get(ctx, id);

/**
 * Files an application for a woman of the people ledger (the village files it, for her or with
 * her): in the age band on the application date, once per woman unless an earlier one was refused.
 */
export const createCancerAid = (ctx: ServiceContext, input: CreateCancerAidInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await cancerAidRecord.unitPath(tx, ctx, input.orgUnitId);
    const id = input.id ?? uuidv7();
    if (input.id) {
      const [existing] = await tx.select({ id: apps.id }).from(apps).where(eq(apps.id, id));
      if (existing) return { aid: await cancerAidRecord.image(tx, ctx, id), isReplay: true };
    }
    if (input.appliedOn > shanghaiToday()) throw invalid('appliedOn', '申请日期不能晚于今天');
    if (input.diagnosedOn && input.diagnosedOn > input.appliedOn)
      throw invalid('diagnosedOn', '确诊日期不能晚于申请日期');
    const [person] = await tx
      .select({
        name: persons.name,
        gender: persons.gender,
        birthDate: persons.birthDate,
        orgPath: persons.orgPath,
      })
      .from(persons)
      .where(
        and(
          eq(persons.id, input.personId),
          isNull(persons.deletedAt),
          scoped(persons.orgPath, ctx.actor.orgPath),
        ),
      );
    if (!person) throw notFound('人员');
    if (!isWithin(person.orgPath, path)) throw invalid('personId', '申请人不在所选村（社区）的人员台账中');
    if (person.gender === 'male') throw invalid('personId', '两癌救助的申请人须为女性');
    if (!person.birthDate)
      throw invalid('personId', '人员台账中没有该妇女的出生日期，无法核对年龄，请先补全出生日期或身份证号');
    const band = aidAgeBand();
    const age = ageOn(person.birthDate, input.appliedOn);
    if (age < band.min || age > band.max)
      throw invalid(
        'personId',
        `申请人在申请日期为${age}周岁，不在救助年龄范围（${band.min}至${band.max}周岁）内`,
      );
    const [earlier] = await tx
      .select({ status: apps.status })
      .from(apps)
      .where(and(eq(apps.personId, input.personId), isNull(apps.deletedAt), ne(apps.status, 'refused')));
    if (earlier)
      throw new AppError(
        'CONFLICT',
        `该妇女已有两癌救助申请（${cancerAidStatusLabels[earlier.status as CancerAid['status']].zh}），每人只能获得一次救助`,
      );
    const aid = await cancerAidRecord.create(tx, ctx, { id, orgPath: path }, () =>
      tx.insert(apps).values({
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        personId: input.personId,
        appliedOn: input.appliedOn,
        cancerType: input.cancerType,
        diagnosedOn: input.diagnosedOn ?? null,
        hospital: input.hospital ?? null,
        incomeCategory: input.incomeCategory,
        status: 'draft',
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
    return { aid, isReplay: false };
  });

export const updateCancerAid = (ctx: ServiceContext, id: string, input: UpdateCancerAidInput) =>
  cancerAidRecord.update(ctx, id, input.version, async (tx, row) => {
    if (!['draft', 'submitted'].includes(row.status))
      throw new AppError('CONFLICT', '申请已进入审核，不能修改');
    const { version: _v, ...set } = input;
    await cancerAidRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });

export const deleteCancerAid = (ctx: ServiceContext, id: string, version: number) =>
  cancerAidRecord.softDelete(ctx, id, version, async (_tx, row) => {
    if (row.status !== 'draft')
      throw new AppError('CONFLICT', '已申报的申请不能删除，可由审核单位作出不予救助的决定');
  });

export const restoreCancerAid = (ctx: ServiceContext, id: string, version: number) =>
  cancerAidRecord.restore(ctx, id, version);

const REVIEW_LEVEL: Record<string, 'village' | 'town' | 'county'> = {
  submit: 'village',
  townReview: 'town',
  countyReview: 'county',
  grant: 'county',
  pay: 'county',
};

/**
 * One step, in order only (村申报 → 镇初审 → 县复审 → 批准/不予救助 → 拨付): each by its level,
 * dated (not before the previous step, not in the future) and reasoned, kept on the row and audited.
 */
export const stepCancerAid = (ctx: ServiceContext, id: string, input: CancerAidStepInput) =>
  cancerAidRecord.update(
    ctx,
    id,
    input.version,
    async (tx, row) => {
      requirePermission(ctx.actor, input.action === 'submit' ? 'cancerAid.write' : 'cancerAid.review');
      const status = row.status as CancerAid['status'];
      if (!cancerAidFlow[input.action].includes(status))
        throw new AppError(
          'CONFLICT',
          `该申请当前为“${cancerAidStatusLabels[status].zh}”，不能${cancerAidActionLabels[input.action].zh}`,
        );
      const me = await actorUnit(tx, ctx);
      const needed =
        input.action === 'refuse' ? (status === 'submitted' ? 'town' : 'county') : REVIEW_LEVEL[input.action];
      if (needed !== 'village' && me.level !== needed)
        throw new AppError(
          'FORBIDDEN',
          `无权操作：${cancerAidActionLabels[input.action].zh}由${needed === 'town' ? '乡镇' : '县级'}妇联负责`,
        );
      if (input.action === 'submit' && !row.documentKey)
        throw invalid('document', '请先上传诊断证明材料（图片或PDF）再申报');
      const steps = row.steps as Step[];
      const last = steps[steps.length - 1];
      const floor = last?.on ?? row.appliedOn;
      if (input.on < floor) throw invalid('on', `日期不能早于上一步（${floor}）`);
      if (input.on > shanghaiToday()) throw invalid('on', '日期不能晚于今天');
      await cancerAidRecord.write(tx, id, {
        status: cancerAidNext[input.action],
        steps: [
          ...steps,
          {
            action: input.action,
            on: input.on,
            note: input.note ?? null,
            byName: ctx.actor.displayName,
            byUnit: me.name,
            at: new Date().toISOString(),
          },
        ],
        ...(input.action === 'grant'
          ? { amountFen: input.amountFen ?? null, fund: input.fund ?? null, grantedOn: input.on }
          : {}),
        ...(input.action === 'pay' ? { paidOn: input.on } : {}),
        updatedBy: ctx.actor.userId,
      });
    },
    input.action,
  );

/** Attaches the diagnosis document (image or PDF by its bytes); replaces an earlier one before review. */
/** Before the upload is read: the application is hers and still takes a document. */
export const checkDocumentUpload = async (ctx: ServiceContext, id: string) => {
  requirePermission(ctx.actor, 'cancerAid.write');
  const current = await findAid(ctx.db, ctx.actor.orgPath, id);
  if (!current || current.deletedAt) throw notFound('两癌救助申请');
  if (!['draft', 'submitted'].includes(current.status))
    throw new AppError('CONFLICT', '申请已进入审核，不能更换诊断材料');
  return current;
};

export const attachDocument = async (ctx: ServiceContext, dataDir: string, id: string, file: Buffer) => {
  const current = await checkDocumentUpload(ctx, id);
  const stored = await storeDocument(dataDir, file);
  let previous: string | null = null;
  try {
    const aid = await cancerAidRecord.update(
      ctx,
      id,
      current.version,
      async (tx, row) => {
        previous = row.documentKey;
        await cancerAidRecord.write(tx, id, {
          documentKey: stored.storageKey,
          documentType: stored.contentType,
          documentBytes: stored.bytes,
          updatedBy: ctx.actor.userId,
        });
      },
      'attachDocument',
    );
    if (previous) await removeDocument(dataDir, previous).catch(() => {});
    return aid;
  } catch (e) {
    await removeDocument(dataDir, stored.storageKey).catch(() => {});
    throw e;
  }
};

export const readAidDocument = async (ctx: ServiceContext, dataDir: string, id: string) => {
  const aid = await cancerAidRecord.get(ctx, id);
  const [row] = await ctx.db
    .select({ key: apps.documentKey, type: apps.documentType })
    .from(apps)
    .where(eq(apps.id, aid.id));
  if (!row?.key) throw notFound('诊断材料');
  return { body: await readDocument(dataDir, row.key), contentType: row.type ?? 'application/octet-stream' };
};
