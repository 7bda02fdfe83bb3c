/** The present year's commitments (chỉ tiêu cam kết) of every member and cell. */
import { addDays } from './meetings.js';
import { MEMBER_PLEDGES, type DemoCommitment, type Pledge } from './work.js';
import * as text from './present-text.js';
import type { Rng } from './random.js';
import { daysBetween } from '../domain/tasks.js';
import { pad, minDate, maxDate, type PresentWindow } from './present-window.js';
import { activeOn, type Cell } from './present-cell.js';

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

/**
 * This year's pledges: registered before the cell's first meeting of the year and confirmed at it
 * by the secretary (the cell's by the committee); registered but awaiting confirmation while that
 * meeting is still ahead. Measurable lines report progress at each quarter's end gone by.
 */
export function commitmentsOf(rng: Rng, cell: Cell, ctx: CommitmentContext, out: DemoCommitment[]): void {
  const { w } = ctx;
  const year = w.year;
  const first = cell.meetings.find((m) => m.date.startsWith(`${year}-`));
  const held = first && !first.planned ? first.date : null;
  const createdOn = held ? maxDate(`${year}-01-02`, addDays(held, -rng.int(2, 6))) : maxDate(`${year}-01-01`, minDate(w.today, `${year}-01-0${rng.int(2, 5)}`));
  const confirmedOn = held ? minDate(addDays(held, rng.int(0, 3)), w.yesterday) : null;
  const checkpoints = [3, 6, 9].map((m) => `${year}-${pad(m + 1)}-0${rng.int(1, 5)}`).filter((d) => d < w.today && (confirmedOn ?? w.today) <= d);
  const fits = (p: Pledge) => !p.measured && (!p.cells || p.cells.includes(cell.info.type));
  const members = cell.unit.members.filter((m) => activeOn(m, createdOn));
  for (const m of members) {
    const measurable = rng.sample(MEMBER_PLEDGES.filter((p) => fits(p) && p.target && p.direction === 'more'), 2);
    const qualitative = rng.sample(MEMBER_PLEDGES.filter((p) => fits(p) && !p.target), 2);
    const lines = [...qualitative, ...measurable].sort((a, b) => SECTIONS_ORDER.indexOf(a.section) - SECTIONS_ORDER.indexOf(b.section));
    const pace = 0.6 + rng.float() * 0.6;
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
  // The cell's own targets, confirmed by the commune committee, measured from its meetings and tasks.
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
  cellLines.forEach((l, i) => {
    const progress = confirmedOn === null ? [] : checkpoints.flatMap((on) => (l.measure(on) === null ? [] : [{ on, value: l.measure(on), note: `Số liệu đến ${on.slice(8, 10)}/${on.slice(5, 7)}/${year}.`, authorKey: cell.chair.key }]));
    out.push(commitmentLine({ key: `${cell.unit.key}/${year}/${i + 1}`, unitKey: cell.unit.key, subjectKind: 'unit', memberKey: null, year, section: 'duties', position: i + 1, title: l.title, target: l.target, unit: l.unit, direction: 'more', evidence: l.evidence, createdOn, createdByKey: cell.chair.key, confirmedOn, confirmedByKey: ctx.committeeKey, progress }));
  });
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
