import { and, inArray, isNull } from 'drizzle-orm';
import {
  type ExportSitesQuery,
  exportSitesQuerySchema,
  type Site,
  type SiteKind,
} from '../../../contracts/org-ledgers';
import { requirePermission, resolveScopePath } from '../../kernel/access/access';
import { uuidv7 } from '../../kernel/db/ids';
import { parseDateCell, parseTextCell } from '../../kernel/io/cells';
import { ImportPlan, importWriter, pagedBatches, RowIssues } from '../../kernel/io/import-commit';
import type { LedgerIo } from '../../kernel/io/ledger-io';
import { rowUnits, type UnitRef, unitColumn } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import { personMatcher } from '../people/person-matcher';
import { sites } from './org-ledgers.table';
import { siteKindList } from './site-kinds.service';
import { listSiteRows } from './sites.repository';

type Row = {
  name: string;
  kind: SiteKind;
  orgUnit?: string;
  address?: string;
  openedOn?: string;
  contact?: string;
  note?: string;
};

const unitCol = unitColumn('所属组织', ['所属村（社区）', '村（社区）']);

const columns: LedgerIo['columns'] = [
  {
    key: 'name',
    header: '阵地名称',
    aliases: ['名称'],
    hint: '如：东岭村妇女之家',
    isRequired: true,
    width: 24,
    parse: (v) => parseTextCell(v, 60),
  },
  {
    key: 'kind',
    header: '阵地类型',
    aliases: ['类型'],
    hint: '本县设置的阵地类型，如：妇女之家',
    isRequired: true,
    width: 16,
    // Read by the county's own list in `commit` (a county may add 儿童实践基地, rename 妇女之家).
    parse: (v) => parseTextCell(v, 30),
  },
  unitCol,
  { key: 'address', header: '地址', hint: '选填', width: 24, parse: (v) => parseTextCell(v, 120) },
  {
    key: 'openedOn',
    header: '启用日期',
    aliases: ['成立日期', '建成时间'],
    hint: '如 2021-03-08',
    width: 14,
    parse: parseDateCell,
  },
  {
    key: 'contact',
    header: '联系人',
    aliases: ['负责人'],
    hint: '须已在人员信息中登记',
    width: 12,
    parse: (v) => parseTextCell(v, 30),
  },
  { key: 'note', header: '备注', hint: '选填', width: 20, parse: (v) => parseTextCell(v, 500) },
];

const commit: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  requirePermission(ctx.actor, 'org.write');
  const issues = new RowIssues();
  const units = (await rowUnits(tx, ctx.actor, opts, issues, unitCol)).all(rows);
  const kinds = await siteKindList.codeByName(tx, ctx.actor);
  const contacts = await personMatcher(
    tx,
    ctx,
    rows.flatMap((r) => ((r.values as Row).contact ? [{ name: (r.values as Row).contact as string }] : [])),
  );
  const unitIds = [...new Set([...units.values()].map((u) => u.id))];
  const existing = await tx
    .select()
    .from(sites)
    .where(and(inArray(sites.orgUnitId, unitIds), isNull(sites.deletedAt)));
  const plan = new ImportPlan<typeof sites.$inferSelect, typeof sites.$inferInsert>();
  for (const r of rows) {
    const v = r.values as Row;
    const unit = units.get(r) as UnitRef;
    const kind = kinds.find(v.kind);
    if (!kind) {
      issues.add(
        r,
        '阵地类型',
        v.kind,
        `不在本县的阵地类型中（可选：${kinds.items.map((k) => k.label.zh).join('、')}）`,
      );
      continue;
    }
    let contactPersonId: string | null = null;
    if (v.contact) {
      const contact = contacts.resolve(r, issues, { name: v.contact }, unit, {
        column: '联系人',
        nameWithin: 'subtree',
        notFound: '在该组织的人员信息中找不到此人',
        ambiguous: () => '该组织有多个同名人员，请在系统中选择联系人',
      });
      if (!contact) continue;
      contactPersonId = contact.id;
    }
    const desired = {
      kind,
      address: v.address ?? null,
      openedOn: v.openedOn ?? null,
      contactPersonId,
      note: v.note ?? null,
    };
    const found = existing.find((s) => s.orgUnitId === unit.id && s.name === v.name);
    if (found) {
      plan.compare(found, desired);
      continue;
    }
    if (plan.inserts.some((s) => s.orgUnitId === unit.id && s.name === v.name)) {
      issues.add(r, '阵地名称', v.name, '同一组织的阵地名称重复');
      continue;
    }
    plan.create({
      id: uuidv7(),
      orgUnitId: unit.id,
      orgPath: unit.path,
      name: v.name,
      ...desired,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
  }
  issues.throwIfAny();
  const writer = importWriter(tx, ctx, 'org', 'site');
  await writer.insert(sites, plan.inserts, (s) => ({ label: s.name, after: { name: s.name, kind: s.kind } }));
  await writer.update(sites, plan.updates, (s) => s.name);
  await onProgress(rows.length);
  return plan.counts;
};

const exportColumns = (kindLabel: (code: string) => string): ExportColumn<Site>[] => [
  { header: '阵地名称', width: 24, value: (s) => s.name },
  { header: '阵地类型', width: 16, value: (s) => kindLabel(s.kind) },
  { header: '所属组织', width: 16, value: (s) => s.orgUnitName },
  { header: '地址', width: 24, value: (s) => s.address },
  { header: '启用日期', width: 14, value: (s) => s.openedOn },
  { header: '联系人', width: 12, value: (s) => s.contactName },
  { header: '备注', width: 20, value: (s) => s.note },
];

export const sitesIo: LedgerIo = {
  ledger: 'sites',
  auditModule: 'org',
  title: '阵地',
  routeBase: '/api/v1/org/sites',
  permissions: { import: 'org.write', export: 'org.read' },
  columns,
  naturalKey: (v) => `${(v as Row).orgUnit ?? ''}|${(v as Row).name}`,
  commit,
  exportQuerySchema: exportSitesQuerySchema,
  templateOptions: async (ctx) => ({
    kind: (await siteKindList.of(ctx.db, ctx.actor)).items.map((k) => k.label.zh),
  }),
  exportColumns: async (ctx) => {
    const labels = await siteKindList.labelsFor(ctx.db, ctx.actor.orgPath);
    return exportColumns((code) => labels[code]?.zh ?? code) as ExportColumn<never>[];
  },
  exportRows: async (ctx, query) => {
    const q = query as ExportSitesQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', q.orgUnitId);
    return pagedBatches(200, (paging) =>
      listSiteRows(ctx.db, scopePath, { ...q, ...paging }),
    ) as AsyncIterable<never[]>;
  },
};
