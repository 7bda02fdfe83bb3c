import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { periodParams, reviewListQuery, reviewListResponse } from './schemas.js';
import { periodReviews } from './listing.js';

/** The reviews of a period, for the cell's and the committee's boards. */
export async function reviewListRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/review-periods/:id/reviews',
    {
      schema: {
        tags: ['reviews'],
        summary: 'Bản kiểm điểm của đợt — those the caller may read (one cell with unitId), who submitted, the levels so far, the levels the evidence rules out',
        params: periodParams,
        querystring: reviewListQuery,
        response: { 200: reviewListResponse, ...errorResponses },
      },
    },
    async (request) => periodReviews(ctx, actorOf(request), request.params.id, request.query),
  );
}
