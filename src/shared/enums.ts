/**
 * Closed lists shared by the server's zod schemas and the web app. Plain constants, no zod,
 * so the browser bundle can import them without pulling the validation library in.
 */

/** Kinds of unit in the organisation tree. Depth is free: never assume three levels. */
export const unitKinds = [
  'province', // Tỉnh ủy / Thành ủy
  'commune', // Đảng bộ xã, phường (tổ chức cơ sở đảng)
  'intermediate', // Đảng bộ bộ phận or any other intermediate level
  'cell', // Chi bộ
  'mass_org', // Chi hội, chi đoàn, ban công tác mặt trận — receives tasks from a cell
] as const;
export type UnitKind = (typeof unitKinds)[number];

/** Trạng thái đảng viên: chính thức, dự bị, miễn sinh hoạt. */
export const memberStatuses = ['official', 'probationary', 'exempt'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

export const genders = ['male', 'female', 'other'] as const;
export type Gender = (typeof genders)[number];
