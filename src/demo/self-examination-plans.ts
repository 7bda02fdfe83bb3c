/**
 * What became of each correction item by the end of 2022 (judged on the record where the record
 * can tell), the secretary's comment at the December review, and the plans the items make up.
 */
import { addDays, YEAR_END } from './meetings.js';
import { hashSeed, Rng } from './random.js';
import { readStory } from './story.js';
import {
  dayBetween,
  duringMeeting,
  eveningAt,
  fillText,
  joinName,
  maxDate,
  minDate,
  officeAt,
  recordOf,
  shown,
  verifierOf,
  withYear,
  YEAR,
  type Context,
  type Kind,
  type PendingItem,
} from './self-examination-context.js';
import type { DemoCorrectionPlan, DemoFeedback, DemoPlanItem, DemoPlanProgress, DemoSelfExamination } from './self-examination.js';
import type { FeedbackTopic, PlanItemStatus } from '../shared/enums.js';

/** src/demo/story/self-examination-plans.json: what members and verifiers write about correction items, and the review comments. */
interface PlansStory {
  /** Feedback topics as a note names them. */
  topics: Record<FeedbackTopic, string>;
  /** A member's progress notes: any item's, and those of an item of a kind. */
  notes: { generic: readonly string[]; byKind: Partial<Record<Kind, readonly string[]>> };
  /** A member reporting an item fixed. */
  claimNotes: readonly string[];
  /** The verifier confirming an item drawn as fixed. */
  fixedNotes: readonly string[];
  fixedLate: string;
  returnedWithoutEvidence: string;
  /** Late arrivals, judged on the attendance record; `{ngay}` is a meeting's or the item's day. */
  late: Record<'onTimeNote' | 'claimNeverLate' | 'fixedNeverLate' | 'returned' | 'claimAgain' | 'fixedLate', string>;
  /**
   * Reluctance to criticise, judged on the feedback given: `{ngay}` its day, `{nguoi_nhan}` its
   * receiver (toMember with `{ten}`, or toCommittee), `{chu_de}` its topic; `{lan}` in the claim is
   * timesMany (`{so}` times) or timesOnce.
   */
  reluctant: Record<'gaveNote' | 'toMember' | 'toCommittee' | 'claim' | 'timesMany' | 'timesOnce' | 'fixed' | 'returnedOnce' | 'preparedNote', string>;
  /** Tasks handled vaguely, judged on the meeting tasks; `{han}` is a late task's deadline. */
  vague: Record<'fixed' | 'returned', string>;
  /**
   * The secretary's comment at the December review: Đồng Thứ's own sentences (`{so_lan}`: late
   * arrivals after April), the others' openings, then how the plan stands (`{xong}` of `{tong}`
   * items fixed, `{con_lai}` left).
   */
  review: Record<'dongThuOpening' | 'onTimeSinceApril' | 'stillLate' | 'spokeUp' | 'noItems' | 'allFixed' | 'noneFixed' | 'someFixed', string> & {
    openings: readonly string[];
  };
}

const TEXTS = withYear(readStory<PlansStory>('self-examination-plans'), YEAR);

/** The verifier's answer to a claim, given when it comes (a drawn one draws after the claim's own draws). */
type Verdict = () => { fixed: boolean; comment: string };
const fixedWith = (comment: string): Verdict => () => ({ fixed: true, comment });
const returnedWith = (comment: string): Verdict => () => ({ fixed: false, comment });

// ---------------------------------------------------------------------------
// What became of each correction item
// ---------------------------------------------------------------------------

interface Outcome {
  status: PlanItemStatus;
  claimedOn: string | null;
  verifiedOn: string | null;
  verificationComment: string | null;
  progress: DemoPlanProgress[];
}

/** An item's life through the year as it is drawn: notes, a claim, the verifier's answer. */
class ItemLife {
  readonly progress: DemoPlanProgress[] = [];
  status: PlanItemStatus = 'open';
  claimedOn: string | null = null;
  verifiedOn: string | null = null;
  comment: string | null = null;
  constructor(
    private readonly rng: Rng,
    private readonly item: PendingItem,
    private readonly verifier: string,
  ) {}
  private at(date: string): string {
    return this.item.cell.village ? eveningAt(this.rng, date) : officeAt(this.rng, date);
  }
  note(on: string, text: string): void {
    if (on <= this.item.createdOn || on > this.item.until) return;
    this.progress.push({ kind: 'note', note: text, authorKey: this.item.memberKey, at: this.at(on) });
  }
  /** The member reports it fixed; the verifier answers at the next meeting or within a week, or not yet. */
  claim(on: string, text: string, verdict: Verdict): string | null {
    if (on > this.item.until) return null;
    this.progress.push({ kind: 'claimed', note: text, authorKey: this.item.memberKey, at: this.at(on) });
    this.status = 'claimed';
    this.claimedOn = on;
    const next = this.item.cell.meetings.find((m) => m.date > on);
    const verifyOn = next && this.rng.chance(0.6) ? next.date : addDays(on, this.rng.int(1, 7));
    if (verifyOn > this.item.until) return null;
    const v = verdict();
    const at = next && verifyOn === next.date ? duringMeeting(next, 100) : officeAt(this.rng, verifyOn);
    this.progress.push({ kind: v.fixed ? 'fixed' : 'returned', note: v.comment, authorKey: this.verifier, at });
    this.comment = v.comment;
    if (v.fixed) {
      this.status = 'fixed';
      this.verifiedOn = verifyOn;
    } else {
      this.status = 'returned';
      this.claimedOn = null;
    }
    return verifyOn;
  }
  notesBetween(from: string, to: string, texts: readonly string[], max = 2): void {
    const n = this.rng.int(0, max);
    for (let i = 0; i < n; i++) {
      const on = dayBetween(this.rng, addDays(from, 7), addDays(to, -1));
      if (on > from && on < to) this.note(on, this.rng.pick(texts));
    }
  }
  outcome(): Outcome {
    this.progress.sort((a, b) => a.at.localeCompare(b.at));
    // Notes drawn for the item's time fall only where the member was still working on it:
    // not while a claim awaits the verifier, not once it is verified.
    let waiting = false;
    let done = false;
    const progress = this.progress.filter((p) => {
      if (p.kind === 'note') return !waiting && !done;
      waiting = p.kind === 'claimed';
      if (p.kind === 'fixed') done = true;
      return true;
    });
    return { status: this.status, claimedOn: this.claimedOn, verifiedOn: this.verifiedOn, verificationComment: this.comment, progress };
  }
}

/** A claim in time: in the last weeks before the deadline, at least three weeks after the item began. */
function claimInTime(rng: Rng, item: PendingItem): string {
  const from = maxDate(addDays(item.createdOn, 21), addDays(item.deadline, -25));
  return from >= item.deadline ? maxDate(addDays(item.createdOn, 1), item.deadline) : dayBetween(rng, from, item.deadline);
}

/** One item being judged: its stream and its life so far. */
interface Judging {
  ctx: Context;
  item: PendingItem;
  rng: Rng;
  life: ItemLife;
}

/** What became of one correction item by the end of its year: judged on the record where the record can tell, drawn otherwise. */
function judge(ctx: Context, item: PendingItem, feedback: readonly DemoFeedback[]): Outcome {
  const rng = new Rng(hashSeed(`plan-item/${item.key}`));
  const life = new ItemLife(rng, item, verifierOf(item.cell, item.memberKey));
  const j: Judging = { ctx, item, rng, life };
  if (item.kind === 'late') judgeLate(j);
  else if (item.kind === 'reluctant') judgeReluctant(j, feedback);
  else if (item.kind === 'vague') judgeVague(j);
  else judgeDrawn(j);
  return life.outcome();
}

/** Late arrivals, judged on the attendance record: late again after the item began, or not. */
function judgeLate({ ctx, item, rng, life }: Judging): void {
  const t = TEXTS.late;
  const rec = recordOf(ctx, item.memberKey);
  const lates = rec.lateDates.filter((d) => d > item.createdOn);
  const onTime = rec.onTimeDates.filter((d) => d > item.createdOn);
  for (const d of onTime.slice(0, rng.int(1, 2))) life.note(addDays(d, 1), fillText(t.onTimeNote, { ngay: shown(d) }));
  const firstLate = lates.find((d) => d <= item.deadline);
  if (!firstLate) {
    life.claim(claimInTime(rng, item), fillText(t.claimNeverLate, { ngay: shown(item.createdOn) }), fixedWith(t.fixedNeverLate));
    return;
  }
  // Claimed near the deadline, returned on the record, and fixed later if no more late arrivals.
  const claimOn = maxDate(addDays(firstLate, 1), claimInTime(rng, item));
  const returned = life.claim(claimOn, rng.pick(TEXTS.claimNotes), returnedWith(fillText(t.returned, { ngay: shown(firstLate) })));
  if (!returned) return;
  const again = lates.filter((d) => d > returned);
  const reclaim = addDays(returned, rng.int(40, 70));
  if (again.length === 0 && reclaim <= `${YEAR}-12-20`) life.claim(reclaim, fillText(t.claimAgain, { ngay: shown(returned) }), fixedWith(t.fixedLate));
}

/** Reluctance to criticise, judged on the feedback the member actually gave after writing it down. */
function judgeReluctant({ ctx, item, rng, life }: Judging, feedback: readonly DemoFeedback[]): void {
  const t = TEXTS.reluctant;
  const need = item.cell.story ? 2 : 1;
  const given = feedback.filter((f) => f.giverKey === item.memberKey && f.givenOn > item.createdOn).sort((a, b) => a.givenOn.localeCompare(b.givenOn));
  for (const f of given.slice(0, 2)) {
    const receiver = f.receiverKey ? fillText(t.toMember, { ten: joinName(ctx, f.receiverKey) }) : t.toCommittee;
    life.note(f.givenOn, fillText(t.gaveNote, { ngay: shown(f.givenOn), nguoi_nhan: receiver, chu_de: TEXTS.topics[f.topic] }));
  }
  const hit = given[need - 1];
  if (hit) {
    const claimOn = hit.givenOn < item.deadline ? minDate(addDays(hit.givenOn, rng.int(1, 10)), item.deadline) : addDays(hit.givenOn, rng.int(1, 10));
    const times = given.filter((f) => f.givenOn <= claimOn).length;
    const lan = times > 1 ? fillText(t.timesMany, { so: times }) : t.timesOnce;
    life.claim(claimOn, fillText(t.claim, { lan }), fixedWith(t.fixed));
  } else if (given.length > 0) {
    life.claim(addDays(given[0]!.givenOn, rng.int(3, 15)), rng.pick(TEXTS.claimNotes), returnedWith(t.returnedOnce));
  } else if (!item.cell.low && rng.chance(0.5)) {
    life.note(dayBetween(rng, addDays(item.createdOn, 20), minDate(item.deadline, YEAR_END)), t.preparedNote);
  }
}

/** Tasks handled vaguely, judged on the member's meeting tasks due while the item ran. */
function judgeVague({ ctx, item, rng, life }: Judging): void {
  const late = recordOf(ctx, item.memberKey).tasks.filter((t) => t.late && t.deadline > item.createdOn && t.deadline <= item.deadline);
  life.notesBetween(item.createdOn, item.deadline, TEXTS.notes.byKind.vague!);
  if (late.length === 0) {
    life.claim(claimInTime(rng, item), rng.pick(TEXTS.claimNotes), fixedWith(TEXTS.vague.fixed));
  } else if (rng.chance(0.5)) {
    life.claim(claimInTime(rng, item), rng.pick(TEXTS.claimNotes), returnedWith(fillText(TEXTS.vague.returned, { han: shown(late[0]!.deadline) })));
  } else {
    life.claim(addDays(item.deadline, rng.int(5, 30)), rng.pick(TEXTS.claimNotes), fixedWith(TEXTS.fixedLate));
  }
}

/** Everything else, drawn: most fixed in time, some late, some awaiting verification or not done. */
function judgeDrawn({ item, rng, life }: Judging): void {
  life.notesBetween(item.createdOn, item.deadline, [...(TEXTS.notes.byKind[item.kind] ?? []), ...TEXTS.notes.generic]);
  const r = rng.float();
  const [inTime, late, waiting, open] = item.cell.low ? [0.5, 0.62, 0.75, 0.95] : [0.8, 0.88, 0.93, 0.97];
  // The verifier's note is drawn when the verdict comes, after the claim's own draws.
  const fixedDrawn: Verdict = () => ({ fixed: true, comment: rng.pick(TEXTS.fixedNotes) });
  if (r < inTime) life.claim(claimInTime(rng, item), rng.pick(TEXTS.claimNotes), fixedDrawn);
  else if (r < late) life.claim(addDays(item.deadline, rng.int(3, 25)), rng.pick(TEXTS.claimNotes), fixedWith(TEXTS.fixedLate));
  else if (r < waiting) {
    // Reported fixed late in the year; the cell committee has not yet looked.
    life.claim(dayBetween(rng, maxDate(addDays(item.createdOn, 7), `${YEAR}-12-20`), YEAR_END), rng.pick(TEXTS.claimNotes), fixedDrawn);
  } else if (r >= open) {
    life.claim(claimInTime(rng, item), rng.pick(TEXTS.claimNotes), returnedWith(TEXTS.returnedWithoutEvidence));
  }
}

/** Turns the pending items into plan items, numbered per plan in the order they arrived. */
export function finishItems(ctx: Context, pending: readonly PendingItem[], feedback: readonly DemoFeedback[]): DemoPlanItem[] {
  const sorted = [...pending].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key));
  const positions = new Map<string, number>();
  return sorted.map((p) => {
    const planKey = `${p.memberKey}/${p.year}`;
    const position = (positions.get(planKey) ?? 0) + 1;
    positions.set(planKey, position);
    const o = judge(ctx, p, feedback);
    const verifier = verifierOf(p.cell, p.memberKey);
    return {
      key: p.key,
      planKey,
      cellKey: p.cell.unit.key,
      memberKey: p.memberKey,
      year: p.year,
      position,
      shortcoming: p.shortcoming,
      action: p.action,
      deadline: p.deadline,
      successCriteria: p.successCriteria,
      sourceKind: p.sourceKind,
      selfExamKey: p.selfExamKey,
      feedbackKey: p.feedbackKey,
      status: o.status,
      claimedOn: o.claimedOn,
      verifiedOn: o.verifiedOn,
      verifiedByKey: o.status === 'fixed' ? verifier : null,
      verificationComment: o.status === 'fixed' || o.status === 'returned' ? o.verificationComment : null,
      createdByKey: p.memberKey,
      createdAt: p.createdAt,
      updatedAt: o.progress.at(-1)?.at ?? p.createdAt,
      progress: o.progress,
    };
  });
}

/** The secretary's comment at the December review, from the member's record and how their items stood that day. */
export function reviewComment(rng: Rng, ctx: Context, exam: DemoSelfExamination, items: readonly DemoPlanItem[], feedback: readonly DemoFeedback[], story: boolean): string {
  const reviewedOn = exam.reviewedAt!.slice(0, 10);
  const own = items.filter((i) => i.memberKey === exam.memberKey && i.year === exam.year);
  const done = own.filter((i) => i.status === 'fixed' && i.verifiedOn !== null && i.verifiedOn <= reviewedOn).length;
  const parts = story ? dongThuReview(ctx, exam, feedback, reviewedOn) : [rng.pick(TEXTS.review.openings)];
  parts.push(planStanding(own.length, done));
  return parts.join(' ');
}

/** Đồng Thứ's review names what the record shows since April: punctuality, and feedback given. */
function dongThuReview(ctx: Context, exam: DemoSelfExamination, feedback: readonly DemoFeedback[], reviewedOn: string): string[] {
  const t = TEXTS.review;
  const parts = [t.dongThuOpening];
  // The late-arrival shortcoming, in its common or Đồng Thứ wording: both keep these words.
  const named = exam.shortcomings.some((s) => s.text.includes('sinh hoạt chi bộ muộn'));
  const lateAfter = recordOf(ctx, exam.memberKey).lateDates.filter((d) => d > exam.submittedAt!.slice(0, 10) && d <= reviewedOn).length;
  if (named && lateAfter === 0) parts.push(t.onTimeSinceApril);
  else if (named) parts.push(fillText(t.stillLate, { so_lan: lateAfter }));
  const spoke = feedback.filter((f) => f.giverKey === exam.memberKey && f.givenOn >= `${YEAR}-04-01` && f.givenOn <= reviewedOn).length;
  if (spoke >= 2) parts.push(t.spokeUp);
  return parts;
}

/** How the member's correction plan stood at the review. */
function planStanding(items: number, done: number): string {
  const t = TEXTS.review;
  if (items === 0) return t.noItems;
  if (done === items) return t.allFixed;
  if (done === 0) return t.noneFixed;
  return fillText(t.someFixed, { xong: done, tong: items, con_lai: items - done });
}

export function plansOf(items: readonly DemoPlanItem[]): DemoCorrectionPlan[] {
  const plans = new Map<string, DemoCorrectionPlan>();
  for (const i of items) {
    const p = plans.get(i.planKey);
    if (!p) plans.set(i.planKey, { key: i.planKey, cellKey: i.cellKey, memberKey: i.memberKey, year: i.year, createdAt: i.createdAt, updatedAt: i.updatedAt });
    else {
      if (i.createdAt < p.createdAt) p.createdAt = i.createdAt;
      if (i.updatedAt > p.updatedAt) p.updatedAt = i.updatedAt;
    }
  }
  return [...plans.values()];
}
