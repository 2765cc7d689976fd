import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { reportDefinitionRecord } from './report-definitions.service';
import { reportsRoutes } from './reports.routes';
import { reportDefinitions, workSummaries, workSummaryVersions } from './reports.table';

export const reportsModule = defineModule({
  name: 'reports',
  label: auditModuleLabels.reports,
  // Dashboard, reports and summaries read only the indicators and to-dos every module declares.
  routes: ({ indicators, todos }) => [reportsRoutes({ indicators, todos })],
  records: [reportDefinitionRecord],
  scopedTables: [reportDefinitions, workSummaries, workSummaryVersions],
});
