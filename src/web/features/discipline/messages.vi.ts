/**
 * Vietnamese words of the discipline records (key prefix `discipline.`). Not part of the first
 * screen's bundle: messages.ts registers them when the member page's discipline section loads.
 */
export const disciplineVi = {
  title: 'Kỷ luật',
  none: 'Chưa có quyết định kỷ luật nào.',
  listLabel: 'Các quyết định kỷ luật, mới nhất trước',
  body: {
    cell: 'Chi bộ',
    party_committee: 'Cấp ủy',
    inspection_committee: 'Ủy ban kiểm tra',
  },
  decidedBy: 'Cơ quan quyết định',
  decisionNo: 'Số quyết định',
  decidedOn: 'Ngày quyết định',
  effectiveOn: 'Ngày có hiệu lực',
  reason: 'Lý do',
  statusThen: 'Khi quyết định',
  probationaryThen: 'Đảng viên dự bị',
  source: 'Cuộc kiểm tra',
  sourceLink: 'Xem cuộc kiểm tra',
  record: 'Ghi quyết định kỷ luật',
  form: {
    title: 'Ghi quyết định kỷ luật — {{name}}',
    intro: 'Chỉ hiện các hình thức mà cơ quan đã chọn được quyết định với đồng chí này theo quy định đang áp dụng.',
    decidingBody: 'Cơ quan quyết định',
    formCode: 'Hình thức kỷ luật',
    unconfirmed: 'Quy định về hình thức này chưa được đối chiếu văn bản chính thức.',
    decisionNo: 'Số quyết định',
    decisionNoHint: 'Ví dụ: 12-QĐ/UBKT (không bắt buộc).',
    decidedOn: 'Ngày quyết định',
    effectiveOn: 'Ngày có hiệu lực',
    reason: 'Lý do kỷ luật',
    reasonHint: 'Nội dung vi phạm như quyết định ghi.',
    submit: 'Ghi quyết định',
    done: 'Đã ghi quyết định kỷ luật.',
  },
};
