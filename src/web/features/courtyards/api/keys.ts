import type {
  ListCourtyardHouseholdsQuery,
  ListFeaturedQuery,
  ListHistoryQuery,
  ListInspectionGroupsQuery,
  ListInspectionsQuery,
  ListRectificationsQuery,
  ListRubricsQuery,
} from '../../../../contracts/courtyards';

export const BASE = '/api/v1/courtyards';
export const enc = encodeURIComponent;

export type InspectionListParams = Partial<ListInspectionsQuery>;
export type RectificationListParams = Partial<ListRectificationsQuery>;
export type CourtyardHouseholdListParams = Partial<ListCourtyardHouseholdsQuery>;
export type HistoryListParams = Partial<ListHistoryQuery>;
export type RubricListParams = Partial<ListRubricsQuery>;
export type GroupListParams = Partial<ListInspectionGroupsQuery>;
export type FeaturedListParams = Partial<ListFeaturedQuery>;

/** Every courtyard query starts with `courtyards`, so one write can refresh them all. */
export const courtyardKeys = {
  all: ['courtyards'] as const,
  inspections: (p: InspectionListParams) => ['courtyards', 'inspections', 'list', p] as const,
  inspection: (id: string) => ['courtyards', 'inspections', 'detail', id] as const,
  rectifications: (p: RectificationListParams) => ['courtyards', 'rectifications', 'list', p] as const,
  rectification: (id: string) => ['courtyards', 'rectifications', 'detail', id] as const,
  board: (orgUnitId: string | undefined) => ['courtyards', 'rectifications', 'board', orgUnitId] as const,
  households: (p: CourtyardHouseholdListParams) => ['courtyards', 'households', 'list', p] as const,
  householdFile: (id: string) => ['courtyards', 'households', 'file', id] as const,
  ratingChanges: (p: HistoryListParams) => ['courtyards', 'rating-changes', p] as const,
  plaqueEvents: (p: HistoryListParams) => ['courtyards', 'plaque-events', p] as const,
  review: (townId: string, month: string) => ['courtyards', 'reviews', townId, month] as const,
  rubrics: (p: RubricListParams) => ['courtyards', 'rubrics', 'list', p] as const,
  rubric: (id: string) => ['courtyards', 'rubrics', 'detail', id] as const,
  effectiveRubric: (orgUnitId: string, year: number) =>
    ['courtyards', 'rubrics', 'effective', orgUnitId, year] as const,
  groups: (p: GroupListParams) => ['courtyards', 'groups', 'list', p] as const,
  assignment: (townId: string, month: string) => ['courtyards', 'assignments', townId, month] as const,
  featuredCategories: ['courtyards', 'featured-categories'] as const,
  featured: (p: FeaturedListParams) => ['courtyards', 'featured', 'list', p] as const,
  notice: (orgUnitId: string, month: string) => ['courtyards', 'notices', orgUnitId, month] as const,
  todo: (orgUnitId: string | undefined, month: string) => ['courtyards', 'todo', orgUnitId, month] as const,
};

/** What any courtyard write can change: its lists and files, record histories and indicator counts. */
export const courtyardWriteKeys = [courtyardKeys.all, ['history'], ['indicators']] as const;
