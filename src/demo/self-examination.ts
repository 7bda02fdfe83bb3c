/**
 * "Tự soi, tự sửa" in the demo commune's 2022: every active member's yearly self-examination
 * against the 27 manifestations and the exemplary-responsibility points, the shortcomings they
 * named with the corrections they proposed, the feedback members gave each other (in meetings and
 * outside them), and the correction-plan items both became, with their progress and the cell
 * committee's verification by the end of the year.
 *
 * Chi bộ thôn Đồng Thứ tells the article's story. Its members examined themselves honestly in
 * March 2022, after the commune's directive on Nghị quyết Trung ương 4 (14/3/2022): they named
 * arriving late to cell meetings, "nể nang, ngại va chạm, dĩ hòa vi quý" and tasks handled vaguely,
 * and marked CT4/CT5 and the punctuality point NG5. At the April 2022 meeting they gave each other
 * frank feedback on conduct, speech, behaviour and setting an example — the pairs the meeting's
 * minutes name (buildDemoMeetings) and more — and accepted it; by December most of it was verified
 * as fixed, judged on the record where the record can tell (late again after April or not, feedback
 * actually given, tasks finished on time). Elsewhere the practice runs at an ordinary pace, and the
 * three cells whose meetings were least attended in 2022 also took part least: many members never
 * opened a self-examination or left it a draft, and little feedback was given.
 *
 * The one exception to the year: the demo account `dangvien.dongthu` belongs to a member admitted in
 * 2025, who therefore has no 2022 record. So that signing in as them shows a lived-in "Tự soi" page,
 * they get their own first year — a 2025 year-end self-examination, its 2026 correction items and a
 * little feedback — dated before DEMO_REFERENCE_DATE (see `accountHolderYear`).
 *
 * Consistent with `buildDemoCommune` and `buildDemoMeetings`, whose output it takes. Deterministic
 * (seeded streams per cell, member and item) and pure: no I/O, no ids (the seed assigns UUIDs to
 * records and to the keys of the stored shortcomings and follow-ups).
 */
import { DEMO_REFERENCE_DATE, type DemoCommune, type DemoMember, type DemoUnit } from './commune.js';
import { addDays, cellInfo, YEAR_END, type CellInfo, type DemoMeeting } from './meetings.js';
import { hashSeed, Rng } from './random.js';
import { meetingStartsAt } from '../domain/attendance.js';
import { joinFullName } from '../domain/vietnamese.js';
import type {
  CauseKind,
  ExemplaryMark,
  FeedbackDirection,
  FeedbackStatus,
  FeedbackTopic,
  ManifestationMark,
  PlanItemSource,
  PlanItemStatus,
  SelfExamPeriodKind,
  SelfExamStatus,
} from '../shared/enums.js';

export const DEMO_SELF_EXAM_YEAR = 2022;
const YEAR = DEMO_SELF_EXAM_YEAR;
const DONG_THU = 'cell-dong-thu';
const LUU_QUANG = 'cell-luu-quang';
/** Members admitted after this day make their first self-examination the next year (as with the pledges). */
const CUTOFF = `${YEAR}-10-15`;
/** The commune's directive on Nghị quyết T.Ư 4, "gắn với việc tự soi, tự sửa", reached the cells this day. */
const NQ4_DIRECTIVE = `${YEAR}-03-14`;

/** The checklist codes the demo marks (reference/manifestations-27.json, reference/exemplary-qd08.json). */
export const MANIFESTATION_CODES: readonly string[] = ['CT', 'DD', 'DB'].flatMap((g) => Array.from({ length: 9 }, (_, i) => `${g}${i + 1}`));
export const EXEMPLARY_CODES: readonly string[] = Array.from({ length: 10 }, (_, i) => `NG${i + 1}`);

// ---------------------------------------------------------------------------
// What the builder returns
// ---------------------------------------------------------------------------

export interface DemoAnswer {
  /** Checklist item code (CT4, NG5…). */
  code: string;
  mark: ManifestationMark | ExemplaryMark;
  note: string | null;
}

/** One hạn chế, khuyết điểm as stored in shortcomings_json (the seed gives `key` a UUID). */
export interface DemoShortcoming {
  key: string;
  text: string;
  causeKind: CauseKind | null;
  cause: string;
  plan: { action: string; deadline: string | null; successCriteria: string } | null;
}

/** What was done about an earlier shortcoming, as stored in followups_json. */
export interface DemoFollowup {
  key: string;
  /** A demo plan item's key, or null for one from before the demo's records (kiểm điểm 2021). */
  planItemKey: string | null;
  shortcoming: string;
  status: PlanItemStatus | null;
  result: string;
}

export interface DemoSelfExamination {
  key: string;
  cellKey: string;
  memberKey: string;
  periodKind: Extract<SelfExamPeriodKind, 'year' | 'quarter'>;
  year: number;
  quarter: number | null;
  status: SelfExamStatus;
  strengths: string;
  answers: DemoAnswer[];
  shortcomings: DemoShortcoming[];
  followups: DemoFollowup[];
  /** Saves while the member typed. */
  revision: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  /** The cell secretary (the cell committee member who keeps the record for the secretary's own). */
  reviewedByKey: string | null;
  reviewComment: string | null;
}

export interface DemoFeedback {
  key: string;
  cellKey: string;
  direction: FeedbackDirection;
  /** Null for anonymous feedback (no author is kept, not even here) and for the cell's own. */
  giverKey: string | null;
  /** Null for upward feedback to the cell committee as a whole. */
  receiverKey: string | null;
  anonymous: boolean;
  topic: FeedbackTopic;
  text: string;
  /** Given in the cell's meeting of this day (the seed links the meeting). */
  meetingDate: string | null;
  /**
   * A checklist item code it points at (DD3, for coldness towards people). Never one of the grave
   * groups: feedback naming those goes to the cell committee and UBKT, and is not accepted as a plan item.
   */
  manifestationCode: string | null;
  status: FeedbackStatus;
  answerText: string | null;
  answeredAt: string | null;
  answeredByKey: string | null;
  givenOn: string;
  createdAt: string;
  updatedAt: string;
}

export interface DemoPlanProgress {
  kind: 'note' | 'claimed' | 'fixed' | 'returned';
  note: string;
  /** The member for notes and claims; the verifier for fixed and returned. */
  authorKey: string;
  at: string;
}

export interface DemoPlanItem {
  key: string;
  /** `${memberKey}/${year}`: one correction plan per member per year. */
  planKey: string;
  cellKey: string;
  memberKey: string;
  year: number;
  /** 1-based, in the order the items arrived. */
  position: number;
  shortcoming: string;
  action: string;
  deadline: string;
  successCriteria: string;
  sourceKind: Extract<PlanItemSource, 'self_examination' | 'feedback'>;
  selfExamKey: string | null;
  feedbackKey: string | null;
  status: PlanItemStatus;
  claimedOn: string | null;
  verifiedOn: string | null;
  verifiedByKey: string | null;
  verificationComment: string | null;
  /** The member who added it (the self-examination's author, or the receiver who accepted the feedback). */
  createdByKey: string;
  createdAt: string;
  updatedAt: string;
  progress: DemoPlanProgress[];
}

export interface DemoCorrectionPlan {
  key: string;
  cellKey: string;
  memberKey: string;
  year: number;
  createdAt: string;
  updatedAt: string;
}

export interface DemoSelfExamData {
  /** The cells with low participation (least attended meetings), for tests and docs. */
  lowParticipationCells: string[];
  selfExaminations: DemoSelfExamination[];
  feedback: DemoFeedback[];
  plans: DemoCorrectionPlan[];
  planItems: DemoPlanItem[];
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

const pad = (n: number): string => String(n).padStart(2, '0');
const maxDate = (a: string, b: string): string => (a > b ? a : b);
const minDate = (a: string, b: string): string => (a < b ? a : b);
/** dd/mm/yyyy, as the app shows dates. */
const shown = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const stripDot = (s: string): string => s.replace(/\.$/, '');

/** The last day of the month `months` after `date`'s month. */
function monthEndAfter(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const last = new Date(Date.UTC(y, m + 1, 0));
  return last.toISOString().slice(0, 10);
}

/** A random day in [from, to] (both yyyy-mm-dd); `from` when the range is empty. */
function dayBetween(rng: Rng, from: string, to: string): string {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return span <= 0 ? from : addDays(from, rng.int(0, span));
}

/** An instant during office hours (08:00–16:59, UTC+7) on `date`. */
const officeAt = (rng: Rng, date: string): string => `${date}T${pad(rng.int(1, 9))}:${pad(rng.int(0, 59))}:00.000Z`;
/** An instant in the evening (19:00–21:59, UTC+7) on `date`: when village members write. */
const eveningAt = (rng: Rng, date: string): string => `${date}T${pad(rng.int(12, 14))}:${pad(rng.int(0, 59))}:00.000Z`;
const plusMinutes = (instant: string, minutes: number): string => new Date(Date.parse(instant) + minutes * 60_000).toISOString();

const TOPIC_VI: Record<FeedbackTopic, string> = {
  working_style: 'tác phong, lề lối làm việc',
  speech: 'phát ngôn',
  behaviour: 'thái độ ứng xử',
  setting_example: 'trách nhiệm nêu gương',
  task_performance: 'việc thực hiện nhiệm vụ',
  cell_leadership: 'công tác lãnh đạo của chi ủy',
  other: 'một số nội dung khác',
};

// ---------------------------------------------------------------------------
// Cells and the record they left in 2022
// ---------------------------------------------------------------------------

interface Cell {
  unit: DemoUnit;
  info: CellInfo;
  village: boolean;
  story: boolean;
  low: boolean;
  /** Chair of the cell's meetings (the secretary) and its clerk (a cell committee member). */
  secretary: string;
  clerk: string;
  meetings: DemoMeeting[];
  /** Members who take part in 2022: not excused from party activities, admitted by CUTOFF. */
  members: DemoMember[];
  /** Full name → member key of everyone active in 2022, to read the meetings' minutes. */
  byName: Map<string, string>;
}

interface MemberRecord {
  /** Meetings (dates) the member arrived late to / was present at on time. */
  lateDates: string[];
  onTimeDates: string[];
  /** Meeting tasks the member owned: deadline, and whether they finished late or not at all. */
  tasks: { deadline: string; late: boolean }[];
}

interface Context {
  cells: Cell[];
  cellOf: Map<string, Cell>;
  names: Map<string, string>;
  records: Map<string, MemberRecord>;
  memberByKey: Map<string, DemoMember>;
}

const activeOn = (m: DemoMember, date: string): boolean => m.status !== 'exempt' && m.joinedOn <= date;

function memberRecords(meetings: readonly DemoMeeting[]): Map<string, MemberRecord> {
  const out = new Map<string, MemberRecord>();
  const get = (key: string) => {
    let r = out.get(key);
    if (!r) out.set(key, (r = { lateDates: [], onTimeDates: [], tasks: [] }));
    return r;
  };
  for (const m of meetings) {
    const start = Date.parse(meetingStartsAt(m.date, m.startTime));
    for (const a of m.attendance) {
      if (a.role !== 'member' || a.status !== 'present' || a.arrivedAt === null) continue;
      (Date.parse(a.arrivedAt) > start ? get(a.memberKey).lateDates : get(a.memberKey).onTimeDates).push(m.date);
    }
    for (const o of m.agenda.flatMap((a) => a.outcomes)) {
      const t = o.task;
      if (!t) continue;
      const late = t.doneOn === null ? t.close !== null : t.doneOn > t.deadline;
      get(t.ownerKey).tasks.push({ deadline: t.deadline, late });
    }
  }
  for (const r of out.values()) {
    r.lateDates.sort();
    r.onTimeDates.sort();
  }
  return out;
}

/**
 * The three cells with the least attended meetings of 2022, apart from the two the demo tells
 * stories about: where meetings are thin, self-examination and feedback are thin too.
 */
export function lowParticipationCells(meetings: readonly DemoMeeting[]): string[] {
  const counts = new Map<string, { present: number; total: number }>();
  for (const m of meetings) {
    if (m.cellKey === DONG_THU || m.cellKey === LUU_QUANG) continue;
    const c = counts.get(m.cellKey) ?? { present: 0, total: 0 };
    for (const a of m.attendance) {
      if (a.role !== 'member') continue;
      c.total += 1;
      if (a.status === 'present') c.present += 1;
    }
    counts.set(m.cellKey, c);
  }
  return [...counts]
    .map(([key, c]) => ({ key, rate: c.present / Math.max(1, c.total) }))
    .sort((a, b) => a.rate - b.rate || a.key.localeCompare(b.key))
    .slice(0, 3)
    .map((c) => c.key);
}

function buildContext(commune: DemoCommune, meetings: readonly DemoMeeting[]): Context {
  const low = new Set(lowParticipationCells(meetings));
  const names = new Map<string, string>();
  const memberByKey = new Map<string, DemoMember>();
  for (const u of commune.units) {
    for (const m of u.members) {
      names.set(m.key, joinFullName(m));
      memberByKey.set(m.key, m);
    }
  }
  const cells: Cell[] = [];
  for (const unit of commune.units) {
    if (unit.kind !== 'cell') continue;
    const own = meetings.filter((m) => m.cellKey === unit.key).sort((a, b) => a.date.localeCompare(b.date));
    const first = own[0];
    if (!first) throw new Error(`demo self-examination: no meetings for ${unit.key}`);
    const members = unit.members.filter((m) => activeOn(m, CUTOFF));
    // Everyone who could be named in 2022's minutes, those admitted late in the year too.
    const byName = new Map<string, string>();
    for (const m of unit.members) if (activeOn(m, YEAR_END)) byName.set(joinFullName(m), m.key);
    const info = cellInfo(unit);
    cells.push({
      unit,
      info,
      village: info.type === 'village',
      story: unit.key === DONG_THU,
      low: low.has(unit.key),
      secretary: first.chairKey,
      clerk: first.secretaryKey,
      meetings: own,
      members,
      byName,
    });
  }
  return { cells, cellOf: new Map(cells.map((c) => [c.unit.key, c])), names, records: memberRecords(meetings), memberByKey };
}

const recordOf = (ctx: Context, key: string): MemberRecord => ctx.records.get(key) ?? { lateDates: [], onTimeDates: [], tasks: [] };
/** Who verifies a member's items and reviews their self-examination: the secretary, or for the secretary the clerk. */
const verifierOf = (cell: Cell, memberKey: string): string => (memberKey === cell.secretary ? cell.clerk : cell.secretary);

// ---------------------------------------------------------------------------
// Shortcomings and the corrections proposed for them
// ---------------------------------------------------------------------------

/** How an item's outcome is judged: on the attendance record, the feedback given, the tasks, or drawn. */
type Kind = 'late' | 'reluctant' | 'vague' | 'study' | 'example' | 'service' | 'speech' | 'residence' | 'feedback';

interface ShortcomingText {
  text: string;
  causeKind: CauseKind;
  cause: string;
  action: string;
  success: (deadline: string) => string;
  /** Months from the day it was written to the deadline (the month's last day). */
  months: readonly [number, number];
}

const LATE: ShortcomingText = {
  text: 'Còn có lần đi sinh hoạt chi bộ muộn, chưa báo cáo trước với chi ủy.',
  causeKind: 'subjective',
  cause: 'Chủ quan, chưa coi trọng giờ giấc sinh hoạt; chưa sắp xếp hợp lý công việc để có mặt đúng giờ.',
  action: 'Sắp xếp công việc để có mặt trước giờ sinh hoạt ít nhất 10 phút; khi bận đột xuất phải báo cáo đồng chí bí thư trước buổi họp.',
  success: (d) => `Có mặt đúng giờ ở tất cả các kỳ sinh hoạt chi bộ đến ngày ${shown(d)}.`,
  months: [2, 3],
};

const RELUCTANT: ShortcomingText = {
  text: 'Còn nể nang, ngại va chạm, dĩ hòa vi quý; trong sinh hoạt chi bộ chưa mạnh dạn góp ý cho đồng chí khác.',
  causeKind: 'subjective',
  cause: 'Tâm lý ngại mất lòng, sợ ảnh hưởng đến quan hệ đồng chí, đồng nghiệp.',
  action: 'Mỗi kỳ sinh hoạt chuẩn bị trước ý kiến; chủ động góp ý thẳng thắn, cụ thể, trên tinh thần xây dựng.',
  success: () => 'Có ít nhất một ý kiến góp ý cụ thể cho đồng chí, đồng nghiệp được ghi nhận trong năm.',
  months: [4, 6],
};

const VAGUE: ShortcomingText = {
  text: 'Nhận nhiệm vụ nhưng triển khai còn chung chung, chưa có kế hoạch cụ thể; báo cáo kết quả chưa kịp thời, để chi ủy phải nhắc.',
  causeKind: 'both',
  cause: 'Chủ quan: chưa lập kế hoạch cho từng việc được giao; khách quan: khối lượng công việc lớn, nhiều việc dồn cùng lúc.',
  action: 'Mỗi việc được giao ghi rõ việc cần làm, kết quả cần đạt và thời hạn; báo cáo tiến độ với chi ủy trước mỗi kỳ sinh hoạt.',
  success: (d) => `Các nhiệm vụ chi bộ giao có thời hạn đến ngày ${shown(d)} đều hoàn thành đúng hạn và có báo cáo kết quả.`,
  months: [3, 5],
};

const STUDY: ShortcomingText = {
  text: 'Việc tự học tập, nghiên cứu nghị quyết của Đảng, chính sách, pháp luật của Nhà nước còn hạn chế.',
  causeKind: 'subjective',
  cause: 'Chưa dành thời gian thường xuyên cho việc tự học; còn trông chờ vào việc nghe phổ biến tại chi bộ.',
  action: 'Mỗi tháng dành ít nhất hai buổi tự nghiên cứu tài liệu; ghi sổ tay những nội dung liên hệ với công việc của bản thân.',
  success: () => 'Có sổ tay ghi chép học tập; nắm được và trao đổi được nội dung chính của các nghị quyết được phổ biến trong sinh hoạt chi bộ.',
  months: [4, 8],
};

const EXAMPLE: ShortcomingText = {
  text: 'Chưa thật sự gương mẫu trong việc vận động gia đình phân loại rác tại nguồn, giữ vệ sinh đường làng, ngõ xóm.',
  causeKind: 'both',
  cause: 'Chủ quan: chưa quan tâm nhắc nhở người thân; khách quan: thói quen sinh hoạt lâu năm của gia đình.',
  action: 'Cùng gia đình phân loại rác tại nguồn, dọn vệ sinh trước cửa nhà hằng tuần; vận động các hộ lân cận cùng thực hiện.',
  success: () => 'Gia đình phân loại rác hằng ngày; vận động được ít nhất 3 hộ lân cận cùng thực hiện.',
  months: [2, 4],
};

const SPEECH: ShortcomingText = {
  text: 'Có lúc chia sẻ, bình luận thông tin chưa được kiểm chứng trên mạng xã hội.',
  causeKind: 'subjective',
  cause: 'Chưa cẩn trọng khi sử dụng mạng xã hội, chưa nhận thức đầy đủ trách nhiệm của đảng viên trong phát ngôn.',
  action: 'Chỉ chia sẻ thông tin từ nguồn chính thống; có băn khoăn thì phản ánh với chi ủy thay vì bình luận trên mạng.',
  success: () => 'Không có bài viết, bình luận sai sự thật; chi ủy không nhận được phản ánh về phát ngôn của bản thân.',
  months: [2, 3],
};

const RESIDENCE: ShortcomingText = {
  text: 'Chưa thường xuyên giữ mối liên hệ với chi bộ và nhân dân nơi cư trú theo Quy định số 213-QĐ/TW.',
  causeKind: 'both',
  cause: 'Chủ quan: chưa sắp xếp thời gian; khách quan: công việc ở cơ quan thường kéo dài đến tối.',
  action: 'Dự đầy đủ các buổi sinh hoạt được chi bộ nơi cư trú mời; tham gia ít nhất hai hoạt động của khu dân cư mỗi quý.',
  success: () => 'Chi bộ nơi cư trú nhận xét tốt trong phiếu nhận xét đảng viên cuối năm.',
  months: [6, 9],
};

/** Shortcomings in serving people and in the work itself, by kind of cell. */
const SERVICE: Record<CellInfo['type'], ShortcomingText> = {
  village: {
    text: 'Có việc đã hứa giải quyết với người dân trong xóm nhưng làm còn chậm, chưa thông tin lại kịp thời.',
    causeKind: 'subjective',
    cause: 'Chưa theo dõi sát các việc đã nhận, còn để việc cá nhân lấn át.',
    action: 'Ghi sổ các việc người dân đề nghị; trả lời hoặc báo cáo chi ủy trong vòng một tuần.',
    success: () => 'Mọi đề nghị của người dân được trả lời trong một tuần; không có phản ánh về việc chậm trễ.',
    months: [3, 5],
  },
  people_committee: {
    text: 'Giải quyết hồ sơ, kiến nghị của người dân có lúc còn chậm so với thời hạn.',
    causeKind: 'both',
    cause: 'Chủ quan: chưa sắp xếp công việc khoa học; khách quan: số lượng hồ sơ tăng, một số hồ sơ phải chờ ý kiến của cấp trên.',
    action: 'Lập sổ theo dõi từng hồ sơ; hồ sơ sắp đến hạn báo cáo lãnh đạo xử lý trước; trả lời người dân bằng văn bản khi phải gia hạn.',
    success: () => '100% hồ sơ được giải quyết đúng hạn hoặc có văn bản hẹn lại gửi người dân.',
    months: [3, 6],
  },
  party_office: {
    text: 'Tham mưu văn bản cho Đảng ủy có lúc còn chậm so với yêu cầu.',
    causeKind: 'both',
    cause: 'Chủ quan: chưa chủ động nắm tình hình từ các chi bộ; khách quan: nhiều văn bản cấp trên đến cùng lúc.',
    action: 'Lập lịch theo dõi văn bản đến hạn; chủ động xin ý kiến và trình dự thảo sớm ít nhất hai ngày.',
    success: () => 'Các văn bản tham mưu được trình đúng hoặc trước thời hạn.',
    months: [3, 6],
  },
  police: {
    text: 'Có lúc tiếp nhận, giải quyết tin báo của người dân về an ninh trật tự chưa kịp thời.',
    causeKind: 'both',
    cause: 'Chủ quan: chưa chủ động phối hợp với tổ an ninh ở thôn; khách quan: địa bàn rộng, lực lượng mỏng.',
    action: 'Thông báo số điện thoại trực ban tại các thôn; phản hồi mọi tin báo trong ngày.',
    success: () => 'Mọi tin báo của người dân được phản hồi trong ngày, có sổ theo dõi.',
    months: [3, 6],
  },
  military: {
    text: 'Công tác quản lý, huấn luyện lực lượng dân quân có lúc chưa chặt chẽ.',
    causeKind: 'subjective',
    cause: 'Chưa kiểm tra thường xuyên việc chấp hành lịch trực, lịch huấn luyện.',
    action: 'Kiểm tra lịch trực hằng tuần; báo cáo kết quả huấn luyện với chi ủy hằng tháng.',
    success: () => 'Lực lượng dân quân hoàn thành kế hoạch huấn luyện năm, không có trường hợp bỏ trực.',
    months: [4, 8],
  },
  school: {
    text: 'Đổi mới phương pháp giảng dạy, ứng dụng công nghệ thông tin trong giảng dạy còn chậm.',
    causeKind: 'both',
    cause: 'Chủ quan: còn ngại thay đổi cách làm quen thuộc; khách quan: thiết bị của nhà trường còn thiếu.',
    action: 'Mỗi học kỳ dạy ít nhất hai tiết có ứng dụng công nghệ thông tin; tham gia đầy đủ các buổi bồi dưỡng chuyên môn.',
    success: () => 'Có bài giảng điện tử được tổ chuyên môn đánh giá đạt yêu cầu.',
    months: [4, 8],
  },
  health: {
    text: 'Có lúc giải thích, hướng dẫn người bệnh và người nhà chưa thật sự ân cần, chu đáo.',
    causeKind: 'both',
    cause: 'Chủ quan: chưa kiềm chế khi quá tải; khách quan: đông người đến khám và tiêm chủng cùng lúc.',
    action: 'Thực hiện đúng quy tắc ứng xử của ngành y tế; hướng dẫn người bệnh tận tình, đầy đủ.',
    success: () => 'Không có phản ánh của người dân về thái độ phục vụ.',
    months: [2, 4],
  },
};

/** Kiểm điểm năm 2021: what members say in 2022 about their last year's shortcomings (no demo records). */
const FOLLOWUPS_2021: readonly { shortcoming: string; result: string }[] = [
  { shortcoming: 'Kiểm điểm năm 2021: chưa thường xuyên tham gia các hoạt động ở khu dân cư.', result: 'Đã khắc phục một phần; năm 2022 tiếp tục thực hiện.' },
  { shortcoming: 'Kiểm điểm năm 2021: có quý còn nộp đảng phí chậm.', result: 'Đã khắc phục: từ quý IV/2021 nộp đảng phí đúng kỳ.' },
  { shortcoming: 'Kiểm điểm năm 2021: chưa mạnh dạn đề xuất ý kiến trong sinh hoạt chi bộ.', result: 'Chưa khắc phục được; tiếp tục đưa vào kế hoạch tự sửa năm 2022.' },
  { shortcoming: 'Kiểm điểm năm 2021: việc tự học tập nghị quyết còn hạn chế.', result: 'Đã tham gia đầy đủ các buổi học tập nghị quyết do Đảng ủy xã tổ chức.' },
  { shortcoming: 'Kiểm điểm năm 2021: có việc được giao hoàn thành chậm.', result: 'Đã rút kinh nghiệm; các việc cuối năm 2021 hoàn thành đúng hạn.' },
];
const FOLLOWUP_LATE_2021 = {
  shortcoming: 'Kiểm điểm năm 2021: còn đi sinh hoạt chi bộ muộn.',
  result: 'Chưa khắc phục được, quý I/2022 vẫn còn đi muộn; đưa vào kế hoạch tự sửa năm 2022.',
};

const STRENGTHS_COMMON: readonly string[] = [
  'Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và các quy định của địa phương.',
  'Giữ gìn đạo đức, lối sống giản dị; đoàn kết, gần gũi với đồng chí và nhân dân.',
  'Tham gia đầy đủ các buổi học tập, quán triệt nghị quyết do chi bộ và Đảng ủy xã tổ chức.',
  'Đóng đảng phí đầy đủ, đúng kỳ.',
];
const STRENGTHS_VILLAGE: readonly string[] = [
  'Tích cực tham gia các phong trào của thôn; vận động gia đình chấp hành tốt quy định của địa phương.',
  'Nhiệt tình tham gia vận động nhân dân hiến đất, góp công xây dựng nông thôn mới.',
];
const STRENGTHS_OFFICE: readonly string[] = [
  'Hoàn thành các nhiệm vụ chuyên môn được giao tại {where}.',
  'Có tinh thần trách nhiệm, sẵn sàng nhận và hoàn thành việc khó.',
];

/** The note beside a mark that is not the best one, by item code. */
const MARK_NOTES: Record<string, readonly string[]> = {
  CT3: ['Chưa dành thời gian tự nghiên cứu nghị quyết.', 'Việc tự học lý luận chính trị chưa thường xuyên.'],
  CT4: ['Có lúc làm việc còn qua loa, chưa đến nơi đến chốn.', 'Có lần đi sinh hoạt muộn, nhận việc nhưng báo cáo chậm.'],
  CT5: ['Còn nể nang, ngại va chạm khi góp ý cho đồng chí.', 'Thấy khuyết điểm của đồng chí nhưng chưa góp ý trực tiếp.'],
  CT6: ['Có việc đã hứa với người dân nhưng làm còn chậm.'],
  CT7: ['Có lần chia sẻ thông tin chưa kiểm chứng trên mạng xã hội.'],
  CT9: ['Đôi lúc còn bàn tán về đồng chí khác thay vì góp ý trực tiếp.'],
  DD3: ['Có lúc chưa kịp thời nắm bắt khó khăn của người dân.'],
  DD7: ['Báo cáo có lúc còn nặng về kết quả, chưa nêu hết hạn chế.'],
  DD9: ['Gia đình còn giữ một số thủ tục rườm rà trong việc hiếu, hỉ.'],
  NG5: ['Có lần đi sinh hoạt chi bộ muộn.', 'Giờ giấc sinh hoạt chưa nghiêm.'],
  NG6: ['Có việc được giao hoàn thành chậm.'],
  NG7: ['Chưa mạnh dạn tự phê bình và phê bình.'],
  NG8: ['Việc tự học, tự rèn luyện còn hạn chế.'],
  NG9: ['Chưa thường xuyên gặp gỡ, lắng nghe ý kiến của nhân dân.'],
  NG10: ['Chưa vận động được người thân gương mẫu thực hiện đầy đủ quy định của địa phương.'],
};

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
// Items awaiting their outcome
// ---------------------------------------------------------------------------

interface PendingItem {
  key: string;
  cell: Cell;
  memberKey: string;
  year: number;
  kind: Kind;
  shortcoming: string;
  action: string;
  successCriteria: string;
  deadline: string;
  sourceKind: 'self_examination' | 'feedback';
  selfExamKey: string | null;
  feedbackKey: string | null;
  topic: FeedbackTopic | null;
  createdAt: string;
  createdOn: string;
  /** Dates after which nothing happens: the end of 2022 for the 2022 record. */
  until: string;
}

interface Builder {
  ctx: Context;
  exams: DemoSelfExamination[];
  feedback: DemoFeedback[];
  pending: PendingItem[];
}

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
  const lateYear = rec.lateDates.length;
  const out: Chosen[] = [];
  if (cell.story) {
    const q1Tasks = rec.tasks.filter((t) => t.deadline < '2022-05-01');
    if (lateBefore > 0) {
      out.push({
        kind: 'late',
        text: {
          ...LATE,
          text: `Đi sinh hoạt chi bộ muộn ${lateBefore} lần trong quý I/2022, không báo cáo trước với chi ủy, để chi bộ phải chờ.`,
          cause: 'Chủ quan, chưa coi trọng giờ giấc sinh hoạt; chưa sắp xếp hợp lý công việc gia đình, đồng áng để có mặt đúng giờ.',
        },
      });
    }
    if (rng.chance(0.85)) {
      out.push({
        kind: 'reluctant',
        text: {
          ...RELUCTANT,
          text: 'Còn nể nang, ngại va chạm, dĩ hòa vi quý; thấy đồng chí đi họp muộn, làm việc qua loa nhưng không góp ý.',
          cause: 'Tâm lý ngại mất lòng, sợ ảnh hưởng đến tình làng nghĩa xóm, họ hàng.',
          success: () => 'Có ý kiến góp ý cụ thể cho đồng chí khác ở ít nhất 2 kỳ sinh hoạt, được ghi vào biên bản.',
        },
      });
    }
    if ((q1Tasks.length > 0 && rng.chance(0.7)) || rng.chance(0.15)) {
      out.push({
        kind: 'vague',
        text: { ...VAGUE, cause: 'Chủ quan: nhận việc nhưng chưa lập kế hoạch cụ thể; khách quan: nhiệm vụ chi bộ giao còn chung chung, chưa rõ thời hạn.' },
      });
    }
    if (out.length < 3 && rng.chance(0.25)) out.push(rng.chance(0.5) ? { kind: 'study', text: STUDY } : { kind: 'example', text: EXAMPLE });
    if (out.length === 0) out.push({ kind: 'reluctant', text: { ...RELUCTANT, cause: 'Tâm lý ngại mất lòng, sợ ảnh hưởng đến tình làng nghĩa xóm, họ hàng.' } });
    return out.slice(0, 3);
  }
  const village = cell.village;
  const candidates: [Chosen, number][] = [
    [{ kind: 'late', text: LATE }, lateYear >= 2 || lateBefore >= 1 ? 0.6 : 0],
    [{ kind: 'reluctant', text: village ? { ...RELUCTANT, cause: 'Tâm lý ngại mất lòng, sợ ảnh hưởng đến tình làng nghĩa xóm.' } : RELUCTANT }, 0.3],
    [{ kind: 'vague', text: VAGUE }, 0.12],
    [{ kind: 'study', text: STUDY }, 0.22],
    [{ kind: 'service', text: SERVICE[cell.info.type] }, village ? 0.1 : 0.25],
    [{ kind: 'example', text: EXAMPLE }, village ? 0.15 : 0],
    [{ kind: 'residence', text: RESIDENCE }, village ? 0 : 0.12],
    [{ kind: 'speech', text: SPEECH }, 0.04],
  ];
  for (const [c, p] of candidates) if (rng.chance(p)) out.push(c);
  if (out.length === 0) out.push(rng.chance(0.5) ? { kind: 'study', text: STUDY } : { kind: 'service', text: SERVICE[cell.info.type] });
  return rng.shuffle(out).slice(0, rng.chance(0.7) ? 2 : 3);
}

/** The marks of a member's self-examination, consistent with the shortcomings they name. */
function marksFor(rng: Rng, ctx: Context, cell: Cell, m: DemoMember, chosen: readonly Chosen[], writtenOn: string): DemoAnswer[] {
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

  const answers: DemoAnswer[] = [];
  for (const code of MANIFESTATION_CODES) {
    const mark = (marks.get(code) as ManifestationMark | undefined) ?? 'none';
    answers.push({ code, mark, note: mark === 'none' ? null : rng.pick(MARK_NOTES[code] ?? ['Cần tiếp tục tự rèn luyện.']) });
  }
  for (const code of EXEMPLARY_CODES) {
    const mark = (marks.get(code) as ExemplaryMark | undefined) ?? 'good';
    answers.push({ code, mark, note: mark === 'good' ? null : rng.pick(MARK_NOTES[code] ?? ['Cần tiếp tục tự rèn luyện.']) });
  }
  return answers;
}

function strengthsFor(rng: Rng, cell: Cell): string {
  const own = (cell.village ? STRENGTHS_VILLAGE : STRENGTHS_OFFICE).map((s) => s.replaceAll('{where}', cell.info.where));
  return [...rng.sample(STRENGTHS_COMMON, rng.int(2, 3)), rng.pick(own)].join(' ');
}

function buildExams(b: Builder, cell: Cell): void {
  for (const m of cell.members) {
    const rng = new Rng(hashSeed(`self-exam/${m.key}`));
    const level = participation(rng, cell);
    if (level === 'none') continue;
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
    const chosen = chooseShortcomings(rng, b.ctx, cell, m, writtenOn);
    const answers = marksFor(rng, b.ctx, cell, m, chosen, writtenOn);
    const strengths = strengthsFor(rng, cell);
    const shortcomings: DemoShortcoming[] = chosen.map((c, i) => {
      const deadline = monthEndAfter(writtenOn, rng.int(c.text.months[0], c.text.months[1]));
      const capped = minDate(deadline, YEAR_END);
      return {
        key: `${key}/s${i + 1}`,
        text: c.text.text,
        causeKind: c.text.causeKind,
        cause: c.text.cause,
        plan: { action: c.text.action, deadline: capped, successCriteria: c.text.success(capped) },
      };
    });
    const followups: DemoFollowup[] = [];
    const lateBefore = recordOf(b.ctx, m.key).lateDates.some((d) => d < writtenOn);
    if (!joinedThisYear && (cell.story ? lateBefore || rng.chance(0.3) : rng.chance(0.35))) {
      const f = cell.story && lateBefore ? FOLLOWUP_LATE_2021 : rng.pick(FOLLOWUPS_2021);
      followups.push({ key: `${key}/f1`, planItemKey: null, shortcoming: f.shortcoming, status: null, result: f.result });
    }

    if (level === 'draft') {
      // Left half-written: some items marked, a shortcoming begun.
      const marked = rng.int(0, answers.length);
      const updatedOn = minDate(addDays(createdOn, rng.int(0, 40)), YEAR_END);
      const begun = rng.chance(0.5) ? shortcomings.slice(0, 1).map((s) => ({ ...s, plan: rng.chance(0.5) ? null : { ...s.plan!, successCriteria: '' } })) : [];
      b.exams.push({
        key,
        cellKey: cell.unit.key,
        memberKey: m.key,
        periodKind: 'year',
        year: YEAR,
        quarter: null,
        status: 'draft',
        strengths: rng.chance(0.5) ? strengths : '',
        answers: answers.slice(0, marked),
        shortcomings: begun,
        followups: [],
        revision: rng.int(1, 6),
        createdAt: at(createdOn),
        updatedAt: at(updatedOn),
        submittedAt: null,
        reviewedAt: null,
        reviewedByKey: null,
        reviewComment: null,
      });
      continue;
    }

    const submittedAt = at(submittedOn!);
    const reviewedOn = level === 'reviewed' ? dayBetween(rng, `${YEAR}-12-12`, `${YEAR}-12-28`) : null;
    const exam: DemoSelfExamination = {
      key,
      cellKey: cell.unit.key,
      memberKey: m.key,
      periodKind: 'year',
      year: YEAR,
      quarter: null,
      status: level,
      strengths,
      answers,
      shortcomings,
      followups,
      revision: rng.int(4, 16),
      createdAt: at(createdOn),
      updatedAt: submittedAt,
      submittedAt,
      reviewedAt: reviewedOn ? officeAt(rng, reviewedOn) : null,
      reviewedByKey: reviewedOn ? verifierOf(cell, m.key) : null,
      reviewComment: null, // written once the year's items are judged
    };
    if (exam.reviewedAt) exam.updatedAt = exam.reviewedAt;
    b.exams.push(exam);
    // Submitting turns each proposed correction into an item of the year's plan.
    shortcomings.forEach((s, i) => {
      b.pending.push({
        key: `${key}/item${i + 1}`,
        cell,
        memberKey: m.key,
        year: YEAR,
        kind: chosen[i]!.kind,
        shortcoming: stripDot(s.text),
        action: s.plan!.action,
        successCriteria: s.plan!.successCriteria,
        deadline: s.plan!.deadline!,
        sourceKind: 'self_examination',
        selfExamKey: key,
        feedbackKey: null,
        topic: null,
        createdAt: submittedAt,
        createdOn: submittedOn!,
        until: YEAR_END,
      });
    });
  }
}

// ---------------------------------------------------------------------------
// Feedback
// ---------------------------------------------------------------------------

interface FeedbackText {
  topic: FeedbackTopic;
  text: string;
  /** The correction-plan item an acceptance creates. */
  shortcoming: string;
  action: string;
  success: string;
  months: readonly [number, number];
  /** The receiver's explanation, when they explain instead of accepting. */
  explain: string;
  kind?: Kind;
  manifestation?: string;
  only?: 'village' | 'office';
}

/** The five pairs the April 2022 Đồng Thứ minutes name, by the aspect's first words. */
const APRIL_ASPECTS: Record<string, FeedbackText> = {
  'tác phong': {
    topic: 'working_style',
    text: 'Đồng chí nhiều lần đi họp muộn, không báo trước với chi ủy, để cả chi bộ phải chờ. Đề nghị đồng chí sắp xếp công việc để có mặt đúng giờ.',
    shortcoming: 'Nhiều lần đi sinh hoạt chi bộ muộn, không báo trước với chi ủy',
    action: 'Sắp xếp công việc gia đình để có mặt trước giờ sinh hoạt 10 phút; bận đột xuất thì báo đồng chí bí thư trước.',
    success: 'Có mặt đúng giờ ở tất cả các kỳ sinh hoạt chi bộ từ tháng 5/2022.',
    months: [2, 3],
    explain: '',
    kind: 'late',
  },
  'lề lối làm việc': {
    topic: 'working_style',
    text: 'Đồng chí nhận việc nhưng không báo cáo kết quả, để chi ủy phải nhắc nhiều lần. Đề nghị đồng chí báo cáo tiến độ ngay khi có kết quả.',
    shortcoming: 'Nhận việc nhưng không báo cáo kết quả, để chi ủy phải nhắc',
    action: 'Ghi sổ các việc được giao; báo cáo kết quả với chi ủy trước hạn, không để phải nhắc.',
    success: 'Các việc được giao từ tháng 4/2022 đều có báo cáo kết quả đúng hạn.',
    months: [2, 4],
    explain: '',
    kind: 'vague',
  },
  'phát ngôn': {
    topic: 'speech',
    text: 'Đồng chí bình luận thiếu kiểm chứng về việc giao đất dịch vụ khu Trại Khóng ở nơi đông người, dễ gây hiểu lầm trong nhân dân. Đề nghị đồng chí chỉ nói những điều đã được chi bộ, chính quyền thông tin chính thức.',
    shortcoming: 'Bình luận thiếu kiểm chứng về việc giao đất dịch vụ khu Trại Khóng ở nơi đông người',
    action: 'Không bình luận những việc chưa có thông tin chính thức; có băn khoăn thì hỏi chi ủy, Ủy ban nhân dân xã.',
    success: 'Không còn phản ánh về phát ngôn thiếu kiểm chứng; giải thích đúng chủ trương giao đất cho người dân khi được hỏi.',
    months: [2, 3],
    explain: '',
  },
  'thái độ ứng xử': {
    topic: 'behaviour',
    text: 'Đồng chí còn nóng nảy khi người dân hỏi về công trình xây dựng trước năm 2014. Đề nghị đồng chí bình tĩnh lắng nghe, giải thích rõ quy định.',
    shortcoming: 'Còn nóng nảy khi người dân hỏi về công trình xây dựng trước năm 2014',
    action: 'Bình tĩnh lắng nghe, giải thích đúng quy định; việc chưa rõ thì hẹn và báo cáo chi ủy.',
    success: 'Không có phản ánh của người dân về thái độ khi tiếp xúc, giải thích.',
    months: [2, 3],
    explain: '',
  },
  'nêu gương': {
    topic: 'setting_example',
    text: 'Gia đình đồng chí còn để vật liệu xây dựng lấn ra đường làng, ảnh hưởng đến việc đi lại. Đề nghị đồng chí gương mẫu thu dọn trước.',
    shortcoming: 'Gia đình còn để vật liệu xây dựng lấn ra đường làng',
    action: 'Thu dọn vật liệu xây dựng vào trong khuôn viên nhà trong tháng 4; vận động các hộ lân cận cùng làm.',
    success: 'Đường làng trước nhà thông thoáng, không còn vật liệu lấn chiếm.',
    months: [1, 2],
    explain: '',
  },
};

/** The aspects ordinary meetings' minutes name (ordinaryCriticismItem in demo-meetings.ts). */
const ORDINARY_ASPECTS: Record<string, FeedbackText> = {
  'việc báo cáo kết quả công việc được giao chưa kịp thời': {
    topic: 'task_performance',
    text: 'Đồng chí báo cáo kết quả công việc được giao chưa kịp thời, chi ủy khó theo dõi tiến độ chung.',
    shortcoming: 'Báo cáo kết quả công việc được giao chưa kịp thời',
    action: 'Báo cáo kết quả từng việc ngay khi xong, chậm nhất trước kỳ sinh hoạt kế tiếp.',
    success: 'Các việc được giao đều có báo cáo kết quả đúng hạn.',
    months: [2, 3],
    explain: '',
  },
  'tác phong, lề lối làm việc': {
    topic: 'working_style',
    text: 'Tác phong, lề lối làm việc của đồng chí còn chưa khoa học: việc gấp chưa ưu tiên làm trước, có việc để dồn đến sát hạn.',
    shortcoming: 'Tác phong, lề lối làm việc chưa khoa học, để việc dồn đến sát hạn',
    action: 'Lập kế hoạch công việc hằng tuần, sắp xếp việc theo thứ tự ưu tiên.',
    success: 'Không còn việc phải làm dồn, làm gấp sát hạn.',
    months: [2, 3],
    explain: '',
  },
  'việc gương mẫu vận động gia đình thực hiện các quy định của địa phương': {
    topic: 'setting_example',
    text: 'Đồng chí cần gương mẫu hơn trong việc vận động gia đình thực hiện các quy định của địa phương.',
    shortcoming: 'Chưa gương mẫu vận động gia đình thực hiện các quy định của địa phương',
    action: 'Trao đổi với gia đình, cùng thực hiện đầy đủ các quy định của địa phương; làm trước để các hộ khác làm theo.',
    success: 'Gia đình thực hiện đầy đủ các quy định; không có ý kiến phản ánh.',
    months: [2, 3],
    explain: '',
  },
  'thái độ ứng xử khi tiếp xúc với người dân': {
    topic: 'behaviour',
    text: 'Thái độ ứng xử của đồng chí khi tiếp xúc với người dân có lúc chưa niềm nở, trả lời còn cộc lốc.',
    shortcoming: 'Thái độ ứng xử khi tiếp xúc với người dân có lúc chưa niềm nở',
    action: 'Lắng nghe, hướng dẫn người dân tận tình; việc chưa giải quyết được thì hẹn rõ thời gian trả lời.',
    success: 'Không có phản ánh của người dân về thái độ ứng xử.',
    months: [2, 3],
    explain: '',
  },
};

/** Feedback members give each other in and out of meetings, by topic. */
const MEMBER_FEEDBACK: readonly FeedbackText[] = [
  {
    topic: 'working_style',
    text: 'Đồng chí nhận việc nhưng chưa báo cáo tiến độ thường xuyên, để chi ủy phải hỏi lại.',
    shortcoming: 'Chưa báo cáo tiến độ công việc thường xuyên',
    action: 'Báo cáo tiến độ từng việc được giao với chi ủy trước mỗi kỳ sinh hoạt.',
    success: 'Các việc được giao đều có báo cáo tiến độ đúng hạn.',
    months: [2, 3],
    explain: 'Tôi xin giải trình: việc này tôi đã báo cáo trực tiếp với đồng chí bí thư, có lẽ chưa được thông tin lại trong chi bộ.',
  },
  {
    topic: 'working_style',
    text: 'Trong giờ sinh hoạt đồng chí còn làm việc riêng, dùng điện thoại, chưa tập trung theo dõi nội dung.',
    shortcoming: 'Còn làm việc riêng, dùng điện thoại trong giờ sinh hoạt',
    action: 'Tắt chuông điện thoại, tập trung theo dõi và tham gia ý kiến trong các kỳ sinh hoạt.',
    success: 'Không làm việc riêng trong giờ sinh hoạt; có ý kiến tham gia ở mỗi kỳ.',
    months: [1, 2],
    explain: 'Tôi xin giải trình: hôm đó tôi đang trực, phải nghe điện thoại báo việc gấp; sau này sẽ báo trước với chủ trì.',
  },
  {
    topic: 'speech',
    text: 'Đồng chí bình luận trên nhóm Zalo của {thon} về việc chưa được kiểm chứng, dễ gây hiểu lầm.',
    shortcoming: 'Bình luận thông tin chưa kiểm chứng trên nhóm Zalo',
    action: 'Chỉ chia sẻ thông tin chính thống; có ý kiến thì phản ánh với chi ủy trước.',
    success: 'Không còn bình luận, chia sẻ gây hiểu lầm; chi ủy không nhận phản ánh.',
    months: [1, 3],
    explain: 'Tôi xin giải trình: tôi chỉ chuyển tiếp thông báo của Ủy ban nhân dân xã, không bình luận thêm; tôi sẽ ghi rõ nguồn khi chia sẻ.',
  },
  {
    topic: 'speech',
    text: 'Khi phát biểu trong sinh hoạt đồng chí còn nói dài, chưa đi vào trọng tâm, chưa có đề xuất cụ thể.',
    shortcoming: 'Phát biểu trong sinh hoạt còn dài, chưa đi vào trọng tâm',
    action: 'Chuẩn bị trước ý kiến; nêu ngắn gọn vấn đề và đề xuất cách làm.',
    success: 'Ý kiến phát biểu ngắn gọn, có đề xuất cụ thể ở các kỳ sinh hoạt.',
    months: [1, 3],
    explain: 'Tôi xin giải trình: nội dung đó cần nêu đủ số liệu để chi bộ quyết định; lần sau tôi sẽ gửi trước số liệu cho chi ủy.',
  },
  {
    topic: 'speech',
    text: 'Đồng chí nói với người ngoài về nội dung sinh hoạt chi bộ chưa được công bố; đề nghị chú ý giữ nguyên tắc sinh hoạt nội bộ.',
    shortcoming: 'Nói với người ngoài về nội dung sinh hoạt nội bộ của chi bộ',
    action: 'Thực hiện đúng nguyên tắc: chỉ thông tin những nội dung chi bộ đã thống nhất công khai.',
    success: 'Không còn tình trạng nội dung sinh hoạt nội bộ bị nói ra ngoài.',
    months: [1, 2],
    explain: 'Tôi xin giải trình: nội dung tôi trao đổi là kế hoạch ra quân vệ sinh đã được chi bộ thống nhất thông báo cho các hộ.',
  },
  {
    topic: 'behaviour',
    text: 'Đồng chí tiếp người dân đến hỏi việc còn thiếu niềm nở, trả lời cộc lốc.',
    shortcoming: 'Thái độ tiếp người dân chưa niềm nở',
    action: 'Lắng nghe, hướng dẫn người dân tận tình; hẹn rõ thời gian trả lời những việc chưa giải quyết được ngay.',
    success: 'Không có phản ánh của người dân về thái độ.',
    months: [1, 3],
    explain: 'Tôi xin giải trình: hôm đó người dân đề nghị việc không đúng quy định, tôi đã giải thích nhưng có lẽ chưa khéo; tôi xin rút kinh nghiệm cách nói.',
    manifestation: 'DD3',
  },
  {
    topic: 'behaviour',
    text: 'Khi có ý kiến khác trong sinh hoạt, đồng chí còn nóng nảy, tranh luận gay gắt.',
    shortcoming: 'Còn nóng nảy, tranh luận gay gắt khi có ý kiến khác',
    action: 'Bình tĩnh lắng nghe ý kiến khác, trao đổi trên tinh thần xây dựng.',
    success: 'Các kỳ sinh hoạt sau không còn tranh luận gay gắt.',
    months: [1, 3],
    explain: 'Tôi xin giải trình: tôi bảo vệ ý kiến vì việc đó liên quan đến quyền lợi của các hộ; tôi sẽ chú ý cách nói cho mềm mỏng hơn.',
  },
  {
    topic: 'setting_example',
    text: 'Gia đình đồng chí còn đốt rơm rạ trên đồng sau thu hoạch, ảnh hưởng đến các hộ xung quanh.',
    shortcoming: 'Gia đình còn đốt rơm rạ trên đồng',
    action: 'Thu gom rơm rạ về ủ làm phân; vận động các hộ lân cận không đốt.',
    success: 'Gia đình không đốt rơm rạ trong các vụ còn lại của năm.',
    months: [2, 4],
    explain: 'Tôi xin giải trình: ruộng đó gia đình tôi đã cho hộ khác mượn cấy từ năm trước; tôi sẽ trao đổi với hộ đó.',
    only: 'village',
  },
  {
    topic: 'setting_example',
    text: 'Gia đình đồng chí chưa tham gia hiến đất mở rộng đường trục {thon}, trong khi nhiều hộ đã hiến.',
    shortcoming: 'Gia đình chưa tham gia hiến đất mở rộng đường trục thôn',
    action: 'Bàn với gia đình hiến phần đất trong chỉ giới mở đường; ký biên bản thống nhất với Ban phát triển thôn.',
    success: 'Gia đình ký biên bản hiến đất, bàn giao mặt bằng đúng tiến độ của thôn.',
    months: [2, 4],
    explain: 'Tôi xin giải trình: phần đất đó đang chờ đo đạc lại ranh giới với hộ bên cạnh; khi xong thủ tục gia đình sẽ thống nhất hiến.',
    only: 'village',
  },
  {
    topic: 'setting_example',
    text: 'Đồng chí còn hút thuốc lá trong phòng làm việc, chưa gương mẫu thực hiện nếp sống văn minh nơi công sở.',
    shortcoming: 'Còn hút thuốc lá trong phòng làm việc',
    action: 'Không hút thuốc lá tại nơi làm việc; tiến tới bỏ hẳn thuốc lá.',
    success: 'Không còn hút thuốc lá trong cơ quan.',
    months: [1, 3],
    explain: 'Tôi xin giải trình: tôi đã bỏ thuốc từ tháng trước, hôm đó là khách của cơ quan hút; tôi sẽ nhắc khách.',
    only: 'office',
  },
  {
    topic: 'setting_example',
    text: 'Đồng chí chưa tham gia các hoạt động của khu dân cư nơi cư trú, chi bộ nơi cư trú có ý kiến.',
    shortcoming: 'Chưa tham gia các hoạt động của khu dân cư nơi cư trú',
    action: 'Dự đầy đủ các buổi được chi bộ nơi cư trú mời; tham gia ít nhất hai hoạt động của khu dân cư mỗi quý.',
    success: 'Chi bộ nơi cư trú nhận xét tốt trong phiếu nhận xét cuối năm.',
    months: [3, 5],
    explain: 'Tôi xin giải trình: thời gian đó tôi được cử đi học tập trung, đã báo cáo với chi bộ nơi cư trú.',
    only: 'office',
  },
  {
    topic: 'task_performance',
    text: 'Việc đồng chí được giao trong tháng còn chậm, chưa báo cáo với chi ủy lý do chậm.',
    shortcoming: 'Thực hiện việc được giao còn chậm, không báo cáo lý do',
    action: 'Khi việc có nguy cơ chậm phải báo cáo ngay với chi ủy, đề xuất thời hạn mới.',
    success: 'Các việc được giao hoàn thành đúng hạn hoặc được chi ủy đồng ý gia hạn.',
    months: [2, 3],
    explain: 'Tôi xin giải trình: việc chậm do chờ số liệu của Ủy ban nhân dân xã; tôi đã báo cáo với đồng chí bí thư từ đầu tháng.',
  },
  {
    topic: 'task_performance',
    text: 'Báo cáo đồng chí gửi còn chậm so với thời hạn, số liệu chưa đầy đủ.',
    shortcoming: 'Báo cáo gửi chậm, số liệu chưa đầy đủ',
    action: 'Chuẩn bị số liệu trước hạn ba ngày; kiểm tra lại trước khi gửi.',
    success: 'Các báo cáo gửi đúng hạn, đủ số liệu.',
    months: [1, 3],
    explain: 'Tôi xin giải trình: báo cáo chậm vì mẫu biểu của cấp trên thay đổi sát ngày; tôi đã gửi bổ sung ngay sau đó.',
    only: 'office',
  },
];

/** The cell committee's word to a member (giver: the cell, no person). */
const CELL_FEEDBACK: readonly FeedbackText[] = [
  {
    topic: 'task_performance',
    text: 'Chi ủy đề nghị đồng chí nộp đảng phí đúng kỳ; quý vừa qua đồng chí còn nộp chậm so với quy định.',
    shortcoming: 'Nộp đảng phí chậm so với quy định',
    action: 'Nộp đảng phí vào kỳ sinh hoạt cuối mỗi quý.',
    success: 'Nộp đảng phí đúng kỳ các quý còn lại của năm.',
    months: [3, 4],
    explain: 'Tôi xin giải trình: quý vừa qua tôi đi công tác dài ngày, đã nhờ đồng chí tổ trưởng nộp hộ nhưng bị chậm.',
  },
  {
    topic: 'working_style',
    text: 'Chi ủy nhắc đồng chí: vắng sinh hoạt phải báo cáo lý do với chi ủy trước buổi họp.',
    shortcoming: 'Vắng sinh hoạt chưa báo cáo trước với chi ủy',
    action: 'Khi vắng phải báo cáo đồng chí bí thư trước buổi họp, nêu rõ lý do.',
    success: 'Các lần vắng đều có báo cáo trước.',
    months: [2, 3],
    explain: 'Tôi xin giải trình: hôm đó gia đình có việc đột xuất, tôi đã nhắn tin cho đồng chí phó bí thư.',
  },
];

/** Upward feedback: how the cell is led. */
const UPWARD_FEEDBACK: readonly FeedbackText[] = [
  {
    topic: 'cell_leadership',
    text: 'Đề nghị chi ủy phân công nhiệm vụ cụ thể hơn, ghi rõ người phụ trách và thời hạn trong nghị quyết tháng.',
    shortcoming: 'Nghị quyết tháng chưa ghi rõ người phụ trách và thời hạn từng việc',
    action: 'Dự thảo nghị quyết tháng ghi rõ người, rõ việc, rõ trách nhiệm, rõ thời gian cho từng nhiệm vụ.',
    success: 'Nghị quyết các tháng còn lại của năm đều ghi rõ người phụ trách và thời hạn.',
    months: [1, 2],
    explain: 'Chi ủy xin giải trình: các nhiệm vụ đã được phân công tại cuộc họp chi ủy, sẽ bổ sung vào nghị quyết để đảng viên cùng theo dõi.',
  },
  {
    topic: 'cell_leadership',
    text: 'Đề nghị chi ủy thông báo lịch sinh hoạt sớm hơn để đảng viên sắp xếp công việc, tránh đến muộn.',
    shortcoming: 'Thông báo lịch sinh hoạt chi bộ còn muộn',
    action: 'Thông báo lịch sinh hoạt trước ít nhất ba ngày qua nhóm Zalo của chi bộ.',
    success: 'Lịch sinh hoạt các tháng còn lại được thông báo trước ít nhất ba ngày.',
    months: [1, 2],
    explain: 'Chi ủy xin giải trình: lịch sinh hoạt cố định vào ngày mùng 5 hằng tháng; chi ủy sẽ nhắc lại trước một ngày.',
  },
  {
    topic: 'cell_leadership',
    text: 'Đề nghị chi ủy công khai kết quả thu, nộp đảng phí hằng quý tại chi bộ.',
    shortcoming: 'Chưa công khai kết quả thu, nộp đảng phí hằng quý',
    action: 'Báo cáo kết quả thu, nộp đảng phí tại kỳ sinh hoạt cuối mỗi quý.',
    success: 'Kết quả thu, nộp đảng phí được báo cáo ở các kỳ sinh hoạt cuối quý.',
    months: [2, 3],
    explain: 'Chi ủy xin giải trình: kết quả thu, nộp đảng phí đã được báo cáo trong biên bản kỳ sinh hoạt cuối quý, đảng viên có thể xem lại.',
  },
];

/** Đồng Thứ's April 2022 upward word, matching the secretary's own self-criticism in the minutes. */
const APRIL_UPWARD: FeedbackText = {
  topic: 'cell_leadership',
  text: 'Chi ủy giao việc còn chung chung, chưa rõ người, rõ việc; việc đi họp muộn kéo dài nhiều tháng nhưng chi ủy chưa chấn chỉnh.',
  shortcoming: 'Chi ủy giao việc còn chung chung, chưa chấn chỉnh việc đi họp muộn',
  action: 'Mỗi nhiệm vụ trong nghị quyết tháng ghi rõ người, rõ việc, rõ trách nhiệm, rõ thời gian; nhắc nhở trực tiếp đảng viên đến muộn.',
  success: 'Nghị quyết các tháng từ tháng 5/2022 đều giao việc rõ người, rõ việc; không còn đảng viên đi họp muộn nhiều lần.',
  months: [1, 2],
  explain: '',
};

/** The one anonymous feedback of the demo: to Đồng Thứ's cell committee, about the Trại Khóng land. */
const ANONYMOUS_UPWARD: FeedbackText = {
  topic: 'cell_leadership',
  text: 'Đề nghị chi ủy công khai danh sách các hộ được giao đất dịch vụ khu Trại Khóng tại chi bộ trước khi họp thôn, để đảng viên nắm rõ và giải thích được với nhân dân.',
  shortcoming: 'Chưa công khai kịp thời với đảng viên danh sách hộ được giao đất dịch vụ khu Trại Khóng',
  action: 'Báo cáo danh sách tại kỳ sinh hoạt chi bộ gần nhất; niêm yết tại nhà văn hóa thôn.',
  success: 'Danh sách được công khai tại chi bộ và niêm yết tại nhà văn hóa thôn.',
  months: [1, 1],
  explain: '',
};

const ACCEPT_ANSWERS: readonly string[] = [
  'Tôi xin tiếp thu ý kiến của đồng chí và sẽ khắc phục ngay.',
  'Cảm ơn đồng chí đã thẳng thắn góp ý; tôi tiếp thu và đã đưa vào kế hoạch tự sửa.',
  'Tôi tiếp thu, xin rút kinh nghiệm và sửa trong thời gian tới.',
  'Tôi nhận khuyết điểm và xin hứa khắc phục.',
];
const ACCEPT_UPWARD: readonly string[] = ['Chi ủy tiếp thu, sẽ thực hiện từ kỳ sinh hoạt tới.', 'Chi ủy cảm ơn ý kiến của đảng viên, tiếp thu và đưa vào kế hoạch của chi ủy.'];

/** A feedback text for `receiver` (null: the cell committee) that they have not been given yet in this cell. */
function freshSpec(b: Builder, rng: Rng, cell: Cell, receiver: string | null, pool: readonly FeedbackText[]): FeedbackText {
  const fitting = pool.filter((t) => fits(t, cell));
  const given = new Set(b.feedback.filter((f) => f.cellKey === cell.unit.key && f.receiverKey === receiver).map((f) => f.text));
  const fresh = fitting.filter((t) => !given.has(fill(t.text, cell)));
  return rng.pick(fresh.length > 0 ? fresh : fitting);
}

const fill = (text: string, cell: Cell): string => text.replaceAll('{thon}', cell.info.village ? `thôn ${cell.info.village}` : cell.info.where);
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
  answerText?: string;
}

function addFeedback(b: Builder, f: NewFeedback): DemoFeedback {
  const { cell } = f;
  const key = `${cell.unit.key}/fb${String(b.feedback.filter((x) => x.cellKey === cell.unit.key).length + 1).padStart(3, '0')}`;
  // Upward feedback is answered by the secretary; the rest by the member it is about.
  const answeredByKey = f.outcome === 'open' ? null : (f.receiverKey ?? cell.secretary);
  const upward = f.direction === 'upward';
  const answerText =
    f.outcome === 'open'
      ? null
      : f.outcome === 'explained'
        ? f.answerText ?? f.spec.explain
        : f.answerText ?? f.rng.pick(upward ? ACCEPT_UPWARD : ACCEPT_ANSWERS);
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
    answerText,
    answeredAt: f.outcome === 'open' ? null : f.answeredAt,
    answeredByKey,
    givenOn: f.givenOn,
    // Anonymous feedback keeps the day only: an exact instant could point at who was online.
    createdAt: f.anonymous ? `${f.givenOn}T00:00:00.000Z` : f.createdAt,
    updatedAt: f.outcome === 'open' ? (f.anonymous ? `${f.givenOn}T00:00:00.000Z` : f.createdAt) : f.answeredAt!,
  };
  b.feedback.push(fb);
  if (fb.status === 'accepted') {
    // Accepting creates the correction-plan item in the same step.
    const owner = answeredByKey!;
    const answeredOn = fb.answeredAt!.slice(0, 10);
    const deadline = minDate(maxDate(monthEndAfter(f.givenOn, f.rng.int(f.spec.months[0], f.spec.months[1])), addDays(answeredOn, 14)), YEAR_END);
    b.pending.push({
      key: `${key}/item`,
      cell,
      memberKey: owner,
      year: YEAR,
      kind: f.spec.kind ?? 'feedback',
      shortcoming: f.spec.shortcoming,
      action: f.spec.action,
      successCriteria: f.spec.success,
      deadline: deadline > answeredOn ? deadline : YEAR_END,
      sourceKind: 'feedback',
      selfExamKey: null,
      feedbackKey: key,
      topic: f.spec.topic,
      createdAt: fb.answeredAt!,
      createdOn: answeredOn,
      until: YEAR_END,
    });
  }
  return fb;
}

/** An instant during a meeting, `minutes` after it started. */
const duringMeeting = (m: DemoMeeting, minutes: number): string => plusMinutes(meetingStartsAt(m.date, m.startTime), minutes);

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
    addFeedback(b, {
      cell,
      rng,
      direction: 'member_to_member',
      giverKey: critic,
      receiverKey: target,
      spec,
      meeting: m,
      givenOn: m.date,
      createdAt,
      outcome: 'accepted',
      answeredAt: plusMinutes(createdAt, rng.int(2, 5)),
      answerText: aspects === APRIL_ASPECTS ? 'Tôi xin tiếp thu ý kiến góp ý và hứa khắc phục.' : undefined,
    });
    minute += rng.int(4, 8);
  }
  return minute;
}

/** The receiver answers some days later (or not yet). */
function laterAnswer(rng: Rng, cell: Cell, givenOn: string, createdAt: string, explainRate: number, openRate: number): { outcome: FeedbackStatus; answeredAt: string | null } {
  const answerOn = addDays(givenOn, rng.int(0, 6));
  const late = givenOn >= `${YEAR}-12-01` && rng.chance(0.5);
  if (late || answerOn > YEAR_END || rng.chance(openRate)) return { outcome: 'open', answeredAt: null };
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

/** Đồng Thứ: silent until April, the frank April meeting, and feedback at every meeting after it. */
function storyFeedback(b: Builder, cell: Cell): void {
  const rng = new Rng(hashSeed(`feedback/${cell.unit.key}`));
  const april = cell.meetings.find((m) => m.kind === 'regular' && m.date.startsWith(`${YEAR}-04`))!;
  const given = new Map<string, number>();
  const count = (key: string) => given.get(key) ?? 0;
  const gave = (key: string) => given.set(key, count(key) + 1);

  // The pairs the minutes name (the criticism item starts some 40 minutes in), all accepted.
  let minute = minutesFeedback(b, cell, april, rng, APRIL_ASPECTS, 40);
  for (const f of b.feedback) if (f.cellKey === cell.unit.key && f.giverKey) gave(f.giverKey);

  // An upward word to the secretary matching the chair's self-criticism, accepted.
  const present = presentAt(april);
  const upwardGiver = rng.pick(present.filter((k) => k !== cell.secretary && k !== cell.clerk));
  let createdAt = duringMeeting(april, minute);
  addFeedback(b, {
    cell,
    rng,
    direction: 'upward',
    giverKey: upwardGiver,
    receiverKey: cell.secretary,
    spec: APRIL_UPWARD,
    meeting: april,
    givenOn: april.date,
    createdAt,
    outcome: 'accepted',
    answeredAt: plusMinutes(createdAt, 3),
    answerText: 'Tôi xin tiếp thu, nhận trách nhiệm của chi ủy; từ tháng 5 mọi nhiệm vụ đều giao rõ người, rõ việc.',
  });
  gave(upwardGiver);
  minute += 6;

  // More frank feedback that evening, on the four aspects: everyone present speaks up.
  const topics: FeedbackTopic[] = ['working_style', 'speech', 'behaviour', 'setting_example'];
  const extras = rng.int(7, 9);
  const explained = new Set(rng.sample(Array.from({ length: extras }, (_, i) => i), 2));
  const quiet = rng.shuffle(present.filter((k) => count(k) === 0));
  for (let i = 0; i < extras; i++) {
    const giver = quiet[i % Math.max(1, quiet.length)] ?? rng.pick(present);
    const receiver = rng.pick(present.filter((k) => k !== giver));
    const topic = topics[i % topics.length]!;
    const spec = freshSpec(b, rng, cell, receiver, MEMBER_FEEDBACK.filter((t) => t.topic === topic));
    createdAt = duringMeeting(april, minute);
    minute += rng.int(3, 6);
    const explain = explained.has(i);
    addFeedback(b, {
      cell,
      rng,
      direction: 'member_to_member',
      giverKey: giver,
      receiverKey: receiver,
      spec,
      meeting: april,
      givenOn: april.date,
      createdAt,
      outcome: explain ? 'explained' : 'accepted',
      // Explanations came in writing the next days; acceptances on the spot.
      answeredAt: explain ? eveningAt(rng, addDays(april.date, rng.int(1, 3))) : plusMinutes(createdAt, rng.int(2, 4)),
    });
    gave(giver);
  }

  // The anonymous upward feedback, some weeks later, about the Trại Khóng land list.
  const anonymousOn = dayBetween(rng, `${YEAR}-05-10`, `${YEAR}-05-20`);
  addFeedback(b, {
    cell,
    rng,
    direction: 'upward',
    giverKey: null,
    receiverKey: null,
    anonymous: true,
    spec: ANONYMOUS_UPWARD,
    meeting: null,
    givenOn: anonymousOn,
    createdAt: `${anonymousOn}T00:00:00.000Z`,
    outcome: 'accepted',
    answeredAt: officeAt(rng, addDays(anonymousOn, rng.int(1, 3))),
    answerText: 'Chi ủy tiếp thu; danh sách sẽ được báo cáo tại kỳ sinh hoạt tháng 6 và niêm yết tại nhà văn hóa thôn.',
  });

  // After April: the pairs of the minutes, and two or three more each month, the quietest first.
  for (const m of cell.meetings.filter((x) => x.kind === 'regular' && x.date > april.date)) {
    let at = minutesFeedback(b, cell, m, rng, ORDINARY_ASPECTS, 35);
    for (const f of b.feedback) if (f.meetingDate === m.date && f.cellKey === cell.unit.key && f.giverKey) gave(f.giverKey);
    const here = presentAt(m);
    const n = rng.int(2, 3);
    const givers = [...here].sort((x, y) => count(x) - count(y) || x.localeCompare(y)).slice(0, n);
    for (const giver of givers) {
      const receiver = rng.pick(here.filter((k) => k !== giver));
      const spec = freshSpec(b, rng, cell, receiver, MEMBER_FEEDBACK);
      createdAt = duringMeeting(m, at);
      at += rng.int(3, 6);
      const answer = rng.chance(0.85)
        ? { outcome: 'accepted' as const, answeredAt: plusMinutes(createdAt, rng.int(2, 4)) }
        : laterAnswer(rng, cell, m.date, createdAt, 0.6, 0.1);
      addFeedback(b, { cell, rng, direction: 'member_to_member', giverKey: giver, receiverKey: receiver, spec, meeting: m, givenOn: m.date, createdAt, ...answer });
      gave(giver);
    }
  }
}

const joinName = (ctx: Context, key: string): string => ctx.names.get(key) ?? '';

/** Every other cell: the pairs its minutes name, and feedback outside meetings at the cell's own pace. */
function ordinaryFeedback(b: Builder, cell: Cell): void {
  const rng = new Rng(hashSeed(`feedback/${cell.unit.key}`));
  for (const m of cell.meetings) minutesFeedback(b, cell, m, rng, ORDINARY_ASPECTS, rng.int(30, 60));

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
    if (receiver) outside(item.memberKey, 'member_to_member', receiver, freshSpec(b, rng, cell, receiver, MEMBER_FEEDBACK), givenOn);
  }

  // Feedback at the cell's own pace through the year.
  const pace = cell.low ? rng.int(0, 1) : Math.round(cell.members.length * (0.15 + rng.float() * 0.4));
  for (let i = 0; i < pace; i++) {
    const givenOn = workingDay(rng, cell, `${YEAR}-01-10`, `${YEAR}-12-28`);
    const giver = pickOther(rng, cell, '', givenOn);
    const receiver = giver ? pickOther(rng, cell, giver, givenOn) : null;
    if (giver && receiver) outside(giver, 'member_to_member', receiver, freshSpec(b, rng, cell, receiver, MEMBER_FEEDBACK), givenOn);
  }
  // A word from the cell committee to a member, now and then.
  if (!cell.low && rng.chance(0.4)) {
    const givenOn = workingDay(rng, cell, `${YEAR}-02-01`, `${YEAR}-11-30`);
    const receiver = pickOther(rng, cell, cell.secretary, givenOn);
    if (receiver) outside(null, 'cell_to_member', receiver, freshSpec(b, rng, cell, receiver, CELL_FEEDBACK), givenOn);
  }
  // Upward feedback to the secretary or the whole committee, in some cells.
  if (!cell.low && rng.chance(0.35)) {
    for (const spec of rng.sample(UPWARD_FEEDBACK, rng.int(1, 2))) {
      const givenOn = workingDay(rng, cell, `${YEAR}-02-01`, `${YEAR}-11-30`);
      const giver = pickOther(rng, cell, cell.secretary, givenOn);
      if (giver) outside(giver, 'upward', rng.chance(0.5) ? cell.secretary : null, spec, givenOn);
    }
  }
}

// ---------------------------------------------------------------------------
// What became of each correction item
// ---------------------------------------------------------------------------

const NOTE_GENERIC: readonly string[] = ['Đang thực hiện theo kế hoạch.', 'Đã thực hiện được một phần, tiếp tục duy trì.', 'Đã trao đổi với chi ủy về cách làm; đang thực hiện.'];
const NOTE_BY_KIND: Partial<Record<Kind, readonly string[]>> = {
  vague: ['Đã lập sổ theo dõi các việc được giao, ghi rõ thời hạn từng việc.', 'Đã báo cáo kết quả các việc trong tháng với chi ủy đúng hạn.'],
  study: [
    'Đã tự nghiên cứu Nghị quyết Trung ương 4 khóa XIII, ghi sổ tay các nội dung liên hệ bản thân.',
    'Đã đọc và ghi chép Kết luận số 21-KL/TW.',
    'Đã nghiên cứu Quy định số 37-QĐ/TW về những điều đảng viên không được làm.',
  ],
  example: ['Gia đình đã phân loại rác tại nguồn; đã vận động thêm hai hộ lân cận.', 'Đã cùng gia đình dọn vệ sinh trước cửa nhà hằng tuần.'],
  service: ['Đã lập sổ theo dõi; các việc trong tháng đều giải quyết đúng hạn.', 'Đã rút kinh nghiệm, thực hiện đúng quy trình.'],
  speech: ['Đã rà soát, gỡ các bài chia sẻ chưa kiểm chứng; chỉ chia sẻ thông tin từ nguồn chính thống.'],
  residence: ['Đã dự sinh hoạt chi bộ nơi cư trú và tham gia tổng vệ sinh khu dân cư.', 'Đã tham gia Ngày hội Đại đoàn kết ở khu dân cư nơi cư trú.'],
};
const CLAIM_NOTES: readonly string[] = [
  'Đã thực hiện đầy đủ các biện pháp đề ra, đề nghị chi ủy xác nhận.',
  'Báo cáo đã khắc phục xong, đề nghị chi ủy xem xét.',
  'Đã khắc phục theo kế hoạch, đề nghị chi ủy xác nhận.',
];
const FIXED_NOTES: readonly string[] = ['Chi ủy xác nhận đồng chí đã khắc phục.', 'Đã kiểm tra, xác nhận đạt tiêu chí đề ra.', 'Xác nhận đã khắc phục; đề nghị đồng chí tiếp tục duy trì.'];

interface Outcome {
  status: PlanItemStatus;
  claimedOn: string | null;
  verifiedOn: string | null;
  verificationComment: string | null;
  progress: DemoPlanProgress[];
}

class Story {
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
  claim(on: string, text: string, verdict: (verifyOn: string) => { fixed: boolean; comment: string }): string | null {
    if (on > this.item.until) return null;
    this.progress.push({ kind: 'claimed', note: text, authorKey: this.item.memberKey, at: this.at(on) });
    this.status = 'claimed';
    this.claimedOn = on;
    const next = this.item.cell.meetings.find((m) => m.date > on);
    const verifyOn = next && this.rng.chance(0.6) ? next.date : addDays(on, this.rng.int(1, 7));
    if (verifyOn > this.item.until) return null;
    const v = verdict(verifyOn);
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

function judge(ctx: Context, item: PendingItem, feedback: readonly DemoFeedback[]): Outcome {
  const rng = new Rng(hashSeed(`plan-item/${item.key}`));
  const verifier = verifierOf(item.cell, item.memberKey);
  const s = new Story(rng, item, verifier);
  const rec = recordOf(ctx, item.memberKey);
  const fixed = (comment: string) => () => ({ fixed: true, comment });
  const fixedNote = () => rng.pick(FIXED_NOTES);
  const low = item.cell.low;

  if (item.kind === 'late') {
    // Judged on the attendance record: late again after the item began, or not.
    const lates = rec.lateDates.filter((d) => d > item.createdOn);
    const onTime = rec.onTimeDates.filter((d) => d > item.createdOn);
    for (const d of onTime.slice(0, rng.int(1, 2))) s.note(addDays(d, 1), `Đã có mặt đúng giờ ở kỳ sinh hoạt ngày ${shown(d)}.`);
    const firstLate = lates.find((d) => d <= item.deadline);
    if (!firstLate) {
      s.claim(claimInTime(rng, item), `Từ ngày ${shown(item.createdOn)} đến nay luôn có mặt đúng giờ ở các kỳ sinh hoạt; đề nghị chi ủy xác nhận.`, () => ({
        fixed: true,
        comment: 'Đối chiếu sổ theo dõi sinh hoạt: đồng chí có mặt đúng giờ ở tất cả các kỳ. Xác nhận đã khắc phục.',
      }));
      return s.outcome();
    }
    // Claimed near the deadline, returned on the record, and fixed later if no more late arrivals.
    const claimOn = maxDate(addDays(firstLate, 1), claimInTime(rng, item));
    const returned = s.claim(claimOn, rng.pick(CLAIM_NOTES), () => ({ fixed: false, comment: `Chưa đạt: đồng chí còn đi họp muộn ngày ${shown(firstLate)}. Đề nghị tiếp tục khắc phục.` }));
    if (returned) {
      const again = lates.filter((d) => d > returned);
      const reclaim = addDays(returned, rng.int(40, 70));
      if (again.length === 0 && reclaim <= `${YEAR}-12-20`) {
        s.claim(reclaim, `Từ ngày ${shown(returned)} luôn có mặt đúng giờ; đề nghị chi ủy xác nhận.`, fixed('Đối chiếu sổ theo dõi sinh hoạt: các kỳ gần đây đồng chí đều có mặt đúng giờ. Xác nhận đã khắc phục (chậm so với thời hạn).'));
      }
    }
    return s.outcome();
  }

  if (item.kind === 'reluctant') {
    // Judged on the feedback the member actually gave after writing it down.
    const need = item.cell.story ? 2 : 1;
    const given = feedback.filter((f) => f.giverKey === item.memberKey && f.givenOn > item.createdOn).sort((a, b) => a.givenOn.localeCompare(b.givenOn));
    for (const f of given.slice(0, 2)) {
      const receiver = f.receiverKey ? `đồng chí ${joinName(ctx, f.receiverKey)}` : 'chi ủy';
      s.note(f.givenOn, `Ngày ${shown(f.givenOn)} đã góp ý ${receiver} về ${TOPIC_VI[f.topic]}.`);
    }
    const hit = given[need - 1];
    if (hit) {
      const claimOn = hit.givenOn < item.deadline ? minDate(addDays(hit.givenOn, rng.int(1, 10)), item.deadline) : addDays(hit.givenOn, rng.int(1, 10));
      const times = given.filter((f) => f.givenOn <= claimOn).length;
      s.claim(claimOn, `Đã góp ý thẳng thắn ${times > 1 ? `${times} lần` : 'cho đồng chí'} trong sinh hoạt; đề nghị chi ủy xác nhận.`, fixed('Chi ủy ghi nhận đồng chí đã mạnh dạn góp ý, trên tinh thần xây dựng. Xác nhận đã khắc phục.'));
    } else if (given.length > 0) {
      s.claim(addDays(given[0]!.givenOn, rng.int(3, 15)), rng.pick(CLAIM_NOTES), () => ({
        fixed: false,
        comment: 'Mới có một ý kiến góp ý; đề nghị đồng chí tiếp tục mạnh dạn góp ý ở các kỳ sinh hoạt.',
      }));
    } else if (!low && rng.chance(0.5)) {
      s.note(dayBetween(rng, addDays(item.createdOn, 20), minDate(item.deadline, YEAR_END)), 'Đã chuẩn bị ý kiến nhưng chưa phát biểu được trong kỳ sinh hoạt.');
    }
    return s.outcome();
  }

  if (item.kind === 'vague') {
    // Judged on the member's meeting tasks due while the item ran.
    const late = rec.tasks.filter((t) => t.late && t.deadline > item.createdOn && t.deadline <= item.deadline);
    s.notesBetween(item.createdOn, item.deadline, NOTE_BY_KIND.vague!);
    if (late.length === 0) {
      s.claim(claimInTime(rng, item), rng.pick(CLAIM_NOTES), fixed('Các nhiệm vụ được giao trong thời gian qua đều hoàn thành đúng hạn, có báo cáo kết quả. Xác nhận đã khắc phục.'));
    } else if (rng.chance(0.5)) {
      s.claim(claimInTime(rng, item), rng.pick(CLAIM_NOTES), () => ({
        fixed: false,
        comment: `Chưa đạt: còn nhiệm vụ hạn ngày ${shown(late[0]!.deadline)} hoàn thành chậm. Đề nghị tiếp tục khắc phục.`,
      }));
    } else {
      s.claim(addDays(item.deadline, rng.int(5, 30)), rng.pick(CLAIM_NOTES), fixed('Xác nhận đã khắc phục, tuy chậm so với thời hạn đề ra.'));
    }
    return s.outcome();
  }

  // Everything else: most fixed in time, some late, some awaiting verification or not done.
  s.notesBetween(item.createdOn, item.deadline, [...(NOTE_BY_KIND[item.kind] ?? []), ...NOTE_GENERIC]);
  const r = rng.float();
  const [inTime, late, waiting, open] = low ? [0.5, 0.62, 0.75, 0.95] : [0.8, 0.88, 0.93, 0.97];
  if (r < inTime) s.claim(claimInTime(rng, item), rng.pick(CLAIM_NOTES), () => ({ fixed: true, comment: fixedNote() }));
  else if (r < late) s.claim(addDays(item.deadline, rng.int(3, 25)), rng.pick(CLAIM_NOTES), () => ({ fixed: true, comment: 'Xác nhận đã khắc phục, tuy chậm so với thời hạn đề ra.' }));
  else if (r < waiting) {
    // Reported fixed late in the year; the cell committee has not yet looked.
    s.claim(dayBetween(rng, maxDate(addDays(item.createdOn, 7), `${YEAR}-12-20`), YEAR_END), rng.pick(CLAIM_NOTES), () => ({ fixed: true, comment: fixedNote() }));
  } else if (r >= open) {
    s.claim(claimInTime(rng, item), rng.pick(CLAIM_NOTES), () => ({ fixed: false, comment: 'Chưa đủ căn cứ xác nhận; đề nghị đồng chí bổ sung kết quả cụ thể.' }));
  }
  return s.outcome();
}

/** Turns the pending items into plan items, numbered per plan in the order they arrived. */
function finishItems(ctx: Context, pending: readonly PendingItem[], feedback: readonly DemoFeedback[]): DemoPlanItem[] {
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
function reviewComment(rng: Rng, ctx: Context, exam: DemoSelfExamination, items: readonly DemoPlanItem[], feedback: readonly DemoFeedback[], story: boolean): string {
  const reviewedOn = exam.reviewedAt!.slice(0, 10);
  const own = items.filter((i) => i.memberKey === exam.memberKey && i.year === exam.year);
  const done = own.filter((i) => i.status === 'fixed' && i.verifiedOn !== null && i.verifiedOn <= reviewedOn).length;
  const parts: string[] = [];
  if (story) {
    parts.push('Tự soi nghiêm túc, thẳng thắn nhận hạn chế.');
    const named = exam.shortcomings.some((s) => s.text.includes('sinh hoạt chi bộ muộn'));
    const lateAfter = recordOf(ctx, exam.memberKey).lateDates.filter((d) => d > exam.submittedAt!.slice(0, 10) && d <= reviewedOn).length;
    if (named && lateAfter === 0) parts.push('Từ kỳ sinh hoạt tháng 4/2022 đồng chí luôn có mặt đúng giờ.');
    else if (named) parts.push(`Việc đi họp muộn có chuyển biến nhưng sau tháng 4/2022 còn ${lateAfter} lần đến muộn.`);
    const spoke = feedback.filter((f) => f.giverKey === exam.memberKey && f.givenOn >= `${YEAR}-04-01` && f.givenOn <= reviewedOn).length;
    if (spoke >= 2) parts.push('Đã mạnh dạn góp ý cho các đồng chí trong các kỳ sinh hoạt từ tháng 4/2022.');
  } else {
    parts.push(rng.pick(['Bản tự soi nghiêm túc, đúng thực chất.', 'Tự soi nghiêm túc, nêu đúng hạn chế của bản thân.', 'Đồng chí tự soi cầu thị, nêu cụ thể hạn chế và nguyên nhân.']));
  }
  if (own.length === 0) parts.push('Chi ủy ghi nhận.');
  else if (done === own.length) parts.push(`Các nội dung trong kế hoạch tự sửa năm ${exam.year} đã được khắc phục; đề nghị đồng chí tiếp tục phát huy.`);
  else if (done === 0) parts.push(`Các nội dung trong kế hoạch tự sửa chưa được khắc phục xong; đề nghị đồng chí tiếp tục thực hiện trong năm ${exam.year + 1}.`);
  else parts.push(`Đã khắc phục ${done}/${own.length} nội dung trong kế hoạch tự sửa; còn ${own.length - done} nội dung cần tiếp tục khắc phục trong năm ${exam.year + 1}.`);
  return parts.join(' ');
}

function plansOf(items: readonly DemoPlanItem[]): DemoCorrectionPlan[] {
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

// ---------------------------------------------------------------------------
// The demo account holder's own year
// ---------------------------------------------------------------------------

/**
 * `dangvien.dongthu` joined the party after 2022, so the 2022 record cannot include them. Their
 * first year-end self-examination (the year they joined, reviewed by the secretary in December),
 * the items it proposed for the next year — most verified as fixed, one still open past its
 * deadline — and feedback they received (one accepted, one explained) and gave, all before the
 * demo's reference date, make their "Tự soi" page show the whole cycle.
 */
function accountHolderYear(b: Builder, commune: DemoCommune): { exams: DemoSelfExamination[]; items: DemoPlanItem[]; feedback: DemoFeedback[] } {
  const holder = commune.accounts.find((a) => a.username === 'dangvien.dongthu')?.memberKey;
  const cell = b.ctx.cellOf.get(DONG_THU);
  const member = holder ? b.ctx.memberByKey.get(holder) : undefined;
  if (!holder || !cell || !member || member.status === 'exempt') return { exams: [], items: [], feedback: [] };
  if (member.joinedOn <= CUTOFF) return { exams: [], items: [], feedback: [] }; // already in the 2022 record
  const rng = new Rng(hashSeed(`self-exam/${holder}/own-year`));
  const year = Number(member.joinedOn.slice(0, 4));
  const until = addDays(DEMO_REFERENCE_DATE, -1);
  const next = year + 1;
  const secretary = cell.secretary;
  // Others in the cell by then, for the feedback.
  const peers = commune.units
    .find((u) => u.key === DONG_THU)!
    .members.filter((m) => m.key !== holder && m.key !== secretary && m.status !== 'exempt' && m.joinedOn < `${year}-01-01`);
  const giver = rng.pick(peers);
  const receiver = rng.pick(peers.filter((m) => m.key !== giver.key));
  const key = `${holder}/Y${year}`;
  const submittedAt = `${year}-12-10T13:20:00.000Z`;
  const shortcomings: DemoShortcoming[] = [
    {
      key: `${key}/s1`,
      text: 'Là đảng viên mới, trong sinh hoạt chi bộ còn ngại phát biểu, chưa mạnh dạn góp ý cho các đồng chí.',
      causeKind: 'subjective',
      cause: 'Còn tâm lý e ngại vì mới vào Đảng, chưa tự tin khi phát biểu trước chi bộ.',
      plan: {
        action: 'Mỗi kỳ sinh hoạt chuẩn bị trước ít nhất một ý kiến; chủ động góp ý thẳng thắn, trên tinh thần xây dựng.',
        deadline: `${next}-06-30`,
        successCriteria: 'Có ý kiến góp ý cụ thể được ghi nhận ở ít nhất 2 kỳ sinh hoạt.',
      },
    },
    {
      key: `${key}/s2`,
      text: 'Có một lần đi sinh hoạt chi bộ muộn, chưa báo cáo trước với chi ủy.',
      causeKind: 'subjective',
      cause: 'Chưa sắp xếp hợp lý công việc gia đình vào buổi tối có lịch sinh hoạt.',
      plan: {
        action: 'Sắp xếp công việc để có mặt trước giờ sinh hoạt 10 phút; bận đột xuất thì báo đồng chí bí thư trước.',
        deadline: `${next}-03-31`,
        successCriteria: `Có mặt đúng giờ ở tất cả các kỳ sinh hoạt đến ngày 31/03/${next}.`,
      },
    },
    {
      key: `${key}/s3`,
      text: 'Việc tự học tập, nghiên cứu các văn kiện, nghị quyết của Đảng còn hạn chế.',
      causeKind: 'both',
      cause: 'Chủ quan: chưa dành thời gian thường xuyên; khách quan: công việc mùa vụ bận rộn.',
      plan: {
        action: 'Mỗi tháng dành hai buổi tự nghiên cứu tài liệu; viết bản thu hoạch liên hệ bản thân.',
        deadline: `${next}-09-30`,
        successCriteria: 'Nộp bản thu hoạch cho chi ủy; trao đổi được nội dung chính trong sinh hoạt chi bộ.',
      },
    },
  ];
  const answers: DemoAnswer[] = [
    ...MANIFESTATION_CODES.map((code): DemoAnswer => (code === 'CT5' ? { code, mark: 'at_risk', note: 'Còn ngại góp ý cho các đồng chí lớn tuổi.' } : code === 'CT3' ? { code, mark: 'at_risk', note: 'Việc tự học lý luận chính trị chưa thường xuyên.' } : { code, mark: 'none', note: null })),
    ...EXEMPLARY_CODES.map((code): DemoAnswer =>
      code === 'NG5' ? { code, mark: 'limited', note: 'Có một lần đi sinh hoạt chi bộ muộn.' } : code === 'NG7' ? { code, mark: 'limited', note: 'Chưa mạnh dạn phê bình.' } : { code, mark: 'good', note: null },
    ),
  ];
  const exam: DemoSelfExamination = {
    key,
    cellKey: DONG_THU,
    memberKey: holder,
    periodKind: 'year',
    year,
    quarter: null,
    status: 'reviewed',
    strengths: 'Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước. Tích cực tham gia các phong trào của thôn; nhiệt tình hướng dẫn người dân cài đặt, kích hoạt tài khoản định danh điện tử.',
    answers,
    shortcomings,
    followups: [],
    revision: 9,
    createdAt: `${year}-12-03T13:05:00.000Z`,
    updatedAt: `${year}-12-20T03:30:00.000Z`,
    submittedAt,
    reviewedAt: `${year}-12-20T03:30:00.000Z`,
    reviewedByKey: secretary,
    reviewComment: 'Là đảng viên mới, đồng chí tự soi nghiêm túc, cầu thị, nêu đúng hạn chế. Đề nghị đồng chí thực hiện đúng kế hoạch tự sửa đã đề ra.',
  };
  const feedback: DemoFeedback[] = [
    {
      key: `${DONG_THU}/fb-own-1`,
      cellKey: DONG_THU,
      direction: 'member_to_member',
      giverKey: giver.key,
      receiverKey: holder,
      anonymous: false,
      topic: 'working_style',
      text: 'Đồng chí được phân công hướng dẫn người dân kích hoạt tài khoản định danh điện tử nhưng chưa báo cáo số hộ đã làm, chi ủy khó tổng hợp.',
      meetingDate: null,
      manifestationCode: null,
      status: 'accepted',
      answerText: 'Cảm ơn đồng chí đã góp ý; tôi tiếp thu và sẽ báo cáo số liệu hằng tuần.',
      answeredAt: `${next}-04-16T13:40:00.000Z`,
      answeredByKey: holder,
      givenOn: `${next}-04-15`,
      createdAt: `${next}-04-15T12:50:00.000Z`,
      updatedAt: `${next}-04-16T13:40:00.000Z`,
    },
    {
      key: `${DONG_THU}/fb-own-2`,
      cellKey: DONG_THU,
      direction: 'member_to_member',
      giverKey: receiver.key,
      receiverKey: holder,
      anonymous: false,
      topic: 'setting_example',
      text: 'Gia đình đồng chí còn để xe máy, vật liệu trước cổng lấn ra đường làng vào buổi tối.',
      meetingDate: null,
      manifestationCode: null,
      status: 'explained',
      answerText: 'Tôi xin giải trình: hôm đó gia đình tôi đang sửa cổng, vật liệu để tạm hai ngày và đã dọn xong; tôi sẽ chú ý hơn.',
      answeredAt: `${next}-08-22T12:10:00.000Z`,
      answeredByKey: holder,
      givenOn: `${next}-08-21`,
      createdAt: `${next}-08-21T13:15:00.000Z`,
      updatedAt: `${next}-08-22T12:10:00.000Z`,
    },
    {
      key: `${DONG_THU}/fb-own-3`,
      cellKey: DONG_THU,
      direction: 'member_to_member',
      giverKey: holder,
      receiverKey: receiver.key,
      anonymous: false,
      topic: 'behaviour',
      text: 'Khi có ý kiến khác trong buổi họp thôn, đồng chí còn nóng nảy, tranh luận gay gắt với người dân.',
      meetingDate: null,
      manifestationCode: null,
      status: 'accepted',
      answerText: 'Tôi tiếp thu, xin rút kinh nghiệm và sửa trong thời gian tới.',
      answeredAt: `${next}-05-08T13:00:00.000Z`,
      answeredByKey: receiver.key,
      givenOn: `${next}-05-07`,
      createdAt: `${next}-05-07T12:45:00.000Z`,
      updatedAt: `${next}-05-08T13:00:00.000Z`,
    },
  ];
  const item = (
    k: string,
    planYear: number,
    memberKey: string,
    position: number,
    source: { selfExamKey?: string; feedbackKey?: string },
    content: { shortcoming: string; action: string; deadline: string; successCriteria: string },
    createdAt: string,
    life: { status: PlanItemStatus; claimedOn: string | null; verifiedOn: string | null; comment: string | null; progress: DemoPlanProgress[] },
  ): DemoPlanItem => ({
    key: k,
    planKey: `${memberKey}/${planYear}`,
    cellKey: DONG_THU,
    memberKey,
    year: planYear,
    position,
    ...content,
    sourceKind: source.selfExamKey ? 'self_examination' : 'feedback',
    selfExamKey: source.selfExamKey ?? null,
    feedbackKey: source.feedbackKey ?? null,
    status: life.status,
    claimedOn: life.claimedOn,
    verifiedOn: life.verifiedOn,
    verifiedByKey: life.status === 'fixed' ? secretary : null,
    verificationComment: life.comment,
    createdByKey: memberKey,
    createdAt,
    updatedAt: life.progress.at(-1)?.at ?? createdAt,
    progress: life.progress,
  });
  const p = (kind: DemoPlanProgress['kind'], authorKey: string, at: string, note: string): DemoPlanProgress => ({ kind, authorKey, at, note });
  const fromExam = (i: number) => ({ shortcoming: stripDot(shortcomings[i]!.text), action: shortcomings[i]!.plan!.action, deadline: shortcomings[i]!.plan!.deadline!, successCriteria: shortcomings[i]!.plan!.successCriteria });
  const items: DemoPlanItem[] = [
    item(`${key}/item1`, year, holder, 1, { selfExamKey: key }, fromExam(0), submittedAt, {
      status: 'fixed',
      claimedOn: `${next}-06-12`,
      verifiedOn: `${next}-06-18`,
      comment: 'Chi ủy ghi nhận đồng chí đã mạnh dạn góp ý, trên tinh thần xây dựng. Xác nhận đã khắc phục.',
      progress: [
        p('note', holder, `${next}-05-07T12:50:00.000Z`, `Ngày ${shown(`${next}-05-07`)} đã góp ý đồng chí ${joinName(b.ctx, receiver.key)} về thái độ ứng xử.`),
        p('claimed', holder, `${next}-06-12T13:10:00.000Z`, 'Đã góp ý thẳng thắn ở các kỳ sinh hoạt tháng 5 và tháng 6; đề nghị chi ủy xác nhận.'),
        p('fixed', secretary, `${next}-06-18T02:30:00.000Z`, 'Chi ủy ghi nhận đồng chí đã mạnh dạn góp ý, trên tinh thần xây dựng. Xác nhận đã khắc phục.'),
      ],
    }),
    item(`${key}/item2`, year, holder, 2, { selfExamKey: key }, fromExam(1), submittedAt, {
      status: 'fixed',
      claimedOn: `${next}-03-25`,
      verifiedOn: `${next}-04-06`,
      comment: 'Đối chiếu sổ theo dõi sinh hoạt: đồng chí có mặt đúng giờ ở tất cả các kỳ. Xác nhận đã khắc phục.',
      progress: [
        p('note', holder, `${next}-02-06T13:00:00.000Z`, 'Kỳ sinh hoạt tháng 2 đã có mặt trước giờ họp 15 phút.'),
        p('claimed', holder, `${next}-03-25T13:30:00.000Z`, `Từ tháng 1/${next} luôn có mặt đúng giờ; đề nghị chi ủy xác nhận.`),
        p('fixed', secretary, `${next}-04-06T02:00:00.000Z`, 'Đối chiếu sổ theo dõi sinh hoạt: đồng chí có mặt đúng giờ ở tất cả các kỳ. Xác nhận đã khắc phục.'),
      ],
    }),
    // Still open past its deadline: the overdue item on the member's home page.
    item(`${key}/item3`, year, holder, 3, { selfExamKey: key }, fromExam(2), submittedAt, {
      status: 'open',
      claimedOn: null,
      verifiedOn: null,
      comment: null,
      progress: [p('note', holder, `${next}-07-20T13:20:00.000Z`, 'Đã đọc và ghi sổ tay các văn kiện được phổ biến; đang viết bản thu hoạch.')],
    }),
    item(
      `${DONG_THU}/fb-own-1/item`,
      next,
      holder,
      1,
      { feedbackKey: `${DONG_THU}/fb-own-1` },
      {
        shortcoming: 'Chưa báo cáo kịp thời số hộ đã được hướng dẫn kích hoạt tài khoản định danh điện tử',
        action: 'Báo cáo số hộ đã hướng dẫn với chi ủy vào thứ Sáu hằng tuần.',
        deadline: `${next}-06-30`,
        successCriteria: 'Chi ủy có số liệu hằng tuần đến hết tháng 6.',
      },
      `${next}-04-16T13:40:00.000Z`,
      {
        status: 'fixed',
        claimedOn: `${next}-06-27`,
        verifiedOn: `${next}-07-05`,
        comment: 'Xác nhận đã khắc phục; đề nghị đồng chí tiếp tục duy trì.',
        progress: [
          p('note', holder, `${next}-05-15T13:00:00.000Z`, 'Đã gửi số liệu bốn tuần liền vào nhóm Zalo của chi bộ.'),
          p('claimed', holder, `${next}-06-27T12:40:00.000Z`, 'Báo cáo đã khắc phục xong, đề nghị chi ủy xem xét.'),
          p('fixed', secretary, `${next}-07-05T02:15:00.000Z`, 'Xác nhận đã khắc phục; đề nghị đồng chí tiếp tục duy trì.'),
        ],
      },
    ),
    item(
      `${DONG_THU}/fb-own-3/item`,
      next,
      receiver.key,
      1,
      { feedbackKey: `${DONG_THU}/fb-own-3` },
      {
        shortcoming: 'Còn nóng nảy, tranh luận gay gắt với người dân trong buổi họp thôn',
        action: 'Bình tĩnh lắng nghe ý kiến khác, trao đổi trên tinh thần xây dựng.',
        deadline: `${next}-08-31`,
        successCriteria: 'Các buổi họp thôn sau không còn tranh luận gay gắt.',
      },
      `${next}-05-08T13:00:00.000Z`,
      {
        status: 'claimed',
        claimedOn: `${next}-08-28`,
        verifiedOn: null,
        comment: null,
        progress: [p('claimed', receiver.key, `${next}-08-28T13:00:00.000Z`, 'Đã khắc phục theo kế hoạch, đề nghị chi ủy xác nhận.')],
      },
    ),
  ];
  for (const i of items) for (const pr of i.progress) if (pr.at.slice(0, 10) > until) throw new Error('demo self-examination: the account holder’s year runs past the reference date');
  return { exams: [exam], items, feedback };
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/**
 * The self-examinations, feedback and correction plans of the demo commune, for the commune and
 * meetings of `buildDemoCommune` / `buildDemoMeetings`. Same result on every call with the same input.
 */
export function buildDemoSelfExamination(commune: DemoCommune, meetings: readonly DemoMeeting[]): DemoSelfExamData {
  const ctx = buildContext(commune, meetings);
  const b: Builder = { ctx, exams: [], feedback: [], pending: [] };
  for (const cell of ctx.cells) buildExams(b, cell);
  for (const cell of ctx.cells) (cell.story ? storyFeedback : ordinaryFeedback)(b, cell);
  const items = finishItems(ctx, b.pending, b.feedback);
  for (const exam of b.exams) {
    if (exam.status !== 'reviewed') continue;
    const cell = ctx.cellOf.get(exam.cellKey)!;
    exam.reviewComment = reviewComment(new Rng(hashSeed(`review/${exam.key}`)), ctx, exam, items, b.feedback, cell.story);
  }
  const own = accountHolderYear(b, commune);
  const allItems = [...items, ...own.items];
  return {
    lowParticipationCells: ctx.cells.filter((c) => c.low).map((c) => c.unit.key),
    selfExaminations: [...b.exams, ...own.exams],
    feedback: [...b.feedback, ...own.feedback],
    plans: plansOf(allItems),
    planItems: allItems,
  };
}
