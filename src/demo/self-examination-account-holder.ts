/**
 * The demo account holder's own first year (dangvien.dongthu, admitted after 2022): see
 * `accountHolderYear`.
 */
import { DEMO_REFERENCE_DATE, type DemoCommune } from './commune.js';
import { addDays } from './meetings.js';
import { hashSeed, Rng } from './random.js';
import { CUTOFF, DONG_THU, EXEMPLARY_CODES, joinName, MANIFESTATION_CODES, shown, stripDot, type Builder } from './self-examination-context.js';
import type { DemoAnswer, DemoFeedback, DemoPlanItem, DemoPlanProgress, DemoSelfExamination, DemoShortcoming } from './self-examination.js';
import type { PlanItemStatus } from '../shared/enums.js';

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
export function accountHolderYear(b: Builder, commune: DemoCommune): { exams: DemoSelfExamination[]; items: DemoPlanItem[]; feedback: DemoFeedback[] } {
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
