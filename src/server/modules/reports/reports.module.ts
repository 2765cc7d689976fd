import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { reportsRoutes } from './reports.routes';
import { reportDefinitions, workSummaries, workSummaryVersions } from './reports.table';

export const reportsModule = defineModule({
  name: 'reports',
  label: auditModuleLabels.reports,
  // Dashboard, reports and summaries read only the indicators and to-dos every module declares.
  routes: ({ indicators, todos }) => [reportsRoutes({ indicators, todos })],
  records: [
    {
      entityType: 'reportDefinition',
      table: reportDefinitions,
      label: { zh: '报表', en: 'Report' },
      permissions: { read: 'reports.read' },
    },
  ],
  scopedTables: [reportDefinitions, workSummaries, workSummaryVersions],
});
