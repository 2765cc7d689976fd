import { and, inArray, isNull } from 'drizzle-orm';
import {
  type ExportRoleTermsQuery,
  exportRoleTermsQuerySchema,
  type PersonRole,
  personRoleLabels,
  type RoleTerm,
} from '../../../contracts/people-roles';
import { requirePermission, resolveScopePath } from '../../kernel/access/access';
import { uuidv7 } from '../../kernel/db/ids';
import { parseDateCell, parseEnumCell, parseTextCell } from '../../kernel/io/cells';
import { ImportPlan, importWriter, pagedBatches, RowIssues } from '../../kernel/io/import-commit';
import { type LedgerIo, rowCheck } from '../../kernel/io/ledger-io';
import { unitColumn } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import { roleTerms } from './people-roles.table';
import { namedPersonIdColumn, rowPersons } from './person-matcher';
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

const unitCol = unitColumn('任职组织', ['所属村（社区）', '村（社区）', '所属组织']);

const columns: LedgerIo['columns'] = [
  {
    key: 'name',
    header: '姓名',
    hint: '必填；须已在人员信息中登记',
    isRequired: true,
    width: 12,
    parse: (v) => parseTextCell(v, 30),
  },
  namedPersonIdColumn,
  unitCol,
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
    hint: '留空表示仍在任；换届后已卸任的任期请填写卸任日期（同一人新一届的任期另起一行）',
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

const checkRow = rowCheck<Row>((row, problem) => {
  if (row.endedOn && row.endedOn < row.startedOn) problem('endedOn', '卸任日期不能早于任职日期');
  if (row.role !== 'entrepreneur' && (row.company || row.position)) {
    problem('company', '只有女企业家/女高管需要填写单位和职务');
  }
});

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
  const issues = new RowIssues();
  const resolved = await rowPersons(tx, ctx, rows, opts, issues, unitCol, (v: Row) => v, {
    column: '姓名',
    nameWithin: 'subtree',
    idWithin: 'scope',
    notFound: '找不到该人员，请先在“人员信息”中登记（或核对身份证号码）',
    ambiguous: () => '该组织有多个同名人员，请填写身份证号码加以区分',
    nameMismatch: (registered) => `与身份证号码登记的姓名（${registered}）不一致`,
  });

  const personIds = [...new Set(resolved.map((x) => x.personId))];
  const existing = personIds.length
    ? await tx
        .select()
        .from(roleTerms)
        .where(and(inArray(roleTerms.personId, personIds), isNull(roleTerms.deletedAt)))
    : [];
  const plan = new ImportPlan<typeof roleTerms.$inferSelect, typeof roleTerms.$inferInsert>();
  type Term = typeof roleTerms.$inferSelect;
  // 1. Each row to the term it describes (same person, role, unit and start), or a new term; the terms
  //    as they will be once the sheet is applied (an ended term closed by its row's 卸任日期).
  const endOf = new Map<Term, string | null>(existing.map((t) => [t, t.endedOn]));
  const described = resolved.map((x) => {
    const same = existing.find(
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
    if (same) {
      // A blank 卸任日期 means "still in office": it never silently reopens a term the system has closed.
      if (same.endedOn && !x.v.endedOn) {
        issues.add(
          x.r,
          '卸任日期',
          '',
          `该任期已于${same.endedOn}卸任；卸任日期留空表示仍在任，请填写卸任日期（如确需恢复在任，请在任职信息中修改）`,
        );
      } else endOf.set(same, desired.endedOn);
    }
    return { x, same, desired };
  });
  // 2. Overlaps judged against that final picture, so the rows' order does not matter: a re-elected
  //    member's new term may start once the old one's row gives its 卸任日期.
  const news = described.filter((d) => !d.same);
  const overlaps = (a: { startedOn: string; endedOn: string | null }, b: typeof a) =>
    a.startedOn <= (b.endedOn ?? '9999-12-31') && b.startedOn <= (a.endedOn ?? '9999-12-31');
  for (const d of described) {
    const { x } = d;
    const mine = {
      startedOn: x.v.startedOn,
      endedOn: d.same ? (endOf.get(d.same) ?? null) : d.desired.endedOn,
    };
    const sameHolder = (t: { personId: string; orgUnitId: string; role: string }) =>
      t.personId === x.personId && t.orgUnitId === x.unit.id && t.role === x.v.role;
    const clashTerm = existing.find(
      (t) =>
        t !== d.same &&
        sameHolder(t) &&
        overlaps(mine, { startedOn: t.startedOn, endedOn: endOf.get(t) ?? null }),
    );
    const clashRow = news.find(
      (n) =>
        n !== d &&
        n.x.personId === x.personId &&
        n.x.unit.id === x.unit.id &&
        n.x.v.role === x.v.role &&
        overlaps(mine, { startedOn: n.x.v.startedOn, endedOn: n.desired.endedOn }),
    );
    const clash = clashTerm
      ? { startedOn: clashTerm.startedOn, endedOn: endOf.get(clashTerm) ?? null }
      : clashRow && { startedOn: clashRow.x.v.startedOn, endedOn: clashRow.desired.endedOn };
    if (clash) {
      issues.add(
        x.r,
        '任职日期',
        x.v.startedOn,
        clash.endedOn
          ? `与已有任期（${clash.startedOn}至${clash.endedOn}）重叠`
          : `与已有任期（自${clash.startedOn}起，仍在任）重叠；如已换届，请在该任期的行填写卸任日期`,
      );
      continue;
    }
    if (d.same) {
      plan.compare(d.same, d.desired);
      continue;
    }
    plan.create({
      id: uuidv7(),
      personId: x.personId,
      orgUnitId: x.unit.id,
      orgPath: x.unit.path,
      role: x.v.role,
      startedOn: x.v.startedOn,
      ...d.desired,
      electionId: null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
  }
  issues.throwIfAny();
  const writer = importWriter(tx, ctx, 'people', 'roleTerm');
  await writer.insert(roleTerms, plan.inserts, (t) => ({
    label: personRoleLabels[t.role as PersonRole].zh,
    after: { personId: t.personId, role: t.role, startedOn: t.startedOn, endedOn: t.endedOn },
  }));
  await writer.update(roleTerms, plan.updates, (t) => personRoleLabels[t.role as PersonRole].zh);
  await onProgress(rows.length);
  return plan.counts;
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
    // Pages through the filtered list (the list query is the export's one definition of the rows).
    return pagedBatches(200, (paging) =>
      listRoleTermRows(ctx.db, scopePath, { ...q, ...paging }),
    ) as AsyncIterable<never[]>;
  },
};
