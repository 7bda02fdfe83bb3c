import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf } from '../../core/session.js';
import { createRubricBody, meetingDetail, meetingParams, rubric, rubricListQuery, rubricListResponse, scoreBody } from './schemas.js';
import * as rubrics from './rubrics.js';

/**
 * Meeting-quality rubrics, and a meeting's score on its rubric.
 * Registered by meetingRoutes, in its scope: its hook signs every request in.
 */
export function rubricRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];
  const detail = { 200: meetingDetail, ...errorResponses };

  r.put(
    '/api/meetings/:id/score',
    { schema: { tags, summary: 'Chấm điểm chất lượng sinh hoạt — points per rubric criterion', params: meetingParams, body: scoreBody, response: detail } },
    async (request) => rubrics.scoreMeeting(ctx, actorOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/meeting-rubrics',
    { schema: { tags, summary: 'Mẫu chấm điểm sinh hoạt loaded by a unit', querystring: rubricListQuery, response: { 200: rubricListResponse, ...errorResponses } } },
    async (request) => rubrics.listRubrics(ctx, actorOf(request), request.query.unitId),
  );

  r.post(
    '/api/meeting-rubrics',
    { schema: { tags, summary: 'Nạp mẫu chấm điểm của tỉnh — replaces the unit\'s active form of that kind', body: createRubricBody, response: { 201: rubric, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await rubrics.createRubric(ctx, actorOf(request), request.body)),
  );
}
