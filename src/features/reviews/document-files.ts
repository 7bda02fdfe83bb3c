import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../domain/policy.js';
import { placeNameOf } from '../../core/party-docx.js';
import { findUnit } from '../units/lookup.js';
import { authorizeUnit } from '../units/policy.js';
import { ratingRulesOfVersion } from '../rating-rules/lookup.js';
import * as repo from './repo.js';
import { reviewDetail } from './service.js';
import { reviewsInUnit, unitRatings, yearPeriodsOf } from './decisions.js';
import { reviewFileName, reviewFormDocx, reviewMinutesDocx, ratingsXlsx, type RatingsListRow, type ReviewDocumentMeta } from './documents.js';

type Db = Kysely<Database>;

export interface DocumentFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The cell that holds the review and the party organisation above it, for the document's header. */
async function documentMeta(db: Db, unitId: string): Promise<ReviewDocumentMeta> {
  const unit = (await findUnit(db, unitId))!;
  const parent = unit.parent_id ? await findUnit(db, unit.parent_id) : undefined;
  return { parentName: parent?.name ?? '', unitName: unit.name, placeName: placeNameOf(parent?.name ?? unit.name) };
}

/**
 * A review in its form's layout. Read exactly as GET /api/reviews/:id reads it: the member their
 * own, the cell's committee, the party committee and the UBKT; someone else's download is a read
 * of that member's file and is logged like one.
 */
export async function reviewFormFile(ctx: AppContext, actor: Actor, id: string): Promise<DocumentFile> {
  const detail = await reviewDetail(ctx, actor, id);
  const db = ctx.handle.db;
  const period = (await repo.findPeriod(db, detail.periodId))!;
  const rules = await ratingRulesOfVersion(db, period.rules_version_id);
  return {
    fileName: reviewFileName('review', { form: detail.reviewForm, who: detail.memberName ?? detail.unitName, year: detail.period.year }),
    mimeType: DOCX,
    content: await reviewFormDocx(detail, await documentMeta(db, detail.unitId), rules.formSections),
  };
}

/** The minutes of a cell's review meeting with the vote on each review: for those who read the cell's reviews. */
export async function reviewMinutesFile(ctx: AppContext, actor: Actor, id: string): Promise<DocumentFile> {
  const db = ctx.handle.db;
  const rm = await repo.findReviewMeeting(db, id);
  authorizeUnit(actor, 'review.read', rm ? { path: rm.unit_path } : undefined);
  const period = (await repo.findPeriod(db, rm!.period_id))!;
  const rules = await ratingRulesOfVersion(db, period.rules_version_id);
  const reviews = await repo.reviewsOfPeriod(db, period.id, rm!.unit_path);
  const content = await reviewMinutesDocx(
    {
      periodTitle: period.title,
      meeting: {
        date: rm!.meeting_date,
        startTime: rm!.start_time,
        place: rm!.place,
        chairName: rm!.chair_name,
        secretaryName: rm!.secretary_name,
        present: Number(rm!.att_present),
        expected: Number(rm!.att_expected),
      },
      voteMode: rm!.vote_mode === 'ballot' ? 'ballot' : 'counts',
      denominator: Number(rm!.denominator ?? reviews.find((r) => r.vote_denominator !== null)?.vote_denominator ?? 0),
      levels: rules.levels.map((l) => ({ code: l.code, name: l.name })),
      reviews: reviews
        .filter((r) => r.unit_id === rm!.unit_id)
        .map((r) => ({
          subjectKind: r.subject_kind === 'collective' ? 'collective' : 'member',
          memberName: r.member_name,
          selfLevel: r.self_level,
          counts: r.vote_counts_json ? (JSON.parse(r.vote_counts_json) as Record<string, number>) : null,
          voteLevel: r.vote_level,
          proposedLevel: r.proposed_level,
          proposalNote: r.proposal_note,
        })),
    },
    await documentMeta(db, rm!.unit_id),
  );
  return { fileName: reviewFileName('minutes', { who: rm!.unit_name, year: Number(period.year) }), mimeType: DOCX, content };
}

/**
 * The organisation's levels for a year as a workbook: for those who read its reviews (a member
 * sees the cell's published levels in the app, not this list of everyone's proposals).
 */
export async function ratingsFile(ctx: AppContext, actor: Actor, unitId: string, year: number): Promise<DocumentFile> {
  const db = ctx.handle.db;
  const unit = await findUnit(db, unitId);
  authorizeUnit(actor, 'review.read', unit);
  const ratings = await unitRatings(ctx, actor, unitId, year);
  const list: RatingsListRow[] = [];
  for (const p of await yearPeriodsOf(db, unit!.path, year)) {
    for (const r of await reviewsInUnit(db, p, unit!.path)) {
      if (r.subject_kind !== 'member') continue;
      list.push({ cellName: r.unit_name, memberName: r.member_name ?? '', selfLevel: r.self_level, voteLevel: r.vote_level, proposedLevel: r.proposed_level, decidedLevel: r.decided_level });
    }
  }
  const content = await ratingsXlsx({
    unitName: ratings.unitName,
    year,
    levels: ratings.levels,
    list,
    cells: ratings.cells,
    counts: ratings.counts,
    quota: ratings.quota,
    lastYear: ratings.lastYear,
  });
  return { fileName: reviewFileName('ratings', { who: unit!.name, year }), mimeType: XLSX, content };
}
