/**
 * The evidence a yearly review is built from: a member's year and a cell's, assembled from the
 * records, each figure with what it counts — and equal to what the attendance, task and
 * commitment reports say for the same member (or cell) and year.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { buildMeeting, buildTask, useStaffedCommune } from '../../../test/helpers/factories.js';
import { localInstant, requester, vnToday } from '../../../test/helpers/meetings.js';
import { taskBody } from '../../../test/helpers/tasks.js';
import { allMarked } from '../../../test/helpers/selfexam.js';
import { conclude, openCase, walkToConclusion } from '../../../test/helpers/inspections.js';
import type { MeetingDetail } from '../meetings/schemas.js';
import type { SelfExamDetail } from '../self-examinations/schemas.js';
import type { PlanDetail } from '../correction-plans/schemas.js';
import { reviewsEn } from '../../web/features/reviews/messages.en.js';
import { reviewsVi } from '../../web/features/reviews/messages.vi.js';
import { cellEvidence, memberEvidence } from './evidence.js';
import type { EvidenceFigure, ReviewEvidence } from './schemas.js';

const TODAY = vnToday();
/** The year under review: last year, so every date of it lies in the past whatever day the suite runs. */
const YEAR = Number(TODAY.slice(0, 4)) - 1;
const FROM = `${YEAR}-01-01`;
const TO = `${YEAR}-12-31`;
const on = (mmdd: string, year = YEAR) => `${year}-${mmdd}`;

/** The figure of a section and key (fails the test when there is none). */
function fig(evidence: ReviewEvidence, section: EvidenceFigure['section'], key: string): EvidenceFigure {
  const found = evidence.figures.find((f) => f.section === section && f.key === key);
  if (!found) throw new Error(`no figure ${section}.${key}`);
  return found;
}
const values = (evidence: ReviewEvidence, section: EvidenceFigure['section']) =>
  Object.fromEntries(evidence.figures.filter((f) => f.section === section).map((f) => [f.key, f.value]));
const ids = (f: EvidenceFigure) => f.items.map((i) => i.id).sort();

forEachDialect((dialect) => {
  describe('reviews: the evidence of a year', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    const { home, staff } = useStaffedCommune(t, { cells: 2, massOrgsPerCell: [1, 0], checklist: true });

    const cell = () => home().cells[0]!;
    const member = () => staff().member.memberId!;
    const secretary = () => staff().secretary.memberId!;
    /** Another member of the cell, with no account: owns a task that is not the member's. */
    const other = () => cell().members[2]!.id;

    async function ok(method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown, status = 200) {
      const res = await call(method, url, who, payload);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
      return res.json();
    }
    const evidenceOfMember = (today = TODAY) => memberEvidence(t().db.db, { memberId: member(), from: FROM, to: TO, today });
    const evidenceOfCell = (today = TODAY) => cellEvidence(t().db.db, { unitId: cell().id, from: FROM, to: TO, today });

    /** What the year holds, by name, for the assertions. */
    const made: Record<string, string> = {};

    /**
     * A meeting of the cell on a day of the year, the member and the secretary invited; `member`
     * says how the member came (the secretary is on time), or null to leave it planned and unmarked.
     */
    async function meeting(name: string, date: string, memberCame: { status: string; at?: string; reason?: string; reported?: string } | null, kind: 'regular' | 'thematic' = 'regular') {
      const m = await buildMeeting(t(), staff().secretary.cookie, {
        unitId: cell().id,
        date,
        kind,
        ...(kind === 'thematic' ? { topic: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh' } : {}),
        participantIds: [member(), secretary()],
      });
      made[name] = m.id;
      if (!memberCame) return m;
      const entries = [
        { memberId: secretary(), status: 'present', arrivedAt: localInstant(date, '19:25') },
        { memberId: member(), status: memberCame.status, ...(memberCame.at ? { arrivedAt: localInstant(date, memberCame.at) } : {}), ...(memberCame.reason ? { reason: memberCame.reason } : {}), ...(memberCame.reported ? { reported: memberCame.reported } : {}) },
      ];
      await ok('PUT', `/api/meetings/${m.id}/attendance`, staff().secretary.cookie, { entries });
      return (await ok('POST', `/api/meetings/${m.id}/hold`, staff().secretary.cookie)) as MeetingDetail;
    }

    /** A task decided at a meeting, owned by a member (or the cell's mass organisation), closed as `outcome` when given. */
    async function task(name: string, source: string, owner: string | { unit: string }, deadline: string, close?: { outcome: string; completedOn: string | null }, extra: Record<string, unknown> = {}) {
      const ownerFields = typeof owner === 'string' ? { ownerMemberId: owner } : { ownerMemberId: null, ownerUnitId: owner.unit };
      const made_ = await buildTask(t(), staff().secretary.cookie, {
        ...taskBody(cell().id, member(), deadline, { source: { kind: 'meeting', meetingId: made[source] } }),
        ...ownerFields,
        ...extra,
      });
      made[name] = made_.id;
      if (close) await ok('POST', `/api/tasks/${made_.id}/close`, staff().secretary.cookie, { ...close, comment: 'Đánh giá khi kết thúc nhiệm vụ' });
    }

    beforeAll(async () => {
      const sec = staff().secretary.cookie;
      const me = staff().member.cookie;

      // Meetings: January on time, February 20 minutes late, March absent, a thematic one in
      // April excused, May on time; June's was never held (left planned, nobody marked).
      await meeting('jan', on('01-15'), { status: 'present', at: '19:28' });
      await meeting('feb', on('02-15'), { status: 'present', at: '19:50' });
      await meeting('mar', on('03-15'), { status: 'absent', reported: 'after' });
      await meeting('apr', on('04-20'), { status: 'excused', reason: 'Đi công tác', reported: 'before' }, 'thematic');
      await meeting('may', on('05-15'), { status: 'present', at: '19:30' });
      await meeting('jun', on('06-15'), null);
      // The year before: its meeting and task are not this year's.
      await meeting('before', on('12-10', YEAR - 1), { status: 'present', at: '19:45' });

      // Tasks decided in January, ending every way; one of another member's; one handed down.
      await task('onTime', 'jan', member(), on('02-28'), { outcome: 'on_time', completedOn: on('02-20') });
      await task('late', 'jan', member(), on('03-31'), { outcome: 'late', completedOn: on('04-10') });
      await task('exceeded', 'jan', member(), on('04-30'), { outcome: 'exceeded', completedOn: on('04-25') });
      await task('notDone', 'jan', member(), on('05-31'), { outcome: 'not_done', completedOn: null });
      await task('overdue', 'jan', member(), on('06-30'));
      await task('autumn', 'jan', member(), on('10-31'));
      await task('othersTask', 'jan', other(), on('06-30'));
      await task('handedDown', 'jan', { unit: cell().massOrgs[0]!.id }, on('06-15'), undefined, { receivedOn: on('05-01'), handedDownOn: on('05-04') });
      await task('lastYear', 'before', member(), on('12-20', YEAR - 1), { outcome: 'late', completedOn: on('12-28', YEAR - 1) });

      // Commitments of the year: confirmed, three evaluated (achieved, exceeded, not achieved), one not.
      const pledged: string[] = [];
      for (const title of ['Tham gia đầy đủ sinh hoạt chi bộ', 'Vận động gia đình hiến đất làm đường', 'Không vi phạm quy định về sinh đẻ', 'Đọc báo Đảng hằng ngày']) {
        const c = await ok('POST', '/api/commitments', me, { subjectKind: 'member', year: YEAR, section: 'political_thought', kind: 'qualitative', title }, 201);
        pledged.push(c.id as string);
      }
      await ok('POST', '/api/commitments/confirm', sec, { ids: pledged });
      for (const [i, result] of (['achieved', 'exceeded', 'not_achieved'] as const).entries()) await ok('POST', `/api/commitments/${pledged[i]}/evaluate`, sec, { result });
      [made.achieved, made.exceededPledge, made.notAchieved, made.unevaluated] = pledged as [string, string, string, string];

      // The year's self-examination, submitted; another member's left as a draft.
      const exam = (await ok('POST', '/api/self-examinations', me, { periodKind: 'year', year: YEAR }, 201)) as SelfExamDetail;
      await ok('PUT', `/api/self-examinations/${exam.id}/draft`, me, { revision: exam.revision, strengths: 'Gương mẫu trong công việc', answers: allMarked(exam), shortcomings: [], followups: [] });
      await ok('POST', `/api/self-examinations/${exam.id}/submit`, me);
      made.exam = exam.id;
      await ok('POST', '/api/self-examinations', sec, { periodKind: 'year', year: YEAR }, 201);

      // Correction items of the year's plan, written today and then dated into the year as
      // time would have: fixed on time, fixed late, overdue; one due the year before, still open.
      // The self-examination opened the year's plan already.
      const plan = (await ok('POST', '/api/correction-plans', me, { year: YEAR })) as PlanDetail;
      const item = async (name: string, dates: { deadline: string; claimed_on?: string; verified_on?: string }, fix: boolean) => {
        const before = new Set(plan.items.map((i) => i.id));
        const body = { shortcoming: `Hạn chế ${name}`, action: 'Khắc phục', deadline: TODAY, successCriteria: 'Chi ủy xác nhận' };
        const after = (await ok('POST', `/api/correction-plans/${plan.id}/items`, me, body, 201)) as PlanDetail;
        const id = after.items.find((i) => !before.has(i.id))!.id;
        plan.items = after.items;
        if (fix) {
          await ok('POST', `/api/correction-plans/${plan.id}/items/${id}/progress`, me, { note: 'Đã khắc phục', claimFixed: true }, 201);
          await ok('POST', `/api/correction-plans/${plan.id}/items/${id}/verify`, sec, { decision: 'fixed' });
        }
        await t().db.db.updateTable('correction_plan_items').set(dates).where('id', '=', id).execute();
        made[name] = id;
      };
      await item('fixedOnTime', { deadline: on('06-30'), claimed_on: on('06-20'), verified_on: on('06-25') }, true);
      await item('fixedLate', { deadline: on('06-30'), claimed_on: on('07-10'), verified_on: on('07-12') }, true);
      await item('itemOverdue', { deadline: on('09-30') }, false);
      await item('carried', { deadline: on('11-30', YEAR - 1) }, false);
      await item('notYetDue', { deadline: TODAY }, false);

      // Feedback the member received in the year: accepted, explained, one awaiting an answer.
      const feedback = async (name: string) => {
        const f = await ok('POST', '/api/feedback', sec, { direction: 'member_to_member', receiverMemberId: member(), topic: 'working_style', text: `Góp ý ${name}: cần đến họp đúng giờ` }, 201);
        made[name] = f.id as string;
      };
      await feedback('accepted');
      await feedback('explained');
      await feedback('awaiting');
      await ok('POST', `/api/feedback/${made.accepted}/answer`, me, { decision: 'accept', plan: { action: 'Đặt lịch nhắc', deadline: TODAY, successCriteria: 'Không đến muộn' } });
      await ok('POST', `/api/feedback/${made.explained}/answer`, me, { decision: 'explain', text: 'Hôm đó tôi trực ở trạm y tế' });
      await t().db.db.updateTable('feedback').set({ given_on: on('04-20') }).where('id', 'in', [made.accepted!, made.explained!, made.awaiting!]).execute();

      // Supervision concluded in the year: one case about the member, one about the cell.
      const ubkt = staff().inspection.cookie;
      const aboutMember = await openCase(t(), ubkt, { unitId: home().id, subjectUnitId: cell().id, subjectMemberId: member() });
      await walkToConclusion(t(), ubkt, me, aboutMember.id);
      await conclude(t(), ubkt, aboutMember.id, { recommendations: [{ text: 'Chấn chỉnh giờ giấc', deadline: TODAY }] });
      const aboutCell = await openCase(t(), ubkt, { unitId: home().id, subjectUnitId: cell().id });
      await walkToConclusion(t(), ubkt, sec, aboutCell.id);
      await conclude(t(), ubkt, aboutCell.id, { recommendations: [{ text: 'Mỗi nhiệm vụ giao phải rõ người, rõ việc', deadline: TODAY }] });
      await t().db.db.updateTable('inspection_conclusions').set({ concluded_on: on('10-10') }).where('inspection_id', 'in', [aboutMember.id, aboutCell.id]).execute();
      made.caseMember = aboutMember.id;
      made.caseCell = aboutCell.id;

      // Discipline: the member reprimanded in August (and once the year before); the secretary in September.
      const decide = async (memberId: string, decidedOn: string) =>
        (await ok('POST', '/api/discipline-decisions', ubkt, { memberId, formCode: 'reprimand', decidingUnitId: home().id, decidingBody: 'inspection_committee', decidedOn, effectiveOn: decidedOn, reason: 'Vi phạm nền nếp sinh hoạt' }, 201)).id as string;
      made.reprimand = await decide(member(), on('08-20'));
      made.oldReprimand = await decide(member(), on('12-01', YEAR - 1));
      made.secretaryReprimand = await decide(secretary(), on('09-05'));
    });

    it("a member's year: each figure counts the records it links to", async () => {
      const e = await evidenceOfMember();
      expect(e).toMatchObject({ from: FROM, to: TO });

      // Meetings: complete ones only (June's was never held), the year before left out.
      expect(values(e, 'meetings')).toEqual({ expected: 5, attended: 3, on_time: 2, late: 1, excused: 1, absent: 1 });
      expect(fig(e, 'meetings', 'attended')).toMatchObject({ of: 5 });
      expect(fig(e, 'meetings', 'late').items).toEqual([{ id: made.feb, label: '', date: on('02-15'), href: `/meetings/${made.feb}`, tag: 'late' }]);
      expect(ids(fig(e, 'meetings', 'expected'))).toEqual([made.jan, made.feb, made.mar, made.apr, made.may].sort());

      // Tasks the member owns due in the year; "late" for the rules is done late or still open past the deadline.
      expect(values(e, 'tasks')).toEqual({ total: 6, on_time: 1, exceeded: 1, late: 1, overdue: 2, not_done: 1, open: 2 });
      expect(e.taskOutcomes).toEqual({ onTime: 1, late: 3, exceeded: 1, notDone: 1 });
      expect(ids(fig(e, 'tasks', 'total'))).toEqual([made.onTime, made.late, made.exceeded, made.notDone, made.overdue, made.autumn].sort());
      expect(fig(e, 'tasks', 'late').items).toEqual([{ id: made.late, label: expect.any(String), date: on('03-31'), href: `/tasks/${made.late}`, tag: 'late' }]);
      // Judged on another day, the autumn task was not yet due: open, not overdue.
      const midYear = await evidenceOfMember(on('07-15'));
      expect(values(midYear, 'tasks')).toMatchObject({ overdue: 1, open: 2 });
      expect(midYear.taskOutcomes.late).toBe(2);

      expect(values(e, 'commitments')).toEqual({ total: 4, evaluated: 3, achieved: 1, exceeded: 1, not_achieved: 1 });
      expect(fig(e, 'commitments', 'achieved')).toMatchObject({ of: 4, href: `/units/${cell().id}/commitments?year=${YEAR}`, items: [{ id: made.achieved, tag: 'achieved', href: `/units/${cell().id}/commitments?year=${YEAR}` }] });

      // Submitted today, as a day in Vietnam (the stored instant's UTC day is another one half the day).
      expect(fig(e, 'self_examination', 'submitted')).toMatchObject({ value: 1, items: [{ id: made.exam, label: `Năm ${YEAR}`, date: TODAY, href: `/self-examinations/${made.exam}`, tag: 'submitted' }] });

      // Correction items due in the year; unfixed shortcomings also carry the year before's.
      expect(values(e, 'corrections')).toEqual({ due: 3, fixed_on_time: 1, fixed_late: 1, unfixed: 1, overdue: 1, unfixed_shortcomings: 2 });
      expect(ids(fig(e, 'corrections', 'unfixed_shortcomings'))).toEqual([made.itemOverdue, made.carried].sort());
      expect(fig(e, 'corrections', 'fixed_late').items[0]).toMatchObject({ id: made.fixedLate, href: expect.stringMatching(/^\/correction-plans\/.+/), tag: 'fixed_late' });
      expect(e.unfixedShortcomings).toBe(2);

      expect(values(e, 'feedback')).toEqual({ received: 3, accepted: 1, explained: 1, open: 1 });
      expect(fig(e, 'feedback', 'open').items).toMatchObject([{ id: made.awaiting, href: `/feedback/${made.awaiting}`, date: on('04-20') }]);

      // The case about the member, not the one about the cell.
      expect(fig(e, 'supervision', 'concluded').items).toMatchObject([{ id: made.caseMember, date: on('10-10'), href: `/inspections/${made.caseMember}` }]);

      expect(fig(e, 'discipline', 'decisions')).toMatchObject({ value: 1, href: `/members/${member()}`, items: [{ id: made.reprimand, date: on('08-20'), tag: 'reprimand' }] });
      expect(e.detected).toEqual({ discipline: fig(e, 'discipline', 'decisions').items, leadershipDiscipline: [] });
    });

    it('the evidence figures equal what the attendance, task and commitment reports say for the same member and year', async () => {
      const e = await evidenceOfMember();
      const ubkt = staff().committee.cookie;

      const attendance = await ok('GET', `/api/members/${member()}/attendance-stats?from=${FROM}&to=${TO}`, ubkt);
      expect(values(e, 'meetings')).toEqual({
        expected: attendance.total.expected,
        attended: attendance.total.present,
        on_time: attendance.total.onTime,
        late: attendance.total.late,
        excused: attendance.total.excused,
        absent: attendance.total.absent,
      });

      // The task list, filtered to the member as owner, status by status; and the cell's board row for them.
      const listed = async (status?: string) =>
        (await ok('GET', `/api/units/${home().id}/tasks?year=${YEAR}&ownerMemberId=${member()}&pageSize=200${status ? `&status=${status}` : ''}`, ubkt)) as { total: number; items: { id: string }[] };
      const all = await listed();
      expect(ids(fig(e, 'tasks', 'total'))).toEqual(all.items.map((i) => i.id).sort());
      for (const [key, status] of [['total', undefined], ['on_time', 'on_time'], ['exceeded', 'exceeded'], ['late', 'late'], ['overdue', 'overdue'], ['not_done', 'not_done'], ['open', 'open']] as const) {
        const page = await listed(status);
        expect(fig(e, 'tasks', key).value, key).toBe(page.total);
        expect(ids(fig(e, 'tasks', key)), key).toEqual(page.items.map((i) => i.id).sort());
      }
      const board = await ok('GET', `/api/units/${cell().id}/task-board?year=${YEAR}`, ubkt);
      const row = board.owners.find((o: { ownerId: string }) => o.ownerId === member());
      expect(values(e, 'tasks')).toEqual({ total: row.total, on_time: row.onTime, exceeded: row.exceeded, late: row.late, overdue: row.overdue, not_done: row.notDone, open: row.open });

      const pledges = await ok('GET', `/api/units/${cell().id}/commitments?year=${YEAR}&memberId=${member()}`, ubkt);
      expect(values(e, 'commitments')).toEqual({
        total: pledges.counts.total,
        evaluated: pledges.counts.evaluated,
        achieved: pledges.counts.achieved,
        exceeded: pledges.counts.exceeded,
        not_achieved: pledges.counts.notAchieved,
      });
    });

    it("a cell's year (Mẫu 01): regular months, attendance, tasks, coverage, supervision, leadership discipline — as the cell's reports say", async () => {
      const e = await evidenceOfCell();
      const ubkt = staff().committee.cookie;

      // Regular meetings held in January, February, March and May, of the twelve months; April's was thematic, June's never held.
      const listed = `/units/${cell().id}/meetings?year=${YEAR}`;
      expect(fig(e, 'meetings', 'regular_months')).toMatchObject({ value: 4, of: 12, href: listed });
      expect(ids(fig(e, 'meetings', 'regular_months'))).toEqual([made.jan, made.feb, made.mar, made.may].sort());
      expect(fig(e, 'meetings', 'thematic')).toMatchObject({ value: 1, items: [{ id: made.apr, tag: 'thematic' }] });
      const attendance = await ok('GET', `/api/units/${cell().id}/attendance-stats?from=${FROM}&to=${TO}`, ubkt);
      expect(fig(e, 'meetings', 'attendance')).toMatchObject({ value: attendance.total.present, of: attendance.total.expected });
      expect(fig(e, 'meetings', 'on_time')).toMatchObject({ value: attendance.total.onTime, of: attendance.total.present });
      expect([attendance.total.present, attendance.total.expected, attendance.total.onTime]).toEqual([8, 10, 7]);

      // Tasks: the board's figures, each linked to the board's list with that filter.
      const board = await ok('GET', `/api/units/${cell().id}/task-board?year=${YEAR}`, ubkt);
      const totals = board.totals;
      expect(values(e, 'tasks')).toMatchObject({ total: totals.total, on_time: totals.onTime, exceeded: totals.exceeded, late: totals.late, overdue: totals.overdue, not_done: totals.notDone, open: totals.open });
      expect(values(e, 'tasks')).toMatchObject({ total: 8, overdue: 4, hand_downs: totals.handDowns, hand_downs_delayed: 1 });
      expect(fig(e, 'tasks', 'late').href).toBe(`/units/${cell().id}/work?year=${YEAR}&status=late`);
      expect(fig(e, 'tasks', 'hand_downs_delayed').items).toMatchObject([{ id: made.handedDown, date: on('05-04'), tag: 'delayed' }]);
      expect(e.taskOutcomes).toEqual({ onTime: 1, late: 5, exceeded: 1, notDone: 1 });

      const pledges = await ok('GET', `/api/units/${cell().id}/commitments?year=${YEAR}`, ubkt);
      expect(fig(e, 'commitments', 'achieved')).toMatchObject({ value: pledges.counts.achieved, of: pledges.counts.total });

      // Coverage: the member submitted, the secretary's is a draft — as the self-examination board counts.
      const selfExams = await ok('GET', `/api/units/${cell().id}/self-examination-stats?period=${YEAR}`, ubkt);
      expect(fig(e, 'self_examination', 'coverage')).toMatchObject({ value: selfExams.submitted, of: selfExams.memberCount, href: `/units/${cell().id}/tu-soi?period=${YEAR}` });
      expect(fig(e, 'self_examination', 'coverage')).toMatchObject({ value: 1, of: 6, items: [{ id: made.exam, label: cell().members[1]!.fullName }] });

      // Supervision about the cell (not the member's case), and its recommendation still open.
      expect(ids(fig(e, 'supervision', 'concluded'))).toEqual([made.caseCell]);
      expect(fig(e, 'supervision', 'recommendations_open').items).toMatchObject([{ href: `/inspections/${made.caseCell}`, tag: 'open' }]);
      expect(e.unfixedShortcomings).toBe(1);

      // Discipline of its members in the year; the secretary's is a leader's.
      expect(ids(fig(e, 'discipline', 'decisions'))).toEqual([made.reprimand, made.secretaryReprimand].sort());
      expect(e.detected.leadershipDiscipline.map((i) => i.id)).toEqual([made.secretaryReprimand]);
      expect(e.detected.discipline).toEqual([]);
    });

    it('every figure and every record\'s state has its words on the review page, in Vietnamese and English', async () => {
      const figures = [...(await evidenceOfMember()).figures, ...(await evidenceOfCell()).figures];
      for (const [lang, words] of [['vi', reviewsVi], ['en', reviewsEn]] as const) {
        const named = words.figure as Record<string, Record<string, string>>;
        expect(figures.filter((f) => !named[f.section]?.[f.key]).map((f) => `${lang} ${f.section}.${f.key}`)).toEqual([]);
        // Discipline and supervision tag their records with a rule's code (a form, a kind), whose name the label carries.
        const stated = figures.filter((f) => f.section !== 'discipline' && f.section !== 'supervision');
        const tags = new Set(stated.flatMap((f) => f.items.map((i) => i.tag)).filter((tag): tag is string => tag !== null));
        expect([...tags].filter((tag) => !(tag in words.tag)).map((tag) => `${lang} ${tag}`)).toEqual([]);
      }
    });

    it('a period other than a calendar year: figures of its dates, no link to a year-wide page', async () => {
      const q1 = await cellEvidence(t().db.db, { unitId: cell().id, from: on('01-01'), to: on('03-31'), today: TODAY });
      expect(fig(q1, 'meetings', 'regular_months')).toMatchObject({ value: 3, of: 3, href: null });
      expect(fig(q1, 'tasks', 'total')).toMatchObject({ value: 2, href: null });
      expect(fig(q1, 'self_examination', 'coverage')).toMatchObject({ value: 0, href: `/units/${cell().id}/tu-soi?period=${YEAR}-Q1` });
      await expect(memberEvidence(t().db.db, { memberId: cell().id, from: FROM, to: TO, today: TODAY })).rejects.toMatchObject({ statusCode: 404 });
      await expect(cellEvidence(t().db.db, { unitId: member(), from: FROM, to: TO, today: TODAY })).rejects.toMatchObject({ statusCode: 404 });
    });
  });
});
