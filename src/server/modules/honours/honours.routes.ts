import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createDutyProjectInputSchema,
  createDutyRecordInputSchema,
  createDutyRuleInputSchema,
  createNominationInputSchema,
  decideNominationInputSchema,
  dutyComplianceQuerySchema,
  dutyComplianceSchema,
  dutyProjectListSchema,
  dutyProjectSchema,
  dutyRecordListSchema,
  dutyRecordSchema,
  dutyRuleListSchema,
  dutyRuleSchema,
  honourTitlesInputSchema,
  honourTitlesSchema,
  listDutyProjectsQuerySchema,
  listDutyRecordsQuerySchema,
  listDutyRulesQuerySchema,
  listNominationsQuerySchema,
  memberDutiesQuerySchema,
  memberDutiesSchema,
  nominationListSchema,
  nominationSchema,
  publicizeNominationInputSchema,
  updateDutyProjectInputSchema,
  updateDutyRecordInputSchema,
  updateDutyRuleInputSchema,
  updateNominationInputSchema,
} from '../../../contracts/honours';
import { ctxOf } from '../../kernel/http/context';
import { recordRoutes } from '../../kernel/ledger/record-routes';
import * as duties from './duties.service';
import { getHonourTitles, setHonourTitles } from './honour-titles.service';
import * as noms from './nominations.service';

const tags = ['honours'];
const base = '/api/v1/honours';

const nominationRoutes = recordRoutes({
  base: `${base}/nominations`,
  idParam: 'nominationId',
  tags,
  permissions: noms.nominationRecord.permissions,
  schemas: {
    record: nominationSchema,
    list: nominationListSchema,
    listQuery: listNominationsQuerySchema,
    create: createNominationInputSchema,
    update: updateNominationInputSchema,
  },
  summaries: { list: '选树典型推荐台账', create: '推荐（个人、家庭或集体）' },
  list: noms.listNominations,
  get: noms.getNomination,
  create: noms.createNomination,
  update: noms.updateNomination,
  remove: noms.deleteNomination,
  restore: noms.restoreNomination,
});

const ruleRoutes = recordRoutes({
  base: `${base}/duty-rules`,
  idParam: 'dutyRuleId',
  tags,
  permissions: duties.dutyRuleRecord.permissions,
  schemas: {
    record: dutyRuleSchema,
    list: dutyRuleListSchema,
    listQuery: listDutyRulesQuerySchema,
    create: createDutyRuleInputSchema,
    update: updateDutyRuleInputSchema,
  },
  summaries: { list: '执委履职规则', create: '制定履职规则' },
  list: duties.listDutyRules,
  get: duties.getDutyRule,
  create: duties.createDutyRule,
  update: duties.updateDutyRule,
  remove: duties.deleteDutyRule,
  restore: duties.restoreDutyRule,
});

const recordRoutesOfDuty = recordRoutes({
  base: `${base}/duty-records`,
  idParam: 'dutyRecordId',
  tags,
  permissions: duties.dutyRecordRecord.permissions,
  schemas: {
    record: dutyRecordSchema,
    list: dutyRecordListSchema,
    listQuery: listDutyRecordsQuerySchema,
    create: createDutyRecordInputSchema,
    update: updateDutyRecordInputSchema,
  },
  summaries: { list: '执委履职记录（联系妇女、走访、轮值、述职）', create: '登记履职记录（可带客户端编号）' },
  list: duties.listDutyRecords,
  get: duties.getDutyRecord,
  create: duties.createDutyRecord,
  replays: ({ record, isReplay }: Awaited<ReturnType<typeof duties.createDutyRecord>>) => ({
    record,
    isReplay,
  }),
  update: duties.updateDutyRecord,
  remove: duties.deleteDutyRecord,
  restore: duties.restoreDutyRecord,
});

const projectRoutes = recordRoutes({
  base: `${base}/duty-projects`,
  idParam: 'dutyProjectId',
  tags,
  permissions: duties.dutyProjectRecord.permissions,
  schemas: {
    record: dutyProjectSchema,
    list: dutyProjectListSchema,
    listQuery: listDutyProjectsQuerySchema,
    create: createDutyProjectInputSchema,
    update: updateDutyProjectInputSchema,
  },
  summaries: { list: '执委领办项目', create: '认领项目' },
  list: duties.listDutyProjects,
  get: duties.getDutyProject,
  create: duties.createDutyProject,
  update: duties.updateDutyProject,
  remove: duties.deleteDutyProject,
  restore: duties.restoreDutyProject,
});

/** Titles, the nomination's steps (公示, 授予), compliance and a member's due list beside the standard routes. */
export const honoursRoutes = async (fastify: FastifyInstance) => {
  await nominationRoutes(fastify);
  await ruleRoutes(fastify);
  await recordRoutesOfDuty(fastify);
  await projectRoutes(fastify);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const idParams = z.object({ nominationId: z.uuid() }).strict();
  app.get(
    `${base}/titles`,
    {
      config: { access: 'honours.read' },
      schema: {
        tags,
        summary: '荣誉称号目录（级别、授予单位、公示方式）',
        response: { 200: honourTitlesSchema },
      },
    },
    (req) => getHonourTitles(ctxOf(req)),
  );
  app.put(
    `${base}/titles`,
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: '设置本县荣誉称号目录（仅县级妇联；已使用的只能改名）',
        body: honourTitlesInputSchema,
        response: { 200: honourTitlesSchema },
      },
    },
    (req) => setHonourTitles(ctxOf(req), req.body),
  );
  app.post(
    `${base}/nominations/:nominationId/publicize`,
    {
      config: { access: 'honours.write' },
      schema: {
        tags,
        summary: '公示（设置公示期）',
        params: idParams,
        body: publicizeNominationInputSchema,
        response: { 200: nominationSchema },
      },
    },
    (req) => noms.publicizeNomination(ctxOf(req), req.params.nominationId, req.body),
  );
  app.post(
    `${base}/nominations/:nominationId/decide`,
    {
      config: { access: 'honours.write' },
      schema: {
        tags,
        summary: '评选结果（授予须在公示期满之后）',
        params: idParams,
        body: decideNominationInputSchema,
        response: { 200: nominationSchema },
      },
    },
    (req) => noms.decideNomination(ctxOf(req), req.params.nominationId, req.body),
  );
  app.get(
    `${base}/duty-compliance`,
    {
      config: { access: 'honours.read' },
      schema: {
        tags,
        summary: '执委履职达标情况（由履职记录计算）',
        querystring: dutyComplianceQuerySchema,
        response: { 200: dutyComplianceSchema },
      },
    },
    (req) => duties.dutyCompliance(ctxOf(req), req.query),
  );
  app.get(
    `${base}/members/:memberId/duties`,
    {
      config: { access: 'honours.read' },
      schema: {
        tags,
        summary: '执委本年应履职清单',
        params: z.object({ memberId: z.uuid() }).strict(),
        querystring: memberDutiesQuerySchema,
        response: { 200: memberDutiesSchema },
      },
    },
    (req) => duties.memberDuties(ctxOf(req), req.params.memberId, req.query),
  );
};
