import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ledgerColumns } from '../../kernel/db/columns';
import { photoTable } from '../../kernel/files/photo-attachments';

/** 活动: a dated event with a type, organizer, place and counts (场次 = one row, 人次 = attendance). */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    title: text('title').notNull(),
    type: text('type').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    /** 重点: a highlight of the year, named with its dates in the summary. */
    isNotable: boolean('is_notable').notNull().default(false),
    coOrganizers: text('co_organizers'),
    siteId: uuid('site_id'),
    place: text('place'),
    campaignIds: uuid('campaign_ids').array().notNull().default(sql`'{}'::uuid[]`),
    attendance: integer('attendance').notNull().default(0),
    volunteerCount: integer('volunteer_count').notNull().default(0),
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    summary: text('summary'),
    participantIds: uuid('participant_ids').array().notNull().default(sql`'{}'::uuid[]`),
    seriesId: uuid('series_id'),
    ...ledgerColumns(),
  },
  (t) => [
    index('activities_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('activities_occurred_idx').on(t.occurredOn),
    index('activities_type_idx').on(t.type, t.occurredOn),
    index('activities_campaigns_idx').using('gin', t.campaignIds),
    index('activities_participants_idx').using('gin', t.participantIds),
    index('activities_site_idx').on(t.siteId),
  ],
);

/** Photos of an activity: resized on the server, EXIF stripped, stored under the data directory. */
export const activityPhotos = photoTable('activity_photos', 'activity_id', 'activity_photos_activity_idx');

/** 专项行动/品牌活动: a named programme activities belong to. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    note: text('note'),
    ...ledgerColumns(),
  },
  (t) => [index('campaigns_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`)],
);

/** 巾帼林长护林防火巡查: one patrol by one or more forest chiefs. */
export const patrols = pgTable(
  'patrols',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: uuid('org_unit_id').notNull(),
    orgPath: text('org_path').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    area: text('area').notNull(),
    durationMinutes: integer('duration_minutes'),
    chiefIds: uuid('chief_ids').array().notNull(),
    teamId: uuid('team_id'),
    hazardsFound: integer('hazards_found').notNull().default(0),
    hazardNote: text('hazard_note'),
    actionTaken: text('action_taken'),
    ...ledgerColumns(),
  },
  (t) => [
    index('patrols_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('patrols_occurred_idx').on(t.occurredOn),
    index('patrols_chiefs_idx').using('gin', t.chiefIds),
  ],
);

/** Photos of the hazards a patrol found (and of what was done about them). */
export const patrolPhotos = photoTable('patrol_photos', 'patrol_id');
