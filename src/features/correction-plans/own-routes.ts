import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { createPlanBody, planDetail } from './schemas.js';
import * as service from './service.js';

/** Opening the caller's own plan of a year: it names nobody else's record, so there is no other unit's to refuse. */
export async function ownPlanRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['correction-plans'];
  const detail = { 200: planDetail, ...errorResponses };

  r.post(
    '/api/correction-plans',
    { schema: { tags, summary: 'Kế hoạch tự sửa của tôi — the caller\'s plan of a year (200 existing, 201 new)', body: createPlanBody, response: { 201: planDetail, ...detail } } },
    async (request, reply) => {
      const { created, plan } = await service.openPlan(ctx, actorOf(request), request.body.year);
      return reply.status(created ? 201 : 200).send(plan);
    },
  );

}
