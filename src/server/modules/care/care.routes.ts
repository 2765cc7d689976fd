import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accessLogQuerySchema,
  accessLogSchema,
  addSessionInputSchema,
  checklistQuerySchema,
  checklistSchema,
  closeCaseInputSchema,
  createCaseInputSchema,
  createKeyPersonInputSchema,
  createScreeningInputSchema,
  decideCloseInputSchema,
  followUpInputSchema,
  keyPersonListSchema,
  keyPersonSchema,
  listCasesQuerySchema,
  listKeyPeopleQuerySchema,
  listScreeningsQuerySchema,
  mediationCaseListSchema,
  mediationCaseSchema,
  reopenCaseInputSchema,
  requestCloseInputSchema,
  revealedSchema,
  revealInputSchema,
  riskScreeningListSchema,
  riskScreeningSchema,
  updateCaseInputSchema,
  updateKeyPersonInputSchema,
  updateScreeningInputSchema,
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

/** The care module's routes: three record types, their state changes, the checklist and the access log. */
export const careRoutes = async (fastify: FastifyInstance) => {
  await keyPeopleRoutes(fastify);
  await screeningRoutes(fastify);
  await caseRoutes(fastify);
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
