import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import {
  changeStatusBody,
  createLocalIssueBody,
  localIssueDetail,
  localIssueListQuery,
  localIssueListResponse,
  localIssueParams,
  updateLocalIssueBody,
} from './schemas.js';
import * as service from './service.js';

export async function localIssueRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['local-issues'];
  const detail = { 200: localIssueDetail, ...errorResponses };
  const signedIn = { onRequest: authenticate };

  r.get(
    '/api/local-issues',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Vấn đề tồn tại, nổi cộm — a unit\'s board: open and overdue first, with counts by status, category, village',
        querystring: localIssueListQuery,
        response: { 200: localIssueListResponse, ...errorResponses },
      },
    },
    async (request) => service.listIssues(ctx, actorOf(request), request.query),
  );

  r.post(
    '/api/local-issues',
    { ...signedIn, schema: { tags, summary: 'Ghi nhận vấn đề tồn tại — the party committee', body: createLocalIssueBody, response: { 201: localIssueDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createIssue(ctx, actorOf(request), request.body)),
  );

  r.get(
    '/api/local-issues/:id',
    { ...signedIn, schema: { tags, summary: 'Một vấn đề — its tasks, the people\'s confirmations and the timeline', params: localIssueParams, response: detail } },
    async (request) => service.issueDetail(ctx, actorOf(request), request.params.id),
  );

  r.patch(
    '/api/local-issues/:id',
    {
      ...signedIn,
      schema: { tags, summary: 'Sửa vấn đề — the committee, or the responsible unit (not who is responsible nor whether it is public)', params: localIssueParams, body: updateLocalIssueBody, response: detail },
    },
    async (request) => service.updateIssue(ctx, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/local-issues/:id/status',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Chuyển trạng thái — in progress, resolved (with what was done), cannot be resolved now (with why), reopened (with why)',
        params: localIssueParams,
        body: changeStatusBody,
        response: detail,
      },
    },
    async (request) => service.changeStatus(ctx, actorOf(request), request.params.id, request.body),
  );
}
