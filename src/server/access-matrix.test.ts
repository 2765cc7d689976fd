import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRubricRules } from '../contracts/courtyards';
import { modules } from './modules';
import { call, createTestApp, login, multipartOf, type Session, seedOrg } from './test/test-app';

/**
 * The org-tree access matrix: every registered /api route, called by users of sibling units with
 * ids from outside their subtree, must answer 403/404 and reveal nothing. A new route fails this
 * test until it is listed below with a request that targets foreign data.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Awaited<ReturnType<typeof seedOrg>>;
const foreign = {
  personId: '',
  householdId: '',
  jobId: '',
  gridId: '',
  groupId: '',
  teamId: '',
  siteId: '',
  roleTermId: '',
  electionId: '',
  indicatorKey: 'org.sites',
  activityId: '',
  campaignId: '',
  photoId: '',
  patrolId: '',
  definitionId: '',
  summaryId: '',
  versionNo: '1',
  rubricId: '',
  inspectionGroupId: '',
  inspectionId: '',
  rectificationId: '',
  inspectionPhotoId: '',
  rectificationPhotoId: '',
  reviewId: '',
  featuredId: '',
  shareId: '',
  creditRuleId: '',
  accountId: '',
  transactionId: '',
  creditGoodId: '',
  redemptionId: '',
  creditStoreId: '',
  creditStocktakeId: '',
  screeningId: '',
  nominationId: '',
  dutyRuleId: '',
  dutyRecordId: '',
  dutyProjectId: '',
  memberId: '',
  driveId: '',
  donationId: '',
  beneficiaryId: '',
  disbursementId: '',
  aidId: '',
  keyPersonId: '',
  riskScreeningId: '',
  caseId: '',
  pairingId: '',
  visitId: '',
};

// Every module's import/export ledgers: an empty template (200 by design), and an import or export
// aimed at the foreign unit.
const ioRoutes = modules.flatMap((m) => m.io ?? []).map((io) => io.routeBase);
const ioRequest = (key: string, foreignUnit: string): { query?: string } | undefined => {
  for (const base of ioRoutes) {
    if (key === `GET ${base}/template`) return {};
    if (key === `POST ${base}/import` || key === `GET ${base}/export`)
      return { query: `orgUnitId=${foreignUnit}` };
  }
  return undefined;
};

// Routes that act only on the caller herself: there is no foreign id to try.
const selfOnly = new Set(['GET /api/v1/auth/me', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/password']);
// Signed-in routes over records owned by one user (her import jobs): others get 404.
const ownerOnly = new Set([
  'GET /api/v1/io/jobs/:jobId',
  'GET /api/v1/io/jobs/:jobId/report',
  // A share link: revoked by its maker or her ancestors' admins, 404 for anyone else.
  'DELETE /api/v1/shares/:shareId',
]);
// Signed-in routes that check each indicator's own permission and scope inside.
const indicatorRoutes = new Set([
  'GET /api/v1/history',
  'GET /api/v1/indicators',
  'GET /api/v1/indicators/:indicatorKey/values',
  'GET /api/v1/indicators/:indicatorKey/records',
  'GET /api/v1/indicators/:indicatorKey/records/export',
  'GET /api/v1/indicators/:indicatorKey/export',
]);

const foreignRequest = (method: string, url: string): { url: string; body?: unknown } | undefined => {
  const ids: Record<string, string> = {
    orgUnitId: org.units.villageA1.id,
    userId: org.userIds.villageA1,
    ...foreign,
    // The kernel names every photo :photoId; an inspection's or a rectification's is its own.
    ...(url.startsWith('/api/v1/courtyards/inspections/') && { photoId: foreign.inspectionPhotoId }),
    ...(url.startsWith('/api/v1/courtyards/rectifications/') && { photoId: foreign.rectificationPhotoId }),
  };
  let missing: string | undefined;
  const path = url.replace(/:(\w+)/g, (_m, name: string) => {
    if (!ids[name]) missing = name;
    return ids[name] ?? '';
  });
  if (missing)
    throw new Error(`no foreign id for :${missing} in ${method} ${url} — add one to the access matrix`);
  const foreignUnit = org.units.villageA1.id;
  const bodies: Record<string, { query?: string; body?: unknown }> = {
    'GET /api/v1/org/tree': {},
    'GET /api/v1/org/units': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/org/units/:orgUnitId': {},
    'POST /api/v1/org/units': {
      body: { parentId: org.units.townA.id, kind: 'village', name: '越权新村妇联' },
    },
    'PATCH /api/v1/org/units/:orgUnitId': { body: { name: '越权改名', version: 1 } },
    'POST /api/v1/org/units/:orgUnitId/move': { body: { newParentId: org.units.townB.id, version: 1 } },
    'POST /api/v1/org/units/:orgUnitId/dissolve': { body: { dissolvedOn: '2026-01-01', version: 1 } },
    'DELETE /api/v1/org/units/:orgUnitId': { query: 'version=1' },
    'POST /api/v1/org/units/:orgUnitId/restore': { body: { version: 1 } },
    'GET /api/v1/users': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/users/:userId': {},
    'POST /api/v1/users': {
      body: {
        username: 'intruder',
        displayName: '越权',
        orgUnitId: foreignUnit,
        role: 'viewer',
        password: 'abcd1234x',
      },
    },
    'PATCH /api/v1/users/:userId': { body: { displayName: '越权', version: 1 } },
    'POST /api/v1/users/:userId/reset-password': { body: { password: 'abcd1234x', version: 1 } },
    'POST /api/v1/users/:userId/disable': { body: { version: 1 } },
    'POST /api/v1/users/:userId/enable': { body: { version: 1 } },
    'GET /api/v1/audit': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/audit/export': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/io/jobs/:jobId': {},
    'POST /api/v1/shares/courtyards.notice': { body: { orgUnitId: foreignUnit, month: '2026-01' } },
    'DELETE /api/v1/shares/:shareId': {},
    'POST /api/v1/shares/reports.summary': { body: { summaryId: foreign.summaryId } },
    'GET /api/v1/io/jobs/:jobId/report': {},
    'GET /api/v1/people/persons': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/people/persons/:personId': {},
    'POST /api/v1/people/persons/:personId/sensitive': { body: { reason: '越权查看' } },
    'GET /api/v1/people/persons/:personId/history': {},
    'POST /api/v1/people/persons': { body: { orgUnitId: foreignUnit, name: '越权' } },
    'PATCH /api/v1/people/persons/:personId': { body: { name: '越权', version: 1 } },
    'DELETE /api/v1/people/persons/:personId': { query: 'version=1' },
    'POST /api/v1/people/persons/:personId/restore': { body: { version: 1 } },
    'GET /api/v1/people/households': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/people/households/:householdId': {},
    'POST /api/v1/people/households': { body: { orgUnitId: foreignUnit, address: '越权路1号' } },
    'PATCH /api/v1/people/households/:householdId': { body: { address: '越权路2号', version: 1 } },
    'DELETE /api/v1/people/households/:householdId': { query: 'version=1' },
    'POST /api/v1/people/households/:householdId/restore': { body: { version: 1 } },
    'GET /api/v1/org/grids': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/org/grids/:gridId': {},
    'POST /api/v1/org/grids': { body: { orgUnitId: foreignUnit, name: '越权网格' } },
    'PATCH /api/v1/org/grids/:gridId': { body: { name: '越权改名', version: 1 } },
    'DELETE /api/v1/org/grids/:gridId': { query: 'version=1' },
    'POST /api/v1/org/grids/:gridId/restore': { body: { version: 1 } },
    'POST /api/v1/org/grids/:gridId/households': { body: { householdIds: [foreign.householdId] } },
    'GET /api/v1/org/grids-coverage': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/org/women-groups': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/org/women-groups/:groupId': {},
    'POST /api/v1/org/women-groups': { body: { gridId: foreign.gridId, name: '越权小组' } },
    'PATCH /api/v1/org/women-groups/:groupId': { body: { memberIds: [], version: 1 } },
    'DELETE /api/v1/org/women-groups/:groupId': { query: 'version=1' },
    'POST /api/v1/org/women-groups/:groupId/restore': { body: { version: 1 } },
    'GET /api/v1/people/volunteer-teams': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/people/volunteer-teams/:teamId': {},
    'POST /api/v1/people/volunteer-teams': {
      body: { orgUnitId: foreignUnit, name: '越权队', kind: 'serviceTeam' },
    },
    'PATCH /api/v1/people/volunteer-teams/:teamId': { body: { memberIds: [], version: 1 } },
    'DELETE /api/v1/people/volunteer-teams/:teamId': { query: 'version=1' },
    'POST /api/v1/people/volunteer-teams/:teamId/restore': { body: { version: 1 } },
    'GET /api/v1/org/sites': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/org/sites/:siteId': {},
    'POST /api/v1/org/sites': { body: { orgUnitId: foreignUnit, kind: 'other', name: '越权阵地' } },
    'PATCH /api/v1/org/sites/:siteId': { body: { name: '越权改名', version: 1 } },
    'DELETE /api/v1/org/sites/:siteId': { query: 'version=1' },
    'POST /api/v1/org/sites/:siteId/restore': { body: { version: 1 } },
    'GET /api/v1/org/elections': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/org/elections/:electionId': {},
    'POST /api/v1/org/elections': {
      body: { orgUnitId: foreignUnit, heldOn: '2026-12-01', chairId: foreign.personId },
    },
    'GET /api/v1/people/role-terms': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/people/role-terms/:roleTermId': {},
    'POST /api/v1/people/role-terms': {
      body: {
        personId: foreign.personId,
        orgUnitId: foreignUnit,
        role: 'volunteer',
        startedOn: '2026-01-01',
      },
    },
    'PATCH /api/v1/people/role-terms/:roleTermId': { body: { note: '越权', version: 1 } },
    'DELETE /api/v1/people/role-terms/:roleTermId': { query: 'version=1' },
    'POST /api/v1/people/role-terms/:roleTermId/restore': { body: { version: 1 } },
    'GET /api/v1/people/tag-options': {},
    'PUT /api/v1/people/tag-options': { body: { tags: ['越权标签'] } },
    'PUT /api/v1/activities/types': { body: { types: [{ label: { zh: '越权类型' } }] } },
    'GET /api/v1/activities/types': {},
    'GET /api/v1/honours/titles': {},
    'PUT /api/v1/org/site-kinds': { body: { kinds: [{ label: { zh: '越权阵地类型' } }] } },
    'GET /api/v1/org/site-kinds': {},
    'GET /api/v1/activities/activities': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/activities/activities/:activityId': {},
    'POST /api/v1/activities/activities': {
      body: {
        orgUnitId: foreignUnit,
        title: '越权活动',
        type: 'outreach',
        occurredOn: '2026-01-05',
        attendance: 1,
      },
    },
    'POST /api/v1/activities/activities/series': {
      body: { title: '越权宣讲', type: 'outreach', orgUnitIds: [foreignUnit], months: ['2026-01'] },
    },
    'PATCH /api/v1/activities/activities/:activityId': { body: { attendance: 2, version: 1 } },
    'DELETE /api/v1/activities/activities/:activityId': { query: 'version=1' },
    'POST /api/v1/activities/activities/:activityId/restore': { body: { version: 1 } },
    'POST /api/v1/activities/activities/:activityId/photos': {},
    'GET /api/v1/activities/activities/:activityId/photos/:photoId': {},
    'DELETE /api/v1/activities/activities/:activityId/photos/:photoId': {},
    'GET /api/v1/activities/campaigns': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/activities/campaigns/:campaignId': {},
    'POST /api/v1/activities/campaigns': { body: { orgUnitId: foreignUnit, name: '越权行动' } },
    'PATCH /api/v1/activities/campaigns/:campaignId': { body: { name: '越权改名', version: 1 } },
    'DELETE /api/v1/activities/campaigns/:campaignId': { query: 'version=1' },
    'POST /api/v1/activities/campaigns/:campaignId/restore': { body: { version: 1 } },
    'GET /api/v1/activities/patrols': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/activities/patrols/:patrolId': {},
    'POST /api/v1/activities/patrols/:patrolId/photos': {},
    'GET /api/v1/activities/patrols/:patrolId/photos/:photoId': {},
    'DELETE /api/v1/activities/patrols/:patrolId/photos/:photoId': {},
    'POST /api/v1/activities/patrols': {
      body: {
        orgUnitId: foreignUnit,
        occurredOn: '2026-01-05',
        area: '越权巡查',
        chiefIds: [foreign.personId],
      },
    },
    'POST /api/v1/activities/patrols/batch': {
      body: {
        items: [
          {
            orgUnitId: foreignUnit,
            occurredOn: '2026-01-05',
            area: '越权巡查',
            chiefIds: [foreign.personId],
          },
        ],
      },
    },
    'PATCH /api/v1/activities/patrols/:patrolId': { body: { area: '越权改写', version: 1 } },
    'DELETE /api/v1/activities/patrols/:patrolId': { query: 'version=1' },
    'POST /api/v1/activities/patrols/:patrolId/restore': { body: { version: 1 } },
    'GET /api/v1/reports/dashboard': { query: `year=2026&month=1&orgUnitId=${foreignUnit}` },
    'GET /api/v1/reports/definitions': { query: `orgUnitId=${foreignUnit}` },
    'POST /api/v1/reports/definitions': {
      body: {
        orgUnitId: foreignUnit,
        name: '越权报表',
        periodType: 'month',
        orgLevel: 'orgUnit',
        columns: [{ indicatorKey: 'activities.sessions' }],
      },
    },
    'GET /api/v1/honours/nominations': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/honours/nominations/:nominationId': {},
    'POST /api/v1/honours/nominations/:nominationId/photos': {},
    'GET /api/v1/honours/nominations/:nominationId/photos/:photoId': {},
    'DELETE /api/v1/honours/nominations/:nominationId/photos/:photoId': {},
    'POST /api/v1/honours/nominations': {
      body: {
        orgUnitId: foreignUnit,
        year: 2026,
        titleCode: 'mostBeautifulFamily',
        nomineeKind: 'person',
        personId: foreign.personId,
      },
    },
    'PATCH /api/v1/honours/nominations/:nominationId': { body: { deeds: '越权改写', version: 1 } },
    'DELETE /api/v1/honours/nominations/:nominationId': { query: 'version=1' },
    'POST /api/v1/honours/nominations/:nominationId/restore': { body: { version: 1 } },
    'POST /api/v1/honours/nominations/:nominationId/publicize': {
      body: { noticeFrom: '2026-01-01', noticeTo: '2026-01-03', version: 1 },
    },
    'POST /api/v1/honours/nominations/:nominationId/decide': { body: { outcome: 'notAwarded', version: 1 } },
    'PUT /api/v1/honours/titles': {
      body: {
        titles: [{ label: { zh: '越权称号' }, level: 'town', awardingBody: '越权', maskedNotice: false }],
      },
    },
    'GET /api/v1/honours/duty-rules': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/honours/duty-rules/:dutyRuleId': {},
    'POST /api/v1/honours/duty-rules': {
      body: { orgUnitId: foreignUnit, name: '越权规则', rhythm: 'month', fulfilledBy: 'contact' },
    },
    'PATCH /api/v1/honours/duty-rules/:dutyRuleId': { body: { name: '越权改名', version: 1 } },
    'DELETE /api/v1/honours/duty-rules/:dutyRuleId': { query: 'version=1' },
    'POST /api/v1/honours/duty-rules/:dutyRuleId/restore': { body: { version: 1 } },
    'GET /api/v1/honours/duty-records': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/honours/duty-records/:dutyRecordId': {},
    'POST /api/v1/honours/duty-records': {
      body: {
        orgUnitId: foreignUnit,
        memberId: foreign.personId,
        kind: 'contact',
        occurredOn: '2026-02-01',
        womenContacted: 1,
      },
    },
    'PATCH /api/v1/honours/duty-records/:dutyRecordId': { body: { matters: '越权改写', version: 1 } },
    'DELETE /api/v1/honours/duty-records/:dutyRecordId': { query: 'version=1' },
    'POST /api/v1/honours/duty-records/:dutyRecordId/restore': { body: { version: 1 } },
    'GET /api/v1/honours/duty-projects': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/honours/duty-projects/:dutyProjectId': {},
    'POST /api/v1/honours/duty-projects': {
      body: {
        orgUnitId: foreignUnit,
        memberId: foreign.personId,
        title: '越权项目',
        claimedOn: '2026-02-01',
      },
    },
    'PATCH /api/v1/honours/duty-projects/:dutyProjectId': { body: { progress: 50, version: 1 } },
    'DELETE /api/v1/honours/duty-projects/:dutyProjectId': { query: 'version=1' },
    'POST /api/v1/honours/duty-projects/:dutyProjectId/restore': { body: { version: 1 } },
    'GET /api/v1/honours/duty-compliance': { query: `orgUnitId=${foreignUnit}&year=2026` },
    'GET /api/v1/honours/members/:memberId/duties': { query: 'year=2026' },
    'GET /api/v1/reports/definitions/:definitionId': {},
    'PATCH /api/v1/reports/definitions/:definitionId': { body: { name: '越权改名', version: 1 } },
    'DELETE /api/v1/reports/definitions/:definitionId': { query: 'version=1' },
    'POST /api/v1/reports/definitions/:definitionId/restore': { body: { version: 1 } },
    'GET /api/v1/screenings': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/screenings/:screeningId': {},
    'POST /api/v1/screenings': {
      body: { personId: foreign.personId, programmeYear: 2025, category: 'rural', mobilisedOn: '2025-04-01' },
    },
    'PATCH /api/v1/screenings/:screeningId': { body: { site: '越权改写', version: 1 } },
    'DELETE /api/v1/screenings/:screeningId': { query: 'version=1' },
    'POST /api/v1/screenings/:screeningId/restore': { body: { version: 1 } },
    'GET /api/v1/reports/definitions/:definitionId/render': { query: 'year=2026' },
    'GET /api/v1/reports/definitions/:definitionId/export': { query: 'year=2026' },
    'POST /api/v1/reports/preview': {
      body: {
        orgUnitId: foreignUnit,
        periodType: 'year',
        orgLevel: 'orgUnit',
        columns: [{ indicatorKey: 'activities.sessions' }],
        year: 2026,
      },
    },
    'GET /api/v1/reports/summaries': { query: `orgUnitId=${foreignUnit}` },
    'POST /api/v1/reports/summaries': { body: { orgUnitId: foreignUnit, kind: 'annual', year: 2026 } },
    'POST /api/v1/reports/summaries/draft': { body: { orgUnitId: foreignUnit, kind: 'annual', year: 2026 } },
    'GET /api/v1/reports/summaries/:summaryId': {},
    'PUT /api/v1/reports/summaries/:summaryId': {
      body: { content: { title: '越权', sections: [], planItems: [] }, version: 1 },
    },
    'DELETE /api/v1/reports/summaries/:summaryId': { query: 'version=1' },
    'POST /api/v1/reports/summaries/:summaryId/restore': { body: { version: 1 } },
    'POST /api/v1/reports/summaries/:summaryId/regenerate': { body: { mode: 'discardEdits', version: 1 } },
    'GET /api/v1/reports/summaries/:summaryId/versions': {},
    'GET /api/v1/reports/summaries/:summaryId/versions/:versionNo': {},
    'POST /api/v1/reports/summaries/:summaryId/versions/:versionNo/restore': { body: { version: 1 } },
    'GET /api/v1/reports/summaries/:summaryId/export': {},
    'GET /api/v1/courtyards/rubrics': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/courtyards/rubrics/effective': { query: `orgUnitId=${foreignUnit}&year=2026` },
    'GET /api/v1/courtyards/rubrics/:rubricId': {},
    'POST /api/v1/courtyards/rubrics': {
      body: { orgUnitId: foreignUnit, year: 2026, name: '越权细则', rules: defaultRubricRules },
    },
    'PATCH /api/v1/courtyards/rubrics/:rubricId': { body: { name: '越权改名', version: 1 } },
    'DELETE /api/v1/courtyards/rubrics/:rubricId': { query: 'version=1' },
    'POST /api/v1/courtyards/rubrics/:rubricId/restore': { body: { version: 1 } },
    'GET /api/v1/courtyards/groups': { query: `orgUnitId=${org.units.townA.id}` },
    'GET /api/v1/courtyards/groups/:inspectionGroupId': {},
    'POST /api/v1/courtyards/groups': {
      body: { orgUnitId: org.units.townA.id, name: '越权小组', memberIds: [foreign.personId] },
    },
    'PATCH /api/v1/courtyards/groups/:inspectionGroupId': { body: { name: '越权改名', version: 1 } },
    'DELETE /api/v1/courtyards/groups/:inspectionGroupId': { query: 'version=1' },
    'POST /api/v1/courtyards/groups/:inspectionGroupId/restore': { body: { version: 1 } },
    'GET /api/v1/courtyards/assignments': { query: `townId=${org.units.townA.id}&month=2026-01` },
    'PUT /api/v1/courtyards/assignments': {
      body: { townId: org.units.townA.id, month: '2026-01', items: [] },
    },
    'POST /api/v1/courtyards/assignments/generate': {
      body: { townId: org.units.townA.id, month: '2026-02', isReplacing: true },
    },
    'GET /api/v1/courtyards/inspections': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/courtyards/inspections/:inspectionId': {},
    'POST /api/v1/courtyards/inspections': {
      body: { householdId: foreign.householdId, kind: 'spotCheck', inspectedOn: '2026-01-09' },
    },
    'PATCH /api/v1/courtyards/inspections/:inspectionId': { body: { note: '越权', version: 1 } },
    'DELETE /api/v1/courtyards/inspections/:inspectionId': { query: 'version=1' },
    'POST /api/v1/courtyards/inspections/:inspectionId/restore': { body: { version: 1 } },
    'POST /api/v1/courtyards/inspections/:inspectionId/photos': {},
    'POST /api/v1/courtyards/rectifications/:rectificationId/photos': { query: 'phase=after' },
    'GET /api/v1/courtyards/inspections/:inspectionId/photos/:photoId': {},
    'DELETE /api/v1/courtyards/inspections/:inspectionId/photos/:photoId': {},
    'GET /api/v1/courtyards/rectifications/:rectificationId/photos/:photoId': {},
    'DELETE /api/v1/courtyards/rectifications/:rectificationId/photos/:photoId': {},
    'GET /api/v1/courtyards/rectifications': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/courtyards/rectifications/board': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/courtyards/rectifications/:rectificationId': {},
    'POST /api/v1/courtyards/rectifications': {
      body: { inspectionId: foreign.inspectionId, problem: '越权整改' },
    },
    'POST /api/v1/courtyards/rectifications/:rectificationId/fix': {
      body: { fixedOn: '2026-01-10', version: 1 },
    },
    'POST /api/v1/courtyards/rectifications/:rectificationId/verify': {
      body: { verifiedOn: '2026-01-10', version: 1 },
    },
    'GET /api/v1/courtyards/households': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/courtyards/households/:householdId/file': {},
    'GET /api/v1/courtyards/rating-changes': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/courtyards/plaque-events': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/courtyards/reviews': { query: `townId=${org.units.townA.id}&month=2026-01` },
    'POST /api/v1/courtyards/reviews/compute': { body: { townId: org.units.townA.id, month: '2026-01' } },
    'POST /api/v1/courtyards/reviews/:reviewId/confirm': { body: { meetingOn: '2026-02-05', version: 1 } },
    'GET /api/v1/courtyards/featured-categories': {},
    'PUT /api/v1/courtyards/featured-categories': {
      body: { categories: [{ code: 'intruder', label: { zh: '越权', en: 'x' } }] },
    },
    'GET /api/v1/courtyards/featured': { query: `orgUnitId=${foreignUnit}` },
    'POST /api/v1/courtyards/featured': {
      body: { householdId: foreign.householdId, category: 'books', designatedOn: '2026-01-10' },
    },
    'DELETE /api/v1/courtyards/featured/:featuredId': { query: 'version=1' },
    'POST /api/v1/courtyards/featured/:featuredId/restore': { body: { version: 1 } },
    'GET /api/v1/courtyards/notices': { query: `orgUnitId=${foreignUnit}&month=2026-01` },
    'GET /api/v1/courtyards/notices/docx': { query: `orgUnitId=${foreignUnit}&month=2026-01` },
    'GET /api/v1/courtyards/todo': { query: `orgUnitId=${foreignUnit}&month=2026-01` },
    'GET /api/v1/credits/rules': { query: `orgUnitId=${foreignUnit}` },
    'POST /api/v1/credits/rules': {
      body: {
        orgUnitId: org.units.townA.id,
        item: '越权细则',
        category: 'other',
        points: 1,
        validFrom: '2026-01-01',
      },
    },
    'GET /api/v1/credits/rules/:creditRuleId': {},
    'PATCH /api/v1/credits/rules/:creditRuleId': { body: { item: '越权改名', version: 1 } },
    'DELETE /api/v1/credits/rules/:creditRuleId': { query: 'version=1' },
    'POST /api/v1/credits/rules/:creditRuleId/restore': { body: { version: 1 } },
    'GET /api/v1/credits/goods': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/credits/goods/:creditGoodId': {},
    'POST /api/v1/credits/goods': {
      body: { storeId: foreign.creditStoreId, name: '越权物品', unit: '个', pointsPrice: 1 },
    },
    'PATCH /api/v1/credits/goods/:creditGoodId': { body: { name: '越权改名', version: 1 } },
    'DELETE /api/v1/credits/goods/:creditGoodId': { query: 'version=1' },
    'POST /api/v1/credits/goods/:creditGoodId/restore': { body: { version: 1 } },
    'GET /api/v1/credits/households': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/credits/accounts': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/credits/accounts/:accountId': {},
    'POST /api/v1/credits/accounts': { body: { householdId: foreign.householdId } },
    'GET /api/v1/credits/transactions': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/credits/transactions/:transactionId': {},
    'POST /api/v1/credits/awards': {
      body: {
        ruleId: foreign.creditRuleId,
        occurredOn: '2026-01-10',
        entries: [{ householdId: foreign.householdId }],
      },
    },
    'POST /api/v1/credits/auto-awards': {
      body: {
        ruleId: foreign.creditRuleId,
        source: 'courtyardRating',
        month: '2026-01',
        orgUnitId: foreignUnit,
      },
    },
    'POST /api/v1/credits/transactions/:transactionId/confirm': { body: { version: 1 } },
    'POST /api/v1/credits/transactions/:transactionId/reject': { body: { version: 1, reason: '越权驳回' } },
    'POST /api/v1/credits/transactions/:transactionId/reverse': { body: { reason: '越权冲正' } },
    'POST /api/v1/credits/opening-balances': {
      body: { householdId: foreign.householdId, points: 100, occurredOn: '2026-01-01' },
    },
    'GET /api/v1/credits/stores': { query: `orgUnitId=${foreignUnit}` },
    'POST /api/v1/credits/stock-in': {
      body: { goodId: foreign.creditGoodId, source: 'bought', quantity: 1, occurredOn: '2026-01-02' },
    },
    'GET /api/v1/credits/stock-moves': { query: `storeId=${foreign.creditStoreId}` },
    'GET /api/v1/credits/redemptions': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/credits/redemptions/:redemptionId': {},
    'POST /api/v1/credits/redemptions': {
      body: {
        id: '01890000-0000-7000-8000-000000000001',
        storeId: foreign.creditStoreId,
        householdId: foreign.householdId,
        lines: [{ goodId: foreign.creditGoodId, quantity: 1 }],
      },
    },
    'GET /api/v1/credits/stocktakes': { query: `storeId=${foreign.creditStoreId}` },
    'POST /api/v1/credits/stocktakes': {
      body: {
        storeId: foreign.creditStoreId,
        countedOn: '2026-01-03',
        lines: [{ goodId: foreign.creditGoodId, counted: 0, reason: '越权' }],
      },
    },
    'GET /api/v1/history': { query: `entityType=person&entityId=${foreign.personId}` },
    'GET /api/v1/indicators': {},
    'GET /api/v1/indicators/:indicatorKey/export': {
      query: `from=2026-01-01&to=2026-12-31&orgUnitId=${foreignUnit}`,
    },
    'GET /api/v1/indicators/:indicatorKey/values': {
      query: `from=2026-01-01&to=2026-12-31&orgUnitId=${foreignUnit}`,
    },
    'GET /api/v1/indicators/:indicatorKey/records': {
      query: `from=2026-01-01&to=2026-12-31&orgUnitId=${foreignUnit}`,
    },
    'GET /api/v1/indicators/:indicatorKey/records/export': {
      query: `from=2026-01-01&to=2026-12-31&orgUnitId=${foreignUnit}`,
    },
    'GET /api/v1/donations/drives': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/donations/drives/:driveId': {},
    'POST /api/v1/donations/drives': {
      body: {
        orgUnitId: foreignUnit,
        name: '越权募捐',
        purpose: 'other',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      },
    },
    'PATCH /api/v1/donations/drives/:driveId': { body: { name: '越权改名', version: 1 } },
    'DELETE /api/v1/donations/drives/:driveId': { query: 'version=1' },
    'POST /api/v1/donations/drives/:driveId/restore': { body: { version: 1 } },
    'GET /api/v1/donations/drives/:driveId/reconciliation': {},
    'GET /api/v1/donations/drives/:driveId/publicity': {},
    'GET /api/v1/donations/drives/:driveId/reconciliation/export': {},
    'GET /api/v1/donations/donations': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/donations/donations/:donationId': {},
    'GET /api/v1/donations/donations/:donationId/receipt': {},
    'POST /api/v1/donations/donations': {
      body: {
        driveId: foreign.driveId,
        donorName: '越权',
        donorKind: 'person',
        kind: 'money',
        amountFen: 100,
        method: 'cash',
        receivedOn: '2026-01-05',
      },
    },
    'PATCH /api/v1/donations/donations/:donationId': { body: { note: '越权', version: 1 } },
    'DELETE /api/v1/donations/donations/:donationId': { query: 'version=1' },
    'POST /api/v1/donations/donations/:donationId/restore': { body: { version: 1 } },
    'GET /api/v1/donations/beneficiaries': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/donations/beneficiaries/:beneficiaryId': {},
    'POST /api/v1/donations/beneficiaries': { body: { orgUnitId: foreignUnit, name: '越权', kind: 'other' } },
    'PATCH /api/v1/donations/beneficiaries/:beneficiaryId': { body: { note: '越权', version: 1 } },
    'DELETE /api/v1/donations/beneficiaries/:beneficiaryId': { query: 'version=1' },
    'POST /api/v1/donations/beneficiaries/:beneficiaryId/restore': { body: { version: 1 } },
    'GET /api/v1/donations/disbursements': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/donations/disbursements/export': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/donations/disbursements/:disbursementId': {},
    'POST /api/v1/donations/disbursements': {
      body: {
        driveId: foreign.driveId,
        beneficiaryId: foreign.beneficiaryId,
        amountFen: 100,
        submittedOn: '2026-01-06',
      },
    },
    'PATCH /api/v1/donations/disbursements/:disbursementId': { body: { purpose: '越权', version: 1 } },
    'DELETE /api/v1/donations/disbursements/:disbursementId': { query: 'version=1' },
    'POST /api/v1/donations/disbursements/:disbursementId/restore': { body: { version: 1 } },
    'POST /api/v1/donations/disbursements/:disbursementId/steps': {
      body: { action: 'reject', on: '2026-01-07', note: '越权', version: 1 },
    },
    'GET /api/v1/cancer-aid': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/cancer-aid/:aidId': {},
    'POST /api/v1/cancer-aid': {
      body: {
        orgUnitId: foreignUnit,
        personId: foreign.personId,
        appliedOn: '2026-01-05',
        cancerType: 'breast',
        incomeCategory: 'lowIncome',
      },
    },
    'PATCH /api/v1/cancer-aid/:aidId': { body: { hospital: '越权', version: 1 } },
    'DELETE /api/v1/cancer-aid/:aidId': { query: 'version=1' },
    'POST /api/v1/cancer-aid/:aidId/restore': { body: { version: 1 } },
    'POST /api/v1/cancer-aid/:aidId/steps': { body: { action: 'submit', on: '2026-01-06', version: 1 } },
    'POST /api/v1/cancer-aid/:aidId/document': {},
    'GET /api/v1/cancer-aid/:aidId/document': {},
    'GET /api/v1/care/key-people': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/care/key-people/:keyPersonId': {},
    'POST /api/v1/care/key-people': {
      body: { orgUnitId: foreignUnit, personId: foreign.personId, category: 'other' },
    },
    'PATCH /api/v1/care/key-people/:keyPersonId': { body: { note: '越权', version: 1 } },
    'DELETE /api/v1/care/key-people/:keyPersonId': { query: 'version=1' },
    'POST /api/v1/care/key-people/:keyPersonId/restore': { body: { version: 1 } },
    'POST /api/v1/care/key-people/:keyPersonId/close-request': { body: { reason: '越权销号', version: 1 } },
    'POST /api/v1/care/key-people/:keyPersonId/close-decision': { body: { approve: true, version: 1 } },
    'GET /api/v1/care/screenings': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/care/screenings/:riskScreeningId': {},
    'POST /api/v1/care/screenings': {
      body: { keyPersonId: foreign.keyPersonId, month: '2026-02', screenedOn: '2026-02-03', risk: 'green' },
    },
    'PATCH /api/v1/care/screenings/:riskScreeningId': { body: { risk: 'green', version: 1 } },
    'DELETE /api/v1/care/screenings/:riskScreeningId': { query: 'version=1' },
    'POST /api/v1/care/screenings/:riskScreeningId/restore': { body: { version: 1 } },
    'GET /api/v1/care/checklist': { query: `month=2026-01&orgUnitId=${foreignUnit}` },
    'GET /api/v1/care/cases': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/care/cases/:caseId': {},
    'POST /api/v1/care/cases': {
      body: {
        orgUnitId: foreignUnit,
        source: 'walkIn',
        disputeType: 'other',
        parties: [{ name: '越权' }],
        receivedOn: '2026-01-05',
      },
    },
    'PATCH /api/v1/care/cases/:caseId': { body: { summary: '越权', version: 1 } },
    'DELETE /api/v1/care/cases/:caseId': { query: 'version=1' },
    'POST /api/v1/care/cases/:caseId/restore': { body: { version: 1 } },
    'POST /api/v1/care/cases/:caseId/sessions': {
      body: { heldOn: '2026-01-06', attendees: '越权', version: 1 },
    },
    'POST /api/v1/care/cases/:caseId/close': {
      body: { outcome: 'withdrawn', closedOn: '2026-01-06', version: 1 },
    },
    'POST /api/v1/care/cases/:caseId/reopen': { body: { reason: '越权打开', version: 1 } },
    'POST /api/v1/care/cases/:caseId/follow-up': { body: { followedUpOn: '2026-01-07', version: 1 } },
    'POST /api/v1/care/cases/:caseId/reveal': { body: { reason: '越权查看' } },
    'GET /api/v1/care/pairings': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/care/pairings/:pairingId': {},
    'POST /api/v1/care/pairings': {
      body: {
        keyPersonId: foreign.keyPersonId,
        helpers: [{ personId: foreign.personId }],
        frequency: 'monthly',
        startedOn: '2026-01-05',
      },
    },
    'PATCH /api/v1/care/pairings/:pairingId': { body: { frequency: 'weekly', version: 1 } },
    'DELETE /api/v1/care/pairings/:pairingId': { query: 'version=1' },
    'POST /api/v1/care/pairings/:pairingId/restore': { body: { version: 1 } },
    'POST /api/v1/care/pairings/:pairingId/end': {
      body: { endedOn: '2026-01-20', reason: '越权结束', version: 1 },
    },
    'GET /api/v1/care/visits': { query: `orgUnitId=${foreignUnit}` },
    'GET /api/v1/care/visits/:visitId': {},
    'POST /api/v1/care/visits': {
      body: { pairingId: foreign.pairingId, visitedOn: '2026-01-08', mode: 'home', findings: '越权走访' },
    },
    'PATCH /api/v1/care/visits/:visitId': { body: { mode: 'phone', version: 1 } },
    'DELETE /api/v1/care/visits/:visitId': { query: 'version=1' },
    'POST /api/v1/care/visits/:visitId/restore': { body: { version: 1 } },
    'POST /api/v1/care/visits/:visitId/reveal': { body: { reason: '越权查看' } },
    'GET /api/v1/care/access-log': { query: `orgUnitId=${foreignUnit}` },
  };
  const spec = bodies[`${method} ${url}`] ?? ioRequest(`${method} ${url}`, foreignUnit);
  if (!spec) return undefined;
  return { url: spec.query ? `${path}?${spec.query}` : path, body: spec.body };
};

// Routes that answer 200 to a sibling by design: her own subtree only (the tree), or no records at
// all (an empty import template).
const scopedOk = new Set([
  ...ioRoutes.map((base) => `GET ${base}/template`),
  'GET /api/v1/org/tree',
  'GET /api/v1/people/tag-options',
  'GET /api/v1/activities/types',
  'GET /api/v1/org/site-kinds',
  'GET /api/v1/indicators',
  'GET /api/v1/courtyards/featured-categories',
  // A town's credit rule is handed down: every village of the town reads it (and may not change it).
  'GET /api/v1/credits/rules/:creditRuleId',
  'GET /api/v1/honours/titles',
]);

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrg(t.db);
  // villageA1's own records: audit rows, a household, a person, an import job with a report.
  const owner = await login(t.app, 'villageA1');
  const household = await call(t.app, owner, 'POST', '/api/v1/people/households', {
    orgUnitId: org.units.villageA1.id,
    address: '甲一村秘密路',
    houseNumber: '1号',
  });
  foreign.householdId = household.json().id;
  const person = await call(t.app, owner, 'POST', '/api/v1/people/persons', {
    orgUnitId: org.units.villageA1.id,
    name: '甲一村秘密人员',
    householdId: foreign.householdId,
    phone: '13800000001',
  });
  foreign.personId = person.json().id;
  expect(person.statusCode, person.body).toBe(201);
  expect(household.statusCode, household.body).toBe(201);
  // Her grid, women's group and volunteer team, all naming her; the household stays outside any
  // grid so that a sibling's coverage report would list it if it leaked.
  const grid = await call(t.app, owner, 'POST', '/api/v1/org/grids', {
    orgUnitId: org.units.villageA1.id,
    name: '甲一村秘密网格',
    memberPersonId: foreign.personId,
  });
  expect(grid.statusCode, grid.body).toBe(201);
  foreign.gridId = grid.json().id;
  const group = await call(t.app, owner, 'POST', '/api/v1/org/women-groups', {
    gridId: foreign.gridId,
    name: '甲一村秘密小组',
    leaderPersonId: foreign.personId,
    memberIds: [foreign.personId],
  });
  expect(group.statusCode, group.body).toBe(201);
  foreign.groupId = group.json().id;
  const team = await call(t.app, owner, 'POST', '/api/v1/people/volunteer-teams', {
    orgUnitId: org.units.villageA1.id,
    name: '甲一村秘密志愿队',
    kind: 'serviceTeam',
    leaderPersonId: foreign.personId,
    memberIds: [foreign.personId],
  });
  expect(team.statusCode, team.body).toBe(201);
  foreign.teamId = team.json().id;
  const site = await call(t.app, owner, 'POST', '/api/v1/org/sites', {
    orgUnitId: org.units.villageA1.id,
    kind: 'womenHome',
    name: '甲一村秘密阵地',
    contactPersonId: foreign.personId,
  });
  expect(site.statusCode, site.body).toBe(201);
  foreign.siteId = site.json().id;
  const election = await call(t.app, owner, 'POST', '/api/v1/org/elections', {
    orgUnitId: org.units.villageA1.id,
    heldOn: '2021-06-15',
    chairId: foreign.personId,
  });
  expect(election.statusCode, election.body).toBe(201);
  foreign.electionId = election.json().id;
  const terms = await call(t.app, owner, 'GET', `/api/v1/people/role-terms?personId=${foreign.personId}`);
  foreign.roleTermId = terms.json().items[0].id;
  const campaign = await call(t.app, owner, 'POST', '/api/v1/activities/campaigns', {
    orgUnitId: org.units.villageA1.id,
    name: '甲一村秘密行动',
  });
  expect(campaign.statusCode, campaign.body).toBe(201);
  foreign.campaignId = campaign.json().id;
  const activity = await call(t.app, owner, 'POST', '/api/v1/activities/activities', {
    orgUnitId: org.units.villageA1.id,
    title: '甲一村秘密活动',
    type: 'outreach',
    occurredOn: '2026-01-05',
    attendance: 12,
    siteId: foreign.siteId,
    campaignIds: [foreign.campaignId],
    participantIds: [foreign.personId],
  });
  expect(activity.statusCode, activity.body).toBe(201);
  foreign.activityId = activity.json().id;
  const patrol = await call(t.app, owner, 'POST', '/api/v1/activities/patrols', {
    orgUnitId: org.units.villageA1.id,
    occurredOn: '2026-01-06',
    area: '甲一村秘密山场',
    chiefIds: [foreign.personId],
    teamId: foreign.teamId,
    hazardsFound: 1,
    hazardNote: '甲一村秘密隐患',
  });
  expect(patrol.statusCode, patrol.body).toBe(201);
  foreign.patrolId = patrol.json().id;
  // Her honours and duties: a nomination of her, her executive-member term, a rule, a contact, a project.
  const nomination = await call(t.app, owner, 'POST', '/api/v1/honours/nominations', {
    orgUnitId: org.units.villageA1.id,
    year: 2026,
    titleCode: 'mostBeautifulFamily',
    nomineeKind: 'person',
    personId: foreign.personId,
    deeds: '甲一村秘密事迹',
  });
  expect(nomination.statusCode, nomination.body).toBe(201);
  foreign.nominationId = nomination.json().id;
  const memberTerm = await call(t.app, owner, 'POST', '/api/v1/people/role-terms', {
    personId: foreign.personId,
    orgUnitId: org.units.villageA1.id,
    role: 'executiveMember',
    startedOn: '2025-01-01',
  });
  expect(memberTerm.statusCode, memberTerm.body).toBe(201);
  foreign.memberId = foreign.personId;
  const dutyRule = await call(t.app, owner, 'POST', '/api/v1/honours/duty-rules', {
    orgUnitId: org.units.villageA1.id,
    name: '甲一村秘密规则',
    rhythm: 'month',
    fulfilledBy: 'contact',
  });
  expect(dutyRule.statusCode, dutyRule.body).toBe(201);
  foreign.dutyRuleId = dutyRule.json().id;
  const dutyRecord = await call(t.app, owner, 'POST', '/api/v1/honours/duty-records', {
    orgUnitId: org.units.villageA1.id,
    memberId: foreign.personId,
    kind: 'contact',
    occurredOn: '2026-01-07',
    womenContacted: 5,
    matters: '甲一村秘密诉求',
  });
  expect(dutyRecord.statusCode, dutyRecord.body).toBe(201);
  foreign.dutyRecordId = dutyRecord.json().id;
  const dutyProject = await call(t.app, owner, 'POST', '/api/v1/honours/duty-projects', {
    orgUnitId: org.units.villageA1.id,
    memberId: foreign.personId,
    title: '甲一村秘密项目',
    claimedOn: '2026-01-08',
  });
  expect(dutyProject.statusCode, dutyProject.body).toBe(201);
  foreign.dutyProjectId = dutyProject.json().id;
  // Her care records: a key person (the secret person), a screening, a mediation case naming her.
  const keyPerson = await call(t.app, owner, 'POST', '/api/v1/care/key-people', {
    orgUnitId: org.units.villageA1.id,
    personId: foreign.personId,
    category: 'conflictFamily',
    note: '甲一村秘密情况',
  });
  expect(keyPerson.statusCode, keyPerson.body).toBe(201);
  foreign.keyPersonId = keyPerson.json().id;
  const riskScreening = await call(t.app, owner, 'POST', '/api/v1/care/screenings', {
    keyPersonId: foreign.keyPersonId,
    month: '2026-01',
    screenedOn: '2026-01-06',
    risk: 'orange',
    reason: '甲一村秘密矛盾',
  });
  expect(riskScreening.statusCode, riskScreening.body).toBe(201);
  foreign.riskScreeningId = riskScreening.json().id;
  const mediation = await call(t.app, owner, 'POST', '/api/v1/care/cases', {
    orgUnitId: org.units.villageA1.id,
    source: 'walkIn',
    disputeType: 'marriage',
    parties: [{ name: '甲一村秘密当事人' }],
    summary: '甲一村秘密案情',
    receivedOn: '2026-01-05',
  });
  expect(mediation.statusCode, mediation.body).toBe(201);
  foreign.caseId = mediation.json().id;
  // Her pairing (she is the helper) and a visit whose findings are secret.
  const pairing = await call(t.app, owner, 'POST', '/api/v1/care/pairings', {
    keyPersonId: foreign.keyPersonId,
    helpers: [{ userId: org.userIds.villageA1 }],
    frequency: 'monthly',
    startedOn: '2026-01-05',
  });
  expect(pairing.statusCode, pairing.body).toBe(201);
  foreign.pairingId = pairing.json().id;
  const careVisit = await call(t.app, owner, 'POST', '/api/v1/care/visits', {
    pairingId: foreign.pairingId,
    visitedOn: '2026-01-07',
    mode: 'home',
    findings: '甲一村秘密走访情况',
    help: ['goods'],
    amountFen: 10000,
  });
  expect(careVisit.statusCode, careVisit.body).toBe(201);
  foreign.visitId = careVisit.json().id;
  const definition = await call(t.app, owner, 'POST', '/api/v1/reports/definitions', {
    orgUnitId: org.units.villageA1.id,
    name: '甲一村秘密月报',
    periodType: 'month',
    orgLevel: 'orgUnit',
    columns: [{ indicatorKey: 'activities.sessions' }],
  });
  expect(definition.statusCode, definition.body).toBe(201);
  foreign.definitionId = definition.json().id;
  const summary = await call(t.app, owner, 'POST', '/api/v1/reports/summaries', {
    orgUnitId: org.units.villageA1.id,
    kind: 'annual',
    year: 2026,
    planItems: [{ id: 'p1', text: '甲一村秘密打算' }],
  });
  expect(summary.statusCode, summary.body).toBe(201);
  foreign.summaryId = summary.json().id;
  // Her courtyard records: a rubric for her village and a featured designation (set by her town:
  // a village manages no courtyard scheme), an inspection with a rectification and a photo; the
  // town's group of her chair and the town's computed month review.
  // Her credit records: her town's rule, an award to her household, her store with a good, a
  // redemption and a stocktake.
  const creditTown = await login(t.app, 'townA');
  const creditRule = await call(t.app, creditTown, 'POST', '/api/v1/credits/rules', {
    orgUnitId: org.units.townA.id,
    item: '庭院整洁',
    category: 'environment',
    points: 50,
    validFrom: '2026-01-01',
  });
  expect(creditRule.statusCode, creditRule.body).toBe(201);
  foreign.creditRuleId = creditRule.json().id;
  const awarded = await call(t.app, owner, 'POST', '/api/v1/credits/awards', {
    ruleId: foreign.creditRuleId,
    occurredOn: '2026-01-05',
    entries: [{ householdId: foreign.householdId }],
  });
  expect(awarded.statusCode, awarded.body).toBe(201);
  foreign.transactionId = awarded.json().items[0].id;
  foreign.accountId = awarded.json().items[0].accountId;
  const creditStore = await call(t.app, owner, 'POST', '/api/v1/org/sites', {
    orgUnitId: org.units.villageA1.id,
    kind: 'creditStore',
    name: '甲一村秘密超市',
  });
  expect(creditStore.statusCode, creditStore.body).toBe(201);
  foreign.creditStoreId = creditStore.json().id;
  const creditGood = await call(t.app, owner, 'POST', '/api/v1/credits/goods', {
    storeId: foreign.creditStoreId,
    name: '甲一村秘密物品',
    unit: '袋',
    pointsPrice: 10,
  });
  expect(creditGood.statusCode, creditGood.body).toBe(201);
  foreign.creditGoodId = creditGood.json().id;
  await call(t.app, owner, 'POST', '/api/v1/credits/stock-in', {
    goodId: foreign.creditGoodId,
    source: 'bought',
    quantity: 5,
    occurredOn: '2026-01-02',
  });
  const redeemed = await call(t.app, owner, 'POST', '/api/v1/credits/redemptions', {
    id: '01890000-0000-7000-8000-0000000000aa',
    storeId: foreign.creditStoreId,
    householdId: foreign.householdId,
    lines: [{ goodId: foreign.creditGoodId, quantity: 1 }],
  });
  expect(redeemed.statusCode, redeemed.body).toBe(201);
  foreign.redemptionId = redeemed.json().id;
  const counted = await call(t.app, owner, 'POST', '/api/v1/credits/stocktakes', {
    storeId: foreign.creditStoreId,
    countedOn: '2026-01-06',
    lines: [{ goodId: foreign.creditGoodId, counted: 4 }],
  });
  expect(counted.statusCode, counted.body).toBe(201);
  foreign.creditStocktakeId = counted.json().id;
  const townA = await login(t.app, 'townA');
  const rubric = await call(t.app, townA, 'POST', '/api/v1/courtyards/rubrics', {
    orgUnitId: org.units.villageA1.id,
    year: 2026,
    name: '甲一村秘密细则',
    rules: defaultRubricRules,
  });
  expect(rubric.statusCode, rubric.body).toBe(201);
  foreign.rubricId = rubric.json().id;
  const cgroup = await call(t.app, townA, 'POST', '/api/v1/courtyards/groups', {
    orgUnitId: org.units.townA.id,
    name: '甲一村秘密验收组',
    memberIds: [foreign.personId],
  });
  expect(cgroup.statusCode, cgroup.body).toBe(201);
  foreign.inspectionGroupId = cgroup.json().id;
  const inspection = await call(t.app, owner, 'POST', '/api/v1/courtyards/inspections', {
    householdId: foreign.householdId,
    kind: 'monthly',
    inspectedOn: '2026-01-08',
    deductions: [{ itemCode: 'kitchen', reason: '甲一村秘密油污', points: 3, isRectifying: true }],
    note: '甲一村秘密检查',
  });
  expect(inspection.statusCode, inspection.body).toBe(201);
  foreign.inspectionId = inspection.json().id;
  foreign.rectificationId = inspection.json().rectificationIds[0];
  const featured = await call(t.app, townA, 'POST', '/api/v1/courtyards/featured', {
    householdId: foreign.householdId,
    category: 'flowers',
    designatedOn: '2026-01-08',
  });
  expect(featured.statusCode, featured.body).toBe(201);
  foreign.featuredId = featured.json().id;
  const review = await call(t.app, townA, 'POST', '/api/v1/courtyards/reviews/compute', {
    townId: org.units.townA.id,
    month: '2026-01',
  });
  expect(review.statusCode, review.body).toBe(200);
  foreign.reviewId = review.json().id;
  const shared = await call(t.app, owner, 'POST', '/api/v1/shares/courtyards.notice', {
    orgUnitId: org.units.villageA1.id,
    month: '2026-01',
  });
  expect(shared.statusCode, shared.body).toBe(201);
  foreign.shareId = shared.json().id;
  const screenedWoman = await call(t.app, owner, 'POST', '/api/v1/people/persons', {
    orgUnitId: org.units.villageA1.id,
    name: '甲一村秘密妇女',
    gender: 'female',
    birthDate: '1975-03-01',
  });
  expect(screenedWoman.statusCode, screenedWoman.body).toBe(201);
  const screening = await call(t.app, owner, 'POST', '/api/v1/screenings', {
    personId: screenedWoman.json().id,
    programmeYear: 2025,
    category: 'rural',
    mobilisedOn: '2025-04-01',
    site: '甲一村秘密医院',
  });
  expect(screening.statusCode, screening.body).toBe(201);
  foreign.screeningId = screening.json().id;
  // Her donation records: a drive of her own, a donation, a beneficiary and a disbursement, and an
  // aid application for a woman of her village with a diagnosis document.
  const drive = await call(t.app, owner, 'POST', '/api/v1/donations/drives', {
    orgUnitId: org.units.villageA1.id,
    name: '甲一村秘密募捐',
    purpose: 'studentAid',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  });
  expect(drive.statusCode, drive.body).toBe(201);
  foreign.driveId = drive.json().id;
  const donation = await call(t.app, owner, 'POST', '/api/v1/donations/donations', {
    driveId: foreign.driveId,
    donorName: '甲一村秘密捐赠人',
    donorKind: 'person',
    kind: 'money',
    amountFen: 100000,
    method: 'cash',
    receivedOn: '2026-01-05',
  });
  expect(donation.statusCode, donation.body).toBe(201);
  foreign.donationId = donation.json().id;
  const beneficiary = await call(t.app, owner, 'POST', '/api/v1/donations/beneficiaries', {
    orgUnitId: org.units.villageA1.id,
    name: '甲一村秘密学生',
    kind: 'student',
    school: '甲一村秘密小学',
  });
  expect(beneficiary.statusCode, beneficiary.body).toBe(201);
  foreign.beneficiaryId = beneficiary.json().id;
  const disbursement = await call(t.app, owner, 'POST', '/api/v1/donations/disbursements', {
    driveId: foreign.driveId,
    beneficiaryId: foreign.beneficiaryId,
    amountFen: 50000,
    purpose: '甲一村秘密用途',
    submittedOn: '2026-01-06',
  });
  expect(disbursement.statusCode, disbursement.body).toBe(201);
  foreign.disbursementId = disbursement.json().id;
  const woman = await call(t.app, owner, 'POST', '/api/v1/people/persons', {
    orgUnitId: org.units.villageA1.id,
    name: '甲一村秘密申请人',
    gender: 'female',
    birthDate: '1975-03-01',
  });
  expect(woman.statusCode, woman.body).toBe(201);
  const aid = await call(t.app, owner, 'POST', '/api/v1/cancer-aid', {
    orgUnitId: org.units.villageA1.id,
    personId: woman.json().id,
    appliedOn: '2026-01-05',
    cancerType: 'breast',
    incomeCategory: 'lowIncome',
    hospital: '甲一村秘密医院',
  });
  expect(aid.statusCode, aid.body).toBe(201);
  foreign.aidId = aid.json().id;
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
    .jpeg()
    .toBuffer();
  const upload = multipartOf('secret.jpg', jpeg, 'image/jpeg');
  const photo = await t.app.inject({
    method: 'POST',
    url: `/api/v1/activities/activities/${foreign.activityId}/photos`,
    headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf, 'content-type': upload.contentType },
    payload: upload.body,
  });
  expect(photo.statusCode, photo.body).toBe(201);
  foreign.photoId = photo.json().id;
  const courtyardPhoto = async (url: string) => {
    const cphoto = multipartOf('secret.jpg', jpeg, 'image/jpeg');
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf, 'content-type': cphoto.contentType },
      payload: cphoto.body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  foreign.inspectionPhotoId = await courtyardPhoto(
    `/api/v1/courtyards/inspections/${foreign.inspectionId}/photos`,
  );
  foreign.rectificationPhotoId = await courtyardPhoto(
    `/api/v1/courtyards/rectifications/${foreign.rectificationId}/photos?phase=before`,
  );
  const boundary = 'matrixboundary';
  const csv = '姓名,身份证号码\n有误人员,123\n';
  const job = await t.app.inject({
    method: 'POST',
    url: '/api/v1/people/persons/import?wait=1',
    headers: {
      cookie: owner.cookie,
      'x-csrf-token': owner.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
  });
  foreign.jobId = job.json().id;
  expect(job.json().hasReport).toBe(true);
});
afterAll(() => t.close());

describe('access matrix', () => {
  it('every /api route declares an access rule and the matrix knows it', () => {
    const routes = t.app.apiRoutes.filter((r) => r.access !== 'public');
    expect(routes.length).toBeGreaterThan(15);
    const unknown = routes
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !selfOnly.has(k) && !foreignRequest(k.split(' ')[0], k.split(' ')[1]));
    expect(unknown, 'routes missing from the access matrix').toEqual([]);
    const signedInOnly = routes.filter((r) => r.access === 'signedIn').map((r) => `${r.method} ${r.url}`);
    expect(new Set(signedInOnly)).toEqual(new Set([...selfOnly, ...ownerOnly, ...indicatorRoutes]));
  });

  for (const intruder of ['villageA2', 'townB'] as const) {
    it(`${intruder} gets 403/404 on every route aimed at villageA1, and no foreign data`, async () => {
      const session: Session = await login(t.app, intruder);
      const failures: string[] = [];
      for (const r of t.app.apiRoutes) {
        const key = `${r.method} ${r.url}`;
        if (r.access === 'public' || selfOnly.has(key) || scopedOk.has(key)) continue;
        const req = foreignRequest(r.method, r.url);
        if (!req) continue;
        const res = await call(t.app, session, r.method as 'GET', req.url, req.body);
        if (![403, 404].includes(res.statusCode))
          failures.push(`${key} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        for (const secret of [
          org.units.villageA1.name,
          'villageA1用户',
          org.userIds.villageA1,
          '甲一村秘密',
          '138****0001',
        ]) {
          if (res.body.includes(secret)) failures.push(`${key} revealed ${secret}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it(`${intruder}'s unfiltered lists, tree and audit hold nothing of villageA1`, async () => {
      const session = await login(t.app, intruder);
      for (const url of [
        '/api/v1/org/tree',
        '/api/v1/org/units?status=all',
        '/api/v1/users',
        '/api/v1/audit?pageSize=200',
        '/api/v1/people/persons?pageSize=200',
        '/api/v1/people/persons?q=%E7%A7%98%E5%AF%86',
        '/api/v1/people/households?pageSize=200',
        '/api/v1/org/sites?pageSize=200',
        '/api/v1/org/elections?pageSize=200',
        '/api/v1/people/role-terms?pageSize=200',
        '/api/v1/activities/activities?pageSize=200',
        '/api/v1/activities/campaigns?pageSize=200',
        '/api/v1/activities/patrols?pageSize=200',
        '/api/v1/activities/patrols?pageSize=200&status=deleted',
        '/api/v1/indicators/patrols.participants/records?from=2026-01-01&to=2026-12-31&pageSize=200',
        '/api/v1/indicators/activities.sessions/records?from=2026-01-01&to=2026-12-31&pageSize=200',
        '/api/v1/indicators/activities.sessions/values?from=2026-01-01&to=2026-12-31&groupBy=campaign',
        '/api/v1/indicators/org.sites/records?from=2026-01-01&to=2026-12-31&pageSize=200',
        '/api/v1/indicators/people.roleHolders/records?from=2026-01-01&to=2026-12-31&pageSize=200',
        '/api/v1/org/grids?pageSize=200',
        '/api/v1/org/grids?pageSize=200&status=deleted',
        '/api/v1/reports/dashboard?year=2026&month=1',
        '/api/v1/reports/definitions?pageSize=200',
        '/api/v1/reports/summaries?pageSize=200',
        '/api/v1/org/grids-coverage?maxPersons=1&maxSpecialFamilies=0',
        '/api/v1/org/women-groups?pageSize=200',
        '/api/v1/people/volunteer-teams?pageSize=200',
        '/api/v1/people/volunteer-teams?pageSize=200&status=deleted',
        '/api/v1/courtyards/rubrics?pageSize=200',
        '/api/v1/courtyards/inspections?pageSize=200',
        '/api/v1/courtyards/rectifications?pageSize=200',
        '/api/v1/courtyards/rectifications/board',
        '/api/v1/courtyards/households?pageSize=200',
        '/api/v1/courtyards/featured?pageSize=200',
        '/api/v1/courtyards/rating-changes?pageSize=200',
        '/api/v1/courtyards/todo?month=2026-01',
        '/api/v1/indicators/courtyards.inspections/records?from=2026-01-01&to=2026-12-31&pageSize=200',
        '/api/v1/indicators/courtyards.rectifications/records?from=2026-01-01&to=2026-12-31&pageSize=200',
        '/api/v1/credits/accounts?pageSize=200',
        '/api/v1/credits/transactions?pageSize=200',
        '/api/v1/credits/households',
        '/api/v1/credits/goods?pageSize=200',
        '/api/v1/credits/stores',
        '/api/v1/credits/redemptions?pageSize=200',
        '/api/v1/credits/stocktakes?pageSize=200',
        '/api/v1/credits/stock-moves?pageSize=200',
        '/api/v1/indicators/credits.earned/records?from=2026-01-01&to=2026-12-31&pageSize=200',
        '/api/v1/indicators/credits.redemptions/records?from=2026-01-01&to=2026-12-31&pageSize=200',
        '/api/v1/honours/nominations?pageSize=200',
        '/api/v1/honours/duty-rules?pageSize=200',
        '/api/v1/honours/duty-records?pageSize=200',
        '/api/v1/honours/duty-projects?pageSize=200',
        '/api/v1/honours/duty-compliance?year=2026',
        '/api/v1/indicators/duties.compliance/records?from=2026-01-01&to=2026-12-31&pageSize=200',
        '/api/v1/indicators/duties.contacts/records?from=2026-01-01&to=2026-12-31&pageSize=200',
        '/api/v1/care/key-people?pageSize=200&status=all',
        '/api/v1/care/screenings?pageSize=200',
        '/api/v1/care/cases?pageSize=200',
        '/api/v1/care/checklist?month=2026-01',
        '/api/v1/care/pairings?pageSize=200&state=all',
        '/api/v1/care/pairings?pageSize=200&overdue=1',
        '/api/v1/care/visits?pageSize=200',
        '/api/v1/indicators/care.visits/records?from=2026-01-01&to=2026-12-31&pageSize=200',
        '/api/v1/indicators/care.visitsOverdue/records?from=2026-01-01&to=2026-12-31&pageSize=200',
        '/api/v1/indicators/care.keyPeople/records?from=2026-01-01&to=2026-12-31&pageSize=200',
        '/api/v1/indicators/care.disputes/records?from=2026-01-01&to=2026-12-31&pageSize=200',
      ]) {
        const res = await call(t.app, session, 'GET', url);
        // A village holds no accounts or log at all: refused outright, revealing nothing.
        const isWithheld = intruder === 'villageA2' && /^\/api\/v1\/(users|audit)\b/.test(url);
        expect(res.statusCode, url).toBe(isWithheld ? 403 : 200);
        expect(res.body, url).not.toContain(org.units.villageA1.name);
        expect(res.body, url).not.toContain(org.userIds.villageA1);
        expect(res.body, url).not.toContain('甲一村秘密');
      }
      const exported = await call(t.app, session, 'GET', '/api/v1/people/persons/export');
      expect(exported.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      const cells: string[] = [];
      workbook.worksheets[0].eachRow((row) => {
        row.eachCell((c) => {
          cells.push(String(c.value));
        });
      });
      expect(cells).toContain('姓名');
      expect(cells.join('|')).not.toContain('甲一村秘密');
    });
  }

  it('every declared history record type answers its town and 404s a sibling town', async () => {
    const ids: Record<string, string> = {
      orgUnit: org.units.villageA1.id,
      site: foreign.siteId,
      grid: foreign.gridId,
      womenGroup: foreign.groupId,
      election: foreign.electionId,
      person: foreign.personId,
      household: foreign.householdId,
      roleTerm: foreign.roleTermId,
      volunteerTeam: foreign.teamId,
      activity: foreign.activityId,
      campaign: foreign.campaignId,
      patrol: foreign.patrolId,
      reportDefinition: foreign.definitionId,
      courtyardRubric: foreign.rubricId,
      courtyardGroup: foreign.inspectionGroupId,
      courtyardInspection: foreign.inspectionId,
      courtyardRectification: foreign.rectificationId,
      courtyardFeatured: foreign.featuredId,
      creditRule: foreign.creditRuleId,
      creditAccount: foreign.accountId,
      creditTransaction: foreign.transactionId,
      creditGood: foreign.creditGoodId,
      creditRedemption: foreign.redemptionId,
      creditStocktake: foreign.creditStocktakeId,
      cancerScreening: foreign.screeningId,
      nomination: foreign.nominationId,
      dutyRule: foreign.dutyRuleId,
      dutyRecord: foreign.dutyRecordId,
      dutyProject: foreign.dutyProjectId,
      fundraisingDrive: foreign.driveId,
      donation: foreign.donationId,
      beneficiary: foreign.beneficiaryId,
      disbursement: foreign.disbursementId,
      cancerAid: foreign.aidId,
      keyPerson: foreign.keyPersonId,
      riskScreening: foreign.riskScreeningId,
      mediationCase: foreign.caseId,
      carePairing: foreign.pairingId,
      careVisit: foreign.visitId,
    };
    const [townA, townB] = [await login(t.app, 'townA'), await login(t.app, 'townB')];
    for (const r of modules.flatMap((m) => m.records ?? [])) {
      const id = ids[r.entityType];
      expect(
        id,
        `no foreign id for the history of ${r.entityType}: add one to the access matrix`,
      ).toBeTruthy();
      const url = `/api/v1/history?entityType=${r.entityType}&entityId=${id}`;
      const own = await call(t.app, townA, 'GET', url);
      expect(own.statusCode, `${r.entityType} ${own.body.slice(0, 200)}`).toBe(200);
      const res = await call(t.app, townB, 'GET', url);
      expect(res.statusCode, r.entityType).toBe(404);
      expect(res.body, r.entityType).not.toContain('甲一村秘密');
    }
  });

  it('the town above sees villageA1 (no wrongful denial downward)', async () => {
    const session = await login(t.app, 'townA');
    const res = await call(t.app, session, 'GET', `/api/v1/org/units/${org.units.villageA1.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe(org.units.villageA1.name);
    const users = await call(t.app, session, 'GET', `/api/v1/users?orgUnitId=${org.units.villageA1.id}`);
    expect(users.json().items.map((u: { username: string }) => u.username)).toEqual(['villageA1']);
  });

  it('a village federation admin is refused what her level may not do (403), her town is not', async () => {
    const [village, town] = [await login(t.app, 'villageA1'), await login(t.app, 'townA')];
    const me = await call(t.app, village, 'GET', '/api/v1/auth/me');
    expect(me.json().user.permissions).not.toContain('courtyards.manage');
    expect(me.json().user.permissions).not.toContain('users.read');
    expect(me.json().user.permissions).toContain('org.write');
    const own = await call(t.app, village, 'GET', `/api/v1/org/units/${org.units.villageA1.id}`);
    const attempts: [string, string, unknown?][] = [
      [
        'POST',
        '/api/v1/courtyards/rubrics',
        { orgUnitId: org.units.villageA1.id, year: 2027, name: '村自定细则', rules: defaultRubricRules },
      ],
      [
        'POST',
        '/api/v1/courtyards/groups',
        { orgUnitId: org.units.townA.id, name: '村建验收组', memberIds: [foreign.personId] },
      ],
      [
        'PATCH',
        `/api/v1/org/units/${org.units.villageA1.id}`,
        { name: '改名村妇联', version: own.json().version },
      ],
      ['POST', '/api/v1/org/units', { parentId: org.units.villageA1.id, kind: 'village', name: '村下新村' }],
      [
        'POST',
        '/api/v1/users',
        {
          username: 'villagemade',
          displayName: '村建账号',
          orgUnitId: org.units.villageA1.id,
          role: 'viewer',
          password: 'abcd1234x',
        },
      ],
      ['GET', '/api/v1/users'],
      ['GET', '/api/v1/audit'],
      [
        'POST',
        '/api/v1/courtyards/featured',
        { householdId: foreign.householdId, category: 'clean', designatedOn: '2026-01-09' },
      ],
      ['DELETE', `/api/v1/courtyards/featured/${foreign.featuredId}?version=1`],
      // Importing ratings and plaques is a review by another name.
      ['POST', '/api/v1/courtyards/households/import'],
    ];
    for (const [method, url, body] of attempts) {
      const res = await call(t.app, village, method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url} ${res.body}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      // The refusal says why: the level, not "不存在", not a bare "no permission".
      expect(res.json().error.message, url).toMatch(/^无权操作：.+由上级妇联负责/);
    }
    // Her own ledgers stay hers: a grid in her village.
    const grid = await call(t.app, village, 'POST', '/api/v1/org/grids', {
      orgUnitId: org.units.villageA1.id,
      name: '村自建网格',
    });
    expect(grid.statusCode, grid.body).toBe(201);
    // The town still may: a group, a rubric for its village, a unit, an account.
    for (const [method, url, body] of attempts.slice(0, 2)) {
      const res = await call(t.app, town, method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url} ${res.body}`).toBe(201);
    }
    const unit = await call(t.app, town, 'POST', '/api/v1/org/units', {
      parentId: org.units.townA.id,
      kind: 'village',
      name: '甲三村妇联',
    });
    expect(unit.statusCode, unit.body).toBe(201);
    const user = await call(t.app, town, 'POST', '/api/v1/users', {
      username: 'villageA3',
      displayName: '甲三村主席',
      orgUnitId: unit.json().id,
      role: 'federationAdmin',
      password: 'abcd1234x',
    });
    expect(user.statusCode, user.body).toBe(201);
    // The account she made signs in with a village's permissions, not the town's.
    const made = await login(t.app, 'villageA3', 'abcd1234x');
    const madeMe = await call(t.app, made, 'GET', '/api/v1/auth/me');
    expect(madeMe.json().user.permissions).not.toContain('users.write');
  });

  it('a report definition handed down from above: 403 naming its owner, never 404; unseen ones still 404', async () => {
    const town = await login(t.app, 'townA');
    const def = await call(t.app, town, 'POST', '/api/v1/reports/definitions', {
      orgUnitId: org.units.townA.id,
      name: '甲镇月报',
      periodType: 'month',
      orgLevel: 'orgUnit',
      columns: [{ indicatorKey: 'activities.sessions' }],
    });
    expect(def.statusCode, def.body).toBe(201);
    const { id, version } = def.json();
    const village = await login(t.app, 'villageA2');
    const seen = await call(t.app, village, 'GET', `/api/v1/reports/definitions/${id}`);
    expect(seen.statusCode).toBe(200);
    for (const [method, url, body] of [
      ['DELETE', `/api/v1/reports/definitions/${id}?version=${version}`],
      ['PATCH', `/api/v1/reports/definitions/${id}`, { name: '村改镇报', version }],
    ] as const) {
      const res = await call(t.app, village, method, url, body);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.message).toBe('无权操作：该报表由甲镇妇联制定，只有该单位可以修改或删除');
    }
    // A sibling town cannot see it at all: still the 404 of a missing record.
    const other = await login(t.app, 'townB');
    const hidden = await call(t.app, other, 'DELETE', `/api/v1/reports/definitions/${id}?version=${version}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('甲镇妇联');
    // The same for a county rubric every town scores with.
    const county = await login(t.app, 'county');
    const rubric = await call(t.app, county, 'POST', '/api/v1/courtyards/rubrics', {
      orgUnitId: org.units.county.id,
      year: 2025,
      name: '县统一细则',
      rules: defaultRubricRules,
    });
    expect(rubric.statusCode, rubric.body).toBe(201);
    const refused = await call(
      t.app,
      town,
      'DELETE',
      `/api/v1/courtyards/rubrics/${rubric.json().id}?version=${rubric.json().version}`,
    );
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error.message).toBe(
      '无权操作：该评分细则由测试县妇联制定，只有该单位可以修改或删除',
    );
  });

  it('without a session every non-public route answers 401', async () => {
    for (const r of t.app.apiRoutes.filter((x) => x.access !== 'public')) {
      const res = await call(
        t.app,
        null,
        r.method as 'GET',
        r.url.replace(/:(\w+)/g, org.units.villageA1.id),
      );
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });
});
