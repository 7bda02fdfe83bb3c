import { describe, expect, it } from 'vitest';
import { ballotSheet, BLANK, countsBody, levelName, onBallot, tallyRows } from './look.js';
import type { MeetingReview } from './api.js';

const levels = [
  { code: 'HTXSNV', name: 'Hoàn thành xuất sắc nhiệm vụ' },
  { code: 'HTTNV', name: 'Hoàn thành tốt nhiệm vụ' },
];
const review = (id: string, status: 'draft' | 'submitted') => ({ id, status, memberName: id }) as MeetingReview;

describe('review meeting screens', () => {
  it('names a level by the rules, the code when the rules lost it, nothing for none', () => {
    expect(levelName(levels, 'HTTNV')).toBe('Hoàn thành tốt nhiệm vụ');
    expect(levelName(levels, 'OLD')).toBe('OLD');
    expect(levelName(levels, null)).toBeNull();
  });

  it('lists the tally in the rules\' order with the blank ballots last, zeros shown', () => {
    expect(tallyRows(levels, { HTTNV: 3, '': 1 })).toEqual([
      { code: 'HTXSNV', name: 'Hoàn thành xuất sắc nhiệm vụ', count: 0 },
      { code: 'HTTNV', name: 'Hoàn thành tốt nhiệm vụ', count: 3 },
      { code: '', name: null, count: 1 },
    ]);
  });

  it('puts only submitted reviews on the sheet and sends a sheet only when each has a choice', () => {
    const reviews = onBallot([review('a', 'submitted'), review('b', 'draft'), review('c', 'submitted')]);
    expect(reviews.map((r) => r.id)).toEqual(['a', 'c']);
    expect(ballotSheet(reviews, { a: 'HTTNV' })).toEqual({ missing: [reviews[1]] });
    expect(ballotSheet(reviews, { a: 'HTTNV', c: BLANK })).toEqual({ choices: [{ reviewId: 'a', level: 'HTTNV' }, { reviewId: 'c', level: null }] });
  });

  it('reads typed counts as whole numbers, leaving out empty boxes, refusing anything else', () => {
    expect(countsBody({ HTTNV: ' 3 ', HTXSNV: '', '': '0' })).toEqual({ HTTNV: 3, '': 0 });
    expect(countsBody({ HTTNV: '2.5' })).toBeNull();
    expect(countsBody({ HTTNV: '-1' })).toBeNull();
  });
});
