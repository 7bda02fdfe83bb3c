import type { MessageArea } from '../messages.js';

/** Server messages for inspection and supervision (kiểm tra, giám sát) and discipline (kỷ luật). */
const vi = {
  inspection_rules_version_retired: 'Quy định này đã có phiên bản mới; hãy sửa trên phiên bản hiện hành.',
  inspection_rules_not_kept: 'đơn vị này không giữ bộ quy định riêng; hãy sửa ở đơn vị cấp trên giữ quy định',
  inspection_rule_confirmed: 'Quy định này đã được xác nhận đối chiếu.',
  inspection_rule_no_change: 'nội dung không thay đổi so với phiên bản hiện hành',
  inspection_rule_field_not_for_type: 'không áp dụng cho loại quy định này',
  inspection_rule_unknown_step: 'không phải một bước của loại việc này',
  inspection_rule_no_limit: 'loại việc này không có thời hạn chung (từ bước nào đến bước nào) để sửa',
  inspection_rule_day_outside_year: 'ngày phải thuộc năm {year}',
  inspection_rule_year_exists: 'đã có lịch nghỉ năm {year}; hãy sửa lịch đó',
};

const en: Record<keyof typeof vi, string> = {
  inspection_rules_version_retired: 'These rules have a newer version; edit the current one.',
  inspection_rules_not_kept: 'this unit keeps no rules of its own; edit them at the unit above that keeps them',
  inspection_rule_confirmed: 'This rule is already confirmed.',
  inspection_rule_no_change: 'nothing differs from the current version',
  inspection_rule_field_not_for_type: 'does not apply to this kind of rule',
  inspection_rule_unknown_step: 'is not a step of this kind of work',
  inspection_rule_no_limit: 'this kind has no overall time limit (from one step to another) to edit',
  inspection_rule_day_outside_year: 'the day must fall in {year}',
  inspection_rule_year_exists: 'the holidays of {year} are already there; edit them instead',
};

export const inspectionMessages: MessageArea<keyof typeof vi> = {
  vi,
  en,
  fieldLabels: {
    vi: {
      stepDays: 'Số ngày làm việc của bước',
      limitWorkingDays: 'Thời hạn (ngày làm việc)',
      extensionWorkingDays: 'Gia hạn (ngày làm việc)',
      probationaryAllowed: 'Áp dụng với đảng viên dự bị',
      daysOff: 'Ngày nghỉ',
      workingWeekendDays: 'Ngày làm bù',
      year: 'Năm',
    },
    en: {
      stepDays: 'Working days of the step',
      limitWorkingDays: 'Time limit (working days)',
      extensionWorkingDays: 'Extension (working days)',
      probationaryAllowed: 'Applies to probationary members',
      daysOff: 'Days off',
      workingWeekendDays: 'Working weekend days',
      year: 'Year',
    },
  },
};
