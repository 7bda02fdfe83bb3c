import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf } from '../../core/session.js';
import { createOutcomeBody, meetingDetail, meetingParams, outcomeParams } from './schemas.js';
import * as outcomes from './outcomes.js';

/**
 * What a meeting decided: added and removed.
 * Registered by meetingRoutes, in its scope: its hook signs every request in.
 */
export function outcomeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];
  const detail = { 200: meetingDetail, ...errorResponses };

  r.post(
    '/api/meetings/:id/outcomes',
    { schema: { tags, summary: 'Thêm kết quả — information, decision (with votes) or task (owner, deadline)', params: meetingParams, body: createOutcomeBody, response: { 201: meetingDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await outcomes.addOutcome(ctx, actorOf(request), request.params.id, request.body)),
  );

  r.delete(
    '/api/meetings/:id/outcomes/:outcomeId',
    { schema: { tags, summary: 'Xóa kết quả (and the task it created)', params: outcomeParams, response: detail } },
    async (request) => outcomes.removeOutcome(ctx, actorOf(request), request.params.id, request.params.outcomeId),
  );
}
