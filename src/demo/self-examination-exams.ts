/**
 * The self-examinations of the demo's 2022: who opened, wrote and submitted theirs and when, the
 * shortcomings each named (from their own record where it tells: late arrivals, late tasks), the
 * marks against the checklist that agree with them, and the correction items submitting creates.
 */
import type { DemoMember } from './commune.js';
import { addDays, YEAR_END, type CellInfo } from './meetings.js';
import { hashSeed, Rng } from './random.js';
import {
  dayBetween,
  eveningAt,
  EXEMPLARY_CODES,
  MANIFESTATION_CODES,
  minDate,
  monthEndAfter,
  NQ4_DIRECTIVE,
  officeAt,
  recordOf,
  shown,
  stripDot,
  verifierOf,
  YEAR,
  type Builder,
  type Cell,
  type Context,
  type Kind,
} from './self-examination-context.js';
import type { DemoAnswer, DemoFollowup, DemoSelfExamination, DemoShortcoming } from './self-examination.js';
import type { CauseKind, ExemplaryMark, ManifestationMark } from '../shared/enums.js';

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

export function buildExams(b: Builder, cell: Cell): void {
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
