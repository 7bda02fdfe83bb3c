/**
 * The feedback of the demo's 2022 (góp ý): the pairs the meetings' minutes name, Đồng Thứ's frank
 * April meeting and what followed it, and feedback outside meetings at each cell's own pace; an
 * accepted one becomes a correction item.
 */
import { addDays, YEAR_END, type DemoMeeting } from './meetings.js';
import { hashSeed, Rng } from './random.js';
import { readStory } from './story.js';
import {
  activeOn,
  dayBetween,
  duringMeeting,
  eveningAt,
  fillText,
  maxDate,
  minDate,
  monthEndAfter,
  officeAt,
  plusMinutes,
  withYear,
  YEAR,
  type Builder,
  type Cell,
  type Kind,
} from './self-examination-context.js';
import type { DemoFeedback } from './self-examination.js';
import type { FeedbackDirection, FeedbackStatus, FeedbackTopic } from '../shared/enums.js';

/** One feedback as the story tells it, and the correction-plan item accepting it creates. */
interface FeedbackText {
  topic: FeedbackTopic;
  /** `{thon}`: the cell's village, or an office cell's workplace. */
  text: string;
  shortcoming: string;
  action: string;
  success: string;
  months: readonly [number, number];
  /** The receiver's explanation, when they explain instead of accepting. */
  explain?: string;
  /** The receiver's own acceptance, where the story gives it (otherwise one of the common ones). */
  answer?: string;
  /** How the item is judged, where the record can tell (otherwise drawn as any feedback's). */
  kind?: Kind;
  manifestation?: string;
  only?: 'village' | 'office';
}

/** src/demo/story/self-examination-feedback.json: what members say to each other and to the cell committee. */
interface FeedbackStory {
  /** The five pairs the April Đồng Thứ minutes name, by the aspect's first words. */
  aprilAspects: Record<string, FeedbackText>;
  /** The aspects ordinary meetings' minutes name (ordinaryCriticismItem in meetings.ts). */
  ordinaryAspects: Record<string, FeedbackText>;
  /** Feedback members give each other in and out of meetings. */
  member: readonly FeedbackText[];
  /** The cell committee's word to a member (giver: the cell, no person). */
  cell: readonly FeedbackText[];
  /** Upward feedback: how the cell is led. */
  upward: readonly FeedbackText[];
  /** Đồng Thứ's April upward word, matching the secretary's own self-criticism in the minutes. */
  aprilUpward: FeedbackText;
  /** The one anonymous feedback of the demo: to Đồng Thứ's cell committee, about the Trại Khóng land. */
  anonymousUpward: FeedbackText;
  acceptAnswers: readonly string[];
  acceptUpwardAnswers: readonly string[];
}

const TEXTS = withYear(readStory<FeedbackStory>('self-examination-feedback'), YEAR);

/** A feedback text for `receiver` (null: the cell committee) that they have not been given yet in this cell. */
function freshSpec(b: Builder, rng: Rng, cell: Cell, receiver: string | null, pool: readonly FeedbackText[]): FeedbackText {
  const fitting = pool.filter((t) => fits(t, cell));
  const given = new Set(b.feedback.filter((f) => f.cellKey === cell.unit.key && f.receiverKey === receiver).map((f) => f.text));
  const fresh = fitting.filter((t) => !given.has(fill(t.text, cell)));
  return rng.pick(fresh.length > 0 ? fresh : fitting);
}

/** A feedback text with `{thon}` filled: the cell's village, or an office cell's workplace. */
const fill = (text: string, cell: Cell): string => fillText(text, { thon: cell.info.village ? `thôn ${cell.info.village}` : cell.info.where });
const fits = (t: FeedbackText, cell: Cell): boolean => !t.only || (t.only === 'village') === cell.village;

/** Reads "Đồng chí A góp ý đồng chí B về X; …" pairs out of a meeting's minutes. */
function minutesPairs(minutes: string): { critic: string; target: string; aspect: string }[] {
  const out: { critic: string; target: string; aspect: string }[] = [];
  for (const m of minutes.matchAll(/Đồng chí ([^;.:,]+?) góp ý đồng chí ([^;.:,]+?) về ([^;]+); đồng chí [^;.]+? tiếp thu/g)) {
    out.push({ critic: m[1]!, target: m[2]!, aspect: m[3]! });
  }
  return out;
}

interface NewFeedback {
  cell: Cell;
  rng: Rng;
  direction: FeedbackDirection;
  giverKey: string | null;
  receiverKey: string | null;
  anonymous?: boolean;
  spec: FeedbackText;
  meeting: DemoMeeting | null;
  givenOn: string;
  createdAt: string;
  /** accepted / explained / open, and when the answer came. */
  outcome: FeedbackStatus;
  answeredAt: string | null;
}

/** Records a feedback; accepting it creates the correction-plan item in the same step. */
function addFeedback(b: Builder, f: NewFeedback): DemoFeedback {
  const { cell } = f;
  const key = `${cell.unit.key}/fb${String(b.feedback.filter((x) => x.cellKey === cell.unit.key).length + 1).padStart(3, '0')}`;
  // Upward feedback is answered by the secretary; the rest by the member it is about.
  const answeredByKey = f.outcome === 'open' ? null : (f.receiverKey ?? cell.secretary);
  // Anonymous feedback keeps the day only: an exact instant could point at who was online.
  const createdAt = f.anonymous ? `${f.givenOn}T00:00:00.000Z` : f.createdAt;
  const fb: DemoFeedback = {
    key,
    cellKey: cell.unit.key,
    direction: f.direction,
    giverKey: f.anonymous ? null : f.giverKey,
    receiverKey: f.receiverKey,
    anonymous: f.anonymous === true,
    topic: f.spec.topic,
    text: fill(f.spec.text, cell),
    meetingDate: f.meeting?.date ?? null,
    manifestationCode: f.spec.manifestation ?? null,
    status: f.outcome,
    answerText: answerText(f),
    answeredAt: f.outcome === 'open' ? null : f.answeredAt,
    answeredByKey,
    givenOn: f.givenOn,
    createdAt,
    updatedAt: f.outcome === 'open' ? createdAt : f.answeredAt!,
  };
  b.feedback.push(fb);
  if (fb.status === 'accepted') queueFeedbackItem(b, f, fb);
  return fb;
}

/** The receiver's answer: their explanation, the story's own acceptance, or one of the common ones. */
function answerText(f: NewFeedback): string | null {
  if (f.outcome === 'open') return null;
  if (f.outcome === 'explained') return f.spec.explain ?? '';
  return f.spec.answer ?? f.rng.pick(f.direction === 'upward' ? TEXTS.acceptUpwardAnswers : TEXTS.acceptAnswers);
}

/** The correction-plan item of an accepted feedback, its owner the one who accepted it, due within the year. */
function queueFeedbackItem(b: Builder, f: NewFeedback, fb: DemoFeedback): void {
  const answeredOn = fb.answeredAt!.slice(0, 10);
  const deadline = minDate(maxDate(monthEndAfter(f.givenOn, f.rng.int(f.spec.months[0], f.spec.months[1])), addDays(answeredOn, 14)), YEAR_END);
  b.pending.push({
    key: `${fb.key}/item`,
    cell: f.cell,
    memberKey: fb.answeredByKey!,
    year: YEAR,
    kind: f.spec.kind ?? 'feedback',
    shortcoming: f.spec.shortcoming,
    action: f.spec.action,
    successCriteria: f.spec.success,
    deadline: deadline > answeredOn ? deadline : YEAR_END,
    sourceKind: 'feedback',
    selfExamKey: null,
    feedbackKey: fb.key,
    topic: f.spec.topic,
    createdAt: fb.answeredAt!,
    createdOn: answeredOn,
    until: YEAR_END,
  });
}

const presentAt = (m: DemoMeeting): string[] => m.attendance.filter((a) => a.role === 'member' && a.status === 'present').map((a) => a.memberKey);

/** Feedback recorded in a meeting's minutes: the pairs the minutes name, accepted on the spot. */
function minutesFeedback(b: Builder, cell: Cell, m: DemoMeeting, rng: Rng, aspects: Record<string, FeedbackText>, startMinute: number): number {
  const item = m.agenda.find((a) => a.title === 'Tự phê bình và phê bình');
  if (!item) return startMinute;
  let minute = startMinute;
  for (const pair of minutesPairs(item.minutes)) {
    const critic = cell.byName.get(pair.critic);
    const target = cell.byName.get(pair.target);
    const spec = aspects[pair.aspect] ?? aspects[pair.aspect.split(':')[0]!];
    if (!critic || !target || !spec) throw new Error(`demo self-examination: cannot read "${pair.critic} → ${pair.target}: ${pair.aspect}" in ${cell.unit.key} ${m.date}`);
    const createdAt = duringMeeting(m, minute);
    const answeredAt = plusMinutes(createdAt, rng.int(2, 5));
    addFeedback(b, { cell, rng, direction: 'member_to_member', giverKey: critic, receiverKey: target, spec, meeting: m, givenOn: m.date, createdAt, outcome: 'accepted', answeredAt });
    minute += rng.int(4, 8);
  }
  return minute;
}

/**
 * The receiver answers some days later (or not yet). Not on the year's last day: an acceptance
 * then would leave its correction item no day of 2022 to be due on.
 */
function laterAnswer(rng: Rng, cell: Cell, givenOn: string, createdAt: string, explainRate: number, openRate: number): { outcome: FeedbackStatus; answeredAt: string | null } {
  const answerOn = addDays(givenOn, rng.int(0, 6));
  const late = givenOn >= `${YEAR}-12-01` && rng.chance(0.5);
  if (late || answerOn >= YEAR_END || rng.chance(openRate)) return { outcome: 'open', answeredAt: null };
  let answeredAt = cell.village ? eveningAt(rng, answerOn) : officeAt(rng, answerOn);
  if (answeredAt <= createdAt) answeredAt = plusMinutes(createdAt, rng.int(30, 300));
  return { outcome: rng.chance(explainRate) ? 'explained' : 'accepted', answeredAt };
}

function pickOther(rng: Rng, cell: Cell, not: string, date: string): string | null {
  const pool = cell.members.filter((m) => m.key !== not && activeOn(m, date));
  return pool.length === 0 ? null : rng.pick(pool).key;
}

/** A working day of 2022 between the two dates (offices meet and write on weekdays). */
function workingDay(rng: Rng, cell: Cell, from: string, to: string): string {
  for (let i = 0; i < 10; i++) {
    const d = dayBetween(rng, from, to);
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (cell.village || (wd !== 0 && wd !== 6)) return d;
  }
  return dayBetween(rng, from, to);
}

/** Đồng Thứ's feedback as it is built: the cell's stream, and how often each member has spoken up so far. */
interface StoryRound {
  b: Builder;
  cell: Cell;
  rng: Rng;
  given: Map<string, number>;
}

const timesSpoken = (s: StoryRound, key: string): number => s.given.get(key) ?? 0;
const spoke = (s: StoryRound, key: string): void => void s.given.set(key, timesSpoken(s, key) + 1);
/** Counts the givers of the feedback recorded at a meeting. */
function countMeetingGivers(s: StoryRound, m: DemoMeeting): void {
  for (const f of s.b.feedback) if (f.meetingDate === m.date && f.cellKey === s.cell.unit.key && f.giverKey) spoke(s, f.giverKey);
}

/** Đồng Thứ: silent until April, the frank April meeting, and feedback at every meeting after it. */
export function storyFeedback(b: Builder, cell: Cell): void {
  const s: StoryRound = { b, cell, rng: new Rng(hashSeed(`feedback/${cell.unit.key}`)), given: new Map() };
  const april = cell.meetings.find((m) => m.kind === 'regular' && m.date.startsWith(`${YEAR}-04`))!;
  // The pairs the minutes name (the criticism item starts some 40 minutes in), all accepted.
  let minute = minutesFeedback(b, cell, april, s.rng, TEXTS.aprilAspects, 40);
  countMeetingGivers(s, april);
  minute = aprilUpwardWord(s, april, minute);
  aprilFrankRound(s, april, minute);
  anonymousUpward(s);
  for (const m of cell.meetings.filter((x) => x.kind === 'regular' && x.date > april.date)) afterAprilMeeting(s, m);
}

/** An upward word to the secretary at the April meeting, matching the chair's self-criticism, accepted. */
function aprilUpwardWord(s: StoryRound, april: DemoMeeting, minute: number): number {
  const { cell, rng } = s;
  const giver = rng.pick(presentAt(april).filter((k) => k !== cell.secretary && k !== cell.clerk));
  const createdAt = duringMeeting(april, minute);
  const answeredAt = plusMinutes(createdAt, 3);
  addFeedback(s.b, { cell, rng, direction: 'upward', giverKey: giver, receiverKey: cell.secretary, spec: TEXTS.aprilUpward, meeting: april, givenOn: april.date, createdAt, outcome: 'accepted', answeredAt });
  spoke(s, giver);
  return minute + 6;
}

/** More frank feedback at the April meeting, on the four aspects: everyone present speaks up. */
function aprilFrankRound(s: StoryRound, april: DemoMeeting, startMinute: number): void {
  const { b, cell, rng } = s;
  const present = presentAt(april);
  const topics: FeedbackTopic[] = ['working_style', 'speech', 'behaviour', 'setting_example'];
  const extras = rng.int(7, 9);
  const explained = new Set(rng.sample(Array.from({ length: extras }, (_, i) => i), 2));
  const quiet = rng.shuffle(present.filter((k) => timesSpoken(s, k) === 0));
  let minute = startMinute;
  for (let i = 0; i < extras; i++) {
    const giver = quiet[i % Math.max(1, quiet.length)] ?? rng.pick(present);
    const receiver = rng.pick(present.filter((k) => k !== giver));
    const topic = topics[i % topics.length]!;
    const spec = freshSpec(b, rng, cell, receiver, TEXTS.member.filter((t) => t.topic === topic));
    const createdAt = duringMeeting(april, minute);
    minute += rng.int(3, 6);
    const explain = explained.has(i);
    // Explanations came in writing the next days; acceptances on the spot.
    const answeredAt = explain ? eveningAt(rng, addDays(april.date, rng.int(1, 3))) : plusMinutes(createdAt, rng.int(2, 4));
    const outcome = explain ? 'explained' : 'accepted';
    addFeedback(b, { cell, rng, direction: 'member_to_member', giverKey: giver, receiverKey: receiver, spec, meeting: april, givenOn: april.date, createdAt, outcome, answeredAt });
    spoke(s, giver);
  }
}

/** The anonymous upward feedback, some weeks after April, about the Trại Khóng land list. */
function anonymousUpward(s: StoryRound): void {
  const { cell, rng } = s;
  const givenOn = dayBetween(rng, `${YEAR}-05-10`, `${YEAR}-05-20`);
  const answeredAt = officeAt(rng, addDays(givenOn, rng.int(1, 3)));
  const spec = TEXTS.anonymousUpward;
  const createdAt = `${givenOn}T00:00:00.000Z`;
  addFeedback(s.b, { cell, rng, direction: 'upward', giverKey: null, receiverKey: null, anonymous: true, spec, meeting: null, givenOn, createdAt, outcome: 'accepted', answeredAt });
}

/** A meeting after April: the pairs of its minutes, and two or three more, the quietest first. */
function afterAprilMeeting(s: StoryRound, m: DemoMeeting): void {
  const { b, cell, rng } = s;
  let at = minutesFeedback(b, cell, m, rng, TEXTS.ordinaryAspects, 35);
  countMeetingGivers(s, m);
  const here = presentAt(m);
  const n = rng.int(2, 3);
  const givers = [...here].sort((x, y) => timesSpoken(s, x) - timesSpoken(s, y) || x.localeCompare(y)).slice(0, n);
  for (const giver of givers) {
    const receiver = rng.pick(here.filter((k) => k !== giver));
    const spec = freshSpec(b, rng, cell, receiver, TEXTS.member);
    const createdAt = duringMeeting(m, at);
    at += rng.int(3, 6);
    const answer = rng.chance(0.85)
      ? { outcome: 'accepted' as const, answeredAt: plusMinutes(createdAt, rng.int(2, 4)) }
      : laterAnswer(rng, cell, m.date, createdAt, 0.6, 0.1);
    addFeedback(b, { cell, rng, direction: 'member_to_member', giverKey: giver, receiverKey: receiver, spec, meeting: m, givenOn: m.date, createdAt, ...answer });
    spoke(s, giver);
  }
}

/** Every other cell: the pairs its minutes name, and feedback outside meetings at the cell's own pace. */
export function ordinaryFeedback(b: Builder, cell: Cell): void {
  const rng = new Rng(hashSeed(`feedback/${cell.unit.key}`));
  for (const m of cell.meetings) minutesFeedback(b, cell, m, rng, TEXTS.ordinaryAspects, rng.int(30, 60));

  const outside = (giver: string | null, direction: FeedbackDirection, receiver: string | null, spec: FeedbackText, givenOn: string) => {
    const createdAt = cell.village ? eveningAt(rng, givenOn) : officeAt(rng, givenOn);
    const answer = laterAnswer(rng, cell, givenOn, createdAt, direction === 'upward' ? 0.3 : 0.12, cell.low ? 0.25 : 0.04);
    addFeedback(b, { cell, rng, direction, giverKey: giver, receiverKey: receiver, spec, meeting: null, givenOn, createdAt, ...answer });
  };

  // Members who named their reluctance to criticise mostly act on it (the low cells less often).
  for (const item of b.pending.filter((p) => p.cell === cell && p.kind === 'reluctant' && p.sourceKind === 'self_examination')) {
    const r = rng.float();
    const act = cell.low ? 0.3 : 0.78;
    if (r >= act + 0.08) continue;
    const from = addDays(item.createdOn, 10);
    const givenOn = r < act ? workingDay(rng, cell, from, maxDate(from, addDays(item.deadline, -5))) : workingDay(rng, cell, addDays(item.deadline, 5), YEAR_END);
    if (givenOn > `${YEAR}-12-28`) continue;
    const receiver = pickOther(rng, cell, item.memberKey, givenOn);
    if (receiver) outside(item.memberKey, 'member_to_member', receiver, freshSpec(b, rng, cell, receiver, TEXTS.member), givenOn);
  }

  // Feedback at the cell's own pace through the year.
  const pace = cell.low ? rng.int(0, 1) : Math.round(cell.members.length * (0.15 + rng.float() * 0.4));
  for (let i = 0; i < pace; i++) {
    const givenOn = workingDay(rng, cell, `${YEAR}-01-10`, `${YEAR}-12-28`);
    const giver = pickOther(rng, cell, '', givenOn);
    const receiver = giver ? pickOther(rng, cell, giver, givenOn) : null;
    if (giver && receiver) outside(giver, 'member_to_member', receiver, freshSpec(b, rng, cell, receiver, TEXTS.member), givenOn);
  }
  // A word from the cell committee to a member, now and then.
  if (!cell.low && rng.chance(0.4)) {
    const givenOn = workingDay(rng, cell, `${YEAR}-02-01`, `${YEAR}-11-30`);
    const receiver = pickOther(rng, cell, cell.secretary, givenOn);
    if (receiver) outside(null, 'cell_to_member', receiver, freshSpec(b, rng, cell, receiver, TEXTS.cell), givenOn);
  }
  // Upward feedback to the secretary or the whole committee, in some cells.
  if (!cell.low && rng.chance(0.35)) {
    for (const spec of rng.sample(TEXTS.upward, rng.int(1, 2))) {
      const givenOn = workingDay(rng, cell, `${YEAR}-02-01`, `${YEAR}-11-30`);
      const giver = pickOther(rng, cell, cell.secretary, givenOn);
      if (giver) outside(giver, 'upward', rng.chance(0.5) ? cell.secretary : null, spec, givenOn);
    }
  }
}
