// How a meeting's attendance and votes read on its pages: whether it is still being marked,
// what the door may record before the day, and how many voters are still unaccounted for.
// Pure functions, tested in look.test.ts.
import { advanceMarkProblem } from '../../../domain/attendance.js';
import type { AttendanceStatus, MeetingSummary, Participant } from './api.js';

/**
 * A meeting whose day has come but whose list is not finished: it reads "chưa điểm danh xong"
 * and has no rates (the server leaves it out of reports until it is complete).
 */
export function stillMarking(m: Pick<MeetingSummary, 'date' | 'attendanceComplete'>, today: string): boolean {
  return !m.attendanceComplete && m.date <= today;
}

/** The attendance choices for a meeting on `today`: before its day only an excused absence (and taking a mark back). */
export function attendanceChoices(all: readonly AttendanceStatus[], meetingDate: string, today: string): AttendanceStatus[] {
  if (meetingDate <= today) return [...all];
  return all.filter((status) => advanceMarkProblem({ status, reported: 'before' }) === null);
}

/** Those who vote on a resolution, as the server counts them: official members present. */
export function votersOf(participants: readonly Pick<Participant, 'mayVote'>[]): number {
  return participants.filter((p) => p.mayVote).length;
}

/** The vote form's starting numbers: every voter in favour, so a missing vote must be taken off. */
export function prefilledVotes(voters: number): { for: string; against: string; abstain: string } {
  return { for: String(voters), against: '0', abstain: '0' };
}

/**
 * How the votes typed so far stand against the voters: cast, and how many are unaccounted for
 * (negative: more votes than voters). Null while a number is not a whole number.
 */
export function voteGap(votes: { for: string; against: string; abstain: string }, voters: number): { cast: number; missing: number } | null {
  const numbers = [votes.for, votes.against, votes.abstain].map((v) => (v.trim() === '' ? 0 : /^\d+$/.test(v.trim()) ? Number(v) : Number.NaN));
  if (numbers.some(Number.isNaN)) return null;
  const cast = numbers.reduce((a, b) => a + b, 0);
  return { cast, missing: voters - cast };
}
