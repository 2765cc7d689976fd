import { and, inArray, isNull, sql } from 'drizzle-orm';
import { levelOf } from '../../../contracts/org';
import { type ExportGridsQuery, exportGridsQuerySchema } from '../../../contracts/org-ledgers';
import { requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { recordAuditRows } from '../../kernel/audit/audit';
import { bulkInsert } from '../../kernel/db/bulk';
import { uuidv7 } from '../../kernel/db/ids';
import { parseTextCell } from '../../kernel/io/cells';
import { importWriter, inBatches, RowIssues } from '../../kernel/io/import-commit';
import type { LedgerIo } from '../../kernel/io/ledger-io';
import { rowUnits, type UnitRef, unitColumn } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import { households } from '../people/people.table';
import { personMatcher } from '../people/person-matcher';
import { gridRecord } from './grids.service';
import { grids } from './org-ledgers.table';

type Row = { grid: string; orgUnit?: string; member?: string; address?: string; houseNumber?: string };

const unitCol = unitColumn('所属村（社区）', ['村（社区）', '所属组织']);

/**
 * A grid roster, one row per household as villages keep it: 网格 | 村 | 网格执委 | 家庭住址 | 门牌号.
 * Grids are created as needed, the covering executive member set, households assigned.
 */
const columns: LedgerIo['columns'] = [
  {
    key: 'grid',
    header: '网格名称',
    aliases: ['网格'],
    hint: '如：第1网格',
    isRequired: true,
    width: 14,
    parse: (v) => parseTextCell(v, 60),
  },
  unitCol,
  {
    key: 'member',
    header: '网格执委',
    aliases: ['联系执委', '执委'],
    hint: '须已在人员信息中登记',
    width: 12,
    parse: (v) => parseTextCell(v, 30),
  },
  {
    key: 'address',
    header: '家庭住址',
    aliases: ['住址'],
    hint: '与人员信息中的家庭住址一致',
    width: 24,
    parse: (v) => parseTextCell(v, 120),
  },
  { key: 'houseNumber', header: '门牌号', hint: '如：12号', width: 10, parse: (v) => parseTextCell(v, 30) },
];

const commit: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  requirePermission(ctx.actor, 'org.write');
  const issues = new RowIssues();
  const units = (await rowUnits(tx, ctx.actor, opts, issues, unitCol)).all(rows);
  const unitIds = [...new Set([...units.values()].map((u) => u.id))];
  const kinds = await tx
    .select({ id: orgUnits.id, kind: orgUnits.kind })
    .from(orgUnits)
    .where(inArray(orgUnits.id, unitIds));
  const notVillage = new Set(kinds.filter((k) => levelOf(k.kind) !== 'village').map((k) => k.id));
  const existingGrids = await tx
    .select()
    .from(grids)
    .where(and(inArray(grids.orgUnitId, unitIds), isNull(grids.deletedAt)));
  const hh = await tx
    .select({
      id: households.id,
      orgUnitId: households.orgUnitId,
      address: households.address,
      houseNumber: households.houseNumber,
      gridId: households.gridId,
    })
    .from(households)
    .where(and(inArray(households.orgUnitId, unitIds), isNull(households.deletedAt)));
  const members = await personMatcher(
    tx,
    ctx,
    rows.flatMap((r) => ((r.values as Row).member ? [{ name: (r.values as Row).member as string }] : [])),
  );
  const gridByKey = new Map(
    existingGrids.map((g) => [`${g.orgUnitId}|${g.name}`, { id: g.id, memberPersonId: g.memberPersonId }]),
  );
  const newGrids: (typeof grids.$inferInsert)[] = [];
  const memberChanges = new Map<string, string>();
  const assignments = new Map<string, string>();
  let unchanged = 0;
  for (const r of rows) {
    const v = r.values as Row;
    let isChanged = false;
    const unit = units.get(r) as UnitRef;
    if (notVillage.has(unit.id)) {
      issues.add(r, '所属村（社区）', v.orgUnit ?? '', '网格只能建在村（嘎查、社区）');
      continue;
    }
    let memberId: string | undefined;
    if (v.member) {
      const member = members.resolve(r, issues, { name: v.member }, unit, {
        column: '网格执委',
        nameWithin: 'unit',
        notFound: '在本村的人员信息中找不到此人',
        ambiguous: () => '本村有多个同名人员，请在系统中选择执委',
      });
      if (!member) continue;
      memberId = member.id;
    }
    const key = `${unit.id}|${v.grid}`;
    let grid = gridByKey.get(key);
    if (!grid) {
      grid = { id: uuidv7(), memberPersonId: memberId ?? null };
      gridByKey.set(key, grid);
      isChanged = true;
      newGrids.push({
        id: grid.id,
        orgUnitId: unit.id,
        orgPath: unit.path,
        name: v.grid,
        memberPersonId: memberId ?? null,
        note: null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
    } else if (memberId && grid.memberPersonId !== memberId) {
      const earlier = memberChanges.get(grid.id);
      if (earlier && earlier !== memberId) {
        issues.add(r, '网格执委', v.member ?? '', '同一网格填写了不同的执委');
        continue;
      }
      memberChanges.set(grid.id, memberId);
      isChanged = true;
    }
    if (v.address) {
      const house = hh.filter(
        (h) =>
          h.orgUnitId === unit.id &&
          h.address === v.address &&
          (h.houseNumber ?? '') === (v.houseNumber ?? ''),
      );
      if (house.length !== 1) {
        issues.add(
          r,
          '家庭住址',
          `${v.address}${v.houseNumber ?? ''}`,
          '在本村的家庭户中找不到该住址和门牌号，请先导入人员信息',
        );
        continue;
      }
      if (house[0].gridId !== grid.id) {
        assignments.set(house[0].id, grid.id);
        isChanged = true;
      }
    }
    if (!isChanged) unchanged++;
  }
  issues.throwIfAny();
  await bulkInsert(tx, grids, newGrids);
  for (const [gridId, memberPersonId] of memberChanges) {
    await gridRecord.write(tx, gridId, { memberPersonId, updatedBy: ctx.actor.userId });
  }
  if (assignments.size) {
    await tx.execute(sql`
      update households h set grid_id = u.grid_id, version = h.version + 1, updated_at = now(), updated_by = ${ctx.actor.userId}
      from unnest(${sql.param([...assignments.keys()])}::uuid[], ${sql.param([...assignments.values()])}::uuid[]) as u(household_id, grid_id)
      where h.id = u.household_id`);
  }
  const writer = importWriter(tx, ctx, 'org', 'grid');
  const touched = new Set([
    ...newGrids.map((g) => g.id as string),
    ...memberChanges.keys(),
    ...assignments.values(),
  ]);
  const all = new Map([
    ...newGrids.map((g) => [g.id as string, g] as const),
    ...existingGrids.map((g) => [g.id, g] as const),
  ]);
  await recordAuditRows(
    tx,
    [...touched].map((id) => {
      const g = all.get(id) as { orgUnitId: string; orgPath: string; name: string };
      return writer.audit(
        newGrids.some((n) => n.id === id) ? 'create' : 'assignHouseholds',
        { id, label: g.name, orgUnitId: g.orgUnitId, orgPath: g.orgPath },
        null,
        {
          memberPersonId: memberChanges.get(id) ?? null,
          householdIds: [...assignments].filter(([, gid]) => gid === id).map(([h]) => h),
          source: 'import',
        },
      );
    }),
  );
  await onProgress(rows.length);
  return { created: newGrids.length, updated: assignments.size + memberChanges.size, unchanged };
};

type ExportRow = {
  grid: string;
  orgUnitName: string;
  member: string | null;
  address: string | null;
  houseNumber: string | null;
};

const exportColumns: ExportColumn<ExportRow>[] = [
  { header: '网格名称', width: 14, value: (r) => r.grid },
  { header: '所属村（社区）', width: 16, value: (r) => r.orgUnitName },
  { header: '网格执委', width: 12, value: (r) => r.member },
  { header: '家庭住址', width: 24, value: (r) => r.address },
  { header: '门牌号', width: 10, value: (r) => r.houseNumber },
];

export const gridsIo: LedgerIo = {
  ledger: 'grids',
  auditModule: 'org',
  title: '网格',
  routeBase: '/api/v1/org/grids',
  permissions: { import: 'org.write', export: 'org.read' },
  columns,
  naturalKey: (v) => {
    const r = v as Row;
    return r.address
      ? `${r.orgUnit ?? ''}|${r.address}|${r.houseNumber ?? ''}`
      : `${r.orgUnit ?? ''}|${r.grid}|${r.member ?? ''}`;
  },
  commit,
  exportQuerySchema: exportGridsQuerySchema,
  exportColumns: () => exportColumns as ExportColumn<never>[],
  exportRows: async (ctx, query) => {
    const q = query as ExportGridsQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', q.orgUnitId);
    const rows = (
      await ctx.db.execute(sql`
        select g.name as grid, u.name as "orgUnitName", p.name as member, h.address, h.house_number as "houseNumber"
        from grids g join org_units u on u.id = g.org_unit_id
        left join persons p on p.id = g.member_person_id
        left join households h on h.grid_id = g.id and h.deleted_at is null
        where ${q.status === 'deleted' ? sql`g.deleted_at is not null` : sql`g.deleted_at is null`}
          and ${scoped('g.org_path', scopePath)} ${q.q ? sql`and g.name like ${`%${q.q}%`}` : sql``}
        order by u.path, (substring(g.name from '[0-9]+'))::int nulls last, g.name, h.address, h.house_number`)
    ).rows as ExportRow[];
    return inBatches(rows) as AsyncIterable<never[]>;
  },
};
