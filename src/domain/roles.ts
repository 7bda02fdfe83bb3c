/**
 * Roles a person may hold over a unit and its whole subtree (DESIGN.md §1).
 * A role assignment is (account, role, unit).
 */
export const roles = [
  'member', // đảng viên
  'cell_committee', // chi ủy viên
  'cell_secretary', // bí thư / phó bí thư chi bộ
  'party_committee', // đảng ủy viên, thường trực
  'inspection', // ủy ban kiểm tra (UBKT)
  'office', // văn phòng / quản trị
] as const;
export type Role = (typeof roles)[number];
