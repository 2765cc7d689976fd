/**
 * Ledger tables that carry a denormalized `org_path` (so scoped queries need no join). When an org
 * unit moves, every one of them is rewritten with the unit's new path in the same transaction.
 * A module adds its tables here when it adds them to the schema.
 */
export const scopedLedgerTables = [
  'households',
  'persons',
  'sites',
  'grids',
  'women_groups',
  'elections',
  'role_terms',
  'volunteer_teams',
  'activities',
  'activity_photos',
  'campaigns',
  'patrols',
  'patrol_photos',
  'report_definitions',
  'work_summaries',
  'work_summary_versions',
  'courtyard_rubrics',
  'courtyard_groups',
  'courtyard_assignments',
  'courtyard_inspections',
  'courtyard_rectifications',
  'courtyard_inspection_photos',
  'courtyard_rectification_photos',
  'courtyard_household_status',
  'courtyard_rating_changes',
  'courtyard_plaque_events',
  'courtyard_reviews',
  'courtyard_featured',
] as const;
