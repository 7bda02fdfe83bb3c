import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { confirmRatingRuleBody, ratingRuleParams, ratingRulesQuery, ratingRulesResponse, ratingRuleVersionsResponse, updateRatingRuleBody } from './schemas.js';
import * as service from './service.js';

export async function ratingRuleRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['rating'];
  const rules = { 200: ratingRulesResponse, ...errorResponses };

  r.get(
    '/api/reference/rating-rules',
    {
      schema: {
        tags,
        summary: 'Quy định đánh giá, xếp loại (QĐ 366) — the 100-point framework, levels with their thresholds per subject, triggers, forms, quota, vote, review steps; each with its source and whether it is confirmed',
        querystring: ratingRulesQuery,
        response: rules,
      },
    },
    async (request) => service.getRules(ctx, actorOf(request), request.query),
  );

  r.get(
    '/api/reference/rating-rules/versions',
    { schema: { tags, summary: 'Các phiên bản của quy định xếp loại — every version kept, newest first', querystring: ratingRulesQuery.pick({ unitId: true }), response: { 200: ratingRuleVersionsResponse, ...errorResponses } } },
    async (request) => service.listRuleVersions(ctx, actorOf(request), request.query),
  );

  r.patch(
    '/api/reference/rating-rules/items/:id',
    { schema: { tags, summary: 'Sửa một quy định xếp loại — a new version (reason required); periods opened keep theirs', params: ratingRuleParams, body: updateRatingRuleBody, response: rules } },
    async (request) => service.updateRule(ctx, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/reference/rating-rules/items/:id/confirm',
    { schema: { tags, summary: 'Xác nhận đã đối chiếu văn bản chính thức', params: ratingRuleParams, body: confirmRatingRuleBody, response: rules } },
    async (request) => service.confirmRule(ctx, actorOf(request), request.params.id, request.body.note),
  );
}
