import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { bodyLimitForFile, sendFile } from '../../core/http.js';
import { unitParams } from '../units/schemas.js';
import {
  MAX_ATTACHMENT_BYTES,
  attachmentParams,
  closeBody,
  createTaskBody,
  progressBody,
  taskBoard,
  taskDetail,
  taskListQuery,
  taskListResponse,
  taskOptions,
  taskParams,
  yearQuery,
} from './schemas.js';
import * as service from './service.js';

/** A progress report carries its file as base64 in JSON: only this route takes that much. */
const PROGRESS_BODY_LIMIT = bodyLimitForFile(MAX_ATTACHMENT_BYTES);

export async function taskRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];
  const detail = { 200: taskDetail, ...errorResponses };

  r.post(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: 'Giao nhiệm vụ — rõ người, rõ việc, rõ trách nhiệm, rõ thời gian; from a meeting, a directive, a commitment or on its own; hand-down to a mass organisation',
        body: createTaskBody,
        response: { 201: taskDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createTask(ctx, actorOf(request), request.body)),
  );

  r.get(
    '/api/tasks/:id',
    { schema: { tags, summary: 'Nhiệm vụ — co-workers, hand-down, progress with files, the outcomes the dates allow, what the caller may do', params: taskParams, response: detail } },
    async (request) => service.taskDetail(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/tasks/:id/progress',
    {
      bodyLimit: PROGRESS_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Báo cáo tiến độ — text, percent, optional file (≤ 10 MB, base64); the owner, a co-worker, or for a unit its leaders',
        params: taskParams,
        body: progressBody,
        response: detail,
      },
    },
    async (request) => service.reportProgress(ctx, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/tasks/:id/close',
    {
      schema: {
        tags,
        summary: 'Đánh giá, đóng nhiệm vụ — the assigner: on time / late / exceeded / not done, as the dates allow, with a comment',
        params: taskParams,
        body: closeBody,
        response: detail,
      },
    },
    async (request) => service.closeTask(ctx, actorOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/tasks/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Tệp đính kèm của báo cáo tiến độ (download)', params: attachmentParams } },
    async (request, reply) => sendFile(reply, await service.taskAttachment(ctx, actorOf(request), request.params.id, request.params.attachmentId)),
  );

  r.get(
    '/api/units/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ của đơn vị — the subtree\'s tasks (assigned or handed to it): overdue first, then open by deadline, then closed',
        params: unitParams,
        querystring: taskListQuery,
        response: { 200: taskListResponse, ...errorResponses },
      },
    },
    async (request) => service.listTasks(ctx, actorOf(request), request.params.id, request.query),
  );

  r.get(
    '/api/units/:id/task-options',
    {
      schema: {
        tags,
        summary: 'What the new-task form offers: members, units to hand down to, directives received, recent meetings',
        params: unitParams,
        response: { 200: taskOptions, ...errorResponses },
      },
    },
    async (request) => service.taskOptions(ctx, actorOf(request), request.params.id),
  );

  r.get(
    '/api/units/:id/task-board',
    {
      schema: {
        tags,
        summary: 'Bảng công việc — a cell\'s year by owner, or the commune view per cell: on time, overdue, hand-down delay, commitments',
        params: unitParams,
        querystring: yearQuery,
        response: { 200: taskBoard, ...errorResponses },
      },
    },
    async (request) => service.taskBoard(ctx, actorOf(request), request.params.id, request.query),
  );

}
