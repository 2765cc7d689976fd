import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accessLogQuerySchema,
  accessLogSchema,
  addSessionInputSchema,
  careVisitListSchema,
  careVisitSchema,
  checklistQuerySchema,
  checklistSchema,
  closeCaseInputSchema,
  createCaseInputSchema,
  createKeyPersonInputSchema,
  createPairingInputSchema,
  createScreeningInputSchema,
  createVisitInputSchema,
  decideCloseInputSchema,
  endPairingInputSchema,
  followUpInputSchema,
  keyPersonListSchema,
  keyPersonSchema,
  listCasesQuerySchema,
  listKeyPeopleQuerySchema,
  listPairingsQuerySchema,
  listScreeningsQuerySchema,
  listVisitsQuerySchema,
  mediationCaseListSchema,
  mediationCaseSchema,
  pairingListSchema,
  pairingSchema,
  reopenCaseInputSchema,
  requestCloseInputSchema,
  revealedSchema,
  revealedVisitSchema,
  revealInputSchema,
  riskScreeningListSchema,
  riskScreeningSchema,
  updateCaseInputSchema,
  updateKeyPersonInputSchema,
  updatePairingInputSchema,
  updateScreeningInputSchema,
  updateVisitInputSchema,
} from '../../../contracts/care';
import { ctxOf } from '../../kernel/http/context';
import { recordRoutes } from '../../kernel/ledger/record-routes';
import {
  addSession,
  caseRecord,
  closeCase,
  createCase,
  createKeyPerson,
  createScreening,
  decideClose,
  deleteCase,
  deleteKeyPerson,
  deleteScreening,
  followUpCase,
  getCase,
  getKeyPerson,
  getScreening,
  keyPersonRecord,
  listAccessLog,
  listCases,
  listKeyPeople,
  listScreenings,
  reopenCase,
  requestClose,
  restoreCase,
  restoreKeyPerson,
  restoreScreening,
  revealCase,
  screeningChecklist,
  screeningRecord,
  updateCase,
  updateKeyPerson,
  updateScreening,
} from './care.service';
import {
  createPairing,
  createVisit,
  deletePairing,
  deleteVisit,
  endPairing,
  getPairing,
  getVisit,
  listPairings,
  listVisits,
  pairingRecord,
  restorePairing,
  restoreVisit,
  revealVisit,
  updatePairing,
  updateVisit,
  visitRecord,
} from './visits.service';

const tags = ['care'];

const keyPeopleRoutes = recordRoutes({
  base: '/api/v1/care/key-people',
  idParam: 'keyPersonId',
  tags,
  permissions: keyPersonRecord.permissions,
  schemas: {
    record: keyPersonSchema,
    list: keyPersonListSchema,
    listQuery: listKeyPeopleQuerySchema,
    create: createKeyPersonInputSchema,
    update: updateKeyPersonInputSchema,
  },
  summaries: { list: '重点人群名册（姓名脱敏）', create: '登记重点人员' },
  list: listKeyPeople,
  get: getKeyPerson,
  create: createKeyPerson,
  update: updateKeyPerson,
  remove: deleteKeyPerson,
  restore: restoreKeyPerson,
});

const screeningRoutes = recordRoutes({
  base: '/api/v1/care/screenings',
  idParam: 'riskScreeningId',
  tags,
  permissions: screeningRecord.permissions,
  schemas: {
    record: riskScreeningSchema,
    list: riskScreeningListSchema,
    listQuery: listScreeningsQuerySchema,
    create: createScreeningInputSchema,
    update: updateScreeningInputSchema,
  },
  summaries: { list: '家庭风险隐患排查记录', create: '登记本月排查（每人每月一条）' },
  list: listScreenings,
  get: getScreening,
  create: createScreening,
  update: updateScreening,
  remove: deleteScreening,
  restore: restoreScreening,
});

const caseRoutes = recordRoutes({
  base: '/api/v1/care/cases',
  idParam: 'caseId',
  tags,
  permissions: caseRecord.permissions,
  schemas: {
    record: mediationCaseSchema,
    list: mediationCaseListSchema,
    listQuery: listCasesQuerySchema,
    create: createCaseInputSchema,
    update: updateCaseInputSchema,
  },
  summaries: { list: '婚姻家庭纠纷调解案件（当事人脱敏）', create: '受理调解案件' },
  list: listCases,
  get: getCase,
  create: createCase,
  update: updateCase,
  remove: deleteCase,
  restore: restoreCase,
});

const pairingRoutes = recordRoutes({
  base: '/api/v1/care/pairings',
  idParam: 'pairingId',
  tags,
  permissions: pairingRecord.permissions,
  schemas: {
    record: pairingSchema,
    list: pairingListSchema,
    listQuery: listPairingsQuerySchema,
    create: createPairingInputSchema,
    update: updatePairingInputSchema,
  },
  summaries: { list: '结对帮扶（帮扶人以外姓名脱敏）', create: '建立结对帮扶' },
  list: listPairings,
  get: getPairing,
  create: createPairing,
  update: updatePairing,
  remove: deletePairing,
  restore: restorePairing,
});

const visitRoutes = recordRoutes({
  base: '/api/v1/care/visits',
  idParam: 'visitId',
  tags,
  permissions: visitRecord.permissions,
  schemas: {
    record: careVisitSchema,
    list: careVisitListSchema,
    listQuery: listVisitsQuerySchema,
    create: createVisitInputSchema,
    update: updateVisitInputSchema,
  },
  summaries: {
    list: '走访记录（帮扶人以外姓名脱敏、不含情况）',
    create: '登记走访（客户端编号重试只保存一次）',
  },
  list: listVisits,
  get: getVisit,
  create: createVisit,
  replays: ({ visit, isReplay }: Awaited<ReturnType<typeof createVisit>>) => ({ record: visit, isReplay }),
  update: updateVisit,
  remove: deleteVisit,
  restore: restoreVisit,
});

/** The care module's routes: three record types, their state changes, the checklist and the access log. */
export const careRoutes = async (fastify: FastifyInstance) => {
  await keyPeopleRoutes(fastify);
  await screeningRoutes(fastify);
  await caseRoutes(fastify);
  await pairingRoutes(fastify);
  await visitRoutes(fastify);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const write = { access: 'care.write' as const };
  const keyPersonParams = z.object({ keyPersonId: z.uuid() }).strict();
  const caseParams = z.object({ caseId: z.uuid() }).strict();
  app.post(
    '/api/v1/care/key-people/:keyPersonId/close-request',
    {
      config: write,
      schema: {
        tags,
        summary: '申请销号',
        params: keyPersonParams,
        body: requestCloseInputSchema,
        response: { 200: keyPersonSchema },
      },
    },
    (req) => requestClose(ctxOf(req), req.params.keyPersonId, req.body),
  );
  app.post(
    '/api/v1/care/key-people/:keyPersonId/close-decision',
    {
      config: { access: 'care.officer' },
      schema: {
        tags,
        summary: '销号审批（上级妇联）',
        params: keyPersonParams,
        body: decideCloseInputSchema,
        response: { 200: keyPersonSchema },
      },
    },
    (req) => decideClose(ctxOf(req), req.params.keyPersonId, req.body),
  );
  app.get(
    '/api/v1/care/checklist',
    {
      config: { access: 'care.read' },
      schema: {
        tags,
        summary: '本月排查清单',
        querystring: checklistQuerySchema,
        response: { 200: checklistSchema },
      },
    },
    (req) => screeningChecklist(ctxOf(req), req.query),
  );
  for (const [path, summary, body, run] of [
    ['sessions', '登记调解记录', addSessionInputSchema, addSession],
    ['close', '结案', closeCaseInputSchema, closeCase],
    ['reopen', '重新打开（须说明原因）', reopenCaseInputSchema, reopenCase],
    ['follow-up', '登记回访', followUpInputSchema, followUpCase],
  ] as const) {
    app.post(
      `/api/v1/care/cases/:caseId/${path}`,
      {
        config: write,
        schema: { tags, summary, params: caseParams, body, response: { 200: mediationCaseSchema } },
      },
      (req) =>
        (run as (c: unknown, id: string, b: unknown) => Promise<never>)(
          ctxOf(req),
          req.params.caseId,
          req.body,
        ),
    );
  }
  app.post(
    '/api/v1/care/cases/:caseId/reveal',
    {
      config: { access: 'care.read' },
      schema: {
        tags,
        summary: '查看当事人完整姓名（须说明原因，记入访问日志）',
        params: caseParams,
        body: revealInputSchema,
        response: { 200: revealedSchema },
      },
    },
    (req) => revealCase(ctxOf(req), req.params.caseId, req.body),
  );
  app.post(
    '/api/v1/care/pairings/:pairingId/end',
    {
      config: write,
      schema: {
        tags,
        summary: '结束结对（须说明原因）',
        params: z.object({ pairingId: z.uuid() }).strict(),
        body: endPairingInputSchema,
        response: { 200: pairingSchema },
      },
    },
    (req) => endPairing(ctxOf(req), req.params.pairingId, req.body),
  );
  app.post(
    '/api/v1/care/visits/:visitId/reveal',
    {
      config: { access: 'care.read' },
      schema: {
        tags,
        summary: '查看走访对象姓名和走访情况（须说明原因，记入访问日志）',
        params: z.object({ visitId: z.uuid() }).strict(),
        body: revealInputSchema,
        response: { 200: revealedVisitSchema },
      },
    },
    (req) => revealVisit(ctxOf(req), req.params.visitId, req.body),
  );
  app.get(
    '/api/v1/care/access-log',
    {
      config: { access: 'care.officer' },
      schema: {
        tags,
        summary: '维权关爱记录访问日志（数据专员）',
        querystring: accessLogQuerySchema,
        response: { 200: accessLogSchema },
      },
    },
    (req) => listAccessLog(ctxOf(req), req.query),
  );
};
