import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { reportDefinitionRecord } from './report-definitions.service';
import { reportsRoutes } from './reports.routes';
import { reportDefinitions, workSummaries, workSummaryVersions } from './reports.table';
import { summariesRoutes } from './summaries.routes';
import { summaryShare } from './summaries.shares';

export const reportsModule = defineModule({
  name: 'reports',
  label: auditModuleLabels.reports,
  // Dashboard, reports and summaries read only the indicators and to-dos every module declares.
  routes: ({ indicators, todos }) => [reportsRoutes({ indicators, todos }), summariesRoutes({ indicators })],
  records: [reportDefinitionRecord],
  scopedTables: [reportDefinitions, workSummaries, workSummaryVersions],
  shares: [summaryShare],
});
