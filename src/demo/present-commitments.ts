/** The present year's commitments (chỉ tiêu cam kết) of every member and cell. */
import { addDays } from './meetings.js';
import { MEMBER_PLEDGES, type DemoCommitment, type Pledge } from './work.js';
import * as text from './present-text.js';
import type { Rng } from './random.js';
import { commitmentPercent, daysBetween, measurableResult } from '../domain/tasks.js';
import type { CommitmentResult } from '../shared/enums.js';
import { pad, minDate, maxDate, type PresentWindow } from './present-window.js';
import { activeOn, fillDate, type Cell } from './present-cell.js';

// ---------------------------------------------------------------------------
// Commitments
// ---------------------------------------------------------------------------

const SECTIONS_ORDER = ['political_thought', 'ethics_lifestyle', 'discipline', 'working_style', 'duties', 'fix_shortcomings', 'congress_resolution', 'directive_05'] as const;

/** Share of the year gone by on `date`. */
function yearShare(year: number, date: string): number {
  return Math.min(1, Math.max(0, daysBetween(`${year}-01-01`, date) / 365));
}

export interface CommitmentContext {
  w: PresentWindow;
  committeeKey: string | null;
  accountKeys: ReadonlySet<string>;
}

/** When a year's pledges were registered, confirmed, reported on and (a past year's) evaluated. */
interface PledgeDates {
  createdOn: string;
  confirmedOn: string | null;
  checkpoints: string[];
  /** The year-end review (kiểm điểm cuối năm) of a past year; null for the year still running. */
  evaluatedOn: string | null;
}

/**
 * This year's pledges: registered before the cell's first meeting of the year and confirmed at it
 * by the secretary (the cell's by the committee); registered but awaiting confirmation while that
 * meeting is still ahead. Measurable lines report progress at each quarter's end gone by.
 */
function currentYearDates(rng: Rng, cell: Cell, w: PresentWindow): PledgeDates {
  const year = w.year;
  const first = cell.meetings.find((m) => m.date.startsWith(`${year}-`));
  const held = first && !first.planned ? first.date : null;
  const createdOn = held ? maxDate(`${year}-01-02`, addDays(held, -rng.int(2, 6))) : maxDate(`${year}-01-01`, minDate(w.today, `${year}-01-0${rng.int(2, 5)}`));
  const confirmedOn = held ? minDate(addDays(held, rng.int(0, 3)), w.yesterday) : null;
  const checkpoints = [3, 6, 9].map((m) => `${year}-${pad(m + 1)}-0${rng.int(1, 5)}`).filter((d) => d < w.today && (confirmedOn ?? w.today) <= d);
  return { createdOn, confirmedOn, checkpoints, evaluatedOn: null };
}

/**
 * Last year's pledges (the window reaches back into it): registered and confirmed in January,
 * reported on each quarter and evaluated at the year-end review in December.
 */
function pastYearDates(rng: Rng, year: number): PledgeDates {
  const createdOn = `${year}-01-0${rng.int(2, 5)}`;
  const evaluatedOn = `${year}-12-${pad(rng.int(15, 28))}`;
  return {
    createdOn,
    confirmedOn: addDays(createdOn, rng.int(3, 8)),
    checkpoints: [...[3, 6, 9].map((m) => `${year}-${pad(m + 1)}-0${rng.int(1, 5)}`), evaluatedOn],
    evaluatedOn,
  };
}

/** A cell's pledges for a year of the window: the year running now, or a past one, evaluated. */
export function commitmentsOf(rng: Rng, cell: Cell, ctx: CommitmentContext, out: DemoCommitment[], year = ctx.w.year): void {
  const past = year < ctx.w.year;
  const dates = past ? pastYearDates(rng, year) : currentYearDates(rng, cell, ctx.w);
  const lines = [...memberPledges(rng, cell, year, dates, past), ...cellPledges(rng, cell, ctx, year, dates)];
  if (dates.evaluatedOn === null) {
    out.push(...lines);
    return;
  }
  const on = dates.evaluatedOn;
  out.push(...lines.map((line) => evaluated(rng, line, on, line.subjectKind === 'member' ? cell.chair.key : ctx.committeeKey)));
}

/** Every member's four lines: two qualitative, two measurable, each measurable one reported at the checkpoints. */
function memberPledges(rng: Rng, cell: Cell, year: number, dates: PledgeDates, past: boolean): DemoCommitment[] {
  const { createdOn, confirmedOn, checkpoints } = dates;
  const out: DemoCommitment[] = [];
  const fits = (p: Pledge) => !p.measured && (!p.cells || p.cells.includes(cell.info.type));
  const members = cell.unit.members.filter((m) => activeOn(m, createdOn));
  for (const m of members) {
    const measurable = rng.sample(MEMBER_PLEDGES.filter((p) => fits(p) && p.target && p.direction === 'more'), 2);
    const qualitative = rng.sample(MEMBER_PLEDGES.filter((p) => fits(p) && !p.target), 2);
    const lines = [...qualitative, ...measurable].sort((a, b) => SECTIONS_ORDER.indexOf(a.section) - SECTIONS_ORDER.indexOf(b.section));
    // A finished year was mostly kept; the year running now is anywhere on the way.
    const f = rng.float();
    const pace = past ? 0.85 + f * 0.35 : 0.6 + f * 0.6;
    lines.forEach((p, i) => {
      const target = p.target ? rng.int(p.target[0], p.target[1]) : null;
      const progress =
        confirmedOn === null
          ? []
          : checkpoints.map((on) => ({
              on,
              value: target === null ? null : Math.min(target * 2, Math.round(target * yearShare(year, on) * pace)),
              note: target === null ? rng.pick(text.COMMITMENT_NOTES) : `Kết quả đến ${on.slice(8, 10)}/${on.slice(5, 7)}/${year}.`,
              authorKey: m.key,
            }));
      out.push(commitmentLine({ key: `${m.key}/${year}/${i + 1}`, unitKey: cell.unit.key, subjectKind: 'member', memberKey: m.key, year, section: p.section, position: i + 1, title: p.title, target, unit: p.unit ?? null, direction: p.direction ?? null, evidence: p.evidence, createdOn, createdByKey: m.key, confirmedOn, confirmedByKey: cell.chair.key, progress }));
    });
  }
  return out;
}

/** The cell's own targets, confirmed by the commune committee, measured from its meetings and tasks. */
function cellPledges(rng: Rng, cell: Cell, ctx: CommitmentContext, year: number, dates: PledgeDates): DemoCommitment[] {
  const { createdOn, confirmedOn, checkpoints } = dates;
  const heldThisYear = cell.meetings.filter((m) => !m.planned && m.date.startsWith(`${year}-`));
  const attendance = (until: string) => {
    let present = 0;
    let total = 0;
    for (const m of heldThisYear.filter((x) => x.date <= until)) {
      for (const a of m.attendance) if (a.role === 'member') (total++, a.status === 'present' && present++);
    }
    return total === 0 ? null : Math.round((present / total) * 100);
  };
  const onTime = (until: string) => {
    const closed = heldThisYear.flatMap((m) => m.agenda.flatMap((a) => a.outcomes)).flatMap((o) => (o.task?.close && o.task.close.on <= until ? [o.task.close.outcome] : []));
    return closed.length === 0 ? null : Math.round((closed.filter((x) => x === 'on_time' || x === 'exceeded').length / closed.length) * 100);
  };
  const cellLines = [
    { ...text.CELL_TARGETS.attendance, target: rng.pick([90, 95]), measure: attendance },
    { ...text.CELL_TARGETS.tasksOnTime, target: rng.pick([80, 85, 90]), measure: onTime },
  ];
  return cellLines.map((l, i) => {
    const progress = confirmedOn === null ? [] : checkpoints.flatMap((on) => (l.measure(on) === null ? [] : [{ on, value: l.measure(on), note: `Số liệu đến ${on.slice(8, 10)}/${on.slice(5, 7)}/${year}.`, authorKey: cell.chair.key }]));
    return commitmentLine({ key: `${cell.unit.key}/${year}/${i + 1}`, unitKey: cell.unit.key, subjectKind: 'unit', memberKey: null, year, section: 'duties', position: i + 1, title: l.title, target: l.target, unit: l.unit, direction: 'more', evidence: l.evidence, createdOn, createdByKey: cell.chair.key, confirmedOn, confirmedByKey: ctx.committeeKey, progress });
  });
}

/**
 * A past year's line as the year-end review left it: a measurable one judged on its last figure
 * (a cell's target the window's meetings cannot measure gets the figure the cell reported), a
 * qualitative one mostly kept, some exceeded, a few not.
 */
function evaluated(rng: Rng, line: DemoCommitment, on: string, byKey: string | null): DemoCommitment {
  const words = text.COMMITMENT_EVALUATION;
  const common = { evaluatedOn: on, evaluatedByKey: byKey, earlyEvaluationReason: fillDate(words.earlyReason, line.year, 12) };
  if (line.kind === 'qualitative') {
    const result = rng.weighted<CommitmentResult>([['achieved', 80], ['exceeded', 10], ['not_achieved', 10]]);
    return { ...line, ...common, result, resultPercent: null, evaluationNote: fillDate(rng.pick(words.qualitative[result]), line.year + 1, 1) };
  }
  let progress = line.progress;
  if (progress.length === 0 || progress.at(-1)!.on !== on) {
    const value = Math.max(0, line.targetValue! + rng.int(-6, 3));
    progress = [...progress, { on, value, note: `Số liệu đến ${on.slice(8, 10)}/${on.slice(5, 7)}/${line.year}.`, authorKey: line.createdByKey }];
  }
  const actual = progress.at(-1)!.value!;
  const percent = commitmentPercent(line.targetValue!, actual, line.direction!);
  const result = measurableResult(percent);
  const note = words.measurable[result].replace('{phanTram}', `${String(percent).replace('.', ',')}%`);
  return { ...line, ...common, progress, actualValue: actual, result, resultPercent: percent, evaluationNote: fillDate(note, line.year + 1, 1) };
}

function commitmentLine(c: {
  key: string;
  unitKey: string;
  subjectKind: 'member' | 'unit';
  memberKey: string | null;
  year: number;
  section: DemoCommitment['section'];
  position: number;
  title: string;
  target: number | null;
  unit: string | null;
  direction: DemoCommitment['direction'];
  evidence: string;
  createdOn: string;
  createdByKey: string;
  confirmedOn: string | null;
  confirmedByKey: string | null;
  progress: DemoCommitment['progress'];
}): DemoCommitment {
  const measurable = c.target !== null;
  return {
    key: c.key,
    unitKey: c.unitKey,
    subjectKind: c.subjectKind,
    memberKey: c.memberKey,
    year: c.year,
    section: c.section,
    position: c.position,
    kind: measurable ? 'measurable' : 'qualitative',
    title: c.title,
    targetValue: c.target,
    measureUnit: measurable ? c.unit : null,
    direction: measurable ? c.direction : null,
    actualValue: measurable ? (c.progress.at(-1)?.value ?? null) : null,
    evidence: c.evidence,
    createdOn: c.createdOn,
    createdByKey: c.createdByKey,
    confirmedOn: c.confirmedOn,
    confirmedByKey: c.confirmedOn ? c.confirmedByKey : null,
    progress: c.progress,
    result: null,
    resultPercent: null,
    evaluationNote: null,
    evaluatedOn: null,
    evaluatedByKey: null,
    earlyEvaluationReason: null,
  };
}
