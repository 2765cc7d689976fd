import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { inspectionPhotosRoutes, rectificationPhotosRoutes } from './courtyard-photos.routes';
import { courtyardViewsRoutes } from './courtyard-views.routes';
import { courtyardIndicators } from './courtyards.indicators';
import { courtyardInspectionsIo, courtyardRatingsIo } from './courtyards.io';
import { courtyardsRoutes } from './courtyards.routes';
import { noticeShare } from './courtyards.shares';
import {
  courtyardAssignments,
  courtyardFeatured,
  courtyardGroups,
  courtyardHouseholdStatus,
  courtyardInspectionPhotos,
  courtyardInspections,
  courtyardPlaqueEvents,
  courtyardRatingChanges,
  courtyardRectificationPhotos,
  courtyardRectifications,
  courtyardReviews,
  courtyardRubrics,
} from './courtyards.table';
import { courtyardTodoProviders } from './courtyards.todos';

const read = { read: 'courtyards.read' } as const;
const households = (rating: string) => ({
  indicatorKey: 'courtyards.households',
  filters: { rating },
  isStock: true,
});

export const courtyardsModule = defineModule({
  name: 'courtyards',
  label: auditModuleLabels.courtyards,
  routes: [courtyardsRoutes, courtyardViewsRoutes],
  photos: [inspectionPhotosRoutes, rectificationPhotosRoutes],
  io: [courtyardInspectionsIo, courtyardRatingsIo],
  indicators: courtyardIndicators,
  todos: courtyardTodoProviders,
  records: [
    {
      entityType: 'courtyardRubric',
      table: courtyardRubrics,
      label: '评分细则',
      permissions: read,
    },
    {
      entityType: 'courtyardGroup',
      table: courtyardGroups,
      label: '验收组',
      permissions: read,
    },
    {
      entityType: 'courtyardInspection',
      table: courtyardInspections,
      label: '庭院检查',
      permissions: read,
    },
    {
      entityType: 'courtyardRectification',
      table: courtyardRectifications,
      label: '整改',
      permissions: read,
    },
    {
      entityType: 'courtyardFeatured',
      table: courtyardFeatured,
      label: '特色庭院',
      permissions: read,
    },
  ],
  // Not courtyard_inspections_by_month: a unit move rewrites the inspections, and the trigger moves the counts.
  scopedTables: [
    courtyardRubrics,
    courtyardGroups,
    courtyardAssignments,
    courtyardInspections,
    courtyardRectifications,
    courtyardInspectionPhotos,
    courtyardRectificationPhotos,
    courtyardHouseholdStatus,
    courtyardRatingChanges,
    courtyardPlaqueEvents,
    courtyardReviews,
    courtyardFeatured,
  ],
  figures: {
    dashboard: {
      courtyards: [
        households('clean'),
        households('model'),
        households('premium'),
        { indicatorKey: 'courtyards.inspections' },
        { indicatorKey: 'courtyards.inspectedHouseholds' },
        { indicatorKey: 'courtyards.rectifications', filters: { status: 'open' } },
        { indicatorKey: 'courtyards.rectifications', filters: { status: 'overdue' } },
      ],
    },
  },
  keyTables: [courtyardInspections],
  shares: [noticeShare],
});
