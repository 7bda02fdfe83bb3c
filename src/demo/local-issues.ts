/**
 * The demo commune's outstanding local issues and citizens' messages, after the article: service
 * land for households at Trại Khóng and Lồng Chấy (resolved, with the people's confirmations),
 * illegal construction left from before 2014 (in progress), and sanitation and security items.
 * Which village each place lies in, the households, people and dates are generated for the demo.
 * Pure data: the seed assigns ids and writes the rows.
 */
import type { CitizenFeedbackStatus, ConfirmationDecision, LocalIssueStatus } from '../shared/enums.js';
import type { DemoTaskProgress } from './meetings.js';
import { addDays } from '../domain/tasks.js';

export interface DemoIssueStep {
  on: string;
  to: LocalIssueStatus;
  note?: string;
}

export interface DemoLocalIssue {
  key: string;
  categoryCode: string;
  title: string;
  description: string;
  /** A village cell's key (see demo-data.ts). */
  villageKey: string | null;
  areaName: string | null;
  point: [number, number] | null;
  sinceYear: number | null;
  sinceBefore: boolean;
  households: number | null;
  responsibleUnitKey: string | null;
  deadline: string | null;
  createdOn: string;
  public: boolean;
  /** Status changes after "new", oldest first. A "resolved" step's note is the resolution summary. */
  steps: DemoIssueStep[];
  /** The village cell's word on the last resolution. */
  cellDecision?: { on: string; decision: ConfirmationDecision; comment?: string };
  /** The actions, as tasks the committee gave the responsible unit (owned by that unit). */
  tasks?: DemoIssueTask[];
}

/** Một việc giải quyết vấn đề — a task given on an issue, with its reports and (if finished) its close. */
export interface DemoIssueTask {
  title: string;
  deliverable: string;
  givenOn: string;
  deadline: string;
  progress: DemoTaskProgress[];
  /** Finished and accepted on this date; absent while still open. */
  doneOn?: string;
  closeComment?: string;
}

export interface DemoCitizenMessage {
  key: string;
  villageKey: string;
  name: string;
  phone: string | null;
  email: string | null;
  consent: boolean;
  topic: string;
  content: string;
  sentOn: string;
  status: CitizenFeedbackStatus;
  issueKey?: string;
  routedUnitKey?: string;
  answer?: { on: string; text: string };
  closeReason?: string;
  /** The citizen's word on the resolution of the linked issue. */
  decision?: { on: string; decision: ConfirmationDecision; comment?: string };
}

/** Dates counted in days from the day the demo is loaded, and the years they fall in. */
function relativeTo(today: string) {
  return { day: (n: number): string => addDays(today, n), year: Number(today.slice(0, 4)), yearOf: (date: string): number => Number(date.slice(0, 4)) };
}

/**
 * The issues as of `today` (the day the demo is loaded): those of the article's story keep their
 * 2022–2023 dates; the recent ones, and the open actions of an issue still being worked on, are
 * dated back (and forward) from today, so the board is alive whenever it is opened.
 */
export function demoLocalIssues(today: string): DemoLocalIssue[] {
  const { day, year, yearOf } = relativeTo(today);
  return [
  {
    key: 'trai-khong',
    categoryCode: 'dat_dai',
    title: 'Giao đất dịch vụ cho các hộ dân khu vực Trại Khóng',
    description:
      'Các hộ có đất nông nghiệp bị thu hồi làm dự án chưa được giao đất dịch vụ theo quy định; người dân nhiều lần kiến nghị tại các buổi tiếp xúc cử tri.',
    villageKey: 'cell-luu-quang',
    areaName: 'Khu vực Trại Khóng',
    point: [21.4623, 105.6338],
    sinceYear: 2016,
    sinceBefore: false,
    households: 46,
    responsibleUnitKey: 'cell-ubnd',
    deadline: '2022-12-31',
    createdOn: '2022-01-10',
    public: true,
    steps: [
      { on: '2022-02-15', to: 'in_progress', note: 'Đảng ủy giao UBND xã rà soát hồ sơ từng hộ, báo cáo trước quý II.' },
      {
        on: '2022-11-25',
        to: 'resolved',
        note: 'Đã đo đạc, bốc thăm và bàn giao mốc giới đất dịch vụ cho 46/46 hộ; danh sách công khai tại nhà văn hóa thôn Lưu Quang.',
      },
    ],
    cellDecision: { on: '2022-12-05', decision: 'confirm', comment: 'Chi bộ đã họp, các hộ đều nhận đủ đất, không còn kiến nghị.' },
    tasks: [
      {
        title: 'Rà soát hồ sơ thu hồi đất và lập danh sách hộ được giao đất dịch vụ khu Trại Khóng',
        deliverable: 'Danh sách 46 hộ có diện tích được giao, niêm yết công khai tại nhà văn hóa thôn Lưu Quang',
        givenOn: '2022-02-15',
        deadline: '2022-06-30',
        progress: [
          { on: '2022-04-20', percent: 60, text: 'Đã đối chiếu hồ sơ 28/46 hộ với quyết định thu hồi.' },
          { on: '2022-06-24', percent: 100, text: 'Hoàn thành danh sách 46 hộ; niêm yết từ ngày 24/6/2022, không có khiếu nại.' },
        ],
        doneOn: '2022-06-24',
        closeComment: 'Danh sách đúng, đủ; chuyển sang đo đạc, bốc thăm.',
      },
      {
        title: 'Đo đạc, tổ chức bốc thăm và bàn giao mốc giới đất dịch vụ khu Trại Khóng',
        deliverable: 'Biên bản bàn giao mốc giới có chữ ký của từng hộ',
        givenOn: '2022-07-05',
        deadline: '2022-11-30',
        progress: [
          { on: '2022-09-15', percent: 40, text: 'Đo đạc xong, lập phương án phân lô.' },
          { on: '2022-11-25', percent: 100, text: 'Bốc thăm công khai và bàn giao mốc giới cho 46/46 hộ.' },
        ],
        doneOn: '2022-11-25',
        closeComment: 'Hoàn thành đúng hạn.',
      },
    ],
  },
  {
    key: 'long-chay',
    categoryCode: 'dat_dai',
    title: 'Giao đất dịch vụ cho các hộ dân khu vực Lồng Chấy',
    description: 'Các hộ bị thu hồi đất làm đường và khu dân cư mới chưa được giao đất dịch vụ; vị trí dự kiến giao còn vướng mặt bằng.',
    villageKey: 'cell-dong-thu',
    areaName: 'Khu vực Lồng Chấy',
    point: [21.4571, 105.6412],
    sinceYear: 2018,
    sinceBefore: false,
    households: 38,
    responsibleUnitKey: 'cell-ubnd',
    deadline: '2023-06-30',
    createdOn: '2022-01-10',
    public: true,
    steps: [
      { on: '2022-03-01', to: 'in_progress', note: 'Giao UBND xã phối hợp chi bộ thôn Đồng Thứ vận động giải phóng mặt bằng.' },
      {
        on: '2023-05-20',
        to: 'resolved',
        note: 'Đã giải phóng mặt bằng và giao đất dịch vụ cho 38/38 hộ; cấp giấy chứng nhận cho 30 hộ, 8 hộ đang hoàn thiện hồ sơ.',
      },
    ],
    cellDecision: { on: '2023-06-02', decision: 'confirm' },
    tasks: [
      {
        title: 'Vận động các hộ bàn giao mặt bằng vị trí giao đất dịch vụ khu Lồng Chấy',
        deliverable: 'Mặt bằng sạch toàn khu, biên bản bàn giao của các hộ',
        givenOn: '2022-03-01',
        deadline: '2022-12-31',
        progress: [
          { on: '2022-08-10', percent: 50, text: 'Đã vận động 9/17 hộ bàn giao mặt bằng.' },
          { on: '2023-01-12', percent: 100, text: '17/17 hộ đã bàn giao mặt bằng.' },
        ],
        doneOn: '2023-01-12',
        closeComment: 'Chậm 12 ngày so với hạn do vướng 2 hộ; đã xong.',
      },
      {
        title: 'Giao đất dịch vụ và hoàn thiện hồ sơ cấp giấy chứng nhận cho các hộ khu Lồng Chấy',
        deliverable: 'Quyết định giao đất cho 38 hộ; hồ sơ cấp giấy chứng nhận nộp đủ',
        givenOn: '2023-01-15',
        deadline: '2023-05-31',
        progress: [
          { on: '2023-03-30', percent: 50, text: 'Đã giao đất cho 38 hộ; đang lập hồ sơ cấp giấy.' },
          { on: '2023-05-20', percent: 100, text: 'Cấp giấy chứng nhận cho 30 hộ; 8 hộ đã nộp hồ sơ, đang chờ thẩm định.' },
        ],
        doneOn: '2023-05-20',
        closeComment: 'Đạt yêu cầu; theo dõi 8 hộ còn lại.',
      },
    ],
  },
  {
    key: 'xay-dung-truoc-2014',
    categoryCode: 'xay_dung',
    title: 'Xử lý các công trình xây dựng trái phép trên đất nông nghiệp tồn tại từ trước năm 2014',
    description:
      'Rà soát cho thấy 17 công trình xây dựng trên đất nông nghiệp, đất hành lang giao thông từ trước năm 2014 chưa được xử lý dứt điểm.',
    villageKey: null,
    areaName: 'Dọc tuyến đường tỉnh qua xã',
    point: null,
    sinceYear: 2014,
    sinceBefore: true,
    households: 17,
    responsibleUnitKey: 'cell-ubnd',
    deadline: day(216),
    createdOn: '2022-01-10',
    public: true,
    steps: [{ on: '2022-04-12', to: 'in_progress', note: 'Phân loại từng trường hợp: xử lý theo quy định hoặc hướng dẫn hợp thức hóa.' }],
    tasks: [
      {
        title: 'Lập hồ sơ từng công trình xây dựng trái phép trước năm 2014 và phân loại hướng xử lý',
        deliverable: 'Hồ sơ 17 công trình, mỗi công trình có hướng xử lý đề xuất',
        givenOn: '2022-04-12',
        deadline: '2022-09-30',
        progress: [{ on: '2022-09-20', percent: 100, text: 'Hoàn thành hồ sơ 17 công trình: 11 trường hợp hướng dẫn hợp thức hóa, 6 trường hợp phải tháo dỡ.' }],
        doneOn: '2022-09-20',
        closeComment: 'Hồ sơ đầy đủ.',
      },
      {
        title: 'Vận động các hộ tự tháo dỡ 6 công trình vi phạm hành lang giao thông',
        deliverable: '6 công trình được tháo dỡ, có biên bản xác nhận hiện trạng',
        givenOn: day(-270),
        deadline: day(125),
        progress: [{ on: day(-42), percent: 50, text: '3/6 hộ đã tự tháo dỡ; 3 hộ xin gia hạn đến sau Tết.' }],
      },
    ],
  },
  {
    key: 'rac-kenh-so-5',
    categoryCode: 'moi_truong',
    title: 'Điểm tập kết rác tự phát cạnh kênh tưới thôn Số 5',
    description: 'Rác sinh hoạt đổ tự phát cạnh kênh tưới gây ô nhiễm nguồn nước và mùi hôi cho các hộ lân cận.',
    villageKey: 'cell-thon-so-05',
    areaName: 'Kênh tưới cánh đồng thôn Số 5',
    point: null,
    sinceYear: year - 2,
    sinceBefore: false,
    households: 25,
    responsibleUnitKey: 'cell-thon-so-05',
    deadline: day(-26),
    createdOn: day(-98),
    public: true,
    steps: [{ on: day(-86), to: 'in_progress', note: 'Chi bộ thôn vận động các hộ ký cam kết không đổ rác; đề nghị xã bố trí điểm tập kết.' }],
    tasks: [
      {
        title: 'Dọn sạch điểm rác tự phát cạnh kênh tưới và cắm biển cấm đổ rác',
        deliverable: 'Bờ kênh sạch rác, 2 biển cấm đổ rác được cắm',
        givenOn: day(-86),
        deadline: day(-6),
        progress: [{ on: day(-59), percent: 40, text: 'Đoàn viên thanh niên ra quân dọn được một nửa đoạn kênh.' }],
      },
    ],
  },
  {
    key: 'rac-dong-thu',
    categoryCode: 'moi_truong',
    title: 'Thu gom rác thải sinh hoạt thôn Đồng Thứ không đúng lịch',
    description: 'Xe thu gom đến không đúng lịch, rác tồn đọng ở các điểm tập kết đầu ngõ.',
    villageKey: 'cell-dong-thu',
    areaName: null,
    point: null,
    sinceYear: year - 1,
    sinceBefore: false,
    households: null,
    responsibleUnitKey: 'cell-dong-thu',
    deadline: day(-149),
    createdOn: day(-266),
    public: true,
    steps: [
      { on: day(-261), to: 'in_progress' },
      { on: day(-182), to: 'resolved', note: 'Thống nhất với đơn vị thu gom lịch 3 buổi/tuần, niêm yết lịch tại nhà văn hóa và trên loa truyền thanh.' },
    ],
    cellDecision: { on: day(-169), decision: 'confirm' },
  },
  {
    key: 'dua-xe',
    categoryCode: 'an_ninh',
    title: 'Thanh thiếu niên tụ tập đua xe máy ban đêm trên đường liên thôn Lưu Quang – Đồng Thứ',
    description: 'Nhiều tối cuối tuần có nhóm thanh thiếu niên tụ tập, chạy xe tốc độ cao, gây mất an toàn giao thông và ảnh hưởng giấc ngủ người dân.',
    villageKey: 'cell-luu-quang',
    areaName: 'Đường liên thôn Lưu Quang – Đồng Thứ',
    point: null,
    sinceYear: year - 0,
    sinceBefore: false,
    households: null,
    responsibleUnitKey: 'cell-cong-an',
    deadline: day(35),
    createdOn: day(-72),
    public: true,
    steps: [{ on: day(-71), to: 'in_progress', note: 'Công an xã tổ chức tuần tra ban đêm, phối hợp chi đoàn thanh niên thôn.' }],
  },
  {
    key: 'trom-gia-suc',
    categoryCode: 'an_ninh',
    title: 'Trộm cắp vặt gia súc, gia cầm ở thôn Số 9',
    description: 'Trong hai tháng có 6 vụ mất trộm gà, lợn của các hộ chăn nuôi ở cuối thôn.',
    villageKey: 'cell-thon-so-09',
    areaName: null,
    point: null,
    sinceYear: year - 1,
    sinceBefore: false,
    households: 6,
    responsibleUnitKey: 'cell-cong-an',
    deadline: day(-330),
    createdOn: day(-450),
    public: false,
    steps: [
      { on: day(-449), to: 'in_progress' },
      { on: day(-371), to: 'resolved', note: 'Đã bắt giữ 2 đối tượng, trả lại tài sản cho các hộ; duy trì tổ tự quản an ninh thôn.' },
    ],
  },
  {
    key: 'ho-so-dat',
    categoryCode: 'cai_cach_hanh_chinh',
    title: 'Giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất còn chậm so với thời hạn',
    description: 'Một số hồ sơ đăng ký đất đai quá hạn giải quyết; người dân phải đi lại nhiều lần.',
    villageKey: null,
    areaName: 'Bộ phận tiếp nhận và trả kết quả xã',
    point: null,
    sinceYear: year - 1,
    sinceBefore: false,
    households: null,
    responsibleUnitKey: 'cell-ubnd',
    deadline: day(-11),
    createdOn: day(-289),
    public: true,
    steps: [{ on: day(-279), to: 'in_progress', note: 'Niêm yết quy trình, theo dõi từng hồ sơ trên sổ; báo cáo hồ sơ quá hạn hằng tháng.' }],
  },
  {
    key: 'den-ngo-so-12',
    categoryCode: 'khac',
    title: 'Hệ thống đèn chiếu sáng ngõ xóm thôn Số 12 bị hỏng',
    description: 'Phần lớn bóng đèn và dây dẫn đã hỏng, các ngõ tối vào ban đêm.',
    villageKey: 'cell-thon-so-12',
    areaName: null,
    point: null,
    sinceYear: year - 3,
    sinceBefore: false,
    households: 80,
    responsibleUnitKey: 'cell-thon-so-12',
    deadline: null,
    createdOn: day(-238),
    public: true,
    steps: [{ on: day(-195), to: 'unresolvable', note: `Chưa bố trí được kinh phí năm ${yearOf(day(-195))}; đã đưa vào dự toán năm ${yearOf(day(-195)) + 1}, thôn vận động xã hội hóa một phần.` }],
  },
  {
    key: 'ngap-so-3',
    categoryCode: 'moi_truong',
    title: 'Rãnh thoát nước khu dân cư thôn Số 3 bị tắc, ngập khi mưa lớn',
    description: 'Rãnh thoát nước bị lấp, mỗi trận mưa lớn nước tràn vào sân nhà các hộ ven đường.',
    villageKey: 'cell-thon-so-03',
    areaName: 'Ven đường trục thôn',
    point: null,
    sinceYear: year - 0,
    sinceBefore: false,
    households: 12,
    responsibleUnitKey: null,
    deadline: null,
    createdOn: day(-6),
    public: false,
    steps: [],
  },
];
}

/** The people's messages as of `today`: the story's in 2022–2023, the others in the months before today. */
export function demoCitizenMessages(today: string): DemoCitizenMessage[] {
  const { day, yearOf } = relativeTo(today);
  return [
  {
    key: 'c1',
    villageKey: 'cell-luu-quang',
    name: 'Nguyễn Văn Thắng',
    phone: '0912 406 318',
    email: null,
    consent: true,
    topic: 'dat_dai',
    content: 'Gia đình tôi bị thu hồi đất từ năm 2016 ở khu Trại Khóng mà đến nay vẫn chưa được giao đất dịch vụ. Đề nghị xã sớm giải quyết.',
    sentOn: '2022-01-05',
    status: 'answered',
    issueKey: 'trai-khong',
    answer: { on: '2022-11-28', text: 'Xã đã bàn giao mốc giới đất dịch vụ cho gia đình ông ngày 25/11/2022. Đề nghị ông kiểm tra và phản hồi nếu còn vướng mắc.' },
    decision: { on: '2022-12-01', decision: 'confirm', comment: 'Gia đình đã nhận đất, cảm ơn xã.' },
  },
  {
    key: 'c2',
    villageKey: 'cell-luu-quang',
    name: 'Trần Thị Hoa',
    phone: '0986 221 457',
    email: null,
    consent: true,
    topic: 'dat_dai',
    content: 'Đề nghị công khai danh sách các hộ được giao đất dịch vụ khu Trại Khóng để bà con theo dõi.',
    sentOn: '2022-03-14',
    status: 'answered',
    issueKey: 'trai-khong',
    answer: { on: '2022-03-30', text: 'Danh sách sẽ được niêm yết tại nhà văn hóa thôn Lưu Quang trước khi bốc thăm.' },
    decision: { on: '2022-12-03', decision: 'confirm' },
  },
  {
    key: 'c3',
    villageKey: 'cell-dong-thu',
    name: 'Lê Văn Quý',
    phone: null,
    email: 'levanquy.dongthu@gmail.com',
    consent: false,
    topic: 'dat_dai',
    content: 'Khu Lồng Chấy đã thu hồi đất làm đường nhưng chưa giao đất dịch vụ. Xin hỏi khi nào thì có?',
    sentOn: '2022-02-20',
    status: 'answered',
    issueKey: 'long-chay',
    answer: { on: '2023-05-25', text: 'Ngày 20/5/2023 xã đã giao đất dịch vụ cho 38/38 hộ khu Lồng Chấy, trong đó có gia đình ông.' },
    decision: { on: '2023-05-30', decision: 'confirm' },
  },
  {
    key: 'c4',
    villageKey: 'cell-dong-thu',
    name: 'Phạm Thị Lan',
    phone: '0353 118 902',
    email: null,
    consent: true,
    topic: 'dat_dai',
    content: 'Gia đình tôi đã được giao đất dịch vụ ở Lồng Chấy nhưng vẫn chưa được cấp giấy chứng nhận.',
    sentOn: '2023-06-10',
    status: 'answered',
    issueKey: 'long-chay',
    answer: { on: '2023-06-20', text: 'Hồ sơ của gia đình bà đang được bổ sung trích đo; dự kiến cấp giấy trong quý III/2023.' },
    decision: { on: '2023-06-22', decision: 'dispute', comment: 'Chưa có giấy chứng nhận thì chưa xong.' },
  },
  {
    key: 'c5',
    villageKey: 'cell-thon-so-05',
    name: 'Hoàng Văn Dũng',
    phone: '0978 330 145',
    email: null,
    consent: true,
    topic: 'moi_truong',
    content: 'Rác đổ cạnh kênh tưới đầu thôn bốc mùi, nước kênh đen. Đề nghị xã có điểm tập kết rác và xử lý người đổ bừa.',
    sentOn: day(-100),
    status: 'in_progress',
    issueKey: 'rac-kenh-so-5',
  },
  {
    key: 'c6',
    villageKey: 'cell-luu-quang',
    name: 'Đỗ Thị Mai',
    phone: '0865 772 019',
    email: null,
    consent: true,
    topic: 'an_ninh',
    content: 'Tối thứ Bảy nào cũng có nhóm thanh niên rú ga, đua xe trên đường liên thôn đến nửa đêm, rất nguy hiểm.',
    sentOn: day(-73),
    status: 'in_progress',
    issueKey: 'dua-xe',
    routedUnitKey: 'cell-cong-an',
  },
  {
    key: 'c7',
    villageKey: 'cell-thon-so-12',
    name: 'Vũ Văn Hưng',
    phone: '0388 654 210',
    email: null,
    consent: true,
    topic: 'khac',
    content: 'Đèn đường ngõ xóm thôn Số 12 hỏng gần hết, đề nghị sửa chữa.',
    sentOn: day(-243),
    status: 'answered',
    issueKey: 'den-ngo-so-12',
    answer: { on: day(-194), text: `Năm ${yearOf(day(-194))} xã chưa bố trí được kinh phí; việc sửa chữa đã được đưa vào dự toán năm ${yearOf(day(-194)) + 1}.` },
  },
  {
    key: 'c8',
    villageKey: 'cell-dong-thu',
    name: 'Ngô Văn Sơn',
    phone: '0915 883 276',
    email: null,
    consent: true,
    topic: 'cai_cach_hanh_chinh',
    content: 'Tôi nộp hồ sơ sang tên quyền sử dụng đất hơn một tháng chưa có kết quả, đi hỏi mấy lần vẫn chưa rõ.',
    sentOn: day(-55),
    status: 'in_progress',
    issueKey: 'ho-so-dat',
  },
  {
    key: 'c9',
    villageKey: 'cell-thon-so-03',
    name: 'Bùi Thị Thu',
    phone: '0394 507 661',
    email: null,
    consent: true,
    topic: 'moi_truong',
    content: 'Mưa to hôm 18/11 nước tràn vào sân nhà tôi vì rãnh thoát nước bị lấp. Mong xã cho nạo vét.',
    sentOn: day(-7),
    status: 'in_progress',
    issueKey: 'ngap-so-3',
  },
  {
    key: 'c10',
    villageKey: 'cell-thon-so-07',
    name: 'Trịnh Văn Lộc',
    phone: '0962 145 300',
    email: null,
    consent: true,
    topic: 'khac',
    content: 'Đề nghị chi bộ thôn tổ chức lại buổi họp dân về việc đóng góp làm nhà văn hóa, nhiều hộ chưa được nghe phổ biến.',
    sentOn: day(-18),
    status: 'in_progress',
    routedUnitKey: 'cell-thon-so-07',
  },
  {
    key: 'c11',
    villageKey: 'cell-dong-thu',
    name: 'Nguyễn Thị Bích',
    phone: null,
    email: 'bichnguyen.mq@gmail.com',
    consent: false,
    topic: 'an_ninh',
    content: 'Đoạn đường qua cầu tràn thôn Đồng Thứ không có biển báo, buổi tối rất dễ xảy ra tai nạn.',
    sentOn: day(-1),
    status: 'new',
  },
  {
    key: 'c12',
    villageKey: 'cell-thon-so-02',
    name: 'Khách',
    phone: '0900 000 000',
    email: null,
    consent: false,
    topic: 'khac',
    content: 'Quảng cáo dịch vụ vay tiền nhanh, lãi suất thấp, liên hệ ngay.',
    sentOn: day(-45),
    status: 'closed',
    closeReason: 'Tin nhắn quảng cáo, không phải ý kiến của người dân.',
  },
];
}
