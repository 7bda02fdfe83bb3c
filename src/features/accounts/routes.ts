import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import {
  accountListQuery,
  accountListResponse,
  accountParams,
  accountSummary,
  accountWithPassword,
  createAccountBody,
  updateAccountBody,
} from './schemas.js';
import * as service from './service.js';

export async function accountRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];

  r.get(
    '/api/accounts',
    { schema: { tags, summary: 'Tài khoản — accounts managed in the caller\'s subtree (office, committee)', querystring: accountListQuery, response: { 200: accountListResponse, ...errorResponses } } },
    async (request) => service.listAccounts(ctx, actorOf(request), request.query),
  );

  r.post(
    '/api/accounts',
    { schema: { tags, summary: 'Tạo tài khoản — create with roles; returns a one-time password', body: createAccountBody, response: { 201: accountWithPassword, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createAccountFor(ctx, actorOf(request), request.body)),
  );

  r.patch(
    '/api/accounts/:id',
    { schema: { tags, summary: 'Sửa tài khoản — name, disable, replace roles', params: accountParams, body: updateAccountBody, response: { 200: accountSummary, ...errorResponses } } },
    async (request) => service.updateAccountFor(ctx, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/accounts/:id/reset-password',
    { schema: { tags, summary: 'Đặt lại mật khẩu — one-time password, signs the account out everywhere', params: accountParams, response: { 200: accountWithPassword, ...errorResponses } } },
    async (request) => service.resetPasswordFor(ctx, actorOf(request), request.params.id),
  );
}
