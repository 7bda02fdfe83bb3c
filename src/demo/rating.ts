/**
 * The yearly review and rating (kiểm điểm, đánh giá, xếp loại) of the demo commune. 2022, the
 * article's year: the committee opened the period in December; every member wrote and submitted a
 * self-review before their cell's December meeting, where the cell commented and voted (counts
 * typed in; Đồng Thứ by secret ballot); the committee rated the cells, then the members, within
 * the quota, and closed the period. Consistent with
 * the story and with the year's own records: Đồng Thứ's members who came late in the first
 * quarter say so and are not rated excellent; the member reprimanded after the UBKT's inspection
 * is capped at the lowest level; whoever finished a task late, and every cell where one ran late
 * (Đồng Thứ's first quarter among them), is rated "Hoàn thành nhiệm vụ" and says why; Lưu Quang's
 * cell is rated on its work on Nghị quyết Trung ương 4. The present: this year's
 * period open, the self-reviews due in a few days, part of Đồng Thứ submitted, the demo member
 * still writing.
 *
 * Pure and deterministic: no I/O, no ids, no level codes. Levels are ranks in the rule set's
 * order (0 the best); step codes come from the rule set; the words are in story/rating.json.
 */
import type { DemoCommune, DemoMember, DemoUnit } from './commune.js';
import type { DemoMeeting } from './meetings.js';
import { Rng, hashSeed } from './random.js';
import { readStory } from './story.js';
import { addDays } from './meetings.js';
import { maxDate, minDate } from './present-window.js';
import { lateMinutes, meetingStartsAt } from '../domain/attendance.js';
import { excellentQuota, proposedLevel, type RatingGroup } from '../domain/rating.js';

/** The ranks of the four levels, best first, as the rule set orders them. */
export const STANDINGS = ['excellent', 'good', 'fair', 'failed'] as const;
export type Standing = (typeof STANDINGS)[number];
export const rankOf = (s: Standing): number => STANDINGS.indexOf(s);

export const RATING_YEAR = 2022;
const DONG_THU = 'cell-dong-thu';
const LUU_QUANG = 'cell-luu-quang';

export interface DemoReviewText {
  strengths: string;
  shortcomings: string;
  causes: string;
  previousFixes: string;
  remedies: string;
}

export interface DemoMemberReview {
  memberKey: string;
  cellKey: string;
  standing: Standing;
  /** Came late to Đồng Thứ's meetings in the first quarter of 2022. */
  latecomer: boolean;
  /** Reprimanded (or otherwise disciplined) in the year. */
  disciplined: boolean;
  /** Finished a task of the year after its deadline. */
  lateTask: boolean;
  score: number;
  text: DemoReviewText;
  submittedOn: string;
  /** What the cell said of them at the review meeting. */
  comments: string;
}

export interface DemoCollectiveReview {
  cellKey: string;
  standing: Standing;
  score: number;
  text: DemoReviewText;
  submittedOn: string;
}

export interface DemoRatingYear {
  year: number;
  openedOn: string;
  steps: { code: string; dueOn: string }[];
  members: DemoMemberReview[];
  collectives: DemoCollectiveReview[];
  /** Each cell's review meeting: its December regular meeting. */
  meetingOf: Map<string, string>;
  /** The cell that votes by secret ballot (the others type in a show of hands' counts): Đồng Thứ. */
  ballotCellKey: string;
  /** The committee rates the cells, then the members. */
  decidedOn: { collective: string; individual: string };
}

export interface DemoRatingPresent {
  year: number;
  /** The cell under way: Đồng Thứ. */
  cellKey: string;
  openedOn: string;
  steps: { code: string; dueOn: string }[];
  /** Đồng Thứ's members who have submitted. */
  submitted: DemoMemberReview[];
  /** The demo member's self-review, half written: some text, some points, no level yet. */
  draft: { memberKey: string; text: DemoReviewText; scoredGroups: number };
}

interface RatingStory {
  member: {
    strengths: Record<Standing, string[]>;
    shortcomings: Record<Standing | 'latecomer' | 'lateTask', string[]>;
    causes: Record<'ordinary' | 'latecomer' | 'failed', string[]>;
    previousFixes: Record<'ordinary' | 'latecomer' | 'failed', string[]>;
    remedies: Record<'ordinary' | 'latecomer' | 'failed', string[]>;
  };
  cellComments: Record<Standing | 'latecomer' | 'lateTask', string[]>;
  collective: {
    strengths: string[];
    luuQuang: string;
    dongThu: string;
    shortcomings: string[];
    /** A cell where some of the year's work ran late. */
    lateTasks: string;
    dongThuShortcomings: string;
    causes: string[];
    previousFixes: string[];
    remedies: string[];
  };
  quotaReason: string;
  present: { draft: { strengths: string; shortcomings: string } };
}

export const RATING_STORY = readStory<RatingStory>('rating');

/** What the builders read of the rule set: the levels' thresholds (best first), the top score, the steps' order. */
export interface DemoRatingRules {
  levels: readonly { minScore: number }[];
  scoreMax: number;
  reviewSteps: readonly { code: string }[];
}

/**
 * The points a level's reviews are drawn from: a little below the next level's threshold (or the
 * top) down to the level's own threshold, at most 16 points wide, so every score lies in its level.
 */
export function scoreBand(rules: Pick<DemoRatingRules, 'levels' | 'scoreMax'>, rank: number): [number, number] {
  const upper = rank === 0 ? rules.scoreMax - 4 : rules.levels[rank - 1]!.minScore - 2;
  return [Math.max(rules.levels[rank]!.minScore, upper - 16), upper];
}

export function scoreIn(rng: Rng, rules: Pick<DemoRatingRules, 'levels' | 'scoreMax'>, standing: Standing): number {
  const [min, max] = scoreBand(rules, rankOf(standing));
  return rng.int(min * 2, max * 2) / 2;
}

/**
 * The points per criterion adding up to `score`: each group its share by its maximum, split evenly
 * (in halves) among its criteria, none over its bound.
 */
export function spreadPoints(groups: readonly RatingGroup[], score: number): Record<string, number> {
  const total = groups.reduce((s, g) => s + g.max, 0);
  const out: Record<string, number> = {};
  let left = score;
  groups.forEach((g, gi) => {
    const share = Math.min(g.max, gi === groups.length - 1 ? left : Math.round(((score * g.max) / total) * 2) / 2);
    left -= share;
    let rest = share;
    g.criteria.forEach((c, ci) => {
      const even = ci === g.criteria.length - 1 ? rest : Math.floor((share / g.criteria.length) * 2) / 2;
      const p = Math.min(c.max ?? g.max, even);
      out[c.code] = p;
      rest -= p;
    });
  });
  return out;
}

/** Phrases drawn for a text: `n` distinct ones, joined. */
const phrases = (rng: Rng, list: readonly string[], n: number): string => rng.sample(list, n).join(' ');

/** What a member's year holds that their review must speak of. */
export interface MemberSituation {
  latecomer: boolean;
  disciplined: boolean;
  lateTask: boolean;
}

/** The self-review's words for a member's situation. */
export function memberText(rng: Rng, standing: Standing, situation: MemberSituation): DemoReviewText {
  const m = RATING_STORY.member;
  const kind = situation.disciplined ? 'failed' : situation.latecomer ? 'latecomer' : 'ordinary';
  const own = situation.disciplined ? [] : [...(situation.latecomer ? [rng.pick(m.shortcomings.latecomer)] : []), ...(situation.lateTask ? [rng.pick(m.shortcomings.lateTask)] : [])];
  return {
    strengths: phrases(rng, m.strengths[standing], 2),
    shortcomings: own.length > 0 ? [...own, rng.pick(m.shortcomings[standing])].join(' ') : phrases(rng, m.shortcomings[standing], standing === 'failed' ? 2 : 1),
    causes: rng.pick(m.causes[kind]),
    previousFixes: rng.pick(m.previousFixes[kind]),
    remedies: kind === 'ordinary' ? phrases(rng, m.remedies.ordinary, 2) : `${rng.pick(m.remedies[kind])} ${rng.pick(m.remedies.ordinary)}`,
  };
}

/** The steps of the rule set dated from `first`, each `gaps[i]` days after the one before (the last gap repeats). */
export function datedSteps(codes: readonly string[], first: string, gaps: readonly number[]): { code: string; dueOn: string }[] {
  let on = first;
  return codes.map((code, i) => {
    if (i > 0) on = addDays(on, gaps[Math.min(i - 1, gaps.length - 1)]!);
    return { code, dueOn: on };
  });
}

/** Members of Đồng Thứ who came late to any of its meetings of the first quarter of 2022. */
export function firstQuarterLatecomers(meetings: readonly DemoMeeting[]): Set<string> {
  const late = new Set<string>();
  for (const m of meetings) {
    if (m.cellKey !== DONG_THU || m.date >= `${RATING_YEAR}-04-01` || m.date < `${RATING_YEAR}-01-01`) continue;
    const startsAt = meetingStartsAt(m.date, m.startTime);
    for (const a of m.attendance) if (a.role === 'member' && a.arrivedAt && lateMinutes(startsAt, a.arrivedAt, 0) > 0) late.add(a.memberKey);
  }
  return late;
}

/**
 * A member's standing before the quota: the story's cases fixed (disciplined the lowest; a task
 * finished late, or came late to many of Đồng Thứ's first meetings, "Hoàn thành nhiệm vụ"; a few
 * latecomers "Hoàn thành tốt"), the others drawn.
 */
function standingOf(rng: Rng, m: DemoMember, situation: MemberSituation, lateTimes: number): Standing {
  if (situation.disciplined) return 'failed';
  if (situation.lateTask) return 'fair';
  if (situation.latecomer) return lateTimes >= 3 ? 'fair' : 'good';
  // Cells propose many for "xuất sắc": those the evidence allows (all on time, 30 % beyond what was
  // asked, shortcomings fixed) stay, and the committee takes the quota's surplus one level down.
  return rng.weighted<Standing>([
    ['excellent', m.status === 'official' ? 70 : 12],
    ['good', 26],
    ['fair', 4],
  ]);
}

/**
 * The best-ranked reviews over the quota, lowest points first: those the committee rates one level
 * down (excellent ≤ ⌊percent × good⌋, counted over the whole organisation).
 */
export function overQuota<T extends { rank: number; score: number }>(reviews: readonly T[], percentOfGood: number): T[] {
  const excellent = reviews.filter((r) => r.rank === 0).sort((a, b) => a.score - b.score);
  let good = reviews.filter((r) => r.rank === 1).length;
  const out: T[] = [];
  while (excellent.length - out.length > excellentQuota(good, percentOfGood)) {
    out.push(excellent[out.length]!);
    good++;
  }
  return out;
}

/**
 * The counts a cell's vote gives a level: most of the official members present vote for it, a few
 * one level better or worse; checked against the rule that reads them, so the vote proposes it.
 */
export function voteCounts(rng: Rng, levels: readonly { code: string }[], rank: number, denominator: number, rule: { majority: number; cumulative: boolean }): Record<string, number> {
  const present = denominator - rng.int(0, Math.floor(denominator * 0.15));
  const aside = rng.int(0, Math.min(2, Math.floor(present * 0.1)));
  const other = rank > 0 && rng.chance(0.5) ? rank - 1 : Math.min(levels.length - 1, rank + 1);
  const counts: Record<string, number> = { [levels[rank]!.code]: present - (other === rank ? 0 : aside) };
  if (other !== rank && aside > 0) counts[levels[other]!.code] = aside;
  const proposed = proposedLevel(levels, counts, { majority: rule.majority, cumulative: rule.cumulative, denominator });
  return proposed === levels[rank]!.code ? counts : { [levels[rank]!.code]: present };
}

/** The cell's comment on a member's review. */
export function cellComment(rng: Rng, r: Pick<DemoMemberReview, 'standing' | 'latecomer' | 'disciplined' | 'lateTask'>): string {
  const c = RATING_STORY.cellComments;
  return rng.pick(r.disciplined ? c[r.standing] : r.latecomer ? c.latecomer : r.lateTask ? c.lateTask : c[r.standing]);
}

/** The December meeting of each cell (its review meeting) in 2022. */
function decemberMeetings(meetings: readonly DemoMeeting[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of meetings) if (m.kind === 'regular' && m.date.startsWith(`${RATING_YEAR}-12`)) out.set(m.cellKey, m.date);
  return out;
}

/**
 * The collective report of a cell (Mẫu 01): Lưu Quang on Nghị quyết Trung ương 4, Đồng Thứ on its
 * first quarter; a cell where work ran late (`lateTasks`) "Hoàn thành nhiệm vụ", saying so.
 */
function collectiveOf(rng: Rng, rules: DemoRatingRules, cell: DemoUnit, lateTasks: boolean, submittedOn: string): DemoCollectiveReview {
  const c = RATING_STORY.collective;
  // As for members, a cell proposed "xuất sắc" keeps it only where its year's evidence allows.
  const standing: Standing = lateTasks ? 'fair' : cell.key === LUU_QUANG ? 'excellent' : rng.weighted<Standing>([['excellent', 6], ['good', 4]]);
  const own = cell.key === LUU_QUANG ? c.luuQuang : cell.key === DONG_THU ? c.dongThu : null;
  return {
    cellKey: cell.key,
    standing,
    score: scoreIn(rng, rules, standing),
    submittedOn,
    text: {
      strengths: [own, ...rng.sample(c.strengths, own ? 1 : 2)].filter(Boolean).join(' '),
      shortcomings: cell.key === DONG_THU ? c.dongThuShortcomings : lateTasks ? `${c.lateTasks} ${rng.pick(c.shortcomings)}` : rng.pick(c.shortcomings),
      causes: rng.pick(c.causes),
      previousFixes: rng.pick(c.previousFixes),
      remedies: phrases(rng, c.remedies, standing === 'excellent' ? 1 : 2),
    },
  };
}

/** What of 2022's records the reviews answer to, by demo key. */
export interface DemoYearRecords {
  /** The members disciplined in the year (the inspection demo's reprimand). */
  disciplined: ReadonlySet<string>;
  /** The members who finished a task of the year after its deadline. */
  lateOwners: ReadonlySet<string>;
  /** The cells where a task of the year, anyone's in the cell, was finished late. */
  lateCells: ReadonlySet<string>;
}

/**
 * 2022: who is reviewed (the members who had joined by the year's end), their standing, points
 * and words, the cells' reports, and the dates, each answering to the year's `records`.
 */
export function buildDemoRating2022(demo: DemoCommune, meetings: readonly DemoMeeting[], records: DemoYearRecords, rules: DemoRatingRules): DemoRatingYear {
  const rng = new Rng(hashSeed('rating'));
  const late = firstQuarterLatecomers(meetings);
  const lateTimes = new Map<string, number>();
  for (const m of meetings) {
    if (m.cellKey !== DONG_THU || m.date >= `${RATING_YEAR}-04-01`) continue;
    for (const a of m.attendance) if (a.arrivedAt && lateMinutes(meetingStartsAt(m.date, m.startTime), a.arrivedAt, 0) > 0) lateTimes.set(a.memberKey, (lateTimes.get(a.memberKey) ?? 0) + 1);
  }
  const meetingOf = decemberMeetings(meetings);
  const openedOn = `${RATING_YEAR}-12-01`;
  const end = `${RATING_YEAR}-12-31`;
  const members: DemoMemberReview[] = [];
  const collectives: DemoCollectiveReview[] = [];
  for (const cell of demo.units.filter((u) => u.kind === 'cell')) {
    const meeting = meetingOf.get(cell.key);
    if (!meeting) throw new Error(`demo rating: ${cell.key} has no December ${RATING_YEAR} meeting`);
    const before = (d: number) => minDate(addDays(openedOn, d), addDays(meeting, -1));
    collectives.push(collectiveOf(rng, rules, cell, records.lateCells.has(cell.key), before(1)));
    for (const m of cell.members.filter((x) => x.joinedOn <= end)) {
      const situation: MemberSituation = { latecomer: late.has(m.key), disciplined: records.disciplined.has(m.key), lateTask: records.lateOwners.has(m.key) };
      const standing = standingOf(rng, m, situation, lateTimes.get(m.key) ?? 0);
      const review = { memberKey: m.key, cellKey: cell.key, standing, ...situation, score: scoreIn(rng, rules, standing), text: memberText(rng, standing, situation), submittedOn: before(rng.int(0, 1)), comments: '' };
      members.push({ ...review, comments: cellComment(rng, review) });
    }
  }
  const steps = datedSteps(rules.reviewSteps.map((x) => x.code), `${RATING_YEAR}-12-02`, [8, 4, 6, 3, 5]);
  const due = new Map(steps.map((s, i) => [i, s.dueOn]));
  return { year: RATING_YEAR, openedOn, steps, members, collectives, meetingOf, ballotCellKey: DONG_THU, decidedOn: { collective: due.get(3) ?? end, individual: due.get(4) ?? end } };
}

/**
 * This year's period as of `today`: opened a week ago (not before the year began), the
 * self-reviews due in four days; part of Đồng Thứ has submitted, the demo member (the cell's
 * account with no other role) is writing, the rest have not started.
 */
export function buildDemoRatingPresent(demo: DemoCommune, today: string, rules: DemoRatingRules): DemoRatingPresent {
  const year = Number(today.slice(0, 4));
  const rng = new Rng(hashSeed('rating-present', year));
  const openedOn = maxDate(addDays(today, -7), `${year}-01-01`);
  const cell = demo.units.find((u) => u.key === DONG_THU)!;
  const writer = demo.accounts.find((a) => a.roles.every((r) => r.role === 'member' && r.unitKey === DONG_THU))!.memberKey!;
  const others = cell.members.filter((m) => m.key !== writer);
  const submitted = rng.sample(others, Math.floor(others.length * 0.4)).map((m): DemoMemberReview => {
    const standing = rng.weighted<Standing>([['excellent', 2], ['good', 8], ['fair', 1]]);
    const situation: MemberSituation = { latecomer: false, disciplined: false, lateTask: false };
    const submittedOn = minDate(addDays(openedOn, rng.int(1, 7)), today);
    return { memberKey: m.key, cellKey: cell.key, standing, ...situation, score: scoreIn(rng, rules, standing), text: memberText(rng, standing, situation), submittedOn, comments: '' };
  });
  const draft = RATING_STORY.present.draft;
  return {
    year,
    cellKey: DONG_THU,
    openedOn,
    steps: datedSteps(rules.reviewSteps.map((x) => x.code), addDays(today, 4), [5, 3, 4, 3, 3]),
    submitted,
    draft: { memberKey: writer, text: { strengths: draft.strengths, shortcomings: draft.shortcomings, causes: '', previousFixes: '', remedies: '' }, scoredGroups: 1 },
  };
}

/** The official members of a cell on a day: the vote's denominator. */
export const officialCount = (cell: DemoUnit, on: string): number => cell.members.filter((m) => m.officialOn !== null && m.officialOn <= on && m.joinedOn <= on).length;
