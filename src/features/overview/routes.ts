import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { unitParams } from '../units/schemas.js';
import { overviewQuery, overviewResponse } from './schemas.js';
import { unitOverview } from './service.js';

/** Tổng quan: a commune's, a cell's or a province's figures for a period, last year beside them. */
export async function overviewRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/units/:id/overview',
    {
      schema: {
        tags: ['overview'],
        summary: 'Tổng quan — meetings held per cell and month, attendance, tasks, self-examination coverage, local issues, citizens waiting; cells (or communes) ranked; each figure links to its list',
        params: unitParams,
        querystring: overviewQuery,
        response: { 200: overviewResponse, ...errorResponses },
      },
    },
    async (request) => unitOverview(ctx, actorOf(request), request.params.id, request.query),
  );
}
