import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { unitParams } from '../units/schemas.js';
import { acknowledgeBody, createDirectiveBody, directiveDetail, directiveListQuery, directiveListResponse, directiveParams } from './schemas.js';
import * as service from './service.js';

export async function directiveRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['directives'];

  r.post(
    '/api/directives',
    {
      schema: {
        tags,
        summary: 'Ban hành chỉ đạo — a committee directs one, several or all of its cells (text, deadline)',
        body: createDirectiveBody,
        response: { 201: directiveDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createDirective(ctx, actorOf(request), request.body)),
  );

  r.get(
    '/api/units/:id/directives',
    {
      schema: {
        tags,
        summary: 'Chỉ đạo của năm — issued by the unit or aimed at units inside it, with acknowledged / acted counts',
        params: unitParams,
        querystring: directiveListQuery,
        response: { 200: directiveListResponse, ...errorResponses },
      },
    },
    async (request) => service.listDirectives(ctx, actorOf(request), request.params.id, request.query.year),
  );

  r.get(
    '/api/directives/:id',
    {
      schema: {
        tags,
        summary: 'Chỉ đạo — text, the target cells the caller sees (acknowledged, tasks) and the tasks made from it',
        params: directiveParams,
        response: { 200: directiveDetail, ...errorResponses },
      },
    },
    async (request) => service.directiveDetail(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/directives/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận chỉ đạo — a target cell\'s leader records that the cell received it',
        params: directiveParams,
        body: acknowledgeBody,
        response: { 200: directiveDetail, ...errorResponses },
      },
    },
    async (request) => service.acknowledgeDirective(ctx, actorOf(request), request.params.id, request.body),
  );
}
