import { and, asc, inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../contracts/common/errors';
import { scoped } from '../../kernel/access/access';
import type { Tx } from '../../kernel/db/connection';
import { AppError, notFound } from '../../kernel/http/errors';
import type { ServiceContext } from '../../kernel/service-context';
import { persons } from './people.table';

/** A person named as leader or member, as the check reads it. */
export type NamedPerson = { id: string; name: string; orgUnitId: string; orgPath: string };

/** Persons named as leader or members, looked up inside the caller's subtree (share-locked until commit). */
const lockPersonsIn = (tx: Tx, scopePath: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : tx
        .select({
          id: persons.id,
          name: persons.name,
          orgUnitId: persons.orgUnitId,
          orgPath: persons.orgPath,
          deletedAt: persons.deletedAt,
        })
        .from(persons)
        .where(and(inArray(persons.id, ids), scoped(persons.orgPath, scopePath)))
        .orderBy(asc(persons.id))
        .for('share');

/** Where a group's leader and members must come from, and how a misfit is told. */
export type LeaderMembersRule = {
  /** Whether the person may belong (registered where the group is, say). */
  fits: (person: NamedPerson) => boolean;
  /** The leader's field message, given the name. */
  leader: (name: string) => string;
  /** A member's field message, given the name. */
  member: (name: string) => string;
  /** The whole error's message, given the misfits' names joined by '、'. */
  summary: (names: string) => string;
};

/**
 * Leader and members must be live persons the caller may see (else 404 人员, revealing nothing) and
 * fit the group's rule (else 422 with one detail per misfit field).
 */
export const checkLeaderAndMembers = async (
  tx: Tx,
  ctx: ServiceContext,
  leaderPersonId: string | null | undefined,
  memberIds: readonly string[],
  rule: LeaderMembersRule,
) => {
  const ids = [...new Set([...(leaderPersonId ? [leaderPersonId] : []), ...memberIds])];
  const rows = await lockPersonsIn(tx, ctx.actor.orgPath, ids);
  if (rows.length !== ids.length || rows.some((p) => p.deletedAt)) throw notFound('人员');
  const outside = new Map(rows.filter((p) => !rule.fits(p)).map((p) => [p.id, p.name]));
  if (outside.size === 0) return;
  const details: ErrorDetail[] = [];
  const leaderName = leaderPersonId && outside.get(leaderPersonId);
  if (leaderName) details.push({ field: 'leaderPersonId', message: rule.leader(leaderName) });
  memberIds.forEach((id, i) => {
    const name = outside.get(id);
    if (name) details.push({ field: `memberIds.${i}`, message: rule.member(name) });
  });
  throw new AppError('VALIDATION_FAILED', rule.summary([...new Set(outside.values())].join('、')), details);
};
