import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { unitParams } from '../units/schemas.js';
import {
  createPeriodBody,
  decisionsBody,
  myReviewsResponse,
  periodDetail,
  periodListQuery,
  periodListResponse,
  periodParams,
  ratingsQuery,
  ratingsResponse,
  reviewDetail,
  reviewParams,
  selfAssessmentBody,
  selfAssessmentResponse,
} from './schemas.js';
import * as service from './service.js';
import { decideLevels, unitRatings } from './decisions.js';
import { reviewMeetingRoutes } from './meeting-routes.js';

/** Kiểm điểm, đánh giá, xếp loại (QĐ 366): periods, each review, the committee's decisions, the ratings. */
export async function reviewRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reviews'];

  r.get(
    '/api/review-periods',
    { schema: { tags, summary: 'Đợt kiểm điểm — those of a unit, its ancestors and the units inside it, newest first', querystring: periodListQuery, response: { 200: periodListResponse, ...errorResponses } } },
    async (request) => service.listPeriods(ctx, actorOf(request), request.query),
  );

  r.post(
    '/api/review-periods',
    {
      schema: {
        tags,
        summary: 'Mở đợt kiểm điểm — a year or a quarter with the date of each step in the rules\' order; a review for every member and cell',
        body: createPeriodBody,
        response: { 201: periodDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.openPeriod(ctx, actorOf(request), request.body)),
  );

  r.get(
    '/api/review-periods/:id',
    { schema: { tags, summary: 'Đợt kiểm điểm — where every cell stands, the quota, the unconfirmed rules', params: periodParams, response: { 200: periodDetail, ...errorResponses } } },
    async (request) => service.periodDetail(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/review-periods/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Quyết định xếp loại — levels for submitted reviews; a change or a level the evidence rules out needs a reason; over the quota needs a written one',
        params: periodParams,
        body: decisionsBody,
        response: { 200: periodDetail, ...errorResponses },
      },
    },
    async (request) => decideLevels(ctx, actorOf(request), request.params.id, request.body),
  );

  r.get('/api/me/reviews', { schema: { tags, summary: 'Kiểm điểm cuối năm — my reviews with the level decided', response: { 200: myReviewsResponse, ...errorResponses } } }, async (request) =>
    service.myReviews(ctx, actorOf(request)),
  );

  r.get(
    '/api/reviews/:id',
    { schema: { tags, summary: 'Bản kiểm điểm — the text, points, the year\'s evidence, which levels it allows and why, the vote and decisions', params: reviewParams, response: { 200: reviewDetail, ...errorResponses } } },
    async (request) => service.reviewDetail(ctx, actorOf(request), request.params.id),
  );

  r.put(
    '/api/reviews/:id/self-assessment',
    {
      schema: {
        tags,
        summary: 'Lưu bản tự kiểm điểm — the whole draft as typed; 409 when the revision is stale',
        params: reviewParams,
        body: selfAssessmentBody,
        response: { 200: selfAssessmentResponse, ...errorResponses },
      },
    },
    async (request) => service.saveSelfAssessment(ctx, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/reviews/:id/submit',
    { schema: { tags, summary: 'Nộp bản kiểm điểm — every part written and scored, a level proposed (with a reason when the evidence rules it out)', params: reviewParams, response: { 200: reviewDetail, ...errorResponses } } },
    async (request) => service.submitReview(ctx, actorOf(request), request.params.id),
  );

  r.get(
    '/api/units/:id/ratings',
    { schema: { tags, summary: 'Kết quả xếp loại — levels in force for a year, per cell and member, the quota, last year beside it', params: unitParams, querystring: ratingsQuery, response: { 200: ratingsResponse, ...errorResponses } } },
    async (request) => unitRatings(ctx, actorOf(request), request.params.id, request.query.year ?? Number(todayInVietnam().slice(0, 4))),
  );

  reviewMeetingRoutes(app, ctx);
}
