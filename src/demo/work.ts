/**
 * The demo commune's 2022 beyond its meetings: the party committee's directives to every cell
 * and the tasks the cells broke them into; the jobs Chi bộ thôn Lưu Quang and Chi bộ thôn Đồng
 * Thứ handed down to their villages' mass organisations (Đồng Thứ late until April 2022, as the
 * article tells); the Lưu Quang cell committee's plan for the Nghị quyết T.Ư 4 content, one
 * task per member; and the yearly commitments (chỉ tiêu cam kết) of every member and cell,
 * evaluated at year end partly from the meetings' own record (attendance, lateness, dues, task
 * results, hand-down delays).
 *
 * Consistent with `buildDemoMeetings`, whose output it takes. Deterministic (seeded streams per
 * directive, cell and member) and pure: no I/O, no ids.
 */
import type { DemoCommune, DemoMember, DemoUnit } from './commune.js';
import {
  addDays,
  cellInfo,
  drawDoneOn,
  gradeTask,
  notDoneCauses,
  pickCoworkers,
  taskPriority,
  YEAR_END,
  type CellInfo,
  type DemoMeeting,
  type DemoTaskLife,
  type TaskOptions,
} from './meetings.js';
import { hashSeed, Rng } from './random.js';
import { meetingStartsAt } from '../domain/attendance.js';
import { averageDelay, commitmentPercent, handDownDelayDays, measurableResult } from '../domain/tasks.js';
import type { CommitmentDirection, CommitmentKind, CommitmentResult, CommitmentSection } from '../shared/enums.js';

export const DEMO_WORK_YEAR = 2022;
const YEAR = DEMO_WORK_YEAR;
const DONG_THU = 'cell-dong-thu';
const LUU_QUANG = 'cell-luu-quang';
/** Members admitted after this day make their first pledge for the next year. */
export const PLEDGE_CUTOFF = `${YEAR}-10-15`;
/** Đồng Thứ changed at its April 2022 meeting. */
const STORY_TURN = `${YEAR}-04-01`;

// ---------------------------------------------------------------------------
// What the builder returns
// ---------------------------------------------------------------------------

/** Chỉ đạo of the commune committee to its cells. */
export interface DemoDirective {
  key: string;
  title: string;
  body: string;
  issuedOn: string;
  deadline: string;
  /** DemoMember key of the committee member whose account issued it (bithu.dangbo), if any. */
  issuedByKey: string | null;
  targets: DemoDirectiveTarget[];
}

export interface DemoDirectiveTarget {
  cellKey: string;
  /** ISO instant; null: the cell never acknowledged it. */
  acknowledgedAt: string | null;
  /** The cell secretary (DemoMember key). */
  acknowledgedByKey: string | null;
  note: string | null;
}

export type DemoWorkSource = { kind: 'directive'; directiveKey: string } | { kind: 'meeting'; meetingDate: string };

/** A task given outside a meeting's outcomes: from a directive, or handed down to a mass organisation. */
export interface DemoWorkTask extends DemoTaskLife {
  key: string;
  /** The assigning cell. */
  cellKey: string;
  title: string;
  /** Exactly one of the two: rõ người. */
  ownerMemberKey: string | null;
  ownerUnitKey: string | null;
  deadline: string;
  /** The day the task was given (for a hand-down, the day it was handed down). */
  createdOn: string;
  doneOn: string | null;
  source: DemoWorkSource;
  /** Hand-down: when the cell got the job, and when it passed it on. */
  receivedOn: string | null;
  handedDownOn: string | null;
  /** Who wrote the progress reports: the owner, or the cell secretary for a mass organisation. */
  reporterKey: string;
  /** Who assigned and closed it: the cell secretary. */
  assignerKey: string;
}

export interface DemoCommitmentProgress {
  on: string;
  note: string;
  value: number | null;
  authorKey: string;
}

/** One line of a member's or a cell's 2022 pledge. */
export interface DemoCommitment {
  key: string;
  /** The member's cell, or the committing cell. */
  unitKey: string;
  subjectKind: 'member' | 'unit';
  memberKey: string | null;
  year: number;
  section: CommitmentSection;
  position: number;
  kind: CommitmentKind;
  title: string;
  targetValue: number | null;
  measureUnit: string | null;
  direction: CommitmentDirection | null;
  actualValue: number | null;
  evidence: string | null;
  createdOn: string;
  createdByKey: string;
  /** Null while awaiting the secretary's confirmation (the present year's first days). */
  confirmedOn: string | null;
  /** The cell secretary for a member's; the commune committee's secretary for a cell's. */
  confirmedByKey: string | null;
  progress: DemoCommitmentProgress[];
  /** Null until evaluated (the present year's pledges, still running). */
  result: CommitmentResult | null;
  resultPercent: number | null;
  evaluationNote: string | null;
  evaluatedOn: string | null;
  evaluatedByKey: string | null;
  /** Evaluated at the December review, before the year was over: why it did not wait. */
  earlyEvaluationReason: string | null;
}

export interface DemoWork {
  directives: DemoDirective[];
  tasks: DemoWorkTask[];
  commitments: DemoCommitment[];
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

const pad = (n: number): string => String(n).padStart(2, '0');
const minDate = (a: string, b: string): string => (a < b ? a : b);
const maxDate = (a: string, b: string): string => (a > b ? a : b);
const round1 = (x: number): number => Math.round(x * 10) / 10;
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
/** A number as Vietnamese writes it (decimal comma), with its unit: "94,7%", "12 hộ". */
const quantity = (value: number, unit: string): string => {
  const n = String(value).replace('.', ',');
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
};
/** An instant during Vietnamese office hours (08:00–16:59, UTC+7) on `date`. */
const officeInstant = (rng: Rng, date: string): string => `${date}T${pad(rng.int(1, 9))}:${pad(rng.int(0, 59))}:00.000Z`;

type MassOrg = 'nong-dan' | 'phu-nu' | 'cuu-chien-binh' | 'thanh-nien' | 'mat-tran';

interface Cell {
  unit: DemoUnit;
  info: CellInfo;
  /** Chair of its meetings: the secretary. */
  secretary: string;
  /** Clerk of its meetings, a cell committee member. */
  clerk: string;
  meetings: DemoMeeting[];
  reviewDates: string[];
  december: string;
  massOrgs: Map<MassOrg, string>;
}

function fill(text: string, info: CellInfo): string {
  return text.replaceAll('{thon}', info.village ? `thôn ${info.village}` : info.where).replaceAll('{where}', info.where);
}

/** Members who could take work on `date`: joined by then, not excused from party activities. */
function activeMembers(cell: Cell, date: string): DemoMember[] {
  return cell.unit.members.filter((m) => m.status !== 'exempt' && m.joinedOn <= date);
}

// ---------------------------------------------------------------------------
// Directives
// ---------------------------------------------------------------------------

interface JobSpec {
  t: string;
  d: string;
  /** Given to the cell secretary (plans, reports, the cell's own meetings). */
  lead?: boolean;
}

interface HandDownSpec extends JobSpec {
  org: MassOrg;
  /** Months (1–12) it fits; any when absent. */
  m?: readonly number[];
}

interface DirectiveSpec {
  key: string;
  title: string;
  body: string;
  issuedOn: string;
  deadline: string;
  village: readonly JobSpec[];
  /** Office, school, police… cells; the village jobs when absent. */
  office?: readonly JobSpec[];
  handDown?: readonly HandDownSpec[];
}

const DIRECTIVES: readonly DirectiveSpec[] = [
  {
    key: 'covid',
    title: 'Tăng cường các biện pháp phòng, chống dịch COVID-19 sau Tết Nguyên đán Nhâm Dần 2022',
    body:
      'Thực hiện chỉ đạo của Huyện ủy Tam Đảo, Ban Thường vụ Đảng ủy xã yêu cầu các chi bộ lãnh đạo thực hiện nghiêm các biện pháp phòng, chống dịch COVID-19 sau Tết: rà soát người từ các địa phương khác về địa bàn, vận động người dân tiêm vắc-xin mũi nhắc lại, thực hiện khuyến cáo 5K tại nơi làm việc và khu dân cư. Các chi bộ báo cáo kết quả về Đảng ủy xã (qua Văn phòng Đảng ủy) trước ngày 15/3/2022.',
    issuedOn: '2022-02-08',
    deadline: '2022-03-15',
    village: [
      { t: 'Rà soát, lập danh sách người từ các tỉnh, thành phố khác về thôn sau Tết, báo Trạm Y tế xã', d: 'Danh sách người về địa phương gửi Trạm Y tế xã' },
      { t: 'Vận động người dân trong thôn tiêm vắc-xin COVID-19 mũi nhắc lại', d: 'Danh sách người chưa tiêm đã được vận động, gửi Trạm Y tế xã' },
      { t: 'Báo cáo kết quả phòng, chống dịch COVID-19 của chi bộ gửi Đảng ủy xã', d: 'Báo cáo bằng văn bản gửi Văn phòng Đảng ủy trước 15/3', lead: true },
    ],
    office: [
      { t: 'Rà soát, đôn đốc cán bộ, nhân viên {where} tiêm đủ mũi nhắc lại vắc-xin COVID-19', d: 'Báo cáo số cán bộ đã tiêm mũi nhắc lại gửi Đảng ủy xã' },
      { t: 'Bố trí khử khuẩn, thực hiện 5K tại nơi làm việc', d: 'Phương án phòng dịch tại đơn vị được thủ trưởng ký ban hành' },
      { t: 'Báo cáo kết quả phòng, chống dịch COVID-19 của chi bộ gửi Đảng ủy xã', d: 'Báo cáo bằng văn bản gửi Văn phòng Đảng ủy trước 15/3', lead: true },
    ],
    handDown: [
      { org: 'phu-nu', t: 'Tuyên truyền hội viên phụ nữ thực hiện 5K, đưa người thân đi tiêm vắc-xin COVID-19 mũi nhắc lại', d: 'Danh sách hội viên đã được tuyên truyền, gửi chi bộ' },
      { org: 'thanh-nien', t: 'Cử đoàn viên hỗ trợ Trạm Y tế tại điểm tiêm vắc-xin COVID-19 của thôn', d: 'Bảng phân công đoàn viên trực điểm tiêm và số lượt hỗ trợ' },
    ],
  },
  {
    key: 'nq-tw4',
    title: 'Học tập, quán triệt và thực hiện Nghị quyết Trung ương 4 khóa XIII (Kết luận số 21-KL/TW) về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị',
    body:
      'Ban Thường vụ Đảng ủy xã yêu cầu 100% chi bộ tổ chức học tập, quán triệt Nghị quyết Trung ương 4 khóa XIII đến toàn thể đảng viên; mỗi đảng viên viết bản thu hoạch, liên hệ bản thân. Chi ủy xây dựng kế hoạch thực hiện, gắn với việc "tự soi, tự sửa" theo tinh thần Nghị quyết Trung ương 4 khóa XII và trách nhiệm nêu gương của cán bộ, đảng viên. Báo cáo kết quả về Đảng ủy xã trước ngày 30/4/2022.',
    issuedOn: '2022-03-14',
    deadline: '2022-04-30',
    village: [
      { t: 'Xây dựng kế hoạch thực hiện Nghị quyết Trung ương 4 khóa XIII của chi bộ', d: 'Kế hoạch được chi ủy thông qua, gửi Đảng ủy xã', lead: true },
      { t: 'Tổ chức cho đảng viên học tập Nghị quyết Trung ương 4 khóa XIII, viết bản thu hoạch', d: 'Bản thu hoạch của 100% đảng viên, tổng hợp gửi Đảng ủy xã' },
    ],
    office: [
      { t: 'Xây dựng kế hoạch thực hiện Nghị quyết Trung ương 4 khóa XIII của chi bộ', d: 'Kế hoạch được chi ủy thông qua, gửi Đảng ủy xã', lead: true },
      { t: 'Tổ chức cho đảng viên học tập Nghị quyết Trung ương 4 khóa XIII, viết bản thu hoạch', d: 'Bản thu hoạch của 100% đảng viên, tổng hợp gửi Đảng ủy xã' },
      { t: 'Rà soát, đối chiếu biểu hiện suy thoái trong thực thi công vụ tại {where}', d: 'Bảng tự đối chiếu của từng đảng viên, lưu hồ sơ chi bộ' },
    ],
  },
  {
    key: 've-sinh',
    title: 'Ra quân tổng vệ sinh môi trường hưởng ứng Ngày Môi trường thế giới 5/6 và Tháng hành động vì môi trường năm 2022',
    body:
      'Ban Thường vụ Đảng ủy xã đề nghị các chi bộ lãnh đạo tổ chức ra quân tổng vệ sinh môi trường tại khu dân cư, cơ quan, trường học; vận động nhân dân phân loại rác tại nguồn, không đổ rác thải ra kênh mương, đường làng; các đoàn thể ở thôn có kế hoạch tham gia cụ thể. Hoàn thành trước ngày 30/6/2022.',
    issuedOn: '2022-05-23',
    deadline: '2022-06-30',
    village: [
      { t: 'Tổ chức ra quân tổng vệ sinh đường làng, ngõ xóm, khu vực nhà văn hóa {thon}', d: 'Biên bản ra quân kèm ảnh trước và sau, số người tham gia' },
      { t: 'Vận động các hộ ký cam kết không đổ rác thải ra kênh mương, đường làng', d: 'Bản cam kết có chữ ký của các hộ, nộp chi ủy' },
    ],
    office: [
      { t: 'Tổ chức tổng vệ sinh khuôn viên {where}, trồng bổ sung cây xanh', d: 'Khuôn viên sạch, cây xanh trồng bổ sung; báo cáo kèm ảnh gửi Đảng ủy xã' },
      { t: 'Vận động cán bộ, đảng viên không dùng túi ni lông, đồ nhựa dùng một lần tại cơ quan', d: 'Danh sách đăng ký thực hiện của cán bộ, đảng viên' },
    ],
    handDown: [
      { org: 'thanh-nien', t: 'Ra quân dọn vệ sinh, phát quang tuyến đường thanh niên tự quản', d: 'Tuyến đường sạch; báo cáo số đoàn viên tham gia' },
      { org: 'phu-nu', t: 'Tổ chức "Ngày Chủ nhật xanh" cho hội viên dọn vệ sinh đường làng', d: 'Báo cáo số hội viên tham gia và khối lượng rác thu gom' },
      { org: 'nong-dan', t: 'Vận động hội viên thu gom vỏ bao bì thuốc bảo vệ thực vật trên đồng ruộng', d: 'Vỏ bao bì được gom về bể chứa đúng quy định; báo cáo khối lượng' },
    ],
  },
  {
    key: 'dang-phi',
    title: 'Chấn chỉnh việc thu, nộp đảng phí theo Quy định số 342-QĐ/TW của Bộ Chính trị về chế độ đảng phí',
    body:
      'Qua kiểm tra quý II/2022, một số chi bộ còn thu, nộp đảng phí chậm, chưa rà soát mức đóng theo thu nhập. Ban Thường vụ Đảng ủy xã yêu cầu các chi bộ rà soát mức đóng đảng phí của từng đảng viên, thu, nộp đảng phí quý III/2022 đúng hạn và báo cáo kết quả trước ngày 15/8/2022.',
    issuedOn: '2022-07-11',
    deadline: '2022-08-15',
    village: [
      { t: 'Rà soát mức đóng đảng phí của từng đảng viên theo thu nhập', d: 'Danh sách mức đóng đảng phí của đảng viên được chi ủy thông qua', lead: true },
      { t: 'Thu đảng phí quý III/2022, nộp Đảng ủy xã đúng hạn', d: 'Sổ thu đảng phí và biên lai nộp Đảng ủy xã' },
    ],
    office: [
      { t: 'Rà soát mức đóng đảng phí của từng đảng viên theo bảng lương', d: 'Danh sách mức đóng đảng phí của đảng viên được chi ủy thông qua', lead: true },
      { t: 'Thu đảng phí quý III/2022, nộp Đảng ủy xã đúng hạn', d: 'Sổ thu đảng phí và biên lai nộp Đảng ủy xã' },
    ],
  },
  {
    key: 'nong-thon-moi',
    title: 'Đẩy mạnh xây dựng nông thôn mới nâng cao, thôn nông thôn mới kiểu mẫu năm 2022',
    body:
      'Để hoàn thành mục tiêu xã đạt chuẩn nông thôn mới nâng cao, Ban Thường vụ Đảng ủy xã yêu cầu các chi bộ thôn lãnh đạo vận động nhân dân hiến đất, góp công mở rộng đường giao thông, chỉnh trang khu dân cư; các chi bộ cơ quan rà soát tiêu chí thuộc lĩnh vực phụ trách. Báo cáo kết quả trước ngày 31/10/2022.',
    issuedOn: '2022-08-08',
    deadline: '2022-10-31',
    village: [
      { t: 'Vận động nhân dân hiến đất, góp công mở rộng đường trục {thon}', d: 'Danh sách hộ đăng ký hiến đất và biên bản thống nhất của các hộ' },
      { t: 'Rà soát các tiêu chí thôn nông thôn mới kiểu mẫu còn thiếu, đề xuất giải pháp', d: 'Báo cáo rà soát tiêu chí gửi Ban Chỉ đạo xây dựng nông thôn mới xã', lead: true },
    ],
    office: [
      { t: 'Rà soát tiêu chí nông thôn mới nâng cao thuộc lĩnh vực {where} phụ trách', d: 'Báo cáo kết quả thực hiện tiêu chí gửi Ban Chỉ đạo xã', lead: true },
      { t: 'Cử đảng viên hỗ trợ một thôn hoàn thiện tiêu chí môi trường', d: 'Biên bản làm việc với thôn và danh sách việc đã hỗ trợ' },
    ],
    handDown: [
      { org: 'nong-dan', t: 'Vận động hội viên hiến đất làm đường giao thông nội đồng', d: 'Danh sách hội viên đăng ký hiến đất, diện tích từng hộ' },
      { org: 'mat-tran', t: 'Vận động nhân dân đóng góp xây dựng nông thôn mới, công khai các khoản đóng góp', d: 'Bảng tổng hợp đóng góp niêm yết tại nhà văn hóa thôn' },
      { org: 'cuu-chien-binh', t: 'Vận động hội viên cựu chiến binh gương mẫu chỉnh trang nhà ở, tường rào theo tiêu chí thôn kiểu mẫu', d: 'Danh sách hộ hội viên đã chỉnh trang xong' },
    ],
  },
  {
    key: 'dai-doan-ket',
    title: 'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2022 ở khu dân cư',
    body:
      'Kỷ niệm 92 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 – 18/11/2022), Ban Thường vụ Đảng ủy xã đề nghị các chi bộ thôn lãnh đạo Ban Công tác Mặt trận và các đoàn thể tổ chức Ngày hội Đại đoàn kết ở khu dân cư; các chi bộ cơ quan cử đảng viên dự tại nơi cư trú. Hoàn thành trước ngày 18/11/2022.',
    issuedOn: '2022-10-17',
    deadline: '2022-11-18',
    village: [
      { t: 'Xây dựng kế hoạch, tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở {thon}', d: 'Kế hoạch và báo cáo kết quả gửi Ủy ban Mặt trận Tổ quốc xã', lead: true },
      { t: 'Bình xét, đề nghị khen thưởng hộ gia đình văn hóa tiêu biểu', d: 'Danh sách hộ đề nghị khen thưởng gửi Ban Công tác Mặt trận thôn' },
    ],
    office: [
      { t: 'Cử cán bộ, đảng viên dự Ngày hội Đại đoàn kết tại khu dân cư nơi cư trú', d: 'Danh sách đảng viên tham dự, báo cáo Đảng ủy xã' },
      { t: 'Vận động cán bộ, đảng viên ủng hộ Quỹ "Vì người nghèo" năm 2022', d: 'Danh sách ủng hộ và biên nhận của Ủy ban Mặt trận Tổ quốc xã' },
    ],
    handDown: [
      { org: 'mat-tran', t: 'Chủ trì tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở thôn', d: 'Chương trình ngày hội và báo cáo kết quả gửi chi bộ' },
      { org: 'phu-nu', t: 'Chuẩn bị tiết mục văn nghệ cho Ngày hội Đại đoàn kết', d: 'Hai tiết mục văn nghệ biểu diễn tại ngày hội' },
      { org: 'thanh-nien', t: 'Tổ chức giải bóng chuyền thanh niên chào mừng Ngày hội Đại đoàn kết', d: 'Giải đấu được tổ chức; báo cáo số đội tham gia' },
    ],
  },
  {
    key: 'kiem-diem',
    title: 'Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2022',
    body:
      'Thực hiện hướng dẫn của Ban Tổ chức Huyện ủy, Ban Thường vụ Đảng ủy xã yêu cầu các chi bộ hướng dẫn đảng viên viết bản kiểm điểm, đối chiếu với nhiệm vụ được giao và chỉ tiêu đã cam kết; tổ chức hội nghị kiểm điểm, đánh giá, xếp loại đảng viên và chi bộ; gửi hồ sơ về Đảng ủy xã trước ngày 25/12/2022.',
    issuedOn: '2022-11-21',
    deadline: '2022-12-25',
    village: [
      { t: 'Hướng dẫn đảng viên viết bản kiểm điểm cá nhân năm 2022 theo mẫu', d: '100% đảng viên nộp bản kiểm điểm cho chi ủy' },
      { t: 'Tổ chức hội nghị kiểm điểm, đánh giá, xếp loại đảng viên năm 2022', d: 'Biên bản hội nghị và danh sách đề nghị xếp loại gửi Đảng ủy xã', lead: true },
      { t: 'Chuẩn bị báo cáo kiểm điểm tập thể chi ủy, chi bộ năm 2022', d: 'Báo cáo kiểm điểm được chi bộ thông qua, gửi Đảng ủy xã' },
    ],
  },
];

/** Jobs a village cell passes to its mass organisations after a monthly meeting. */
const HAND_DOWN_JOBS: readonly HandDownSpec[] = [
  { org: 'nong-dan', t: 'Vận động hội viên ra quân nạo vét kênh mương nội đồng', d: 'Các tuyến kênh mương được nạo vét; báo cáo chiều dài đã làm', m: [1, 2, 3, 9, 10] },
  { org: 'nong-dan', t: 'Hướng dẫn hội viên phòng trừ sâu bệnh hại lúa theo khuyến cáo của xã', d: 'Danh sách hộ hội viên được hướng dẫn, báo cáo diện tích đã phòng trừ', m: [4, 5, 6, 7, 8] },
  { org: 'nong-dan', t: 'Vận động hội viên đăng ký sản xuất vụ đông', d: 'Bảng đăng ký diện tích vụ đông của các hộ hội viên', m: [8, 9, 10] },
  { org: 'nong-dan', t: 'Tuyên truyền hội viên không đốt rơm rạ trên đồng ruộng', d: 'Danh sách hộ hội viên ký cam kết không đốt rơm rạ', m: [5, 6, 10, 11] },
  { org: 'phu-nu', t: 'Vận động hội viên phụ nữ phân loại rác tại nguồn', d: 'Danh sách hộ hội viên thực hiện phân loại rác, gửi chi bộ' },
  { org: 'phu-nu', t: 'Vận động hội viên tham gia bảo hiểm y tế hộ gia đình', d: 'Danh sách hộ hội viên đăng ký bảo hiểm y tế' },
  { org: 'phu-nu', t: 'Thăm hỏi, tặng quà phụ nữ có hoàn cảnh khó khăn', d: 'Danh sách hội viên được thăm hỏi và biên nhận', m: [1, 3, 10, 12] },
  { org: 'cuu-chien-binh', t: 'Cử hội viên phối hợp tổ an ninh tự quản tuần tra ban đêm', d: 'Lịch tuần tra có tên hội viên tham gia, báo cáo kết quả' },
  { org: 'cuu-chien-binh', t: 'Tham gia hòa giải mâu thuẫn về đất dịch vụ khu Trại Khóng trong thôn', d: 'Biên bản hòa giải có chữ ký các bên' },
  { org: 'cuu-chien-binh', t: 'Phối hợp thăm hỏi gia đình thương binh, liệt sĩ dịp 27/7', d: 'Danh sách gia đình được thăm hỏi, tặng quà', m: [7] },
  { org: 'thanh-nien', t: 'Hướng dẫn người dân cài đặt, kích hoạt tài khoản định danh điện tử', d: 'Danh sách người dân được hướng dẫn kích hoạt thành công' },
  { org: 'thanh-nien', t: 'Tuyên truyền, vận động thanh niên lên đường nhập ngũ', d: 'Danh sách thanh niên đã đăng ký khám tuyển', m: [1, 2, 11, 12] },
  { org: 'thanh-nien', t: 'Trồng và chăm sóc cây xanh trên tuyến đường thanh niên tự quản', d: 'Số cây đã trồng, báo cáo kèm ảnh', m: [2, 3, 4, 9] },
  { org: 'mat-tran', t: 'Tổng hợp ý kiến của nhân dân về phương án giao đất dịch vụ khu Lồng Chấy', d: 'Bản tổng hợp ý kiến của nhân dân gửi chi bộ' },
  { org: 'mat-tran', t: 'Bình xét hộ nghèo, hộ cận nghèo năm 2022 ở thôn', d: 'Biên bản bình xét có danh sách hộ đề nghị', m: [9, 10, 11] },
  { org: 'mat-tran', t: 'Vận động nhân dân ủng hộ Quỹ "Vì người nghèo"', d: 'Danh sách ủng hộ và biên nhận của Ủy ban Mặt trận Tổ quốc xã', m: [10, 11, 12] },
];

const ACK_NOTES: readonly (string | null)[] = [
  'Chi bộ đã nhận, triển khai tại kỳ sinh hoạt gần nhất.',
  'Đã nhận văn bản; chi ủy phân công người thực hiện.',
  'Chi bộ tiếp thu, cụ thể hóa thành nhiệm vụ cho đảng viên.',
  null,
];

/** Lưu Quang's plan for the Nghị quyết T.Ư 4 content: the cell committee's own tasks. */
const LUU_QUANG_PLAN = {
  plan: {
    t: 'Xây dựng kế hoạch thực hiện Nghị quyết Trung ương 4 khóa XIII của Chi bộ thôn Lưu Quang',
    d: 'Kế hoạch được chi ủy thông qua, gửi Đảng ủy xã',
  },
  session: {
    t: 'Tổ chức sinh hoạt chuyên đề quán triệt Nghị quyết Trung ương 4 khóa XIII cho toàn thể đảng viên chi bộ',
    d: 'Biên bản buổi sinh hoạt chuyên đề và danh sách đảng viên dự',
  },
  summary: {
    t: 'Tổng hợp bản thu hoạch của đảng viên, báo cáo Đảng ủy xã',
    d: 'Báo cáo tổng hợp kết quả viết thu hoạch gửi Đảng ủy xã',
  },
  member: {
    t: 'Nghiên cứu, học tập Nghị quyết Trung ương 4 khóa XIII; viết bản thu hoạch, liên hệ bản thân',
    d: 'Bản thu hoạch nộp chi ủy',
  },
} as const;

/** How often work given outside meetings is finished late or never (as for meeting tasks). */
const ORDINARY: Omit<TaskOptions, 'deadlineDays'> = { openRate: 0.03, veryLateRate: 0.03, lateRate: 0.2, lateDays: [1, 10] };
/** Đồng Thứ before April 2022. */
const TIMID: Omit<TaskOptions, 'deadlineDays'> = { openRate: 0, veryLateRate: 0.15, lateRate: 0.6, lateDays: [3, 15] };

interface Context {
  cells: Cell[];
  /** The commune committee member with the party committee's account (bithu.dangbo). */
  committeeKey: string | null;
  tasks: DemoWorkTask[];
  /** The cell's meeting tasks, for its year-end figures. */
  meetingTasks: Map<string, { status: string; closedOn: string | null }[]>;
}

interface NewTask {
  cell: Cell;
  rng: Rng;
  title: string;
  deliverable: string | null;
  owner: { member: string } | { unit: string };
  createdOn: string;
  deadline: string;
  source: DemoWorkSource;
  options: Omit<TaskOptions, 'deadlineDays'>;
  exceededRate?: number;
  handDown?: { receivedOn: string; handedDownOn: string };
}

/** Grades and records one task; its key is unique and stable. */
function addTask(ctx: Context, t: NewTask): DemoWorkTask {
  const { rng, cell } = t;
  const deadline = minDate(t.deadline, YEAR_END);
  let doneOn = drawDoneOn(rng, t.createdOn, deadline, t.options);
  if (doneOn !== null && doneOn > YEAR_END) doneOn = null;
  const ownerMemberKey = 'member' in t.owner ? t.owner.member : null;
  const helpers = ownerMemberKey === null ? [] : activeMembers(cell, t.createdOn).map((m) => m.key).filter((k) => k !== ownerMemberKey);
  const life = gradeTask(rng, {
    createdOn: t.createdOn,
    deadline,
    doneOn,
    deliverable: t.deliverable,
    reviewDates: cell.reviewDates,
    notDoneOn: deadline < cell.december ? cell.december : YEAR_END,
    exceededRate: t.exceededRate ?? 0.25,
    causes: notDoneCauses(cell.info.type === 'village'),
  });
  const task: DemoWorkTask = {
    key: `${t.source.kind === 'directive' ? t.source.directiveKey : `meeting-${t.source.meetingDate}`}/${cell.unit.key}/${ctx.tasks.length + 1}`,
    cellKey: cell.unit.key,
    title: t.title,
    ownerMemberKey,
    ownerUnitKey: 'unit' in t.owner ? t.owner.unit : null,
    deadline,
    createdOn: t.createdOn,
    doneOn,
    source: t.source,
    receivedOn: t.handDown?.receivedOn ?? null,
    handedDownOn: t.handDown?.handedDownOn ?? null,
    reporterKey: ownerMemberKey ?? cell.secretary,
    assignerKey: cell.secretary,
    deliverable: t.deliverable,
    priority: taskPriority(rng, t.title),
    coworkerKeys: t.deliverable === null ? [] : pickCoworkers(rng, helpers),
    ...life,
  };
  ctx.tasks.push(task);
  return task;
}

/**
 * Days a cell took to pass a job to a mass organisation: Đồng Thứ 7–20 days before April 2022
 * and 0–2 after; Lưu Quang mostly within 3 days.
 */
function handDownDelay(rng: Rng, cell: Cell, receivedOn: string): number {
  if (cell.unit.key === DONG_THU) return receivedOn < STORY_TURN ? rng.int(7, 20) : rng.int(0, 2);
  return rng.chance(0.85) ? rng.int(0, 3) : rng.int(4, 6);
}

/** Days a cell took to acknowledge a directive. */
function acknowledgeDelay(rng: Rng, cell: Cell, issuedOn: string): number {
  if (cell.unit.key === DONG_THU) return issuedOn < STORY_TURN ? rng.int(6, 12) : rng.int(0, 2);
  if (cell.unit.key === LUU_QUANG) return rng.int(0, 2);
  return rng.chance(0.88) ? rng.int(1, 5) : rng.int(8, 20);
}

function handDownTask(ctx: Context, rng: Rng, cell: Cell, job: HandDownSpec, receivedOn: string, notBefore: string, source: DemoWorkSource): void {
  const unit = cell.massOrgs.get(job.org);
  if (!unit) return;
  const handedDownOn = maxDate(addDays(receivedOn, handDownDelay(rng, cell, receivedOn)), notBefore);
  const vague = cell.unit.key === DONG_THU && handedDownOn < STORY_TURN;
  addTask(ctx, {
    cell,
    rng,
    title: job.t,
    deliverable: vague ? null : job.d,
    owner: { unit },
    createdOn: handedDownOn,
    deadline: addDays(handedDownOn, rng.int(10, 25)),
    source,
    options: vague ? TIMID : ORDINARY,
    handDown: { receivedOn, handedDownOn },
  });
}

function buildDirectives(ctx: Context): DemoDirective[] {
  const out: DemoDirective[] = [];
  for (const spec of DIRECTIVES) {
    const rng = new Rng(hashSeed(`directive/${spec.key}`));
    // One or two cells never answer; never the two cells of the article.
    const silent = new Set(rng.sample(ctx.cells.filter((c) => c.unit.key !== DONG_THU && c.unit.key !== LUU_QUANG), rng.int(1, 2)).map((c) => c.unit.key));
    const targets: DemoDirectiveTarget[] = [];
    for (const cell of ctx.cells) {
      const crng = new Rng(hashSeed(`directive/${spec.key}/${cell.unit.key}`));
      if (silent.has(cell.unit.key)) {
        targets.push({ cellKey: cell.unit.key, acknowledgedAt: null, acknowledgedByKey: null, note: null });
        continue;
      }
      const ackOn = addDays(spec.issuedOn, acknowledgeDelay(crng, cell, spec.issuedOn));
      targets.push({ cellKey: cell.unit.key, acknowledgedAt: officeInstant(crng, ackOn), acknowledgedByKey: cell.secretary, note: crng.pick(ACK_NOTES) });
      breakIntoTasks(ctx, crng, spec, cell, ackOn);
    }
    out.push({
      key: spec.key,
      title: spec.title,
      body: spec.body,
      issuedOn: spec.issuedOn,
      deadline: spec.deadline,
      issuedByKey: ctx.committeeKey,
      targets,
    });
  }
  return out;
}

/** A cell acknowledging a directive turns it into one to three tasks (Lưu Quang's NQ T.Ư 4: one per member). */
function breakIntoTasks(ctx: Context, rng: Rng, spec: DirectiveSpec, cell: Cell, ackOn: string): void {
  const source: DemoWorkSource = { kind: 'directive', directiveKey: spec.key };
  if (spec.key === 'nq-tw4' && cell.unit.key === LUU_QUANG) {
    luuQuangPlan(ctx, rng, cell, ackOn, source);
    return;
  }
  const createdOn = addDays(ackOn, rng.int(0, 2));
  const vague = cell.unit.key === DONG_THU && createdOn < STORY_TURN;
  const handDowns = spec.handDown && cell.massOrgs.size > 0 ? rng.sample(spec.handDown, rng.int(1, 2)) : [];
  const pool = cell.info.type === 'village' ? spec.village : (spec.office ?? spec.village);
  const jobs = rng.sample(pool, Math.max(1, rng.int(1, 3) - handDowns.length));
  const members = activeMembers(cell, createdOn);
  for (const job of jobs) {
    const owner = job.lead ? cell.secretary : rng.pick(members.filter((m) => m.key !== cell.secretary)).key;
    addTask(ctx, {
      cell,
      rng,
      title: fill(job.t, cell.info),
      deliverable: vague ? null : job.d,
      owner: { member: owner },
      createdOn,
      deadline: maxDate(addDays(createdOn, 5), minDate(spec.deadline, addDays(createdOn, rng.int(10, 30)))),
      source,
      options: vague ? TIMID : ORDINARY,
    });
  }
  for (const job of handDowns) handDownTask(ctx, rng, cell, job, spec.issuedOn, ackOn, source);
}

/**
 * "Chi ủy Chi bộ thôn Lưu Quang họp bàn xây dựng kế hoạch, cụ thể hóa các nội dung của Nghị
 * quyết T.Ư 4 tới toàn thể đảng viên": the plan, the thematic session and the summary for the
 * committee, and one study-and-essay task for every member, due within about a month.
 */
function luuQuangPlan(ctx: Context, rng: Rng, cell: Cell, ackOn: string, source: DemoWorkSource): void {
  const members = activeMembers(cell, ackOn);
  const third = rng.pick(members.filter((m) => m.key !== cell.secretary && m.key !== cell.clerk && m.status === 'official' && m.phone !== null));
  const onTime: Omit<TaskOptions, 'deadlineDays'> = { openRate: 0, veryLateRate: 0, lateRate: 0.1, lateDays: [1, 5] };
  const committee: [{ t: string; d: string }, string, number][] = [
    [LUU_QUANG_PLAN.plan, cell.secretary, 7],
    [LUU_QUANG_PLAN.session, cell.clerk, 25],
    [LUU_QUANG_PLAN.summary, third.key, 45],
  ];
  for (const [job, owner, days] of committee) {
    addTask(ctx, { cell, rng, title: job.t, deliverable: job.d, owner: { member: owner }, createdOn: ackOn, deadline: addDays(ackOn, days), source, options: onTime });
  }
  // Members are given their part once the plan is out.
  const givenOn = addDays(ackOn, 6);
  for (const m of activeMembers(cell, givenOn)) {
    addTask(ctx, {
      cell,
      rng,
      title: LUU_QUANG_PLAN.member.t,
      deliverable: LUU_QUANG_PLAN.member.d,
      owner: { member: m.key },
      createdOn: givenOn,
      deadline: addDays(givenOn, rng.int(28, 31)),
      source,
      options: { openRate: 0, veryLateRate: 0, lateRate: 0.12, lateDays: [1, 7] },
      exceededRate: 0.12,
    });
  }
}

/** After its monthly meetings a village cell passes jobs to its mass organisations. */
function meetingHandDowns(ctx: Context, cell: Cell): void {
  if (cell.massOrgs.size === 0) return;
  const rng = new Rng(hashSeed(`hand-down/${cell.unit.key}`));
  const fromDirectives = ctx.tasks.filter((t) => t.cellKey === cell.unit.key && t.ownerUnitKey !== null).length;
  let budget = 25 - fromDirectives;
  for (const m of cell.meetings) {
    if (m.kind !== 'regular' || budget <= 0) continue;
    const month = Number(m.date.slice(5, 7));
    // Đồng Thứ's early 2022: the cell did pass jobs on, just late.
    const n = cell.unit.key === DONG_THU && m.date < STORY_TURN ? 2 : (rng.chance(0.8) ? 1 : 0) + (rng.chance(0.2) ? 1 : 0);
    const jobs = rng.sample(HAND_DOWN_JOBS.filter((j) => !j.m || j.m.includes(month)), Math.min(n, budget));
    for (const job of jobs) handDownTask(ctx, rng, cell, job, m.date, m.date, { kind: 'meeting', meetingDate: m.date });
    budget -= jobs.length;
  }
}

// ---------------------------------------------------------------------------
// Commitments
// ---------------------------------------------------------------------------

type Kind = CellInfo['type'];

export interface Pledge {
  section: CommitmentSection;
  title: string;
  evidence: string;
  /** Measurable: the range the target is drawn from, its unit and direction. */
  target?: readonly [number, number];
  unit?: string;
  direction?: CommitmentDirection;
  /** Only for these kinds of cell. */
  cells?: readonly Kind[];
  /** Measured from the meetings' record rather than drawn. */
  measured?: 'late_count' | 'punctuality_fixed';
}

const OFFICES: readonly Kind[] = ['party_office', 'people_committee', 'police', 'military', 'school', 'health'];

export const MEMBER_PLEDGES: readonly Pledge[] = [
  // Tư tưởng chính trị
  {
    section: 'political_thought',
    title: 'Kiên định chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh; chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước',
    evidence: 'Nhận xét của chi ủy tại kỳ kiểm điểm cuối năm',
  },
  { section: 'political_thought', title: 'Số chuyên đề, nghị quyết được học tập và viết bản thu hoạch', target: [3, 5], unit: 'chuyên đề', direction: 'more', evidence: 'Bản thu hoạch lưu tại chi bộ' },
  {
    section: 'political_thought',
    title: 'Không đăng tải, chia sẻ, bình luận thông tin sai trái, chưa được kiểm chứng trên mạng xã hội',
    evidence: 'Chi ủy theo dõi; không có phản ánh của quần chúng',
  },
  { section: 'political_thought', title: 'Số tin, bài chính thống chia sẻ trên mạng xã hội', target: [10, 30], unit: 'tin, bài', direction: 'more', evidence: 'Trang mạng xã hội cá nhân' },
  // Đạo đức, lối sống
  { section: 'ethics_lifestyle', title: 'Sống giản dị, trung thực; không vi phạm những điều đảng viên không được làm', evidence: 'Không có đơn thư, phản ánh về bản thân và gia đình' },
  {
    section: 'ethics_lifestyle',
    title: 'Gia đình gương mẫu chấp hành hương ước, quy ước của thôn; tổ chức việc cưới, việc tang văn minh, tiết kiệm',
    evidence: 'Xác nhận của Ban Công tác Mặt trận nơi cư trú',
  },
  { section: 'ethics_lifestyle', title: 'Số lần tham gia hoạt động từ thiện, nhân đạo ở địa phương', target: [2, 4], unit: 'lần', direction: 'more', evidence: 'Danh sách ủng hộ của Ủy ban Mặt trận Tổ quốc xã' },
  {
    section: 'ethics_lifestyle',
    title: 'Giữ mối liên hệ với chi ủy, nhân dân nơi cư trú; tham gia đầy đủ sinh hoạt khu dân cư',
    evidence: 'Nhận xét của chi ủy nơi cư trú',
    cells: OFFICES,
  },
  // Ý thức tổ chức kỷ luật
  { section: 'discipline', title: 'Số lần đi sinh hoạt chi bộ muộn', target: [1, 1], unit: 'lần', direction: 'less', evidence: 'Sổ theo dõi sinh hoạt chi bộ', measured: 'late_count' },
  { section: 'discipline', title: 'Sinh hoạt đảng đầy đủ; vắng mặt có lý do đều báo cáo chi ủy trước', evidence: 'Sổ theo dõi sinh hoạt chi bộ' },
  { section: 'discipline', title: 'Nộp đảng phí đầy đủ, đúng hạn theo quy định', evidence: 'Sổ thu đảng phí của chi bộ' },
  { section: 'discipline', title: 'Chấp hành nghiêm sự phân công của chi bộ, báo cáo kết quả đúng hạn', evidence: 'Sổ theo dõi nhiệm vụ của chi ủy' },
  // Tác phong, lề lối làm việc
  {
    section: 'working_style',
    title: 'Gần dân, lắng nghe ý kiến của nhân dân; giải quyết kịp thời những việc thuộc trách nhiệm của mình',
    evidence: 'Không có phản ánh về thái độ ứng xử',
  },
  {
    section: 'working_style',
    title: 'Làm việc có kế hoạch; báo cáo kết quả công việc được giao đúng hạn, không để chi ủy phải nhắc',
    evidence: 'Sổ theo dõi nhiệm vụ của chi ủy',
  },
  { section: 'working_style', title: 'Số ý kiến góp ý xây dựng tại sinh hoạt chi bộ', target: [3, 6], unit: 'ý kiến', direction: 'more', evidence: 'Biên bản sinh hoạt chi bộ' },
  { section: 'working_style', title: 'Số hồ sơ, công việc giải quyết quá hạn', target: [0, 0], unit: 'việc', direction: 'less', evidence: 'Sổ theo dõi công việc của cơ quan', cells: ['party_office', 'people_committee', 'police'] },
  // Thực hiện chức trách, nhiệm vụ
  { section: 'duties', title: 'Số hộ vận động tham gia hiến đất làm đường', target: [2, 5], unit: 'hộ', direction: 'more', evidence: 'Biên bản hiến đất có xác nhận của trưởng thôn', cells: ['village'] },
  { section: 'duties', title: 'Số hộ vận động ký cam kết phân loại rác tại nguồn', target: [8, 20], unit: 'hộ', direction: 'more', evidence: 'Bản cam kết của các hộ', cells: ['village'] },
  { section: 'duties', title: 'Số người được hướng dẫn kích hoạt tài khoản định danh điện tử', target: [10, 30], unit: 'người', direction: 'more', evidence: 'Danh sách gửi Công an xã', cells: ['village'] },
  { section: 'duties', title: 'Số hộ vận động tham gia bảo hiểm y tế hộ gia đình', target: [3, 8], unit: 'hộ', direction: 'more', evidence: 'Danh sách của đại lý thu bảo hiểm y tế xã', cells: ['village'] },
  { section: 'duties', title: 'Số buổi tham gia tuần tra của tổ an ninh tự quản', target: [6, 12], unit: 'buổi', direction: 'more', evidence: 'Sổ tuần tra của thôn', cells: ['village'] },
  {
    section: 'duties',
    title: 'Phụ trách tốt nhóm hộ được chi bộ phân công, không để phát sinh điểm nóng',
    evidence: 'Báo cáo của trưởng thôn',
    cells: ['village'],
  },
  { section: 'duties', title: 'Tỷ lệ công việc được giao hoàn thành đúng hạn', target: [100, 100], unit: '%', direction: 'more', evidence: 'Đánh giá, xếp loại cuối năm của cơ quan', cells: ['party_office', 'people_committee'] },
  { section: 'duties', title: 'Số sáng kiến, giải pháp cải tiến công việc được công nhận', target: [1, 2], unit: 'sáng kiến', direction: 'more', evidence: 'Quyết định công nhận sáng kiến', cells: ['party_office', 'people_committee', 'school', 'health'] },
  { section: 'duties', title: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn', target: [95, 98], unit: '%', direction: 'more', evidence: 'Báo cáo của bộ phận một cửa', cells: ['people_committee'] },
  { section: 'duties', title: 'Hoàn thành tốt nhiệm vụ chuyên môn được giao, không để xảy ra sai sót', evidence: 'Đánh giá, xếp loại công chức cuối năm', cells: ['party_office', 'people_committee'] },
  { section: 'duties', title: 'Số tiết dự giờ, thao giảng', target: [18, 24], unit: 'tiết', direction: 'more', evidence: 'Sổ dự giờ', cells: ['school'] },
  { section: 'duties', title: 'Tỷ lệ học sinh lớp phụ trách được lên lớp', target: [97, 99], unit: '%', direction: 'more', evidence: 'Sổ điểm, báo cáo cuối năm học', cells: ['school'] },
  { section: 'duties', title: 'Thực hiện đúng quy chế chuyên môn, không dạy thêm trái quy định', evidence: 'Biên bản kiểm tra nội bộ của nhà trường', cells: ['school'] },
  { section: 'duties', title: 'Số lượt người dân được khám, tư vấn sức khỏe', target: [300, 600], unit: 'lượt', direction: 'more', evidence: 'Sổ khám bệnh của Trạm Y tế', cells: ['health'] },
  { section: 'duties', title: 'Số lần bị nhắc nhở về sai sót chuyên môn', target: [0, 0], unit: 'lần', direction: 'less', evidence: 'Biên bản kiểm tra của Trung tâm Y tế huyện', cells: ['health'] },
  { section: 'duties', title: 'Số tài khoản định danh điện tử được hướng dẫn kích hoạt', target: [150, 300], unit: 'tài khoản', direction: 'more', evidence: 'Báo cáo của Công an xã', cells: ['police'] },
  { section: 'duties', title: 'Số buổi tuần tra, kiểm soát bảo đảm trật tự', target: [40, 60], unit: 'buổi', direction: 'more', evidence: 'Sổ tuần tra của Công an xã', cells: ['police'] },
  { section: 'duties', title: 'Giải quyết tin báo, tố giác đúng thời hạn, không để tồn đọng', evidence: 'Sổ tiếp nhận tin báo của Công an xã', cells: ['police'] },
  { section: 'duties', title: 'Số buổi huấn luyện dân quân tham gia', target: [20, 30], unit: 'buổi', direction: 'more', evidence: 'Sổ theo dõi huấn luyện', cells: ['military'] },
  { section: 'duties', title: 'Duy trì nghiêm chế độ trực sẵn sàng chiến đấu', evidence: 'Sổ trực ban của Ban Chỉ huy Quân sự xã', cells: ['military'] },
  // Khắc phục hạn chế năm trước
  { section: 'fix_shortcomings', title: 'Khắc phục việc báo cáo kết quả công việc còn chậm', evidence: 'Sổ theo dõi nhiệm vụ của chi ủy' },
  { section: 'fix_shortcomings', title: 'Khắc phục tình trạng ít phát biểu, đóng góp ý kiến trong sinh hoạt chi bộ', evidence: 'Biên bản sinh hoạt chi bộ' },
  { section: 'fix_shortcomings', title: 'Nâng cao kỹ năng ứng dụng công nghệ thông tin trong công việc', evidence: 'Sử dụng thành thạo các phần mềm được giao' },
  // Chương trình hành động thực hiện nghị quyết đại hội
  { section: 'congress_resolution', title: 'Số ngày công tham gia làm đường giao thông nội đồng', target: [3, 6], unit: 'ngày công', direction: 'more', evidence: 'Danh sách của Ban Phát triển thôn', cells: ['village'] },
  {
    section: 'congress_resolution',
    title: 'Vận động gia đình và các hộ lân cận thực hiện tiêu chí thôn nông thôn mới kiểu mẫu',
    evidence: 'Kết quả bình xét của thôn',
    cells: ['village'],
  },
  {
    section: 'congress_resolution',
    title: 'Hoàn thành chỉ tiêu Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020–2025 thuộc lĩnh vực được phân công',
    evidence: 'Báo cáo tổng kết năm của cơ quan',
    cells: OFFICES,
  },
  { section: 'congress_resolution', title: 'Số buổi hỗ trợ thôn xây dựng nông thôn mới nâng cao', target: [2, 4], unit: 'buổi', direction: 'more', evidence: 'Biên bản làm việc với thôn', cells: OFFICES },
  // Chỉ thị 05: việc "làm theo"
  { section: 'directive_05', title: 'Làm theo gương Bác về tiết kiệm: tiết kiệm điện, nước, văn phòng phẩm ở cơ quan và gia đình', evidence: 'Nhận xét của chi ủy' },
  { section: 'directive_05', title: 'Làm theo gương Bác về tác phong quần chúng: gần dân, hiểu dân, vì dân', evidence: 'Ý kiến của nhân dân nơi cư trú' },
  { section: 'directive_05', title: 'Làm theo gương Bác về ý chí tự lực, tự cường: học tập nâng cao trình độ, hoàn thành tốt nhiệm vụ', evidence: 'Văn bằng, chứng chỉ; đánh giá cuối năm' },
  { section: 'directive_05', title: 'Số việc làm cụ thể "làm theo" gương Bác được chi bộ ghi nhận', target: [2, 3], unit: 'việc', direction: 'more', evidence: 'Sổ theo dõi của chi ủy' },
  { section: 'directive_05', title: 'Số ngày công lao động công ích ở thôn, khu dân cư', target: [4, 8], unit: 'ngày công', direction: 'more', evidence: 'Danh sách của trưởng thôn' },
  { section: 'directive_05', title: 'Số cây xanh trồng trong Tết trồng cây và ở khu dân cư', target: [5, 20], unit: 'cây', direction: 'more', evidence: 'Xác nhận của trưởng thôn' },
];

/** Đồng Thứ's members name last year's shortcomings the article tells of. */
const DONG_THU_PLEDGES: readonly Pledge[] = [
  {
    section: 'fix_shortcomings',
    title: 'Khắc phục việc đi sinh hoạt chi bộ muộn: có mặt trước giờ họp, vắng mặt phải báo cáo chi ủy',
    evidence: 'Sổ theo dõi sinh hoạt chi bộ',
    measured: 'punctuality_fixed',
  },
  {
    section: 'fix_shortcomings',
    title: 'Mạnh dạn, thẳng thắn góp ý cho đồng chí, đồng nghiệp; khắc phục tư tưởng nể nang, "dĩ hòa vi quý"',
    evidence: 'Biên bản sinh hoạt chi bộ',
  },
];

const SECTION_ORDER: readonly CommitmentSection[] = [
  'political_thought',
  'ethics_lifestyle',
  'discipline',
  'working_style',
  'duties',
  'fix_shortcomings',
  'congress_resolution',
  'directive_05',
];

const EARLY_REASON = 'Đánh giá tại hội nghị kiểm điểm cuối năm theo hướng dẫn của Đảng ủy xã, trước khi kết thúc năm 2022.';

const QUALITATIVE_NOTES: Record<CommitmentResult, readonly string[]> = {
  achieved: ['Thực hiện tốt nội dung cam kết.', 'Đạt; chi bộ ghi nhận có chuyển biến rõ.', 'Thực hiện nghiêm túc, đạt yêu cầu.'],
  exceeded: ['Thực hiện xuất sắc, là điển hình của chi bộ.', 'Vượt cam kết; được biểu dương tại hội nghị tổng kết.'],
  not_achieved: ['Chưa thực hiện được đầy đủ; cần khắc phục trong năm 2023.', 'Còn hạn chế; chi bộ nhắc nhở, yêu cầu khắc phục.'],
};

const QUALITATIVE_PROGRESS: Record<CommitmentResult, readonly string[]> = {
  achieved: ['Thực hiện nghiêm túc, chưa có vi phạm.', 'Duy trì thường xuyên, có việc làm cụ thể.', 'Thực hiện tốt; chi ủy nhận xét có chuyển biến.'],
  exceeded: ['Thực hiện tốt, có nhiều việc làm cụ thể được ghi nhận.', 'Là tấm gương để đảng viên khác học tập.'],
  not_achieved: ['Thực hiện chưa đều, cần cố gắng hơn.', 'Còn để chi ủy phải nhắc nhở.'],
};

/** The checkpoints of the year where progress is recorded: sơ kết 6 tháng, 9 tháng, cuối tháng 11. */
const CHECKPOINTS: readonly { label: string; from: string; share: number }[] = [
  { label: 'Sơ kết 6 tháng', from: `${YEAR}-06-24`, share: 0.5 },
  { label: 'Sơ kết 9 tháng', from: `${YEAR}-09-24`, share: 0.75 },
  { label: 'Đến cuối tháng 11', from: `${YEAR}-11-24`, share: 0.92 },
];

/** What a member's record in the meetings says: the days they arrived late. */
interface MemberRecord {
  lateDates: string[];
}

function memberRecords(meetings: readonly DemoMeeting[]): Map<string, MemberRecord> {
  const out = new Map<string, MemberRecord>();
  for (const m of meetings) {
    const start = Date.parse(meetingStartsAt(m.date, m.startTime));
    for (const a of m.attendance) {
      if (a.role !== 'member') continue;
      const rec = out.get(a.memberKey) ?? { lateDates: [] };
      if (a.arrivedAt !== null && Date.parse(a.arrivedAt) > start) rec.lateDates.push(m.date);
      out.set(a.memberKey, rec);
    }
  }
  return out;
}

/** The intended result of a line: ~80% achieved, ~10% exceeded, the rest not. */
function drawResult(rng: Rng): CommitmentResult {
  const r = rng.float();
  return r < 0.1 ? 'exceeded' : r < 0.185 ? 'not_achieved' : 'achieved';
}

/** An actual value that gives `intended` (or "achieved" where the target cannot be beaten). */
function actualFor(rng: Rng, intended: CommitmentResult, target: number, direction: CommitmentDirection, unit: string): number {
  const step = Math.max(1, Math.round(target * (0.1 + rng.float() * 0.3)));
  const percent = unit === '%';
  if (direction === 'more') {
    if (intended === 'exceeded') return percent ? Math.min(100, target + rng.int(1, 3)) : target + step;
    if (intended === 'not_achieved') return percent ? target - rng.int(1, 5) : Math.max(0, target - step);
    return target;
  }
  if (intended === 'exceeded') return Math.max(0, target - step);
  if (intended === 'not_achieved') return target + rng.int(1, 2);
  return target;
}

interface Subject {
  unitKey: string;
  subjectKind: 'member' | 'unit';
  memberKey: string | null;
  createdOn: string;
  createdByKey: string;
  confirmedOn: string;
  confirmedByKey: string | null;
  evaluatedOn: string;
  evaluatedByKey: string | null;
  /** Who records progress: the member, or the cell secretary for the cell. */
  reporterKey: string;
}

/** A measurable indicator whose value at any date comes from the year's record. */
type Measure = (until: string) => number | null;

interface Line {
  section: CommitmentSection;
  title: string;
  evidence: string;
  kind: CommitmentKind;
  target: number | null;
  unit: string | null;
  direction: CommitmentDirection | null;
  /** Measured from the record; otherwise the result is drawn and the actual follows. */
  measure?: Measure;
  /** A qualitative line judged from the record. */
  judged?: { result: CommitmentResult; note: string };
}

function commitmentLines(rng: Rng, subject: Subject, lines: readonly Line[], out: DemoCommitment[]): void {
  const sorted = [...lines].sort((a, b) => SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section));
  // Progress is recorded at one to three of the year's checkpoints after the confirmation.
  const open = CHECKPOINTS.filter((c) => c.from > subject.confirmedOn);
  const checkpoints = rng.sample(open, rng.int(1, Math.min(3, open.length))).sort((a, b) => a.from.localeCompare(b.from));
  sorted.forEach((line, i) => {
    const base = {
      key: `${subject.memberKey ?? subject.unitKey}/${YEAR}/${i + 1}`,
      unitKey: subject.unitKey,
      subjectKind: subject.subjectKind,
      memberKey: subject.memberKey,
      year: YEAR,
      section: line.section,
      position: i + 1,
      kind: line.kind,
      title: line.title,
      targetValue: line.target,
      measureUnit: line.unit,
      direction: line.direction,
      evidence: line.evidence,
      createdOn: subject.createdOn,
      createdByKey: subject.createdByKey,
      confirmedOn: subject.confirmedOn,
      confirmedByKey: subject.confirmedByKey,
      evaluatedOn: subject.evaluatedOn,
      evaluatedByKey: subject.evaluatedByKey,
      earlyEvaluationReason: EARLY_REASON,
    };
    const dates = checkpoints.map((c) => ({ ...c, on: addDays(c.from, rng.int(0, 6)) }));
    if (line.kind === 'qualitative') {
      const judged = line.judged ?? { result: drawResult(rng), note: '' };
      out.push({
        ...base,
        actualValue: null,
        progress: dates.map((c) => ({ on: c.on, note: `${c.label}: ${lowerFirst(rng.pick(QUALITATIVE_PROGRESS[judged.result]))}`, value: null, authorKey: subject.reporterKey })),
        result: judged.result,
        resultPercent: null,
        evaluationNote: judged.note || rng.pick(QUALITATIVE_NOTES[judged.result]),
      });
      return;
    }
    const target = line.target!;
    const direction = line.direction!;
    const unit = line.unit!;
    const actual = line.measure ? (line.measure(YEAR_END) ?? 0) : actualFor(rng, drawResult(rng), target, direction, unit);
    const percent = commitmentPercent(target, actual, direction);
    const result = measurableResult(percent);
    const valueAt = (c: (typeof dates)[number]): number => {
      if (line.measure) return line.measure(c.on) ?? 0;
      if (unit === '%') return Math.max(0, Math.min(100, actual + rng.int(-3, 1)));
      return Math.round(actual * c.share);
    };
    out.push({
      ...base,
      actualValue: actual,
      progress: dates.map((c) => {
        const value = valueAt(c);
        return { on: c.on, note: `${c.label}: ${quantity(value, unit)}.`, value, authorKey: subject.reporterKey };
      }),
      result,
      resultPercent: percent,
      evaluationNote:
        result === 'exceeded'
          ? `Vượt chỉ tiêu cam kết (đạt ${quantity(percent, '%')}).`
          : result === 'achieved'
            ? 'Đạt chỉ tiêu cam kết.'
            : `Không đạt chỉ tiêu (đạt ${quantity(percent, '%')}); ${rng.pick(['cần khắc phục trong năm 2023', 'chi bộ nhắc nhở, yêu cầu khắc phục'])}.`,
    });
  });
}

function pledgeLine(rng: Rng, p: Pledge, record: MemberRecord | undefined): Line {
  if (p.target) {
    const line: Line = {
      section: p.section,
      title: p.title,
      evidence: p.evidence,
      kind: 'measurable',
      target: rng.int(p.target[0], p.target[1]),
      unit: p.unit!,
      direction: p.direction!,
    };
    if (p.measured === 'late_count') line.measure = (until) => (record?.lateDates ?? []).filter((d) => d <= until).length;
    return line;
  }
  const line: Line = { section: p.section, title: p.title, evidence: p.evidence, kind: 'qualitative', target: null, unit: null, direction: null };
  if (p.measured === 'punctuality_fixed') {
    // Judged on the record: late again after the April 2022 meeting, or not.
    const dates = record?.lateDates ?? [];
    const after = dates.filter((d) => d >= STORY_TURN).length;
    line.judged =
      after > 0
        ? { result: 'not_achieved', note: `Còn ${after} lần đi họp muộn sau kỳ sinh hoạt tháng 4/2022; cần khắc phục dứt điểm.` }
        : dates.length > 0
          ? { result: 'achieved', note: 'Từ kỳ sinh hoạt tháng 4/2022 luôn có mặt đúng giờ; đã khắc phục được hạn chế.' }
          : { result: 'achieved', note: 'Luôn có mặt đúng giờ, vắng mặt đều báo cáo trước.' };
  }
  return line;
}

/** A member's pledge: 4–8 lines, always a Chỉ thị 05 one, one on discipline and one or two on duties. */
function memberLines(rng: Rng, cell: Cell, record: MemberRecord | undefined): Line[] {
  const story = cell.unit.key === DONG_THU;
  const fits = (p: Pledge) => (!p.cells || p.cells.includes(cell.info.type)) && !(story && p.measured === 'late_count');
  const pool = (section: CommitmentSection) => MEMBER_PLEDGES.filter((p) => p.section === section && fits(p));
  const chosen: Pledge[] = [
    ...rng.sample(pool('directive_05'), rng.chance(0.35) ? 2 : 1),
    // Lateness is counted from the attendance record; few members pledge a number for it.
    rng.pick(pool('discipline').filter((p) => (p.measured === 'late_count') === (!story && rng.chance(0.12)))),
    ...rng.sample(pool('duties'), rng.int(1, 2)),
  ];
  if (story) chosen.push(...DONG_THU_PLEDGES);
  const total = Math.max(chosen.length + 1, rng.int(4, 8));
  const optional = rng.shuffle(['political_thought', 'ethics_lifestyle', 'working_style', 'fix_shortcomings', 'congress_resolution'] as const);
  for (const section of optional) {
    if (chosen.length >= total) break;
    const left = pool(section).filter((p) => !chosen.includes(p));
    if (left.length > 0) chosen.push(rng.pick(left));
  }
  return chosen.slice(0, 8).map((p) => pledgeLine(rng, p, record));
}

interface CellFigures {
  attendanceRate: Measure;
  thematic: Measure;
  duesRate: Measure;
  newMembers: Measure;
  onTimeRate: Measure;
  handDownDelay: Measure;
}

/** A cell's year as its own record shows it, at any date of the year. */
function cellFigures(ctx: Context, cell: Cell): CellFigures {
  const upTo = (until: string) => cell.meetings.filter((m) => m.date <= until);
  const ownRows = (until: string) => upTo(until).flatMap((m) => m.attendance.filter((a) => a.role === 'member'));
  return {
    attendanceRate: (until) => {
      const rows = ownRows(until);
      return rows.length === 0 ? null : round1((100 * rows.filter((a) => a.status === 'present').length) / rows.length);
    },
    thematic: (until) => upTo(until).filter((m) => m.kind === 'thematic').length,
    duesRate: (until) => {
      let paid = 0;
      let due = 0;
      for (const m of upTo(until)) {
        for (const o of m.agenda.flatMap((a) => a.outcomes)) {
          const match = /: (\d+)\/(\d+) đảng viên đã nộp/.exec(o.text);
          if (match) {
            paid += Number(match[1]);
            due += Number(match[2]);
          }
        }
      }
      return due === 0 ? null : round1((100 * paid) / due);
    },
    newMembers: (until) => cell.unit.members.filter((m) => m.joinedOn >= `${YEAR}-01-01` && m.joinedOn <= until).length,
    onTimeRate: (until) => {
      const closed = (ctx.meetingTasks.get(cell.unit.key) ?? []).filter((t) => t.closedOn !== null && t.closedOn <= until);
      if (closed.length === 0) return null;
      return round1((100 * closed.filter((t) => t.status === 'on_time' || t.status === 'exceeded').length) / closed.length);
    },
    handDownDelay: (until) =>
      averageDelay(
        ctx.tasks
          .filter((t) => t.cellKey === cell.unit.key && t.handedDownOn !== null && t.handedDownOn <= until)
          .map((t) => handDownDelayDays(t.receivedOn, t.handedDownOn)),
      ),
  };
}

/** A cell's collective targets: 4–6 measurable lines under "duties". */
function cellLines(rng: Rng, ctx: Context, cell: Cell): Line[] {
  const f = cellFigures(ctx, cell);
  const village = cell.info.type === 'village';
  const measured = (title: string, target: number, unit: string, evidence: string, measure: Measure, direction: CommitmentDirection = 'more'): Line => ({
    section: 'duties',
    title,
    evidence,
    kind: 'measurable',
    target,
    unit,
    direction,
    measure,
  });
  const drawn = (title: string, target: number, unit: string, evidence: string): Line => ({
    section: 'duties',
    title,
    evidence,
    kind: 'measurable',
    target,
    unit,
    direction: 'more',
  });
  const lines: Line[] = [
    measured('Tỷ lệ đảng viên dự sinh hoạt chi bộ', rng.pick([90, 95]), '%', 'Sổ theo dõi sinh hoạt chi bộ', f.attendanceRate),
    measured('Số buổi sinh hoạt chuyên đề trong năm', 4, 'buổi', 'Biên bản các kỳ sinh hoạt chuyên đề', f.thematic),
    measured('Tỷ lệ đảng viên nộp đảng phí đầy đủ, đúng hạn', 100, '%', 'Sổ thu đảng phí của chi bộ', f.duesRate),
  ];
  if (cell.massOrgs.size > 0) {
    lines.push(measured('Số ngày bình quân chi bộ giao nhiệm vụ cho các đoàn thể', 2, 'ngày', 'Sổ giao nhiệm vụ cho các đoàn thể', f.handDownDelay, 'less'));
  }
  const extras: Line[] = [
    measured('Số đảng viên mới được kết nạp', 1, 'đảng viên', 'Quyết định kết nạp của Huyện ủy', f.newMembers),
    measured('Tỷ lệ nhiệm vụ trong nghị quyết chi bộ hoàn thành đúng hạn', rng.pick([70, 75, 80]), '%', 'Sổ theo dõi nhiệm vụ của chi bộ', f.onTimeRate),
    village
      ? drawn('Tỷ lệ hộ gia đình đạt danh hiệu "Gia đình văn hóa"', rng.int(85, 92), '%', 'Kết quả bình xét của thôn')
      : drawn('Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên', rng.pick([85, 90]), '%', 'Kết quả đánh giá, xếp loại đảng viên'),
  ];
  const want = rng.int(4, 6);
  lines.push(...rng.sample(extras, Math.max(1, want - lines.length)));
  return lines;
}

function buildCommitments(ctx: Context, meetings: readonly DemoMeeting[]): DemoCommitment[] {
  const records = memberRecords(meetings);
  const out: DemoCommitment[] = [];
  for (const cell of ctx.cells) {
    const rng = new Rng(hashSeed(`commitments/${cell.unit.key}`));
    // The secretary confirms the members' pledges at the February meeting; the year-end review
    // evaluates them in the second half of December.
    const february = cell.meetings.find((m) => m.kind === 'regular' && m.date.slice(5, 7) === '02')!.date;
    const evaluatedOn = `${YEAR}-12-${pad(rng.int(15, 28))}`;
    for (const m of cell.unit.members) {
      // Members admitted late in the year pledge from the next one.
      if (m.status === 'exempt' || m.joinedOn > PLEDGE_CUTOFF) continue;
      const mrng = new Rng(hashSeed(`commitments/${m.key}`));
      const joinedThisYear = m.joinedOn >= `${YEAR}-01-01`;
      const createdOn = joinedThisYear ? addDays(m.joinedOn, mrng.int(7, 14)) : `${YEAR}-01-${pad(mrng.int(4, 25))}`;
      const confirmedOn = joinedThisYear || createdOn >= february ? addDays(createdOn, mrng.int(3, 10)) : february;
      commitmentLines(
        mrng,
        {
          unitKey: cell.unit.key,
          subjectKind: 'member',
          memberKey: m.key,
          createdOn,
          createdByKey: m.key,
          confirmedOn,
          confirmedByKey: cell.secretary,
          evaluatedOn,
          evaluatedByKey: cell.secretary,
          reporterKey: m.key,
        },
        memberLines(mrng, cell, records.get(m.key)),
        out,
      );
    }
    // The cell's own targets, confirmed and evaluated by the commune committee.
    const createdOn = `${YEAR}-01-${pad(rng.int(5, 12))}`;
    commitmentLines(
      rng,
      {
        unitKey: cell.unit.key,
        subjectKind: 'unit',
        memberKey: null,
        createdOn,
        createdByKey: cell.secretary,
        confirmedOn: `${YEAR}-01-${pad(rng.int(18, 28))}`,
        confirmedByKey: ctx.committeeKey,
        evaluatedOn: `${YEAR}-12-${pad(rng.int(29, 30))}`,
        evaluatedByKey: ctx.committeeKey,
        reporterKey: cell.secretary,
      },
      cellLines(rng, ctx, cell),
      out,
    );
  }
  return out;
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/**
 * The 2022 directives, their tasks, the hand-downs to mass organisations and the commitments,
 * for the commune and meetings of `buildDemoCommune` / `buildDemoMeetings`. Same result on every
 * call with the same input.
 */
export function buildDemoWork(commune: DemoCommune, meetings: readonly DemoMeeting[]): DemoWork {
  const cells: Cell[] = [];
  for (const unit of commune.units) {
    if (unit.kind !== 'cell') continue;
    const own = meetings.filter((m) => m.cellKey === unit.key).sort((a, b) => a.date.localeCompare(b.date));
    const first = own[0];
    if (!first) throw new Error(`demo work: no meetings for ${unit.key}`);
    const massOrgs = new Map<MassOrg, string>();
    for (const u of commune.units) {
      if (u.kind === 'mass_org' && u.parentKey === unit.key) massOrgs.set(u.key.slice(unit.key.length + 1) as MassOrg, u.key);
    }
    cells.push({
      unit,
      info: cellInfo(unit),
      secretary: first.chairKey,
      clerk: first.secretaryKey,
      meetings: own,
      reviewDates: own.map((m) => m.date),
      december: own.find((m) => m.kind === 'regular' && m.date.slice(5, 7) === '12')!.date,
      massOrgs,
    });
  }
  const top = commune.units.find((u) => u.parentKey === null)?.key;
  const committee = commune.accounts.find((a) => a.roles.some((r) => r.role === 'party_committee' && r.unitKey === top));
  const meetingTasks = new Map<string, { status: string; closedOn: string | null }[]>();
  for (const m of meetings) {
    const list = meetingTasks.get(m.cellKey) ?? [];
    for (const o of m.agenda.flatMap((a) => a.outcomes)) {
      if (o.task) list.push({ status: o.task.close?.outcome ?? 'open', closedOn: o.task.close?.on ?? null });
    }
    meetingTasks.set(m.cellKey, list);
  }
  const ctx: Context = {
    cells,
    committeeKey: committee?.memberKey ?? null,
    tasks: [],
    meetingTasks,
  };
  const directives = buildDirectives(ctx);
  for (const cell of cells) meetingHandDowns(ctx, cell);
  const commitments = buildCommitments(ctx, meetings);
  return { directives, tasks: ctx.tasks, commitments };
}
