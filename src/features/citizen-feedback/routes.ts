import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { answerBody, citizenFeedbackListQuery, citizenFeedbackListResponse, citizenFeedbackParams, citizenFeedbackSummary, triageBody } from './schemas.js';
import * as service from './service.js';

/** The staff side of citizens' messages: the inbox, triage and the answer. */
export async function citizenFeedbackRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['citizen-feedback'];
  const detail = { 200: citizenFeedbackSummary, ...errorResponses };

  r.get(
    '/api/citizen-feedback',
    {
      schema: {
        tags,
        summary: 'Ý kiến người dân — the commune\'s inbox (a cell\'s: what was routed to it); contacts only for the committee and the routed cell',
        querystring: citizenFeedbackListQuery,
        response: { 200: citizenFeedbackListResponse, ...errorResponses },
      },
    },
    async (request) => service.listFeedback(ctx, actorOf(request), request.query),
  );

  r.get(
    '/api/citizen-feedback/:id',
    { schema: { tags, summary: 'Một ý kiến người dân', params: citizenFeedbackParams, response: detail } },
    async (request) => service.feedbackDetail(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/citizen-feedback/:id/triage',
    {
      schema: { tags, summary: 'Phân loại, xử lý — link to an issue, create an issue from it, route it to a cell, or close it (the committee)', params: citizenFeedbackParams, body: triageBody, response: detail },
    },
    async (request) => service.triage(ctx, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/citizen-feedback/:id/answer',
    { schema: { tags, summary: 'Trả lời người dân — the committee or the cell it was routed to; the citizen reads it with their code', params: citizenFeedbackParams, body: answerBody, response: detail } },
    async (request) => service.answer(ctx, actorOf(request), request.params.id, request.body),
  );
}
