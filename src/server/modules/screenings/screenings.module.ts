import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { screeningIndicators } from './screenings.indicators';
import { screeningsIo } from './screenings.io';
import { screeningsRoutes } from './screenings.routes';
import { screeningRecord } from './screenings.service';
import { cancerScreenings } from './screenings.table';
import { screeningTodoProviders } from './screenings.todos';

/** 两癌筛查 (cancerScreening): mobilisation, screening and follow-up of age-eligible women. */
export const screeningsModule = defineModule({
  name: 'screenings',
  label: auditModuleLabels.screenings,
  routes: [screeningsRoutes],
  io: [screeningsIo],
  indicators: screeningIndicators,
  todos: screeningTodoProviders,
  records: [screeningRecord],
  scopedTables: [cancerScreenings],
  figures: {
    dashboard: {
      rights: [
        { indicatorKey: 'cancerScreening.mobilised' },
        { indicatorKey: 'cancerScreening.screened' },
        { indicatorKey: 'cancerScreening.followUps' },
      ],
    },
  },
  keyTables: [cancerScreenings],
});
