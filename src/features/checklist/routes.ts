import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import {
  addChecklistItemBody,
  checklistItemHistory,
  checklistItemParams,
  checklistNoteBody,
  checklistQuery,
  checklistResponse,
  checklistVersionsResponse,
  confirmChecklistItemBody,
  updateChecklistItemBody,
} from './schemas.js';
import * as service from './service.js';

export async function checklistRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['checklist'];
  const checklist = { 200: checklistResponse, ...errorResponses };

  r.get(
    '/api/reference/manifestations',
    {
      schema: {
        tags,
        summary: '27 biểu hiện suy thoái và nội dung nêu gương — the checklist in effect for a unit (or one version), with each item\'s provenance',
        querystring: checklistQuery,
        response: checklist,
      },
    },
    async (request) => service.getChecklist(ctx, actorOf(request), request.query),
  );

  r.get(
    '/api/reference/manifestations/versions',
    { schema: { tags, summary: 'Các phiên bản của bộ tiêu chí — every version kept, newest first', querystring: checklistQuery.pick({ unitId: true }), response: { 200: checklistVersionsResponse, ...errorResponses } } },
    async (request) => service.listVersions(ctx, actorOf(request), request.query),
  );

  r.get(
    '/api/reference/checklist-items/:id/history',
    { schema: { tags, summary: 'Lịch sử một mục — its wording in every version', params: checklistItemParams, response: { 200: checklistItemHistory, ...errorResponses } } },
    async (request) => service.itemHistory(ctx, actorOf(request), request.params.id),
  );

  r.patch(
    '/api/reference/checklist-items/:id',
    { schema: { tags, summary: 'Sửa nội dung một mục — makes a new version (reason required); submitted self-examinations keep theirs', params: checklistItemParams, body: updateChecklistItemBody, response: checklist } },
    async (request) => service.updateItem(ctx, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/reference/checklist-items/:id/confirm',
    { schema: { tags, summary: 'Xác nhận đã đối chiếu văn bản chính thức — who and when are recorded', params: checklistItemParams, body: confirmChecklistItemBody, response: checklist } },
    async (request) => service.confirmItem(ctx, actorOf(request), request.params.id, request.body.note),
  );

  r.post(
    '/api/reference/checklist-items',
    { schema: { tags, summary: 'Thêm nội dung nêu gương — a new version of the checklist', body: addChecklistItemBody, response: checklist } },
    async (request) => service.addItem(ctx, actorOf(request), request.body),
  );

  r.post(
    '/api/reference/checklist-items/:id/remove',
    { schema: { tags, summary: 'Bỏ một nội dung nêu gương — a new version without it (the 27 are fixed)', params: checklistItemParams, body: checklistNoteBody, response: checklist } },
    async (request) => service.removeItem(ctx, actorOf(request), request.params.id, request.body.note),
  );
}
