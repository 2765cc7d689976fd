// The schema index: every table of every module, for drizzle-kit and the typed client.

export {
  activities,
  activityPhotos,
  activityTypeOptions,
  campaigns,
  patrolPhotos,
  patrols,
} from '../../modules/activities/activities.table';
export {
  courtyardAssignments,
  courtyardFeatured,
  courtyardFeaturedOptions,
  courtyardGroups,
  courtyardHouseholdStatus,
  courtyardInspectedHouseholds,
  courtyardInspectionPhotos,
  courtyardInspections,
  courtyardInspectionsByMonth,
  courtyardPlaqueEvents,
  courtyardRatingChanges,
  courtyardRectificationPhotos,
  courtyardRectifications,
  courtyardReviews,
  courtyardRubrics,
} from '../../modules/courtyards/courtyards.table';
export { orgUnits } from '../../modules/org/org.table';
export { elections, grids, sites, womenGroupMembers, womenGroups } from '../../modules/org/org-ledgers.table';
export { households, persons, personTagOptions } from '../../modules/people/people.table';
export { roleTerms, volunteerTeamMembers, volunteerTeams } from '../../modules/people/people-roles.table';
export { reportDefinitions, workSummaries, workSummaryVersions } from '../../modules/reports/reports.table';
export { users } from '../../modules/users/users.table';
export { auditChainHead, auditLog } from '../audit/audit.table';
export { sessions } from '../auth/sessions.table';
export { importJobs } from '../io/import-jobs.table';
