import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { unitParams } from '../units/schemas.js';
import {
  createMemberBody,
  memberDetail,
  memberListQuery,
  memberListResponse,
  memberParams,
  updateMemberBody,
} from './schemas.js';
import * as service from './service.js';

export async function memberRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['members'];

  r.get(
    '/api/units/:id/members',
    {
      schema: {
        tags,
        summary: 'Danh sách đảng viên — members of a unit\'s subtree; q ignores diacritics; Vietnamese name order',
        params: unitParams,
        querystring: memberListQuery,
        response: { 200: memberListResponse, ...errorResponses },
      },
    },
    async (request) => service.listMembers(ctx, actorOf(request), request.params.id, request.query),
  );

  r.get(
    '/api/members/:id',
    { schema: { tags, summary: 'Đảng viên — one member', params: memberParams, response: { 200: memberDetail, ...errorResponses } } },
    async (request) => service.memberDetail(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/members',
    { schema: { tags, summary: 'Thêm đảng viên — add a member to a cell', body: createMemberBody, response: { 201: memberDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createMember(ctx, actorOf(request), request.body)),
  );

  r.patch(
    '/api/members/:id',
    { schema: { tags, summary: 'Sửa đảng viên — update, move to another cell, archive', params: memberParams, body: updateMemberBody, response: { 200: memberDetail, ...errorResponses } } },
    async (request) => service.updateMember(ctx, actorOf(request), request.params.id, request.body),
  );
}
