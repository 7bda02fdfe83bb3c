/**
 * The self-examinations of the demo's 2022: who opened, wrote and submitted theirs and when, the
 * shortcomings each named (from their own record where it tells: late arrivals, late tasks), the
 * marks against the checklist that agree with them, and the correction items submitting creates.
 */
import type { DemoMember } from './commune.js';
import { addDays, YEAR_END, type CellInfo } from './meetings.js';
import { hashSeed, Rng } from './random.js';
import { readStory } from './story.js';
import {
  dayBetween,
  eveningAt,
  EXEMPLARY_CODES,
  fillText,
  MANIFESTATION_CODES,
  minDate,
  monthEndAfter,
  NQ4_DIRECTIVE,
  officeAt,
  recordOf,
  shown,
  stripDot,
  verifierOf,
  withYear,
  YEAR,
  type Builder,
  type Cell,
  type Context,
  type Kind,
  type MemberRecord,
} from './self-examination-context.js';
import type { DemoAnswer, DemoFollowup, DemoSelfExamination, DemoShortcoming } from './self-examination.js';
import type { CauseKind, ExemplaryMark, ManifestationMark } from '../shared/enums.js';

/** A shortcoming as members write it, with the correction they propose for it. */
interface ShortcomingText {
  text: string;
  causeKind: CauseKind;
  cause: string;
  action: string;
  /** The success criteria; `{han}` is the deadline (dd/mm/yyyy). */
  success: string;
  /** Months from the day it was written to the deadline (the month's last day). */
  months: readonly [number, number];
}

/** What was done about a shortcoming of the year before (kiểm điểm), which has no demo record. */
interface LastYearFollowup {
  shortcoming: string;
  result: string;
}

/** The shortcomings judged on the record or drawn, each written the same way in every cell. */
type WrittenKind = Exclude<Kind, 'service' | 'feedback'>;

/** src/demo/story/self-examination-shortcomings.json: what members write in their self-examinations. */
interface ShortcomingStory {
  byKind: Record<WrittenKind, ShortcomingText>;
  /** Shortcomings in serving people and in the work itself, by kind of cell. */
  service: Record<CellInfo['type'], ShortcomingText>;
  /** Đồng Thứ's own words, over the common ones: the article's cell names what its record shows. */
  dongThu: {
    /** `{so_lan}`: how many times the member arrived late before writing. */
    late: Pick<ShortcomingText, 'text' | 'cause'>;
    reluctant: Pick<ShortcomingText, 'text' | 'cause' | 'success'>;
    vague: Pick<ShortcomingText, 'cause'>;
  };
  /** Village cells' own cause for reluctance to criticise. */
  village: { reluctant: Pick<ShortcomingText, 'cause'> };
  /** Kiểm điểm of the year before: what members say about it in their self-examination. */
  lastYear: readonly LastYearFollowup[];
  /** The same for a member of Đồng Thứ who was late before writing. */
  lastYearLate: LastYearFollowup;
  /** Strengths (ưu điểm); `{don_vi}` is an office cell's workplace. */
  strengths: { common: readonly string[]; village: readonly string[]; office: readonly string[] };
  /** The note beside a mark that is not the best one, by item code. */
  markNotes: Record<string, readonly string[]>;
  markNoteDefault: string;
}

const TEXTS = withYear(readStory<ShortcomingStory>('self-examination-shortcomings'), YEAR);

/** Items a member may mark "at risk" without a shortcoming of their own naming it, with how often. */
const BACKGROUND_RISK: readonly (readonly [string, number])[] = [
  ['CT3', 0.05],
  ['CT4', 0.03],
  ['CT5', 0.06],
  ['CT6', 0.02],
  ['CT9', 0.01],
  ['DD3', 0.03],
  ['DD7', 0.02],
  ['DD9', 0.01],
];

// ---------------------------------------------------------------------------
// Self-examinations
// ---------------------------------------------------------------------------

type Participation = 'none' | 'draft' | 'submitted' | 'reviewed';

function participation(rng: Rng, cell: Cell): Participation {
  if (cell.story) return 'reviewed';
  const r = rng.float();
  if (cell.low) return r < 0.3 ? 'none' : r < 0.58 ? 'draft' : r < 0.75 ? 'submitted' : 'reviewed';
  return r < 0.03 ? 'none' : r < 0.08 ? 'draft' : r < 0.11 ? 'submitted' : 'reviewed';
}

interface Chosen {
  kind: Kind;
  text: ShortcomingText;
}

/** The shortcomings a member names, from their record and their cell. */
function chooseShortcomings(rng: Rng, ctx: Context, cell: Cell, m: DemoMember, writtenOn: string): Chosen[] {
  const rec = recordOf(ctx, m.key);
  const lateBefore = rec.lateDates.filter((d) => d < writtenOn).length;
  if (cell.story) return dongThuShortcomings(rng, rec, lateBefore);
  return ordinaryShortcomings(rng, cell, lateBefore, rec.lateDates.length);
}

/** Đồng Thứ, after the directive on Nghị quyết T.Ư 4: late arrivals, reluctance to criticise and vague tasks, as the record shows. */
function dongThuShortcomings(rng: Rng, rec: MemberRecord, lateBefore: number): Chosen[] {
  const { late, reluctant, vague, study, example } = TEXTS.byKind;
  const own = TEXTS.dongThu;
  const out: Chosen[] = [];
  const q1Tasks = rec.tasks.filter((t) => t.deadline < `${YEAR}-05-01`);
  if (lateBefore > 0) out.push({ kind: 'late', text: { ...late, ...own.late, text: fillText(own.late.text, { so_lan: lateBefore }) } });
  if (rng.chance(0.85)) out.push({ kind: 'reluctant', text: { ...reluctant, ...own.reluctant } });
  if ((q1Tasks.length > 0 && rng.chance(0.7)) || rng.chance(0.15)) out.push({ kind: 'vague', text: { ...vague, ...own.vague } });
  if (out.length < 3 && rng.chance(0.25)) out.push(rng.chance(0.5) ? { kind: 'study', text: study } : { kind: 'example', text: example });
  if (out.length === 0) out.push({ kind: 'reluctant', text: { ...reluctant, cause: own.reluctant.cause } });
  return out.slice(0, 3);
}

/** Every other cell: two or three shortcomings drawn, late arrivals only for those the record shows late. */
function ordinaryShortcomings(rng: Rng, cell: Cell, lateBefore: number, lateYear: number): Chosen[] {
  const { late, reluctant, vague, study, example, residence, speech } = TEXTS.byKind;
  const village = cell.village;
  const service = TEXTS.service[cell.info.type];
  const candidates: [Chosen, number][] = [
    [{ kind: 'late', text: late }, lateYear >= 2 || lateBefore >= 1 ? 0.6 : 0],
    [{ kind: 'reluctant', text: village ? { ...reluctant, ...TEXTS.village.reluctant } : reluctant }, 0.3],
    [{ kind: 'vague', text: vague }, 0.12],
    [{ kind: 'study', text: study }, 0.22],
    [{ kind: 'service', text: service }, village ? 0.1 : 0.25],
    [{ kind: 'example', text: example }, village ? 0.15 : 0],
    [{ kind: 'residence', text: residence }, village ? 0 : 0.12],
    [{ kind: 'speech', text: speech }, 0.04],
  ];
  const out: Chosen[] = [];
  for (const [c, p] of candidates) if (rng.chance(p)) out.push(c);
  if (out.length === 0) out.push(rng.chance(0.5) ? { kind: 'study', text: study } : { kind: 'service', text: service });
  return rng.shuffle(out).slice(0, rng.chance(0.7) ? 2 : 3);
}

/** The answers of a member's self-examination, consistent with the shortcomings they name. */
function marksFor(rng: Rng, ctx: Context, cell: Cell, m: DemoMember, chosen: readonly Chosen[], writtenOn: string): DemoAnswer[] {
  return answersFor(rng, worstMarks(rng, ctx, cell, m, chosen, writtenOn));
}

/** The marks other than the best one, by item code: a little background risk, and what the shortcomings named imply. */
function worstMarks(rng: Rng, ctx: Context, cell: Cell, m: DemoMember, chosen: readonly Chosen[], writtenOn: string): Map<string, ManifestationMark | ExemplaryMark> {
  const kinds = new Set(chosen.map((c) => c.kind));
  const lateBefore = recordOf(ctx, m.key).lateDates.filter((d) => d < writtenOn).length;
  const marks = new Map<string, ManifestationMark | ExemplaryMark>();
  const worse = (code: string, mark: ManifestationMark | ExemplaryMark) => {
    const order = ['none', 'good', 'at_risk', 'limited', 'present', 'not_met'];
    const now = marks.get(code);
    if (!now || order.indexOf(mark) > order.indexOf(now)) marks.set(code, mark);
  };
  for (const [code, p] of BACKGROUND_RISK) if (rng.chance(cell.story && (code === 'CT4' || code === 'CT5') ? p * 6 : p)) worse(code, 'at_risk');
  if (kinds.has('late')) {
    worse('CT4', lateBefore >= 3 && rng.chance(0.5) ? 'present' : 'at_risk');
    worse('NG5', lateBefore >= 4 && rng.chance(0.35) ? 'not_met' : 'limited');
  } else if (lateBefore > 0 || (cell.story && rng.chance(0.2))) worse('NG5', 'limited');
  if (kinds.has('reluctant')) {
    worse('CT5', cell.story && rng.chance(0.35) ? 'present' : 'at_risk');
    worse('NG7', 'limited');
  } else if (cell.story && rng.chance(0.4)) worse('CT5', 'at_risk');
  if (kinds.has('vague')) {
    worse('CT4', 'at_risk');
    worse('NG6', 'limited');
  }
  if (kinds.has('study')) {
    worse('CT3', 'at_risk');
    worse('NG8', 'limited');
  }
  if (kinds.has('example')) worse('NG10', 'limited');
  if (kinds.has('service')) {
    if (cell.info.type === 'village' || cell.info.type === 'people_committee' || cell.info.type === 'health' || cell.info.type === 'police') worse('DD3', 'at_risk');
    worse(rng.chance(0.5) ? 'NG9' : 'NG6', 'limited');
  }
  if (kinds.has('residence')) worse('NG9', 'limited');
  if (kinds.has('speech')) worse('CT7', 'at_risk');
  for (const code of ['NG6', 'NG8', 'NG9']) if (rng.chance(0.03)) worse(code, 'limited');
  return marks;
}

/** Every checklist item answered (the 27 manifestations, then the exemplary points), a note beside each mark that is not the best. */
function answersFor(rng: Rng, marks: ReadonlyMap<string, ManifestationMark | ExemplaryMark>): DemoAnswer[] {
  const answers: DemoAnswer[] = [];
  for (const code of MANIFESTATION_CODES) {
    const mark = (marks.get(code) as ManifestationMark | undefined) ?? 'none';
    answers.push({ code, mark, note: mark === 'none' ? null : rng.pick(TEXTS.markNotes[code] ?? [TEXTS.markNoteDefault]) });
  }
  for (const code of EXEMPLARY_CODES) {
    const mark = (marks.get(code) as ExemplaryMark | undefined) ?? 'good';
    answers.push({ code, mark, note: mark === 'good' ? null : rng.pick(TEXTS.markNotes[code] ?? [TEXTS.markNoteDefault]) });
  }
  return answers;
}

/** The strengths (ưu điểm) a member writes: two or three common ones and one of their cell's kind. */
function strengthsFor(rng: Rng, cell: Cell): string {
  const own = (cell.village ? TEXTS.strengths.village : TEXTS.strengths.office).map((s) => fillText(s, { don_vi: cell.info.where }));
  return [...rng.sample(TEXTS.strengths.common, rng.int(2, 3)), rng.pick(own)].join(' ');
}

/** What a member wrote in their year's self-examination, and when, before it is saved. */
interface Written {
  key: string;
  cell: Cell;
  member: DemoMember;
  createdOn: string;
  /** Null for a draft. */
  submittedOn: string | null;
  chosen: Chosen[];
  answers: DemoAnswer[];
  strengths: string;
  shortcomings: DemoShortcoming[];
  followups: DemoFollowup[];
  /** An instant on a day, at the hours the member writes (evenings in villages, office hours elsewhere). */
  at: (date: string) => string;
}

/** Every member's 2022 self-examination in a cell (or none), and the correction items the submitted ones create. */
export function buildExams(b: Builder, cell: Cell): void {
  for (const m of cell.members) {
    const rng = new Rng(hashSeed(`self-exam/${m.key}`));
    const level = participation(rng, cell);
    if (level === 'none') continue;
    const w = writeExam(rng, b.ctx, cell, m, level);
    if (level === 'draft') {
      b.exams.push(draftExam(rng, w));
      continue;
    }
    const exam = submittedExam(rng, w, level);
    b.exams.push(exam);
    queueExamItems(b, w, exam);
  }
}

/** The days a self-examination was opened and submitted, and what the member wrote in it. */
function writeExam(rng: Rng, ctx: Context, cell: Cell, m: DemoMember, level: Exclude<Participation, 'none'>): Written {
  const joinedThisYear = m.joinedOn >= `${YEAR}-01-01`;
  // Opened with the year's pledge (Đồng Thứ: after the directive on Nghị quyết T.Ư 4), or soon after joining.
  const createdOn = joinedThisYear
    ? addDays(m.joinedOn, rng.int(7, 20))
    : cell.story
      ? dayBetween(rng, addDays(NQ4_DIRECTIVE, 1), `${YEAR}-03-24`)
      : dayBetween(rng, `${YEAR}-01-10`, `${YEAR}-02-25`);
  const at = (date: string) => (cell.village ? eveningAt(rng, date) : officeAt(rng, date));
  const key = `${m.key}/Y${YEAR}`;
  const submittedOn =
    level === 'draft'
      ? null
      : cell.story && !joinedThisYear
        ? dayBetween(rng, addDays(createdOn, 3), `${YEAR}-04-06`)
        : minDate(addDays(createdOn, rng.chance(0.9) ? rng.int(3, 21) : rng.int(40, 120)), `${YEAR}-11-30`);
  const writtenOn = submittedOn ?? createdOn;
  const chosen = chooseShortcomings(rng, ctx, cell, m, writtenOn);
  const answers = marksFor(rng, ctx, cell, m, chosen, writtenOn);
  const strengths = strengthsFor(rng, cell);
  const shortcomings = proposedCorrections(rng, key, chosen, writtenOn);
  const lateBefore = recordOf(ctx, m.key).lateDates.some((d) => d < writtenOn);
  const followups = joinedThisYear ? [] : lastYearFollowups(rng, cell, key, lateBefore);
  return { key, cell, member: m, createdOn, submittedOn, chosen, answers, strengths, shortcomings, followups, at };
}

/** Each named shortcoming with the correction proposed for it, due within the year. */
function proposedCorrections(rng: Rng, key: string, chosen: readonly Chosen[], writtenOn: string): DemoShortcoming[] {
  return chosen.map((c, i) => {
    const deadline = minDate(monthEndAfter(writtenOn, rng.int(c.text.months[0], c.text.months[1])), YEAR_END);
    return {
      key: `${key}/s${i + 1}`,
      text: c.text.text,
      causeKind: c.text.causeKind,
      cause: c.text.cause,
      plan: { action: c.text.action, deadline, successCriteria: fillText(c.text.success, { han: shown(deadline) }) },
    };
  });
}

/** What some members say about last year's kiểm điểm; Đồng Thứ's late members own up to it. */
function lastYearFollowups(rng: Rng, cell: Cell, key: string, lateBefore: boolean): DemoFollowup[] {
  if (!(cell.story ? lateBefore || rng.chance(0.3) : rng.chance(0.35))) return [];
  const f = cell.story && lateBefore ? TEXTS.lastYearLate : rng.pick(TEXTS.lastYear);
  return [{ key: `${key}/f1`, planItemKey: null, shortcoming: f.shortcoming, status: null, result: f.result }];
}

/** The fields every self-examination of the year begins with. */
function examHeading(w: Written): Pick<DemoSelfExamination, 'key' | 'cellKey' | 'memberKey' | 'periodKind' | 'year' | 'quarter'> {
  return { key: w.key, cellKey: w.cell.unit.key, memberKey: w.member.key, periodKind: 'year', year: YEAR, quarter: null };
}

/** A self-examination left half-written: some items marked, a shortcoming begun. */
function draftExam(rng: Rng, w: Written): DemoSelfExamination {
  const marked = rng.int(0, w.answers.length);
  const updatedOn = minDate(addDays(w.createdOn, rng.int(0, 40)), YEAR_END);
  const begun = rng.chance(0.5) ? w.shortcomings.slice(0, 1).map((s) => ({ ...s, plan: rng.chance(0.5) ? null : { ...s.plan!, successCriteria: '' } })) : [];
  return {
    ...examHeading(w),
    status: 'draft',
    strengths: rng.chance(0.5) ? w.strengths : '',
    answers: w.answers.slice(0, marked),
    shortcomings: begun,
    followups: [],
    revision: rng.int(1, 6),
    createdAt: w.at(w.createdOn),
    updatedAt: w.at(updatedOn),
    submittedAt: null,
    reviewedAt: null,
    reviewedByKey: null,
    reviewComment: null,
  };
}

/** A submitted self-examination, reviewed in December for most; the comment is written once the year's items are judged. */
function submittedExam(rng: Rng, w: Written, level: 'submitted' | 'reviewed'): DemoSelfExamination {
  const submittedAt = w.at(w.submittedOn!);
  const reviewedOn = level === 'reviewed' ? dayBetween(rng, `${YEAR}-12-12`, `${YEAR}-12-28`) : null;
  const exam: DemoSelfExamination = {
    ...examHeading(w),
    status: level,
    strengths: w.strengths,
    answers: w.answers,
    shortcomings: w.shortcomings,
    followups: w.followups,
    revision: rng.int(4, 16),
    createdAt: w.at(w.createdOn),
    updatedAt: submittedAt,
    submittedAt,
    reviewedAt: reviewedOn ? officeAt(rng, reviewedOn) : null,
    reviewedByKey: reviewedOn ? verifierOf(w.cell, w.member.key) : null,
    reviewComment: null,
  };
  if (exam.reviewedAt) exam.updatedAt = exam.reviewedAt;
  return exam;
}

/** Submitting turns each proposed correction into an item of the year's plan. */
function queueExamItems(b: Builder, w: Written, exam: DemoSelfExamination): void {
  w.shortcomings.forEach((s, i) => {
    b.pending.push({
      key: `${w.key}/item${i + 1}`,
      cell: w.cell,
      memberKey: w.member.key,
      year: YEAR,
      kind: w.chosen[i]!.kind,
      shortcoming: stripDot(s.text),
      action: s.plan!.action,
      successCriteria: s.plan!.successCriteria,
      deadline: s.plan!.deadline!,
      sourceKind: 'self_examination',
      selfExamKey: w.key,
      feedbackKey: null,
      topic: null,
      createdAt: exam.submittedAt!,
      createdOn: w.submittedOn!,
      until: YEAR_END,
    });
  });
}
