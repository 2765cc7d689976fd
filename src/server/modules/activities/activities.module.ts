import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { activityIndicators } from './activities.indicators';
import { activitiesIo } from './activities.io';
import { activitiesRoutes } from './activities.routes';
import { activityRecord } from './activities.service';
import { activities, activityPhotos, campaigns, patrolPhotos, patrols } from './activities.table';
import { activityTodoProviders } from './activities.todos';
import { activityPhotosRoutes } from './activity-photos.routes';
import { campaignRecord } from './campaigns.service';
import { patrolPhotosRoutes } from './patrol-photos.routes';
import { patrolIndicators } from './patrols.indicators';
import { patrolsIo } from './patrols.io';
import { patrolsRoutes } from './patrols.routes';
import { patrolRecord } from './patrols.service';

export const activitiesModule = defineModule({
  name: 'activities',
  label: auditModuleLabels.activities,
  routes: [activitiesRoutes, patrolsRoutes],
  photos: [activityPhotosRoutes, patrolPhotosRoutes],
  io: [activitiesIo, patrolsIo],
  indicators: [...activityIndicators, ...patrolIndicators],
  todos: activityTodoProviders,
  records: [activityRecord, campaignRecord, patrolRecord],
  scopedTables: [activities, activityPhotos, campaigns, patrols, patrolPhotos],
  figures: {
    dashboard: {
      outreach: [
        { indicatorKey: 'activities.sessions', label: { zh: '活动场次', en: 'Sessions' } },
        { indicatorKey: 'activities.attendances', label: { zh: '参加人次', en: 'Attendances' } },
      ],
      forestFire: [{ indicatorKey: 'patrols.count' }, { indicatorKey: 'patrols.hazards' }],
    },
  },
  keyTables: [activities, patrols],
});
