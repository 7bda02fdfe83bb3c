import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf } from '../../core/session.js';
import { meetingDetail, meetingParams, reopenBody } from './schemas.js';
import * as minutes from './minutes.js';

/**
 * The minutes: approved, reopened, exported as a Word document.
 * Registered by meetingRoutes, in its scope: its hook signs every request in.
 */
export function minutesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];
  const detail = { 200: meetingDetail, ...errorResponses };

  r.post(
    '/api/meetings/:id/approve',
    { schema: { tags, summary: 'Thông qua biên bản — held → approved; minutes locked as a version', params: meetingParams, response: detail } },
    async (request) => minutes.approveMinutes(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/meetings/:id/reopen',
    { schema: { tags, summary: 'Mở lại để điều chỉnh biên bản — approved → held, with a reason', params: meetingParams, body: reopenBody, response: detail } },
    async (request) => minutes.reopenMinutes(ctx, actorOf(request), request.params.id, request.body.reason),
  );

  r.get(
    '/api/meetings/:id/minutes.docx',
    { schema: { tags, summary: 'Biên bản sinh hoạt chi bộ (Word)', params: meetingParams } },
    async (request, reply) => {
      const file = await minutes.minutesDocx(ctx, actorOf(request), request.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
}
