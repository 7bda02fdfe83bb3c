/**
 * A year (2022) of cell meetings for the demo commune, consistent with its members. Chi bộ
 * thôn Đồng Thứ tells the article's story: members late from January to March 2022, then
 * the April 2022 meeting where everyone came on time, spoke frankly, and every task of the
 * month had a named owner. Each task also carries what became of it by the end of 2022 — what
 * counts as done (none for Đồng Thứ's vague tasks of January–March), priority, helpers, the
 * owner's progress reports and the graded close — for the tasks issue. Deterministic (seeded
 * PRNG) and pure: no I/O, no ids.
 */
import { Rng, hashSeed } from './random.js';
import type { DemoCommune, DemoMember, DemoUnit } from './commune.js';
import type { TaskOutcome, TaskPriority } from '../shared/enums.js';
import { meetingStartsAt } from '../domain/attendance.js';
import { classifyOutcome, daysBetween } from '../domain/tasks.js';
import { joinFullName } from '../domain/vietnamese.js';

export interface DemoAttendance {
  /** DemoMember.key of a member of the cell, or of a guest from the commune committee. */
  memberKey: string;
  role: 'member' | 'guest';
  /** `pending` only at a meeting still planned (the present year's next one). */
  status: 'present' | 'excused' | 'absent' | 'exempt' | 'pending';
  /** ISO UTC instant; only for present. */
  arrivedAt: string | null;
  reason: string | null;
  reported: 'before' | 'after' | null;
}

export interface DemoOutcome {
  kind: 'information' | 'decision' | 'task';
  text: string;
  votes: { for: number; against: number; abstain: number } | null;
  task: DemoTask | null;
}

/** A progress report (báo cáo tiến độ) by the task's owner. */
export interface DemoTaskProgress {
  on: string; // yyyy-mm-dd
  percent: number;
  text: string;
}

/** How the assigner closed a task: the graded outcome, when, and a short comment. */
export interface DemoTaskClose {
  outcome: TaskOutcome;
  on: string; // yyyy-mm-dd
  comment: string;
}

/** What happened to a task after it was given: shared by meeting, directive and hand-down tasks. */
export interface DemoTaskLife {
  /** Rõ trách nhiệm: what counts as done; null for the vague tasks of Đồng Thứ's early 2022. */
  deliverable: string | null;
  priority: TaskPriority;
  /** DemoMember keys of members working with the owner. */
  coworkerKeys: string[];
  /** Rising percent, the last one 100 when the work was finished. */
  progress: DemoTaskProgress[];
  /** Null: still open at the end of 2022. */
  close: DemoTaskClose | null;
}

export interface DemoTask extends DemoTaskLife {
  title: string;
  ownerKey: string;
  deadline: string; // yyyy-mm-dd
  /** Finished on this date, or never in 2022 (null). */
  doneOn: string | null;
}

export interface DemoAgendaItem {
  title: string;
  presenterKey: string | null;
  plannedMinutes: number;
  minutes: string;
  outcomes: DemoOutcome[];
}

export interface DemoMeeting {
  cellKey: string;
  kind: 'regular' | 'thematic';
  topic: string | null;
  date: string; // yyyy-mm-dd
  startTime: string; // HH:MM local
  place: string;
  chairKey: string;
  secretaryKey: string;
  attendance: DemoAttendance[];
  agenda: DemoAgendaItem[];
  /** Points the chair gave to the criteria the data cannot answer, by rubric criterion code. */
  chairScores: Record<string, number>;
  /** Still to be held (the present's next meeting): attendance pending, agenda without minutes. */
  planned?: boolean;
  /** When a planned meeting was called (its invitation went out). */
  calledOn?: string;
}

// ---------------------------------------------------------------------------
// Implementation
// ---------------------------------------------------------------------------

export const DEMO_MEETINGS_YEAR = 2022;

const YEAR = DEMO_MEETINGS_YEAR;
const DONG_THU = 'cell-dong-thu';

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

const pad = (n: number): string => String(n).padStart(2, '0');
const isoDate = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const dayMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
export const addDays = (date: string, n: number): string => new Date(dayMs(date) + n * 86_400_000).toISOString().slice(0, 10);
/** The last day of the demo year: nothing in the 2022 data happens after it. */
export const YEAR_END = `${YEAR}-12-31`;
const minDate = (a: string, b: string): string => (a < b ? a : b);
const weekday = (date: string): number => new Date(dayMs(date)).getUTCDay(); // 0 = Sunday
const ddmm = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}`;
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** Holidays in 2022 within the meeting windows (New Year observed, Hùng Kings, 30/4–1/5 observed, National Day). */
const HOLIDAYS = new Set(['2022-01-03', '2022-04-10', '2022-04-11', '2022-05-02', '2022-05-03', '2022-09-01', '2022-09-02']);

function instant(date: string, time: string, offsetMs: number): string {
  return new Date(Date.parse(meetingStartsAt(date, time)) + offsetMs).toISOString();
}

// ---------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------

export type CellType = 'village' | 'party_office' | 'people_committee' | 'police' | 'military' | 'school' | 'health';

export interface CellInfo {
  type: CellType;
  /** Village name for village cells ("Đồng Thứ"), else null. */
  village: string | null;
  place: string;
  /** Short way to refer to the cell's area or workplace in minutes text. */
  where: string;
}

export function cellInfo(unit: DemoUnit): CellInfo {
  const villagePrefix = 'Chi bộ thôn ';
  if (unit.name.startsWith(villagePrefix)) {
    const v = unit.name.slice(villagePrefix.length);
    return { type: 'village', village: v, place: `Nhà văn hóa thôn ${v}`, where: `thôn ${v}` };
  }
  const org = unit.name.replace(/^Chi bộ /, '');
  const k = unit.key;
  if (k === 'cell-co-quan') return { type: 'party_office', village: null, place: 'Hội trường Đảng ủy xã', where: 'cơ quan Đảng ủy' };
  if (k === 'cell-ubnd') return { type: 'people_committee', village: null, place: 'Phòng họp Ủy ban nhân dân xã', where: 'cơ quan Ủy ban nhân dân xã' };
  if (k === 'cell-cong-an') return { type: 'police', village: null, place: 'Phòng họp Công an xã', where: 'Công an xã' };
  if (k === 'cell-quan-su') return { type: 'military', village: null, place: 'Phòng họp Ban Chỉ huy Quân sự xã', where: 'Ban Chỉ huy Quân sự xã' };
  if (k === 'cell-tram-y-te') return { type: 'health', village: null, place: 'Phòng họp Trạm Y tế xã', where: 'Trạm Y tế' };
  if (/^Trường /.test(org)) return { type: 'school', village: null, place: `Phòng họp ${org}`, where: `nhà trường` };
  return { type: 'party_office', village: null, place: `Phòng họp ${org}`, where: 'đơn vị' };
}

// ---------------------------------------------------------------------------
// Text material
// ---------------------------------------------------------------------------

/** What the commune passed down each month of 2022 ("Thông tin thời sự, văn bản cấp trên"). */
const MONTH_NEWS: readonly string[] = [
  'Quán triệt Kết luận số 21-KL/TW của Ban Chấp hành Trung ương khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kế hoạch đón Tết Nhâm Dần vui tươi, an toàn',
  'Thông tin tình hình dịch COVID-19 sau Tết, kế hoạch tiêm vắc-xin mũi nhắc lại; phát động Tết trồng cây Xuân Nhâm Dần',
  'Phổ biến kế hoạch của Đảng ủy xã về "tự soi, tự sửa" năm 2022; hướng dẫn phòng, chống cháy rừng mùa khô',
  'Thông tin kết quả hội nghị Ban Chấp hành Đảng bộ xã quý I/2022; hướng dẫn tổ chức kỷ niệm ngày 30/4 và 1/5',
  'Thông tin về Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII; kế hoạch sản xuất vụ mùa',
  'Thông tin kết quả Hội nghị Trung ương 5 khóa XIII; phương án phòng, chống thiên tai mùa mưa bão năm 2022',
  'Hướng dẫn các hoạt động kỷ niệm 75 năm Ngày Thương binh – Liệt sĩ (27/7/1947 – 27/7/2022)',
  'Quán triệt Nghị quyết số 18-NQ/TW về đổi mới, hoàn thiện thể chế, chính sách đất đai; kỷ niệm 77 năm Cách mạng Tháng Tám và Quốc khánh 2/9',
  'Phổ biến Quy định số 69-QĐ/TW về kỷ luật tổ chức đảng, đảng viên vi phạm; sơ kết 9 tháng thực hiện nghị quyết Đảng bộ xã',
  'Hướng dẫn kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2022; chuẩn bị Ngày hội Đại đoàn kết toàn dân tộc',
  'Thông tin kết quả Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII; tổ chức Ngày hội Đại đoàn kết toàn dân tộc 18/11',
  'Hướng dẫn tổng kết công tác năm 2022; kế hoạch chăm lo Tết Quý Mão 2023 cho gia đình chính sách, hộ nghèo',
];

export interface TaskTemplate {
  t: string;
  /** The deliverable: what counts as done (rõ trách nhiệm). */
  d: string;
  /** Months (1–12) in which the task makes sense; every month when absent. */
  m?: readonly number[];
  /** Only for these cells (keys); every cell of the type when absent. */
  k?: readonly string[];
}

/** Collected at the quarter's last meeting ("Thu nộp đảng phí"); the month before, someone chases it. */
const DUES_TASK: TaskTemplate = {
  t: 'Đôn đốc đảng viên nộp đảng phí quý {quy}/2022 trước kỳ sinh hoạt tháng {thangSau}',
  d: 'Sổ thu đảng phí đủ số đảng viên, nộp Đảng ủy xã đúng hạn',
  m: [2, 5, 8, 11],
};

export const VILLAGE_TASKS: readonly TaskTemplate[] = [
  { t: 'Rà soát, lập danh sách các hộ chưa được giao đất dịch vụ khu Trại Khóng, gửi Ủy ban nhân dân xã', d: 'Danh sách các hộ chưa được giao đất dịch vụ, có xác nhận của trưởng thôn, gửi Ủy ban nhân dân xã' },
  { t: 'Phối hợp cán bộ địa chính xã đo đạc, cắm mốc đất dịch vụ khu Lồng Chấy cho các hộ trong thôn', d: 'Biên bản cắm mốc có chữ ký của từng hộ và cán bộ địa chính xã' },
  { t: 'Tổ chức họp dân lấy ý kiến phương án giao đất dịch vụ khu Trại Khóng, lập biên bản gửi xã', d: 'Biên bản họp dân ghi ý kiến của các hộ, gửi Ủy ban nhân dân xã' },
  { t: 'Thống kê các công trình xây dựng trái phép trước năm 2014 trên địa bàn {thon}, gửi Ủy ban nhân dân xã', d: 'Bảng thống kê từng công trình (chủ hộ, vị trí, diện tích), gửi Ủy ban nhân dân xã' },
  { t: 'Vận động các hộ có công trình xây dựng trái phép trước năm 2014 hoàn thiện hồ sơ theo hướng dẫn của xã', d: 'Danh sách hộ đã nộp hồ sơ, có xác nhận của cán bộ địa chính xã' },
  { t: 'Tổ chức tổng vệ sinh đường làng, ngõ xóm {thon} vào sáng Chủ nhật cuối tháng', d: 'Đường làng, ngõ xóm được dọn sạch; báo cáo số người tham gia kèm ảnh' },
  { t: 'Vận động các hộ ký cam kết phân loại rác tại nguồn, không đổ rác xuống kênh mương', d: 'Bản cam kết có chữ ký của các hộ, nộp chi ủy' },
  { t: 'Phân công lịch tuần tra ban đêm của tổ an ninh tự quản {thon}', d: 'Lịch tuần tra cả tháng, niêm yết tại nhà văn hóa thôn' },
  { t: 'Nắm danh sách người từ nơi khác đến cư trú, lao động tại thôn, báo Công an xã', d: 'Danh sách người tạm trú, lao động tại thôn gửi Công an xã' },
  { t: 'Hướng dẫn người dân đăng ký, kích hoạt tài khoản định danh điện tử và nộp hồ sơ dịch vụ công trực tuyến', d: 'Danh sách hộ đã được hướng dẫn và số tài khoản kích hoạt thành công' },
  { t: 'Vận động nhân dân góp công, góp tiền làm đường bê tông nội đồng theo tiêu chí nông thôn mới', d: 'Danh sách hộ đăng ký góp công, góp tiền; bảng công khai tại nhà văn hóa thôn' },
  { t: 'Chỉnh trang khuôn viên nhà văn hóa thôn, trồng bổ sung cây xanh', d: 'Khuôn viên nhà văn hóa gọn gàng, cây xanh trồng bổ sung; ảnh trước và sau' },
  { t: 'Vận động các hộ tham gia bảo hiểm y tế hộ gia đình năm 2022', d: 'Danh sách hộ đăng ký bảo hiểm y tế gửi đại lý thu của xã' },
  { t: 'Rà soát, bổ sung danh sách quần chúng ưu tú tạo nguồn phát triển đảng viên', d: 'Danh sách quần chúng ưu tú được chi ủy thông qua, gửi Đảng ủy xã' },
  DUES_TASK,
  { t: 'Nắm danh sách thanh niên trong độ tuổi, vận động lên đường nhập ngũ năm 2022', d: 'Danh sách thanh niên trong độ tuổi và số đã đăng ký khám tuyển', m: [1, 2] },
  { t: 'Lập danh sách hộ nghèo, hộ cận nghèo, gia đình chính sách đề nghị hỗ trợ dịp Tết', d: 'Danh sách đề nghị hỗ trợ được họp thôn thống nhất, gửi Ủy ban nhân dân xã', m: [1, 12] },
  { t: 'Ra quân nạo vét kênh mương nội đồng phục vụ sản xuất vụ xuân', d: 'Các tuyến kênh mương nội đồng được nạo vét; báo cáo chiều dài đã làm', m: [2, 3] },
  { t: 'Tuyên truyền phòng, chống cháy rừng mùa khô đến các hộ giáp rừng', d: 'Danh sách hộ giáp rừng đã được tuyên truyền, có chữ ký cam kết', m: [1, 2, 3, 4, 10, 11, 12] },
  { t: 'Thăm hỏi, tặng quà gia đình chính sách, người có công dịp 27/7', d: 'Danh sách gia đình được thăm hỏi, tặng quà và biên nhận', m: [7] },
  { t: 'Kiểm tra, khơi thông cống rãnh thoát nước trước mùa mưa bão', d: 'Cống rãnh trục chính được khơi thông; báo cáo các điểm còn ngập úng', m: [5, 6, 7, 8] },
  { t: 'Vận động các hộ phun thuốc diệt muỗi, phát quang bụi rậm phòng sốt xuất huyết', d: 'Danh sách hộ đã phát quang, phun thuốc, gửi Trạm Y tế xã', m: [7, 8, 9, 10] },
  { t: 'Chuẩn bị nội dung, tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở {thon}', d: 'Chương trình ngày hội và báo cáo kết quả tổ chức gửi Ủy ban Mặt trận Tổ quốc xã', m: [10, 11] },
  { t: 'Tổng hợp bản kiểm điểm cá nhân của đảng viên năm 2022, gửi Đảng ủy xã', d: 'Bản kiểm điểm của 100% đảng viên kèm danh sách, nộp Đảng ủy xã', m: [11, 12] },
];

/** Đồng Thứ before April 2022: tasks "giao chung chung" — an owner only because the form needs one. */
const VAGUE_TASKS: readonly string[] = [
  'Vận động nhân dân giữ gìn vệ sinh',
  'Tăng cường bảo đảm an ninh trật tự trên địa bàn',
  'Làm tốt công tác tuyên truyền đến nhân dân',
  'Phối hợp giải quyết các vấn đề về đất đai',
  'Đẩy mạnh cải cách hành chính',
  'Quan tâm công tác xây dựng nông thôn mới',
];

export const OFFICE_TASKS: Record<Exclude<CellType, 'village'>, readonly TaskTemplate[]> = {
  party_office: [
    { t: 'Tổng hợp kết quả "tự soi, tự sửa" của 25 chi bộ, báo cáo Thường trực Đảng ủy', d: 'Báo cáo tổng hợp kết quả của 25 chi bộ trình Thường trực Đảng ủy' },
    { t: 'Chuẩn bị tài liệu hội nghị Ban Chấp hành Đảng bộ xã tháng {thang}', d: 'Bộ tài liệu hội nghị gửi các đồng chí ủy viên trước 3 ngày' },
    { t: 'Cập nhật hồ sơ đảng viên trên phần mềm quản lý đảng viên', d: 'Dữ liệu trên phần mềm khớp hồ sơ giấy; báo cáo số hồ sơ đã cập nhật' },
    { t: 'Xây dựng chương trình kiểm tra, giám sát quý {quySau} của Ủy ban Kiểm tra Đảng ủy', d: 'Chương trình kiểm tra, giám sát được Ủy ban Kiểm tra thông qua' },
    { t: 'Rà soát hồ sơ đề nghị kết nạp đảng viên mới của các chi bộ', d: 'Phiếu rà soát từng hồ sơ và danh sách hồ sơ đủ điều kiện' },
    { t: 'Tổng hợp ý kiến, kiến nghị của cử tri gửi kỳ họp Hội đồng nhân dân xã', d: 'Bản tổng hợp ý kiến, kiến nghị gửi Thường trực Hội đồng nhân dân xã' },
    { t: 'Hướng dẫn các chi bộ thôn nâng cao chất lượng sinh hoạt chi bộ', d: 'Văn bản hướng dẫn gửi các chi bộ thôn' },
    { t: 'Hoàn thiện báo cáo sơ kết 6 tháng công tác xây dựng Đảng', d: 'Báo cáo sơ kết trình Ban Thường vụ Đảng ủy', m: [6, 7] },
    { t: 'Hướng dẫn kiểm điểm, xếp loại tổ chức đảng và đảng viên năm 2022', d: 'Văn bản hướng dẫn kèm mẫu biểu gửi các chi bộ', m: [10, 11, 12] },
    DUES_TASK,
  ],
  people_committee: [
    { t: 'Giải quyết dứt điểm hồ sơ giao đất dịch vụ khu Trại Khóng còn tồn đọng', d: 'Danh sách hồ sơ đã giải quyết, số còn tồn và lý do' },
    { t: 'Lập phương án giao đất dịch vụ khu Lồng Chấy, trình Ủy ban nhân dân huyện', d: 'Tờ trình kèm phương án gửi Ủy ban nhân dân huyện' },
    { t: 'Lập phương án xử lý các công trình xây dựng trái phép trước năm 2014', d: 'Phương án xử lý từng công trình, trình Đảng ủy cho ý kiến' },
    { t: 'Rà soát, niêm yết công khai thủ tục hành chính tại bộ phận một cửa', d: 'Bảng niêm yết thủ tục hành chính được cập nhật tại bộ phận một cửa' },
    { t: 'Nâng tỷ lệ hồ sơ dịch vụ công trực tuyến lên trên 50%', d: 'Báo cáo tỷ lệ hồ sơ trực tuyến trên Cổng dịch vụ công đạt trên 50%' },
    { t: 'Kiểm tra công tác vệ sinh môi trường tại các thôn, báo cáo kết quả', d: 'Biên bản kiểm tra từng thôn và báo cáo kết quả' },
    { t: 'Báo cáo tiến độ thu ngân sách xã tháng {thang}', d: 'Báo cáo thu ngân sách tháng {thang} gửi Thường trực Đảng ủy' },
    { t: 'Hoàn thiện hồ sơ các tiêu chí xã nông thôn mới nâng cao', d: 'Hồ sơ minh chứng từng tiêu chí được Ban Chỉ đạo xã thẩm định' },
    { t: 'Chi trả trợ cấp cho người có công, đối tượng bảo trợ xã hội đúng hạn', d: 'Danh sách chi trả có chữ ký nhận của người hưởng' },
    DUES_TASK,
  ],
  police: [
    { t: 'Tổ chức cấp căn cước công dân gắn chíp lưu động tại các thôn', d: 'Lịch cấp tại các thôn và số hồ sơ đã tiếp nhận' },
    { t: 'Kích hoạt tài khoản định danh điện tử cho người dân trên địa bàn xã', d: 'Báo cáo số tài khoản định danh điện tử đã kích hoạt' },
    { t: 'Rà soát, cập nhật đối tượng nghiện ma túy, người có tiền án tiền sự', d: 'Danh sách đối tượng được cập nhật, báo cáo Công an huyện' },
    { t: 'Tuyên truyền phòng, chống lừa đảo qua mạng tại các thôn', d: 'Số buổi tuyên truyền tại các thôn, kèm ảnh và danh sách người dự' },
    { t: 'Kiểm tra an toàn phòng cháy, chữa cháy tại các cơ sở kinh doanh', d: 'Biên bản kiểm tra từng cơ sở và kiến nghị khắc phục' },
    { t: 'Giải quyết các vụ việc mâu thuẫn đất đai ở khu Trại Khóng, Lồng Chấy, không để phát sinh điểm nóng', d: 'Biên bản hòa giải từng vụ việc; không phát sinh khiếu kiện đông người' },
    { t: 'Xây dựng kế hoạch tuần tra bảo đảm an ninh trật tự dịp Tết', d: 'Kế hoạch tuần tra được Trưởng Công an xã phê duyệt', m: [1, 12] },
    DUES_TASK,
  ],
  military: [
    { t: 'Tổ chức lễ giao nhận quân năm 2022', d: 'Lễ giao quân đúng ngày, 100% tân binh lên đường', m: [1, 2] },
    { t: 'Huấn luyện lực lượng dân quân năm 2022 theo kế hoạch của huyện', d: 'Báo cáo kết quả huấn luyện, tỷ lệ dân quân đạt yêu cầu', m: [3, 4, 5, 6] },
    { t: 'Đăng ký nghĩa vụ quân sự cho nam công dân đủ 17 tuổi', d: 'Danh sách nam công dân đủ 17 tuổi đã đăng ký', m: [4, 5] },
    { t: 'Xây dựng phương án phòng, chống lụt bão, tìm kiếm cứu nạn năm 2022', d: 'Phương án được Ủy ban nhân dân xã phê duyệt', m: [5, 6, 7] },
    { t: 'Rà soát nguồn thanh niên gọi nhập ngũ năm 2023', d: 'Danh sách nguồn thanh niên gọi nhập ngũ năm 2023', m: [8, 9, 10, 11, 12] },
    { t: 'Duy trì trực sẵn sàng chiến đấu, phối hợp Công an xã tuần tra', d: 'Sổ trực ban ghi đầy đủ; báo cáo kết quả tuần tra phối hợp' },
    { t: 'Kiểm tra, bảo quản vũ khí, công cụ hỗ trợ của dân quân', d: 'Biên bản kiểm tra, bảo quản vũ khí, công cụ hỗ trợ' },
    { t: 'Phối hợp kiểm lâm tổ chức phòng, chống cháy rừng', d: 'Kế hoạch phối hợp và báo cáo kết quả tuần tra, chốt chặn', m: [1, 2, 3, 4, 10, 11, 12] },
    DUES_TASK,
  ],
  school: [
    { t: 'Hoàn thành kế hoạch dạy học học kỳ II năm học 2021–2022', d: 'Kế hoạch dạy học học kỳ II được Ban Giám hiệu phê duyệt', m: [1, 2] },
    { t: 'Tổ chức kiểm tra cuối học kỳ II, tổng hợp kết quả', d: 'Bảng tổng hợp kết quả kiểm tra theo khối lớp', m: [4, 5] },
    { t: 'Xây dựng kế hoạch tuyển sinh năm học 2022–2023', d: 'Kế hoạch tuyển sinh trình Phòng Giáo dục và Đào tạo huyện', m: [5, 6, 7] },
    { t: 'Chuẩn bị cơ sở vật chất, tổ chức lễ khai giảng năm học 2022–2023', d: 'Phòng học, thiết bị sẵn sàng; lễ khai giảng tổ chức đúng ngày', m: [8, 9] },
    { t: 'Triển khai chương trình giáo dục phổ thông 2018 với khối lớp mới', d: 'Kế hoạch giáo dục khối lớp mới được phê duyệt và triển khai', m: [8, 9, 10] },
    { t: 'Thăm hỏi, hỗ trợ học sinh có hoàn cảnh khó khăn', d: 'Danh sách học sinh được hỗ trợ và biên nhận' },
    { t: 'Hoàn thiện hồ sơ kiểm định chất lượng giáo dục', d: 'Hồ sơ tự đánh giá kiểm định chất lượng hoàn chỉnh' },
    { t: 'Kiểm tra bếp ăn bán trú, bảo đảm an toàn thực phẩm', d: 'Biên bản kiểm tra bếp ăn và sổ kiểm thực ba bước', k: ['cell-mam-non', 'cell-tieu-hoc'] },
    { t: 'Tổ chức hội thi bé khỏe, bé ngoan cấp trường', d: 'Hội thi được tổ chức; danh sách trẻ đạt giải', k: ['cell-mam-non'], m: [3, 4, 11, 12] },
    { t: 'Bồi dưỡng học sinh giỏi dự thi cấp huyện', d: 'Đội tuyển được bồi dưỡng đủ số buổi; danh sách dự thi cấp huyện', k: ['cell-tieu-hoc', 'cell-thcs'], m: [1, 2, 3, 10, 11, 12] },
    { t: 'Tổ chức ôn tập cho học sinh lớp 9 thi vào lớp 10', d: 'Lịch ôn tập và kết quả thi thử của học sinh lớp 9', k: ['cell-thcs'], m: [3, 4, 5] },
    { t: 'Tổ chức chuyên đề đổi mới phương pháp dạy học cấp trường', d: 'Biên bản chuyên đề và giáo án minh họa' },
    { t: 'Phát động phong trào thi đua chào mừng Ngày Nhà giáo Việt Nam 20/11', d: 'Kế hoạch thi đua và danh sách giáo viên đăng ký', m: [10, 11] },
    DUES_TASK,
  ],
  health: [
    { t: 'Tổ chức tiêm vắc-xin COVID-19 mũi nhắc lại cho người dân', d: 'Báo cáo số mũi tiêm nhắc lại đã thực hiện', m: [1, 2, 3, 4, 5, 6, 7, 8] },
    { t: 'Tổ chức tiêm chủng mở rộng tháng {thang} cho trẻ em trong xã', d: 'Báo cáo tỷ lệ trẻ được tiêm đủ mũi trong tháng' },
    { t: 'Khám sức khỏe định kỳ cho người cao tuổi tại các thôn', d: 'Danh sách người cao tuổi đã khám và hồ sơ theo dõi' },
    { t: 'Phun hóa chất diệt muỗi, giám sát ca bệnh sốt xuất huyết', d: 'Báo cáo số ổ dịch được xử lý và số hộ được phun', m: [7, 8, 9, 10] },
    { t: 'Cập nhật hồ sơ sức khỏe điện tử của người dân', d: 'Số hồ sơ sức khỏe điện tử được cập nhật trên hệ thống' },
    { t: 'Kiểm tra vệ sinh an toàn thực phẩm tại các cơ sở kinh doanh ăn uống', d: 'Biên bản kiểm tra từng cơ sở' },
    { t: 'Tuyên truyền vệ sinh môi trường, xử lý rác thải y tế đúng quy định', d: 'Sổ theo dõi thu gom, xử lý rác thải y tế đúng quy định' },
    DUES_TASK,
  ],
};

interface ThematicTopic {
  topic: string;
  villageOnly?: boolean;
  task: string;
  deliverable: string;
}

const THEMATIC_TOPICS: readonly ThematicTopic[] = [
  {
    topic: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước (Chỉ thị 05-CT/TW)',
    task: 'Tổng hợp bản đăng ký làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2022 của đảng viên',
    deliverable: 'Bảng tổng hợp bản đăng ký của từng đảng viên, lưu hồ sơ chi bộ',
  },
  {
    topic: 'Nghị quyết Trung ương 4 khóa XII về tăng cường xây dựng, chỉnh đốn Đảng; "tự soi, tự sửa"',
    task: 'Tổng hợp bản tự soi, tự sửa và kế hoạch khắc phục của từng đảng viên',
    deliverable: 'Bản tự soi, tự sửa và kế hoạch khắc phục của 100% đảng viên',
  },
  {
    topic: 'Nâng cao chất lượng sinh hoạt chi bộ',
    task: 'Xây dựng quy chế chuẩn bị nội dung sinh hoạt chi bộ hằng tháng',
    deliverable: 'Quy chế được chi bộ biểu quyết thông qua',
  },
  {
    topic: 'Xây dựng nông thôn mới kiểu mẫu',
    villageOnly: true,
    task: 'Lập danh sách tuyến đường cần chỉnh trang, trồng hoa theo tiêu chí thôn kiểu mẫu',
    deliverable: 'Danh sách tuyến đường kèm dự toán, gửi Ban Phát triển thôn',
  },
  {
    topic: 'Phòng, chống tham nhũng, tiêu cực',
    task: 'Rà soát, công khai các khoản đóng góp của nhân dân theo quy định',
    deliverable: 'Bảng công khai các khoản đóng góp niêm yết tại nhà văn hóa, trụ sở',
  },
  {
    topic: 'Công tác dân vận của chi bộ trong tình hình mới',
    task: 'Nắm tình hình dư luận, tâm tư của nhân dân, báo cáo Đảng ủy xã',
    deliverable: 'Báo cáo tình hình dư luận gửi Ban Tuyên giáo Đảng ủy xã',
  },
  {
    topic: 'Trách nhiệm nêu gương của cán bộ, đảng viên (Quy định 08-QĐi/TW)',
    task: 'Đảng viên đăng ký nội dung nêu gương; chi ủy tổng hợp, theo dõi',
    deliverable: 'Bản đăng ký nêu gương của từng đảng viên và sổ theo dõi của chi ủy',
  },
  {
    topic: 'Nhận diện, phòng ngừa 27 biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa"',
    task: 'Tổng hợp kết quả đảng viên tự đối chiếu 27 biểu hiện suy thoái',
    deliverable: 'Bảng tổng hợp kết quả tự đối chiếu của 100% đảng viên',
  },
  {
    topic: 'Đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng',
    task: 'Hướng dẫn đảng viên chia sẻ thông tin chính thống trên mạng xã hội',
    deliverable: 'Danh sách đảng viên tham gia nhóm chia sẻ thông tin chính thống, số tin bài đã chia sẻ',
  },
];

export const REASONS: Record<'village' | 'office' | 'school', readonly string[]> = {
  village: ['Đi làm xa', 'Đi làm ca', 'Ốm', 'Con ốm', 'Việc gia đình', 'Gia đình có việc hiếu', 'Đưa người nhà đi viện'],
  office: ['Đi công tác', 'Ốm', 'Con ốm', 'Việc gia đình', 'Đi học lớp bồi dưỡng', 'Nghỉ phép'],
  school: ['Đi tập huấn', 'Ốm', 'Con ốm', 'Việc gia đình', 'Coi thi', 'Nghỉ phép'],
};

const NOT_DONE_CAUSES: Record<'village' | 'office', readonly string[]> = {
  village: [
    'do người dân chưa thống nhất phương án',
    'do chờ hướng dẫn của Ủy ban nhân dân xã',
    'do thời tiết không thuận lợi',
    'do một số hộ đi làm ăn xa chưa liên hệ được',
    'do đồng chí phụ trách chưa sắp xếp được thời gian',
  ],
  office: [
    'do chờ ý kiến của cấp trên',
    'do trùng lịch công tác chuyên môn',
    'do hồ sơ còn phải bổ sung',
    'do khối lượng công việc lớn',
  ],
};

const NEWS_CLOSINGS: Record<'village' | 'office', readonly string[]> = {
  village: [
    'Chi bộ thống nhất tuyên truyền đến quần chúng và gia đình.',
    'Đảng viên nắm được nội dung, có trách nhiệm phổ biến tới nhân dân và các đoàn thể trong thôn.',
    'Chi bộ thống nhất triển khai thực hiện nghiêm túc.',
  ],
  office: [
    'Đảng viên nắm được nội dung, gương mẫu thực hiện và phổ biến tới quần chúng trong đơn vị.',
    'Chi bộ thống nhất triển khai thực hiện nghiêm túc.',
    'Chi bộ giao chi ủy cụ thể hóa vào kế hoạch công tác của đơn vị.',
  ],
};

// ---------------------------------------------------------------------------
// Building one cell's year
// ---------------------------------------------------------------------------

/** Where a Đồng Thứ meeting sits in the article's story; null for every other cell. */
type StoryPhase = 'timid' | 'frank' | 'after' | null;

export interface Guest {
  member: DemoMember;
  title: string;
}

interface TaskRecord {
  title: string;
  ownerKey: string;
  deadline: string;
  doneOn: string | null;
  meetingDate: string;
  /** The outcome's task; its life (progress, close…) is filled in once the cell's year is built. */
  out: DemoTask;
  /** Other members at the meeting, who may be asked to help. */
  helpers: string[];
}

/** A task template filled in for a cell and month. */
interface TaskSpec {
  title: string;
  deliverable: string | null;
}

interface MeetingContext {
  rng: Rng;
  unit: DemoUnit;
  info: CellInfo;
  kind: 'regular' | 'thematic';
  month: number;
  date: string;
  time: string;
  chair: DemoMember;
  clerk: DemoMember;
  /** Member participants who were present. */
  present: DemoMember[];
  participants: DemoMember[];
  guest: Guest | null;
  names: Map<string, string>;
  /** Đồng Thứ before April 2022: tasks "giao chung chung", with no deliverable. */
  vague: boolean;
}

const comrade = (ctx: MeetingContext, m: DemoMember): string => `đồng chí ${ctx.names.get(m.key)!}`;
const Comrade = (ctx: MeetingContext, m: DemoMember): string => `Đồng chí ${ctx.names.get(m.key)!}`;

function fill(t: string, info: CellInfo, month: number): string {
  const quarter = Math.ceil(month / 3);
  return t
    .replaceAll('{thon}', info.village ? `thôn ${info.village}` : info.where)
    .replaceAll('{thangSau}', String(month === 12 ? 1 : month + 1))
    .replaceAll('{thang}', String(month))
    .replaceAll('{quy}', ROMAN[quarter - 1]!)
    .replaceAll('{quySau}', quarter === 4 ? 'I/2023' : `${ROMAN[quarter]!}/2022`);
}

/** Choose the meeting day: `from`–`to` of the month, never a holiday; offices also avoid weekends. */
function pickDay(rng: Rng, month: number, from: number, to: number, office: boolean, avoid: string | null): string {
  const days: string[] = [];
  for (let d = from; d <= to; d++) {
    const date = isoDate(YEAR, month, d);
    if (date === avoid) continue;
    if (HOLIDAYS.has(date) || (office && (weekday(date) === 0 || weekday(date) === 6))) continue;
    days.push(date);
  }
  return rng.pick(days);
}

function taskOutcome(task: TaskRecord): DemoOutcome {
  return { kind: 'task', text: task.title, votes: null, task: task.out };
}

/** A task as decided at a meeting; `doneOn` past the year's end counts as not done in 2022. */
function taskRecord(ctx: MeetingContext, spec: TaskSpec, owner: DemoMember, deadline: string, doneOn: string | null): TaskRecord {
  const done = doneOn !== null && doneOn <= YEAR_END ? doneOn : null;
  const out: DemoTask = {
    title: spec.title,
    ownerKey: owner.key,
    deadline,
    doneOn: done,
    deliverable: ctx.vague ? null : spec.deliverable,
    priority: 'normal',
    coworkerKeys: [],
    progress: [],
    close: null,
  };
  const helpers = ctx.participants.filter((m) => m.key !== owner.key).map((m) => m.key);
  return { title: spec.title, ownerKey: owner.key, deadline, doneOn: done, meetingDate: ctx.date, out, helpers };
}

export interface TaskOptions {
  /** Share of tasks left open at the end of the data. */
  openRate: number;
  /** Share done very late (2–6 weeks after the deadline). */
  veryLateRate: number;
  /** Days late when late: [min, max]. */
  lateDays: readonly [number, number];
  /** Share done after the deadline. */
  lateRate: number;
  deadlineDays: readonly [number, number];
}

function makeTask(ctx: MeetingContext, spec: TaskSpec, owner: DemoMember, opts: TaskOptions): TaskRecord {
  const { rng, date } = ctx;
  // Nothing is due after the demo year: December's tasks are due by 31/12.
  const deadline = addDays(date, rng.int(opts.deadlineDays[0], Math.min(opts.deadlineDays[1], daysBetween(date, YEAR_END))));
  return taskRecord(ctx, spec, owner, deadline, drawDoneOn(rng, date, deadline, opts));
}

/**
 * When work given on `given` and due on `deadline` was finished (null: never). Shared with the
 * directive and hand-down tasks of demo-work.ts, so every 2022 task is late or open alike.
 */
export function drawDoneOn(rng: Rng, given: string, deadline: string, opts: Omit<TaskOptions, 'deadlineDays'>): string | null {
  let doneOn: string | null;
  if (rng.chance(opts.openRate)) doneOn = null;
  else if (rng.chance(opts.veryLateRate)) doneOn = addDays(deadline, rng.int(14, 42));
  else if (rng.chance(opts.lateRate)) doneOn = addDays(deadline, rng.int(opts.lateDays[0], opts.lateDays[1]));
  else {
    doneOn = addDays(deadline, -rng.int(0, 10));
    if (doneOn <= addDays(given, 2)) doneOn = addDays(given, rng.int(3, 6));
  }
  return doneOn;
}

function ordinaryTaskOptions(month: number): TaskOptions {
  // Late-year tasks are the ones still open when the data ends; earlier ones rarely.
  return { openRate: month >= 10 ? 0.35 : 0, veryLateRate: 0.04, lateRate: 0.25, lateDays: [1, 7], deadlineDays: [14, 35] };
}

/** Owners for `n` tasks: present members, the chair taking at most one. */
function pickOwners(ctx: MeetingContext, n: number): DemoMember[] {
  const others = ctx.rng.shuffle(ctx.present.filter((m) => m.key !== ctx.chair.key));
  const owners = others.slice(0, n);
  while (owners.length < n) owners.push(ctx.chair);
  return owners;
}

/** Tasks that fit the cell and month, minus the titles in `exclude` (still open, or given last time). */
function taskTemplatesFor(unit: DemoUnit, info: CellInfo, month: number, exclude: ReadonlySet<string>): TaskSpec[] {
  const pool = info.type === 'village' ? VILLAGE_TASKS : OFFICE_TASKS[info.type];
  return pool
    .filter((t) => (!t.m || t.m.includes(month)) && (!t.k || t.k.includes(unit.key)))
    .map((t) => ({ title: fill(t.t, info, month), deliverable: fill(t.d, info, month) }))
    .filter((t) => !exclude.has(t.title));
}

/** "A", "A và B", "A, B và C". */
function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]!}`;
}

/** Only official members vote on a resolution (probationary members speak but do not vote). */
function votesOf(ctx: MeetingContext): DemoOutcome['votes'] {
  const voters = ctx.present.filter((m) => m.officialOn !== null && m.officialOn <= ctx.date);
  return { for: voters.length, against: 0, abstain: 0 };
}

function prevMonthLabel(month: number): string {
  return month === 1 ? `tháng 12/${YEAR - 1}` : `tháng ${month - 1}/${YEAR}`;
}

function reviewItem(
  ctx: MeetingContext,
  previous: readonly TaskRecord[],
  overdue: readonly TaskRecord[],
  phase: StoryPhase,
  memberByKey: Map<string, DemoMember>,
): DemoAgendaItem {
  const { rng, month, date } = ctx;
  const village = ctx.info.type === 'village';
  const sentences: string[] = [];
  if (previous.length === 0) {
    sentences.push(
      `${Comrade(ctx, ctx.chair)} báo cáo kết quả thực hiện nghị quyết ${prevMonthLabel(month)}: các chỉ tiêu cơ bản hoàn thành, ${
        village ? 'tình hình an ninh trật tự trong thôn ổn định' : 'đơn vị hoàn thành nhiệm vụ chuyên môn'
      }.`,
    );
  } else {
    const done = previous.filter((t) => t.doneOn !== null && t.doneOn <= date).length;
    const notDue = previous.filter((t) => (t.doneOn === null || t.doneOn > date) && t.deadline >= date).length;
    sentences.push(
      `Chi bộ hoàn thành ${done}/${previous.length} nhiệm vụ đề ra trong nghị quyết ${prevMonthLabel(month)}${
        notDue > 0 ? `, ${notDue} việc đang thực hiện, chưa đến hạn` : ''
      }${overdue.length > 0 ? `; việc quá hạn ${rng.pick(NOT_DONE_CAUSES[village ? 'village' : 'office'])}` : ''}.`,
    );
  }
  if (overdue.length > 0) {
    const listed = overdue.slice(-3).map((t) => `“${t.title}” (${comrade(ctx, memberByKey.get(t.ownerKey)!)})`);
    sentences.push(`Chuyển tiếp sang tháng này: ${listed.join('; ')}.`);
  }
  if (phase === 'timid') {
    sentences.push('Việc đánh giá còn chung chung, chưa chỉ rõ nguyên nhân và trách nhiệm của cá nhân.');
  } else if (phase === 'frank' || (previous.length > 0 && rng.chance(0.5))) {
    sentences.push(
      phase === 'frank'
        ? 'Chi bộ chỉ rõ việc làm được, chưa làm được và trách nhiệm của từng đồng chí.'
        : rng.pick([
            'Chi bộ chỉ rõ việc làm được, chưa làm được và trách nhiệm của từng đồng chí.',
            'Các ý kiến thống nhất với báo cáo, đề nghị bổ sung nguyên nhân chủ quan.',
            'Đảng viên phụ trách từng việc báo cáo kết quả trước chi bộ.',
          ]),
    );
  }
  return {
    title: `Đánh giá kết quả thực hiện nghị quyết ${prevMonthLabel(month)}`,
    presenterKey: ctx.chair.key,
    plannedMinutes: rng.int(15, 25),
    minutes: sentences.join(' '),
    outcomes: [],
  };
}

function newsItem(ctx: MeetingContext): DemoAgendaItem {
  const { rng, month } = ctx;
  const presenter = rng.chance(0.5) ? ctx.clerk : rng.pick(ctx.present);
  const news = MONTH_NEWS[month - 1]!;
  return {
    title: 'Thông tin thời sự, văn bản cấp trên',
    presenterKey: presenter.key,
    plannedMinutes: rng.int(10, 20),
    minutes: `${Comrade(ctx, presenter)} thông tin tình hình thời sự trong nước, của huyện và xã. ${rng.pick(
      NEWS_CLOSINGS[ctx.info.type === 'village' ? 'village' : 'office'],
    )}`,
    outcomes: [{ kind: 'information', text: `${news}.`, votes: null, task: null }],
  };
}

function duesItem(ctx: MeetingContext): DemoAgendaItem {
  const { rng, month } = ctx;
  const quarter = ROMAN[Math.ceil(month / 3) - 1]!;
  const n = ctx.participants.length;
  const paid = rng.chance(0.85) ? n : n - 1;
  return {
    title: 'Thu nộp đảng phí',
    presenterKey: ctx.clerk.key,
    plannedMinutes: 10,
    minutes:
      paid === n
        ? `Đã thu đủ đảng phí quý ${quarter}/${YEAR} của ${n}/${n} đảng viên, nộp Đảng ủy xã đúng hạn.`
        : `Đã thu đảng phí quý ${quarter}/${YEAR} của ${paid}/${n} đảng viên; còn 1 đồng chí ${
            ctx.info.type === 'village' ? 'đi làm xa' : 'đi công tác'
          }, hẹn nộp trong tháng.`,
    outcomes: [
      { kind: 'information', text: `Đảng phí quý ${quarter}/${YEAR}: ${paid}/${n} đảng viên đã nộp.`, votes: null, task: null },
    ],
  };
}

/** An ordinary cell's self-criticism item: short, constructive. */
function ordinaryCriticismItem(ctx: MeetingContext): DemoAgendaItem {
  const { rng } = ctx;
  const [a, b] = rng.sample(ctx.present.filter((m) => m.key !== ctx.chair.key), 2);
  const aspect = rng.pick([
    'việc báo cáo kết quả công việc được giao chưa kịp thời',
    'tác phong, lề lối làm việc',
    'việc gương mẫu vận động gia đình thực hiện các quy định của địa phương',
    'thái độ ứng xử khi tiếp xúc với người dân',
  ]);
  const minutes =
    a && b
      ? `${Comrade(ctx, a)} góp ý ${comrade(ctx, b)} về ${aspect}; ${comrade(ctx, b)} tiếp thu. Các ý kiến thẳng thắn, trên tinh thần xây dựng.`
      : 'Đảng viên tự liên hệ bản thân, các ý kiến thẳng thắn, trên tinh thần xây dựng.';
  return { title: 'Tự phê bình và phê bình', presenterKey: ctx.chair.key, plannedMinutes: rng.int(15, 25), minutes, outcomes: [] };
}

function tasksItem(ctx: MeetingContext, tasks: readonly TaskRecord[], note: string): DemoAgendaItem {
  const { rng, month } = ctx;
  return {
    title: `Nhiệm vụ trọng tâm tháng ${month}/${YEAR}`,
    presenterKey: ctx.chair.key,
    plannedMinutes: rng.int(20, 35),
    minutes: note,
    outcomes: [
      ...tasks.map(taskOutcome),
      { kind: 'decision', text: `Biểu quyết thông qua Nghị quyết chi bộ tháng ${month}/${YEAR}.`, votes: votesOf(ctx), task: null },
    ],
  };
}

function thematicItems(
  ctx: MeetingContext,
  topic: ThematicTopic,
  previousTopic: ThematicTopic | null,
  tasks: TaskRecord[],
): DemoAgendaItem[] {
  const { rng } = ctx;
  const others = ctx.present.filter((m) => m.key !== ctx.chair.key);
  const presenter = rng.chance(0.6) ? ctx.chair : rng.pick(others.length > 0 ? others : [ctx.chair]);
  const speakers = rng.sample(others, Math.min(3, others.length));
  const items: DemoAgendaItem[] = [
    {
      title: `Báo cáo chuyên đề: ${topic.topic}`,
      presenterKey: presenter.key,
      plannedMinutes: rng.int(30, 45),
      minutes: `${Comrade(ctx, presenter)} trình bày chuyên đề, liên hệ thực tế ${ctx.info.village ? `thôn ${ctx.info.village}` : ctx.info.where}. ${
        rng.pick(['Tài liệu được gửi đảng viên nghiên cứu trước.', 'Chi ủy chuẩn bị đề cương, gửi trước cho đảng viên.', 'Phần trình bày có ví dụ cụ thể, dễ hiểu.'])
      }`,
      outcomes: [],
    },
  ];
  const guestLine = ctx.guest
    ? ` ${Comrade(ctx, ctx.guest.member)}, ${ctx.guest.title}, dự và phát biểu, đề nghị chi bộ cụ thể hóa chuyên đề bằng việc làm thiết thực.`
    : '';
  items.push({
    title: 'Thảo luận, liên hệ thực tiễn',
    presenterKey: ctx.chair.key,
    plannedMinutes: rng.int(20, 40),
    minutes:
      speakers.length > 0
        ? `Các đồng chí ${listNames(speakers.map((m) => ctx.names.get(m.key)!))} phát biểu, liên hệ trách nhiệm của bản thân và đề xuất cách làm.${guestLine}`
        : `Đảng viên thảo luận, liên hệ trách nhiệm của bản thân.${guestLine}`,
    outcomes: [],
  });
  if (previousTopic && rng.chance(0.5)) {
    items.push({
      title: 'Đánh giá việc thực hiện chuyên đề quý trước',
      presenterKey: ctx.clerk.key,
      plannedMinutes: rng.int(10, 15),
      minutes: `${Comrade(ctx, ctx.clerk)} báo cáo kết quả thực hiện chuyên đề “${previousTopic.topic}”: ${rng.pick([
        'đảng viên thực hiện nghiêm túc, có chuyển biến rõ trong công việc.',
        'phần lớn đảng viên thực hiện tốt; một số việc đăng ký còn chung chung, cần cụ thể hơn.',
        'các nội dung đăng ký cơ bản hoàn thành, chi ủy tiếp tục theo dõi.',
      ])}`,
      outcomes: [],
    });
  }
  items.push({
    title: 'Kết luận, biểu quyết kế hoạch thực hiện chuyên đề',
    presenterKey: ctx.chair.key,
    plannedMinutes: rng.int(10, 20),
    minutes: `${Comrade(ctx, ctx.chair)} kết luận, giao việc cụ thể cho từng đồng chí; chi bộ biểu quyết thông qua kế hoạch thực hiện chuyên đề.`,
    outcomes: [
      { kind: 'decision', text: `Thông qua kế hoạch thực hiện chuyên đề “${topic.topic}” năm ${YEAR}.`, votes: votesOf(ctx), task: null },
      ...tasks.map(taskOutcome),
    ],
  });
  return items;
}

// ---------------------------------------------------------------------------
// Attendance
// ---------------------------------------------------------------------------

export type Mode =
  | { kind: 'normal'; lateRate: number; maxLate: number }
  /** Đồng Thứ, January–March 2022: these members come 11–45 minutes late. */
  | { kind: 'latecomers'; late: ReadonlySet<string> }
  /** Đồng Thứ, April 2022: everyone present, early. */
  | { kind: 'all_on_time' };

export function buildAttendance(
  rng: Rng,
  date: string,
  time: string,
  participants: readonly DemoMember[],
  forcedPresent: ReadonlySet<string>,
  reasons: readonly string[],
  mode: Mode,
  guest: Guest | null,
): DemoAttendance[] {
  const rows: DemoAttendance[] = [];
  const early = (maxMin: number): string => instant(date, time, -(rng.int(0, maxMin) * 60 + rng.int(0, 59)) * 1000);
  const late = (min: number, max: number): string => instant(date, time, (rng.int(min, max) * 60 + rng.int(0, 59)) * 1000);
  let lateCount = 0;
  for (const m of participants) {
    const base = { memberKey: m.key, role: 'member' as const };
    const forced = forcedPresent.has(m.key);
    if (mode.kind === 'all_on_time') {
      rows.push({ ...base, status: 'present', arrivedAt: early(10), reason: null, reported: null });
      continue;
    }
    if (mode.kind === 'latecomers' && mode.late.has(m.key)) {
      rows.push({ ...base, status: 'present', arrivedAt: late(11, 45), reason: null, reported: null });
      continue;
    }
    const r = rng.float();
    if (forced || r < 0.92) {
      let arrivedAt: string;
      if (forced) arrivedAt = early(20);
      else if (mode.kind === 'normal' && lateCount < mode.maxLate && rng.chance(mode.lateRate)) {
        arrivedAt = late(6, 25);
        lateCount++;
      } else arrivedAt = early(15);
      rows.push({ ...base, status: 'present', arrivedAt, reason: null, reported: null });
    } else if (r < 0.98) {
      rows.push({ ...base, status: 'excused', arrivedAt: null, reason: rng.pick(reasons), reported: rng.chance(0.8) ? 'before' : 'after' });
    } else {
      rows.push({ ...base, status: 'absent', arrivedAt: null, reason: null, reported: null });
    }
  }
  if (guest) {
    rows.push({ memberKey: guest.member.key, role: 'guest', status: 'present', arrivedAt: early(15), reason: null, reported: null });
  }
  return rows;
}

// ---------------------------------------------------------------------------
// Scores
// ---------------------------------------------------------------------------

function chairScores(rng: Rng, quality: number, story: StoryPhase, hasDues: boolean): Record<string, number> {
  // `quality` in [0, 1] nudges a cell's scores up or down a little all year.
  const score = (max: number, lo: number): number => Math.min(max, lo + Math.round(quality * 2) + rng.int(0, max - lo - 2));
  const scores: Record<string, number> = {
    prepare: score(10, 7),
    review: score(15, 10),
    criticism: score(15, 9),
    resolution: score(10, 8),
    dues: hasDues ? score(10, 8) : score(10, 7),
  };
  if (story === 'timid') {
    scores.prepare = rng.int(5, 7);
    scores.review = rng.int(8, 11);
    scores.criticism = rng.int(3, 7);
    scores.resolution = rng.int(6, 8);
  } else if (story === 'frank') {
    scores.prepare = 10;
    scores.review = 15;
    scores.criticism = 15;
    scores.resolution = 10;
    scores.dues = 10;
  } else if (story === 'after') {
    scores.criticism = rng.int(12, 15);
  }
  return scores;
}

// ---------------------------------------------------------------------------
// A task's life: progress reports, co-workers, the graded close
// ---------------------------------------------------------------------------

const PROGRESS_START: readonly string[] = [
  'Đã nhận nhiệm vụ, xây dựng kế hoạch thực hiện.',
  'Đã triển khai, đang liên hệ các hộ, cá nhân liên quan.',
  'Đã phân công người phối hợp, bắt đầu thực hiện.',
  'Đang thu thập thông tin, số liệu ban đầu.',
];
const PROGRESS_MIDDLE: readonly string[] = [
  'Đã làm được khoảng {p}% khối lượng công việc.',
  'Đang tổng hợp kết quả, còn một số việc chưa xong.',
  'Cơ bản xong phần việc chính, đang hoàn thiện hồ sơ.',
  'Đã xong phần lớn, còn một số việc phải phối hợp thêm.',
];
/** Progress on a task "giao chung chung": nothing to measure it against. */
const PROGRESS_VAGUE: readonly string[] = ['Đang thực hiện.', 'Đã làm được một phần.', 'Đang triển khai.', 'Đã nhắc nhở, tuyên truyền.'];
const PROGRESS_DONE: readonly string[] = ['Đã hoàn thành. {d}.', 'Hoàn thành, đã báo cáo chi ủy. {d}.'];
const PROGRESS_DONE_VAGUE: readonly string[] = ['Đã thực hiện xong.', 'Cơ bản đã làm.'];

export const CLOSE_COMMENTS: Record<TaskOutcome, readonly string[]> = {
  on_time: ['Hoàn thành đúng hạn, đạt yêu cầu.', 'Hoàn thành đúng thời hạn; chi bộ ghi nhận kết quả.', 'Đạt yêu cầu, đúng thời hạn đề ra.'],
  exceeded: [
    'Hoàn thành trước hạn, vượt yêu cầu đề ra.',
    'Vượt yêu cầu, kết quả tốt hơn mức chi bộ giao; đề nghị biểu dương.',
    'Hoàn thành sớm, chất lượng tốt, vượt yêu cầu.',
  ],
  late: ['Hoàn thành chậm {n} ngày so với thời hạn; đề nghị rút kinh nghiệm.', 'Đạt yêu cầu nhưng chậm {n} ngày.', 'Hoàn thành sau thời hạn {n} ngày.'],
  not_done: ['Không hoàn thành trong năm 2022 {cause}; chuyển sang kế hoạch năm 2023.', 'Không hoàn thành {cause}; chi bộ yêu cầu rút kinh nghiệm.'],
};
/** Closing a vague task: done or not, there is no deliverable to judge it by. */
const CLOSE_VAGUE: Record<'on_time' | 'late', readonly string[]> = {
  on_time: [
    'Chi bộ ghi nhận đã thực hiện, nhưng nhiệm vụ giao chung chung nên chưa đánh giá được kết quả cụ thể.',
    'Đã thực hiện; không có sản phẩm cụ thể để đối chiếu.',
  ],
  late: ['Thực hiện chậm {n} ngày; nhiệm vụ giao chung chung, chưa rõ việc, rõ trách nhiệm.', 'Chậm {n} ngày; chưa có sản phẩm cụ thể để đánh giá.'],
};

/** Why work was not done, by kind of cell (also read out in the meeting reviews). */
export function notDoneCauses(village: boolean): readonly string[] {
  return NOT_DONE_CAUSES[village ? 'village' : 'office'];
}

/** Land, security, epidemics, fire and storms come first; tidying up and dues rarely. */
export function taskPriority(rng: Rng, title: string): TaskPriority {
  if (/đất|an ninh|COVID|cháy|lụt bão|ma túy|trái phép|nhập ngũ|giao nhận quân/i.test(title)) return rng.chance(0.75) ? 'high' : 'normal';
  if (/đảng phí|cây xanh|văn nghệ|chỉnh trang|bóng chuyền/i.test(title)) return rng.chance(0.4) ? 'low' : 'normal';
  const r = rng.float();
  return r < 0.15 ? 'high' : r < 0.88 ? 'normal' : 'low';
}

/** About one task in four gets one or two members to help the owner. */
export function pickCoworkers(rng: Rng, helpers: readonly string[]): string[] {
  if (helpers.length === 0 || !rng.chance(0.25)) return [];
  return rng.sample(helpers, rng.int(1, 2));
}

/** `n` distinct dates after `after` up to `until`, in order (fewer when the span is short). */
function spreadDates(rng: Rng, after: string, until: string, n: number): string[] {
  const span = daysBetween(after, until);
  const offsets = new Set<number>();
  while (offsets.size < Math.min(n, span)) offsets.add(rng.int(1, span));
  return [...offsets].sort((a, b) => a - b).map((d) => addDays(after, d));
}

/** `n` distinct percents from `values`, rising. */
function risingPercents(rng: Rng, values: readonly number[], n: number): number[] {
  return rng.sample(values, n).sort((a, b) => a - b);
}

export interface TaskGrading {
  /** The day the task was given. */
  createdOn: string;
  deadline: string;
  /** When the work was finished (≤ 31/12/2022), or null. */
  doneOn: string | null;
  deliverable: string | null;
  /** The assigning cell's meeting dates, in order: finished work is closed at the next one when it is near. */
  reviewDates: readonly string[];
  /** When work never finished is closed "not done" (the year-end review); null leaves it open. */
  notDoneOn: string | null;
  /** Share of work finished in time that the assigner grades "exceeded". */
  exceededRate: number;
  causes: readonly string[];
  /** Nothing is closed or reported after this day: 31/12/2022 for the story, yesterday for the present. */
  lastDay?: string;
}

/**
 * Progress reports and the close of one task, graded with `classifyOutcome`: finished by the
 * deadline is on time (or exceeded), after it late, never not done. A task without a deliverable
 * cannot be judged to exceed anything.
 */
export function gradeTask(rng: Rng, g: TaskGrading): Pick<DemoTaskLife, 'progress' | 'close'> {
  const vague = g.deliverable === null;
  const lastDay = g.lastDay ?? YEAR_END;
  if (g.doneOn !== null) {
    const n = rng.int(1, 3);
    const dates = [...spreadDates(rng, g.createdOn, addDays(g.doneOn, -1), n - 1), g.doneOn];
    const percents = [...risingPercents(rng, [20, 30, 40, 50, 60, 70, 80, 90], dates.length - 1), 100];
    const progress = dates.map((on, i) => ({ on, percent: percents[i]!, text: progressText(rng, percents[i]!, g.deliverable) }));
    const exceeded = !vague && g.doneOn <= g.deadline && rng.chance(g.exceededRate);
    const outcome = classifyOutcome(g.deadline, g.doneOn, exceeded);
    const next = g.reviewDates.find((d) => d > g.doneOn!);
    const on = minDate(next !== undefined && daysBetween(g.doneOn, next) <= 10 ? next : addDays(g.doneOn, rng.int(1, 5)), lastDay);
    const pool = vague && (outcome === 'on_time' || outcome === 'late') ? CLOSE_VAGUE[outcome] : CLOSE_COMMENTS[outcome];
    const comment = rng.pick(pool).replace('{n}', String(daysBetween(g.deadline, g.doneOn)));
    return { progress, close: { outcome, on, comment } };
  }
  // Never finished: a report or two short of 100%, the last one saying why.
  const until = minDate(minDate(g.deadline, g.notDoneOn ?? lastDay), lastDay);
  const dates = spreadDates(rng, g.createdOn, until, rng.int(1, 2));
  const percents = risingPercents(rng, [10, 20, 30, 40, 50, 60, 70, 80], dates.length);
  const cause = rng.pick(g.causes);
  const progress = dates.map((on, i) => ({
    on,
    percent: percents[i]!,
    text: i === dates.length - 1 && g.notDoneOn !== null ? `Chưa hoàn thành ${cause}.` : progressText(rng, percents[i]!, g.deliverable),
  }));
  if (g.notDoneOn === null) return { progress, close: null };
  return { progress, close: { outcome: 'not_done', on: g.notDoneOn, comment: rng.pick(CLOSE_COMMENTS.not_done).replace('{cause}', cause) } };
}

function progressText(rng: Rng, percent: number, deliverable: string | null): string {
  if (deliverable === null) return rng.pick(percent === 100 ? PROGRESS_DONE_VAGUE : PROGRESS_VAGUE);
  if (percent === 100) return rng.pick(PROGRESS_DONE).replace('{d}', deliverable);
  return rng.pick(percent <= 40 ? PROGRESS_START : PROGRESS_MIDDLE).replace('{p}', String(percent));
}

/**
 * Once a cell's year is built: each meeting task gets its priority, helpers, reports and close.
 * Work still not done at the end of 2022 is closed "not done" at the year-end review — at the
 * December meeting when already overdue by then, else on 31/12. One to three tasks due in December
 * are graded without a closing note first, then closed on 31/12 by `closeAtYearEnd` (the present
 * year, not 2022, shows open and overdue work). Draws from its own stream, so the meetings read
 * as before.
 */
function finishMeetingTasks(unit: DemoUnit, info: CellInfo, meetings: readonly DemoMeeting[], tasks: readonly TaskRecord[]): void {
  const rng = new Rng(hashSeed(`${unit.key}/tasks`));
  const reviewDates = meetings.map((m) => m.date).sort();
  const december = meetings.find((m) => m.kind === 'regular' && m.date.slice(5, 7) === '12')!.date;
  let unfinished = tasks.filter((t) => t.doneOn === null && t.deadline >= `${YEAR}-12-01`);
  if (unfinished.length === 0) {
    // Every December task got done: one of December's own (no later meeting mentions it) did not.
    const late = rng.pick(tasks.filter((t) => t.meetingDate === december));
    late.doneOn = null;
    late.out.doneOn = null;
    unfinished = [late];
  }
  const keepOpen = new Set(rng.sample(unfinished, rng.int(1, 3)));
  const causes = notDoneCauses(info.type === 'village');
  for (const t of tasks) {
    t.out.priority = taskPriority(rng, t.title);
    t.out.coworkerKeys = t.out.deliverable === null ? [] : pickCoworkers(rng, t.helpers);
    Object.assign(
      t.out,
      gradeTask(rng, {
        createdOn: t.meetingDate,
        deadline: t.deadline,
        doneOn: t.doneOn,
        deliverable: t.out.deliverable,
        reviewDates,
        notDoneOn: keepOpen.has(t) ? null : t.deadline < december ? december : YEAR_END,
        exceededRate: 0.27,
        causes,
      }),
    );
  }
  closeAtYearEnd(unit, causes, [...keepOpen]);
}

/**
 * The year-end review of 2022 closes, as not done, the December work still unfinished, so no
 * task of the article's year is left open in the present. Its own stream: the rest of the year
 * reads exactly as before.
 */
function closeAtYearEnd(unit: DemoUnit, causes: readonly string[], tasks: readonly TaskRecord[]): void {
  const rng = new Rng(hashSeed(`${unit.key}/year-end`));
  for (const t of tasks) {
    const cause = rng.pick(causes);
    t.out.close = { outcome: 'not_done', on: YEAR_END, comment: rng.pick(CLOSE_COMMENTS.not_done).replace('{cause}', cause) };
  }
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/**
 * Every cell's 2022: 12 regular monthly meetings and 4 thematic ones (one a quarter), in
 * date order per cell, cells in the commune's order. Same result on every call.
 */
export function buildDemoMeetings(commune: DemoCommune): DemoMeeting[] {
  const memberByKey = new Map<string, DemoMember>();
  const memberCell = new Map<string, string>();
  for (const u of commune.units) {
    for (const m of u.members) {
      memberByKey.set(m.key, m);
      memberCell.set(m.key, u.key);
    }
  }

  // Commune committee people who visit cells as guests.
  const guests: Guest[] = [];
  for (const a of commune.accounts) {
    const member = a.memberKey ? memberByKey.get(a.memberKey) : undefined;
    if (!member) continue;
    if (a.roles.some((r) => r.role === 'party_committee' && r.unitKey === 'commune')) {
      guests.push({ member, title: 'Bí thư Đảng ủy xã' });
    } else if (a.roles.some((r) => r.role === 'inspection' && r.unitKey === 'commune')) {
      guests.push({ member, title: 'Chủ nhiệm Ủy ban Kiểm tra Đảng ủy xã' });
    }
  }

  const out: DemoMeeting[] = [];
  for (const unit of commune.units) {
    if (unit.kind === 'cell') out.push(...buildCellYear(unit, guests, memberByKey, memberCell));
  }
  return out;
}

function buildCellYear(
  unit: DemoUnit,
  allGuests: readonly Guest[],
  memberByKey: Map<string, DemoMember>,
  memberCell: Map<string, string>,
): DemoMeeting[] {
  const rng = new Rng(hashSeed(unit.key));
  const info = cellInfo(unit);
  const office = info.type !== 'village';
  const story = unit.key === DONG_THU;
  const quality = rng.float();
  const reasons = REASONS[info.type === 'village' ? 'village' : info.type === 'school' ? 'school' : 'office'];
  const baseTime = office ? (rng.chance(0.6) ? '14:00' : '08:00') : '19:30';
  const names = new Map(unit.members.map((m) => [m.key, joinFullName(m)] as const));
  for (const g of allGuests) names.set(g.member.key, joinFullName(g.member));
  // Guests come from outside the cell.
  const guests = allGuests.filter((g) => memberCell.get(g.member.key) !== unit.key);

  // Chair: the secretary (the unit's contact). Clerk (thư ký): a fixed official member.
  const yearStart = isoDate(YEAR, 1, 1);
  const veterans = unit.members.filter((m) => m.status === 'official' && m.joinedOn < yearStart);
  const secretary = veterans.find((m) => joinFullName(m) === unit.contactName);
  const chair = secretary ?? veterans[0];
  if (!chair) throw new Error(`demo meetings: no chair for ${unit.key}`);
  const clerkPool = veterans.filter((m) => m.key !== chair.key);
  const clerk = rng.pick(clerkPool.some((m) => m.phone) ? clerkPool.filter((m) => m.phone) : clerkPool);
  if (!clerk) throw new Error(`demo meetings: no clerk for ${unit.key}`);

  // The habitual latecomers of Đồng Thứ's early 2022.
  const latecomers = story ? rng.sample(clerkPool.filter((m) => m.key !== clerk.key), 6) : [];

  const topics = rng.shuffle(THEMATIC_TOPICS.filter((t) => !t.villageOnly || !office)).slice(0, 4);
  const tasks: TaskRecord[] = [];
  const meetings: DemoMeeting[] = [];
  let lastRegularDate: string | null = null;
  let lastTitles = new Set<string>();

  for (let month = 1; month <= 12; month++) {
    const plan: ('regular' | 'thematic')[] = month % 3 === 2 ? ['regular', 'thematic'] : ['regular'];
    let regularDate: string | null = null;
    for (const kind of plan) {
      const date: string =
        kind === 'regular'
          ? pickDay(rng, month, month === 2 ? 7 : 3, 10, office, null) // February: after the Tết holiday
          : pickDay(rng, month, 14, 25, office, regularDate);
      if (kind === 'regular') regularDate = date;
      const time = office && rng.chance(0.1) ? (baseTime === '14:00' ? '08:00' : '14:00') : baseTime;
      const participants = unit.members.filter((m) => m.status !== 'exempt' && m.joinedOn <= date);
      const phase: StoryPhase = !story
        ? null
        : month <= 3
          ? 'timid'
          : month === 4 && kind === 'regular'
            ? 'frank'
            : 'after';

      // Guests: the April Đồng Thứ meeting and about half of the thematic meetings.
      const guestChoices = guests.filter((g) => g.member.joinedOn <= date);
      let guest: Guest | null = null;
      if (phase === 'frank') guest = guestChoices[0] ?? null;
      else if (kind === 'thematic' && guestChoices.length > 0 && rng.chance(0.5)) guest = rng.pick(guestChoices);

      let mode: Mode;
      if (phase === 'timid') {
        // 5–8 late at regular meetings (fewer at the thematic one), mostly the same people.
        const target = kind === 'regular' ? rng.int(5, 8) : rng.int(3, 5);
        const habitual = rng.shuffle(latecomers).slice(0, Math.min(target, latecomers.length));
        const others = participants.filter((m) => m.key !== chair.key && m.key !== clerk.key && !habitual.includes(m));
        const extra = rng.sample(others, target - habitual.length);
        mode = { kind: 'latecomers', late: new Set([...habitual, ...extra].map((m) => m.key)) };
      } else if (phase === 'frank') mode = { kind: 'all_on_time' };
      else if (phase === 'after') mode = { kind: 'normal', lateRate: 0.05, maxLate: 1 };
      else mode = { kind: 'normal', lateRate: 0.08, maxLate: 99 };

      const attendance = buildAttendance(rng, date, time, participants, new Set([chair.key, clerk.key]), reasons, mode, guest);
      const presentKeys = new Set(attendance.filter((a) => a.role === 'member' && a.status === 'present').map((a) => a.memberKey));
      const ctx: MeetingContext = {
        rng,
        unit,
        info,
        kind,
        month,
        date,
        time,
        chair,
        clerk,
        present: participants.filter((m) => presentKeys.has(m.key)),
        participants,
        guest,
        names,
        vague: phase === 'timid',
      };
      // Not done by this meeting: don't hand the same job out again.
      const openTitles = new Set(tasks.filter((t) => t.doneOn === null || t.doneOn > date).map((t) => t.title));
      const exclude = new Set([...openTitles, ...lastTitles]);
      const meeting = (agenda: DemoAgendaItem[], topic: string | null, hasDues: boolean): DemoMeeting => ({
        cellKey: unit.key,
        kind,
        topic,
        date,
        startTime: time,
        place: info.place,
        chairKey: chair.key,
        secretaryKey: clerk.key,
        attendance,
        agenda,
        chairScores: chairScores(rng, quality, phase === 'after' && kind === 'thematic' ? null : phase, hasDues),
      });

      if (kind === 'thematic') {
        const q = Math.floor((month - 1) / 3);
        const topic = topics[q]!;
        const n = rng.int(1, 2);
        const specs = [{ title: topic.task, deliverable: topic.deliverable }, ...rng.sample(taskTemplatesFor(unit, info, month, exclude), n - 1)];
        const owners = pickOwners(ctx, specs.length);
        const newTasks = specs.map((t, i) => makeTask(ctx, t, owners[i]!, ordinaryTaskOptions(month)));
        tasks.push(...newTasks);
        meetings.push(meeting(thematicItems(ctx, topic, q > 0 ? topics[q - 1]! : null, newTasks), topic.topic, false));
        continue;
      }

      // Regular meeting: review, news, (criticism), tasks and resolution, (dues).
      const since = lastRegularDate;
      const previous = since ? tasks.filter((t) => t.meetingDate >= since) : [];
      const overdue = tasks.filter((t) => t.deadline < date && (t.doneOn === null || t.doneOn > date));
      const agenda = [reviewItem(ctx, previous, overdue, phase, memberByKey)];
      if (phase === 'timid') {
        const start = meetingStartsAt(date, time);
        const lateCount = attendance.filter((a) => a.arrivedAt !== null && a.arrivedAt > start).length;
        agenda[0]!.minutes += ` Có ${lateCount} đồng chí đến muộn, buổi sinh hoạt phải chờ.`;
      }
      agenda.push(newsItem(ctx));

      if (phase === 'timid') {
        agenda.push({
          title: 'Tự phê bình và phê bình',
          presenterKey: chair.key,
          plannedMinutes: 10,
          minutes: rng.pick([
            'Ít ý kiến phát biểu; đảng viên còn nể nang, ngại va chạm, chủ yếu nêu ưu điểm.',
            'Phần góp ý diễn ra ngắn; còn tư tưởng “dĩ hòa vi quý”, chưa có ý kiến góp ý cụ thể cho cá nhân nào.',
            'Đảng viên còn nể nang, ngại va chạm; việc đi họp muộn không được ai nêu ra.',
          ]),
          outcomes: [],
        });
      } else if (phase === 'frank') {
        agenda.push(frankCriticismItem(ctx, latecomers));
      } else if (rng.chance(phase === 'after' ? 0.6 : 0.35)) {
        agenda.push(ordinaryCriticismItem(ctx));
      }

      let newTasks: TaskRecord[];
      let note: string;
      if (phase === 'timid') {
        const n = rng.int(2, 3);
        const owners = [chair, ...rng.sample(ctx.present.filter((m) => m.key !== chair.key), n - 1)];
        newTasks = rng
          .sample(VAGUE_TASKS.filter((t) => !exclude.has(t)), n)
          .map((t, i) =>
            makeTask(ctx, { title: t, deliverable: null }, owners[i]!, {
              openRate: 0,
              veryLateRate: 0.2,
              lateRate: 0.7,
              lateDays: [5, 20],
              deadlineDays: [25, 35],
            }),
          );
        note = 'Các nhiệm vụ còn giao chung chung, chưa rõ người, rõ việc, rõ thời gian hoàn thành; chủ yếu giao cho chi ủy.';
      } else if (phase === 'frank') {
        newTasks = aprilTasks(ctx);
        note =
          'Mỗi nhiệm vụ được giao rõ người, rõ việc, rõ trách nhiệm, rõ thời gian hoàn thành; đồng chí phụ trách báo cáo kết quả tại kỳ sinh hoạt tháng 5.';
      } else {
        const n = rng.int(2, 4);
        const specs = rng.sample(taskTemplatesFor(unit, info, month, exclude), n);
        const owners = pickOwners(ctx, specs.length);
        newTasks = specs.map((t, i) => makeTask(ctx, t, owners[i]!, ordinaryTaskOptions(month)));
        note = rng.pick([
          `${Comrade(ctx, chair)} quán triệt nhiệm vụ trọng tâm trong tháng, phân công cụ thể cho từng đồng chí.`,
          'Chi bộ thảo luận, thống nhất các nhiệm vụ trọng tâm và người phụ trách từng việc.',
          'Dự thảo nghị quyết do chi ủy chuẩn bị; đảng viên góp ý, bổ sung thời hạn hoàn thành từng việc.',
        ]);
      }
      tasks.push(...newTasks);
      lastTitles = new Set(newTasks.map((t) => t.title));
      agenda.push(tasksItem(ctx, newTasks, note));

      // Dues are collected at the last meeting of each quarter.
      const hasDues = month % 3 === 0;
      if (hasDues) agenda.push(duesItem(ctx));

      meetings.push(meeting(agenda, null, hasDues));
      lastRegularDate = date;
    }
  }
  finishMeetingTasks(unit, info, meetings, tasks);
  return meetings;
}

/** The April 2022 Đồng Thứ criticism session, as the article tells it. */
function frankCriticismItem(ctx: MeetingContext, latecomers: readonly DemoMember[]): DemoAgendaItem {
  const { rng, chair } = ctx;
  const others = ctx.present.filter((m) => m.key !== chair.key);
  const late = latecomers.filter((m) => others.includes(m));
  // Targets: two habitual latecomers first (tác phong), then others.
  const targets = [...late.slice(0, 2), ...rng.shuffle(others.filter((m) => !late.slice(0, 2).includes(m)))].slice(0, 5);
  const aspects = [
    'tác phong: nhiều lần đi họp muộn, không báo trước với chi ủy',
    'lề lối làm việc: nhận việc nhưng không báo cáo kết quả, để chi ủy phải nhắc',
    'phát ngôn: bình luận thiếu kiểm chứng về việc giao đất dịch vụ khu Trại Khóng ở nơi đông người',
    'thái độ ứng xử: còn nóng nảy khi người dân hỏi về công trình xây dựng trước năm 2014',
    'nêu gương: gia đình còn để vật liệu xây dựng lấn ra đường làng',
  ] as const;
  const sentences: string[] = [
    `${Comrade(ctx, chair)} tự phê bình: chi ủy giao việc còn chung chung, chưa rõ người, rõ việc, chưa chấn chỉnh việc đi họp muộn.`,
  ];
  targets.forEach((target, i) => {
    const critics = others.filter((m) => m.key !== target.key && !targets.slice(0, i + 1).includes(m));
    const critic = rng.pick(critics.length > 0 ? critics : others.filter((m) => m.key !== target.key));
    sentences.push(
      `${Comrade(ctx, critic)} góp ý ${comrade(ctx, target)} về ${aspects[i]!}; ${comrade(ctx, target)} tiếp thu và hứa khắc phục.`,
    );
  });
  if (ctx.guest) {
    sentences.push(
      `${Comrade(ctx, ctx.guest.member)}, ${ctx.guest.title}, ghi nhận tinh thần thẳng thắn, cởi mở của chi bộ, đề nghị duy trì trong các kỳ sinh hoạt sau.`,
    );
  }
  return {
    title: 'Tự phê bình và phê bình',
    presenterKey: chair.key,
    plannedMinutes: 40,
    minutes: sentences.join(' '),
    outcomes: [
      {
        kind: 'information',
        text: 'Các đồng chí được góp ý đều vui vẻ tiếp thu, nghiêm túc sửa chữa; chi ủy theo dõi việc khắc phục ở các kỳ sinh hoạt sau.',
        votes: null,
        task: null,
      },
    ],
  };
}

/** April 2022 in Đồng Thứ: every task with a named owner, a deliverable and a date. */
function aprilTasks(ctx: MeetingContext): TaskRecord[] {
  const { rng, date, chair } = ctx;
  const n = rng.int(5, 6);
  const owners = rng.sample(ctx.present.filter((m) => m.key !== chair.key), n);
  const deadlines = owners.map(() => addDays(date, rng.int(14, 28)));
  const tasks: { title: (d: string) => string; deliverable: string }[] = [
    {
      title: (d) => `Đối chiếu danh sách hộ được giao đất dịch vụ khu Trại Khóng với hồ sơ của xã, nộp chi ủy trước ${ddmm(d)}`,
      deliverable: 'Bảng đối chiếu từng hộ, ghi rõ hộ còn thiếu hồ sơ',
    },
    {
      title: (d) => `Lập biên bản hiện trạng các công trình xây dựng trái phép trước năm 2014 ở thôn Đồng Thứ, gửi Ủy ban nhân dân xã trước ${ddmm(d)}`,
      deliverable: 'Biên bản hiện trạng từng công trình có chữ ký của chủ hộ',
    },
    {
      title: (d) => `Tổ chức tổng vệ sinh toàn thôn, khơi thông rãnh thoát nước trục chính; báo cáo kết quả trước ${ddmm(d)}`,
      deliverable: 'Rãnh thoát nước trục chính thông thoáng; báo cáo kèm ảnh',
    },
    {
      title: (d) => `Xếp lịch tuần tra ban đêm của tổ an ninh tự quản đến hết tháng 5, niêm yết tại nhà văn hóa trước ${ddmm(d)}`,
      deliverable: 'Lịch tuần tra đến 31/5 niêm yết tại nhà văn hóa thôn',
    },
    {
      title: (d) => `Hướng dẫn 30 hộ kích hoạt tài khoản định danh điện tử, gửi danh sách cho Công an xã trước ${ddmm(d)}`,
      deliverable: 'Danh sách 30 hộ đã kích hoạt tài khoản, gửi Công an xã',
    },
    {
      title: (d) => `Tổng hợp ý kiến của nhân dân về phương án giao đất dịch vụ khu Lồng Chấy, báo cáo chi ủy trước ${ddmm(d)}`,
      deliverable: 'Bản tổng hợp ý kiến của nhân dân gửi chi ủy',
    },
  ];
  return owners.map((owner, i) => {
    const deadline = deadlines[i]!;
    const doneOn = addDays(deadline, -rng.int(0, 6));
    return taskRecord(ctx, { title: tasks[i]!.title(deadline), deliverable: tasks[i]!.deliverable }, owner, deadline, doneOn);
  });
}
