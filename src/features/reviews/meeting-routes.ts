import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponses } from '../../shared/schemas.js';
import { actorOf } from '../../core/session.js';
import {
  castBallotBody,
  cellCommentsBody,
  cellReviewResponse,
  linkMeetingBody,
  myBallotsResponse,
  periodParams,
  proposalBody,
  reviewMeetingDetail,
  reviewMeetingParams,
  reviewParams,
  triggerMarksBody,
  triggerMarksResponse,
  voteCountsBody,
} from './schemas.js';
import * as meeting from './meeting.js';
import { saveTriggerMarks } from './marks.js';

/**
 * Hội nghị kiểm điểm của chi bộ: the meeting, the cell's comments, the cases marked that cap a
 * level, its vote (typed counts or a secret ballot), the cell committee's proposals. Registered by reviewRoutes, in its scope: its
 * hook signs every request in.
 */
export function reviewMeetingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reviews'];
  const detail = { 200: reviewMeetingDetail, ...errorResponses };
  const cellReview = { 200: cellReviewResponse, ...errorResponses };

  r.post(
    '/api/review-periods/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Hội nghị kiểm điểm — the cell committee links one of the cell\'s meetings and says how the cell votes (counts | ballot); one per cell and period (409)',
        params: periodParams,
        body: linkMeetingBody,
        response: { 201: reviewMeetingDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await meeting.linkReviewMeeting(ctx, actorOf(request), request.params.id, request.body)),
  );

  r.get(
    '/api/review-meetings/:id',
    {
      schema: {
        tags,
        summary: 'Hội nghị kiểm điểm — the reviews voted on, the ballot\'s state, who may vote (hasVoted, mayVote for the caller); counts only once the ballot closes (or as typed); the cell\'s members read it to vote. The period\'s cells[].reviewMeeting finds it.',
        params: reviewMeetingParams,
        response: detail,
      },
    },
    async (request) => meeting.reviewMeetingDetail(ctx, actorOf(request), request.params.id),
  );

  r.get(
    '/api/me/review-ballots',
    {
      schema: {
        tags,
        summary: 'Phiếu kín đang mở — the open secret ballots of my cell (none without a membership): hasVoted, mayVote; for the member\'s home',
        response: { 200: myBallotsResponse, ...errorResponses },
      },
    },
    async (request) => meeting.myOpenBallots(ctx, actorOf(request)),
  );

  r.post(
    '/api/review-meetings/:id/ballot/open',
    { schema: { tags, summary: 'Mở bỏ phiếu kín — fixes the denominator (the cell\'s official members) and the reviews on the ballot (those submitted)', params: reviewMeetingParams, response: detail } },
    async (request) => meeting.openBallot(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/review-meetings/:id/ballot/close',
    { schema: { tags, summary: 'Kết thúc bỏ phiếu — the counts become each review\'s vote and the level the rules\' majority gives; then the tally shows', params: reviewMeetingParams, response: detail } },
    async (request) => meeting.closeBallot(ctx, actorOf(request), request.params.id),
  );

  r.post(
    '/api/review-meetings/:id/ballots',
    {
      schema: {
        tags,
        summary: 'Bỏ phiếu kín — one sheet per official member present, a level (or null, blank) for every review on the ballot; a second sheet or one after close is 409 naming choices. Only "has voted" is kept apart from the counts',
        params: reviewMeetingParams,
        body: castBallotBody,
        response: { 201: reviewMeetingDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await meeting.castBallot(ctx, actorOf(request), request.params.id, request.body)),
  );

  r.put(
    '/api/reviews/:id/cell-comments',
    { schema: { tags, summary: 'Ý kiến góp ý của chi bộ — what the cell said of the member at the review meeting', params: reviewParams, body: cellCommentsBody, response: cellReview } },
    async (request) => meeting.saveCellComments(ctx, actorOf(request), request.params.id, request.body),
  );

  r.put(
    '/api/reviews/:id/trigger-marks',
    {
      schema: {
        tags,
        summary:
          'Đánh dấu trường hợp không hoàn thành nhiệm vụ — the triggers the rules leave to people (detect null), each with its basis; the whole set; the cell\'s committee or the party committee, never on their own review; they cap the level',
        params: reviewParams,
        body: triggerMarksBody,
        response: { 200: triggerMarksResponse, ...errorResponses },
      },
    },
    async (request) => saveTriggerMarks(ctx, actorOf(request), request.params.id, request.body),
  );

  r.put(
    '/api/reviews/:id/vote-counts',
    {
      schema: {
        tags,
        summary: 'Kết quả biểu quyết (nhập số phiếu) — counts per level code (\'\' blank) as read out, at most the cell\'s official members; the level follows the rules\' majority',
        params: reviewParams,
        body: voteCountsBody,
        response: cellReview,
      },
    },
    async (request) => meeting.saveVoteCounts(ctx, actorOf(request), request.params.id, request.body),
  );

  r.put(
    '/api/reviews/:id/proposal',
    {
      schema: {
        tags,
        summary: 'Chi ủy đề xuất mức xếp loại — after the vote; the vote\'s level by default; another level or one the evidence rules out needs a note',
        params: reviewParams,
        body: proposalBody,
        response: cellReview,
      },
    },
    async (request) => meeting.proposeLevel(ctx, actorOf(request), request.params.id, request.body),
  );
}
