import { type LedgerModule, registerModules } from '../kernel/module';
import { activitiesModule } from './activities/activities.module';
import { auditModule } from './audit/audit.module';
import { authModule } from './auth/auth.module';
import { careModule } from './care/care.module';
import { courtyardsModule } from './courtyards/courtyards.module';
import { creditsModule } from './credits/credits.module';
import { donationsModule } from './donations/donations.module';
import { honoursModule } from './honours/honours.module';
import { orgModule } from './org/org.module';
import { peopleModule } from './people/people.module';
import { reportsModule } from './reports/reports.module';
import { screeningsModule } from './screenings/screenings.module';
import { systemModule } from './system/system.module';
import { usersModule } from './users/users.module';

/**
 * The one list of modules, in registration order. A new module adds one line here; app.ts, the CLI,
 * backup, record history, the unit move and the dashboard read it.
 */
export const modules: readonly LedgerModule[] = [
  systemModule,
  authModule,
  orgModule,
  usersModule,
  auditModule,
  peopleModule,
  activitiesModule,
  courtyardsModule,
  screeningsModule,
  donationsModule,
  careModule,
  reportsModule,
  creditsModule,
  honoursModule,
];
registerModules(modules);
