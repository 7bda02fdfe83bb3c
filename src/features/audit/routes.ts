import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { auditListResponse, auditQuery } from './schemas.js';
import { authorizeHistory } from './policy.js';
import * as repo from './repo.js';
import * as service from './service.js';

export async function auditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Lịch sử thay đổi — the audit trail of one record (party committee, inspection)',
        querystring: auditQuery,
        response: { 200: auditListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const lastUnit = await repo.lastUnitOf(ctx.handle.db, request.query.recordType, request.query.recordId);
      authorizeHistory(actorOf(request), lastUnit);
      return service.recordHistory(ctx.handle.db, request.query);
    },
  );
}
