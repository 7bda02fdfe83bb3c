// Pure helpers of the review-meeting screens: level names, the tally's rows, the ballot sheet.
import type { MeetingReview, ReviewMeetingDetail } from './api.js';

type Level = ReviewMeetingDetail['levels'][number];

/** A level's name under the period's rules (the code itself when the rules no longer have it). */
export function levelName(levels: readonly Level[], code: string | null | undefined): string | null {
  if (!code) return null;
  return levels.find((l) => l.code === code)?.name ?? code;
}

/** The tally's rows: every level of the rules in their order, then the blank ballots (code ''). */
export function tallyRows(levels: readonly Level[], counts: Record<string, number>): { code: string; name: string | null; count: number }[] {
  return [...levels.map((l) => ({ code: l.code, name: l.name, count: counts[l.code] ?? 0 })), { code: '', name: null, count: counts[''] ?? 0 }];
}

/** Those the sheet votes on: the submitted reviews (the server put exactly those on the ballot when it opened). */
export const onBallot = (reviews: readonly MeetingReview[]): MeetingReview[] => reviews.filter((r) => r.status === 'submitted');

/** A choice on the sheet: a level code, BLANK, or nothing chosen yet (absent). */
export const BLANK = 'blank';

/** The sheet as the API takes it, or the reviews still without a choice. */
export function ballotSheet(reviews: readonly MeetingReview[], chosen: Readonly<Record<string, string>>): { choices: { reviewId: string; level: string | null }[] } | { missing: MeetingReview[] } {
  const missing = reviews.filter((r) => !chosen[r.id]);
  if (missing.length > 0) return { missing };
  return { choices: reviews.map((r) => ({ reviewId: r.id, level: chosen[r.id] === BLANK ? null : chosen[r.id]! })) };
}

/** Typed counts as the API takes them: the level codes and '' (blank) with a whole number; null when one is not. */
export function countsBody(typed: Readonly<Record<string, string>>): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const [code, text] of Object.entries(typed)) {
    const s = text.trim();
    if (s === '') continue;
    if (!/^\d+$/.test(s)) return null;
    out[code] = Number(s);
  }
  return out;
}
