import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp, type TestApp } from '../../../test/helpers/app.js';
import { lastAudit, missingId } from '../../../test/helpers/accounts.js';
import { buildAccount, buildMeeting, useStaffedCommune, type BuiltAccount } from '../../../test/helpers/factories.js';
import { localInstant, requester, shiftDate, vnToday } from '../../../test/helpers/meetings.js';
import { accessMatrix, fieldsOf, type AccessRow } from '../../../test/helpers/access.js';
import { pointsFor, reviewSteps } from '../../../test/helpers/reviews.js';
import type { CellReviewResponse, PeriodDetail, ReviewMeetingDetail } from './schemas.js';

const MEETING_DAY = shiftDate(vnToday(), -1);
const LEVELS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];
const onTime = { onTime: 3, late: 0, exceeded: 0, notDone: 0 };

/**
 * Marks every member review of a cell as submitted at 80 points proposing "good", with `tasks` as
 * the year's evidence (on time unless a member's is given); the review ids in `members`' order.
 */
async function submitCell(t: TestApp, periodId: string, unitId: string, members: readonly string[], tasks: Record<string, typeof onTime> = {}): Promise<string[]> {
  const rows = await t.db.db
    .selectFrom('reviews as r')
    .select(['r.id', 'r.member_id'])
    .where('r.period_id', '=', periodId)
    .where('r.unit_id', '=', unitId)
    .where('r.subject_kind', '=', 'member')
    .execute();
  for (const r of rows) {
    const evidence = { from: '2030-01-01', to: '2030-12-31', figures: [], taskOutcomes: tasks[r.member_id!] ?? onTime, unfixedShortcomings: 0, detected: { discipline: [], leadershipDiscipline: [] } };
    await t.db.db.updateTable('reviews').set({ status: 'submitted', points_json: JSON.stringify(pointsFor(80)), self_level: 'HTTNV', evidence_json: JSON.stringify(evidence), rule_basis_json: JSON.stringify({ taskOutcomes: evidence.taskOutcomes, unfixedShortcomings: evidence.unfixedShortcomings, detected: evidence.detected }) }).where('id', '=', r.id).execute();
  }
  return members.map((m) => rows.find((r) => r.member_id === m)!.id);
}

/** A sheet choosing `level` for every review, except those `overrides` names. */
const sheet = (reviewIds: readonly string[], level: string | null, overrides: Record<string, string | null> = {}) => ({
  choices: reviewIds.map((reviewId) => ({ reviewId, level: reviewId in overrides ? overrides[reviewId]! : level })),
});

/** What every caller is told alike: the detail without the caller's own hasVoted / mayVote / actions. */
const common = (res: LightMyRequestResponse) => {
  const { hasVoted: _h, mayVote: _m, actions: _a, ...rest } = res.json() as ReviewMeetingDetail;
  return rest;
};

/** Every column of every table of the live database, from the database's own catalogue. */
async function liveColumns(t: TestApp): Promise<Map<string, string[]>> {
  const rows =
    t.db.dialect.name === 'sqlite'
      ? (await sql<{ table_name: string; column_name: string }>`select m.name as table_name, p.name as column_name from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table' order by m.name, p.cid`.execute(t.db.db)).rows
      : (await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(t.db.db)).rows;
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.table_name, [...(out.get(r.table_name) ?? []), r.column_name]);
  return out;
}

/** Every foreign key of the live database: the table holding it and the table it points to. */
async function liveForeignKeys(t: TestApp): Promise<{ from: string; to: string }[]> {
  if (t.db.dialect.name === 'sqlite') {
    return (await sql<{ from: string; to: string }>`select m.name as "from", f."table" as "to" from sqlite_master m join pragma_foreign_key_list(m.name) f where m.type = 'table'`.execute(t.db.db)).rows;
  }
  return (
    await sql<{ from: string; to: string }>`select tc.table_name as "from", ccu.table_name as "to" from information_schema.table_constraints tc join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(t.db.db)
  ).rows;
}

forEachDialect((dialect) => {
  describe('reviews: the cell\'s review meeting, its vote and the cell committee\'s proposals', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    // The first cell: five members, the fifth probationary (four official: the vote's denominator).
    const { home, staff, as } = useStaffedCommune(t, { cells: 2, membersPerCell: [5, 6], statuses: ['official', 'official', 'official', 'official', 'probationary'] });
    const cell = () => home().cells[0]!;
    const extra = {} as { voter: BuiltAccount; absent: BuiltAccount; probationary: BuiltAccount; officeOnly: BuiltAccount; meetingId: string; otherMeetingId: string };
    let nextYear = 2031;

    beforeAll(async () => {
      const member = (i: number) => buildAccount(t(), { roles: [{ role: 'member', unitId: cell().id }], memberId: cell().members[i]!.id });
      [extra.voter, extra.absent, extra.probationary] = await Promise.all([member(2), member(3), member(4)]);
      extra.officeOnly = await buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] });
      const meeting = await buildMeeting(t(), staff().secretary.cookie, { unitId: cell().id, date: MEETING_DAY });
      const [m0, m1, m2, m3, m4] = cell().members.map((m) => m.id);
      const attendance = await call('PUT', `/api/meetings/${meeting.id}/attendance`, staff().secretary.cookie, {
        entries: [
          { memberId: m0, status: 'present', arrivedAt: localInstant(MEETING_DAY, '19:25') },
          { memberId: m1, status: 'present', arrivedAt: localInstant(MEETING_DAY, '19:30') },
          // Late is still present: they vote.
          { memberId: m2, status: 'present', arrivedAt: localInstant(MEETING_DAY, '19:55') },
          { memberId: m3, status: 'absent' },
          { memberId: m4, status: 'present', arrivedAt: localInstant(MEETING_DAY, '19:30') },
        ],
      });
      expect(attendance.statusCode, attendance.body).toBe(200);
      extra.meetingId = meeting.id;
      extra.otherMeetingId = (await buildMeeting(t(), staff().otherSecretary.cookie, { unitId: home().cells[1]!.id, date: MEETING_DAY })).id;
    });
    const officeOnly = () => extra.officeOnly.cookie;

    async function openPeriod(): Promise<string> {
      const year = nextYear++;
      const res = await call('POST', '/api/review-periods', staff().committee.cookie, { unitId: home().id, kind: 'year', year, steps: reviewSteps(year) });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as PeriodDetail).id;
    }
    async function link(periodId: string, voteMode: 'ballot' | 'counts'): Promise<ReviewMeetingDetail> {
      const res = await call('POST', `/api/review-periods/${periodId}/meetings`, staff().secretary.cookie, { unitId: cell().id, meetingId: extra.meetingId, voteMode });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as ReviewMeetingDetail;
    }
    /** A period with the first cell's reviews submitted and its review meeting linked (and its ballot opened, when asked). */
    async function meetingReady(voteMode: 'ballot' | 'counts', open = false, tasks: Record<string, typeof onTime> = {}) {
      const periodId = await openPeriod();
      const reviewIds = await submitCell(t(), periodId, cell().id, cell().members.map((m) => m.id), tasks);
      const rm = await link(periodId, voteMode);
      if (open) expect((await call('POST', `/api/review-meetings/${rm.id}/ballot/open`, staff().secretary.cookie)).statusCode).toBe(200);
      return { periodId, reviewIds, rm };
    }
    const voters = () => [staff().secretary.cookie, staff().member.cookie, extra.voter.cookie];

    it('links the cell\'s own meeting once per period; the period shows it', async () => {
      const periodId = await openPeriod();
      const body = { unitId: cell().id, meetingId: extra.otherMeetingId, voteMode: 'ballot' };
      const foreign = await call('POST', `/api/review-periods/${periodId}/meetings`, staff().secretary.cookie, body);
      expect(foreign.statusCode).toBe(404);
      expect(fieldsOf(foreign)).toEqual(['meetingId']);
      const rm = await link(periodId, 'ballot');
      expect(rm).toMatchObject({ unitId: cell().id, voteMode: 'ballot', ballotStatus: 'not_open', denominator: 4, eligible: 3, voted: 0, hasVoted: false, mayVote: false, actions: ['manage'] });
      expect(rm.meeting).toMatchObject({ id: extra.meetingId, title: '', kind: 'regular' });
      expect(rm.reviews).toHaveLength(5);
      expect(await lastAudit(t())).toMatchObject({ action: 'review_meeting.link', record_id: rm.id });
      // Nobody has submitted yet: there is nothing to put on a ballot.
      const empty = await call('POST', `/api/review-meetings/${rm.id}/ballot/open`, staff().secretary.cookie);
      expect([empty.statusCode, empty.json().error.code]).toEqual([409, 'review_ballot_nothing']);
      const again = await call('POST', `/api/review-periods/${periodId}/meetings`, staff().secretary.cookie, { ...body, meetingId: extra.meetingId });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('review_meeting_exists');
      const period = (await call('GET', `/api/review-periods/${periodId}`, staff().committee.cookie)).json() as PeriodDetail;
      expect(period.cells.find((c) => c.unitId === cell().id)!.reviewMeeting).toMatchObject({ id: rm.id, meetingId: extra.meetingId, ballotStatus: 'not_open' });
    });

    it('a secret ballot from three phones: one sheet each, the tally hidden until close, then the vote and the proposals', async () => {
      // The third member's tasks were late: the evidence rules out "good" for them.
      const late = { ...onTime, late: 1 };
      const { reviewIds, rm } = await meetingReady('ballot', false, { [cell().members[2]!.id]: late });
      const [a, b, c] = reviewIds as [string, string, string];
      const cast = (who: string, body: unknown) => call('POST', `/api/review-meetings/${rm.id}/ballots`, who, body);
      const early = await cast(staff().member.cookie, sheet(reviewIds, 'HTTNV'));
      expect([early.statusCode, early.json().error.code]).toEqual([409, 'review_ballot_not_open']);
      expect((await call('POST', `/api/review-meetings/${rm.id}/ballot/open`, staff().secretary.cookie)).json()).toMatchObject({ ballotStatus: 'open', denominator: 4 });

      const asMember = (await call('GET', `/api/review-meetings/${rm.id}`, staff().member.cookie)).json() as ReviewMeetingDetail;
      expect(asMember).toMatchObject({ mayVote: true, hasVoted: false, actions: [] });
      // A member reads whom to vote on, not their reviews.
      expect(asMember.reviews.map((r) => [r.memberName !== null, r.selfLevel, r.scoreTotal, r.counts])).toEqual(reviewIds.map(() => [true, null, null, null]));

      // A sheet must name every review on the ballot once, with a level of the rules or blank.
      const bad = await cast(staff().member.cookie, { choices: [{ reviewId: a, level: 'HTTNV' }, { reviewId: a, level: 'HTTNV' }, { reviewId: missingId(), level: 'GIOI' }] });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toEqual(['choices.1.reviewId', 'choices.2.reviewId', 'choices.2.level', 'choices']);

      const choices: [string, Record<string, string | null>][] = [
        [staff().secretary.cookie, { [a]: 'HTXSNV', [b]: 'HTNV' }],
        [staff().member.cookie, { [b]: null }],
        [extra.voter.cookie, { [b]: 'HTTNV' }],
      ];
      for (const [i, [who, overrides]] of choices.entries()) {
        const res = await cast(who, sheet(reviewIds, 'HTTNV', overrides));
        expect(res.statusCode, res.body).toBe(201);
        const d = res.json() as ReviewMeetingDetail;
        expect(d).toMatchObject({ voted: i + 1, hasVoted: true, mayVote: false, ballotStatus: 'open' });
        expect(d.reviews.every((r) => r.counts === null && r.voteLevel === null)).toBe(true);
        expect(await lastAudit(t())).toMatchObject({ action: 'review_meeting.ballot_cast', record_id: rm.id });
      }
      // While open, not even the cell committee sees a count.
      const secretaryView = (await call('GET', `/api/review-meetings/${rm.id}`, staff().secretary.cookie)).json() as ReviewMeetingDetail;
      expect(secretaryView.reviews.map((r) => r.counts)).toEqual(reviewIds.map(() => null));

      const twice = await cast(staff().member.cookie, sheet(reviewIds, 'HTNV'));
      expect(twice.statusCode).toBe(409);
      expect(fieldsOf(twice)).toEqual(['choices']);
      const absent = await cast(extra.absent.cookie, sheet(reviewIds, 'HTNV'));
      expect([absent.statusCode, absent.json().error.code]).toEqual([403, 'review_ballot_not_present']);
      const probationary = await cast(extra.probationary.cookie, sheet(reviewIds, 'HTNV'));
      expect([probationary.statusCode, probationary.json().error.code]).toEqual([403, 'review_ballot_not_official']);
      // A member of another cell cannot see this meeting at all.
      expect((await cast(staff().otherSecretary.cookie, sheet(reviewIds, 'HTNV'))).statusCode).toBe(404);

      const closed = await call('POST', `/api/review-meetings/${rm.id}/ballot/close`, staff().secretary.cookie);
      expect(closed.statusCode, closed.body).toBe(200);
      const tally = closed.json() as ReviewMeetingDetail;
      const byId = new Map(tally.reviews.map((r) => [r.id, r]));
      // Over the four official members, counting a vote for a better level for the worse ones too.
      expect(byId.get(a)).toMatchObject({ counts: { '': 0, HTXSNV: 1, HTTNV: 2, HTNV: 0, KHTNV: 0 }, voteLevel: 'HTTNV' });
      // 1 "good" + 1 "done" = 2 of 4 is not more than half; a blank counts for no level.
      expect(byId.get(b)).toMatchObject({ counts: { '': 1, HTXSNV: 0, HTTNV: 1, HTNV: 1, KHTNV: 0 }, voteLevel: null });
      expect(byId.get(c)!.voteLevel).toBe('HTTNV');
      expect(await lastAudit(t())).toMatchObject({ action: 'review_meeting.ballot_close', record_id: rm.id });
      const after = await cast(extra.voter.cookie, sheet(reviewIds, 'HTNV'));
      expect([after.statusCode, after.json().error.code]).toEqual([409, 'review_ballot_ended']);
      expect(fieldsOf(after)).toEqual(['choices']);
      // The member's own review shows the cell's vote.
      const review = (await call('GET', `/api/reviews/${a}`, staff().secretary.cookie)).json();
      expect(review.vote).toEqual({ counts: { '': 0, HTXSNV: 1, HTTNV: 2, HTNV: 0, KHTNV: 0 }, denominator: 4, level: 'HTTNV' });

      // The cell committee proposes: the vote's level by default; anything else needs a note.
      const propose = (id: string, body: unknown) => call('PUT', `/api/reviews/${id}/proposal`, staff().secretary.cookie, body);
      const byDefault = await propose(a, {});
      expect(byDefault.statusCode, byDefault.body).toBe(200);
      expect(byDefault.json()).toMatchObject({ proposedLevel: 'HTTNV', proposalNote: null, voteLevel: 'HTTNV' });
      expect(await lastAudit(t())).toMatchObject({ action: 'review.propose', record_id: a });
      expect(fieldsOf(await propose(a, { level: 'HTXSNV' }))).toEqual(['note']);
      expect(fieldsOf(await propose(b, {}))).toEqual(['level']);
      expect(fieldsOf(await propose(b, { level: 'HTNV' }))).toEqual(['note']);
      expect(fieldsOf(await propose(b, { level: 'XX', note: 'Theo ý kiến chi bộ' }))).toEqual(['level']);
      // The vote's own level, but the year's late task rules it out.
      const ruledOut = await propose(c, {});
      expect(fieldsOf(ruledOut)).toEqual(['note']);
      expect(ruledOut.json().error.fields[0].message).toContain('Hoàn thành tốt');
      const withNote = await propose(c, { note: 'Nhiệm vụ chậm do thiên tai, chi bộ đã xem xét.' });
      expect(withNote.json()).toMatchObject({ proposedLevel: 'HTTNV', proposalNote: 'Nhiệm vụ chậm do thiên tai, chi bộ đã xem xét.' });
      const other = await propose(b, { level: 'HTNV', note: 'Chi bộ thống nhất mức Hoàn thành nhiệm vụ.' });
      expect(other.json()).toMatchObject({ proposedLevel: 'HTNV' });
    });

    it('the anonymity proof: only "has voted" is kept apart from counts that name no one, in the schema, the audit log and the API', async () => {
      const { reviewIds, rm } = await meetingReady('ballot', true);
      const choices = [sheet(reviewIds, 'HTXSNV'), sheet(reviewIds, 'HTNV', { [reviewIds[0]!]: 'KHTNV' }), sheet(reviewIds, null, { [reviewIds[1]!]: 'HTTNV' })];
      const before = (await t().db.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq;
      // Someone who does not vote and reads what the voter reads: the committee beside the cell's secretary, the absent member beside the members.
      const bystanders = [staff().committee.cookie, extra.absent.cookie, extra.absent.cookie];
      const asBystander = (i: number) => call('GET', `/api/review-meetings/${rm.id}`, bystanders[i]!);
      for (const [i, who] of voters().entries()) {
        const res = await call('POST', `/api/review-meetings/${rm.id}/ballots`, who, choices[i]);
        expect(res.statusCode, res.body).toBe(201);
        // (c) What a voter is told is what anyone is told, but for their own "has voted".
        expect(common(res)).toEqual(common(await asBystander(i)));
      }

      // (a) The live schema: nothing but review_ballot_voters names a voter, and it has no time and no choice.
      const columns = await liveColumns(t());
      expect(columns.get('review_ballot_voters')).toEqual(['review_meeting_id', 'member_id', 'unit_id']);
      expect(columns.get('review_ballot_counts')).toEqual(['review_id', 'unit_id', 'level_code', 'count']);
      const voterish = [...columns].filter(([table, cols]) => /voter/.test(table) || cols.some((c) => /voter/.test(c))).map(([table]) => table);
      expect(voterish).toEqual(['review_ballot_voters']);
      expect([...columns.keys()].filter((table) => /ballot/.test(table)).sort()).toEqual(['review_ballot_counts', 'review_ballot_voters']);
      // The meeting keeps the ballot's state, no one's part in it.
      expect(columns.get('review_meetings')!.filter((c) => /member/.test(c))).toEqual([]);
      const keys = await liveForeignKeys(t());
      expect(keys.filter((k) => k.to === 'review_ballot_voters' || k.to === 'review_ballot_counts')).toEqual([]);
      expect(keys.filter((k) => k.from === 'review_ballot_counts').map((k) => k.to).sort()).toEqual(['reviews', 'units']);
      expect(await t().db.db.selectFrom('review_ballot_voters').select('member_id').where('review_meeting_id', '=', rm.id).execute()).toHaveLength(3);
      if (dialect === 'postgres') {
        // Every count row of the meeting was last written by the same transaction: no row's xmin tells which level the last voter chose.
        const xmins = await sql<{ x: string }>`select distinct xmin::text as x from review_ballot_counts where review_id in (${sql.join(reviewIds)})`.execute(t().db.db);
        expect(xmins.rows).toHaveLength(1);
      }

      // (b) The ballots' audit entries say who voted, never a level or a review.
      const entries = await t().db.db.selectFrom('audit_log').selectAll().where('seq', '>', Number(before)).where('action', '=', 'review_meeting.ballot_cast').execute();
      expect(entries).toHaveLength(3);
      for (const e of entries) {
        const text = JSON.stringify(e);
        for (const code of [...LEVELS, ...reviewIds]) expect(text).not.toContain(code);
      }

      // (c) After close the counts show, the same for every caller; nothing names who chose what.
      const closed = await call('POST', `/api/review-meetings/${rm.id}/ballot/close`, staff().secretary.cookie);
      expect((closed.json() as ReviewMeetingDetail).reviews.find((r) => r.id === reviewIds[0])!.counts).toEqual({ '': 1, HTXSNV: 1, HTTNV: 0, HTNV: 0, KHTNV: 1 });
      for (const [i, who] of voters().entries()) expect(common(await call('GET', `/api/review-meetings/${rm.id}`, who))).toEqual(common(await asBystander(i)));
      const detail = closed.json() as ReviewMeetingDetail;
      expect(Object.keys(detail).sort()).toEqual(['actions', 'denominator', 'eligible', 'hasVoted', 'id', 'levels', 'meeting', 'periodId', 'reviews', 'unitId', 'unitName', 'voteMode', 'ballotStatus', 'mayVote', 'voted'].sort());
    });

    it('the same member on two phones at once: one sheet counts, the other is refused, and the counts add up to the voters', async () => {
      const { reviewIds, rm } = await meetingReady('ballot', true);
      const cast = () => call('POST', `/api/review-meetings/${rm.id}/ballots`, extra.voter.cookie, sheet(reviewIds, 'HTTNV'));
      const results = await Promise.all([cast(), cast()]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const counts = await t().db.db.selectFrom('review_ballot_counts').select(['review_id', 'level_code', 'count']).where('review_id', 'in', reviewIds).execute();
      expect(counts.filter((c) => Number(c.count) > 0).map((c) => [c.review_id, c.level_code, Number(c.count)]).sort()).toEqual(reviewIds.map((id) => [id, 'HTTNV', 1]).sort());
      expect(await t().db.db.selectFrom('review_ballot_voters').select('member_id').where('review_meeting_id', '=', rm.id).execute()).toEqual([{ member_id: cell().members[2]!.id }]);
    });

    it('typed counts: levels of the rules or blank, at most the official members; the level follows the majority at once', async () => {
      const { reviewIds, rm } = await meetingReady('counts');
      const put = (body: unknown, id = reviewIds[0]!) => call('PUT', `/api/reviews/${id}/vote-counts`, staff().secretary.cookie, body);
      expect(fieldsOf(await put({ counts: { GIOI: 1 } }))).toEqual(['counts.GIOI']);
      const over = await put({ counts: { HTTNV: 3, HTNV: 2 } });
      expect(fieldsOf(over)).toEqual(['counts']);
      expect(over.json().error.fields[0].message).toBe('Số phiếu (counts): tổng 5 phiếu vượt quá 4 đảng viên chính thức của chi bộ');
      const inEnglish = await call('PUT', `/api/reviews/${reviewIds[0]}/vote-counts`, staff().secretary.cookie, { counts: { HTTNV: 3, HTNV: 2 } }, 'en');
      expect(inEnglish.json().error.fields[0].message).toBe('Vote counts (counts): the 5 votes exceed the cell\'s 4 official members');
      const ok = await put({ counts: { HTXSNV: 1, HTTNV: 2, '': 1 } });
      expect(ok.statusCode, ok.body).toBe(200);
      expect((ok.json() as CellReviewResponse).vote).toEqual({ counts: { HTXSNV: 1, HTTNV: 2, '': 1 }, denominator: 4, level: 'HTTNV' });
      expect(await lastAudit(t())).toMatchObject({ action: 'review.vote_counts', record_id: reviewIds[0] });
      const shown = (await call('GET', `/api/review-meetings/${rm.id}`, staff().member.cookie)).json() as ReviewMeetingDetail;
      expect(shown.reviews.find((r) => r.id === reviewIds[0])).toMatchObject({ counts: { HTXSNV: 1, HTTNV: 2, '': 1 }, voteLevel: 'HTTNV' });
      const ballot = await call('POST', `/api/review-meetings/${rm.id}/ballot/open`, staff().secretary.cookie);
      expect([ballot.statusCode, ballot.json().error.code]).toEqual([409, 'review_vote_mode_counts']);
      // Before the vote there is nothing to propose from.
      const early = await call('PUT', `/api/reviews/${reviewIds[1]}/proposal`, staff().secretary.cookie, { level: 'HTTNV' });
      expect([early.statusCode, early.json().error.code]).toEqual([409, 'review_vote_first']);

      const comments = await call('PUT', `/api/reviews/${reviewIds[0]}/cell-comments`, staff().secretary.cookie, { comments: '  Đồng chí gương mẫu, cần mạnh dạn góp ý hơn.  ' });
      expect(comments.statusCode, comments.body).toBe(200);
      expect(comments.json().cellComments).toBe('Đồng chí gương mẫu, cần mạnh dạn góp ý hơn.');
      expect(await lastAudit(t())).toMatchObject({ action: 'review.cell_comments', after: { comments: 'Đồng chí gương mẫu, cần mạnh dạn góp ý hơn.' } });
    });

    it('marks a case the rules leave to people: it caps the member\'s levels, the proposal then needs a note; bad input named; never one\'s own; audited; cleared', async () => {
      const { periodId, reviewIds } = await meetingReady('counts');
      const target = reviewIds[1]!;
      const put = (body: unknown, who = staff().secretary.cookie, id = target) => call('PUT', `/api/reviews/${id}/trigger-marks`, who, body);
      // Discipline is read from the records; an unknown case; no basis; the same case twice.
      expect(fieldsOf(await put({ marks: [{ code: 'disciplined', note: 'Quyết định khiển trách' }] }))).toEqual(['marks.0.code']);
      expect(fieldsOf(await put({ marks: [{ code: 'SUY_THOAI', note: 'x' }] }))).toEqual(['marks.0.code']);
      expect(fieldsOf(await put({ marks: [{ code: 'degraded', note: '  ' }] }))).toEqual(['marks.0.note']);
      expect(fieldsOf(await put({ marks: [{ code: 'degraded', note: 'a' }, { code: 'degraded', note: 'b' }] }))).toEqual(['marks.1.code']);
      // The secretary's own review is the committee's to mark.
      expect((await put({ marks: [{ code: 'degraded', note: 'x' }] }, staff().secretary.cookie, reviewIds[0]!)).statusCode).toBe(403);
      expect((await call('GET', `/api/reviews/${reviewIds[0]}`, staff().secretary.cookie)).json().actions).not.toContain('mark');
      expect((await call('GET', `/api/reviews/${target}`, staff().secretary.cookie)).json().actions).toContain('mark');

      const basis = 'Kết luận số 12-KL/UBKT ngày 10/11: vi phạm những điều đảng viên không được làm.';
      const marked = await put({ marks: [{ code: 'forbidden_acts', note: basis }] });
      expect(marked.statusCode, marked.body).toBe(200);
      const after = marked.json() as { triggers: { code: string; manual: boolean; mark: { note: string; markedByName: string | null } | null }[]; levels: { code: string; allowed: boolean; reasons: { key: string; trigger: string | null }[] }[] };
      expect(after.triggers.find((x) => x.code === 'forbidden_acts')).toMatchObject({ manual: true, mark: { note: basis } });
      expect(after.triggers.find((x) => x.code === 'disciplined')).toMatchObject({ manual: false, mark: null });
      expect(after.levels.map((l) => l.allowed)).toEqual([false, false, false, true]);
      expect(after.levels[1]!.reasons).toContainEqual(expect.objectContaining({ key: 'trigger', trigger: 'forbidden_acts' }));
      expect(await lastAudit(t())).toMatchObject({ action: 'review.trigger_marks', record_id: target, after: { marks: [{ code: 'forbidden_acts', note: basis }] } });
      // The member reads it on their review, with who marked it.
      const own = (await call('GET', `/api/reviews/${target}`, staff().member.cookie)).json();
      expect(own.triggers.find((x: { code: string }) => x.code === 'forbidden_acts').mark).toMatchObject({ note: basis, markedByName: expect.any(String) });
      // The cell votes "good" anyway: proposing it needs the committee's note, as the evidence rules it out.
      expect((await call('PUT', `/api/reviews/${target}/vote-counts`, staff().secretary.cookie, { counts: { HTTNV: 4 } })).statusCode).toBe(200);
      expect(fieldsOf(await call('PUT', `/api/reviews/${target}/proposal`, staff().secretary.cookie, {}))).toEqual(['note']);
      // The same set again changes nothing; the committee may mark too, and clear.
      const seq = (await lastAudit(t())).seq;
      expect((await put({ marks: [{ code: 'forbidden_acts', note: basis }] })).statusCode).toBe(200);
      expect((await lastAudit(t())).seq).toBe(seq);
      const cleared = await put({ marks: [] }, staff().committee.cookie);
      expect(cleared.statusCode, cleared.body).toBe(200);
      expect((cleared.json() as typeof after).levels[1]!.allowed).toBe(true);
      expect(await lastAudit(t())).toMatchObject({ action: 'review.trigger_marks', before: { marks: [{ code: 'forbidden_acts' }] }, after: { marks: [] } });
      // A collective has none to mark; a closed period takes none.
      const collective = await t().db.db.selectFrom('reviews').select('id').where('period_id', '=', periodId).where('subject_kind', '=', 'collective').where('unit_id', '=', cell().id).executeTakeFirstOrThrow();
      expect((await put({ marks: [] }, staff().secretary.cookie, collective.id)).statusCode).toBe(403);
      await t().db.db.updateTable('review_periods').set({ status: 'closed' }).where('id', '=', periodId).execute();
      const closed = await put({ marks: [{ code: 'degraded', note: 'x' }] });
      expect([closed.statusCode, closed.json().error.code]).toEqual([409, 'review_period_closed']);
    });

    it('tells a member of the cell which ballots are open, whether they voted and may vote; nobody else', async () => {
      const mine = async (cookie: string) => (await call('GET', '/api/me/review-ballots', cookie)).json().items as { id: string; hasVoted: boolean; mayVote: boolean }[];
      const { reviewIds, rm } = await meetingReady('ballot');
      // Linked but not open: nothing to vote on yet.
      expect((await mine(staff().member.cookie)).some((b) => b.id === rm.id)).toBe(false);
      expect((await call('POST', `/api/review-meetings/${rm.id}/ballot/open`, staff().secretary.cookie)).statusCode).toBe(200);
      expect((await mine(staff().member.cookie)).find((b) => b.id === rm.id)).toMatchObject({ hasVoted: false, mayVote: true });
      // Absent or probationary: told of the ballot, not asked to vote; another cell's member is told nothing.
      expect((await mine(extra.absent.cookie)).find((b) => b.id === rm.id)).toMatchObject({ hasVoted: false, mayVote: false });
      expect((await mine(extra.probationary.cookie)).find((b) => b.id === rm.id)).toMatchObject({ mayVote: false });
      expect((await mine(other())).some((b) => b.id === rm.id)).toBe(false);
      expect((await call('POST', `/api/review-meetings/${rm.id}/ballots`, staff().member.cookie, sheet(reviewIds, 'HTTNV'))).statusCode).toBe(201);
      expect((await mine(staff().member.cookie)).find((b) => b.id === rm.id)).toMatchObject({ hasVoted: true, mayVote: false });
      expect((await call('POST', `/api/review-meetings/${rm.id}/ballot/close`, staff().secretary.cookie)).statusCode).toBe(200);
      expect((await mine(staff().member.cookie)).some((b) => b.id === rm.id)).toBe(false);
      expect(await mine(officeOnly())).toEqual([]);
    });

    // --- who may call each endpoint -----------------------------------------------------------------

    type Stage = 'period' | 'not_open' | 'open' | 'counts' | 'voted';
    type Fixture = { periodId: string; rmId: string; reviewIds: string[] };
    type Row = AccessRow<Fixture> & { stage: Stage };
    const row = (r: Row) => r;
    const other = () => staff().otherSecretary.cookie;
    async function fixture(stage: Stage): Promise<Fixture> {
      if (stage === 'period') return { periodId: await openPeriod(), rmId: '', reviewIds: [] };
      const { periodId, reviewIds, rm } = await meetingReady(stage === 'not_open' || stage === 'open' ? 'ballot' : 'counts', stage === 'open');
      if (stage === 'voted') expect((await call('PUT', `/api/reviews/${reviewIds[0]}/vote-counts`, staff().secretary.cookie, { counts: { HTTNV: 3 } })).statusCode).toBe(200);
      return { periodId, rmId: rm.id, reviewIds };
    }
    const cellWork = { forbidden: [officeOnly, as('committee')], other, happy: { who: as('secretary'), status: 200 } };

    /** Opening or closing the ballot: the cell committee's, on a meeting at `stage`. */
    const ballotStep = (step: 'open' | 'close', stage: Stage, after: Partial<ReviewMeetingDetail>) =>
      row({
        stage,
        route: `POST /api/review-meetings/:id/ballot/${step}`,
        method: 'POST',
        url: (f) => `/api/review-meetings/${f.rmId}/ballot/${step}`,
        missing: () => `/api/review-meetings/${missingId()}/ballot/${step}`,
        forbidden: [officeOnly, as('member'), as('committee')],
        other,
        happy: { who: as('secretary'), status: 200, audit: `review_meeting.ballot_${step}`, check: (res) => expect(res.json()).toMatchObject(after) },
      });

    accessMatrix<Fixture, Row>(t, {
      routesFile: new URL('./meeting-routes.ts', import.meta.url),
      fixture: (r) => fixture(r.stage),
      state: async (f) => ({
        meetings: await t().db.db.selectFrom('review_meetings').select(['id', 'ballot_status', 'denominator']).where('period_id', '=', f.periodId).execute(),
        reviews: await t().db.db.selectFrom('reviews').select(['id', 'cell_comments', 'vote_counts_json', 'proposed_level', 'marked_triggers_json']).where('period_id', '=', f.periodId).orderBy('id').execute(),
        voters: await t().db.db.selectFrom('review_ballot_voters').selectAll().where('review_meeting_id', '=', f.rmId).execute(),
      }),
      rows: [
        row({
          stage: 'period',
          route: 'POST /api/review-periods/:id/meetings',
          method: 'POST',
          url: (f) => `/api/review-periods/${f.periodId}/meetings`,
          body: () => ({ unitId: cell().id, meetingId: extra.meetingId, voteMode: 'ballot' }),
          missing: (f) => `/api/review-periods/${f.periodId}/meetings`,
          missingBody: () => ({ unitId: missingId(), meetingId: extra.meetingId, voteMode: 'ballot' }),
          forbidden: [officeOnly, as('member'), as('committee')],
          other,
          happy: { who: as('secretary'), status: 201, audit: 'review_meeting.link', check: (res) => expect(res.json()).toMatchObject({ ballotStatus: 'not_open' }) },
        }),
        row({
          stage: 'not_open',
          route: 'GET /api/review-meetings/:id',
          method: 'GET',
          url: (f) => `/api/review-meetings/${f.rmId}`,
          missing: () => `/api/review-meetings/${missingId()}`,
          forbidden: [officeOnly],
          other,
          happy: { who: as('member'), status: 200, check: (res) => expect(res.json()).toMatchObject({ mayVote: false, actions: [] }) },
        }),
        row({
          stage: 'open',
          route: 'GET /api/me/review-ballots',
          method: 'GET',
          url: () => '/api/me/review-ballots',
          forbidden: { none: 'every account may ask for its own cell\'s ballots (none without a membership)' },
          other: { none: 'names no record: it answers the caller\'s own cell' },
          happy: { who: as('member'), status: 200, check: (res, f) => expect(res.json().items).toContainEqual(expect.objectContaining({ id: f.rmId, hasVoted: false, mayVote: true })) },
        }),
        ballotStep('open', 'not_open', { ballotStatus: 'open', denominator: 4 }),
        ballotStep('close', 'open', { ballotStatus: 'closed' }),
        row({
          stage: 'open',
          route: 'POST /api/review-meetings/:id/ballots',
          method: 'POST',
          url: (f) => `/api/review-meetings/${f.rmId}/ballots`,
          body: (f) => sheet(f.reviewIds, 'HTTNV'),
          missing: () => `/api/review-meetings/${missingId()}/ballots`,
          forbidden: [officeOnly],
          other,
          happy: { who: as('member'), status: 201, audit: 'review_meeting.ballot_cast', check: (res) => expect(res.json()).toMatchObject({ hasVoted: true, voted: 1 }) },
        }),
        row({
          ...cellWork,
          stage: 'counts',
          route: 'PUT /api/reviews/:id/cell-comments',
          method: 'PUT',
          url: (f) => `/api/reviews/${f.reviewIds[0]}/cell-comments`,
          body: () => ({ comments: 'Chi bộ ghi nhận tinh thần trách nhiệm.' }),
          missing: () => `/api/reviews/${missingId()}/cell-comments`,
          happy: { ...cellWork.happy, audit: 'review.cell_comments' },
        }),
        row({
          stage: 'counts',
          route: 'PUT /api/reviews/:id/trigger-marks',
          method: 'PUT',
          // The staff member's review (the secretary's own is the committee's to mark).
          url: (f) => `/api/reviews/${f.reviewIds[1]}/trigger-marks`,
          body: () => ({ marks: [{ code: 'degraded', note: 'Kết luận của Ủy ban Kiểm tra' }] }),
          missing: () => `/api/reviews/${missingId()}/trigger-marks`,
          forbidden: [officeOnly, as('member')],
          other,
          happy: { who: as('committee'), status: 200, audit: 'review.trigger_marks', check: (res) => expect(res.json().levels[0].allowed).toBe(false) },
        }),
        row({
          ...cellWork,
          stage: 'counts',
          route: 'PUT /api/reviews/:id/vote-counts',
          method: 'PUT',
          url: (f) => `/api/reviews/${f.reviewIds[0]}/vote-counts`,
          body: () => ({ counts: { HTTNV: 4 } }),
          missing: () => `/api/reviews/${missingId()}/vote-counts`,
          happy: { ...cellWork.happy, audit: 'review.vote_counts', check: (res) => expect(res.json().voteLevel).toBe('HTTNV') },
        }),
        row({
          ...cellWork,
          stage: 'voted',
          route: 'PUT /api/reviews/:id/proposal',
          method: 'PUT',
          url: (f) => `/api/reviews/${f.reviewIds[0]}/proposal`,
          body: () => ({}),
          missing: () => `/api/reviews/${missingId()}/proposal`,
          happy: { ...cellWork.happy, audit: 'review.propose', check: (res) => expect(res.json().proposedLevel).toBe('HTTNV') },
        }),
      ],
    });
  });
});
