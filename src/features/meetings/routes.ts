import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { unitParams } from '../units/schemas.js';
import { memberParams } from '../members/schemas.js';
import {
  agendaBody,
  attendanceBody,
  attendanceResponse,
  createMeetingBody,
  createOutcomeBody,
  createRubricBody,
  importBody,
  importResponse,
  meetingDetail,
  meetingListQuery,
  meetingListResponse,
  meetingOptions,
  meetingParams,
  memberAttendanceStats,
  outcomeParams,
  periodQuery,
  reopenBody,
  rubric,
  rubricListQuery,
  rubricListResponse,
  scoreBody,
  unitAttendanceStats,
  updateMeetingBody,
} from './schemas.js';
import * as service from './service.js';

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

  r.get(
    '/api/units/:id/attendance-stats',
    {
      schema: {
        tags,
        summary: 'Tỷ lệ dự họp, đúng giờ — attendance and punctuality month by month, per cell and per member',
        params: unitParams,
        querystring: periodQuery,
        response: { 200: unitAttendanceStats, ...errorResponses },
      },
    },
    async (request) => service.unitAttendanceStats(ctx, actorOf(request), request.params.id, request.query),
  );

  r.get(
    '/api/members/:id/attendance-stats',
    {
      schema: {
        tags,
        summary: 'A member\'s own attendance and punctuality (the member, or those who report on the cell)',
        params: memberParams,
        querystring: periodQuery,
        response: { 200: memberAttendanceStats, ...errorResponses },
      },
    },
    async (request) => service.memberAttendanceStats(ctx, actorOf(request), request.params.id, request.query),
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

  r.put(
    '/api/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Điểm danh — record attendance for some or all participants (late minutes derived)',
        params: meetingParams,
        body: attendanceBody,
        response: { 200: attendanceResponse, ...errorResponses },
      },
    },
    async (request) => service.recordAttendance(ctx, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/meetings/:id/attendance/import',
    {
      schema: {
        tags,
        summary: 'Nhập điểm danh từ tệp CSV/XLSX — all rows or none; dryRun previews',
        params: meetingParams,
        body: importBody,
        response: { 200: importResponse, ...errorResponses },
      },
    },
    async (request) => service.importAttendance(ctx, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/meetings/:id/outcomes',
    { schema: { tags, summary: 'Thêm kết quả — information, decision (with votes) or task (owner, deadline)', params: meetingParams, body: createOutcomeBody, response: { 201: meetingDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.addOutcome(ctx, actorOf(request), request.params.id, request.body)),
  );

  r.delete(
    '/api/meetings/:id/outcomes/:outcomeId',
    { schema: { tags, summary: 'Xóa kết quả (and the task it created)', params: outcomeParams, response: detail } },
    async (request) => service.removeOutcome(ctx, actorOf(request), request.params.id, request.params.outcomeId),
  );

  r.post(
    '/api/meetings/:id/hold',
    { schema: { tags, summary: 'Đã họp — planned → held', params: meetingParams, response: detail } },
    async (request) => service.holdMeeting(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/meetings/:id/approve',
    { schema: { tags, summary: 'Thông qua biên bản — held → approved; minutes locked as a version', params: meetingParams, response: detail } },
    async (request) => service.approveMinutes(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/meetings/:id/reopen',
    { schema: { tags, summary: 'Mở lại để điều chỉnh biên bản — approved → held, with a reason', params: meetingParams, body: reopenBody, response: detail } },
    async (request) => service.reopenMinutes(ctx, actorOf(request), request.params.id, request.body.reason),
  );

  r.put(
    '/api/meetings/:id/score',
    { schema: { tags, summary: 'Chấm điểm chất lượng sinh hoạt — points per rubric criterion', params: meetingParams, body: scoreBody, response: detail } },
    async (request) => service.scoreMeeting(ctx, actorOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/meetings/:id/minutes.docx',
    { schema: { tags, summary: 'Biên bản sinh hoạt chi bộ (Word)', params: meetingParams } },
    async (request, reply) => {
      const file = await service.minutesDocx(ctx, actorOf(request), request.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );

  r.get(
    '/api/meeting-rubrics',
    { schema: { tags, summary: 'Mẫu chấm điểm sinh hoạt loaded by a unit', querystring: rubricListQuery, response: { 200: rubricListResponse, ...errorResponses } } },
    async (request) => service.listRubrics(ctx, actorOf(request), request.query.unitId),
  );

  r.post(
    '/api/meeting-rubrics',
    { schema: { tags, summary: 'Nạp mẫu chấm điểm của tỉnh — replaces the unit\'s active form of that kind', body: createRubricBody, response: { 201: rubric, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createRubric(ctx, actorOf(request), request.body)),
  );
}
