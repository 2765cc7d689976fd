import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  type ExportSitesQuery,
  exportSitesQuerySchema,
  type Site,
  type SiteKind,
  siteKindLabels,
} from '../../../contracts/org-ledgers';
import { requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { auditLog } from '../../kernel/audit/audit.table';
import { bulkInsert } from '../../kernel/db/bulk';
import { uuidv7 } from '../../kernel/db/ids';
import { parseDateCell, parseEnumCell, parseTextCell } from '../../kernel/io/cells';
import { type ImportIssue, ImportRowsError, type LedgerIo, type ParsedRow } from '../../kernel/io/ledger-io';
import { type UnitRef, unitNameResolver } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import { persons } from '../people/people.table';
import { sites } from './org-ledgers.table';
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
    hint: '妇女之家/妇女微家/儿童之家…',
    isRequired: true,
    options: Object.values(siteKindLabels).map((l) => l.zh),
    width: 16,
    parse: (v) => parseEnumCell(v, siteKindLabels),
  },
  {
    key: 'orgUnit',
    header: '所属组织',
    aliases: ['所属村（社区）', '村（社区）'],
    hint: '如：东岭村；不填则为所选组织',
    width: 16,
    parse: (v) => parseTextCell(v, 60),
  },
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
  const issues: ImportIssue[] = [];
  const issue = (r: ParsedRow, column: string, value: string, message: string) =>
    issues.push({ row: r.rowNumber, column, value, message });
  const resolveUnit = await unitNameResolver(tx, ctx.actor, opts.defaultOrgUnitId);
  const units = new Map<ParsedRow, UnitRef>();
  for (const r of rows) {
    const u = resolveUnit((r.values as Row).orgUnit);
    if ('error' in u) issue(r, '所属组织', (r.values as Row).orgUnit ?? '', u.error);
    else units.set(r, u.unit);
  }
  if (issues.length) throw new ImportRowsError(issues);
  const contactNames = [
    ...new Set(rows.flatMap((r) => ((r.values as Row).contact ? [(r.values as Row).contact as string] : []))),
  ];
  const contacts = contactNames.length
    ? await tx
        .select({ id: persons.id, name: persons.name, orgPath: persons.orgPath })
        .from(persons)
        .where(
          and(
            inArray(persons.name, contactNames),
            isNull(persons.deletedAt),
            scoped(persons.orgPath, ctx.actor.orgPath),
          ),
        )
    : [];
  const unitIds = [...new Set([...units.values()].map((u) => u.id))];
  const existing = await tx
    .select()
    .from(sites)
    .where(and(inArray(sites.orgUnitId, unitIds), isNull(sites.deletedAt)));
  const inserts: (typeof sites.$inferInsert)[] = [];
  const updates: { row: typeof sites.$inferSelect; set: Partial<typeof sites.$inferInsert> }[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const v = r.values as Row;
    const unit = units.get(r) as UnitRef;
    let contactPersonId: string | null = null;
    if (v.contact) {
      const matches = contacts.filter((c) => c.name === v.contact && c.orgPath.startsWith(unit.path));
      if (matches.length !== 1) {
        issue(
          r,
          '联系人',
          v.contact,
          matches.length ? '该组织有多个同名人员，请在系统中选择联系人' : '在该组织的人员信息中找不到此人',
        );
        continue;
      }
      contactPersonId = matches[0].id;
    }
    const desired = {
      kind: v.kind,
      address: v.address ?? null,
      openedOn: v.openedOn ?? null,
      contactPersonId,
      note: v.note ?? null,
    };
    const found = existing.find((s) => s.orgUnitId === unit.id && s.name === v.name);
    if (found) {
      const set = Object.fromEntries(
        Object.entries(desired).filter(([k, val]) => val !== null && found[k as keyof typeof found] !== val),
      );
      if (Object.keys(set).length) updates.push({ row: found, set });
      else unchanged++;
      continue;
    }
    if (inserts.some((s) => s.orgUnitId === unit.id && s.name === v.name)) {
      issue(r, '阵地名称', v.name, '同一组织的阵地名称重复');
      continue;
    }
    inserts.push({
      id: uuidv7(),
      orgUnitId: unit.id,
      orgPath: unit.path,
      name: v.name,
      ...desired,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
  }
  if (issues.length) throw new ImportRowsError(issues);
  const base = {
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    ip: ctx.actor.ip,
    module: 'org',
    entityType: 'site',
  };
  await bulkInsert(tx, sites, inserts);
  await bulkInsert(
    tx,
    auditLog,
    inserts.map((s) => ({
      ...base,
      action: 'create',
      entityId: s.id as string,
      entityLabel: s.name,
      orgUnitId: s.orgUnitId,
      orgPath: s.orgPath,
      before: null,
      after: { name: s.name, kind: s.kind, source: 'import' },
    })),
  );
  for (const u of updates) {
    await tx
      .update(sites)
      .set({
        ...u.set,
        version: sql`${sites.version} + 1`,
        updatedAt: sql`now()`,
        updatedBy: ctx.actor.userId,
      })
      .where(eq(sites.id, u.row.id));
    await tx.insert(auditLog).values({
      ...base,
      action: 'update',
      entityId: u.row.id,
      entityLabel: u.row.name,
      orgUnitId: u.row.orgUnitId,
      orgPath: u.row.orgPath,
      before: Object.fromEntries(Object.keys(u.set).map((k) => [k, u.row[k as keyof typeof u.row]])),
      after: { ...u.set, source: 'import' },
    });
  }
  await onProgress(rows.length);
  return { created: inserts.length, updated: updates.length, unchanged };
};

const exportColumns: ExportColumn<Site>[] = [
  { header: '阵地名称', width: 24, value: (s) => s.name },
  { header: '阵地类型', width: 16, value: (s) => siteKindLabels[s.kind].zh },
  { header: '所属组织', width: 16, value: (s) => s.orgUnitName },
  { header: '地址', width: 24, value: (s) => s.address },
  { header: '启用日期', width: 14, value: (s) => s.openedOn },
  { header: '联系人', width: 12, value: (s) => s.contactName },
  { header: '备注', width: 20, value: (s) => s.note },
];

async function* siteBatches(
  ctx: Parameters<LedgerIo['exportRows']>[0],
  scopePath: string,
  q: ExportSitesQuery,
) {
  for (let page = 1; ; page++) {
    const { items } = await listSiteRows(ctx.db, scopePath, { ...q, page, pageSize: 200, sort: undefined });
    if (items.length === 0) return;
    yield items;
    if (items.length < 200) return;
  }
}

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
  exportColumns: () => exportColumns as ExportColumn<never>[],
  exportRows: async (ctx, query) => {
    const q = query as ExportSitesQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', q.orgUnitId);
    return siteBatches(ctx, scopePath, q) as AsyncIterable<never[]>;
  },
};
