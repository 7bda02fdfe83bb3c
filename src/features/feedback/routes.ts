import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { unitParams } from '../units/schemas.js';
import { answerFeedbackBody, createFeedbackBody, feedbackListResponse, feedbackOptions, feedbackParams, feedbackSummary, unitFeedbackQuery } from './schemas.js';
import * as service from './service.js';

export async function feedbackRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['feedback'];

  r.post(
    '/api/feedback',
    {
      schema: {
        tags,
        summary: 'Góp ý — to a member, upward to the cell committee (may be anonymous: no link to the author is kept), or from the cell to a member',
        body: createFeedbackBody,
        response: { 201: feedbackSummary, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createFeedback(ctx, actorOf(request), request.body)),
  );

  r.get(
    '/api/feedback/:id',
    { schema: { tags, summary: 'Một góp ý — grave ones only for the cell committee and UBKT', params: feedbackParams, response: { 200: feedbackSummary, ...errorResponses } } },
    async (request) => service.feedbackDetail(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/feedback/:id/answer',
    {
      schema: {
        tags,
        summary: 'Trả lời góp ý — accept (creates the correction-plan item in the same step) or explain; once',
        params: feedbackParams,
        body: answerFeedbackBody,
        response: { 200: feedbackSummary, ...errorResponses },
      },
    },
    async (request) => service.answerFeedback(ctx, actorOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/units/:id/feedback',
    { schema: { tags, summary: 'Góp ý trong đơn vị — for the cell\'s leaders and the commune\'s', params: unitParams, querystring: unitFeedbackQuery, response: { 200: feedbackListResponse, ...errorResponses } } },
    async (request) => service.listUnitFeedback(ctx, actorOf(request), request.params.id, request.query),
  );

  r.get(
    '/api/units/:id/feedback-options',
    { schema: { tags, summary: 'Góp ý cho ai — the cell\'s members (committee marked) and meetings', params: unitParams, response: { 200: feedbackOptions, ...errorResponses } } },
    async (request) => service.feedbackOptions(ctx, actorOf(request), request.params.id),
  );
}
