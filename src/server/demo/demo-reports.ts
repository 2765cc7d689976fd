import type { ReportColumn } from '../../contracts/reports';
import type { Tx } from '../kernel/db/connection';
import { uuidv7 } from '../kernel/db/ids';
import { reportDefinitions } from '../modules/reports/reports.table';

/**
 * The county's upward reports as a county federation would set them up (configuration, not
 * records): a 月报 and a 季报 of activities and patrols, and a 年报 adding sites and role holders.
 * Every town renders them for its own villages.
 */
const DEMO_DEFINITIONS: { name: string; periodType: string; columns: ReportColumn[] }[] = [
  {
    name: '妇联工作月报',
    periodType: 'month',
    columns: [
      { indicatorKey: 'activities.sessions' },
      { indicatorKey: 'activities.attendances' },
      { indicatorKey: 'activities.sessions', filter: { dimension: 'type', value: 'outreach' } },
      { indicatorKey: 'patrols.count' },
    ],
  },
  {
    name: '妇联工作季报',
    periodType: 'quarter',
    columns: [
      { indicatorKey: 'activities.sessions', splitBy: 'type' },
      { indicatorKey: 'activities.attendances' },
      { indicatorKey: 'patrols.count' },
      { indicatorKey: 'patrols.hazards' },
    ],
  },
  {
    name: '妇联工作年报',
    periodType: 'year',
    columns: [
      { indicatorKey: 'activities.sessions' },
      { indicatorKey: 'activities.attendances' },
      { indicatorKey: 'org.sites', splitBy: 'kind' },
      { indicatorKey: 'people.roleHolders', filter: { dimension: 'role', value: 'executiveMember' } },
      { indicatorKey: 'people.roleHolders', filter: { dimension: 'role', value: 'forestChief' } },
      { indicatorKey: 'patrols.count' },
    ],
  },
];

export const seedDemoReports = async (tx: Tx, county: { id: string; path: string }) => {
  for (const d of DEMO_DEFINITIONS) {
    await tx.insert(reportDefinitions).values({
      id: uuidv7(),
      orgUnitId: county.id,
      orgPath: county.path,
      name: d.name,
      periodType: d.periodType,
      orgLevel: 'orgUnit',
      columns: d.columns,
    });
  }
  return { reportDefinitions: DEMO_DEFINITIONS.length };
};
