import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf } from '../../core/session.js';
import { unitParams } from '../units/schemas.js';
import { memberParams } from '../members/schemas.js';
import { memberAttendanceStats, periodQuery, unitAttendanceStats } from './schemas.js';
import * as reports from './reports.js';

/**
 * Attendance statistics of a unit and of a member.
 * Registered by meetingRoutes, in its scope: its hook signs every request in.
 */
export function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];

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
    async (request) => reports.unitAttendanceStats(ctx, actorOf(request), request.params.id, request.query),
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
    async (request) => reports.memberAttendanceStats(ctx, actorOf(request), request.params.id, request.query),
  );
}
