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

/** Sinh hoạt thường kỳ (monthly) or chuyên đề (thematic, with a topic). */
export const meetingKinds = ['regular', 'thematic'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** planned → held → approved (minutes signed and locked; a correction reopens it, audited). */
export const meetingStatuses = ['planned', 'held', 'approved'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/**
 * One participant's attendance. `pending` = not recorded yet. Lateness is not a status: a
 * present participant is late when their arrival is after the start plus the grace period.
 */
export const attendanceStatuses = ['pending', 'present', 'excused', 'absent', 'exempt'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** When an excused absence was reported: before the meeting (báo trước) or after (báo sau). */
export const absenceReported = ['before', 'after'] as const;

/** A participant is a member of the cell, or a guest invited from the commune committee. */
export const participantRoles = ['member', 'guest'] as const;

/** Kết quả một nội dung: thông tin, kết luận / nghị quyết, nhiệm vụ giao. */
export const outcomeKinds = ['information', 'decision', 'task'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

/** Minimal task states; the tasks issue adds the graded outcomes. */
export const taskStatuses = ['open', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** What a rubric criterion's pre-filled points are computed from (others are scored by the chair). */
export const rubricMeasures = ['attendance_rate', 'punctuality', 'tasks_named'] as const;
export type RubricMeasure = (typeof rubricMeasures)[number];
