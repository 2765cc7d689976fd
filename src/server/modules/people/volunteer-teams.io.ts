import { and, inArray, isNull } from 'drizzle-orm';
import {
  type ExportVolunteerTeamsQuery,
  exportVolunteerTeamsQuerySchema,
  type VolunteerTeam,
  volunteerTeamKindLabels,
  type volunteerTeamKinds,
} from '../../../contracts/people-roles';
import { requirePermission, resolveScopePath } from '../../kernel/access/access';
import { recordAuditRows } from '../../kernel/audit/audit';
import { bulkInsert } from '../../kernel/db/bulk';
import { uuidv7 } from '../../kernel/db/ids';
import { parseDateCell, parseEnumCell, parseTextCell } from '../../kernel/io/cells';
import { importWriter, pagedBatches, RowIssues } from '../../kernel/io/import-commit';
import type { LedgerIo } from '../../kernel/io/ledger-io';
import { unitColumn } from '../../kernel/io/unit-names';
import type { ExportColumn } from '../../kernel/io/xlsx-export';
import { volunteerTeamMembers, volunteerTeams } from './people-roles.table';
import { namedPersonIdColumn, rowPersons } from './person-matcher';
import { listVolunteerTeamRows } from './volunteer-teams.repository';

type Kind = (typeof volunteerTeamKinds)[number];
type Row = {
  team: string;
  kind: Kind;
  orgUnit?: string;
  member: string;
  idNumber?: string;
  joinedOn?: string;
  foundedOn?: string;
};

const unitCol = unitColumn('所属组织', ['所属村（社区）']);

/** One row per member, as team rosters are kept: 队伍 | 类型 | 组织 | 队员 | 身份证号 | 加入日期. */
const columns: LedgerIo['columns'] = [
  {
    key: 'team',
    header: '队伍名称',
    aliases: ['队名'],
    hint: '如：东岭村巾帼志愿服务队',
    isRequired: true,
    width: 24,
    parse: (v) => parseTextCell(v, 60),
  },
  {
    key: 'kind',
    header: '队伍类型',
    aliases: ['类型'],
    hint: '宣讲队/林长队/调解队/志愿服务队',
    isRequired: true,
    options: Object.values(volunteerTeamKindLabels).map((l) => l.zh),
    width: 14,
    parse: (v) => parseEnumCell(v, volunteerTeamKindLabels),
  },
  unitCol,
  {
    key: 'foundedOn',
    header: '成立日期',
    aliases: ['组建日期', '成立时间'],
    hint: '选填，同一队伍各行相同即可，如：2024-03-08',
    width: 14,
    parse: parseDateCell,
  },
  {
    key: 'member',
    header: '队员姓名',
    aliases: ['姓名', '队员'],
    hint: '须已在人员信息中登记',
    isRequired: true,
    width: 12,
    parse: (v) => parseTextCell(v, 30),
  },
  namedPersonIdColumn,
  { key: 'joinedOn', header: '加入日期', hint: '选填', width: 14, parse: parseDateCell },
];

const commit: LedgerIo['commit'] = async (tx, ctx, rows, opts, onProgress) => {
  requirePermission(ctx.actor, 'people.import');
  const issues = new RowIssues();
  const resolved = await rowPersons(
    tx,
    ctx,
    rows,
    opts,
    issues,
    unitCol,
    (v: Row) => ({ name: v.member, idNumber: v.idNumber }),
    {
      column: '队员姓名',
      nameWithin: 'subtree',
      idWithin: 'subtree',
      notFound: '在该组织的人员信息中找不到此人',
      ambiguous: () => '该组织有多个同名人员，请填写身份证号码加以区分',
    },
  );
  const unitIds = [...new Set(resolved.map((x) => x.unit.id))];
  const teams = unitIds.length
    ? await tx
        .select()
        .from(volunteerTeams)
        .where(and(inArray(volunteerTeams.orgUnitId, unitIds), isNull(volunteerTeams.deletedAt)))
    : [];
  const teamKey = (unitId: string, name: string) => `${unitId}|${name}`;
  type Known = { id: string; kind: string; foundedOn: string | null; isNew: boolean };
  const teamIds = new Map<string, Known>(
    teams.map((t) => [
      teamKey(t.orgUnitId, t.name),
      { id: t.id, kind: t.kind, foundedOn: t.foundedOn, isNew: false },
    ]),
  );
  const newTeams: (typeof volunteerTeams.$inferInsert)[] = [];
  // A founding date fills a registered team's blank one; it never overwrites a different one.
  const dated = new Map<string, string>();
  const datingRows = new Set<number>();
  for (const x of resolved) {
    const key = teamKey(x.unit.id, x.v.team);
    const known = teamIds.get(key);
    if (known && known.kind !== x.v.kind) {
      issues.add(
        x.r,
        '队伍类型',
        volunteerTeamKindLabels[x.v.kind].zh,
        `与已登记的队伍类型（${volunteerTeamKindLabels[known.kind as Kind].zh}）不一致`,
      );
    } else if (known && x.v.foundedOn && known.foundedOn && known.foundedOn !== x.v.foundedOn) {
      issues.add(
        x.r,
        '成立日期',
        x.v.foundedOn,
        known.isNew
          ? `同一队伍的成立日期应一致（前面的行为 ${known.foundedOn}）`
          : `与已登记的成立日期（${known.foundedOn}）不一致`,
      );
    } else if (known && x.v.foundedOn && !known.foundedOn) {
      known.foundedOn = x.v.foundedOn;
      if (known.isNew) {
        const t = newTeams.find((n) => n.id === known.id);
        if (t) t.foundedOn = x.v.foundedOn;
      } else {
        dated.set(known.id, x.v.foundedOn);
        datingRows.add(x.r.rowNumber);
      }
    } else if (!known) {
      const id = uuidv7();
      teamIds.set(key, { id, kind: x.v.kind, foundedOn: x.v.foundedOn ?? null, isNew: true });
      newTeams.push({
        id,
        orgUnitId: x.unit.id,
        orgPath: x.unit.path,
        name: x.v.team,
        kind: x.v.kind,
        leaderPersonId: null,
        foundedOn: x.v.foundedOn ?? null,
        note: null,
        createdBy: ctx.actor.userId,
        updatedBy: ctx.actor.userId,
      });
    }
  }
  issues.throwIfAny();
  const allTeamIds = [...new Set([...teamIds.values()].map((t) => t.id))];
  const current = allTeamIds.length
    ? await tx.select().from(volunteerTeamMembers).where(inArray(volunteerTeamMembers.teamId, allTeamIds))
    : [];
  const has = new Set(current.map((m) => `${m.teamId}|${m.personId}`));
  const newMembers: (typeof volunteerTeamMembers.$inferInsert)[] = [];
  let unchanged = 0;
  for (const x of resolved) {
    const teamId = (teamIds.get(teamKey(x.unit.id, x.v.team)) as { id: string }).id;
    const key = `${teamId}|${x.personId}`;
    if (has.has(key)) {
      if (!datingRows.has(x.r.rowNumber)) unchanged++;
      continue;
    }
    has.add(key);
    newMembers.push({ teamId, personId: x.personId, joinedOn: x.v.joinedOn ?? null });
  }
  await bulkInsert(tx, volunteerTeams, newTeams);
  await bulkInsert(tx, volunteerTeamMembers, newMembers);
  const writer = importWriter(tx, ctx, 'people', 'volunteerTeam');
  const byTeam = new Map<string, string[]>();
  for (const m of newMembers) byTeam.set(m.teamId, [...(byTeam.get(m.teamId) ?? []), m.personId]);
  const created = new Set(newTeams.map((t) => t.id));
  const paths = new Map(
    [...newTeams, ...teams].map((t) => [
      t.id as string,
      { orgUnitId: t.orgUnitId, orgPath: t.orgPath, name: t.name },
    ]),
  );
  await recordAuditRows(
    tx,
    [...byTeam.entries()].map(([teamId, added]) => {
      const t = paths.get(teamId) as { orgUnitId: string; orgPath: string; name: string };
      return writer.audit(
        created.has(teamId) ? 'create' : 'update',
        { id: teamId, label: t.name, orgUnitId: t.orgUnitId, orgPath: t.orgPath },
        null,
        { addedMemberIds: added, source: 'import' },
      );
    }),
  );
  await writer.update(
    volunteerTeams,
    teams.filter((t) => dated.has(t.id)).map((t) => ({ before: t, set: { foundedOn: dated.get(t.id) } })),
    (t) => t.name,
  );
  await onProgress(rows.length);
  return { created: newMembers.length, updated: datingRows.size, unchanged };
};

type ExportRow = { team: VolunteerTeam; member: VolunteerTeam['members'][number] | null };

const exportColumns: ExportColumn<ExportRow>[] = [
  { header: '队伍名称', width: 24, value: (r) => r.team.name },
  { header: '队伍类型', width: 14, value: (r) => volunteerTeamKindLabels[r.team.kind].zh },
  { header: '所属组织', width: 16, value: (r) => r.team.orgUnitName },
  { header: '成立日期', width: 14, value: (r) => r.team.foundedOn },
  { header: '队员姓名', width: 12, value: (r) => r.member?.name ?? null },
  { header: '加入日期', width: 14, value: (r) => r.member?.joinedOn ?? null },
];

export const volunteerTeamsIo: LedgerIo = {
  ledger: 'volunteerTeams',
  auditModule: 'people',
  title: '志愿服务队',
  routeBase: '/api/v1/people/volunteer-teams',
  permissions: { import: 'people.import', export: 'people.export' },
  columns,
  naturalKey: (v) =>
    `${(v as Row).orgUnit ?? ''}|${(v as Row).team}|${(v as Row).idNumber ?? (v as Row).member}`,
  commit,
  exportQuerySchema: exportVolunteerTeamsQuerySchema,
  exportColumns: () => exportColumns as ExportColumn<never>[],
  exportRows: async (ctx, query) => {
    const q = query as ExportVolunteerTeamsQuery;
    const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'people.export', q.orgUnitId);
    const batches = pagedBatches(100, (paging) =>
      listVolunteerTeamRows(ctx.db, scopePath, { ...q, ...paging }),
    );
    return (async function* () {
      for await (const items of batches)
        yield items.flatMap((team): ExportRow[] =>
          team.members.length ? team.members.map((member) => ({ team, member })) : [{ team, member: null }],
        );
    })() as AsyncIterable<never[]>;
  },
};
