import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { requireActor } from '../../core/session.js';
import { addConfirmation, issueDetail } from '../local-issues/service.js';
import { confirmationBody, localIssueDetail, localIssueParams } from '../local-issues/schemas.js';
import { publicFeedbackStatus } from './schemas.js';
import * as service from './service.js';

/**
 * The people's word on a resolved issue: the citizen who raised it confirms with the tracking
 * code (no account), the village cell's committee while signed in. Citizen feedback owns this
 * link to local issues, so the issues feature knows nothing of tracking codes.
 */
export async function confirmationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/local-issues/:id/confirmations',
    {
      config: { rateLimit: { max: ctx.config.publicLookupsPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['local-issues'],
        summary: 'Xác nhận kết quả giải quyết — a citizen who raised it (with the tracking code, no account) or the village cell\'s committee (signed in); once per resolution',
        params: localIssueParams,
        body: confirmationBody,
        response: { 200: publicFeedbackStatus, 201: localIssueDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { trackingCode, ...word } = request.body;
      if (trackingCode !== undefined) return reply.status(200).send(await service.confirmWithCode(ctx, request.params.id, trackingCode, word));
      const actor = await requireActor(request);
      await addConfirmation(ctx, { kind: 'cell', actor }, request.params.id, word);
      return reply.status(201).send(await issueDetail(ctx, actor, request.params.id));
    },
  );
}
