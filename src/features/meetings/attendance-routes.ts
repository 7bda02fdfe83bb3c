import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf } from '../../core/session.js';
import { attendanceBody, attendanceResponse, importBody, importResponse, meetingParams } from './schemas.js';
import * as attendance from './attendance.js';

/**
 * Attendance of a meeting: by form, or imported from a file.
 * Registered by meetingRoutes, in its scope: its hook signs every request in.
 */
export function attendanceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];

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
    async (request) => attendance.recordAttendance(ctx, actorOf(request), request.params.id, request.body),
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
    async (request) => attendance.importAttendance(ctx, actorOf(request), request.params.id, request.body),
  );
}
