/**
 * The 2022 programme of the commune's inspection committee (Ủy ban Kiểm tra Đảng ủy xã Minh Quang)
 * and its cases, consistent with the 2022 story: the thematic supervision of Chi bộ thôn Đồng Thứ
 * on its first-quarter meetings (members late, timid criticism, tasks without owners), whose
 * recommendations the cell carried out at its April 2022 meeting; the supervision of how Chi bộ
 * Lưu Quang carried out Nghị quyết Trung ương 4; the regular supervision of every cell; an
 * inspection of a member ending in a reprimand (khiển trách); a denunciation found unfounded.
 *
 * Pure and deterministic: no I/O, no ids. The rules (the kinds' steps and working-day limits, the
 * calendar of days off) are an input, read from the rule set the committee keeps: every step date
 * is laid out from them, and a pace the rules do not allow throws. The words are in
 * story/inspection.json.
 */
import type { DemoCommune, DemoMember, DemoUnit } from './commune.js';
import type { DemoMeeting, DemoTaskLife, DemoTaskProgress } from './meetings.js';
import type { InspectionKindRule } from '../domain/inspection.js';
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../domain/working-days.js';
import { addDays, displayDate } from '../domain/tasks.js';
import { joinFullName } from '../domain/vietnamese.js';
import { readStory } from './story.js';

// ---------------------------------------------------------------------------
// What the builders return
// ---------------------------------------------------------------------------

/** The part of the rule set the builders lay dates out with. */
export interface DemoInspectionRules {
  kinds: ReadonlyMap<string, InspectionKindRule>;
  calendar: WorkingCalendar;
}

/** A link from a step's notes to one of the subject cell's meetings (found by cell and day). */
export interface DemoEvidence {
  cellKey: string;
  date: string;
  label: string;
  note: string | null;
}

export interface DemoStep {
  code: string;
  on: string;
  note: string;
  documentNo: string | null;
  subjectComments: string | null;
  evidence: DemoEvidence[];
}

/** A recommendation (kiến nghị), followed up as a task of the subject cell owned by `ownerKey`. */
export interface DemoRecommendation {
  text: string;
  deadline: string;
  ownerKey: string;
  /** The task's life: the owner's reports and the committee's close (null: still open). */
  life: DemoTaskLife;
  reportedOn: string | null;
  reportNote: string | null;
  verifiedOn: string | null;
  verificationComment: string | null;
}

export interface DemoConclusion {
  on: string;
  documentNo: string | null;
  strengths: string;
  shortcomings: string;
  violations: string | null;
  causes: string;
  responsibility: string | null;
}

export interface DemoDiscipline {
  formCode: string;
  decisionNo: string;
  decidedOn: string;
  effectiveOn: string;
  reason: string;
}

export interface DemoCase {
  key: string;
  /** The programme item it carries out (DemoProgrammeItem.key), or null for a case that came in (a denunciation). */
  itemKey: string | null;
  kindCode: string;
  title: string;
  content: string;
  subjectCellKey: string;
  subjectMemberKey: string | null;
  reviewFrom: string;
  reviewTo: string;
  decisionNo: string | null;
  decidedOn: string;
  leadKey: string;
  teamKeys: string[];
  status: 'open' | 'concluded' | 'closed';
  /** When the subject was told: the notice step, else the conclusion. */
  notifiedOn: string | null;
  receivedOn: string | null;
  complainantName: string | null;
  verdict: 'founded' | 'partly_founded' | 'unfounded' | null;
  steps: DemoStep[];
  conclusion: DemoConclusion | null;
  recommendations: DemoRecommendation[];
  discipline: DemoDiscipline | null;
}

export interface DemoProgrammeItem {
  key: string;
  kindCode: string;
  subjectCellKey: string;
  subjectMemberKey: string | null;
  content: string;
  reviewFrom: string;
  reviewTo: string;
  plannedStart: string;
  plannedEnd: string;
  leadKey: string;
  teamKeys: string[];
}

export interface DemoProgramme {
  year: number;
  title: string;
  adoptedOn: string;
  items: DemoProgrammeItem[];
}

export interface DemoInspectionData {
  programmes: DemoProgramme[];
  cases: DemoCase[];
}

// ---------------------------------------------------------------------------
// The story's words
// ---------------------------------------------------------------------------

interface CaseText {
  content: string;
  pace?: number[];
  steps: Record<string, string>;
  subjectComments?: string;
  evidenceNote?: string;
  complainant?: string;
  conclusion?: { strengths: string; shortcomings: string; violations?: string; causes: string; responsibility?: string };
  recommendations?: { text: string; report: string; verify: string }[];
  discipline?: { reason: string; decisionNo: string };
}

interface InspectionStory {
  programmeTitle: string;
  meetingLabel: { regular: string; thematic: string };
  decisionNo: string;
  conclusionNo: string;
  taskDeliverable: string;
  cases: Record<'dongThuThematic' | 'luuQuangThematic' | 'signsOfViolation' | 'denunciation', CaseText>;
  regular: {
    content: string;
    steps: Record<'plan' | 'verification', string>;
    conclusions: string[];
    dongThu: string;
    withRecommendation: { shortcomings: string; causes: string; recommendation: string; report: string; verify: string };
  };
  present: {
    waiting: CaseText;
    late: CaseText;
    overdue: CaseText & { recommendation: string; progress: string };
    closed: CaseText;
    planned: string;
    missed: string;
  };
}

export const STORY = readStory<InspectionStory>('inspection');

export const fill = (text: string, values: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));

// ---------------------------------------------------------------------------
// Laying out the steps by the rules
// ---------------------------------------------------------------------------

/**
 * The dates of a kind's steps: the first on `start`, each next one `pace[i]` working days after
 * the one before. A pace beyond the step's limit, or a run past the kind's overall limit, throws:
 * the demo never shows a case late that the story says was on time.
 */
export function stepDates(kind: InspectionKindRule, start: string, pace: readonly number[], calendar: WorkingCalendar): Map<string, string> {
  const dates = new Map<string, string>([[kind.steps[0]!.code, start]]);
  let previous = start;
  pace.forEach((n, i) => {
    const step = kind.steps[i + 1];
    if (!step) throw new Error(`demo inspection: ${kind.code} has no step ${i + 2}`);
    if (step.withinWorkingDays !== null && n > step.withinWorkingDays) throw new Error(`demo inspection: ${kind.code}.${step.code} within ${step.withinWorkingDays} working days, paced ${n}`);
    previous = addWorkingDays(previous, n, calendar);
    dates.set(step.code, previous);
  });
  const limit = kind.timeLimit;
  const from = limit ? dates.get(limit.fromStep) : undefined;
  const to = limit ? dates.get(limit.toStep) : undefined;
  if (limit && from && to && workingDaysBetween(from, to, calendar) > limit.workingDays) throw new Error(`demo inspection: ${kind.code} runs past its ${limit.workingDays} working days`);
  return dates;
}

/** The steps as recorded, in the kind's order, up to (not including) the conclusion. */
export function stepsOf(dates: ReadonlyMap<string, string>, text: CaseText, values: Record<string, string | number>, extra: { decisionNo: string | null; evidence?: DemoEvidence[] } = { decisionNo: null }): DemoStep[] {
  const out: DemoStep[] = [];
  for (const [code, on] of dates) {
    if (code === 'conclusion' || code === 'follow_up' || !(code in text.steps)) continue;
    out.push({
      code,
      on,
      note: fill(text.steps[code]!, values),
      documentNo: code === 'decision' ? extra.decisionNo : null,
      subjectComments: code === 'draft_report' ? (text.subjectComments ?? null) : null,
      evidence: code === 'verification' ? (extra.evidence ?? []) : [],
    });
  }
  return out;
}

/** A recommendation carried out and verified: the owner reports, the committee closes the task on time. */
export function fixedRecommendation(r: { text: string; report: string; verify: string }, ownerKey: string, deadline: string, reportedOn: string, verifiedOn: string): DemoRecommendation {
  const progress: DemoTaskProgress[] = [{ on: reportedOn, percent: 100, text: r.report }];
  return {
    text: r.text,
    deadline,
    ownerKey,
    life: { deliverable: STORY.taskDeliverable, priority: 'high', coworkerKeys: [], progress, close: { outcome: verifiedOn > deadline ? 'late' : 'on_time', on: verifiedOn, comment: r.verify } },
    reportedOn,
    reportNote: r.report,
    verifiedOn,
    verificationComment: r.verify,
  };
}

// ---------------------------------------------------------------------------
// The people
// ---------------------------------------------------------------------------

export const fullNameOf = (m: DemoMember): string => joinFullName(m);

/** Who does the work: the UBKT account's member leads; the committee's secretary and a colleague of the office's cell join. */
export interface DemoInspectors {
  leadKey: string;
  teamKeys: string[];
  /** The commune's cells, in the commune's order. */
  cells: DemoUnit[];
  communeKey: string;
  secretaryOf(cell: DemoUnit): string;
}

export function inspectorsOf(demo: DemoCommune): DemoInspectors {
  const commune = demo.units.find((u) => u.parentKey === null)!;
  const memberOf = (role: string) => demo.accounts.find((a) => a.roles.some((r) => r.role === role && r.unitKey === commune.key))!.memberKey!;
  const leadKey = memberOf('inspection');
  const accountKeys = new Set(demo.accounts.flatMap((a) => (a.memberKey ? [a.memberKey] : [])));
  const office = demo.units.find((u) => u.key === demo.accounts.find((a) => a.memberKey === leadKey)!.roles.find((r) => r.role === 'member')!.unitKey)!;
  const colleague = office.members.find((m) => !accountKeys.has(m.key) && m.status === 'official' && fullNameOf(m) !== office.contactName)!;
  return {
    leadKey,
    teamKeys: [memberOf('party_committee'), colleague.key],
    cells: demo.units.filter((u) => u.kind === 'cell'),
    communeKey: commune.key,
    secretaryOf: (cell) => cell.members.find((m) => fullNameOf(m) === cell.contactName)!.key,
  };
}

/** A long-standing member of a cell with no post and no account: who a case about a member is about. */
export function ordinaryMember(demo: DemoCommune, cell: DemoUnit, before: string): DemoMember {
  const accountKeys = new Set(demo.accounts.flatMap((a) => (a.memberKey ? [a.memberKey] : [])));
  return cell.members.find((m) => m.status === 'official' && m.joinedOn < before && !accountKeys.has(m.key) && fullNameOf(m) !== cell.contactName)!;
}

/** "Đồng Thứ" for a village cell, the cell's name without "Chi bộ" otherwise. */
export const placeOf = (cell: DemoUnit): string => (cell.villageName ? `thôn ${cell.villageName}` : cell.name.replace(/^Chi bộ /, ''));

export const titleOf = (kind: InspectionKindRule, content: string): string => `${kind.name}: ${content}`;

export function kindOf(rules: DemoInspectionRules, code: string): InspectionKindRule {
  const kind = rules.kinds.get(code);
  if (!kind) throw new Error(`demo inspection: the rules have no kind ${code}`);
  return kind;
}

// ---------------------------------------------------------------------------
// 2022
// ---------------------------------------------------------------------------

export const INSPECTION_YEAR = 2022;
const Y = INSPECTION_YEAR;
const DONG_THU = 'cell-dong-thu';
const LUU_QUANG = 'cell-luu-quang';
/** The cell and the day of the member inspection and of the denunciation. */
const VIOLATION_CELL = 'cell-thon-so-05';
const DENOUNCED_CELL = 'cell-thon-so-03';
/** Regular supervision that left a recommendation (most cells got none). */
const REGULAR_WITH_RECOMMENDATION = new Set(['cell-thon-so-08', 'cell-thon-so-12']);

/** The 2022 programme and its cases. */
export function buildDemoInspection(demo: DemoCommune, meetings: readonly DemoMeeting[], rules: DemoInspectionRules): DemoInspectionData {
  const who = inspectorsOf(demo);
  const cell = (key: string) => who.cells.find((u) => u.key === key)!;
  const cases: DemoCase[] = [
    ...THEMATIC.map((spec) => thematicCase(who, rules, cell(spec.cellKey), meetings, spec)),
    ...who.cells.map((c, i) => regularSupervision(who, rules, c, i)),
    signsOfViolation(demo, who, rules, cell(VIOLATION_CELL)),
    denunciation(demo, who, rules, cell(DENOUNCED_CELL)),
  ];
  const items = cases.filter((c) => c.itemKey !== null).map((c) => itemOf(c, c.kindCode === 'supervision_regular' ? { start: `${Y}-01-17`, end: `${Y}-12-20` } : { start: `${c.decidedOn.slice(0, 7)}-01`, end: addDays(c.conclusion!.on, 20) }));
  return { programmes: [{ year: Y, title: fill(STORY.programmeTitle, { nam: Y }), adoptedOn: `${Y}-01-12`, items }], cases };
}

/** The programme item a case carries out, with the window the programme planned for it. */
export function itemOf(c: DemoCase, window: { start: string; end: string }): DemoProgrammeItem {
  return { key: c.itemKey!, kindCode: c.kindCode, subjectCellKey: c.subjectCellKey, subjectMemberKey: c.subjectMemberKey, content: c.content, reviewFrom: c.reviewFrom, reviewTo: c.reviewTo, plannedStart: window.start, plannedEnd: window.end, leadKey: c.leadKey, teamKeys: c.teamKeys };
}

/** The cell's meetings in a period, as evidence with the label the case page shows. */
function meetingEvidence(meetings: readonly DemoMeeting[], cellKey: string, from: string, to: string, note: string | null): DemoEvidence[] {
  return meetings
    .filter((m) => m.cellKey === cellKey && m.date >= from && m.date <= to && !m.planned)
    .map((m) => ({ cellKey, date: m.date, note, label: fill(STORY.meetingLabel[m.kind], { ngay: displayDate(m.date), chuyenDe: m.topic ?? '' }) }));
}

/** The shared frame of a case decided by the committee about a cell or a member. */
export function caseFrame(who: DemoInspectors, kind: InspectionKindRule, key: string, content: string, subject: { cellKey: string; memberKey: string | null }, dates: { decidedOn: string; reviewFrom: string; reviewTo: string }, number: number | null): DemoCase {
  return {
    key,
    itemKey: key,
    kindCode: kind.code,
    title: titleOf(kind, content),
    content,
    subjectCellKey: subject.cellKey,
    subjectMemberKey: subject.memberKey,
    ...dates,
    decisionNo: number === null ? null : fill(STORY.decisionNo, { so: number }),
    leadKey: who.leadKey,
    teamKeys: who.teamKeys,
    status: 'open',
    notifiedOn: null,
    receivedOn: null,
    complainantName: null,
    verdict: null,
    steps: [],
    conclusion: null,
    recommendations: [],
    discipline: null,
  };
}

/** The conclusion as the story words it, on its date, numbered. */
export function conclusionOf(text: NonNullable<CaseText['conclusion']>, on: string, number: number): DemoConclusion {
  return { on, documentNo: fill(STORY.conclusionNo, { so: number }), strengths: text.strengths, shortcomings: text.shortcomings, violations: text.violations ?? null, causes: text.causes, responsibility: text.responsibility ?? null };
}

/** Thematic supervision of a cell, its recommendations fixed: notified, concluded, followed up, closed. */
function thematicClosed(who: DemoInspectors, rules: DemoInspectionRules, cell: DemoUnit, text: CaseText, at: { key: string; decidedOn: string; reviewTo: string; number: number; evidence: DemoEvidence[]; deadline: string; reportedOn: string; verifiedOn: string }): DemoCase {
  const kind = kindOf(rules, 'supervision_thematic');
  const c = caseFrame(who, kind, at.key, text.content, { cellKey: cell.key, memberKey: null }, { decidedOn: at.decidedOn, reviewFrom: `${Y}-01-01`, reviewTo: at.reviewTo }, at.number);
  const dates = stepDates(kind, at.decidedOn, text.pace!, rules.calendar);
  const values = { thon: placeOf(cell), n: text.recommendations!.length };
  const concludedOn = dates.get('conclusion')!;
  c.steps = [...stepsOf(dates, text, values, { decisionNo: c.decisionNo, evidence: at.evidence }), { code: 'follow_up', on: at.verifiedOn, note: fill(text.steps.follow_up!, values), documentNo: null, subjectComments: null, evidence: [] }];
  c.conclusion = conclusionOf(text.conclusion!, concludedOn, at.number);
  c.recommendations = text.recommendations!.map((r) => fixedRecommendation(r, who.secretaryOf(cell), at.deadline, at.reportedOn, at.verifiedOn));
  return Object.assign(c, { status: 'closed' as const, notifiedOn: dates.get('notice')! });
}

/**
 * The two thematic supervisions of the story. Đồng Thứ, first quarter: decided after the March
 * meeting, concluded before the April one, where the cell carried the recommendations out; Lưu
 * Quang and Nghị quyết Trung ương 4: supervised after its thematic meeting on it (August), fixed at
 * the November meeting. The committee verifies two working days after the cell reports, the day
 * after that meeting.
 */
const THEMATIC = [
  { key: 'dong-thu-thematic', cellKey: DONG_THU, text: 'dongThuThematic', decidedOn: `${Y}-03-14`, evidenceFrom: `${Y}-01-01`, reviewTo: `${Y}-03-31`, number: 3, deadline: `${Y}-04-29`, fixedAt: `${Y}-04` },
  { key: 'luu-quang-thematic', cellKey: LUU_QUANG, text: 'luuQuangThematic', decidedOn: `${Y}-09-12`, evidenceFrom: `${Y}-08-01`, reviewTo: `${Y}-08-31`, number: 21, deadline: `${Y}-11-30`, fixedAt: `${Y}-11` },
] as const;

function thematicCase(who: DemoInspectors, rules: DemoInspectionRules, cell: DemoUnit, meetings: readonly DemoMeeting[], spec: (typeof THEMATIC)[number]): DemoCase {
  const text = STORY.cases[spec.text];
  const fixedAt = meetings.find((m) => m.cellKey === spec.cellKey && m.kind === 'regular' && m.date.startsWith(spec.fixedAt))!.date;
  const reportedOn = addWorkingDays(fixedAt, 1, rules.calendar);
  const c = thematicClosed(who, rules, cell, text, {
    ...spec,
    evidence: meetingEvidence(meetings, spec.cellKey, spec.evidenceFrom, spec.reviewTo, text.evidenceNote ?? null),
    reportedOn,
    verifiedOn: addWorkingDays(reportedOn, 2, rules.calendar),
  });
  if (c.conclusion!.on >= fixedAt) throw new Error(`demo inspection: ${spec.key} must be concluded before the meeting that carried it out`);
  return c;
}

/** Regular supervision of a cell through the year, concluded in December; a few leave one recommendation, fixed before the year ends. */
function regularSupervision(who: DemoInspectors, rules: DemoInspectionRules, cell: DemoUnit, index: number): DemoCase {
  const kind = kindOf(rules, 'supervision_regular');
  const text = STORY.regular;
  const decidedOn = `${Y}-01-17`;
  const verifiedOn = addWorkingDays(`${Y}-11-30`, 1 + (index % 5), rules.calendar);
  const dates = stepDates(kind, decidedOn, [workingDaysBetween(decidedOn, verifiedOn, rules.calendar), 3], rules.calendar);
  const c = caseFrame(who, kind, `regular-${cell.key}`, text.content, { cellKey: cell.key, memberKey: null }, { decidedOn, reviewFrom: `${Y}-01-01`, reviewTo: `${Y}-11-30` }, null);
  c.steps = stepsOf(dates, { content: text.content, steps: text.steps }, {});
  const on = dates.get('conclusion')!;
  const extra = REGULAR_WITH_RECOMMENDATION.has(cell.key) ? text.withRecommendation : null;
  const strengths = cell.key === DONG_THU ? text.dongThu : text.conclusions[index % text.conclusions.length]!;
  c.conclusion = conclusionOf({ strengths, shortcomings: extra?.shortcomings ?? '', causes: extra?.causes ?? '' }, on, 40 + index);
  c.notifiedOn = on;
  if (!extra) return Object.assign(c, { status: 'closed' as const });
  const [reportedOn, fixedOn] = [addWorkingDays(on, 4, rules.calendar), addWorkingDays(on, 6, rules.calendar)];
  c.recommendations = [fixedRecommendation({ text: extra.recommendation, report: extra.report, verify: extra.verify }, who.secretaryOf(cell), addWorkingDays(on, 8, rules.calendar), reportedOn, fixedOn)];
  c.steps.push({ code: 'follow_up', on: fixedOn, note: extra.verify, documentNo: null, subjectComments: null, evidence: [] });
  return Object.assign(c, { status: 'closed' as const });
}

/** A member's case on signs of violation: concluded with a violation and the committee's reprimand. */
function signsOfViolation(demo: DemoCommune, who: DemoInspectors, rules: DemoInspectionRules, cell: DemoUnit): DemoCase {
  const text = STORY.cases.signsOfViolation;
  const kind = kindOf(rules, 'inspection_signs_of_violation');
  const member = ordinaryMember(demo, cell, `${Y - 5}-01-01`);
  const c = caseFrame(who, kind, 'signs-of-violation', text.content, { cellKey: cell.key, memberKey: member.key }, { decidedOn: `${Y}-06-13`, reviewFrom: `${Y}-01-01`, reviewTo: `${Y}-05-31` }, 12);
  c.itemKey = null;
  const dates = stepDates(kind, c.decidedOn, text.pace!, rules.calendar);
  c.steps = stepsOf(dates, text, { ten: fullNameOf(member), thon: placeOf(cell) }, { decisionNo: c.decisionNo });
  c.conclusion = conclusionOf(text.conclusion!, dates.get('conclusion')!, 14);
  const decidedOn = addWorkingDays(c.conclusion.on, 2, rules.calendar);
  c.discipline = { formCode: 'reprimand', decisionNo: fill(text.discipline!.decisionNo, { so: 15 }), decidedOn, effectiveOn: decidedOn, reason: text.discipline!.reason };
  return Object.assign(c, { status: 'closed' as const, notifiedOn: dates.get('notice')! });
}

/** A denunciation that came in from a resident, found unfounded and closed. */
function denunciation(demo: DemoCommune, who: DemoInspectors, rules: DemoInspectionRules, cell: DemoUnit): DemoCase {
  const text = STORY.cases.denunciation;
  const kind = kindOf(rules, 'denunciation');
  const member = ordinaryMember(demo, cell, `${Y - 5}-01-01`);
  const c = caseFrame(who, kind, 'denunciation', text.content, { cellKey: cell.key, memberKey: member.key }, { decidedOn: `${Y}-07-25`, reviewFrom: `${Y - 1}-01-01`, reviewTo: `${Y}-07-15` }, 17);
  const dates = stepDates(kind, c.decidedOn, text.pace!, rules.calendar);
  c.steps = stepsOf(dates, text, { ten: fullNameOf(member), thon: placeOf(cell) }, { decisionNo: c.decisionNo });
  c.conclusion = conclusionOf(text.conclusion!, dates.get('conclusion')!, 19);
  return Object.assign(c, { itemKey: null, status: 'closed' as const, notifiedOn: dates.get('notice')!, receivedOn: `${Y}-07-18`, complainantName: text.complainant!, verdict: 'unfounded' as const });
}
