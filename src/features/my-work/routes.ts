import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { myWork } from './schemas.js';
import * as service from './service.js';

/**
 * "Việc của tôi": the signed-in member's home across tasks, commitments, corrections and
 * directives. It names no record (only the caller's own work), so any signed-in account may ask.
 */
export async function myWorkRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/me/work',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Việc của tôi — my tasks due and overdue, what I assigned that is overdue, my commitments, directives to acknowledge',
        response: { 200: myWork, ...errorResponses },
      },
    },
    async (request) => service.myWork(ctx, actorOf(request)),
  );
}
