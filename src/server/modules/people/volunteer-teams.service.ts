import type {
  CreateVolunteerTeamInput,
  ListVolunteerTeamsQuery,
  UpdateVolunteerTeamInput,
  VolunteerTeam,
} from '../../../contracts/people-roles';
import { isWithin, resolveScopePath } from '../../kernel/access/access';
import type { Tx } from '../../kernel/db/connection';
import { uuidv7 } from '../../kernel/db/ids';
import { defineRecord } from '../../kernel/ledger/define-record';
import type { ServiceContext } from '../../kernel/service-context';
import { shanghaiToday } from '../../kernel/time/calendar';
import { checkLeaderAndMembers } from './leader-members';
import { volunteerTeams } from './people-roles.table';
import {
  findVolunteerTeam,
  insertVolunteerTeam,
  listVolunteerTeamRows,
  replaceVolunteerTeamMembers,
} from './volunteer-teams.repository';

/** The calendar day in the county (Asia/Shanghai), whatever the server's time zone. */
const today = shanghaiToday;

/**
 * Leader and members must be live persons the caller may see (else 404, revealing nothing) and lie
 * in the team's own unit or below: a village team holding a sibling village's women would show
 * their names to that village's users.
 */
const checkPeople = (
  tx: Tx,
  ctx: ServiceContext,
  teamPath: string,
  leaderPersonId: string | null | undefined,
  memberIds: readonly string[],
) =>
  checkLeaderAndMembers(tx, ctx, leaderPersonId, memberIds, {
    fits: (p) => isWithin(p.orgPath, teamPath),
    leader: (name) => `队长“${name}”不在本组织范围内`,
    member: (name) => `“${name}”不在本组织范围内`,
    summary: (names) => `队长和队员须是本组织或下级组织登记的人员：${names}不是`,
  });

/** The team's lifecycle: scoped lock, version check, before/after audit, soft delete and restore. */
export const volunteerTeamRecord = defineRecord({
  entityType: 'volunteerTeam',
  table: volunteerTeams,
  label: '志愿服务队',
  auditModule: 'people',
  permissions: { read: 'people.read', write: 'people.write' },
  // Always within the caller's subtree: the members shown are the ones she may see.
  find: (db, ctx, _scopePath, id) => findVolunteerTeam(db, ctx.actor.orgPath, id),
  describe: (team: VolunteerTeam) => team.name,
});

export const listVolunteerTeams = async (ctx: ServiceContext, q: ListVolunteerTeamsQuery) => {
  const scopePath = await resolveScopePath(ctx.db, ctx.actor, 'people.read', q.orgUnitId);
  return listVolunteerTeamRows(ctx.db, scopePath, q);
};

export const getVolunteerTeam = (ctx: ServiceContext, id: string) => volunteerTeamRecord.get(ctx, id);

export const createVolunteerTeam = (ctx: ServiceContext, input: CreateVolunteerTeamInput) =>
  ctx.db.transaction(async (tx) => {
    const path = await volunteerTeamRecord.unitPath(tx, ctx, input.orgUnitId);
    await checkPeople(tx, ctx, path, input.leaderPersonId, input.memberIds);
    const id = uuidv7();
    return volunteerTeamRecord.create(tx, ctx, { id, orgPath: path }, async () => {
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
    });
  });

export const updateVolunteerTeam = (ctx: ServiceContext, id: string, input: UpdateVolunteerTeamInput) =>
  volunteerTeamRecord.update(ctx, id, input.version, async (tx, row) => {
    await checkPeople(tx, ctx, row.orgPath, input.leaderPersonId, input.memberIds ?? []);
    const { version: _v, memberIds, ...set } = input;
    // The row is written even when only members change, so the version moves and the edit is locked.
    await volunteerTeamRecord.write(tx, id, { ...set, updatedBy: ctx.actor.userId });
    if (memberIds) await replaceVolunteerTeamMembers(tx, id, [...new Set(memberIds)], today());
  });

// Members stay recorded, so a restore brings the team back whole.
export const deleteVolunteerTeam = (ctx: ServiceContext, id: string, version: number) =>
  volunteerTeamRecord.softDelete(ctx, id, version);

export const restoreVolunteerTeam = (ctx: ServiceContext, id: string, version: number) =>
  volunteerTeamRecord.restore(ctx, id, version);
