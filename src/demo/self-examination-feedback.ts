/**
 * The feedback of the demo's 2022 (góp ý): the pairs the meetings' minutes name, Đồng Thứ's frank
 * April meeting and what followed it, and feedback outside meetings at each cell's own pace; an
 * accepted one becomes a correction item.
 */
import { addDays, YEAR_END, type DemoMeeting } from './meetings.js';
import { hashSeed, Rng } from './random.js';
import {
  activeOn,
  dayBetween,
  duringMeeting,
  eveningAt,
  maxDate,
  minDate,
  monthEndAfter,
  officeAt,
  plusMinutes,
  YEAR,
  type Builder,
  type Cell,
  type Kind,
} from './self-examination-context.js';
import type { DemoFeedback } from './self-examination.js';
import type { FeedbackDirection, FeedbackStatus, FeedbackTopic } from '../shared/enums.js';

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
export function storyFeedback(b: Builder, cell: Cell): void {
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


/** Every other cell: the pairs its minutes name, and feedback outside meetings at the cell's own pace. */
export function ordinaryFeedback(b: Builder, cell: Cell): void {
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
