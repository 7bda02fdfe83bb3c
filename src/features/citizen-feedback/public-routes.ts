import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponse } from '../../shared/schemas.js';
import { publicIssues } from '../local-issues/service.js';
import { publicLocalIssueList, publicLocalIssueQuery } from '../local-issues/schemas.js';
import { publicFeedbackBody, publicFeedbackForm, publicFeedbackReceipt, publicFeedbackStatus, trackingParams } from './schemas.js';
import * as service from './service.js';

/** A message of 5,000 Vietnamese characters with its fields fits in far less; anything bigger is not a person typing. */
const PUBLIC_BODY_LIMIT = 32 * 1024;

/** The citizens' side, with no account: the form, sending, following a message by its code, the public issues. */
export async function publicRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  const errors = { 400: errorResponse, 404: errorResponse, 413: errorResponse, 429: errorResponse };

  r.get(
    '/api/public/feedback-form',
    { schema: { tags, summary: 'Biểu mẫu ý kiến người dân — villages, topics and a signed token dating the form', response: { 200: publicFeedbackForm, ...errors } } },
    async (_request, reply) => reply.header('cache-control', 'no-store').send(await service.publicForm(ctx)),
  );

  r.post(
    '/api/public/feedback',
    {
      bodyLimit: PUBLIC_BODY_LIMIT,
      config: { rateLimit: { max: ctx.config.publicSendsPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Gửi ý kiến — no login; phone or email required; answers with a tracking code. Limited per address and per contact; a robot\'s send is dropped',
        body: publicFeedbackBody,
        response: { 201: publicFeedbackReceipt, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.submitPublicFeedback(ctx, request.body, request.ip)),
  );

  r.get(
    '/api/public/feedback/:code',
    {
      config: { rateLimit: { max: ctx.config.publicLookupsPerMinute, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Tra cứu ý kiến bằng mã — status, the answer, the issue it joined; an unknown code answers 404 like any other', params: trackingParams, response: { 200: publicFeedbackStatus, ...errors } },
    },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await service.publicStatus(ctx, request.params.code)),
  );

  r.get(
    '/api/public/local-issues',
    { schema: { tags, summary: 'Vấn đề tồn tại công khai — those the committee made public: status and resolution, no personal data', querystring: publicLocalIssueQuery, response: { 200: publicLocalIssueList, ...errors } } },
    async (request) => publicIssues(ctx, request.query),
  );
}
