import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pingDatabase } from '../../db/database.js';
import type { AppContext } from '../../core/context.js';

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

export async function healthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/health',
    { schema: { tags: ['health'], summary: 'Tình trạng — liveness and database check', response: { 200: healthResponse } } },
    async () => {
      // A real round trip, so a load balancer takes an instance with a dead database out.
      await pingDatabase(ctx.handle);
      return { status: 'ok' as const, database: ctx.handle.dialect.name, version: ctx.version };
    },
  );
}
