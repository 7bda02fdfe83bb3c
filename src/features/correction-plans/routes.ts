import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { addPlanItemBody, planDetail, planItemParams, planItemProgressBody, planParams, verifyPlanItemBody } from './schemas.js';
import * as service from './service.js';

export async function correctionPlanRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['correction-plans'];
  const detail = { 200: planDetail, ...errorResponses };

  r.get(
    '/api/correction-plans/:id',
    { schema: { tags, summary: 'Kế hoạch tự sửa — items with progress; a read by someone other than the member is logged', params: planParams, response: detail } },
    async (request) => service.planDetail(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/correction-plans/:id/items',
    { schema: { tags, summary: 'Thêm nội dung tự sửa — shortcoming → action → deadline → how success is judged (the member\'s own plan)', params: planParams, body: addPlanItemBody, response: { 201: planDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.addItem(ctx, actorOf(request), request.params.id, request.body)),
  );

  r.post(
    '/api/correction-plans/:id/items/:itemId/progress',
    { schema: { tags, summary: 'Ghi tiến độ tự sửa — a note, or report the shortcoming fixed for the cell committee to verify', params: planItemParams, body: planItemProgressBody, response: { 201: planDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.recordProgress(ctx, actorOf(request), request.params.id, request.params.itemId, request.body)),
  );

  r.post(
    '/api/correction-plans/:id/items/:itemId/verify',
    { schema: { tags, summary: 'Xác nhận đã khắc phục (or return with a comment) — the cell committee, never one\'s own', params: planItemParams, body: verifyPlanItemBody, response: detail } },
    async (request) => service.verifyItem(ctx, actorOf(request), request.params.id, request.params.itemId, request.body),
  );
}
