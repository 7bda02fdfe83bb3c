import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { unitParams } from '../units/schemas.js';
import {
  createSelfExamBody,
  reviewSelfExamBody,
  saveDraftBody,
  saveDraftResponse,
  selfExamDetail,
  selfExamParams,
  statsQuery,
  statsResponse,
} from './schemas.js';
import * as service from './service.js';

export async function selfExamRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['self-examinations'];
  const detail = { 200: selfExamDetail, ...errorResponses };

  r.post(
    '/api/self-examinations',
    { schema: { tags, summary: 'Mở bản tự soi — the caller\'s own, for a year, a quarter or a thematic meeting (409 if that period is open already)', body: createSelfExamBody, response: { 201: selfExamDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createSelfExam(ctx, actorOf(request), request.body)),
  );

  r.get(
    '/api/self-examinations/:id',
    { schema: { tags, summary: 'Bản tự soi — the member, the cell committee, the commune\'s committee and UBKT (a read by anyone but the member is logged); never the office', params: selfExamParams, response: detail } },
    async (request) => service.selfExamDetail(ctx, actorOf(request), request.params.id),
  );

  r.put(
    '/api/self-examinations/:id/draft',
    { schema: { tags, summary: 'Lưu nháp — the whole draft as typed; 409 when the revision is stale', params: selfExamParams, body: saveDraftBody, response: { 200: saveDraftResponse, ...errorResponses } } },
    async (request) => service.saveDraft(ctx, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/self-examinations/:id/submit',
    { schema: { tags, summary: 'Nộp bản tự soi — every item marked; proposed corrections become plan items', params: selfExamParams, response: detail } },
    async (request) => service.submitSelfExam(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/self-examinations/:id/review',
    { schema: { tags, summary: 'Nhận xét của chi ủy — on a submitted self-examination, never one\'s own', params: selfExamParams, body: reviewSelfExamBody, response: detail } },
    async (request) => service.reviewSelfExam(ctx, actorOf(request), request.params.id, request.body.comment),
  );

  r.get(
    '/api/units/:id/self-examination-stats',
    {
      schema: {
        tags,
        summary: 'Tự soi, tự sửa của đơn vị — a cell\'s board or a commune\'s view; manifestation counts only for groups of 5 or more',
        params: unitParams,
        querystring: statsQuery,
        response: { 200: statsResponse, ...errorResponses },
      },
    },
    async (request) => service.selfExamStats(ctx, actorOf(request), request.params.id, request.query.period),
  );
}
