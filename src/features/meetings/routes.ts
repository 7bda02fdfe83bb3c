import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { unitParams } from '../units/schemas.js';
import {
  agendaBody,
  createMeetingBody,
  meetingDetail,
  meetingListQuery,
  meetingListResponse,
  meetingOptions,
  meetingParams,
  updateMeetingBody,
} from './schemas.js';
import * as service from './service.js';
import { attendanceRoutes } from './attendance-routes.js';
import { outcomeRoutes } from './outcome-routes.js';
import { minutesRoutes } from './minutes-routes.js';
import { rubricRoutes } from './rubric-routes.js';
import { reportRoutes } from './report-routes.js';

/**
 * Meetings: the meeting's own lifecycle here; attendance, outcomes, minutes, rubrics and reports
 * in their own route files, registered in this scope so one sign-in hook covers them all.
 */
export async function meetingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];
  const detail = { 200: meetingDetail, ...errorResponses };

  r.get(
    '/api/units/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Sinh hoạt chi bộ — meetings of a unit\'s subtree in a period (default: this year), with schedule warnings',
        params: unitParams,
        querystring: meetingListQuery,
        response: { 200: meetingListResponse, ...errorResponses },
      },
    },
    async (request) => service.listMeetings(ctx, actorOf(request), request.params.id, request.query),
  );

  r.get(
    '/api/units/:id/meeting-options',
    {
      schema: {
        tags,
        summary: 'What the new-meeting form offers: the cell\'s members, guests, usual place, open tasks',
        params: unitParams,
        response: { 200: meetingOptions, ...errorResponses },
      },
    },
    async (request) => service.meetingOptions(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/meetings',
    { schema: { tags, summary: 'Tạo cuộc họp — schedule a meeting of a cell', body: createMeetingBody, response: { 201: meetingDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createMeeting(ctx, actorOf(request), request.body)),
  );

  r.get(
    '/api/meetings/:id',
    { schema: { tags, summary: 'Cuộc họp — participants, agenda, minutes, outcomes, score, versions', params: meetingParams, response: detail } },
    async (request) => service.meetingDetail(ctx, actorOf(request), request.params.id),
  );

  r.patch(
    '/api/meetings/:id',
    { schema: { tags, summary: 'Sửa cuộc họp — time, place, chair, participants (late minutes follow the start)', params: meetingParams, body: updateMeetingBody, response: detail } },
    async (request) => service.updateMeeting(ctx, actorOf(request), request.params.id, request.body),
  );

  r.delete(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Xóa cuộc họp dự kiến chưa điểm danh',
        params: meetingParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await service.deleteMeeting(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.put(
    '/api/meetings/:id/agenda',
    { schema: { tags, summary: 'Chương trình và biên bản — replace the agenda items with their minutes', params: meetingParams, body: agendaBody, response: detail } },
    async (request) => service.replaceAgenda(ctx, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/meetings/:id/hold',
    { schema: { tags, summary: 'Đã họp — planned → held', params: meetingParams, response: detail } },
    async (request) => service.holdMeeting(ctx, actorOf(request), request.params.id),
  );

  attendanceRoutes(app, ctx);
  outcomeRoutes(app, ctx);
  minutesRoutes(app, ctx);
  rubricRoutes(app, ctx);
  reportRoutes(app, ctx);
}
