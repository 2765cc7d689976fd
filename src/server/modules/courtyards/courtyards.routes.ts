import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionSchema } from '../../../contracts/common/paging';
import {
  assignmentQuerySchema,
  assignmentSchema,
  createInspectionGroupInputSchema,
  createInspectionInputSchema,
  createRectificationInputSchema,
  createRubricInputSchema,
  effectiveRubricQuerySchema,
  effectiveRubricSchema,
  fixRectificationInputSchema,
  generateAssignmentInputSchema,
  inspectionGroupListSchema,
  inspectionGroupSchema,
  inspectionListSchema,
  inspectionSchema,
  listInspectionGroupsQuerySchema,
  listInspectionsQuerySchema,
  listRectificationsQuerySchema,
  listRubricsQuerySchema,
  rectificationBoardQuerySchema,
  rectificationBoardSchema,
  rectificationListSchema,
  rectificationSchema,
  rubricListSchema,
  rubricSchema,
  saveAssignmentInputSchema,
  updateInspectionGroupInputSchema,
  updateInspectionInputSchema,
  updateRubricInputSchema,
  verifyRectificationInputSchema,
} from '../../../contracts/courtyards';
import { versionInputSchema } from '../../../contracts/org';
import { ctxOf } from '../../kernel/http/context';
import {
  createGroup,
  deleteGroup,
  generateMonthAssignment,
  getAssignment,
  getGroup,
  listGroups,
  restoreGroup,
  saveMonthAssignment,
  updateGroup,
} from './groups.service';
import {
  createInspection,
  deleteInspection,
  getInspection,
  listInspections,
  restoreInspection,
  updateInspection,
} from './inspections.service';
import {
  createRectification,
  fixRectification,
  getRectification,
  listRectifications,
  rectificationBoard,
  verifyRectification,
} from './rectifications.service';
import {
  createRubric,
  deleteRubric,
  getEffectiveRubric,
  getRubric,
  listRubrics,
  restoreRubric,
  updateRubric,
} from './rubrics.service';

const tags = ['courtyards'];
const versionQuery = z.object({ version: z.coerce.number().pipe(versionSchema) }).strict();
export const COURTYARDS_BASE = '/api/v1/courtyards';

/** Rubrics, inspection groups and assignments, inspections, rectifications. */
export const courtyardsRoutes = async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'courtyards.read' } as const;
  const write = { access: 'courtyards.write' } as const;
  const manage = { access: 'courtyards.manage' } as const;

  // Rubrics
  const rubrics = `${COURTYARDS_BASE}/rubrics`;
  const rubricParams = z.object({ rubricId: z.uuid() }).strict();
  app.get(
    rubrics,
    {
      config: read,
      schema: {
        tags,
        summary: '量化评分细则（含上级的）',
        querystring: listRubricsQuerySchema,
        response: { 200: rubricListSchema },
      },
    },
    (req) => listRubrics(ctxOf(req), req.query),
  );
  app.get(
    `${rubrics}/effective`,
    {
      config: read,
      schema: {
        tags,
        summary: '某单位某年度适用的评分细则',
        querystring: effectiveRubricQuerySchema,
        response: { 200: effectiveRubricSchema },
      },
    },
    (req) => getEffectiveRubric(ctxOf(req), req.query),
  );
  app.get(
    `${rubrics}/:rubricId`,
    { config: read, schema: { tags, params: rubricParams, response: { 200: rubricSchema } } },
    (req) => getRubric(ctxOf(req), req.params.rubricId),
  );
  app.post(
    rubrics,
    { config: manage, schema: { tags, body: createRubricInputSchema, response: { 201: rubricSchema } } },
    async (req, reply) => reply.status(201).send(await createRubric(ctxOf(req), req.body)),
  );
  app.patch(
    `${rubrics}/:rubricId`,
    {
      config: manage,
      schema: {
        tags,
        summary: '修改细则（已使用的细则另存为新版本）',
        params: rubricParams,
        body: updateRubricInputSchema,
        response: { 200: rubricSchema },
      },
    },
    (req) => updateRubric(ctxOf(req), req.params.rubricId, req.body),
  );
  app.delete(
    `${rubrics}/:rubricId`,
    {
      config: manage,
      schema: { tags, params: rubricParams, querystring: versionQuery, response: { 200: rubricSchema } },
    },
    (req) => deleteRubric(ctxOf(req), req.params.rubricId, req.query.version),
  );
  app.post(
    `${rubrics}/:rubricId/restore`,
    {
      config: manage,
      schema: { tags, params: rubricParams, body: versionInputSchema, response: { 200: rubricSchema } },
    },
    (req) => restoreRubric(ctxOf(req), req.params.rubricId, req.body.version),
  );

  // Inspection groups and the month's assignment
  const groups = `${COURTYARDS_BASE}/groups`;
  const groupParams = z.object({ inspectionGroupId: z.uuid() }).strict();
  app.get(
    groups,
    {
      config: read,
      schema: {
        tags,
        summary: '验收小组',
        querystring: listInspectionGroupsQuerySchema,
        response: { 200: inspectionGroupListSchema },
      },
    },
    (req) => listGroups(ctxOf(req), req.query),
  );
  app.get(
    `${groups}/:inspectionGroupId`,
    { config: read, schema: { tags, params: groupParams, response: { 200: inspectionGroupSchema } } },
    (req) => getGroup(ctxOf(req), req.params.inspectionGroupId),
  );
  app.post(
    groups,
    {
      config: manage,
      schema: { tags, body: createInspectionGroupInputSchema, response: { 201: inspectionGroupSchema } },
    },
    async (req, reply) => reply.status(201).send(await createGroup(ctxOf(req), req.body)),
  );
  app.patch(
    `${groups}/:inspectionGroupId`,
    {
      config: manage,
      schema: {
        tags,
        params: groupParams,
        body: updateInspectionGroupInputSchema,
        response: { 200: inspectionGroupSchema },
      },
    },
    (req) => updateGroup(ctxOf(req), req.params.inspectionGroupId, req.body),
  );
  app.delete(
    `${groups}/:inspectionGroupId`,
    {
      config: manage,
      schema: {
        tags,
        params: groupParams,
        querystring: versionQuery,
        response: { 200: inspectionGroupSchema },
      },
    },
    (req) => deleteGroup(ctxOf(req), req.params.inspectionGroupId, req.query.version),
  );
  app.post(
    `${groups}/:inspectionGroupId/restore`,
    {
      config: manage,
      schema: {
        tags,
        params: groupParams,
        body: versionInputSchema,
        response: { 200: inspectionGroupSchema },
      },
    },
    (req) => restoreGroup(ctxOf(req), req.params.inspectionGroupId, req.body.version),
  );
  const assignments = `${COURTYARDS_BASE}/assignments`;
  app.get(
    assignments,
    {
      config: read,
      schema: {
        tags,
        summary: '某月交叉检查分组',
        querystring: assignmentQuerySchema,
        response: { 200: assignmentSchema },
      },
    },
    (req) => getAssignment(ctxOf(req), req.query),
  );
  app.put(
    assignments,
    {
      config: manage,
      schema: {
        tags,
        summary: '调整某月分组',
        body: saveAssignmentInputSchema,
        response: { 200: assignmentSchema },
      },
    },
    (req) => saveMonthAssignment(ctxOf(req), req.body),
  );
  app.post(
    `${assignments}/generate`,
    {
      config: manage,
      schema: {
        tags,
        summary: '生成某月交叉检查分组（均衡、回避本村、轮换）',
        body: generateAssignmentInputSchema,
        response: { 200: assignmentSchema },
      },
    },
    (req) => generateMonthAssignment(ctxOf(req), req.body),
  );

  // Inspections
  const inspections = `${COURTYARDS_BASE}/inspections`;
  const inspectionParams = z.object({ inspectionId: z.uuid() }).strict();
  app.get(
    inspections,
    {
      config: read,
      schema: {
        tags,
        summary: '入户检查台账',
        querystring: listInspectionsQuerySchema,
        response: { 200: inspectionListSchema },
      },
    },
    (req) => listInspections(ctxOf(req), req.query),
  );
  app.get(
    `${inspections}/:inspectionId`,
    { config: read, schema: { tags, params: inspectionParams, response: { 200: inspectionSchema } } },
    (req) => getInspection(ctxOf(req), req.params.inspectionId),
  );
  app.post(
    inspections,
    {
      config: write,
      schema: {
        tags,
        summary: '登记入户检查（客户端编号，重试不重复）',
        body: createInspectionInputSchema,
        response: { 200: inspectionSchema, 201: inspectionSchema },
      },
    },
    async (req, reply) => {
      const { inspection, isReplay } = await createInspection(ctxOf(req), req.body);
      return reply.status(isReplay ? 200 : 201).send(inspection);
    },
  );
  app.patch(
    `${inspections}/:inspectionId`,
    {
      config: write,
      schema: {
        tags,
        params: inspectionParams,
        body: updateInspectionInputSchema,
        response: { 200: inspectionSchema },
      },
    },
    (req) => updateInspection(ctxOf(req), req.params.inspectionId, req.body),
  );
  app.delete(
    `${inspections}/:inspectionId`,
    {
      config: write,
      schema: {
        tags,
        params: inspectionParams,
        querystring: versionQuery,
        response: { 200: inspectionSchema },
      },
    },
    (req) => deleteInspection(ctxOf(req), req.params.inspectionId, req.query.version),
  );
  app.post(
    `${inspections}/:inspectionId/restore`,
    {
      config: write,
      schema: {
        tags,
        params: inspectionParams,
        body: versionInputSchema,
        response: { 200: inspectionSchema },
      },
    },
    (req) => restoreInspection(ctxOf(req), req.params.inspectionId, req.body.version),
  );

  // Rectifications
  const rects = `${COURTYARDS_BASE}/rectifications`;
  const rectParams = z.object({ rectificationId: z.uuid() }).strict();
  app.get(
    rects,
    {
      config: read,
      schema: {
        tags,
        summary: '整改台账',
        querystring: listRectificationsQuerySchema,
        response: { 200: rectificationListSchema },
      },
    },
    (req) => listRectifications(ctxOf(req), req.query),
  );
  app.get(
    `${rects}/board`,
    {
      config: read,
      schema: {
        tags,
        summary: '整改逾期榜（按村）',
        querystring: rectificationBoardQuerySchema,
        response: { 200: rectificationBoardSchema },
      },
    },
    (req) => rectificationBoard(ctxOf(req), req.query),
  );
  app.get(
    `${rects}/:rectificationId`,
    { config: read, schema: { tags, params: rectParams, response: { 200: rectificationSchema } } },
    (req) => getRectification(ctxOf(req), req.params.rectificationId),
  );
  app.post(
    rects,
    {
      config: write,
      schema: {
        tags,
        summary: '由扣分项开出整改',
        body: createRectificationInputSchema,
        response: { 200: rectificationSchema, 201: rectificationSchema },
      },
    },
    async (req, reply) => {
      const { rectification, isReplay } = await createRectification(ctxOf(req), req.body);
      return reply.status(isReplay ? 200 : 201).send(rectification);
    },
  );
  app.post(
    `${rects}/:rectificationId/fix`,
    {
      config: write,
      schema: {
        tags,
        summary: '整改完成（须先上传整改后照片）',
        params: rectParams,
        body: fixRectificationInputSchema,
        response: { 200: rectificationSchema },
      },
    },
    (req) => fixRectification(ctxOf(req), req.params.rectificationId, req.body),
  );
  app.post(
    `${rects}/:rectificationId/verify`,
    {
      config: write,
      schema: {
        tags,
        summary: '整改验收',
        params: rectParams,
        body: verifyRectificationInputSchema,
        response: { 200: rectificationSchema },
      },
    },
    (req) => verifyRectification(ctxOf(req), req.params.rectificationId, req.body),
  );
};
