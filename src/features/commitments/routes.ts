import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { unitParams } from '../units/schemas.js';
import {
  commitmentDetail,
  commitmentImportBody,
  commitmentImportResponse,
  commitmentListQuery,
  commitmentListResponse,
  commitmentParams,
  commitmentProgressBody,
  confirmCommitmentsBody,
  confirmCommitmentsResponse,
  createCommitmentBody,
  evaluateCommitmentBody,
  updateCommitmentBody,
} from './schemas.js';
import * as service from './service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An import carries up to 5 MB of base64 in its JSON body: more than the app's 1 MB default. */
const IMPORT_BODY_LIMIT = 6 * 1024 * 1024;

export async function commitmentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['commitments'];
  const detail = { 200: commitmentDetail, ...errorResponses };

  r.post(
    '/api/commitments',
    {
      schema: {
        tags,
        summary: 'Đăng ký chỉ tiêu cam kết — a member\'s own line, or one the cell\'s leaders enter for a member or the cell',
        body: createCommitmentBody,
        response: { 201: commitmentDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createCommitment(ctx, actorOf(request), request.body)),
  );

  r.get(
    '/api/commitments/:id',
    { schema: { tags, summary: 'Chỉ tiêu cam kết — with its progress notes and the tasks made from it', params: commitmentParams, response: detail } },
    async (request) => service.commitmentDetail(ctx, actorOf(request), request.params.id),
  );

  r.patch(
    '/api/commitments/:id',
    { schema: { tags, summary: 'Sửa chỉ tiêu — until it is confirmed', params: commitmentParams, body: updateCommitmentBody, response: detail } },
    async (request) => service.updateCommitment(ctx, actorOf(request), request.params.id, request.body),
  );

  r.delete(
    '/api/commitments/:id',
    { schema: { tags, summary: 'Xóa chỉ tiêu — until it is confirmed', params: commitmentParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await service.deleteCommitment(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/commitments/confirm',
    {
      schema: {
        tags,
        summary: 'Xác nhận chỉ tiêu — many at once, all or none (the cell secretary for members, the committee above for a cell)',
        body: confirmCommitmentsBody,
        response: { 200: confirmCommitmentsResponse, ...errorResponses },
      },
    },
    async (request) => service.confirmCommitments(ctx, actorOf(request), request.body.ids),
  );

  r.post(
    '/api/commitments/:id/progress',
    {
      schema: {
        tags,
        summary: 'Ghi tiến độ — a note, the value reached so far (measurable), evidence',
        params: commitmentParams,
        body: commitmentProgressBody,
        response: { 201: commitmentDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.recordProgress(ctx, actorOf(request), request.params.id, request.body)),
  );

  r.post(
    '/api/commitments/:id/evaluate',
    {
      schema: {
        tags,
        summary: 'Đánh giá chỉ tiêu — achieved / exceeded / not achieved (percent for measurable); before year end only with a reason',
        params: commitmentParams,
        body: evaluateCommitmentBody,
        response: detail,
      },
    },
    async (request) => service.evaluateCommitment(ctx, actorOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/units/:id/commitments',
    {
      schema: {
        tags,
        summary: 'Chỉ tiêu cam kết của năm — the unit\'s own first, then members by name; a member sees only their own',
        params: unitParams,
        querystring: commitmentListQuery,
        response: { 200: commitmentListResponse, ...errorResponses },
      },
    },
    async (request) => service.listCommitments(ctx, actorOf(request), request.params.id, request.query),
  );

  r.get(
    '/api/units/:id/commitments.xlsx',
    {
      schema: {
        tags,
        summary: 'Bảng đăng ký chỉ tiêu cam kết (Excel) — the layout the import reads back',
        params: unitParams,
        querystring: commitmentListQuery.pick({ year: true }),
      },
    },
    async (request, reply) => {
      const file = await service.commitmentsXlsx(ctx, actorOf(request), request.params.id, request.query.year);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );

  r.post(
    '/api/units/:id/commitments/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Nhập chỉ tiêu từ Excel — all rows or none; dryRun previews',
        params: unitParams,
        body: commitmentImportBody,
        response: { 200: commitmentImportResponse, ...errorResponses },
      },
    },
    async (request) => service.importCommitments(ctx, actorOf(request), request.params.id, request.body),
  );
}
