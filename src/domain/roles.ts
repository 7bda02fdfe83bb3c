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

/** Vietnamese names of the roles, for the CLI and server messages (the web app has its own catalogue). */
export const roleNamesVi: Record<Role, string> = {
  member: 'Đảng viên',
  cell_committee: 'Chi ủy viên',
  cell_secretary: 'Bí thư chi bộ',
  party_committee: 'Đảng ủy',
  inspection: 'Ủy ban Kiểm tra',
  office: 'Văn phòng',
};
