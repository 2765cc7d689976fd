import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { dutyProjectRecord, dutyRecordRecord, dutyRuleRecord } from './duties.service';
import { honoursIndicators } from './honours.indicators';
import { nominationsIo } from './honours.io';
import { honoursRoutes } from './honours.routes';
import { dutyProjects, dutyRecords, dutyRules, nominationPhotos, nominations } from './honours.table';
import { honoursTodoProviders } from './honours.todos';
import { nominationPhotosRoutes } from './nomination-photos.routes';
import { nominationRecord } from './nominations.service';

/** 选树典型 (titles and nominations) and 执委履职 (duty rules, duty records, projects, compliance). */
export const honoursModule = defineModule({
  name: 'honours',
  label: auditModuleLabels.honours,
  routes: [honoursRoutes],
  photos: [nominationPhotosRoutes],
  io: [nominationsIo],
  indicators: honoursIndicators,
  todos: honoursTodoProviders,
  records: [nominationRecord, dutyRuleRecord, dutyRecordRecord, dutyProjectRecord],
  scopedTables: [nominations, nominationPhotos, dutyRules, dutyRecords, dutyProjects],
  keyTables: [nominations, dutyRecords],
  figures: {
    dashboard: {
      models: [{ indicatorKey: 'honours.awarded' }],
      organization: [{ indicatorKey: 'duties.contacts' }],
    },
  },
});
