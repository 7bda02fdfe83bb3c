/**
 * The Vietnamese text of the demo's present year, in one place: what the cells hear, say and
 * write at their monthly meetings, in their self-examinations and feedback. No dates or years in
 * the text itself: `{thang}`, `{nam}`, `{thon}` are filled in by present.ts.
 */
import type { CauseKind, FeedbackTopic } from '../shared/enums.js';

/** "Thông tin thời sự, văn bản cấp trên": what the commune passes down, any month. */
export const PRESENT_NEWS: readonly string[] = [
  'Quán triệt các văn bản mới của Tỉnh ủy và Đảng ủy xã về công tác xây dựng Đảng trong tháng {thang}/{nam}',
  'Thông báo kết quả kiểm tra, giám sát của Ủy ban Kiểm tra Đảng ủy xã đối với các chi bộ',
  'Triển khai kế hoạch của Đảng ủy xã về chuyển đổi số trong sinh hoạt chi bộ và quản lý đảng viên',
  'Thông tin tình hình kinh tế - xã hội của xã, kết quả thu ngân sách và giải ngân vốn đầu tư công',
  'Quán triệt kế hoạch phòng, chống thiên tai, cháy nổ và bảo đảm an ninh trật tự trên địa bàn',
  'Thông tin kết quả giải quyết các vấn đề tồn tại, nổi cộm và ý kiến của người dân trong tháng',
  'Triển khai hướng dẫn của Đảng ủy xã về việc tự soi, tự sửa và đăng ký chỉ tiêu cam kết năm {nam}',
];

export const PRESENT_NEWS_CLOSINGS: readonly string[] = [
  'Đảng viên nghe, thảo luận và thống nhất thực hiện.',
  'Chi ủy đề nghị đảng viên tuyên truyền đến gia đình và quần chúng.',
  'Các đồng chí thống nhất triển khai ngay trong tháng.',
];

/** The review of last month's resolution, after the figures. */
export const PRESENT_REVIEW_CLOSINGS: readonly string[] = [
  'Đảng viên phụ trách từng việc báo cáo kết quả trước chi bộ.',
  'Chi bộ chỉ rõ việc làm được, chưa làm được và trách nhiệm của từng đồng chí.',
  'Các ý kiến thống nhất với báo cáo; việc chưa xong được giao lại, có thời hạn cụ thể.',
];

export const PRESENT_TASK_NOTES: readonly string[] = [
  'Mỗi nhiệm vụ được giao rõ người, rõ việc, rõ trách nhiệm, rõ thời gian hoàn thành.',
  'Chi bộ thảo luận, thống nhất các nhiệm vụ trọng tâm và người phụ trách từng việc.',
  'Dự thảo nghị quyết do chi ủy chuẩn bị; đảng viên góp ý, bổ sung thời hạn hoàn thành từng việc.',
];

/** An ordinary self-criticism item: `{a}` criticises `{b}` about an aspect. */
export const PRESENT_CRITICISM_ASPECTS: readonly string[] = [
  'việc báo cáo kết quả công việc được giao chưa kịp thời',
  'tác phong, lề lối làm việc',
  'việc gương mẫu vận động gia đình thực hiện các quy định của địa phương',
  'thái độ ứng xử khi tiếp xúc với người dân',
  'việc đi sinh hoạt chi bộ chưa đúng giờ',
];

/** Notes on the progress of a qualitative commitment. */
export const COMMITMENT_NOTES: readonly string[] = [
  'Thực hiện tốt, chi ủy ghi nhận tại kỳ sinh hoạt.',
  'Đang thực hiện theo kế hoạch, chưa có vi phạm.',
  'Duy trì thường xuyên; có minh chứng lưu tại chi bộ.',
];

/** A cell's own present-year targets (duties), with how each is measured. */
export const CELL_TARGETS = {
  attendance: { title: 'Tỷ lệ đảng viên dự sinh hoạt chi bộ', unit: '%', evidence: 'Sổ theo dõi sinh hoạt chi bộ' },
  tasksOnTime: { title: 'Tỷ lệ nhiệm vụ của chi bộ hoàn thành đúng hạn', unit: '%', evidence: 'Bảng theo dõi nhiệm vụ của chi bộ' },
} as const;

export interface PresentShortcoming {
  text: string;
  causeKind: CauseKind;
  cause: string;
  action: string;
  criteria: string;
}

/** Shortcomings members name in their quarter's self-examination, each with a correction. */
export const PRESENT_SHORTCOMINGS: readonly PresentShortcoming[] = [
  {
    text: 'Có lúc báo cáo kết quả công việc được giao chưa kịp thời',
    causeKind: 'subjective',
    cause: 'Chưa sắp xếp thời gian hợp lý giữa công việc chung và việc gia đình.',
    action: 'Báo cáo tiến độ từng việc được giao trên ứng dụng trước mỗi kỳ sinh hoạt',
    criteria: 'Mọi nhiệm vụ được giao có báo cáo tiến độ trước kỳ sinh hoạt',
  },
  {
    text: 'Việc tự học tập, nghiên cứu nghị quyết còn hạn chế',
    causeKind: 'subjective',
    cause: 'Chưa dành thời gian đọc tài liệu trước khi sinh hoạt.',
    action: 'Đọc tài liệu trước mỗi kỳ sinh hoạt chuyên đề và viết bản thu hoạch',
    criteria: 'Có bản thu hoạch của mỗi chuyên đề trong quý',
  },
  {
    text: 'Phát biểu góp ý trong sinh hoạt chi bộ còn ít, còn nể nang',
    causeKind: 'subjective',
    cause: 'Còn ngại va chạm với đồng chí, đồng nghiệp.',
    action: 'Mỗi kỳ sinh hoạt phát biểu ít nhất một ý kiến góp ý cụ thể',
    criteria: 'Biên bản sinh hoạt ghi ý kiến góp ý của đồng chí trong các kỳ của quý',
  },
  {
    text: 'Có lần đi sinh hoạt chi bộ muộn',
    causeKind: 'both',
    cause: 'Vướng việc gia đình, chưa thu xếp trước.',
    action: 'Thu xếp công việc để có mặt trước giờ sinh hoạt ít nhất 10 phút',
    criteria: 'Không đi muộn kỳ sinh hoạt nào trong quý',
  },
  {
    text: 'Việc vận động gia đình, họ hàng thực hiện quy định của địa phương chưa thường xuyên',
    causeKind: 'subjective',
    cause: 'Còn ngại nhắc nhở người thân.',
    action: 'Vận động gia đình và các hộ liền kề phân loại rác, tham gia tổng vệ sinh hằng tháng',
    criteria: 'Gia đình và các hộ liền kề tham gia đủ các buổi tổng vệ sinh',
  },
  {
    text: 'Thái độ khi tiếp xúc, giải thích cho người dân có lúc chưa nhẹ nhàng',
    causeKind: 'subjective',
    cause: 'Áp lực công việc, chưa kiềm chế khi bị phản ứng.',
    action: 'Lắng nghe, giải thích rõ ràng, hẹn thời gian trả lời cụ thể khi chưa giải quyết được ngay',
    criteria: 'Không có phản ánh của người dân về thái độ trong quý',
  },
];

export const PRESENT_STRENGTHS: readonly string[] = [
  'Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; đi sinh hoạt đầy đủ.',
  'Hoàn thành các nhiệm vụ chi bộ giao; giữ mối quan hệ tốt với nhân dân nơi cư trú.',
  'Tích cực tham gia các phong trào của thôn, của cơ quan; gia đình gương mẫu.',
];

export const PRESENT_REVIEW_COMMENTS: readonly string[] = [
  'Chi ủy thống nhất với bản tự soi; đề nghị đồng chí thực hiện đúng kế hoạch tự sửa đã đề ra.',
  'Bản tự soi nghiêm túc, chỉ rõ hạn chế và nguyên nhân; chi ủy sẽ theo dõi việc khắc phục.',
  'Đồng ý với tự nhận xét; đề nghị đồng chí phát huy ưu điểm, khắc phục dứt điểm hạn chế trong quý tới.',
];

export const PRESENT_PLAN_NOTES: readonly string[] = [
  'Đang thực hiện theo kế hoạch.',
  'Đã thực hiện được một phần, tiếp tục duy trì.',
  'Đã trao đổi với chi ủy về cách làm; đang thực hiện.',
];
export const PRESENT_CLAIMS: readonly string[] = ['Đã khắc phục, đề nghị chi ủy xác nhận.', 'Đã thực hiện đúng kế hoạch tự sửa; đề nghị xác nhận.'];
export const PRESENT_FIXED: readonly string[] = ['Chi ủy xác nhận đồng chí đã khắc phục.', 'Đã kiểm tra, xác nhận đạt tiêu chí đề ra.'];
export const PRESENT_RETURNED = 'Chưa đạt tiêu chí đề ra; đề nghị đồng chí tiếp tục khắc phục.';
export const PRESENT_FOLLOWUP_RESULT: Record<'fixed' | 'other', string> = {
  fixed: 'Đã khắc phục, chi ủy đã xác nhận.',
  other: 'Đang khắc phục theo kế hoạch.',
};

export interface PresentFeedbackText {
  topic: FeedbackTopic;
  text: string;
  /** What the receiver answers when accepting: the plan item's action and criteria. */
  action: string;
  criteria: string;
  explain: string;
}

/** Feedback between members, in a meeting or outside it. */
export const PRESENT_FEEDBACK: readonly PresentFeedbackText[] = [
  {
    topic: 'working_style',
    text: 'Đồng chí nên báo cáo tiến độ việc được giao sớm hơn, không đợi đến kỳ sinh hoạt mới báo cáo.',
    action: 'Báo cáo tiến độ việc được giao ngay khi có kết quả',
    criteria: 'Các việc được giao đều có báo cáo tiến độ trước hạn',
    explain: 'Tôi đã báo cáo trực tiếp với bí thư chi bộ; từ nay sẽ báo cáo cả trên ứng dụng.',
  },
  {
    topic: 'setting_example',
    text: 'Đề nghị đồng chí gương mẫu hơn trong việc vận động gia đình tham gia tổng vệ sinh của {thon}.',
    action: 'Vận động gia đình tham gia đủ các buổi tổng vệ sinh',
    criteria: 'Gia đình tham gia đủ các buổi tổng vệ sinh trong quý',
    explain: 'Gia đình tôi đã tham gia; buổi vừa rồi vắng vì có việc hiếu, đã báo trưởng thôn.',
  },
  {
    topic: 'behaviour',
    text: 'Có lúc đồng chí trả lời người dân còn vội, chưa giải thích rõ, người dân phải hỏi lại nhiều lần.',
    action: 'Giải thích rõ ràng, hẹn thời gian trả lời cụ thể cho người dân',
    criteria: 'Không có phản ánh của người dân về thái độ trả lời',
    explain: 'Tôi tiếp thu; trường hợp vừa rồi do chờ ý kiến của cấp trên nên chưa trả lời ngay được.',
  },
  {
    topic: 'speech',
    text: 'Đồng chí phát biểu trong nhóm mạng xã hội của {thon} cần chừng mực hơn, tránh gây hiểu lầm.',
    action: 'Cân nhắc trước khi phát biểu, chia sẻ trên mạng xã hội',
    criteria: 'Không có ý kiến phản ánh về phát ngôn trong quý',
    explain: 'Tôi chỉ chia sẻ lại thông báo của xã; sẽ ghi rõ nguồn để tránh hiểu lầm.',
  },
  {
    topic: 'task_performance',
    text: 'Việc được giao tháng trước đồng chí hoàn thành chậm, ảnh hưởng đến kết quả chung của chi bộ.',
    action: 'Lập kế hoạch từng việc, báo chi ủy sớm khi có vướng mắc',
    criteria: 'Hoàn thành đúng hạn các việc được giao trong quý',
    explain: 'Việc chậm do chờ số liệu của Ủy ban nhân dân xã; tôi đã báo cáo chi ủy.',
  },
];

/** Upward feedback to the cell committee about how the cell is led. */
export const PRESENT_UPWARD: readonly { text: string; answer: string }[] = [
  {
    text: 'Đề nghị chi ủy gửi tài liệu sinh hoạt chuyên đề trước ít nhất ba ngày để đảng viên nghiên cứu.',
    answer: 'Chi ủy tiếp thu, từ kỳ sinh hoạt tới sẽ gửi tài liệu trước ba ngày qua ứng dụng.',
  },
  {
    text: 'Đề nghị chi ủy công khai kết quả thực hiện nhiệm vụ của từng đảng viên tại mỗi kỳ sinh hoạt.',
    answer: 'Chi ủy cảm ơn ý kiến, sẽ đọc bảng theo dõi nhiệm vụ tại phần đánh giá nghị quyết mỗi tháng.',
  },
  {
    text: 'Đề nghị chi ủy bố trí giờ sinh hoạt phù hợp hơn với đảng viên đi làm ca.',
    answer: 'Chi ủy tiếp thu; sẽ lấy ý kiến đảng viên về giờ sinh hoạt tại kỳ tới.',
  },
];
