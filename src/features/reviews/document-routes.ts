import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { id } from '../../shared/schemas.js';
import { sendFile } from '../../core/http.js';
import { actorOf } from '../../core/session.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { unitParams } from '../units/schemas.js';
import { ratingsQuery, reviewParams } from './schemas.js';
import { ratingsFile, reviewFormFile, reviewMinutesFile } from './document-files.js';

/** The rating's documents: a review in its form (Word), a review meeting's minutes (Word), the organisation's levels (Excel). */
export async function reviewDocumentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reviews'];

  r.get(
    '/api/reviews/:id/form.docx',
    { schema: { tags, summary: 'Bản kiểm điểm (Word) — in its form\'s layout (Mẫu 01, 2A, 2B, 2C), with the figures, points, vote and decision', params: reviewParams } },
    async (request, reply) => sendFile(reply, await reviewFormFile(ctx, actorOf(request), request.params.id)),
  );

  r.get(
    '/api/review-meetings/:id/minutes.docx',
    { schema: { tags, summary: 'Biên bản họp chi bộ kiểm điểm (Word) — the vote on each review, the denominator, the level and the proposal', params: z.object({ id }) } },
    async (request, reply) => sendFile(reply, await reviewMinutesFile(ctx, actorOf(request), request.params.id)),
  );

  r.get(
    '/api/units/:id/ratings.xlsx',
    { schema: { tags, summary: 'Kết quả xếp loại (Excel) — every member by cell, counts per level, the quota, the cells\' levels, last year beside', params: unitParams, querystring: ratingsQuery } },
    async (request, reply) => sendFile(reply, await ratingsFile(ctx, actorOf(request), request.params.id, request.query.year ?? Number(todayInVietnam().slice(0, 4)))),
  );
}
