import { describe, expect, it } from 'vitest';
import type { AttendanceStatus } from './api.js';
import { attendanceChoices, prefilledVotes, stillMarking, voteGap, votersOf } from './look.js';

const ALL: AttendanceStatus[] = ['present', 'excused', 'absent', 'exempt', 'pending'];

describe('stillMarking', () => {
  it('reads "chưa điểm danh xong" once the day has come and the list is not finished', () => {
    expect(stillMarking({ date: '2026-12-07', attendanceComplete: false }, '2026-12-07')).toBe(true);
    expect(stillMarking({ date: '2026-11-15', attendanceComplete: false }, '2026-12-07')).toBe(true);
    expect(stillMarking({ date: '2026-11-15', attendanceComplete: true }, '2026-12-07')).toBe(false);
    // A meeting still to come is not being marked, whatever was excused in advance.
    expect(stillMarking({ date: '2026-12-15', attendanceComplete: false }, '2026-12-07')).toBe(false);
  });
});

describe('attendanceChoices', () => {
  it('offers every choice from the meeting day on, and before it only an excused absence or a reset', () => {
    expect(attendanceChoices(ALL, '2026-12-07', '2026-12-07')).toEqual(ALL);
    expect(attendanceChoices(ALL, '2026-12-15', '2026-12-07')).toEqual(['excused', 'pending']);
  });
});

describe('votes', () => {
  const people = [{ mayVote: true }, { mayVote: true }, { mayVote: false }, { mayVote: true }];

  it('counts the voters the server counts, and starts the form from them rather than from 0', () => {
    expect(votersOf(people)).toBe(3);
    expect(prefilledVotes(votersOf(people))).toEqual({ for: '3', against: '0', abstain: '0' });
  });

  it('shows how many voters are unaccounted for, and too many votes', () => {
    expect(voteGap({ for: '0', against: '0', abstain: '0' }, 3)).toEqual({ cast: 0, missing: 3 });
    expect(voteGap({ for: '2', against: '', abstain: '0' }, 3)).toEqual({ cast: 2, missing: 1 });
    expect(voteGap({ for: '3', against: '1', abstain: '0' }, 3)).toEqual({ cast: 4, missing: -1 });
    expect(voteGap({ for: '3', against: '0', abstain: '0' }, 3)).toEqual({ cast: 3, missing: 0 });
    expect(voteGap({ for: 'ba', against: '0', abstain: '0' }, 3)).toBeNull();
  });
});
