import { sql } from 'drizzle-orm';
import type {
  CreateDutyProjectInput,
  CreateDutyRecordInput,
  CreateDutyRuleInput,
  DutyCompliance,
  DutyFulfilment,
  DutyProject,
  DutyRecord,
  DutyRecordKind,
  DutyRhythm,
  DutyRule,
  ListDutyProjectsQuery,
  ListDutyRecordsQuery,
  ListDutyRulesQuery,
  MemberDuties,
  UpdateDutyProjectInput,
  UpdateDutyRecordInput,
  UpdateDutyRuleInput,
} from '../../../contracts/honours';
import { requirePermission, resolveScopePath, scoped, scopedAbove } from '../../kernel/access/access';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, invalid, notFound } from '../../kernel/http/errors';
import { listPage } from '../../kernel/http/list';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { dutyMembersSql, dutyPeriodsSql } from './duty-compliance';
import { dutyProjects, dutyRecords, dutyRules } from './honours.table';

type Raw = Record<string, unknown>;
const meta = (r: Raw) => ({
  version: Number(r.version),
  createdAt: iso(r.created_at as string),
  updatedAt: iso(r.updated_at as string),
  deletedAt: iso((r.deleted_at as string | null) ?? null),
});
const metaCols = sql`x.version, x.created_at::text as created_at, x.updated_at::text as updated_at,
  x.deleted_at::text as deleted_at`;
const deletedWhere = (deleted: '0' | '1') =>
  deleted === '1' ? sql`x.deleted_at is not null` : sql`x.deleted_at is null`;

// Rules -----------------------------------------------------------------------------------------

const ruleSelect = sql`select x.id, x.org_unit_id, u.name as org_unit_name, x.org_path, x.name, x.rhythm,
    x.fulfilled_by, x.times, ${metaCols}
  from duty_rules x join org_units u on u.id = x.org_unit_id`;
const toRule = (r: Raw): DutyRule => ({
  id: r.id as string,
  orgUnitId: r.org_unit_id as string,
  orgUnitName: r.org_unit_name as string,
  name: r.name as string,
  rhythm: r.rhythm as DutyRhythm,
  fulfilledBy: r.fulfilled_by as DutyFulfilment,
  times: Number(r.times),
  ...meta(r),
});
const findOne = async <T>(
  db: DbOrTx,
  select: ReturnType<typeof sql>,
  scopePath: string,
  id: string,
  map: (r: Raw) => T,
) => {
  const res = await db.execute(
    sql`${select} where x.id = ${id}::uuid and ${scoped('x.org_path', scopePath)}`,
  );
  const row = res.rows[0] as Raw | undefined;
  return row && map(row);
};

export const dutyRuleRecord = defineRecord({
  entityType: 'dutyRule',
  table: dutyRules,
  label: '履职规则',
  auditModule: 'honours',
  permissions: { read: 'honours.read', write: 'honours.write' },
  find: (db, _ctx, scopePath, id) => findOne(db, ruleSelect, scopePath, id, toRule),
  describe: (r: DutyRule) => r.name,
  isHandedDown: true,
});

/** The rules in force for the scope: its own and its subtree's, and those handed down from above. */
export const listDutyRules = async (ctx: ServiceContext, q: ListDutyRulesQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'honours.read', q.orgUnitId);
  return listPage(
    ctx.db,
    {
      select: ruleSelect,
      where: sql`(${scoped('x.org_path', scopePath)} or ${scopedAbove('x.org_path', scopePath)}) and ${deletedWhere(q.deleted)}`,
      order: [sql`x.org_path`, sql`x.name`],
    },
    q,
    toRule,
  );
};
export const getDutyRule = (ctx: ServiceContext, id: string) => dutyRuleRecord.get(ctx, id);
export const createDutyRule = (ctx: ServiceContext, input: CreateDutyRuleInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await dutyRuleRecord.unitPath(tx, ctx, input.orgUnitId);
    const id = uuidv7();
    return dutyRuleRecord.create(tx, ctx, { id, orgPath: path }, () =>
      tx.insert(dutyRules).values({
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        name: input.name,
        rhythm: input.rhythm,
        fulfilledBy: input.fulfilledBy,
        times: input.times,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
  });
export const updateDutyRule = (ctx: ServiceContext, id: string, input: UpdateDutyRuleInput) =>
  dutyRuleRecord.update(ctx, id, input.version, async (tx) => {
    const { version: _v, ...set } = input;
    await dutyRuleRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });
export const deleteDutyRule = (ctx: ServiceContext, id: string, version: number) =>
  dutyRuleRecord.softDelete(ctx, id, version);
export const restoreDutyRule = (ctx: ServiceContext, id: string, version: number) =>
  dutyRuleRecord.restore(ctx, id, version);

// Members and their terms ----------------------------------------------------------------------

/**
 * The member must be a live person the caller may see (404 otherwise) who held an executive-member
 * term on `on`; a record dated outside every term of hers is refused, naming her terms.
 */
const requireMemberOn = async (tx: Tx, ctx: ServiceContext, memberId: string, on: string, field: string) => {
  const res = await tx.execute(sql`select p.name,
      coalesce(array_agg(t.started_on::text || '至' || coalesce(t.ended_on::text, '今') order by t.started_on)
        filter (where t.id is not null), '{}') as terms,
      bool_or(t.started_on <= ${on}::date and (t.ended_on is null or t.ended_on >= ${on}::date)) as is_in_term
    from persons p
    left join role_terms t on t.person_id = p.id and t.role = 'executiveMember' and t.deleted_at is null
    where p.id = ${memberId}::uuid and p.deleted_at is null and ${scoped('p.org_path', ctx.actor.orgPath)}
    group by p.id, p.name`);
  const row = res.rows[0] as { name: string; terms: string[]; is_in_term: boolean | null } | undefined;
  if (!row) throw notFound('执委');
  if (row.terms.length === 0) throw invalid('memberId', `${row.name}没有执委任职记录，请先登记其执委任期`);
  if (!row.is_in_term)
    throw invalid(
      field,
      `${on}不在${row.name}的执委任期内（任期：${row.terms.join('，')}），不能登记该日期的履职记录`,
    );
  return row.name;
};

// Duty records ---------------------------------------------------------------------------------

const recordSelect = sql`select x.id, x.org_unit_id, u.name as org_unit_name, x.org_path, x.member_id,
    p.name as member_name, x.kind, x.occurred_on::text as occurred_on, x.women_contacted,
    x.households_contacted, x.matters, x.follow_up, ${metaCols}
  from duty_records x join org_units u on u.id = x.org_unit_id join persons p on p.id = x.member_id`;
const toDutyRecord = (r: Raw): DutyRecord => ({
  id: r.id as string,
  orgUnitId: r.org_unit_id as string,
  orgUnitName: r.org_unit_name as string,
  memberId: r.member_id as string,
  memberName: r.member_name as string,
  kind: r.kind as DutyRecordKind,
  occurredOn: r.occurred_on as string,
  womenContacted: Number(r.women_contacted),
  householdsContacted: Number(r.households_contacted),
  matters: (r.matters as string | null) ?? null,
  followUp: (r.follow_up as string | null) ?? null,
  ...meta(r),
});

export const dutyRecordRecord = defineRecord({
  entityType: 'dutyRecord',
  table: dutyRecords,
  label: '履职记录',
  auditModule: 'honours',
  permissions: { read: 'honours.read', write: 'honours.write' },
  find: (db, _ctx, scopePath, id) => findOne(db, recordSelect, scopePath, id, toDutyRecord),
  describe: (r: DutyRecord) => `${r.occurredOn} ${r.memberName}`,
});

export const listDutyRecords = async (ctx: ServiceContext, q: ListDutyRecordsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'honours.read', q.orgUnitId);
  const parts = [scoped('x.org_path', scopePath), deletedWhere(q.deleted)];
  if (q.memberId) parts.push(sql`x.member_id = ${q.memberId}::uuid`);
  if (q.kind) parts.push(sql`x.kind = ${q.kind}`);
  if (q.from) parts.push(sql`x.occurred_on >= ${q.from}::date`);
  if (q.to) parts.push(sql`x.occurred_on <= ${q.to}::date`);
  return listPage(
    ctx.db,
    {
      select: recordSelect,
      where: sql.join(parts, sql` and `),
      order: [sql`x.occurred_on desc`, sql`x.id`],
      countFrom: sql`from duty_records x`,
    },
    q,
    toDutyRecord,
  );
};
export const getDutyRecord = (ctx: ServiceContext, id: string) => dutyRecordRecord.get(ctx, id);

const FUTURE = '履职日期不能晚于今天';

/** Logs a contact, visit, duty-chair turn or report; a retry with the same client id answers the saved one. */
export const createDutyRecord = (ctx: ServiceContext, input: CreateDutyRecordInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await dutyRecordRecord.unitPath(tx, ctx, input.orgUnitId);
    if (input.id) {
      const [saved] = (
        await tx.execute(sql`select id, org_path, member_id, occurred_on::text as on, kind
        from duty_records where id = ${input.id}::uuid for update`)
      ).rows as Raw[];
      if (saved) {
        const same =
          saved.org_path === path &&
          saved.member_id === input.memberId &&
          saved.on === input.occurredOn &&
          saved.kind === input.kind;
        if (!same) throw new AppError('CONFLICT', '该记录编号已被使用，请刷新后重新填写');
        return { record: await dutyRecordRecord.image(tx, ctx, input.id), isReplay: true };
      }
    }
    if (input.occurredOn > shanghaiToday()) throw invalid('occurredOn', FUTURE);
    await requireMemberOn(tx, ctx, input.memberId, input.occurredOn, 'occurredOn');
    const id = input.id ?? uuidv7();
    const record = await dutyRecordRecord.create(tx, ctx, { id, orgPath: path }, () =>
      tx.insert(dutyRecords).values({
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        memberId: input.memberId,
        kind: input.kind,
        occurredOn: input.occurredOn,
        womenContacted: input.womenContacted,
        householdsContacted: input.householdsContacted,
        matters: input.matters ?? null,
        followUp: input.followUp ?? null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
    return { record, isReplay: false };
  });
export const updateDutyRecord = (ctx: ServiceContext, id: string, input: UpdateDutyRecordInput) =>
  dutyRecordRecord.update(ctx, id, input.version, async (tx, row) => {
    if (input.occurredOn) {
      if (input.occurredOn > shanghaiToday()) throw invalid('occurredOn', FUTURE);
      await requireMemberOn(tx, ctx, row.memberId, input.occurredOn, 'occurredOn');
    }
    const { version: _v, ...set } = input;
    await dutyRecordRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
  });
export const deleteDutyRecord = (ctx: ServiceContext, id: string, version: number) =>
  dutyRecordRecord.softDelete(ctx, id, version);
export const restoreDutyRecord = (ctx: ServiceContext, id: string, version: number) =>
  dutyRecordRecord.restore(ctx, id, version);

// Projects (项目领办) ---------------------------------------------------------------------------

const projectSelect = sql`select x.id, x.org_unit_id, u.name as org_unit_name, x.org_path, x.member_id,
    p.name as member_name, x.title, x.claimed_on::text as claimed_on, x.progress, x.progress_note,
    x.done_on::text as done_on, x.evidence, ${metaCols}
  from duty_projects x join org_units u on u.id = x.org_unit_id join persons p on p.id = x.member_id`;
const toProject = (r: Raw): DutyProject => ({
  id: r.id as string,
  orgUnitId: r.org_unit_id as string,
  orgUnitName: r.org_unit_name as string,
  memberId: r.member_id as string,
  memberName: r.member_name as string,
  title: r.title as string,
  claimedOn: r.claimed_on as string,
  progress: Number(r.progress),
  progressNote: (r.progress_note as string | null) ?? null,
  doneOn: (r.done_on as string | null) ?? null,
  evidence: (r.evidence as string | null) ?? null,
  ...meta(r),
});

export const dutyProjectRecord = defineRecord({
  entityType: 'dutyProject',
  table: dutyProjects,
  label: '领办项目',
  auditModule: 'honours',
  permissions: { read: 'honours.read', write: 'honours.write' },
  find: (db, _ctx, scopePath, id) => findOne(db, projectSelect, scopePath, id, toProject),
  describe: (p: DutyProject) => `${p.memberName} ${p.title}`,
});

export const listDutyProjects = async (ctx: ServiceContext, q: ListDutyProjectsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'honours.read', q.orgUnitId);
  const parts = [scoped('x.org_path', scopePath), deletedWhere(q.deleted)];
  if (q.memberId) parts.push(sql`x.member_id = ${q.memberId}::uuid`);
  if (q.done === '1') parts.push(sql`x.done_on is not null`);
  if (q.done === '0') parts.push(sql`x.done_on is null`);
  return listPage(
    ctx.db,
    { select: projectSelect, where: sql.join(parts, sql` and `), order: [sql`x.claimed_on desc`, sql`x.id`] },
    q,
    toProject,
  );
};
export const getDutyProject = (ctx: ServiceContext, id: string) => dutyProjectRecord.get(ctx, id);
export const createDutyProject = (ctx: ServiceContext, input: CreateDutyProjectInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await dutyProjectRecord.unitPath(tx, ctx, input.orgUnitId);
    if (input.claimedOn > shanghaiToday()) throw invalid('claimedOn', '认领日期不能晚于今天');
    await requireMemberOn(tx, ctx, input.memberId, input.claimedOn, 'claimedOn');
    const id = uuidv7();
    return dutyProjectRecord.create(tx, ctx, { id, orgPath: path }, () =>
      tx.insert(dutyProjects).values({
        id,
        orgUnitId: input.orgUnitId,
        orgPath: path,
        memberId: input.memberId,
        title: input.title,
        claimedOn: input.claimedOn,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      }),
    );
  });

/** Progress, and completion: a done date needs evidence, falls in her term, not before the claim. */
export const updateDutyProject = (ctx: ServiceContext, id: string, input: UpdateDutyProjectInput) =>
  dutyProjectRecord.update(ctx, id, input.version, async (tx, row) => {
    const doneOn = input.doneOn === undefined ? row.doneOn : input.doneOn;
    const evidence = input.evidence === undefined ? row.evidence : input.evidence;
    if (doneOn) {
      if (!evidence) throw invalid('evidence', '标记完成时请填写完成佐证（成效、照片说明或文件名）');
      if (doneOn < row.claimedOn) throw invalid('doneOn', '完成日期不能早于认领日期');
      if (doneOn > shanghaiToday()) throw invalid('doneOn', '完成日期不能晚于今天');
      if (doneOn !== row.doneOn) await requireMemberOn(tx, ctx, row.memberId, doneOn, 'doneOn');
    }
    const { version: _v, ...set } = input;
    await dutyProjectRecord.write(tx, id, {
      ...set,
      ...(doneOn && input.progress === undefined ? { progress: 100 } : {}),
      updatedBy: ctx.actor.userId,
    });
  });
export const deleteDutyProject = (ctx: ServiceContext, id: string, version: number) =>
  dutyProjectRecord.softDelete(ctx, id, version);
export const restoreDutyProject = (ctx: ServiceContext, id: string, version: number) =>
  dutyProjectRecord.restore(ctx, id, version);

// Compliance and the due list ------------------------------------------------------------------

/** The day compliance is read at: the year's last day, or today while the year runs. */
export const asOfFor = (year: number, today = shanghaiToday()) => {
  const end = `${year}-12-31`;
  return today < end ? today : end;
};

/** Compliance per member of the scope for a year, computed from the records (one SQL source). */
export const dutyCompliance = async (
  ctx: ServiceContext,
  q: { orgUnitId?: string; year: number },
): Promise<DutyCompliance> => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'honours.read', q.orgUnitId);
  const asOf = asOfFor(q.year);
  const res = await ctx.db.execute(sql`select x.*, p.name as member_name, u.name as org_unit_name
    from (${dutyMembersSql({ scopePath, year: q.year, asOf })}) x
    join persons p on p.id = x.member_id join org_units u on u.id = x.org_unit_id
    order by u.path, p.name_pinyin, x.member_id`);
  const items = (res.rows as Raw[]).map((r) => ({
    memberId: r.member_id as string,
    memberName: r.member_name as string,
    orgUnitId: r.org_unit_id as string,
    orgUnitName: r.org_unit_name as string,
    periodsDue: Number(r.periods_due),
    periodsMet: Number(r.periods_met),
    isCompliant: r.status === 'met',
  }));
  return {
    year: q.year,
    asOf,
    members: items.length,
    compliant: items.filter((i) => i.isCompliant).length,
    items,
  };
};

/** A member's due list: each rule's periods of the year with what is required and recorded. */
export const memberDuties = async (
  ctx: ServiceContext,
  memberId: string,
  q: { year: number },
): Promise<MemberDuties> => {
  requirePermission(ctx.actor, 'honours.read');
  const [person] = (
    await ctx.db.execute(sql`select name from persons where id = ${memberId}::uuid
      and deleted_at is null and ${scoped('org_path', ctx.actor.orgPath)}`)
  ).rows as { name: string }[];
  if (!person) throw notFound('执委');
  const asOf = asOfFor(q.year);
  const res = await ctx.db.execute(
    sql`select * from (${dutyPeriodsSql({
      scopePath: ctx.actor.orgPath,
      year: q.year,
      asOf,
      memberId,
    })}) x order by x.ps, x.rule_name`,
  );
  return {
    memberId,
    memberName: person.name,
    year: q.year,
    asOf,
    items: (res.rows as Raw[]).map((r) => {
      const done = Number(r.done);
      const required = Number(r.times);
      const ps = r.ps as string;
      const state = done >= required ? 'met' : r.is_ended ? 'missed' : ps <= asOf ? 'due' : 'upcoming';
      return {
        ruleId: r.rule_id as string,
        ruleName: r.rule_name as string,
        rhythm: r.rhythm as DutyRhythm,
        fulfilledBy: r.fulfilled_by as DutyFulfilment,
        periodFrom: ps,
        periodTo: r.pe as string,
        required,
        done,
        state,
      };
    }),
  };
};
