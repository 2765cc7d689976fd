import { and, inArray, isNull, sql } from 'drizzle-orm';
import { type ExportWomenGroupsQuery, exportWomenGroupsQuerySchema } from '../../../contracts/org-ledgers';
import { requirePermission, resolveScopePath, scoped } from '../../kernel/access/access';
import { recordAuditRows } from '../../kernel/audit/audit';
import { bulkInsert } from '../../kernel/db/bulk';
import { uuidv7 } from '../../kernel/db/ids';
import { parseTextCell } from '../../kernel/io/cells';
import { importWriter, inBatches, RowIssues } from '../../kernel/io/import-commit';
import type { LedgerIo } from '../../kernel/io/ledger-io';
import { rowUnits, type UnitRef, unitColumn } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import { personMatcher } from '../people/person-matcher';
import { grids, womenGroupMembers, womenGroups } from './org-ledgers.table';
import { womenGroupRecord } from './women-groups.service';

type Row = { group: string; grid: string; orgUnit?: string; member: string; isLeader?: string };

const unitCol = unitColumn('所属村（社区）', ['村（社区）']);

/** A women's-group roster, one row per member: 小组 | 网格 | 村 | 成员 | 是否组长. */
const columns: LedgerIo['columns'] = [
  {
    key: 'group',
    header: '小组名称',
    aliases: ['妇女小组'],
    hint: '如：东岭村第1妇女小组',
    isRequired: true,
    width: 20,
    parse: (v) => parseTextCell(v, 60),
  },
  {
    key: 'grid',
    header: '所属网格',
    aliases: ['网格'],
    hint: '须已登记，如：第1网格',
    isRequired: true,
    width: 12,
    parse: (v) => parseTextCell(v, 60),
  },
  unitCol,
  {
    key: 'member',
    header: '成员姓名',
    aliases: ['姓名', '成员'],
    hint: '须已在人员信息中登记',
    isRequired: true,
    width: 12,
    parse: (v) => parseTextCell(v, 30),
  },
  {
    key: 'isLeader',
    header: '是否组长',
    aliases: ['组长'],
    hint: '是/否',
    options: ['是', '否'],
    width: 10,
    parse: (v) => parseTextCell(v, 4),
  },
];

const commit: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  requirePermission(ctx.actor, 'org.write');
  const issues = new RowIssues();
  const units = (await rowUnits(tx, ctx.actor, opts, issues, unitCol)).all(rows);
  const unitIds = [...new Set([...units.values()].map((u) => u.id))];
  const gridRows = await tx
    .select()
    .from(grids)
    .where(and(inArray(grids.orgUnitId, unitIds), isNull(grids.deletedAt)));
  const groupRows = await tx
    .select()
    .from(womenGroups)
    .where(and(inArray(womenGroups.orgUnitId, unitIds), isNull(womenGroups.deletedAt)));
  const people = await personMatcher(
    tx,
    ctx,
    rows.map((r) => ({ name: (r.values as Row).member })),
  );
  const groupIds = new Map(groupRows.map((g) => [`${g.gridId}|${g.name}`, g.id]));
  const newGroups: (typeof womenGroups.$inferInsert)[] = [];
  const leaders = new Map<string, string>();
  const wanted: { groupId: string; personId: string }[] = [];
  for (const r of rows) {
    const v = r.values as Row;
    const unit = units.get(r) as UnitRef;
    const grid = gridRows.find((g) => g.orgUnitId === unit.id && g.name === v.grid);
    if (!grid) {
      issues.add(r, '所属网格', v.grid, '在本村找不到该网格，请先登记网格');
      continue;
    }
    const person = people.resolve(r, issues, { name: v.member }, unit, {
      column: '成员姓名',
      nameWithin: 'unit',
      notFound: '在本村的人员信息中找不到此人',
      ambiguous: () => '本村有多个同名人员，请在系统中选择',
    });
    if (!person) continue;
    if (v.isLeader && !['是', '否'].includes(v.isLeader)) {
      issues.add(r, '是否组长', v.isLeader, '请填写“是”或“否”');
      continue;
    }
    const key = `${grid.id}|${v.group}`;
    let groupId = groupIds.get(key);
    if (!groupId) {
      groupId = uuidv7();
      groupIds.set(key, groupId);
      newGroups.push({
        id: groupId,
        gridId: grid.id,
        orgUnitId: unit.id,
        orgPath: unit.path,
        name: v.group,
        leaderPersonId: null,
        note: null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
    }
    if (v.isLeader === '是') {
      if (leaders.has(groupId) && leaders.get(groupId) !== person.id) {
        issues.add(r, '是否组长', v.isLeader, '同一小组只能有一位组长');
        continue;
      }
      leaders.set(groupId, person.id);
    }
    wanted.push({ groupId, personId: person.id });
  }
  issues.throwIfAny();
  const allIds = [...new Set([...groupIds.values()])];
  const current = allIds.length
    ? await tx.select().from(womenGroupMembers).where(inArray(womenGroupMembers.groupId, allIds))
    : [];
  const has = new Set(current.map((m) => `${m.groupId}|${m.personId}`));
  const add = wanted.filter((w) => {
    const k = `${w.groupId}|${w.personId}`;
    if (has.has(k)) return false;
    has.add(k);
    return true;
  });
  await bulkInsert(tx, womenGroups, newGroups);
  await bulkInsert(tx, womenGroupMembers, add);
  let leaderChanges = 0;
  for (const [groupId, leaderPersonId] of leaders) {
    const g = groupRows.find((x) => x.id === groupId) ?? newGroups.find((x) => x.id === groupId);
    if (g?.leaderPersonId === leaderPersonId) continue;
    leaderChanges++;
    await womenGroupRecord.write(tx, groupId, { leaderPersonId, updatedBy: ctx.actor.userId });
  }
  const writer = importWriter(tx, ctx, 'org', 'womenGroup');
  const touched = new Set([
    ...add.map((a) => a.groupId),
    ...leaders.keys(),
    ...newGroups.map((g) => g.id as string),
  ]);
  const info = new Map([...groupRows, ...newGroups].map((g) => [g.id as string, g]));
  await recordAuditRows(
    tx,
    [...touched].map((id) => {
      const g = info.get(id) as { orgUnitId: string; orgPath: string; name: string };
      return writer.audit(
        newGroups.some((n) => n.id === id) ? 'create' : 'update',
        { id, label: g.name, orgUnitId: g.orgUnitId, orgPath: g.orgPath },
        null,
        {
          addedMemberIds: add.filter((a) => a.groupId === id).map((a) => a.personId),
          leaderPersonId: leaders.get(id) ?? null,
          source: 'import',
        },
      );
    }),
  );
  await onProgress(rows.length);
  return { created: add.length, updated: leaderChanges, unchanged: wanted.length - add.length };
};

type ExportRow = {
  group: string;
  grid: string;
  orgUnitName: string;
  member: string | null;
  isLeader: boolean;
};

const exportColumns: ExportColumn<ExportRow>[] = [
  { header: '小组名称', width: 20, value: (r) => r.group },
  { header: '所属网格', width: 12, value: (r) => r.grid },
  { header: '所属村（社区）', width: 16, value: (r) => r.orgUnitName },
  { header: '成员姓名', width: 12, value: (r) => r.member },
  { header: '是否组长', width: 10, value: (r) => (r.isLeader ? '是' : '否') },
];

export const womenGroupsIo: LedgerIo = {
  ledger: 'womenGroups',
  auditModule: 'org',
  title: '妇女小组',
  routeBase: '/api/v1/org/women-groups',
  permissions: { import: 'org.write', export: 'org.read' },
  columns,
  naturalKey: (v) =>
    `${(v as Row).orgUnit ?? ''}|${(v as Row).grid}|${(v as Row).group}|${(v as Row).member}`,
  commit,
  exportQuerySchema: exportWomenGroupsQuerySchema,
  exportColumns: () => exportColumns as ExportColumn<never>[],
  exportRows: async (ctx, query) => {
    const q = query as ExportWomenGroupsQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'org.read', q.orgUnitId);
    const rows = (
      await ctx.db.execute(sql`
        select w.name as group, g.name as grid, u.name as "orgUnitName", p.name as member,
          coalesce(p.id = w.leader_person_id, false) as "isLeader"
        from women_groups w join grids g on g.id = w.grid_id join org_units u on u.id = w.org_unit_id
        left join women_group_members m on m.group_id = w.id
        left join persons p on p.id = m.person_id and p.deleted_at is null
        where ${q.status === 'deleted' ? sql`w.deleted_at is not null` : sql`w.deleted_at is null`}
          and ${scoped('w.org_path', scopePath)} ${q.gridId ? sql`and w.grid_id = ${q.gridId}` : sql``}
        order by u.path, g.name, w.name, p.name`)
    ).rows as ExportRow[];
    return inBatches(rows) as AsyncIterable<never[]>;
  },
};
