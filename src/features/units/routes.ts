import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import {
  createUnitBody,
  moveUnitBody,
  unitDetail,
  unitParams,
  unitTreeResponse,
  updateUnitBody,
} from './schemas.js';
import * as service from './service.js';

export async function unitRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['units'];

  r.get(
    '/api/units',
    { schema: { tags, summary: 'Cây đơn vị — the unit tree within the caller\'s scope', response: { 200: unitTreeResponse, ...errorResponses } } },
    async (request) => service.unitTree(ctx, actorOf(request)),
  );

  r.get(
    '/api/units/:id',
    { schema: { tags, summary: 'Đơn vị — one unit with breadcrumbs and children', params: unitParams, response: { 200: unitDetail, ...errorResponses } } },
    async (request) => service.unitDetail(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/units',
    { schema: { tags, summary: 'Tạo đơn vị — create a unit under a parent', body: createUnitBody, response: { 201: unitDetail, ...errorResponses } } },
    async (request, reply) => {
      const unit = await service.createUnit(ctx, actorOf(request), request.body);
      return reply.status(201).send(unit);
    },
  );

  r.patch(
    '/api/units/:id',
    { schema: { tags, summary: 'Sửa đơn vị — rename, code, contact', params: unitParams, body: updateUnitBody, response: { 200: unitDetail, ...errorResponses } } },
    async (request) => service.updateUnit(ctx, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/units/:id/move',
    { schema: { tags, summary: 'Chuyển đơn vị — move under another parent', params: unitParams, body: moveUnitBody, response: { 200: unitDetail, ...errorResponses } } },
    async (request) => service.moveUnit(ctx, actorOf(request), request.params.id, request.body.parentId),
  );

  r.post(
    '/api/units/:id/archive',
    { schema: { tags, summary: 'Lưu trữ đơn vị — archive (no active children or members)', params: unitParams, response: { 200: unitDetail, ...errorResponses } } },
    async (request) => service.setArchived(ctx, actorOf(request), request.params.id, true),
  );

  r.post(
    '/api/units/:id/restore',
    { schema: { tags, summary: 'Khôi phục đơn vị — undo archive', params: unitParams, response: { 200: unitDetail, ...errorResponses } } },
    async (request) => service.setArchived(ctx, actorOf(request), request.params.id, false),
  );
}
