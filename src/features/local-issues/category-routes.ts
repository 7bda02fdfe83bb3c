import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { categoriesResponse, createCategoryBody } from './schemas.js';
import * as service from './service.js';

/** The categories of local issues: reference data every signed-in user reads, the root committee extends. */
export async function localIssueCategoryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['local-issues'];

  r.get(
    '/api/local-issue-categories',
    { schema: { tags, summary: 'Loại vấn đề tồn tại — reference data with its provenance (reference/local-issue-categories.json, or who added it)', response: { 200: categoriesResponse, ...errorResponses } } },
    async (request) => service.listCategories(ctx, actorOf(request)),
  );

  r.post(
    '/api/local-issue-categories',
    { schema: { tags, summary: 'Thêm loại vấn đề — the committee keeping the list', body: createCategoryBody, response: { 201: categoriesResponse, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createCategory(ctx, actorOf(request), request.body)),
  );
}
