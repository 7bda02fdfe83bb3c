import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { createDisciplineBody, disciplineDecision, disciplineListQuery, disciplineListResponse, memberDisciplineParams, memberDisciplineResponse } from './schemas.js';
import * as service from './service.js';

export async function disciplineRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['discipline'];

  r.post(
    '/api/discipline-decisions',
    {
      schema: {
        tags,
        summary: 'Ghi quyết định kỷ luật — a form of the rules in effect the member\'s status allows, by a body over the member',
        body: createDisciplineBody,
        response: { 201: disciplineDecision, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.recordDecision(ctx, actorOf(request), request.body)),
  );

  r.get(
    '/api/discipline-decisions',
    {
      schema: {
        tags,
        summary: 'Quyết định kỷ luật của năm — a unit and the units below it, newest first (each member\'s record read is logged)',
        querystring: disciplineListQuery,
        response: { 200: disciplineListResponse, ...errorResponses },
      },
    },
    async (request) => service.listDecisions(ctx, actorOf(request), request.query),
  );

  r.get(
    '/api/members/:id/discipline',
    {
      schema: {
        tags,
        summary: 'Kỷ luật của đảng viên — newest first, with the forms the viewer may record; a read by anyone but the member is logged',
        params: memberDisciplineParams,
        response: { 200: memberDisciplineResponse, ...errorResponses },
      },
    },
    async (request) => service.memberDiscipline(ctx, actorOf(request), request.params.id),
  );
}
