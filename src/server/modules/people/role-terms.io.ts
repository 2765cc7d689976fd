import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { parseIdNumber } from '../../../contracts/common/id-number';
import {
  type ExportRoleTermsQuery,
  exportRoleTermsQuerySchema,
  type PersonRole,
  personRoleLabels,
  type RoleTerm,
} from '../../../contracts/people-roles';
import { requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { auditLog } from '../../kernel/audit/audit.table';
import { bulkInsert } from '../../kernel/db/bulk';
import { uuidv7 } from '../../kernel/db/ids';
import { parseDateCell, parseEnumCell, parseIdNumberCell, parseTextCell } from '../../kernel/io/cells';
import { type ImportIssue, ImportRowsError, type LedgerIo, type ParsedRow } from '../../kernel/io/ledger-io';
import { type UnitRef, unitNameResolver } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import type { ServiceContext } from '../../kernel/service-context';
import { persons } from './people.table';
import { roleTerms } from './people-roles.table';
import { listRoleTermRows } from './role-terms.repository';

type Row = {
  name: string;
  idNumber?: string;
  orgUnit?: string;
  role: PersonRole;
  startedOn: string;
  endedOn?: string;
  company?: string;
  position?: string;
  note?: string;
};

const columns: LedgerIo['columns'] = [
  {
    key: 'name',
    header: '姓名',
    hint: '必填；须已在人员信息中登记',
    isRequired: true,
    width: 12,
    parse: (v) => parseTextCell(v, 30),
  },
  {
    key: 'idNumber',
    header: '身份证号码',
    aliases: ['身份证号'],
    hint: '有同名人员时用于区分',
    isText: true,
    width: 22,
    parse: parseIdNumberCell,
  },
  {
    key: 'orgUnit',
    header: '任职组织',
    aliases: ['所属村（社区）', '村（社区）', '所属组织'],
    hint: '如：东岭村；不填则为所选组织',
    width: 16,
    parse: (v) => parseTextCell(v, 60),
  },
  {
    key: 'role',
    header: '职务',
    aliases: ['担任职务'],
    hint: '主席/副主席/执委/巾帼志愿者/巾帼林长…',
    isRequired: true,
    options: Object.values(personRoleLabels).map((l) => l.zh),
    width: 14,
    parse: (v) => parseEnumCell(v, personRoleLabels),
  },
  {
    key: 'startedOn',
    header: '任职日期',
    aliases: ['开始日期'],
    hint: '如 2021-06-15',
    isRequired: true,
    width: 14,
    parse: parseDateCell,
  },
  {
    key: 'endedOn',
    header: '卸任日期',
    aliases: ['结束日期'],
    hint: '仍在任则不填',
    width: 14,
    parse: parseDateCell,
  },
  {
    key: 'company',
    header: '所在单位',
    aliases: ['企业名称', '单位'],
    hint: '女企业家/女高管填写',
    width: 20,
    parse: (v) => parseTextCell(v, 100),
  },
  {
    key: 'position',
    header: '单位职务',
    aliases: ['岗位'],
    hint: '女企业家/女高管填写',
    width: 12,
    parse: (v) => parseTextCell(v, 60),
  },
  { key: 'note', header: '备注', hint: '选填', width: 20, parse: (v) => parseTextCell(v, 500) },
];

const checkRow = (v: Record<string, unknown>): [string, string][] => {
  const row = v as Row;
  const problems: [string, string][] = [];
  if (row.endedOn && row.endedOn < row.startedOn) problems.push(['endedOn', '卸任日期不能早于任职日期']);
  if (row.role !== 'entrepreneur' && (row.company || row.position)) {
    problems.push(['company', '只有女企业家/女高管需要填写单位和职务']);
  }
  return problems;
};

const naturalKey = (v: Record<string, unknown>) => {
  const row = v as Row;
  return `${row.idNumber ?? row.name}|${row.orgUnit ?? ''}|${row.role}|${row.startedOn}`;
};

/**
 * Rows name existing persons (by ID number, else by name inside the unit): a roster never creates
 * people, so a typo cannot invent a second 王秀英.
 */
const commit: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  requirePermission(ctx.actor, 'people.import');
  const issues: ImportIssue[] = [];
  const issue = (r: ParsedRow, column: string, value: string, message: string) =>
    issues.push({ row: r.rowNumber, column, value, message });
  const resolveUnit = await unitNameResolver(tx, ctx.actor, opts.defaultOrgUnitId);
  const values = rows.map((r) => r.values as Row);
  const idIndexes = values.flatMap((v) => {
    const id = v.idNumber ? parseIdNumber(v.idNumber) : undefined;
    return id?.ok ? [ctx.crypto.blindIndex(id.value)] : [];
  });
  const names = [...new Set(values.map((v) => v.name))];
  const candidates = await tx
    .select({
      id: persons.id,
      name: persons.name,
      orgPath: persons.orgPath,
      idNumberIndex: persons.idNumberIndex,
    })
    .from(persons)
    .where(
      and(
        isNull(persons.deletedAt),
        scoped(persons.orgPath, ctx.actor.orgPath),
        idIndexes.length
          ? sql`(${inArray(persons.name, names)} or ${inArray(persons.idNumberIndex, idIndexes)})`
          : inArray(persons.name, names),
      ),
    );
  const resolved: { r: ParsedRow; v: Row; unit: UnitRef; personId: string }[] = [];
  for (const r of rows) {
    const v = r.values as Row;
    const unit = resolveUnit(v.orgUnit);
    if ('error' in unit) {
      issue(r, '任职组织', v.orgUnit ?? '', unit.error);
      continue;
    }
    const id = v.idNumber ? parseIdNumber(v.idNumber) : undefined;
    const index = id?.ok ? ctx.crypto.blindIndex(id.value) : undefined;
    const matches = index
      ? candidates.filter((c) => c.idNumberIndex === index)
      : candidates.filter((c) => c.name === v.name && c.orgPath.startsWith(unit.unit.path));
    if (matches.length === 0)
      issue(r, '姓名', v.name, '找不到该人员，请先在“人员信息”中登记（或核对身份证号码）');
    else if (matches.length > 1) issue(r, '姓名', v.name, '该组织有多个同名人员，请填写身份证号码加以区分');
    else if (index && matches[0].name !== v.name)
      issue(r, '姓名', v.name, `与身份证号码登记的姓名（${matches[0].name}）不一致`);
    else resolved.push({ r, v, unit: unit.unit, personId: matches[0].id });
  }
  if (issues.length) throw new ImportRowsError(issues);

  const personIds = [...new Set(resolved.map((x) => x.personId))];
  const existing = personIds.length
    ? await tx
        .select()
        .from(roleTerms)
        .where(and(inArray(roleTerms.personId, personIds), isNull(roleTerms.deletedAt)))
    : [];
  const inserts: (typeof roleTerms.$inferInsert)[] = [];
  const updates: {
    id: string;
    set: Partial<typeof roleTerms.$inferInsert>;
    before: typeof roleTerms.$inferSelect;
    x: (typeof resolved)[number];
  }[] = [];
  let unchanged = 0;
  const all = [...existing];
  for (const x of resolved) {
    const same = all.find(
      (t) =>
        t.personId === x.personId &&
        t.orgUnitId === x.unit.id &&
        t.role === x.v.role &&
        t.startedOn === x.v.startedOn,
    );
    const desired = {
      endedOn: x.v.endedOn ?? null,
      company: x.v.company ?? null,
      position: x.v.position ?? null,
      note: x.v.note ?? null,
    };
    const end = x.v.endedOn ?? '9999-12-31';
    const clash = all.find(
      (t) =>
        t !== same &&
        t.personId === x.personId &&
        t.orgUnitId === x.unit.id &&
        t.role === x.v.role &&
        t.startedOn <= end &&
        (t.endedOn ?? '9999-12-31') >= x.v.startedOn,
    );
    if (clash) {
      issue(x.r, '任职日期', x.v.startedOn, `与已有任期（自${clash.startedOn}起）重叠`);
      continue;
    }
    if (same) {
      const set = Object.fromEntries(
        Object.entries(desired).filter(([k, val]) => val !== null && same[k as keyof typeof same] !== val),
      );
      if (Object.keys(set).length === 0) unchanged++;
      else updates.push({ id: same.id, set, before: same, x });
      continue;
    }
    const row = {
      id: uuidv7(),
      personId: x.personId,
      orgUnitId: x.unit.id,
      orgPath: x.unit.path,
      role: x.v.role,
      startedOn: x.v.startedOn,
      ...desired,
      electionId: null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    };
    inserts.push(row);
    all.push({
      ...row,
      version: 1,
      createdAt: '',
      updatedAt: '',
      deletedAt: null,
    } as typeof roleTerms.$inferSelect);
  }
  if (issues.length) throw new ImportRowsError(issues);
  const base = {
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    ip: ctx.actor.ip,
    module: 'people',
    entityType: 'roleTerm',
  };
  await bulkInsert(tx, roleTerms, inserts);
  await bulkInsert(
    tx,
    auditLog,
    inserts.map((t) => ({
      ...base,
      action: 'create',
      entityId: t.id as string,
      entityLabel: personRoleLabels[t.role as PersonRole].zh,
      orgUnitId: t.orgUnitId,
      orgPath: t.orgPath,
      before: null,
      after: {
        personId: t.personId,
        role: t.role,
        startedOn: t.startedOn,
        endedOn: t.endedOn,
        source: 'import',
      },
    })),
  );
  for (const u of updates) {
    await tx
      .update(roleTerms)
      .set({
        ...u.set,
        version: sql`${roleTerms.version} + 1`,
        updatedAt: sql`now()`,
        updatedBy: ctx.actor.userId,
      })
      .where(eq(roleTerms.id, u.id));
    const before = Object.fromEntries(
      Object.keys(u.set).map((k) => [k, u.before[k as keyof typeof u.before]]),
    );
    await tx.insert(auditLog).values({
      ...base,
      action: 'update',
      entityId: u.id,
      entityLabel: personRoleLabels[u.before.role as PersonRole].zh,
      orgUnitId: u.before.orgUnitId,
      orgPath: u.before.orgPath,
      before,
      after: { ...u.set, source: 'import' },
    });
  }
  await onProgress(rows.length);
  return { created: inserts.length, updated: updates.length, unchanged };
};

type ExportRow = RoleTerm;

const exportColumns: ExportColumn<ExportRow>[] = [
  { header: '姓名', width: 12, value: (t) => t.personName },
  { header: '任职组织', width: 16, value: (t) => t.orgUnitName },
  { header: '职务', width: 14, value: (t) => personRoleLabels[t.role].zh },
  { header: '任职日期', width: 14, value: (t) => t.startedOn },
  { header: '卸任日期', width: 14, value: (t) => t.endedOn },
  { header: '所在单位', width: 20, value: (t) => t.company },
  { header: '单位职务', width: 12, value: (t) => t.position },
  { header: '备注', width: 20, value: (t) => t.note },
];

/** Pages through the filtered list (the list query is the export's one definition of the rows). */
async function* termBatches(ctx: ServiceContext, scopePath: string, q: ExportRoleTermsQuery) {
  for (let page = 1; ; page++) {
    const { items } = await listRoleTermRows(ctx.db, scopePath, {
      ...q,
      page,
      pageSize: 200,
      sort: undefined,
    });
    if (items.length === 0) return;
    yield items;
    if (items.length < 200) return;
  }
}

export const roleTermsIo: LedgerIo = {
  ledger: 'roleTerms',
  auditModule: 'people',
  title: '任职信息',
  routeBase: '/api/v1/people/role-terms',
  permissions: { import: 'people.import', export: 'people.export' },
  columns,
  checkRow,
  naturalKey,
  commit,
  exportQuerySchema: exportRoleTermsQuerySchema,
  exportColumns: () => exportColumns as ExportColumn<never>[],
  exportRows: async (ctx, query) => {
    const q = query as ExportRoleTermsQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'people.export', q.orgUnitId);
    return termBatches(ctx, scopePath, q) as AsyncIterable<never[]>;
  },
};
