/**
 * A province of generated communes for the benchmark, one commune at a time: its cells and
 * members, and one full year of each cell's life — monthly meetings with attendance (arrival
 * times, minutes late), agenda, outcomes and the tasks they decided (with progress, co-workers
 * and a graded close; some handed down to mass organisations), members' and cells' commitments,
 * a yearly self-examination per member against the checklist, feedback given at meetings with
 * the correction-plan items accepted feedback led to, and the commune's local issues.
 *
 * Benchmark data only: the rows are shaped like the app's (derived columns computed by the app's
 * own functions: name columns, unit paths, meetings' att_* tally, late minutes, task outcomes,
 * commitment results), inserted directly without audit entries, never used by the app's seed.
 * Sizes are drawn from a seeded random stream, so a scale gives the same counts on every run and
 * on both databases; only the ids differ.
 */
import { newId } from '../src/db/ids.js';
import type {
  CommitmentTable,
  CorrectionPlanItemTable,
  CorrectionPlanTable,
  FeedbackTable,
  LocalIssueTable,
  MeetingAgendaItemTable,
  MeetingOutcomeTable,
  MeetingParticipantTable,
  MeetingReviewedTaskTable,
  MeetingTable,
  MemberTable,
  SelfExaminationAnswerTable,
  SelfExaminationTable,
  TaskCoworkerTable,
  TaskProgressTable,
  TaskTable,
  UnitTable,
} from '../src/db/schema.js';
import { addRecords, emptyCounts, lateMinutes, meetingStartsAt, type AttendanceCounts } from '../src/domain/attendance.js';
import { classifyOutcome, commitmentPercent, measurableResult } from '../src/domain/tasks.js';
import { periodKey } from '../src/domain/self-examination.js';
import { foldVietnamese } from '../src/domain/vietnamese.js';
import { derivedNameColumns } from '../src/features/members/service.js';
import { Rng, hashSeed } from '../src/demo/random.js';
import { randomPerson } from '../src/demo/commune.js';

/** The rows of one commune, by table, in an order that satisfies the foreign keys. */
export interface CommuneRows {
  units: UnitTable[];
  members: MemberTable[];
  meetings: MeetingTable[];
  tasks: TaskTable[];
  meeting_participants: MeetingParticipantTable[];
  meeting_agenda_items: MeetingAgendaItemTable[];
  meeting_outcomes: MeetingOutcomeTable[];
  meeting_reviewed_tasks: MeetingReviewedTaskTable[];
  task_coworkers: TaskCoworkerTable[];
  task_progress: TaskProgressTable[];
  commitments: CommitmentTable[];
  self_examinations: SelfExaminationTable[];
  self_examination_answers: SelfExaminationAnswerTable[];
  feedback: FeedbackTable[];
  correction_plans: CorrectionPlanTable[];
  correction_plan_items: CorrectionPlanItemTable[];
  local_issues: LocalIssueTable[];
}

export type ProvinceTable = keyof CommuneRows;
export const provinceTables = [
  'units', 'members', 'meetings', 'tasks', 'meeting_participants', 'meeting_agenda_items', 'meeting_outcomes', 'meeting_reviewed_tasks',
  'task_coworkers', 'task_progress', 'commitments', 'self_examinations', 'self_examination_answers', 'feedback', 'correction_plans',
  'correction_plan_items', 'local_issues',
] as const satisfies readonly ProvinceTable[];

/** How many members each commune has: `members` spread over `communes`, each 0.5–1.5× the mean. Pure. */
export function communeSizes(members: number, communes: number): number[] {
  const rng = new Rng(hashSeed('bench province sizes'));
  const weights = Array.from({ length: communes }, () => 0.5 + rng.float());
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(20, Math.round((members * w) / total)));
  sizes[sizes.length - 1]! += members - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

/**
 * Cell sizes of a commune of `members`: a few offices (10–35 members), village cells (25–90),
 * about 45 members a cell on average (a merged commune of 2,000–5,000 members has 50–100 cells).
 * Pure; the first `offices` entries are the offices.
 */
export function cellSizes(rng: Rng, members: number): { offices: number; sizes: number[] } {
  const cells = Math.max(3, Math.round(members / rng.int(38, 52)));
  const offices = Math.min(OFFICES.length, Math.max(1, Math.floor(cells / 8)));
  const weights = Array.from({ length: cells }, (_, i) => (i < offices ? rng.int(10, 35) : rng.int(25, 90)));
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(3, Math.round((members * w) / total)));
  // The rounding's remainder goes to the largest village cells, never below three members.
  let rest = members - sizes.reduce((a, b) => a + b, 0);
  for (let i = cells - 1; rest !== 0; i = i === offices ? cells - 1 : i - 1) {
    const step = rest > 0 ? 1 : -1;
    if (sizes[i]! + step >= 3) {
      sizes[i]! += step;
      rest -= step;
    }
  }
  return { offices, sizes };
}

// --- words ------------------------------------------------------------------------------------

const OFFICES = ['Cơ quan Đảng ủy', 'Ủy ban nhân dân', 'Công an xã', 'Quân sự xã', 'Trường Tiểu học', 'Trường THCS', 'Trạm Y tế', 'Trường Mầm non'];
const VILLAGE_A = ['Đồng', 'Tân', 'Lưu', 'Minh', 'Thượng', 'Hạ', 'Trung', 'Đông', 'Tây', 'Nam', 'Bắc', 'Phú', 'An', 'Hòa', 'Lạc', 'Yên', 'Vĩnh', 'Phúc'];
const VILLAGE_B = ['Thứ', 'Quang', 'Lập', 'Sơn', 'Thành', 'Phong', 'Lộc', 'Bình', 'Thịnh', 'Hưng', 'Mỹ', 'Xuân', 'Tiến', 'Hà', 'Khê', 'Trại'];
const TASK_TITLES = [
  'Vận động các hộ trong {thon} thu gom rác thải đúng giờ, đúng nơi quy định',
  'Rà soát, cập nhật danh sách hộ nghèo, cận nghèo {thon}',
  'Đôn đốc các hộ hoàn thành nộp quỹ xây dựng nông thôn mới',
  'Tổ chức phát quang, vệ sinh đường làng, ngõ xóm {thon}',
  'Nắm tình hình an ninh trật tự, báo cáo chi ủy trước kỳ sinh hoạt sau',
  'Vận động nhân dân hiến đất mở rộng đường liên thôn',
  'Hướng dẫn người dân cài đặt, sử dụng dịch vụ công trực tuyến',
  'Kiểm tra việc thực hiện quy ước, hương ước của {thon}',
  'Thăm hỏi, động viên gia đình chính sách nhân dịp lễ, tết',
  'Chuẩn bị nội dung sinh hoạt chuyên đề quý',
];
const DELIVERABLES = ['Báo cáo kết quả bằng văn bản gửi chi ủy', 'Danh sách cập nhật nộp chi ủy', '100% hộ được vận động, có sổ theo dõi', 'Biên bản kiểm tra có xác nhận của trưởng thôn'];
const THEMATIC_TOPICS = ['Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'Tự soi, tự sửa theo Nghị quyết Trung ương 4', 'Nâng cao chất lượng sinh hoạt chi bộ', 'Phát triển kinh tế hộ gia đình'];
const EXCUSES = ['Đi công tác', 'Ốm, có giấy của trạm y tế', 'Việc gia đình', 'Đi làm ăn xa'];
const FEEDBACK_TEXTS = [
  'Đồng chí cần đi sinh hoạt đúng giờ, làm gương cho quần chúng.',
  'Đề nghị đồng chí phát biểu thẳng thắn hơn trong các buổi sinh hoạt.',
  'Đồng chí cần chủ động hơn trong việc được giao, báo cáo tiến độ đúng hạn.',
  'Đồng chí nên gần gũi, lắng nghe ý kiến của bà con trong thôn.',
  'Đề nghị đồng chí chấp hành tốt quy định về những điều đảng viên không được làm.',
];
const FEEDBACK_TOPICS = ['working_style', 'speech', 'behaviour', 'setting_example', 'task_performance'] as const;
const PLEDGES = ['Giữ gìn phẩm chất đạo đức, lối sống giản dị, gương mẫu', 'Chấp hành nghiêm nguyên tắc tổ chức, sinh hoạt đảng', 'Thực hiện tốt trách nhiệm nêu gương nơi cư trú'];
const MEASURABLE = [
  { title: 'Vận động hộ gia đình tham gia phân loại rác tại nguồn', unit: 'hộ', target: [5, 20] },
  { title: 'Tham gia ngày công lao động xây dựng nông thôn mới', unit: 'ngày công', target: [4, 12] },
  { title: 'Số buổi sinh hoạt chi bộ vắng không có lý do', unit: 'buổi', target: [0, 0] },
] as const;
const CELL_TARGETS = [
  { title: 'Tỷ lệ đảng viên dự sinh hoạt chi bộ', unit: '%', target: [90, 95] },
  { title: 'Số đảng viên mới kết nạp', unit: 'đảng viên', target: [1, 3] },
  { title: 'Số hộ thoát nghèo', unit: 'hộ', target: [2, 8] },
] as const;
const ISSUES: Record<string, readonly string[]> = {
  dat_dai: ['Tranh chấp ranh giới đất giữa các hộ', 'Chậm giao đất dịch vụ cho người dân'],
  xay_dung: ['Công trình xây dựng trái phép trên đất nông nghiệp', 'Lấn chiếm hành lang giao thông'],
  moi_truong: ['Rác thải tồn đọng tại điểm tập kết', 'Ô nhiễm mùi từ trang trại chăn nuôi'],
  an_ninh: ['Tụ tập đua xe ban đêm', 'Trộm cắp vặt tại khu dân cư'],
  cai_cach_hanh_chinh: ['Hồ sơ cấp giấy chứng nhận quyền sử dụng đất chậm trả kết quả'],
  giao_thong: ['Đường liên thôn xuống cấp, ngập nước mùa mưa', 'Cầu tạm qua kênh mất an toàn'],
  khac: ['Nhà văn hóa thôn xuống cấp'],
};
const ISSUE_STATUSES = [['new', 2], ['in_progress', 4], ['resolved', 5], ['unresolvable', 1]] as const;


// --- dates ------------------------------------------------------------------------------------

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const minDate = (a: string, b: string) => (a < b ? a : b);
/** A row's time on a local day: mid-afternoon in Vietnam. */
const at = (date: string) => `${date}T08:00:00.000Z`;

// --- the generator ----------------------------------------------------------------------------

export interface CommuneInput {
  /** 0-based position in the province: seeds the commune's random stream. */
  index: number;
  members: number;
  province: Pick<UnitTable, 'id' | 'path' | 'depth'>;
  /** The year of activity (yyyy). */
  year: number;
  /** The first card number this commune may use (card numbers are unique). */
  firstCard: number;
  /** The checklist version in effect (the province's) and its items. */
  checklist: { versionId: string; items: readonly { id: string; list: 'manifestation' | 'exemplary' }[] };
  now: string;
}

interface Cell {
  unit: UnitTable;
  office: boolean;
  members: MemberTable[];
  massOrgs: UnitTable[];
  /** How the cell behaves: share of late arrivals, excused and unexcused absences, tasks done on time. */
  lateShare: number;
  excusedShare: number;
  absentShare: number;
  diligence: number;
  /** Months it did not hold its regular meeting (the overview's gaps). */
  skipShare: number;
}

/** Generates one commune's rows. */
export function generateCommune(input: CommuneInput): CommuneRows {
  const rng = new Rng(hashSeed(`bench commune ${input.index}`, input.year));
  const rows: CommuneRows = {
    units: [], members: [], meetings: [], tasks: [], meeting_participants: [], meeting_agenda_items: [], meeting_outcomes: [],
    meeting_reviewed_tasks: [], task_coworkers: [], task_progress: [], commitments: [], self_examinations: [],
    self_examination_answers: [], feedback: [], correction_plans: [], correction_plan_items: [], local_issues: [],
  };
  const commune = unitRow(input, input.province, 'commune', `Đảng bộ xã Đo Kiểm ${input.index + 1}`, null);
  rows.units.push(commune);
  const { offices, sizes } = cellSizes(rng, input.members);
  let card = input.firstCard;
  const villages = new Set<string>();
  const cells: Cell[] = sizes.map((size, i) => {
    const office = i < offices;
    let village: string | null = null;
    if (!office) {
      do village = `${rng.pick(VILLAGE_A)} ${rng.pick(VILLAGE_B)}`;
      while (villages.has(village) && villages.size < VILLAGE_A.length * VILLAGE_B.length);
      if (villages.has(village)) village = `${village} ${i}`;
      villages.add(village);
    }
    const unit = unitRow(input, commune, 'cell', office ? `Chi bộ ${OFFICES[i]}` : `Chi bộ thôn ${village}`, village);
    rows.units.push(unit);
    const members = Array.from({ length: size }, () => memberRow(rng, input, unit.id, String(card++), office));
    rows.members.push(...members);
    const massOrgs = !office && rng.chance(0.35) ? [`Chi hội Nông dân thôn ${village}`, `Chi đoàn thôn ${village}`].map((n) => unitRow(input, unit, 'mass_org', n, null)) : [];
    rows.units.push(...massOrgs);
    const laggard = rng.chance(0.08);
    return {
      unit,
      office,
      members,
      massOrgs,
      lateShare: laggard ? 0.2 + rng.float() * 0.2 : rng.float() * 0.12,
      excusedShare: 0.03 + rng.float() * 0.07,
      absentShare: laggard ? 0.04 + rng.float() * 0.06 : rng.float() * 0.03,
      diligence: laggard ? 0.55 + rng.float() * 0.2 : 0.75 + rng.float() * 0.22,
      skipShare: laggard ? 0.15 : rng.chance(0.2) ? 0.05 : 0,
    };
  });
  for (const cell of cells) cellYear(rng, input, cell, rows);
  localIssues(rng, input, commune, cells, rows);
  return rows;
}

function unitRow(input: CommuneInput, parent: Pick<UnitTable, 'id' | 'path' | 'depth'>, kind: string, name: string, village: string | null): UnitTable {
  const id = newId();
  return {
    id, parent_id: parent.id, path: `${parent.path}${id}/`, depth: parent.depth + 1, kind, name, search_name: foldVietnamese(name),
    code: null, contact_name: null, contact_phone: null, village_name: village, archived_at: null, created_at: input.now, updated_at: input.now,
  };
}

function memberRow(rng: Rng, input: CommuneInput, unitId: string, card: string, office: boolean): MemberTable {
  const male = rng.chance(0.55);
  const status = rng.chance(office ? 0 : 0.03) ? 'exempt' : rng.chance(0.05) ? 'probationary' : 'official';
  const birthYear = status === 'exempt' ? rng.int(1940, 1955) : status === 'probationary' ? rng.int(1990, input.year - 19) : rng.int(office ? 1965 : 1950, input.year - 21);
  const joined =
    status === 'probationary'
      ? `${input.year}-${pad(rng.int(1, 10))}-${pad(rng.int(1, 28))}`
      : `${Math.min(birthYear + rng.int(19, 40), input.year - 2)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
  const person = randomPerson(rng, male ? 'male' : 'female', birthYear);
  const names = { family_name: person.familyName, middle_name: person.middleName, given_name: person.givenName, card_number: card };
  return {
    id: newId(), unit_id: unitId, ...names, ...derivedNameColumns(names), gender: male ? 'male' : 'female', birth_year: birthYear,
    joined_on: joined, official_on: status === 'probationary' ? null : `${Number(joined.slice(0, 4)) + 1}${joined.slice(4)}`, status,
    phone: rng.chance(0.8) ? `09${rng.int(10_000_000, 99_999_999)}` : null, archived_at: null, created_at: input.now, updated_at: input.now,
  };
}

/** A cell's year: its meetings and what they decided, commitments, self-examinations, feedback. */
function cellYear(rng: Rng, input: CommuneInput, cell: Cell, rows: CommuneRows): void {
  const { year } = input;
  const unitId = cell.unit.id;
  const active = cell.members.filter((m) => m.status !== 'exempt');
  const pool = active.length > 0 ? active : cell.members;
  const chair = pool[0]!;
  const clerk = pool[1] ?? chair;
  const day = rng.int(3, 10);
  const startTime = cell.office ? '14:00' : '19:30';
  const place = cell.office ? `Hội trường ${cell.unit.name.replace('Chi bộ ', '')}` : `Nhà văn hóa thôn ${cell.unit.village_name}`;
  const thematicMonths = new Set(rng.sample([3, 4, 5, 6, 8, 9, 10, 11], 2));
  const yearEnd = `${year}-12-31`;
  const openTasks: { id: string; doneOn: string | null }[] = [];
  const plans = new Map<string, { row: CorrectionPlanTable; items: number }>();

  for (let month = 1; month <= 12; month++) {
    const regular = !rng.chance(cell.skipShare);
    const dates: { date: string; kind: 'regular' | 'thematic' }[] = [];
    if (regular) dates.push({ date: `${year}-${pad(month)}-${pad(Math.min(28, day + rng.int(0, 2)))}`, kind: 'regular' });
    if (thematicMonths.has(month)) dates.push({ date: `${year}-${pad(month)}-${pad(Math.min(28, day + rng.int(10, 16)))}`, kind: 'thematic' });
    for (const { date, kind } of dates) {
      const meetingId = newId();
      const startsAt = meetingStartsAt(date, startTime);
      const created = at(date);
      let counts: AttendanceCounts = emptyCounts();
      const present: MemberTable[] = [];
      for (const m of cell.members) {
        if (m.joined_on! > date) continue; // joined after this meeting
        let status: 'present' | 'excused' | 'absent' | 'exempt' = 'present';
        if (m.status === 'exempt') status = 'exempt';
        else if (rng.chance(cell.excusedShare)) status = 'excused';
        else if (rng.chance(cell.absentShare)) status = 'absent';
        let arrivedAt: string | null = null;
        let late: number | null = null;
        if (status === 'present') {
          const offset = rng.chance(cell.lateShare) ? Math.round(1 + rng.float() ** 2 * 40) : -rng.int(0, 20);
          arrivedAt = new Date(Date.parse(startsAt) + offset * 60_000 + rng.int(0, 59) * 1000).toISOString();
          late = lateMinutes(startsAt, arrivedAt, 0);
          present.push(m);
        }
        const excused = status === 'excused';
        rows.meeting_participants.push({
          id: newId(), meeting_id: meetingId, unit_id: unitId, member_id: m.id, role: 'member', status, arrived_at: arrivedAt, late_minutes: late,
          reason: excused ? rng.pick(EXCUSES) : null, reported: excused ? (rng.chance(0.7) ? 'before' : 'after') : null, updated_at: created,
        });
        counts = addRecords(counts, { status, late: (late ?? 0) > 0, lateMinutesTotal: late ?? 0 });
      }
      rows.meetings.push({
        id: meetingId, unit_id: unitId, kind, topic: kind === 'thematic' ? rng.pick(THEMATIC_TOPICS) : null, meeting_date: date, start_time: startTime,
        starts_at: startsAt, grace_minutes: 0, place, chair_member_id: chair.id, secretary_member_id: clerk.id,
        // Held, minutes not yet approved: approval would need the locked copy of the minutes.
        status: 'held', rubric_id: null, score_total: null, score_level: null, minutes_version: 0,
        att_expected: counts.expected, att_present: counts.present, att_on_time: counts.onTime, att_late: counts.late, att_excused: counts.excused,
        att_absent: counts.absent, att_exempt: counts.exempt, att_pending: counts.pending, att_late_minutes: counts.lateMinutesTotal,
        approved_at: null, approved_by_account_id: null, created_at: created, updated_at: created,
      });
      const titles = kind === 'regular'
        ? ['Kiểm điểm việc thực hiện nhiệm vụ tháng trước', 'Thông tin thời sự, văn bản cấp trên', 'Phương hướng, nhiệm vụ tháng tới']
        : ['Báo cáo chuyên đề', 'Thảo luận, liên hệ bản thân'];
      const agenda = titles.map((title, i): MeetingAgendaItemTable => ({
        id: newId(), meeting_id: meetingId, unit_id: unitId, position: i + 1, title, presenter_member_id: chair.id, planned_minutes: [20, 15, 30][i]!,
        minutes_text: `${title}: chi bộ đã thảo luận, thống nhất nội dung.`,
      }));
      rows.meeting_agenda_items.push(...agenda);
      let position = 0;
      const outcome = (item: MeetingAgendaItemTable, kindOf: 'information' | 'decision' | 'task', text: string, taskId: string | null) =>
        rows.meeting_outcomes.push({
          id: newId(), meeting_id: meetingId, unit_id: unitId, agenda_item_id: item.id, position: ++position, kind: kindOf, text,
          votes_for: kindOf === 'decision' ? counts.present : null, votes_against: kindOf === 'decision' ? 0 : null, votes_abstain: kindOf === 'decision' ? 0 : null,
          task_id: taskId, created_at: created,
        });
      outcome(agenda[0]!, 'decision', 'Chi bộ thống nhất đánh giá kết quả thực hiện nhiệm vụ tháng trước.', null);
      if (kind === 'thematic') continue;
      for (const t of openTasks) if (t.doneOn === null || t.doneOn >= date) rows.meeting_reviewed_tasks.push({ meeting_id: meetingId, task_id: t.id, unit_id: unitId });
      outcome(agenda[1]!, 'information', 'Phổ biến văn bản cấp trên, tình hình thời sự trong tháng.', null);
      const handDown = cell.massOrgs.length > 0 && rng.chance(0.35);
      for (let k = rng.int(1, 3) + (handDown ? 1 : 0); k > 0; k--) {
        const task = taskRows(rng, cell, meetingId, date, yearEnd, handDown && k === 1 ? rng.pick(cell.massOrgs) : null, pool, rows);
        openTasks.push({ id: task.id, doneOn: task.completed_on });
        outcome(agenda[2]!, 'task', '', task.id);
      }
      feedbackAt(rng, input, cell, meetingId, date, present, plans, rows);
    }
  }
  commitments(rng, input, cell, active, rows);
  selfExaminations(rng, input, cell, active, rows);
}

function taskRows(rng: Rng, cell: Cell, meetingId: string, date: string, yearEnd: string, massOrg: UnitTable | null, pool: readonly MemberTable[], rows: CommuneRows): TaskTable {
  const owner = massOrg ? null : rng.pick(pool);
  const deadline = addDays(date, rng.int(14, 35));
  const created = at(date);
  let status: string = 'open';
  let completed: string | null = null;
  let closed: string | null = null;
  let progress = 0;
  const roll = rng.float();
  if (deadline <= yearEnd || roll < 0.5) {
    if (roll < cell.diligence) completed = addDays(deadline, -rng.int(0, 10));
    else if (roll < cell.diligence + (1 - cell.diligence) * 0.6) completed = addDays(deadline, rng.int(1, 20));
    if (completed !== null && completed > yearEnd) completed = null;
    if (completed !== null) {
      status = classifyOutcome(deadline, completed, completed <= deadline && rng.chance(0.12));
      closed = minDate(addDays(completed, rng.int(0, 7)), yearEnd);
      progress = 100;
    } else if (deadline < addDays(yearEnd, -14)) {
      status = 'not_done';
      closed = minDate(addDays(deadline, rng.int(3, 30)), yearEnd);
      progress = rng.int(2, 8) * 10;
    } else progress = rng.int(0, 8) * 10;
  } else progress = rng.int(0, 8) * 10;
  const received = massOrg ? date : null;
  const task: TaskTable = {
    id: newId(), unit_id: cell.unit.id, title: rng.pick(TASK_TITLES).replace('{thon}', cell.unit.village_name ? `thôn ${cell.unit.village_name}` : 'cơ quan'),
    deliverable: rng.pick(DELIVERABLES), owner_member_id: owner?.id ?? null, owner_unit_id: massOrg?.id ?? null, deadline,
    priority: rng.chance(0.1) ? 'high' : rng.chance(0.05) ? 'low' : 'normal', status, source_kind: 'meeting', source_meeting_id: meetingId,
    source_directive_id: null, source_commitment_id: null, source_local_issue_id: null, source_inspection_id: null,
    received_on: received, handed_down_on: received ? addDays(received, rng.chance(0.7) ? rng.int(0, 3) : rng.int(4, 15)) : null,
    progress_percent: progress, completed_on: completed, closed_on: closed,
    close_comment: status === 'not_done' ? 'Chưa hoàn thành do thiếu kinh phí, chuyển sang kỳ sau.' : closed ? 'Hoàn thành theo yêu cầu.' : null,
    closed_by_account_id: null, created_by_account_id: null, created_at: created, updated_at: closed ? at(closed) : created,
  };
  rows.tasks.push(task);
  if (owner && pool.length > 1 && rng.chance(0.25)) {
    const helper = rng.pick(pool);
    if (helper.id !== owner.id) rows.task_coworkers.push({ task_id: task.id, member_id: helper.id, unit_id: cell.unit.id });
  }
  if (progress > 0) {
    const on = completed ?? minDate(addDays(date, rng.int(5, 20)), yearEnd);
    rows.task_progress.push({
      id: newId(), task_id: task.id, unit_id: cell.unit.id, author_account_id: null, author_member_id: owner?.id ?? null,
      text: progress === 100 ? 'Đã hoàn thành, báo cáo chi ủy.' : 'Đang triển khai, đã làm được một phần.', percent: progress, attachment_id: null, created_at: at(on),
    });
  }
  return task;
}

/** Feedback given at a meeting between members present; accepted feedback sometimes becomes a plan item. */
function feedbackAt(rng: Rng, input: CommuneInput, cell: Cell, meetingId: string, date: string, present: readonly MemberTable[], plans: Map<string, { row: CorrectionPlanTable; items: number }>, rows: CommuneRows): void {
  if (present.length < 2) return;
  const yearEnd = `${input.year}-12-31`;
  for (let k = rng.int(0, 3); k > 0; k--) {
    const giver = rng.pick(present);
    const receiver = rng.pick(present);
    if (giver.id === receiver.id) continue;
    const roll = rng.float();
    const status = roll < 0.6 ? 'accepted' : roll < 0.85 ? 'explained' : 'open';
    const answered = status === 'open' ? null : minDate(addDays(date, rng.int(1, 10)), yearEnd);
    const id = newId();
    rows.feedback.push({
      id, unit_id: cell.unit.id, direction: 'member_to_member', giver_member_id: giver.id, receiver_member_id: receiver.id, anonymous: 0,
      topic: rng.pick(FEEDBACK_TOPICS), text: rng.pick(FEEDBACK_TEXTS), meeting_id: meetingId, manifestation_item_id: null, grave: 0, status,
      answer_text: answered ? (status === 'accepted' ? 'Xin tiếp thu, sẽ khắc phục.' : 'Xin giải trình: do hoàn cảnh công tác.') : null,
      answered_at: answered ? at(answered) : null, answered_by_member_id: answered ? receiver.id : null, given_on: date, created_at: at(date),
      updated_at: at(answered ?? date),
    });
    if (status !== 'accepted' || !rng.chance(0.5)) continue;
    let plan = plans.get(receiver.id);
    if (!plan) {
      plan = { row: { id: newId(), unit_id: cell.unit.id, member_id: receiver.id, year: input.year, created_at: at(answered!), updated_at: at(answered!) }, items: 0 };
      plans.set(receiver.id, plan);
      rows.correction_plans.push(plan.row);
    }
    const deadline = addDays(answered!, rng.int(30, 60));
    const r = rng.float();
    const itemStatus = deadline > yearEnd ? (r < 0.5 ? 'open' : 'claimed') : r < 0.7 ? 'fixed' : r < 0.8 ? 'claimed' : r < 0.9 ? 'returned' : 'open';
    const claimed = itemStatus === 'open' ? null : minDate(addDays(answered!, rng.int(10, 70)), yearEnd);
    rows.correction_plan_items.push({
      id: newId(), plan_id: plan.row.id, unit_id: cell.unit.id, member_id: receiver.id, position: ++plan.items,
      shortcoming: 'Góp ý của đồng chí trong chi bộ', action: 'Khắc phục theo góp ý, báo cáo tại kỳ sinh hoạt sau', deadline,
      success_criteria: 'Chi ủy xác nhận đã khắc phục', source_kind: 'feedback', source_self_examination_id: null, source_feedback_id: id, source_inspection_id: null, status: itemStatus,
      claimed_on: claimed, verified_on: itemStatus === 'fixed' || itemStatus === 'returned' ? minDate(addDays(claimed!, rng.int(1, 14)), yearEnd) : null,
      verified_by_account_id: null, verification_comment: itemStatus === 'returned' ? 'Chưa khắc phục triệt để.' : null, created_by_account_id: null,
      created_at: at(answered!), updated_at: at(claimed ?? answered!),
    });
  }
}

/** Each member's yearly pledge and one measurable target; the cell's own targets; evaluated at year end. */
function commitments(rng: Rng, input: CommuneInput, cell: Cell, active: readonly MemberTable[], rows: CommuneRows): void {
  const { year } = input;
  const created = at(`${year}-01-15`);
  const evaluated = at(`${year}-12-20`);
  const row = (memberId: string | null, position: number, section: string, title: string, measurable: { unit: string; target: readonly [number, number] } | null, direction: 'more' | 'less' = 'more'): CommitmentTable => {
    let target: number | null = null;
    let actual: number | null = null;
    let percent: number | null = null;
    let result: string;
    if (measurable) {
      target = rng.int(measurable.target[0], measurable.target[1]);
      actual = direction === 'less' ? (rng.chance(0.9) ? 0 : 1) : Math.max(0, Math.round(target * (0.7 + rng.float() * 0.5)));
      percent = commitmentPercent(target, actual, direction);
      result = measurableResult(percent);
    } else result = rng.chance(0.93) ? 'achieved' : 'not_achieved';
    return {
      id: newId(), unit_id: cell.unit.id, subject_kind: memberId ? 'member' : 'unit', member_id: memberId, year, section, position, kind: measurable ? 'measurable' : 'qualitative',
      title, target_value: target, measure_unit: measurable?.unit ?? null, direction: measurable ? direction : null, actual_value: actual, evidence: null,
      confirmed_at: at(`${year}-01-25`), confirmed_by_account_id: null, result, result_percent: percent, evaluation_note: null, early_evaluation_reason: null,
      evaluated_at: evaluated, evaluated_by_account_id: null, created_by_account_id: null, created_at: created, updated_at: evaluated,
    };
  };
  for (const m of active) {
    if (m.joined_on! > `${year}-01-15`) continue;
    rows.commitments.push(row(m.id, 1, 'ethics_lifestyle', rng.pick(PLEDGES), null));
    const target = rng.pick(MEASURABLE);
    rows.commitments.push(row(m.id, 2, 'duties', target.title, target, target.target[1] === 0 ? 'less' : 'more'));
  }
  CELL_TARGETS.forEach((t, i) => rows.commitments.push(row(null, i + 1, 'duties', t.title, t)));
}

/** The yearly self-examination (tự soi) of each active member: reviewed, submitted or still a draft. */
function selfExaminations(rng: Rng, input: CommuneInput, cell: Cell, active: readonly MemberTable[], rows: CommuneRows): void {
  const { year, checklist } = input;
  for (const m of active) {
    const roll = rng.float();
    const status = roll < 0.85 ? 'reviewed' : roll < 0.95 ? 'submitted' : 'draft';
    const createdOn = `${year}-12-${pad(rng.int(1, 5))}`;
    const submitted = status === 'draft' ? null : `${year}-12-${pad(rng.int(6, 15))}`;
    const reviewed = status === 'reviewed' ? `${year}-12-${pad(rng.int(16, 28))}` : null;
    const id = newId();
    const answered = status === 'draft' ? rng.int(0, checklist.items.length) : checklist.items.length;
    let flagged = false;
    for (const item of checklist.items.slice(0, answered)) {
      const r = rng.float();
      const mark = item.list === 'manifestation' ? (r < 0.93 ? 'none' : r < 0.99 ? 'at_risk' : 'present') : r < 0.9 ? 'good' : r < 0.99 ? 'limited' : 'not_met';
      const noted = mark !== 'none' && mark !== 'good';
      flagged ||= noted;
      rows.self_examination_answers.push({ self_examination_id: id, item_id: item.id, unit_id: cell.unit.id, mark, note: noted ? 'Đôi lúc còn chưa thường xuyên, sẽ khắc phục.' : null });
    }
    const shortcomings = flagged ? [{ key: newId(), text: 'Có lúc chưa thật sự gương mẫu', causeKind: 'subjective', cause: 'Chưa thường xuyên tu dưỡng', plan: 'Tự giác rèn luyện, nhận góp ý của chi bộ' }] : [];
    rows.self_examinations.push({
      id, unit_id: cell.unit.id, member_id: m.id, checklist_version_id: checklist.versionId, period_kind: 'year', year, quarter: null, meeting_id: null,
      period_key: periodKey({ kind: 'year', year, quarter: null, meetingId: null }), status, strengths: 'Chấp hành tốt chủ trương, nghị quyết; tích cực tham gia sinh hoạt.',
      shortcomings_json: JSON.stringify(shortcomings), followups_json: '[]', revision: rng.int(1, 6), submitted_at: submitted ? at(submitted) : null,
      reviewed_at: reviewed ? at(reviewed) : null, reviewed_by_account_id: null, review_comment: reviewed ? 'Chi ủy nhất trí với bản tự kiểm điểm.' : null,
      created_at: at(createdOn), updated_at: at(reviewed ?? submitted ?? createdOn),
    });
  }
}

/** The commune's outstanding local issues, in its villages. */
function localIssues(rng: Rng, input: CommuneInput, commune: UnitTable, cells: readonly Cell[], rows: CommuneRows): void {
  const villages = cells.filter((c) => !c.office);
  const { year } = input;
  for (let k = rng.int(4, 12); k > 0 && villages.length > 0; k--) {
    const code = rng.pick(Object.keys(ISSUES));
    const village = rng.pick(villages);
    const title = `${rng.pick(ISSUES[code]!)} (thôn ${village.unit.village_name})`;
    const description = 'Người dân phản ánh nhiều lần; Đảng ủy giao chi bộ thôn phối hợp giải quyết.';
    const status = rng.weighted(ISSUE_STATUSES);
    const created = `${year}-${pad(rng.int(1, 9))}-${pad(rng.int(1, 28))}`;
    const resolved = status === 'resolved' ? minDate(addDays(created, rng.int(20, 120)), `${year}-12-31`) : null;
    rows.local_issues.push({
      id: newId(), unit_id: commune.id, category_code: code, title, description, village_unit_id: village.unit.id, area_name: null, latitude: null, longitude: null,
      since_year: year - rng.int(0, 8), since_before: 0, households_affected: rng.int(1, 60), responsible_unit_id: village.unit.id, responsible_member_id: village.members[0]?.id ?? null,
      deadline: addDays(created, rng.int(30, 180)), status, status_reason: status === 'unresolvable' ? 'Vượt thẩm quyền của xã, đã báo cáo cấp trên.' : null,
      resolution_summary: resolved ? 'Đã giải quyết dứt điểm, người dân đồng tình.' : null, resolved_on: resolved, resolution_round: resolved ? 1 : 0,
      public: rng.chance(0.5) ? 1 : 0, search_text: foldVietnamese([title, '', description].join(' ')), created_by_account_id: null, created_at: at(created),
      updated_at: at(resolved ?? created),
    });
  }
}
