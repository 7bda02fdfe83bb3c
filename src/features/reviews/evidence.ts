/**
 * The evidence a yearly review is built from (QĐ 366: "đánh giá trên kết quả, sản phẩm cụ thể"):
 * figures of the period's own records, each with the page that lists what it counts (when one
 * lists exactly that) and the records themselves. In: a member or a cell, the period [from, to]
 * and today (what is still open past its deadline is judged on it); out: `ReviewEvidence`.
 *
 * Every figure is read through the owning feature's door, from the very functions its own
 * reports use (the attendance report's record, the task board's scope and counting rule, the
 * commitment list's counting, the self-examination board's "counted" examination), so the review
 * and those reports cannot disagree. Nothing here is a rule of the party: which levels the
 * figures allow is `domain/rating.ts` reading the rules' data.
 *
 * Figures, by section and key (stable; the screen names them):
 *
 * A member —
 * - meetings: `expected` (meetings held for the member: present, excused or absent),
 *   `attended` of expected, `on_time` of attended, `late` of attended, `excused` of expected,
 *   `absent` of expected — complete meetings only, as the attendance report counts them.
 * - tasks (owned by the member, due in the period): `total`, `on_time`, `exceeded`, `late` (done
 *   late), `overdue` (still open past the deadline), `not_done`, `open` (all still open, overdue
 *   included) — the task board's counting. `taskOutcomes.late` is `late` + `overdue`.
 * - commitments (of the period's year): `total`, `evaluated`, `achieved`, `exceeded`,
 *   `not_achieved` — the commitment list's counting.
 * - self_examination: `submitted` (submitted or reviewed self-examinations of the period).
 * - corrections (items due in the period): `due`, `fixed_on_time`, `fixed_late`, `unfixed`,
 *   `overdue`; and `unfixed_shortcomings`: every item due by the period's end (earlier years'
 *   too) not yet verified fixed — what `unfixedShortcomings` counts. An inspection's
 *   recommendation to a member is such an item, so it counts here.
 * - feedback (received in the period; grave feedback goes to the cell committee and UBKT only and
 *   is left out): `received`, `accepted`, `explained`, `open`.
 * - supervision: `concluded` (cases about the member concluded in the period).
 * - discipline: `decisions` (decided in the period) — also `detected.discipline`.
 *
 * A cell (Mẫu 01) —
 * - meetings: `regular_months` (months with a regular meeting held) of the months begun by
 *   today, `thematic` (thematic meetings held), `attendance` (present of expected) and
 *   `on_time` (on time of present) over its complete meetings, as its attendance report totals.
 * - tasks (in the cell's scope, due in the period): as a member's; `hand_downs` (handed down to a
 *   mass organisation) and `hand_downs_delayed` (a day or more after the cell received them) of
 *   hand_downs.
 * - commitments (everyone's of the cell, the period's year): as a member's.
 * - self_examination: `coverage` (active members whose self-examination of the period is
 *   submitted) of the active members — the self-examination board's counting.
 * - supervision: `concluded` (cases about the cell concluded in the period),
 *   `recommendations_open` (recommendations to the cell not yet verified fixed) — what
 *   `unfixedShortcomings` counts.
 * - discipline: `decisions` (about the cell's members, decided in the period); those about members
 *   who hold the cell's committee or secretary role are `detected.leadershipDiscipline`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { notFound } from '../../core/errors.js';
import { monthsBetween } from '../../domain/attendance.js';
import { countCommitments } from '../../domain/commitments.js';
import {
  countedExamPerMember,
  monthsElapsed,
  periodKeysOf,
  periodLabelVi,
  planItemFixedOnTime,
  planItemOverdue,
  statsPeriod,
} from '../../domain/self-examination.js';
import { handDownDelayDays, isOverdue, taskCounts } from '../../domain/tasks.js';
import { localDate } from '../../domain/vietnam-time.js';
import type { SelfExamPeriodKind } from '../../shared/enums.js';
import { memberIdsWithRoleAt } from '../accounts/lookup.js';
import { commitmentsOfMember, commitmentsOfYear, type CommitmentRow } from '../commitments/lookup.js';
import { itemsOfMemberDueBy } from '../correction-plans/lookup.js';
import { decisionsInSubtreeBetween, disciplineOfMember, type DisciplineRow } from '../discipline/lookup.js';
import { receivedBetween } from '../feedback/lookup.js';
import { casesConcludedAbout, openRecommendationsAbout } from '../inspections/lookup.js';
import { cellMeetingsIn, memberAttendanceRecord, unitAttendanceTotal } from '../meetings/lookup.js';
import { activeMembersInSubtree, findMemberWithUnit } from '../members/lookup.js';
import { examsInSubtree, examsOfMemberFor } from '../self-examinations/lookup.js';
import { tasksDueIn, type TaskRow } from '../tasks/lookup.js';
import { findUnit } from '../units/lookup.js';
import type { EvidenceFigure, EvidenceItem, ReviewEvidence } from './schemas.js';

type Db = Kysely<Database>;
type Section = EvidenceFigure['section'];
interface Range {
  from: string;
  to: string;
  today: string;
}

/** A cell's commitments can run to hundreds (every member's pledge lines): a figure lists at most this many. */
const EVIDENCE_ITEM_CAP = 200;

/** The roles that make a member one of a cell's leaders (chi ủy viên, bí thư). */
const CELL_LEADER_ROLES = ['cell_committee', 'cell_secretary'] as const;

const item = (id: string, label: string, date: string | null, href: string, tag: string | null): EvidenceItem => ({ id, label, date, href, tag });

/** A figure counting its items (or `value` when the count comes from elsewhere, e.g. a report's total). */
function figure(section: Section, key: string, items: readonly EvidenceItem[], of: number | null, href: string | null = null, value = items.length): EvidenceFigure {
  return { section, key, value, of, href, items: items.slice(0, EVIDENCE_ITEM_CAP) };
}

/** The calendar year [from, to] spans exactly, or null: pages that pick a year list a figure's records only then. */
function wholeYear(r: { from: string; to: string }): number | null {
  const year = r.from.slice(0, 4);
  return r.from === `${year}-01-01` && r.to === `${year}-12-31` ? Number(year) : null;
}

/** The self-examination period ("2022", "2022-Q2") whose dates are [from, to]; else the year `from` falls in. */
function selfExamPeriod(r: { from: string; to: string }): string {
  const year = r.from.slice(0, 4);
  const candidates = [year, ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`)];
  return candidates.find((p) => statsPeriod(p).from === r.from && statsPeriod(p).to === r.to) ?? year;
}

// --- tasks ------------------------------------------------------------------------------------------

/** How a task counts: its closing outcome, or open / overdue (open past its deadline on `today`). */
function taskTag(t: TaskRow, today: string): string {
  if (t.status !== 'open') return t.status;
  return isOverdue(t, today) ? 'overdue' : 'open';
}

/** The task figures and outcomes of a set of tasks; `listHref` gives the task list filtered by status, when one lists them. */
function taskFigures(rows: readonly TaskRow[], today: string, listHref: ((status: string | null) => string) | null) {
  const counts = taskCounts(rows, today);
  const items = rows.map((t) => item(t.id, t.title, t.deadline, `/tasks/${t.id}`, taskTag(t, today)));
  const tagged = (...tags: string[]) => items.filter((i) => tags.includes(i.tag!));
  const href = (status: string | null) => (listHref ? listHref(status) : null);
  const figures = [
    figure('tasks', 'total', items, null, href(null), counts.total),
    figure('tasks', 'on_time', tagged('on_time'), counts.total, href('on_time'), counts.onTime),
    figure('tasks', 'exceeded', tagged('exceeded'), counts.total, href('exceeded'), counts.exceeded),
    figure('tasks', 'late', tagged('late'), counts.total, href('late'), counts.late),
    figure('tasks', 'overdue', tagged('overdue'), counts.total, href('overdue'), counts.overdue),
    figure('tasks', 'not_done', tagged('not_done'), counts.total, href('not_done'), counts.notDone),
    figure('tasks', 'open', tagged('open', 'overdue'), counts.total, href('open'), counts.open),
  ];
  const outcomes = { onTime: counts.onTime, late: counts.late + counts.overdue, exceeded: counts.exceeded, notDone: counts.notDone };
  return { figures, outcomes };
}

// --- commitments -----------------------------------------------------------------------------------

/** The commitments page of the unit a commitment was registered in shows it (there is no page of one commitment alone). */
const commitmentsPage = (unitId: string, year: number) => `/units/${unitId}/commitments?year=${year}`;

function commitmentFigures(rows: readonly CommitmentRow[], href: string) {
  const counts = countCommitments(rows.map((c) => ({ confirmedAt: c.confirmed_at, result: c.result })));
  const items = rows.map((c) => item(c.id, c.title, null, commitmentsPage(c.unit_id, Number(c.year)), c.result ?? (c.confirmed_at ? 'confirmed' : 'unconfirmed')));
  const tagged = (tag: string) => items.filter((i) => i.tag === tag);
  return [
    figure('commitments', 'total', items, null, href, counts.total),
    figure('commitments', 'evaluated', items.filter((i) => i.tag === 'achieved' || i.tag === 'exceeded' || i.tag === 'not_achieved'), counts.total, href, counts.evaluated),
    figure('commitments', 'achieved', tagged('achieved'), counts.total, href, counts.achieved),
    figure('commitments', 'exceeded', tagged('exceeded'), counts.total, href, counts.exceeded),
    figure('commitments', 'not_achieved', tagged('not_achieved'), counts.total, href, counts.notAchieved),
  ];
}

// --- discipline ------------------------------------------------------------------------------------

/** A decision as evidence: the member's page shows their discipline (there is no page of a decision alone). */
const decisionItem = (d: DisciplineRow, label: string) => item(d.id, label, d.decided_on, `/members/${d.member_id}`, d.form_code);

const between = (date: string, r: { from: string; to: string }) => date >= r.from && date <= r.to;

/** The Vietnam date a self-examination was submitted (stored as an instant). */
const submittedOn = (at: string | null) => (at === null ? null : localDate(at));

const selfExamLabel = (e: { period_kind: string; year: number; quarter: number | null }) =>
  periodLabelVi({ kind: e.period_kind as SelfExamPeriodKind, year: Number(e.year), quarter: e.quarter === null ? null : Number(e.quarter), meetingId: null });

// --- a member ----------------------------------------------------------------------------------------

/** A member's evidence over [from, to] (bản kiểm điểm 2A/2B/2C). Throws 404 for an unknown member. */
export async function memberEvidence(db: Db, q: { memberId: string; from: string; to: string; today: string }): Promise<ReviewEvidence> {
  const { memberId } = q;
  const range: Range = { from: q.from, to: q.to, today: q.today };
  const member = await findMemberWithUnit(db, memberId);
  if (!member) throw notFound();
  const year = Number(range.from.slice(0, 4));
  const { keys, thematic } = periodKeysOf(selfExamPeriod(range));
  const [attendance, tasks, commitments, exams, planItems, feedback, cases, decisions] = await Promise.all([
    memberAttendanceRecord(db, memberId, range),
    tasksDueIn(db, { ownerMemberId: memberId, from: range.from, to: range.to }),
    commitmentsOfMember(db, memberId, year),
    examsOfMemberFor(db, memberId, year, keys, thematic),
    itemsOfMemberDueBy(db, memberId, range.to),
    receivedBetween(db, memberId, range.from, range.to),
    casesConcludedAbout(db, { memberId }, range.from, range.to),
    disciplineOfMember(db, memberId),
  ]);

  // Meetings: the attendance report's totals, and the very meetings they count.
  const { total } = attendance;
  const counted = attendance.meetings.filter((m) => m.complete && m.role === 'member');
  const meetingItems = (keep: (m: (typeof counted)[number]) => boolean, tag: (m: (typeof counted)[number]) => string) =>
    counted.filter(keep).map((m) => item(m.meetingId, m.topic ?? '', m.date, `/meetings/${m.meetingId}`, tag(m)));
  const isLate = (m: (typeof counted)[number]) => m.status === 'present' && (m.lateMinutes ?? 0) > 0;
  const howAttended = (m: (typeof counted)[number]) => (isLate(m) ? 'late' : m.status === 'present' ? 'on_time' : m.status);
  const meetingFigures = [
    figure('meetings', 'expected', meetingItems((m) => ['present', 'excused', 'absent'].includes(m.status), howAttended), null, null, total.expected),
    figure('meetings', 'attended', meetingItems((m) => m.status === 'present', howAttended), total.expected, null, total.present),
    figure('meetings', 'on_time', meetingItems((m) => m.status === 'present' && !isLate(m), howAttended), total.present, null, total.onTime),
    figure('meetings', 'late', meetingItems(isLate, howAttended), total.present, null, total.late),
    figure('meetings', 'excused', meetingItems((m) => m.status === 'excused', howAttended), total.expected, null, total.excused),
    figure('meetings', 'absent', meetingItems((m) => m.status === 'absent', howAttended), total.expected, null, total.absent),
  ];

  const taskPart = taskFigures(tasks, range.today, null);

  // Correction items: those due in the period, and every one due by its end still not fixed.
  const planItem = (i: (typeof planItems)[number], tag: string) => item(i.id, i.shortcoming, i.deadline, `/correction-plans/${i.plan_id}`, tag);
  const stateOf = (i: (typeof planItems)[number]) => ({ status: i.status, deadline: i.deadline, claimedOn: i.claimed_on, verifiedOn: i.verified_on });
  const planTag = (i: (typeof planItems)[number]) => {
    const fixedOnTime = planItemFixedOnTime(stateOf(i));
    if (fixedOnTime !== null) return fixedOnTime ? 'fixed_on_time' : 'fixed_late';
    return planItemOverdue(stateOf(i), range.today) ? 'overdue' : i.status;
  };
  const tagged = planItems.map((i) => ({ row: i, tag: planTag(i) }));
  const due = tagged.filter((i) => i.row.deadline >= range.from);
  const items = (list: typeof tagged) => list.map((i) => planItem(i.row, i.tag));
  const unfixed = tagged.filter((i) => i.row.status !== 'fixed');
  const correctionFigures = [
    figure('corrections', 'due', items(due), null),
    figure('corrections', 'fixed_on_time', items(due.filter((i) => i.tag === 'fixed_on_time')), due.length),
    figure('corrections', 'fixed_late', items(due.filter((i) => i.tag === 'fixed_late')), due.length),
    figure('corrections', 'unfixed', items(due.filter((i) => i.row.status !== 'fixed')), due.length),
    figure('corrections', 'overdue', items(due.filter((i) => i.tag === 'overdue')), due.length),
    figure('corrections', 'unfixed_shortcomings', items(unfixed), null),
  ];

  const feedbackItems = feedback.map((f) => item(f.id, f.text.length > 160 ? `${f.text.slice(0, 159)}…` : f.text, f.given_on, `/feedback/${f.id}`, f.status));
  const feedbackOf = (status: string) => feedbackItems.filter((f) => f.tag === status);

  const disciplined = decisions.filter((d) => between(d.decided_on, range)).map((d) => decisionItem(d, d.form_name));

  return {
    from: range.from,
    to: range.to,
    figures: [
      ...meetingFigures,
      ...taskPart.figures,
      ...commitmentFigures(commitments, commitmentsPage(member.unit_id, year)),
      figure(
        'self_examination',
        'submitted',
        exams.filter((e) => e.status !== 'draft').map((e) => item(e.id, selfExamLabel(e), submittedOn(e.submitted_at), `/self-examinations/${e.id}`, e.status)),
        null,
      ),
      ...correctionFigures,
      figure('feedback', 'received', feedbackItems, null),
      figure('feedback', 'accepted', feedbackOf('accepted'), feedbackItems.length),
      figure('feedback', 'explained', feedbackOf('explained'), feedbackItems.length),
      figure('feedback', 'open', feedbackOf('open'), feedbackItems.length),
      figure('supervision', 'concluded', cases.map((c) => item(c.id, c.title, c.concluded_on, `/inspections/${c.id}`, c.kind_code)), null),
      figure('discipline', 'decisions', disciplined, null, `/members/${memberId}`),
    ],
    taskOutcomes: taskPart.outcomes,
    unfixedShortcomings: unfixed.length,
    detected: { discipline: disciplined, leadershipDiscipline: [] },
  };
}

// --- a cell ------------------------------------------------------------------------------------------

/** A cell's evidence over [from, to] (Mẫu 01); its members' levels are the reviews service's to add. Throws 404 for an unknown unit. */
export async function cellEvidence(db: Db, q: { unitId: string; from: string; to: string; today: string }): Promise<ReviewEvidence> {
  const range: Range = { from: q.from, to: q.to, today: q.today };
  const unit = await findUnit(db, q.unitId);
  if (!unit) throw notFound();
  const year = Number(range.from.slice(0, 4));
  const listedYear = wholeYear(range);
  const period = selfExamPeriod(range);
  const { keys, thematic } = periodKeysOf(period);
  const [meetings, attendance, tasks, commitments, members, exams, cases, recommendations, decisions, leaders] = await Promise.all([
    cellMeetingsIn(db, unit.id, range.from, range.to),
    unitAttendanceTotal(db, unit.path, range),
    tasksDueIn(db, { unitPath: unit.path, from: range.from, to: range.to }),
    commitmentsOfYear(db, unit.path, year),
    activeMembersInSubtree(db, unit.path),
    examsInSubtree(db, unit.path, year, keys, thematic),
    casesConcludedAbout(db, { unitId: unit.id }, range.from, range.to),
    openRecommendationsAbout(db, unit.id, range.to),
    decisionsInSubtreeBetween(db, unit.path, range.from, range.to),
    memberIdsWithRoleAt(db, unit.id, CELL_LEADER_ROLES),
  ]);

  // Meetings: held (its day has come and it was held), and the complete ones the attendance totals count.
  const meetingList = listedYear === null ? null : `/units/${unit.id}/meetings?year=${listedYear}`;
  const held = meetings.filter((m) => m.meeting_date <= range.today && m.status !== 'planned');
  const meetingItem = (m: (typeof meetings)[number]) => item(m.id, m.topic ?? '', m.meeting_date, `/meetings/${m.id}`, m.kind);
  const regular = held.filter((m) => m.kind === 'regular');
  const regularMonths = new Set(regular.map((m) => m.meeting_date.slice(0, 7))).size;
  const complete = meetings.filter((m) => m.meeting_date <= range.today && Number(m.att_pending) === 0).map(meetingItem);

  const taskPart = taskFigures(tasks, range.today, listedYear === null ? null : (status) => `/units/${unit.id}/work?year=${listedYear}${status ? `&status=${status}` : ''}`);
  const handedDown = tasks
    .filter((t) => t.handed_down_on !== null)
    .map((t) => item(t.id, t.title, t.handed_down_on, `/tasks/${t.id}`, (handDownDelayDays(t.received_on, t.handed_down_on) ?? 0) > 0 ? 'delayed' : 'timely'));

  const counted = [...countedExamPerMember(exams, (e) => e.member_id, new Set(members.map((m) => m.id))).values()].filter((e) => e.status !== 'draft');
  const names = new Map(members.map((m) => [m.id, m.full_name]));

  const leaderIds = new Set(leaders);
  const decisionItems = decisions.map((d) => ({ leader: leaderIds.has(d.member_id), item: decisionItem(d, `${d.member_name} — ${d.form_name}`) }));

  return {
    from: range.from,
    to: range.to,
    figures: [
      figure('meetings', 'regular_months', regular.map(meetingItem), monthsElapsed(monthsBetween(range.from, range.to), range.today), meetingList, regularMonths),
      figure('meetings', 'thematic', held.filter((m) => m.kind === 'thematic').map(meetingItem), null, meetingList),
      figure('meetings', 'attendance', complete, attendance.expected, meetingList, attendance.present),
      figure('meetings', 'on_time', complete, attendance.present, meetingList, attendance.onTime),
      ...taskPart.figures,
      figure('tasks', 'hand_downs', handedDown, null),
      figure('tasks', 'hand_downs_delayed', handedDown.filter((i) => i.tag === 'delayed'), handedDown.length),
      ...commitmentFigures(commitments, commitmentsPage(unit.id, year)),
      figure(
        'self_examination',
        'coverage',
        counted.map((e) => item(e.id, names.get(e.member_id) ?? '', submittedOn(e.submitted_at), `/self-examinations/${e.id}`, e.status)),
        members.length,
        `/units/${unit.id}/tu-soi?period=${period}`,
      ),
      figure('supervision', 'concluded', cases.map((c) => item(c.id, c.title, c.concluded_on, `/inspections/${c.id}`, c.kind_code)), null),
      figure('supervision', 'recommendations_open', recommendations.map((r) => item(r.id, r.text, r.deadline, `/inspections/${r.inspection_id}`, r.status)), null),
      figure('discipline', 'decisions', decisionItems.map((d) => d.item), null),
    ],
    taskOutcomes: taskPart.outcomes,
    unfixedShortcomings: recommendations.length,
    detected: { discipline: [], leadershipDiscipline: decisionItems.filter((d) => d.leader).map((d) => d.item) },
  };
}
