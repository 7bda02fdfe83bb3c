import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import {
  addHolidayYearBody,
  confirmInspectionRuleBody,
  inspectionRuleParams,
  inspectionRulesQuery,
  inspectionRulesResponse,
  inspectionRuleVersionsResponse,
  updateInspectionRuleBody,
} from './schemas.js';
import * as service from './service.js';

export async function inspectionRuleRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inspection'];
  const rules = { 200: inspectionRulesResponse, ...errorResponses };

  r.get(
    '/api/reference/inspection-rules',
    { schema: { tags, summary: 'Quy định kiểm tra, giám sát, kỷ luật (QĐ 296) — kinds, steps, time limits in working days, discipline forms, public holidays; each with its source and whether it is confirmed', querystring: inspectionRulesQuery, response: rules } },
    async (request) => service.getRules(ctx, actorOf(request), request.query),
  );

  r.get(
    '/api/reference/inspection-rules/versions',
    { schema: { tags, summary: 'Các phiên bản của quy định — every version kept, newest first', querystring: inspectionRulesQuery.pick({ unitId: true }), response: { 200: inspectionRuleVersionsResponse, ...errorResponses } } },
    async (request) => service.listRuleVersions(ctx, actorOf(request), request.query),
  );

  r.patch(
    '/api/reference/inspection-rules/items/:id',
    { schema: { tags, summary: 'Sửa một quy định — a new version (reason required); open cases keep theirs', params: inspectionRuleParams, body: updateInspectionRuleBody, response: rules } },
    async (request) => service.updateRule(ctx, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/reference/inspection-rules/items/:id/confirm',
    { schema: { tags, summary: 'Xác nhận đã đối chiếu văn bản chính thức', params: inspectionRuleParams, body: confirmInspectionRuleBody, response: rules } },
    async (request) => service.confirmRule(ctx, actorOf(request), request.params.id, request.body.note),
  );

  r.post(
    '/api/reference/inspection-rules/holidays',
    { schema: { tags, summary: 'Thêm lịch nghỉ lễ, Tết của một năm — a new version', body: addHolidayYearBody, response: rules } },
    async (request) => service.addHolidayYear(ctx, actorOf(request), request.body),
  );
}
