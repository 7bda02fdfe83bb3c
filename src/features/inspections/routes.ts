import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf, authenticate } from '../../core/session.js';
import { bodyLimitForFile, contentDisposition, sendFile } from '../../core/http.js';
import { MAX_ATTACHMENT_BYTES } from '../tasks/schemas.js';
import {
  adoptProgrammeBody,
  conclusionBody,
  createInspectionBody,
  createProgrammeBody,
  extendBody,
  inspectionAttachmentParams,
  inspectionDocumentParams,
  inspectionDetail,
  inspectionListQuery,
  inspectionListResponse,
  inspectionOverview,
  inspectionParams,
  myInspectionsResponse,
  overviewQuery,
  programmeDetail,
  programmeItemInput,
  programmeListQuery,
  programmeListResponse,
  programmeParams,
  recommendationParams,
  recordStepBody,
  reportRecommendationBody,
  subjectRecordsResponse,
  verifyRecommendationBody,
} from './schemas.js';
import * as service from './service.js';
import * as programmes from './programmes.js';
import * as followUp from './follow-up.js';

function sendDocx(reply: FastifyReply, file: { fileName: string; content: Buffer }) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .send(file.content);
}

export async function inspectionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onRequest', authenticate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inspection'];
  const detail = { 200: inspectionDetail, ...errorResponses };
  const programme = { 200: programmeDetail, ...errorResponses };
  /** A step or a report may carry a file sent from a phone (base64 in the JSON). */
  const withFile = { bodyLimit: bodyLimitForFile(MAX_ATTACHMENT_BYTES) };

  // --- programmes ---
  r.get(
    '/api/inspection-programmes',
    { schema: { tags, summary: 'Chương trình kiểm tra, giám sát năm — of a unit and the units below it, with progress', querystring: programmeListQuery, response: { 200: programmeListResponse, ...errorResponses } } },
    async (request) => programmes.listProgrammes(ctx, actorOf(request), request.query),
  );
  r.post(
    '/api/inspection-programmes',
    { schema: { tags, summary: 'Lập chương trình năm (draft) with its items', body: createProgrammeBody, response: { 201: programmeDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await programmes.createProgramme(ctx, actorOf(request), request.body)),
  );
  r.get(
    '/api/inspection-programmes/:id',
    { schema: { tags, summary: 'Một chương trình: items planned / in progress / concluded / late', params: programmeParams, response: programme } },
    async (request) => programmes.programmeDetail(ctx, actorOf(request), request.params.id),
  );
  r.get(
    '/api/inspection-programmes/:id/document.docx',
    { schema: { tags, summary: 'Chương trình kiểm tra, giám sát năm (Word)', params: programmeParams } },
    async (request, reply) => sendDocx(reply, await service.programmeDocument(ctx, actorOf(request), request.params.id)),
  );
  r.post(
    '/api/inspection-programmes/:id/items',
    { schema: { tags, summary: 'Bổ sung một nội dung vào chương trình', params: programmeParams, body: programmeItemInput, response: programme } },
    async (request) => programmes.addProgrammeItem(ctx, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/inspection-programmes/:id/adopt',
    { schema: { tags, summary: 'Thông qua chương trình (audited); its items may then be started', params: programmeParams, body: adoptProgrammeBody, response: programme } },
    async (request) => programmes.adoptProgramme(ctx, actorOf(request), request.params.id, request.body.adoptedOn),
  );

  // --- cases ---
  r.get(
    '/api/inspections',
    { schema: { tags, summary: 'Các cuộc kiểm tra, giám sát of a unit and below, in a year', querystring: inspectionListQuery, response: { 200: inspectionListResponse, ...errorResponses } } },
    async (request) => service.listInspections(ctx, actorOf(request), request.query),
  );
  r.post(
    '/api/inspections',
    { schema: { tags, summary: 'Mở một cuộc: from a programme item, or directly (signs of violation, a denunciation, an appeal)', body: createInspectionBody, response: { 201: inspectionDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createInspection(ctx, actorOf(request), request.body)),
  );
  r.get(
    '/api/inspections/overview',
    { schema: { tags, summary: 'Trang chủ UBKT — programme progress, cases with late steps, recommendations overdue', querystring: overviewQuery, response: { 200: inspectionOverview, ...errorResponses } } },
    async (request) => service.inspectionOverview(ctx, actorOf(request), request.query),
  );
  r.get(
    '/api/me/inspections',
    { schema: { tags, summary: 'Kiểm tra, giám sát gửi tới tôi — cases about me or my cell, once notified', response: { 200: myInspectionsResponse, ...errorResponses } } },
    async (request) => service.myInspections(ctx, actorOf(request)),
  );
  r.get(
    '/api/inspections/:id',
    { schema: { tags, summary: 'Hồ sơ một cuộc with its timeline — the whole file for the UBKT and the committee, what is addressed to them for the subject', params: inspectionParams, response: detail } },
    async (request) => service.inspectionDetail(ctx, actorOf(request), request.params.id),
  );
  r.post(
    '/api/inspections/:id/steps',
    { ...withFile, schema: { tags, summary: "Ghi một bước (in the kind's order) with its documents and evidence; the subject sends their own report", params: inspectionParams, body: recordStepBody, response: detail } },
    async (request) => service.recordStep(ctx, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/inspections/:id/extension',
    { schema: { tags, summary: "Gia hạn — within the kind's limit, with the reason", params: inspectionParams, body: extendBody, response: detail } },
    async (request) => service.extendInspection(ctx, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/inspections/:id/conclusion',
    { schema: { tags, summary: 'Thông báo kết luận — findings and recommendations, which become correction items or tasks', params: inspectionParams, body: conclusionBody, response: detail } },
    async (request) => service.concludeInspection(ctx, actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/inspections/:id/recommendations/:recommendationId/report',
    { ...withFile, schema: { tags, summary: 'Báo cáo đã khắc phục — the subject', params: recommendationParams, body: reportRecommendationBody, response: detail } },
    async (request) => {
      await followUp.reportRecommendation(ctx, actorOf(request), request.params.id, request.params.recommendationId, request.body);
      return service.detailAfterWrite(ctx, actorOf(request), request.params.id);
    },
  );
  r.post(
    '/api/inspections/:id/recommendations/:recommendationId/verify',
    { schema: { tags, summary: 'Xác nhận đã khắc phục, or return it — the UBKT', params: recommendationParams, body: verifyRecommendationBody, response: detail } },
    async (request) => {
      await followUp.verifyRecommendation(ctx, actorOf(request), request.params.id, request.params.recommendationId, request.body);
      return service.detailAfterWrite(ctx, actorOf(request), request.params.id);
    },
  );
  r.get(
    '/api/inspections/:id/subject-records',
    { schema: { tags, summary: "Hồ sơ của đối tượng in the period under review, to cite as evidence (a member's is access-logged)", params: inspectionParams, response: { 200: subjectRecordsResponse, ...errorResponses } } },
    async (request) => service.subjectRecords(ctx, actorOf(request), request.params.id),
  );
  r.get(
    '/api/inspections/:id/documents/:kind.docx',
    { schema: { tags, summary: 'Quyết định, kế hoạch, thông báo kết luận (Word, party-document layout)', params: inspectionDocumentParams } },
    async (request, reply) => sendDocx(reply, await service.caseDocument(ctx, actorOf(request), request.params.id, request.params.kind)),
  );
  r.get(
    '/api/inspections/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Tệp đính kèm của một bước (download)', params: inspectionAttachmentParams } },
    async (request, reply) => sendFile(reply, await service.inspectionAttachment(ctx, actorOf(request), request.params.id, request.params.attachmentId)),
  );
}
