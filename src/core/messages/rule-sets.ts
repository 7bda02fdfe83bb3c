import type { MessageArea } from '../messages.js';

/** Server messages for the versioned rule sets (bộ quy định có phiên bản) and the rating rules of QĐ 366. */
const vi = {
  rule_set_version_retired: 'Bộ quy định này đã có phiên bản mới; hãy sửa trên phiên bản hiện hành.',
  rule_set_item_confirmed: 'Quy định này đã được xác nhận đối chiếu.',
  rule_set_no_change: 'nội dung không thay đổi so với phiên bản hiện hành',
  rating_rule_field_not_for_type: 'không áp dụng cho loại quy định này',
  rating_rule_min_score_order: 'các mức xếp loại có điểm tối thiểu giảm dần: phải lớn hơn {below} và nhỏ hơn {above}',
  rating_rule_over_score_max: 'không được lớn hơn tổng điểm tối đa của khung điểm ({max})',
  rating_rule_unknown_group: 'không phải một nhóm tiêu chí của khung điểm',
  rating_rule_unknown_criterion: 'không phải một tiêu chí của khung điểm',
  rating_rule_group_sum: 'tổng điểm tối đa các nhóm ({sum}) phải bằng tổng điểm của khung ({max})',
  rating_rule_criterion_over_group: 'điểm tối đa của tiêu chí không được lớn hơn điểm tối đa của nhóm ({max})',
  rating_rule_group_below_criterion: 'nhỏ hơn điểm tối đa của tiêu chí "{criterion}" ({max}) trong nhóm',
  rating_rule_unknown_level: 'không phải một mức xếp loại của bộ quy định',
};

const en: Record<keyof typeof vi, string> = {
  rule_set_version_retired: 'These rules have a newer version; edit the current one.',
  rule_set_item_confirmed: 'This rule is already confirmed.',
  rule_set_no_change: 'nothing differs from the current version',
  rating_rule_field_not_for_type: 'does not apply to this kind of rule',
  rating_rule_min_score_order: 'the levels’ minimum scores go down: it must be above {below} and below {above}',
  rating_rule_over_score_max: 'cannot be more than the framework’s total ({max})',
  rating_rule_unknown_group: 'is not a group of the framework',
  rating_rule_unknown_criterion: 'is not a criterion of the framework',
  rating_rule_group_sum: 'the groups’ maxima add up to {sum}; they must add up to the framework’s total ({max})',
  rating_rule_criterion_over_group: 'a criterion’s maximum cannot exceed its group’s ({max})',
  rating_rule_group_below_criterion: 'is below the maximum of the criterion "{criterion}" ({max}) in the group',
  rating_rule_unknown_level: 'is not a level of these rules',
};

export const ruleSetMessages: MessageArea<keyof typeof vi> = {
  vi,
  en,
  fieldLabels: {
    vi: {
      minScore: 'Điểm tối thiểu',
      individual: 'Điều kiện với cá nhân',
      collective: 'Điều kiện với tập thể',
      minExceededShare: 'Tỷ lệ nhiệm vụ vượt mức tối thiểu',
      maxLateShare: 'Tỷ lệ nhiệm vụ chậm tối đa',
      groupMax: 'Điểm tối đa của nhóm',
      criterionMax: 'Điểm tối đa của tiêu chí',
      percentOfGood: 'Tỷ lệ so với số Hoàn thành tốt (%)',
      majority: 'Tỷ lệ tán thành cần vượt',
      cumulative: 'Cộng dồn phiếu mức cao hơn',
      capsAt: 'Mức cao nhất còn được xếp',
    },
    en: {
      minScore: 'Minimum score',
      individual: 'Conditions for an individual',
      collective: 'Conditions for a collective',
      minExceededShare: 'Least share of tasks exceeded',
      maxLateShare: 'Most share of tasks late',
      groupMax: "Group's maximum",
      criterionMax: "Criterion's maximum",
      percentOfGood: 'Share of those rated good (%)',
      majority: 'Majority to exceed',
      cumulative: 'Votes for a better level count',
      capsAt: 'Best level still possible',
    },
  },
};
