import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { careIndicators } from './care.indicators';
import { screeningsIo } from './care.io';
import { careRoutes } from './care.routes';
import { caseRecord, keyPersonRecord, screeningRecord } from './care.service';
import {
  carePairings,
  careVisits,
  keyPeople,
  mediationCases,
  mediationSessions,
  riskScreenings,
} from './care.table';
import { careTodoProviders } from './care.todos';
import { casesIo } from './cases.io';
import { pairingRecord, visitRecord } from './visits.service';

/** 维权关爱: key people and monthly risk screening, mediation cases; sensitive throughout. */
export const careModule = defineModule({
  name: 'care',
  label: auditModuleLabels.care,
  routes: [careRoutes],
  io: [screeningsIo, casesIo],
  indicators: careIndicators,
  todos: careTodoProviders,
  records: [keyPersonRecord, screeningRecord, caseRecord, pairingRecord, visitRecord],
  scopedTables: [keyPeople, riskScreenings, mediationCases, mediationSessions, carePairings, careVisits],
  figures: {
    dashboard: {
      rights: [
        { indicatorKey: 'care.keyPeople' },
        { indicatorKey: 'care.screened' },
        { indicatorKey: 'care.disputes' },
      ],
    },
  },
  keyTables: [keyPeople, riskScreenings, mediationCases, carePairings, careVisits],
});
