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

/**
 * Trạng thái nhiệm vụ: open until the assigner closes it with an outcome — hoàn thành đúng hạn,
 * hoàn thành chậm, vượt yêu cầu (done on time and beyond what was asked), không hoàn thành.
 * These per-task outcomes are the evidence for 70 of the 100 rating points (QĐ 366).
 */
export const taskStatuses = ['open', 'on_time', 'late', 'exceeded', 'not_done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const taskOutcomes = ['on_time', 'late', 'exceeded', 'not_done'] as const;
export type TaskOutcome = (typeof taskOutcomes)[number];

/** Where a task came from: a meeting's conclusion, a committee directive, a commitment, or none. */
export const taskSources = ['meeting', 'directive', 'commitment', 'local_issue', 'inspection', 'standalone'] as const;
export type TaskSource = (typeof taskSources)[number];

export const taskPriorities = ['high', 'normal', 'low'] as const;
export type TaskPriority = (typeof taskPriorities)[number];

/**
 * Sections of the yearly pledge "bản cam kết tu dưỡng, rèn luyện, phấn đấu", plus the Chỉ thị 05
 * "làm theo" pledges; a cell's own targets sit under `duties`.
 */
export const commitmentSections = [
  'political_thought', // Về tư tưởng chính trị
  'ethics_lifestyle', // Về phẩm chất đạo đức, lối sống
  'discipline', // Về ý thức tổ chức kỷ luật
  'working_style', // Về tác phong, lề lối làm việc
  'duties', // Về thực hiện chức trách, nhiệm vụ được giao
  'fix_shortcomings', // Khắc phục hạn chế, khuyết điểm năm trước
  'congress_resolution', // Chương trình hành động thực hiện nghị quyết đại hội
  'directive_05', // Chỉ thị 05-CT/TW: việc "làm theo" gương Bác
] as const;
export type CommitmentSection = (typeof commitmentSections)[number];

/** Định lượng (indicator, target, unit, actual) or định tính (text and evidence). */
export const commitmentKinds = ['measurable', 'qualitative'] as const;
export type CommitmentKind = (typeof commitmentKinds)[number];

/** For a measurable target: is more better (households helped) or less (days late)? */
export const commitmentDirections = ['more', 'less'] as const;
export type CommitmentDirection = (typeof commitmentDirections)[number];

/** A commitment is made by a member or by a unit (a cell) to the party committee. */
export const commitmentSubjects = ['member', 'unit'] as const;
export type CommitmentSubject = (typeof commitmentSubjects)[number];

/** Year-end evaluation: đạt, vượt, không đạt. */
export const commitmentResults = ['achieved', 'exceeded', 'not_achieved'] as const;
export type CommitmentResult = (typeof commitmentResults)[number];

/** What a rubric criterion's pre-filled points are computed from (others are scored by the chair). */
export const rubricMeasures = ['attendance_rate', 'punctuality', 'tasks_named'] as const;
export type RubricMeasure = (typeof rubricMeasures)[number];

/** Which list of the self-examination checklist an item belongs to. */
export const checklistLists = [
  'manifestation', // 27 biểu hiện suy thoái (Nghị quyết 04-NQ/TW)
  'exemplary', // trách nhiệm nêu gương (Quy định 08-QĐi/TW)
] as const;
export type ChecklistList = (typeof checklistLists)[number];

/** A manifestation marked in a self-examination: không có, có nguy cơ, có biểu hiện. */
export const manifestationMarks = ['none', 'at_risk', 'present'] as const;
export type ManifestationMark = (typeof manifestationMarks)[number];

/** An exemplary-responsibility point: đã gương mẫu, còn hạn chế, chưa thực hiện. */
export const exemplaryMarks = ['good', 'limited', 'not_met'] as const;
export type ExemplaryMark = (typeof exemplaryMarks)[number];

/** Kỳ tự soi: a quarter, a year, or before a thematic meeting. */
export const selfExamPeriodKinds = ['quarter', 'year', 'thematic'] as const;
export type SelfExamPeriodKind = (typeof selfExamPeriodKinds)[number];

/** draft (the member writes, saved as they type) → submitted → reviewed by the cell committee. */
export const selfExamStatuses = ['draft', 'submitted', 'reviewed'] as const;
export type SelfExamStatus = (typeof selfExamStatuses)[number];

/** Nguyên nhân of a shortcoming: chủ quan, khách quan, or both. */
export const causeKinds = ['subjective', 'objective', 'both'] as const;
export type CauseKind = (typeof causeKinds)[number];

/** Where a correction-plan item came from (an inspection finding arrives with the inspection issue). */
export const planItemSources = ['self_examination', 'feedback', 'inspection', 'own'] as const;
export type PlanItemSource = (typeof planItemSources)[number];

/**
 * A correction-plan item: open → (the member reports it fixed) claimed → fixed, verified by the
 * cell committee; or returned by them with a comment, and the member goes on.
 */
export const planItemStatuses = ['open', 'claimed', 'fixed', 'returned'] as const;
export type PlanItemStatus = (typeof planItemStatuses)[number];

/**
 * Góp ý: member → member; upward, member → the cell committee or its secretary (about how the
 * cell is led; may be anonymous); the cell (its committee) → a member.
 */
export const feedbackDirections = ['member_to_member', 'upward', 'cell_to_member'] as const;
export type FeedbackDirection = (typeof feedbackDirections)[number];

/** Topics of feedback (tác phong lề lối, phát ngôn, thái độ ứng xử, nêu gương, thực hiện nhiệm vụ, lãnh đạo của chi ủy, khác). */
export const feedbackTopics = ['working_style', 'speech', 'behaviour', 'setting_example', 'task_performance', 'cell_leadership', 'other'] as const;
export type FeedbackTopic = (typeof feedbackTopics)[number];

/** open (awaiting the receiver's answer) → accepted (a correction-plan item follows) or explained. */
export const feedbackStatuses = ['open', 'accepted', 'explained'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

/**
 * Trạng thái vấn đề tồn tại: mới ghi nhận → đang giải quyết → đã giải quyết / chưa thể giải quyết
 * (with the reason). A resolved or unresolvable issue may be reopened (in progress again).
 */
export const localIssueStatuses = ['new', 'in_progress', 'resolved', 'unresolvable'] as const;
export type LocalIssueStatus = (typeof localIssueStatuses)[number];

/** The people's word on a resolution: đồng ý (confirm) or chưa đồng ý (dispute). */
export const confirmationDecisions = ['confirm', 'dispute'] as const;
export type ConfirmationDecision = (typeof confirmationDecisions)[number];

/**
 * Ý kiến người dân: mới nhận → đang xử lý (linked to an issue or routed to a cell) → đã trả lời →
 * đã đóng (closed without an answer: spam, duplicate, outside the commune's remit).
 */
export const citizenFeedbackStatuses = ['new', 'in_progress', 'answered', 'closed'] as const;
export type CitizenFeedbackStatus = (typeof citizenFeedbackStatuses)[number];

/** Kinds of inspection and supervision work, by family (the kinds themselves are reference data). */
export const inspectionFamilies = ['supervision', 'inspection', 'denunciation', 'appeal'] as const;
export type InspectionFamily = (typeof inspectionFamilies)[number];

/** Who a case or a programme item is about: a member, or a unit (a cell). */
export const subjectKinds = ['member', 'unit'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

/** The rows of an inspection rule set. */
export const ruleItemTypes = ['kind', 'step', 'discipline_form', 'holidays'] as const;
export type RuleItemType = (typeof ruleItemTypes)[number];

/** Whose programme or case: the party committee's, its inspection committee's (UBKT), or a cell's. */
export const inspectionBodies = ['party_committee', 'inspection_committee', 'cell'] as const;
export type InspectionBody = (typeof inspectionBodies)[number];

/** Chương trình: drafted, then adopted (audited); items become cases when started. */
export const programmeStatuses = ['draft', 'adopted'] as const;

/** Where a programme item stands. */
export const programmeItemStates = ['planned', 'in_progress', 'concluded', 'late'] as const;
export type ProgrammeItemStateName = (typeof programmeItemStates)[number];

/** A case: open → concluded (notice of conclusion issued) → closed (every recommendation fixed). */
export const inspectionStatuses = ['open', 'concluded', 'closed'] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];

/** Kiến nghị: open → reported (the subject says fixed) → fixed (verified), or returned. */
export const recommendationStatuses = ['open', 'reported', 'fixed', 'returned'] as const;
export type RecommendationStatusName = (typeof recommendationStatuses)[number];

/** The verdict on a denunciation or an appeal: đúng, đúng một phần, sai (không có cơ sở). */
export const inspectionVerdicts = ['founded', 'partly_founded', 'unfounded'] as const;
export type InspectionVerdict = (typeof inspectionVerdicts)[number];

/** The records a case's verification may link to as evidence. */
export const evidenceRecordTypes = ['meeting', 'task', 'commitment', 'self_examination', 'correction_plan'] as const;
export type EvidenceRecordType = (typeof evidenceRecordTypes)[number];
