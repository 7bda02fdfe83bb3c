import type { MessageArea } from '../messages.js';

/** Server messages for discipline records (kỷ luật). */
const vi = {
  discipline_form_unknown: 'không có hình thức kỷ luật này trong quy định đang áp dụng',
  discipline_form_probationary: 'theo quy định đang áp dụng, không thi hành hình thức "{form}" với đảng viên dự bị',
  discipline_form_requires_post: '"{form}" chỉ áp dụng với đảng viên giữ chức vụ; đồng chí này không giữ chức vụ nào',
  discipline_form_not_for_body: 'theo quy định đang áp dụng, cơ quan quyết định đã chọn không có thẩm quyền quyết định hình thức "{form}"',
  discipline_member_outside_body: 'đảng viên không thuộc chi bộ hoặc đảng bộ của cơ quan quyết định',
  discipline_cell_body_own_members: 'chi bộ chỉ quyết định kỷ luật đảng viên của chính chi bộ mình',
  discipline_body_above_cell: 'cấp ủy, ủy ban kiểm tra là của đơn vị cấp trên chi bộ; chọn đúng đơn vị quyết định',
  discipline_body_not_yours: 'bạn chỉ ghi được quyết định của cơ quan thuộc phạm vi mình phụ trách',
  discipline_decided_future: 'ngày quyết định không được sau hôm nay ({today})',
  discipline_effective_before_decided: 'ngày có hiệu lực không được trước ngày quyết định ({decidedOn})',
  discipline_source_case: 'không phải cuộc kiểm tra của đơn vị quyết định về chính đảng viên này',
  discipline_decide_own: 'Quyết định kỷ luật về chính mình phải do đồng chí khác ghi.',
};

const en: Record<keyof typeof vi, string> = {
  discipline_form_unknown: 'no such discipline form in the rules in effect',
  discipline_form_probationary: 'under the rules in effect, "{form}" is not given to a probationary member',
  discipline_form_requires_post: '"{form}" applies only to a member who holds a post; this member holds none',
  discipline_form_not_for_body: 'under the rules in effect, the chosen deciding body does not decide "{form}"',
  discipline_member_outside_body: "the member is not in the deciding body's cell or party organisation",
  discipline_cell_body_own_members: 'a cell decides the discipline of its own members only',
  discipline_body_above_cell: 'the party committee and the inspection committee sit above the cell; choose the deciding unit accordingly',
  discipline_body_not_yours: 'you can only record decisions of a body within your responsibility',
  discipline_decided_future: 'the decision date cannot be after today ({today})',
  discipline_effective_before_decided: 'the effective date cannot be before the decision date ({decidedOn})',
  discipline_source_case: 'is not a case of the deciding unit about this member',
  discipline_decide_own: 'A discipline decision about yourself must be recorded by someone else.',
};

export const disciplineMessages: MessageArea<keyof typeof vi> = {
  vi,
  en,
  fieldLabels: {
    vi: {
      formCode: 'Hình thức kỷ luật',
      decidingUnitId: 'Đơn vị quyết định',
      decidingBody: 'Cơ quan quyết định',
      decisionNo: 'Số quyết định',
      decidedOn: 'Ngày quyết định',
      effectiveOn: 'Ngày có hiệu lực',
      sourceInspectionId: 'Cuộc kiểm tra',
    },
    en: {
      memberId: 'Member',
      formCode: 'Discipline form',
      decidingUnitId: 'Deciding unit',
      decidingBody: 'Deciding body',
      decisionNo: 'Decision number',
      decidedOn: 'Decision date',
      effectiveOn: 'Effective date',
      reason: 'Reason',
      sourceInspectionId: 'Case',
    },
  },
};
