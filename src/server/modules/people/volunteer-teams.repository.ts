import { and, asc, eq, ilike, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import type { ListVolunteerTeamsQuery, VolunteerTeam } from '../../../contracts/people-roles';
import { scoped } from '../../kernel/access/access';
import { orgUnits } from '../../kernel/access/org-units.table';
import { iso } from '../../kernel/db/columns';
import type { DbOrTx, Tx } from '../../kernel/db/connection';
import { likeEscape, orderBy, pageOf, totalCount } from '../../kernel/http/list';
import { persons } from './people.table';
import { volunteerTeamMembers, volunteerTeams } from './people-roles.table';

export type VolunteerTeamRow = typeof volunteerTeams.$inferSelect;
type Member = VolunteerTeam['members'][number];

/*
 * Leader and members are read within the reader's subtree: a team of a town may hold women of its
 * villages, and if a village later moves to another town its women must not show through the team.
 */
const leaderNameIn = (scopePath: string) =>
  sql<
    string | null
  >`(select p.name from ${persons} p where p.id = ${volunteerTeams.leaderPersonId} and ${scoped(sql`p.org_path`, scopePath)})`;

const teamSelection = (scopePath: string) => ({
  team: volunteerTeams,
  orgUnitName: orgUnits.name,
  leaderName: leaderNameIn(scopePath),
});

type TeamSelected = { team: VolunteerTeamRow; orgUnitName: string; leaderName: string | null };

const toVolunteerTeam = (r: TeamSelected, members: Member[]): VolunteerTeam => ({
  id: r.team.id,
  orgUnitId: r.team.orgUnitId,
  orgUnitName: r.orgUnitName,
  name: r.team.name,
  kind: r.team.kind as VolunteerTeam['kind'],
  leaderPersonId: r.team.leaderPersonId,
  leaderName: r.leaderName,
  foundedOn: r.team.foundedOn,
  members,
  note: r.team.note,
  version: r.team.version,
  createdAt: iso(r.team.createdAt),
  updatedAt: iso(r.team.updatedAt),
  deletedAt: iso(r.team.deletedAt),
});

/** Live members of the given teams, longest-serving first; deleted persons drop out of the list. */
const membersOf = async (db: DbOrTx, scopePath: string, teamIds: string[]) => {
  const byTeam = new Map<string, Member[]>(teamIds.map((id) => [id, []]));
  if (teamIds.length === 0) return byTeam;
  const rows = await db
    .select({
      teamId: volunteerTeamMembers.teamId,
      personId: persons.id,
      name: persons.name,
      joinedOn: volunteerTeamMembers.joinedOn,
    })
    .from(volunteerTeamMembers)
    .innerJoin(persons, eq(persons.id, volunteerTeamMembers.personId))
    .where(
      and(
        inArray(volunteerTeamMembers.teamId, teamIds),
        isNull(persons.deletedAt),
        scoped(persons.orgPath, scopePath),
      ),
    )
    .orderBy(asc(volunteerTeamMembers.joinedOn), asc(persons.namePinyin), asc(persons.id));
  for (const { teamId, ...m } of rows) byTeam.get(teamId)?.push(m);
  return byTeam;
};

export const listVolunteerTeamRows = async (db: DbOrTx, scopePath: string, q: ListVolunteerTeamsQuery) => {
  const where = and(
    scoped(volunteerTeams.orgPath, scopePath),
    q.status === 'deleted' ? isNotNull(volunteerTeams.deletedAt) : isNull(volunteerTeams.deletedAt),
    q.kind ? eq(volunteerTeams.kind, q.kind) : undefined,
    q.q ? ilike(volunteerTeams.name, likeEscape(q.q)) : undefined,
  );
  const { limit, offset } = pageOf(q);
  const rows = await db
    .select({ ...teamSelection(scopePath), totalCount: totalCount() })
    .from(volunteerTeams)
    .innerJoin(orgUnits, eq(orgUnits.id, volunteerTeams.orgUnitId))
    .where(where)
    .orderBy(
      ...orderBy(
        q.sort,
        {
          name: volunteerTeams.name,
          createdAt: volunteerTeams.createdAt,
          foundedOn: volunteerTeams.foundedOn,
        },
        [asc(volunteerTeams.name), asc(volunteerTeams.id)],
      ),
    )
    .limit(limit)
    .offset(offset);
  if (rows.length === 0) {
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(volunteerTeams).where(where);
    return { items: [], total: n };
  }
  const members = await membersOf(
    db,
    scopePath,
    rows.map((r) => r.team.id),
  );
  return {
    items: rows.map((r) => toVolunteerTeam(r, members.get(r.team.id) ?? [])),
    total: Number(rows[0].totalCount),
  };
};

export const findVolunteerTeam = async (db: DbOrTx, scopePath: string, id: string) => {
  const [row] = await db
    .select(teamSelection(scopePath))
    .from(volunteerTeams)
    .innerJoin(orgUnits, eq(orgUnits.id, volunteerTeams.orgUnitId))
    .where(and(eq(volunteerTeams.id, id), scoped(volunteerTeams.orgPath, scopePath)));
  if (!row) return undefined;
  const members = await membersOf(db, scopePath, [id]);
  return toVolunteerTeam(row, members.get(id) ?? []);
};

export const insertVolunteerTeam = (tx: Tx, values: typeof volunteerTeams.$inferInsert) =>
  tx.insert(volunteerTeams).values(values);

/** Makes the member set exactly `personIds`: those who stay keep their joining date, newcomers join on `today`. */
export const replaceVolunteerTeamMembers = async (
  tx: Tx,
  teamId: string,
  personIds: string[],
  today: string,
) => {
  await tx
    .delete(volunteerTeamMembers)
    .where(
      and(
        eq(volunteerTeamMembers.teamId, teamId),
        personIds.length > 0 ? notInArray(volunteerTeamMembers.personId, personIds) : undefined,
      ),
    );
  if (personIds.length === 0) return;
  await tx
    .insert(volunteerTeamMembers)
    .values(personIds.map((personId) => ({ teamId, personId, joinedOn: today })))
    .onConflictDoNothing();
};
