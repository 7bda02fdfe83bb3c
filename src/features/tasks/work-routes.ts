import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf } from '../auth/session.js';
import { myWork } from './schemas.js';
import * as service from './service.js';

/**
 * "Việc của tôi": the signed-in member's home across tasks, commitments and directives. It
 * names no record (only the caller's own work), so it is no task endpoint: registered inside
 * taskRoutes' scope, behind the same sign-in hook.
 */
export async function workRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
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
