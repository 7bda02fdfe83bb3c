/**
 * The demo account holder's own first year (dangvien.dongthu, admitted after 2022): see
 * `accountHolderYear`. The words are in story/self-examination-account-holder.json; the days are
 * here, fixed, since nothing in this year is drawn but who gives and receives the feedback.
 */
import { DEMO_REFERENCE_DATE, type DemoCommune } from './commune.js';
import { addDays } from './meetings.js';
import { hashSeed, Rng } from './random.js';
import { readStory } from './story.js';
import {
  CUTOFF,
  DONG_THU,
  EXEMPLARY_CODES,
  fillText,
  joinName,
  MANIFESTATION_CODES,
  shown,
  stripDot,
  withYear,
  type Builder,
  type Context,
} from './self-examination-context.js';
import type { DemoAnswer, DemoFeedback, DemoPlanItem, DemoPlanProgress, DemoSelfExamination, DemoShortcoming } from './self-examination.js';
import type { CauseKind, ExemplaryMark, FeedbackTopic, ManifestationMark, PlanItemStatus } from '../shared/enums.js';

interface HolderShortcoming {
  text: string;
  causeKind: CauseKind;
  cause: string;
  action: string;
  successCriteria: string;
}

/** A feedback and the receiver's answer (an acceptance or an explanation). */
interface HolderFeedbackText {
  topic: FeedbackTopic;
  text: string;
  answer: string;
}

/** What the member writes on a correction item, and the secretary's verification. */
interface HolderItemText {
  note?: string;
  claim?: string;
  fixed?: string;
}

/** An item from feedback: the correction-plan content the receiver wrote on accepting it. */
interface HolderFeedbackItemText extends HolderItemText {
  shortcoming: string;
  action: string;
  successCriteria: string;
}

/**
 * src/demo/story/self-examination-account-holder.json: the account holder's first year in words.
 * `{nam}` is the year they joined, `{nam_sau}` the next; `{ngay}` and `{ten}` in the speak-up note
 * are the day and the member they gave feedback to.
 */
interface HolderStory {
  strengths: string;
  reviewComment: string;
  /** The checklist items not marked the best, by code. */
  marks: Record<string, { mark: ManifestationMark | ExemplaryMark; note: string }>;
  shortcomings: Record<'speakUp' | 'late' | 'study', HolderShortcoming>;
  /** Received (reportingLate accepted, obstruction explained) and given (temper, accepted). */
  feedback: Record<'reportingLate' | 'obstruction' | 'temper', HolderFeedbackText>;
  items: Record<'speakUp' | 'late' | 'study', HolderItemText> & Record<'reportingLate' | 'temper', HolderFeedbackItemText>;
}

const STORY = readStory<HolderStory>('self-examination-account-holder');

/** The account holder's year as it is built: who they are, the people around them, and its words. */
interface HolderYear {
  ctx: Context;
  holder: string;
  secretary: string;
  /** Two peers in the cell: one gives feedback to the holder, the other gives and receives it. */
  giver: string;
  receiver: string;
  year: number;
  next: number;
  /** The self-examination's key. */
  key: string;
  texts: HolderStory;
}

/**
 * `dangvien.dongthu` joined the party after 2022, so the 2022 record cannot include them. Their
 * first year-end self-examination (the year they joined, reviewed by the secretary in December),
 * the items it proposed for the next year — most verified as fixed, one still open past its
 * deadline — and feedback they received (one accepted, one explained) and gave, all before the
 * demo's reference date, make their "Tự soi" page show the whole cycle.
 */
export function accountHolderYear(b: Builder, commune: DemoCommune): { exams: DemoSelfExamination[]; items: DemoPlanItem[]; feedback: DemoFeedback[] } {
  const h = holderYear(b, commune);
  if (!h) return { exams: [], items: [], feedback: [] };
  const exam = holderExam(h);
  const feedback = holderFeedback(h);
  const items = [...holderExamItems(h, exam), ...holderFeedbackItems(h)];
  const until = addDays(DEMO_REFERENCE_DATE, -1);
  for (const i of items) for (const pr of i.progress) if (pr.at.slice(0, 10) > until) throw new Error('demo self-examination: the account holder’s year runs past the reference date');
  return { exams: [exam], items, feedback };
}

/** The account holder and the two peers of their feedback, or null when they are in the 2022 record (or absent). */
function holderYear(b: Builder, commune: DemoCommune): HolderYear | null {
  const holder = commune.accounts.find((a) => a.username === 'dangvien.dongthu')?.memberKey;
  const cell = b.ctx.cellOf.get(DONG_THU);
  const member = holder ? b.ctx.memberByKey.get(holder) : undefined;
  if (!holder || !cell || !member || member.status === 'exempt') return null;
  if (member.joinedOn <= CUTOFF) return null; // already in the 2022 record
  const rng = new Rng(hashSeed(`self-exam/${holder}/own-year`));
  const year = Number(member.joinedOn.slice(0, 4));
  const secretary = cell.secretary;
  // Others in the cell by then, for the feedback.
  const peers = commune.units
    .find((u) => u.key === DONG_THU)!
    .members.filter((m) => m.key !== holder && m.key !== secretary && m.status !== 'exempt' && m.joinedOn < `${year}-01-01`);
  const giver = rng.pick(peers);
  const receiver = rng.pick(peers.filter((m) => m.key !== giver.key));
  const texts = withYear(STORY, year);
  return { ctx: b.ctx, holder, secretary, giver: giver.key, receiver: receiver.key, year, next: year + 1, key: `${holder}/Y${year}`, texts };
}

/** The shortcomings the holder names, each with its correction due the next year. */
function holderShortcomings(h: HolderYear): DemoShortcoming[] {
  const { speakUp, late, study } = h.texts.shortcomings;
  const deadlines: [HolderShortcoming, string][] = [
    [speakUp, `${h.next}-06-30`],
    [late, `${h.next}-03-31`],
    [study, `${h.next}-09-30`],
  ];
  return deadlines.map(([s, deadline], i) => ({
    key: `${h.key}/s${i + 1}`,
    text: s.text,
    causeKind: s.causeKind,
    cause: s.cause,
    plan: { action: s.action, deadline, successCriteria: s.successCriteria },
  }));
}

/** Every checklist item answered: the best mark but for the few the story names. */
function holderAnswers(h: HolderYear): DemoAnswer[] {
  const answer = (code: string, best: ManifestationMark | ExemplaryMark): DemoAnswer => {
    const own = h.texts.marks[code];
    return own ? { code, mark: own.mark, note: own.note } : { code, mark: best, note: null };
  };
  return [...MANIFESTATION_CODES.map((code) => answer(code, 'none')), ...EXEMPLARY_CODES.map((code) => answer(code, 'good'))];
}

/** The holder's year-end self-examination, written in December and reviewed by the secretary. */
function holderExam(h: HolderYear): DemoSelfExamination {
  const reviewedAt = `${h.year}-12-20T03:30:00.000Z`;
  return {
    key: h.key,
    cellKey: DONG_THU,
    memberKey: h.holder,
    periodKind: 'year',
    year: h.year,
    quarter: null,
    status: 'reviewed',
    strengths: h.texts.strengths,
    answers: holderAnswers(h),
    shortcomings: holderShortcomings(h),
    followups: [],
    revision: 9,
    createdAt: `${h.year}-12-03T13:05:00.000Z`,
    updatedAt: reviewedAt,
    submittedAt: `${h.year}-12-10T13:20:00.000Z`,
    reviewedAt,
    reviewedByKey: h.secretary,
    reviewComment: h.texts.reviewComment,
  };
}

/** One feedback of the holder's next year, given outside meetings and answered the next day. */
function holderFeedbackRecord(n: number, giver: string, receiver: string, text: HolderFeedbackText, status: 'accepted' | 'explained', createdAt: string, answeredAt: string): DemoFeedback {
  return {
    key: `${DONG_THU}/fb-own-${n}`,
    cellKey: DONG_THU,
    direction: 'member_to_member',
    giverKey: giver,
    receiverKey: receiver,
    anonymous: false,
    topic: text.topic,
    text: text.text,
    meetingDate: null,
    manifestationCode: null,
    status,
    answerText: text.answer,
    answeredAt,
    answeredByKey: receiver,
    givenOn: createdAt.slice(0, 10),
    createdAt,
    updatedAt: answeredAt,
  };
}

/** Feedback the holder received (one accepted, one explained) and gave (accepted). */
function holderFeedback(h: HolderYear): DemoFeedback[] {
  const { reportingLate, obstruction, temper } = h.texts.feedback;
  const n = h.next;
  return [
    holderFeedbackRecord(1, h.giver, h.holder, reportingLate, 'accepted', `${n}-04-15T12:50:00.000Z`, `${n}-04-16T13:40:00.000Z`),
    holderFeedbackRecord(2, h.receiver, h.holder, obstruction, 'explained', `${n}-08-21T13:15:00.000Z`, `${n}-08-22T12:10:00.000Z`),
    holderFeedbackRecord(3, h.holder, h.receiver, temper, 'accepted', `${n}-05-07T12:45:00.000Z`, `${n}-05-08T13:00:00.000Z`),
  ];
}

/** How a correction item stood at the reference date. */
interface ItemLife {
  status: PlanItemStatus;
  claimedOn: string | null;
  verifiedOn: string | null;
  comment: string | null;
  progress: DemoPlanProgress[];
}

/** A correction item of the holder's year, with where it came from and how it went. */
interface HolderItem {
  key: string;
  planYear: number;
  memberKey: string;
  position: number;
  source: { selfExamKey?: string; feedbackKey?: string };
  content: { shortcoming: string; action: string; deadline: string; successCriteria: string };
  createdAt: string;
  life: ItemLife;
}

/** The stored shape of a holder's item; the secretary verifies the fixed ones. */
function planItem(h: HolderYear, i: HolderItem): DemoPlanItem {
  const { life } = i;
  return {
    key: i.key,
    planKey: `${i.memberKey}/${i.planYear}`,
    cellKey: DONG_THU,
    memberKey: i.memberKey,
    year: i.planYear,
    position: i.position,
    shortcoming: i.content.shortcoming,
    action: i.content.action,
    deadline: i.content.deadline,
    successCriteria: i.content.successCriteria,
    sourceKind: i.source.selfExamKey ? 'self_examination' : 'feedback',
    selfExamKey: i.source.selfExamKey ?? null,
    feedbackKey: i.source.feedbackKey ?? null,
    status: life.status,
    claimedOn: life.claimedOn,
    verifiedOn: life.verifiedOn,
    verifiedByKey: life.status === 'fixed' ? h.secretary : null,
    verificationComment: life.comment,
    createdByKey: i.memberKey,
    createdAt: i.createdAt,
    updatedAt: life.progress.at(-1)?.at ?? i.createdAt,
    progress: life.progress,
  };
}

const progress = (kind: DemoPlanProgress['kind'], authorKey: string, at: string, note: string): DemoPlanProgress => ({ kind, authorKey, at, note });

/** A day and a time (UTC) of the holder's year. */
type When = readonly [day: string, utcTime: string];

/** A fixed item's life: a note, the claim, and the secretary's verification (its comment too). */
function fixedLife(h: HolderYear, text: HolderItemText, note: When, claim: When, fixed: When): ItemLife {
  return {
    status: 'fixed',
    claimedOn: claim[0],
    verifiedOn: fixed[0],
    comment: text.fixed!,
    progress: [
      progress('note', h.holder, `${note[0]}T${note[1]}:00.000Z`, text.note!),
      progress('claimed', h.holder, `${claim[0]}T${claim[1]}:00.000Z`, text.claim!),
      progress('fixed', h.secretary, `${fixed[0]}T${fixed[1]}:00.000Z`, text.fixed!),
    ],
  };
}

/** The items the holder's self-examination proposed: two verified as fixed, the third still open past its deadline. */
function holderExamItems(h: HolderYear, exam: DemoSelfExamination): DemoPlanItem[] {
  const { speakUp, late, study } = h.texts.items;
  const n = h.next;
  const fromExam = (i: number): HolderItem['content'] => {
    const s = exam.shortcomings[i]!;
    return { shortcoming: stripDot(s.text), action: s.plan!.action, deadline: s.plan!.deadline!, successCriteria: s.plan!.successCriteria };
  };
  const item = (position: number, life: ItemLife): DemoPlanItem =>
    planItem(h, { key: `${h.key}/item${position}`, planYear: h.year, memberKey: h.holder, position, source: { selfExamKey: h.key }, content: fromExam(position - 1), createdAt: exam.submittedAt!, life });
  const spokeOn = `${n}-05-07`;
  const spoke = { ...speakUp, note: fillText(speakUp.note!, { ngay: shown(spokeOn), ten: joinName(h.ctx, h.receiver) }) };
  return [
    item(1, fixedLife(h, spoke, [spokeOn, '12:50'], [`${n}-06-12`, '13:10'], [`${n}-06-18`, '02:30'])),
    item(2, fixedLife(h, late, [`${n}-02-06`, '13:00'], [`${n}-03-25`, '13:30'], [`${n}-04-06`, '02:00'])),
    // Still open past its deadline: the overdue item on the member's home page.
    item(3, { status: 'open', claimedOn: null, verifiedOn: null, comment: null, progress: [progress('note', h.holder, `${n}-07-20T13:20:00.000Z`, study.note!)] }),
  ];
}

/** The items of the accepted feedback: the holder's, verified as fixed, and the peer's, claimed and awaiting verification. */
function holderFeedbackItems(h: HolderYear): DemoPlanItem[] {
  const { reportingLate, temper } = h.texts.items;
  const n = h.next;
  const content = (t: HolderFeedbackItemText, deadline: string): HolderItem['content'] => ({ shortcoming: t.shortcoming, action: t.action, deadline, successCriteria: t.successCriteria });
  const item = (fb: number, memberKey: string, c: HolderItem['content'], createdAt: string, life: ItemLife): DemoPlanItem =>
    planItem(h, { key: `${DONG_THU}/fb-own-${fb}/item`, planYear: n, memberKey, position: 1, source: { feedbackKey: `${DONG_THU}/fb-own-${fb}` }, content: c, createdAt, life });
  const claimedOn = `${n}-08-28`;
  return [
    item(1, h.holder, content(reportingLate, `${n}-06-30`), `${n}-04-16T13:40:00.000Z`, fixedLife(h, reportingLate, [`${n}-05-15`, '13:00'], [`${n}-06-27`, '12:40'], [`${n}-07-05`, '02:15'])),
    item(3, h.receiver, content(temper, `${n}-08-31`), `${n}-05-08T13:00:00.000Z`, {
      status: 'claimed',
      claimedOn,
      verifiedOn: null,
      comment: null,
      progress: [progress('claimed', h.receiver, `${claimedOn}T13:00:00.000Z`, temper.claim!)],
    }),
  ];
}
