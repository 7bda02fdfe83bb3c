import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  TRACKING_ALPHABET,
  checkFormAge,
  checkPublicLimits,
  contentFingerprint,
  formatTrackingCode,
  newTrackingCode,
  normaliseContact,
  normaliseTrackingCode,
} from './citizen-feedback.js';
import { checkTransition, countConfirmations, isIssueOverdue, nextStatuses, sinceText } from './local-issues.js';

describe('tracking codes', () => {
  it('are 12 characters of an alphabet without look-alikes, grouped by four for reading aloud', () => {
    expect(TRACKING_ALPHABET).toHaveLength(25);
    for (const c of ['0', '1', 'O', 'I', 'L', 'B', 'F', 'J', 'W', 'Z']) expect(TRACKING_ALPHABET).not.toContain(c);
    const code = newTrackingCode(randomBytes);
    expect(code).toMatch(new RegExp(`^[${TRACKING_ALPHABET}]{12}$`));
    expect(formatTrackingCode(code)).toMatch(/^.{4}-.{4}-.{4}$/);
  });

  it('skip the bytes that would bias the draw, and never repeat in practice', () => {
    // 250..255 are dropped: a source of only those bytes first, then zeros, gives the first letter.
    let calls = 0;
    const biased = (n: number) => new Uint8Array(n).fill(calls++ === 0 ? 255 : 0);
    expect(newTrackingCode(biased)).toBe('2'.repeat(12));
    const many = new Set(Array.from({ length: 5000 }, () => newTrackingCode(randomBytes)));
    expect(many.size).toBe(5000);
  });

  it('every character is about equally likely', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) for (const c of newTrackingCode(randomBytes)) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = (4000 * 12) / 25;
    for (const c of TRACKING_ALPHABET) expect(Math.abs(counts.get(c)! - expected) / expected).toBeLessThan(0.12);
  });

  it('read back whatever the case, spaces or dashes', () => {
    expect(normaliseTrackingCode(' k7dm-4mx9 tpac ')).toBe('K7DM4MX9TPAC');
    expect(normaliseTrackingCode('K7DM.4MX9_TPAC')).toBe('K7DM4MX9TPAC');
  });
});

describe('the same message', () => {
  it('ignores case, diacritics, punctuation and spacing', () => {
    expect(contentFingerprint('Đèn đường ngõ 5 bị hỏng, đề nghị sửa!')).toBe(contentFingerprint('đèn đường NGÕ 5 bị hỏng — đề nghị   sửa'));
    expect(contentFingerprint('Đèn ngõ 5')).not.toBe(contentFingerprint('Đèn ngõ 6'));
  });

  it('comes from the same contact however the phone is written', () => {
    expect(normaliseContact({ phone: '+84 912 345 678' })).toBe(normaliseContact({ phone: '0912.345.678' }));
    expect(normaliseContact({ email: ' Dan@Example.VN ' })).toBe('mail:dan@example.vn');
    expect(normaliseContact({ phone: '0912345678', email: 'a@b.vn' })).toBe('tel:0912345678');
  });
});

describe('rate limits and the time to fill', () => {
  const limits = { perIpPerHour: 20, perContactPerDay: 5 };
  it('allow up to the limits, then say when to try again', () => {
    expect(checkPublicLimits({ ipLastHour: 19, contactLastDay: 4 }, limits)).toEqual({ allowed: true });
    expect(checkPublicLimits({ ipLastHour: 20, contactLastDay: 0 }, limits)).toEqual({ allowed: false, retryMinutes: 60, by: 'ip' });
    expect(checkPublicLimits({ ipLastHour: 0, contactLastDay: 5 }, limits)).toEqual({ allowed: false, retryMinutes: 1440, by: 'contact' });
  });
  it('refuse a form sent within seconds or opened more than a day ago', () => {
    const now = Date.parse('2026-12-02T08:00:00Z');
    expect(checkFormAge(now - 1000, now)).toBe('too_fast');
    expect(checkFormAge(now + 5000, now)).toBe('too_fast');
    expect(checkFormAge(now - 3000, now)).toBe('ok');
    expect(checkFormAge(now - 25 * 3600_000, now)).toBe('expired');
  });
});

describe('local issue status', () => {
  it('moves new → in progress → resolved / cannot now, and back when reopened', () => {
    expect(nextStatuses('new')).toEqual(['in_progress', 'resolved', 'unresolvable']);
    expect(nextStatuses('resolved')).toEqual(['in_progress']);
    expect(checkTransition('in_progress', 'new', {})).toEqual([{ field: 'status', problem: 'not_allowed' }]);
    expect(checkTransition('new', 'new', {})).toEqual([{ field: 'status', problem: 'same' }]);
  });
  it('says what each change must carry, all at once', () => {
    expect(checkTransition('in_progress', 'resolved', {})).toEqual([{ field: 'resolutionSummary', problem: 'required' }]);
    expect(checkTransition('in_progress', 'resolved', { resolutionSummary: 'Đã xong' })).toEqual([]);
    expect(checkTransition('new', 'unresolvable', { resolutionSummary: 'x' })).toEqual([
      { field: 'resolutionSummary', problem: 'only_when_resolving' },
      { field: 'note', problem: 'required' },
    ]);
    expect(checkTransition('resolved', 'in_progress', {})).toEqual([{ field: 'note', problem: 'required' }]);
    expect(checkTransition('new', 'in_progress', {})).toEqual([]);
  });
  it('is overdue only while open past the deadline', () => {
    expect(isIssueOverdue({ status: 'in_progress', deadline: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(isIssueOverdue({ status: 'in_progress', deadline: '2026-12-01' }, '2026-12-01')).toBe(false);
    expect(isIssueOverdue({ status: 'resolved', deadline: '2026-01-01' }, '2026-12-01')).toBe(false);
    expect(isIssueOverdue({ status: 'new', deadline: null }, '2026-12-01')).toBe(false);
  });
  it('counts the people\'s word and says "since" as people do', () => {
    expect(countConfirmations(['confirm', 'dispute', 'confirm'])).toEqual({ confirmed: 2, disputed: 1 });
    expect(sinceText(2014, true)).toBe('trước 2014');
    expect(sinceText(2014, true, 'en')).toBe('before 2014');
    expect(sinceText(2018, false)).toBe('2018');
    expect(sinceText(null, false)).toBeNull();
  });
});
