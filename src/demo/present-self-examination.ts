/** The present's "tự soi, tự sửa": this quarter's and last quarter's self-examinations, feedback, plans. */
import { addDays } from './meetings.js';
import {
  EXEMPLARY_CODES,
  MANIFESTATION_CODES,
  type DemoAnswer,
  type DemoCorrectionPlan,
  type DemoFeedback,
  type DemoPlanItem,
  type DemoSelfExamData,
  type DemoSelfExamination,
  type DemoShortcoming,
} from './self-examination.js';
import * as text from './present-text.js';
import type { Rng } from './random.js';
import { daysBetween } from '../domain/tasks.js';
import { pad, minDate, maxDate, type DemoQuarter, type PresentWindow } from './present-window.js';
import { activeOn, type Cell } from './present-cell.js';

// ---------------------------------------------------------------------------
// Self-examination, feedback, correction plans
// ---------------------------------------------------------------------------

export const at = (rng: Rng, date: string): string => `${date}T${pad(rng.int(1, 9))}:${pad(rng.int(0, 59))}:00.000Z`;

export function dayIn(rng: Rng, from: string, to: string): string {
  return to <= from ? from : addDays(from, rng.int(0, daysBetween(from, to)));
}

export interface SelfExamBuilder {
  w: PresentWindow;
  data: DemoSelfExamData;
  plans: Map<string, DemoCorrectionPlan>;
}

function planOf(b: SelfExamBuilder, cell: Cell, memberKey: string, year: number, createdAt: string): DemoCorrectionPlan {
  const key = `${memberKey}/${year}`;
  let plan = b.plans.get(key);
  if (!plan) {
    plan = { key, cellKey: cell.unit.key, memberKey, year, createdAt, updatedAt: createdAt };
    b.plans.set(key, plan);
    b.data.plans.push(plan);
  }
  if (createdAt > plan.updatedAt) plan.updatedAt = createdAt;
  return plan;
}

/** Who verifies a member's items and reviews their self-examination: the secretary, or for the secretary the clerk. */
const verifierOf = (cell: Cell, memberKey: string): string => (memberKey === cell.chair.key ? cell.clerk.key : cell.chair.key);

/**
 * A plan item's life until yesterday: due and mostly fixed (claimed, then verified), some claimed
 * and waiting, a few open past the deadline or returned; not yet due: open, some with a note.
 */
function planItemLife(rng: Rng, b: SelfExamBuilder, cell: Cell, item: DemoPlanItem): void {
  const { w } = b;
  const verifier = verifierOf(cell, item.memberKey);
  const created = item.createdAt.slice(0, 10);
  const r = rng.float();
  if (item.deadline < w.today && r < 0.92) {
    const claimedOn = dayIn(rng, addDays(created, 3), minDate(item.deadline, w.yesterday));
    item.progress.push({ kind: 'claimed', note: rng.pick(text.PRESENT_CLAIMS), authorKey: item.memberKey, at: at(rng, claimedOn) });
    item.status = 'claimed';
    item.claimedOn = claimedOn;
    const verifiedOn = addDays(claimedOn, rng.int(1, 10));
    if (r < 0.85 && verifiedOn < w.today) {
      const back = r > 0.8;
      item.progress.push({ kind: back ? 'returned' : 'fixed', note: back ? text.PRESENT_RETURNED : rng.pick(text.PRESENT_FIXED), authorKey: verifier, at: at(rng, verifiedOn) });
      item.status = back ? 'returned' : 'fixed';
      item.verifiedOn = back ? null : verifiedOn;
      item.verifiedByKey = back ? null : verifier;
      item.verificationComment = back ? text.PRESENT_RETURNED : item.progress.at(-1)!.note;
      if (back) item.claimedOn = null;
    }
  } else if (rng.chance(0.5) && addDays(created, 5) < w.today) {
    const on = dayIn(rng, addDays(created, 5), w.yesterday);
    item.progress.push({ kind: 'note', note: rng.pick(text.PRESENT_PLAN_NOTES), authorKey: item.memberKey, at: at(rng, on) });
  }
  const lastAt = item.progress.at(-1)?.at;
  if (lastAt && lastAt > item.updatedAt) item.updatedAt = lastAt;
}

function answersFor(rng: Rng): DemoAnswer[] {
  const risky = new Set(rng.chance(0.25) ? rng.sample(MANIFESTATION_CODES.filter((c) => !c.startsWith('CT')), 1) : []);
  const limited = new Set(rng.sample(EXEMPLARY_CODES, rng.int(0, 2)));
  return [
    ...MANIFESTATION_CODES.map((code) => ({ code, mark: risky.has(code) ? ('at_risk' as const) : ('none' as const), note: risky.has(code) ? 'Tự nhận thấy có nguy cơ, đã đề ra cách khắc phục.' : null })),
    ...EXEMPLARY_CODES.map((code) => ({ code, mark: limited.has(code) ? ('limited' as const) : ('good' as const), note: null })),
  ];
}

/** A quarter's self-examination period in a cell: when members write and what share submit. */
interface ExamPeriod {
  q: DemoQuarter;
  /** This quarter's, still open (members submit as it goes), or the one before, complete. */
  open: boolean;
  /** The share of members who have submitted; a tenth more are drafting. */
  share: number;
  writeFrom: string;
  writeTo: string;
}

/** The period of quarter `q`: an open one's share grows with the days gone; a closed one's is nearly all. */
function examPeriod(w: PresentWindow, q: DemoQuarter, open: boolean): ExamPeriod {
  return {
    q,
    open,
    share: open ? Math.min(0.8, 0.15 + 0.75 * (daysBetween(q.from, w.today) / Math.max(1, daysBetween(q.from, q.to)))) : 0.95,
    writeFrom: open ? q.from : addDays(q.to, -20),
    writeTo: open ? w.yesterday : minDate(addDays(q.to, 10), w.yesterday),
  };
}

/**
 * One quarter's self-examinations in a cell: the period before this one complete (submitted and
 * mostly reviewed), this one open (members submit as the quarter goes, some still drafting).
 */
export function quarterExams(rng: Rng, b: SelfExamBuilder, cell: Cell, q: DemoQuarter, open: boolean, forced: ReadonlySet<string>): void {
  const period = examPeriod(b.w, q, open);
  for (const m of cell.unit.members.filter((x) => activeOn(x, q.from))) {
    const r = rng.float();
    const mustDraft = forced.has(m.key);
    if (!mustDraft && r >= period.share + 0.1) continue;
    const submitted = !mustDraft && r < period.share;
    const { exam, shortcomings } = memberExam(rng, b, cell, period, m.key, submitted);
    b.data.selfExaminations.push(exam);
    if (submitted) planFromExam(rng, b, cell, exam, shortcomings);
  }
}

/**
 * A member's self-examination (bản tự kiểm điểm) of the period: a draft, submitted, or reviewed;
 * with the shortcomings it proposes corrections for (a draft keeps only the first).
 */
function memberExam(
  rng: Rng,
  b: SelfExamBuilder,
  cell: Cell,
  period: ExamPeriod,
  memberKey: string,
  submitted: boolean,
): { exam: DemoSelfExamination; shortcomings: ProposedShortcoming[] } {
  const { w } = b;
  const { q, writeFrom, writeTo } = period;
  const created = dayIn(rng, writeFrom, writeTo < writeFrom ? writeFrom : writeTo);
  const submittedOn = submitted ? dayIn(rng, created, writeTo) : null;
  const reviewedOn = submittedOn && rng.chance(period.open ? 0.5 : 0.9) ? addDays(submittedOn, rng.int(2, 12)) : null;
  const reviewed = reviewedOn !== null && reviewedOn < w.today;
  const key = `${memberKey}/Q${q.year}-${q.quarter}`;
  const shortcomings = proposedShortcomings(rng, key, submittedOn ?? created);
  const createdAt = at(rng, created);
  const submittedAt = submittedOn ? maxDate(at(rng, submittedOn), createdAt) : null;
  const exam: DemoSelfExamination = {
    key,
    cellKey: cell.unit.key,
    memberKey,
    periodKind: 'quarter',
    year: q.year,
    quarter: q.quarter,
    status: reviewed ? 'reviewed' : submitted ? 'submitted' : 'draft',
    strengths: submitted || rng.chance(0.5) ? rng.pick(text.PRESENT_STRENGTHS) : '',
    answers: submitted ? answersFor(rng) : answersFor(rng).slice(0, rng.int(5, 30)),
    shortcomings: submitted ? shortcomings : shortcomings.slice(0, 1),
    followups: lastQuarterFollowups(b, memberKey, q, key),
    revision: rng.int(2, 9),
    createdAt,
    updatedAt: reviewed ? at(rng, reviewedOn!) : (submittedAt ?? createdAt),
    submittedAt,
    reviewedAt: reviewed ? at(rng, reviewedOn!) : null,
    reviewedByKey: reviewed ? verifierOf(cell, memberKey) : null,
    reviewComment: reviewed ? rng.pick(text.PRESENT_REVIEW_COMMENTS) : null,
  };
  if (exam.reviewedAt && submittedAt && exam.reviewedAt < submittedAt) exam.reviewedAt = exam.updatedAt = submittedAt;
  return { exam, shortcomings };
}

/** A shortcoming the member names in the present, always with the correction proposed. */
type ProposedShortcoming = DemoShortcoming & { plan: { action: string; deadline: string; successCriteria: string } };

/** One or two shortcomings (khuyết điểm) the member names, each with the correction proposed. */
function proposedShortcomings(rng: Rng, examKey: string, from: string): ProposedShortcoming[] {
  return rng.sample(text.PRESENT_SHORTCOMINGS, rng.int(1, 2)).map((s, i) => ({
    key: `${examKey}/s${i + 1}`,
    text: s.text,
    causeKind: s.causeKind,
    cause: s.cause,
    plan: { action: s.action, deadline: addDays(from, rng.int(30, 75)), successCriteria: s.criteria },
  }));
}

/** What came of the member's last two corrections from before the quarter, as the member writes it. */
function lastQuarterFollowups(b: SelfExamBuilder, memberKey: string, q: DemoQuarter, examKey: string): DemoSelfExamination['followups'] {
  return b.data.planItems
    .filter((i) => i.memberKey === memberKey && i.createdAt.slice(0, 10) < q.from)
    .slice(-2)
    .map((i, n) => ({ key: `${examKey}/f${n + 1}`, planItemKey: i.key, shortcoming: i.shortcoming, status: i.status, result: text.PRESENT_FOLLOWUP_RESULT[i.status === 'fixed' ? 'fixed' : 'other'] }));
}

/** Submitting turns the proposed corrections into the plan's items (the self-examination service does the same). */
function planFromExam(rng: Rng, b: SelfExamBuilder, cell: Cell, exam: DemoSelfExamination, shortcomings: readonly ProposedShortcoming[]): void {
  const plan = planOf(b, cell, exam.memberKey, exam.year, exam.submittedAt!);
  for (const s of shortcomings) {
    addPlanItem(rng, b, cell, plan, {
      key: `${s.key}/item`,
      memberKey: exam.memberKey,
      year: exam.year,
      shortcoming: s.text,
      action: s.plan.action,
      deadline: s.plan.deadline,
      successCriteria: s.plan.successCriteria,
      sourceKind: 'self_examination',
      selfExamKey: exam.key,
      feedbackKey: null,
      createdByKey: exam.memberKey,
      createdAt: exam.submittedAt!,
    });
  }
}

/** What a new plan item says and where it came from; the rest of its life starts open and empty. */
type NewPlanItem = Pick<
  DemoPlanItem,
  'key' | 'memberKey' | 'year' | 'shortcoming' | 'action' | 'deadline' | 'successCriteria' | 'sourceKind' | 'selfExamKey' | 'feedbackKey' | 'createdByKey' | 'createdAt'
>;

/** Adds an item (việc tự sửa) to the plan after its others, and lives it until yesterday. */
function addPlanItem(rng: Rng, b: SelfExamBuilder, cell: Cell, plan: DemoCorrectionPlan, n: NewPlanItem): void {
  const item: DemoPlanItem = {
    key: n.key,
    planKey: plan.key,
    cellKey: cell.unit.key,
    memberKey: n.memberKey,
    year: n.year,
    position: b.data.planItems.filter((i) => i.planKey === plan.key).length + 1,
    shortcoming: n.shortcoming,
    action: n.action,
    deadline: n.deadline,
    successCriteria: n.successCriteria,
    sourceKind: n.sourceKind,
    selfExamKey: n.selfExamKey,
    feedbackKey: n.feedbackKey,
    status: 'open',
    claimedOn: null,
    verifiedOn: null,
    verifiedByKey: null,
    verificationComment: null,
    createdByKey: n.createdByKey,
    createdAt: n.createdAt,
    updatedAt: n.createdAt,
    progress: [],
  };
  planItemLife(rng, b, cell, item);
  b.data.planItems.push(item);
}

/** Where feedback is given: at a held meeting (by those present) or outside one (by any member). */
interface Occasion {
  on: string;
  meetingDate: string | null;
  present: string[];
}

/** What a cell's feedback steps share; `n` numbers the feedback's keys. */
interface FeedbackGiving {
  rng: Rng;
  b: SelfExamBuilder;
  cell: Cell;
  n: number;
}

/**
 * Feedback in the cell's last three meetings and in the last two weeks outside them: the older
 * answered (accepted into a plan item, or explained), the recent waiting for an answer.
 */
export function cellFeedback(rng: Rng, b: SelfExamBuilder, cell: Cell, mustReceive: readonly string[]): void {
  const { w } = b;
  const members = cell.unit.members.filter((m) => activeOn(m, w.today)).map((m) => m.key);
  const occasions = feedbackOccasions(rng, w, cell, members);
  const g: FeedbackGiving = { rng, b, cell, n: 0 };
  for (const o of occasions) {
    const pool = o.present.filter((k) => members.includes(k));
    if (pool.length < 2) continue;
    for (let i = rng.int(1, 2); i > 0; i--) {
      const [giver, receiver] = rng.sample(pool, 2) as [string, string];
      giveFeedback(g, o, giver, receiver);
    }
    if (o.meetingDate === null && rng.chance(0.5)) giveFeedback(g, o, rng.pick(pool.filter((k) => k !== cell.chair.key)), null);
  }
  // The demo's members see feedback waiting for their answer on their own page.
  const recent = occasions.at(-1)!;
  for (const receiver of mustReceive) {
    const giver = rng.pick(members.filter((k) => k !== receiver));
    if (!giver) continue;
    // Given within the last week: too recent to be answered yet.
    giveFeedback(g, { ...recent, meetingDate: null, on: dayIn(rng, addDays(w.today, -6), w.yesterday) }, giver, receiver);
  }
}

/** The cell's last three held meetings, and one day in the last two weeks outside them. */
function feedbackOccasions(rng: Rng, w: PresentWindow, cell: Cell, members: string[]): Occasion[] {
  const held = cell.meetings.filter((m) => !m.planned).slice(-3);
  const occasions: Occasion[] = held.map((m) => ({
    on: m.date,
    meetingDate: m.date,
    present: m.attendance.filter((a) => a.role === 'member' && a.status === 'present').map((a) => a.memberKey),
  }));
  occasions.push({ on: dayIn(rng, addDays(w.today, -14), w.yesterday), meetingDate: null, present: members });
  return occasions;
}

/** What a piece of feedback says, and what accepting it into a plan would take. */
interface Said {
  text: string;
  action: string;
  criteria: string;
}

/**
 * One piece of feedback (góp ý) from a member to another, or upward to the cell committee
 * (`receiver` null); accepted feedback becomes a plan item of whoever answered it.
 */
function giveFeedback(g: FeedbackGiving, o: Occasion, giver: string, receiver: string | null): void {
  const { rng, b, cell } = g;
  const { w } = b;
  const spec = rng.pick(text.PRESENT_FEEDBACK);
  const upward = receiver === null;
  const up = rng.pick(text.PRESENT_UPWARD);
  const said: Said = upward
    ? { text: up.text, action: up.answer, criteria: 'Đảng viên xác nhận tại kỳ sinh hoạt tới' }
    : { text: spec.text.replaceAll('{thon}', cell.info.village ? `thôn ${cell.info.village}` : cell.info.where), action: spec.action, criteria: spec.criteria };
  const key = `${cell.unit.key}/${o.on}/${++g.n}`;
  const createdAt = o.meetingDate ? `${o.on}T13:${pad(rng.int(0, 59))}:00.000Z` : at(rng, o.on);
  const answered = daysBetween(o.on, w.today) > 10 && rng.chance(0.85);
  const accept = answered && rng.chance(0.7);
  const answeredOn = answered ? minDate(addDays(o.on, rng.int(2, 9)), w.yesterday) : null;
  const answerer = upward ? cell.chair.key : receiver;
  const f: DemoFeedback = {
    key,
    cellKey: cell.unit.key,
    direction: upward ? 'upward' : 'member_to_member',
    giverKey: giver,
    receiverKey: receiver,
    anonymous: false,
    topic: upward ? 'cell_leadership' : spec.topic,
    text: said.text,
    meetingDate: o.meetingDate,
    manifestationCode: null,
    status: answered ? (accept ? 'accepted' : 'explained') : 'open',
    answerText: answered ? (upward ? up.answer : accept ? 'Tôi tiếp thu ý kiến, đưa vào kế hoạch tự sửa.' : spec.explain) : null,
    answeredAt: answeredOn ? maxDate(at(rng, answeredOn), createdAt) : null,
    answeredByKey: answered ? answerer : null,
    givenOn: o.on,
    createdAt,
    updatedAt: answeredOn ? maxDate(at(rng, answeredOn), createdAt) : createdAt,
  };
  b.data.feedback.push(f);
  if (accept && answerer) acceptIntoPlan(g, f, said, answerer, answeredOn!);
}

/** Accepted feedback becomes an item of the answerer's plan for the year it was answered in. */
function acceptIntoPlan(g: FeedbackGiving, f: DemoFeedback, said: Said, answerer: string, answeredOn: string): void {
  const { rng, b, cell } = g;
  const year = Number(answeredOn.slice(0, 4));
  const plan = planOf(b, cell, answerer, year, f.answeredAt!);
  addPlanItem(rng, b, cell, plan, {
    key: `${f.key}/item`,
    memberKey: answerer,
    year,
    shortcoming: said.text,
    action: said.action,
    deadline: addDays(answeredOn, rng.int(30, 60)),
    successCriteria: said.criteria,
    sourceKind: 'feedback',
    selfExamKey: null,
    feedbackKey: f.key,
    createdByKey: answerer,
    createdAt: f.answeredAt!,
  });
}
