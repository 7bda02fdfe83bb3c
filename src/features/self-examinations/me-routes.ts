import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { accessLogQuery, accessLogResponse, mySelfExamResponse } from './schemas.js';
import * as service from './service.js';

/** The caller's own "Tự soi" page and access log: they name no record, so they have no other unit's record to refuse. */
export async function mySelfExamRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['self-examinations'];

  r.get(
    '/api/me/self-examination',
    { schema: { tags, summary: 'Tự soi của tôi — my self-examinations, correction plans, feedback received and given', response: { 200: mySelfExamResponse, ...errorResponses } } },
    async (request) => service.mySelfExam(ctx, actorOf(request)),
  );

  r.get(
    '/api/me/access-log',
    { schema: { tags, summary: 'Ai đã xem hồ sơ của tôi — every read of my self-examinations and plans by someone else', querystring: accessLogQuery, response: { 200: accessLogResponse, ...errorResponses } } },
    async (request) => service.myAccessLog(ctx, actorOf(request), request.query.page, request.query.pageSize),
  );

}
