import { sql } from 'drizzle-orm';
import { date, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ledgerColumns } from '../../kernel/db/columns';

/** A role a person holds in an org unit for a term (from–to); an open term has no end date. */
export const roleTerms = pgTable(
  'role_terms',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    role: text('role').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    electionId: uuid('election_id'),
    company: text('company'),
    position: text('position'),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [
    index('role_terms_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('role_terms_person_idx').on(t.personId),
    index('role_terms_role_idx').on(t.role, t.startedOn),
  ],
);

/** 志愿服务队 and its members. */
export const volunteerTeams = pgTable(
  'volunteer_teams',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    leaderPersonId: uuid('leader_person_id'),
    foundedOn: date('founded_on', { mode: 'string' }),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [index('volunteer_teams_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`)],
);

export const volunteerTeamMembers = pgTable(
  'volunteer_team_members',
  {
    teamId: uuid('team_id').notNull(),
    personId: uuid('person_id').notNull(),
    joinedOn: date('joined_on', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.personId] })],
);
