import { activitiesFeature } from '../features/activities/activities.feature';
import { auditFeature } from '../features/audit/audit.feature';
import { careFeature } from '../features/care/care.feature';
import { courtyardsFeature } from '../features/courtyards/courtyards.feature';
import { creditsFeature } from '../features/credits/credits.feature';
import { donationsFeature } from '../features/donations/donations.feature';
import { honoursFeature } from '../features/honours/honours.feature';
import { orgFeature } from '../features/org/org.feature';
import { orgLedgersFeature } from '../features/org-ledgers/org-ledgers.feature';
import { peopleFeature } from '../features/people/people.feature';
import { peopleRolesFeature } from '../features/people-roles/people-roles.feature';
import { reportsFeature } from '../features/reports/reports.feature';
import { screeningsFeature } from '../features/screenings/screenings.feature';
import { usersFeature } from '../features/users/users.feature';
import type { Feature } from '../lib/feature';
import { landingFeature } from './landing.feature';

/**
 * Every feature of the web app, once, in menu order: the routes, the side menu, the shell's strings and
 * the reports' drill-down links are built from this list. A new ledger adds its manifest here.
 */
export const features: Feature[] = [
  landingFeature,
  peopleFeature,
  peopleRolesFeature,
  orgFeature,
  orgLedgersFeature,
  activitiesFeature,
  courtyardsFeature,
  creditsFeature,
  screeningsFeature,
  honoursFeature,
  donationsFeature,
  careFeature,
  reportsFeature,
  usersFeature,
  auditFeature,
];
