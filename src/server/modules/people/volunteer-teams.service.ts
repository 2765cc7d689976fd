import type { ErrorDetail } from '../../../contracts/common/errors';
import type {
  CreateVolunteerTeamInput,
  ListVolunteerTeamsQuery,
  UpdateVolunteerTeamInput,
  VolunteerTeam,
} from '../../../contracts/people-roles';
import { isWithin, requireAccess, requirePermission, resolveScopePath } from '../../kernel/access/access';
import { recordAudit } from '../../kernel/audit/audit';
import type { Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { AppError, notFound } from '../../kernel/http/errors';
import { checkVersion } from '../../kernel/http/locking';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import {
  findVolunteerTeam,
  insertVolunteerTeam,
  listVolunteerTeamRows,
  lockPersonsIn,
  lockVolunteerTeam,
  replaceVolunteerTeamMembers,
  updateVolunteerTeamRow,
  type VolunteerTeamRow,
} from './volunteer-teams.repository';

/** The calendar day in the county (Asia/Shanghai), whatever the server's time zone. */
const today = shanghaiToday;

const teamById = async (tx: Tx, ctx: ServiceContext, id: string) => {
  const team = await findVolunteerTeam(tx, ctx.actor.orgPath, id);
  if (!team) throw notFound('志愿服务队');
  return team;
};

/**
 * Leader and members must be live persons the caller may see (else 404, revealing nothing) and lie
 * in the team's own unit or below: a village team holding a sibling village's women would show
 * their names to that village's users.
 */
const checkPeople = async (
  tx: Tx,
  ctx: ServiceContext,
  teamPath: string,
  leaderPersonId: string | null | undefined,
  memberIds: readonly string[],
) => {
  const ids = [...new Set([...(leaderPersonId ? [leaderPersonId] : []), ...memberIds])];
  const rows = await lockPersonsIn(tx, ctx.actor.orgPath, ids);
  if (rows.length !== ids.length || rows.some((p) => p.deletedAt)) throw notFound('人员');
  const outside = new Map(rows.filter((p) => !isWithin(p.orgPath, teamPath)).map((p) => [p.id, p.name]));
  if (outside.size === 0) return;
  const details: ErrorDetail[] = [];
  if (leaderPersonId && outside.has(leaderPersonId)) {
    details.push({
      field: 'leaderPersonId',
      message: `队长“${outside.get(leaderPersonId)}”不在本组织范围内`,
    });
  }
  memberIds.forEach((id, i) => {
    const name = outside.get(id);
    if (name) details.push({ field: `memberIds.${i}`, message: `“${name}”不在本组织范围内` });
  });
  throw new AppError(
    'VALIDATION_FAILED',
    `队长和队员须是本组织或下级组织登记的人员：${[...new Set(outside.values())].join('、')}不是`,
    details,
  );
};

const auditTeam = (
  tx: Tx,
  ctx: ServiceContext,
  action: string,
  before: VolunteerTeam | null,
  after: VolunteerTeam,
  path: string,
) =>
  recordAudit(tx, ctx.actor, {
    module: 'people',
    action,
    entityType: 'volunteerTeam',
    entityId: after.id,
    entityLabel: after.name,
    orgUnitId: after.orgUnitId,
    orgPath: path,
    before,
    after,
  });

export const listVolunteerTeams = async (ctx: ServiceContext, q: ListVolunteerTeamsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'people.read', q.orgUnitId);
  return listVolunteerTeamRows(ctx.db, scopePath, q);
};

export const getVolunteerTeam = async (ctx: ServiceContext, id: string) => {
  requirePermission(ctx.actor, 'people.read');
  const team = await findVolunteerTeam(ctx.db, ctx.actor.orgPath, id);
  if (!team) throw notFound('志愿服务队');
  return team;
};

export const createVolunteerTeam = (ctx: ServiceContext, input: CreateVolunteerTeamInput) =>
  ctx.db.transaction(async (tx) => {
    const paths = await requireAccess(tx, {
      actor: ctx.actor,
      permission: 'people.write',
      orgUnitIds: [input.orgUnitId],
    });
    const path = paths.get(input.orgUnitId) as string;
    await checkPeople(tx, ctx, path, input.leaderPersonId, input.memberIds);
    const id = uuidv7();
    await insertVolunteerTeam(tx, {
      id,
      orgUnitId: input.orgUnitId,
      orgPath: path,
      name: input.name,
      kind: input.kind,
      leaderPersonId: input.leaderPersonId ?? null,
      foundedOn: input.foundedOn ?? null,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    await replaceVolunteerTeamMembers(tx, id, [...new Set(input.memberIds)], today());
    const team = await teamById(tx, ctx, id);
    await auditTeam(tx, ctx, 'create', null, team, path);
    return team;
  });

const editTeam = (
  ctx: ServiceContext,
  id: string,
  version: number,
  action: string,
  change: (tx: Tx, row: VolunteerTeamRow) => Promise<void>,
) =>
  ctx.db.transaction(async (tx) => {
    requirePermission(ctx.actor, 'people.write');
    const row = checkVersion(await lockVolunteerTeam(tx, ctx.actor.orgPath, id), version, '志愿服务队');
    const before = await teamById(tx, ctx, id);
    await change(tx, row);
    const after = await teamById(tx, ctx, id);
    await auditTeam(tx, ctx, action, before, after, row.orgPath);
    return after;
  });

export const updateVolunteerTeam = (ctx: ServiceContext, id: string, input: UpdateVolunteerTeamInput) =>
  editTeam(ctx, id, input.version, 'update', async (tx, row) => {
    if (row.deletedAt) throw notFound('志愿服务队');
    await checkPeople(tx, ctx, row.orgPath, input.leaderPersonId, input.memberIds ?? []);
    const { version: _v, memberIds, ...set } = input;
    // The row is written even when only members change, so the version moves and the edit is locked.
    await updateVolunteerTeamRow(tx, id, { ...set, updatedBy: ctx.actor.userId });
    if (memberIds) await replaceVolunteerTeamMembers(tx, id, [...new Set(memberIds)], today());
  });

export const deleteVolunteerTeam = (ctx: ServiceContext, id: string, version: number) =>
  editTeam(ctx, id, version, 'delete', async (tx, row) => {
    if (row.deletedAt) throw notFound('志愿服务队');
    // Members stay recorded, so a restore brings the team back whole.
    await updateVolunteerTeamRow(tx, id, {
      deletedAt: new Date().toISOString(),
      updatedBy: ctx.actor.userId,
    });
  });

export const restoreVolunteerTeam = (ctx: ServiceContext, id: string, version: number) =>
  editTeam(ctx, id, version, 'restore', async (tx, row) => {
    if (!row.deletedAt) throw new AppError('CONFLICT', '该志愿服务队未被删除，无需恢复');
    await updateVolunteerTeamRow(tx, id, { deletedAt: null, updatedBy: ctx.actor.userId });
  });
