import type { Generated } from 'kysely';

/**
 * Table types. Conventions shared by both dialects:
 * - ids are UUID v7 strings (time-ordered, mergeable across communes);
 * - times are ISO-8601 UTC strings (`2026-11-28T04:24:42.000Z`), dates `yyyy-mm-dd`;
 * - "flags" are nullable timestamps (`archived_at`) rather than booleans;
 * - every row carries the unit it belongs to, so data can be partitioned by province.
 */
export interface UnitTable {
  id: string;
  parent_id: string | null;
  /** Materialised path of ids, `/root/…/self/`, for subtree queries by prefix. */
  path: string;
  depth: number;
  kind: string;
  name: string;
  /** foldVietnamese(name): lets "dong thu" find the members of Chi bộ thôn Đồng Thứ. */
  search_name: string;
  code: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  /** The residential area (thôn, tổ dân phố) the unit stands for; the public form lists these as villages. */
  village_name: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberTable {
  id: string;
  unit_id: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  full_name: string;
  /** foldVietnamese(full name + card number): diacritic-free search text. */
  search_text: string;
  /** vietnameseSortKey(): byte order = Vietnamese name order. */
  sort_key: string;
  gender: string | null;
  birth_year: number | null;
  card_number: string | null;
  joined_on: string | null;
  official_on: string | null;
  status: string;
  phone: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccountTable {
  id: string;
  /** The unit that manages this account (its office decides on it). */
  unit_id: string;
  username: string;
  password_hash: string;
  display_name: string;
  member_id: string | null;
  locale: string;
  must_change_password: number;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentTable {
  id: string;
  account_id: string;
  role: string;
  unit_id: string;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token: a leaked table does not give working cookies. */
  id: string;
  account_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface LoginFailureTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
}

export interface AuditLogTable {
  /** Gap-free sequence: a deleted row breaks the chain visibly. */
  seq: number;
  at: string;
  actor_account_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  unit_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** A meeting-quality rubric loaded from a province's form (criteria, points, level thresholds). */
export interface MeetingRubricTable {
  id: string;
  /** The committee that loaded it; its cells' meetings are scored on it. */
  unit_id: string;
  kind: string;
  name: string;
  /** Where the form came from (a file, a decision number): kept as the reference data's provenance. */
  source: string;
  /** 1 once someone checked the form against the official text; the sample ships unverified. */
  verified: number;
  criteria_json: string;
  levels_json: string;
  /** Replaced by a newer form; meetings already scored keep pointing at it. */
  retired_at: string | null;
  created_at: string;
}

/** Sinh hoạt chi bộ — one meeting of a cell. */
export interface MeetingTable {
  id: string;
  unit_id: string;
  kind: string;
  topic: string | null;
  /** Local calendar date, yyyy-mm-dd. */
  meeting_date: string;
  /** Scheduled local start, HH:MM. */
  start_time: string;
  /** The same start as a UTC instant: lateness is measured against it. */
  starts_at: string;
  grace_minutes: number;
  place: string;
  chair_member_id: string | null;
  secretary_member_id: string | null;
  status: string;
  rubric_id: string | null;
  score_total: number | null;
  score_level: string | null;
  /** 0 until the minutes are first approved; each later approval (a correction) adds one. */
  minutes_version: number;
  /** Attendance tally of the cell's members (AttendanceCounts), kept in step with the participants. */
  att_expected: number;
  att_present: number;
  att_on_time: number;
  att_late: number;
  att_excused: number;
  att_absent: number;
  att_exempt: number;
  att_pending: number;
  att_late_minutes: number;
  approved_at: string | null;
  approved_by_account_id: string | null;
  created_at: string;
  updated_at: string;
}

/** One expected participant and their attendance. */
export interface MeetingParticipantTable {
  id: string;
  meeting_id: string;
  unit_id: string;
  member_id: string;
  role: string;
  status: string;
  /** UTC instant of arrival, for present participants. */
  arrived_at: string | null;
  /** Derived from arrival vs start and grace; stored so reports aggregate in SQL. */
  late_minutes: number | null;
  reason: string | null;
  reported: string | null;
  updated_at: string;
}

export interface MeetingAgendaItemTable {
  id: string;
  meeting_id: string;
  unit_id: string;
  position: number;
  title: string;
  presenter_member_id: string | null;
  planned_minutes: number | null;
  minutes_text: string;
}

export interface MeetingOutcomeTable {
  id: string;
  meeting_id: string;
  unit_id: string;
  agenda_item_id: string;
  position: number;
  kind: string;
  text: string;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  task_id: string | null;
  created_at: string;
}

/** Nhiệm vụ — the minimal task record (one owner, a deadline, open/done); the tasks issue extends it. */
/** Nhiệm vụ — see migration 0003: exactly one owner, a member or a unit (a mass organisation). */
export interface TaskTable {
  id: string;
  /** The assigning unit (a cell, or the commune for the committee's own tasks). */
  unit_id: string;
  /** Rõ việc: what to do. */
  title: string;
  /** Rõ trách nhiệm: what counts as done. Null only on tasks recorded before it was required. */
  deliverable: string | null;
  owner_member_id: string | null;
  owner_unit_id: string | null;
  deadline: string;
  priority: string;
  /** open, or the outcome it was closed with (on_time, late, exceeded, not_done). */
  status: string;
  source_kind: string;
  source_meeting_id: string | null;
  source_directive_id: string | null;
  source_commitment_id: string | null;
  /** An action on a local issue (vấn đề tồn tại). */
  source_local_issue_id: string | null;
  /** A recommendation of an inspection or supervision (kiến nghị). */
  source_inspection_id: string | null;
  /** Hand-down to a mass organisation: when the cell received the job, when it passed it on. */
  received_on: string | null;
  handed_down_on: string | null;
  /** Percent of the latest progress report. */
  progress_percent: number;
  /** When the work was finished (the owner's 100% report, or as the assigner judged it). */
  completed_on: string | null;
  closed_on: string | null;
  close_comment: string | null;
  closed_by_account_id: string | null;
  created_by_account_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface TaskCoworkerTable {
  task_id: string;
  member_id: string;
  unit_id: string;
}

export interface TaskProgressTable {
  id: string;
  task_id: string;
  unit_id: string;
  author_account_id: string | null;
  author_member_id: string | null;
  text: string;
  percent: number;
  attachment_id: string | null;
  created_at: string;
}

/** An uploaded file (≤ 10 MB), kept in the database so every server instance can serve it. */
export interface AttachmentTable {
  id: string;
  unit_id: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  created_by_account_id: string | null;
  created_at: string;
}

/** Chỉ đạo — a committee's directive to one, several or all cells below it. */
export interface DirectiveTable {
  id: string;
  unit_id: string;
  title: string;
  body: string;
  issued_on: string;
  deadline: string;
  created_by_account_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DirectiveTargetTable {
  directive_id: string;
  unit_id: string;
  acknowledged_at: string | null;
  acknowledged_by_account_id: string | null;
  acknowledgement_note: string | null;
}

/** Chỉ tiêu cam kết — a yearly target a member or a cell commits to before the party committee. */
export interface CommitmentTable {
  id: string;
  unit_id: string;
  subject_kind: string;
  member_id: string | null;
  year: number;
  section: string;
  position: number;
  kind: string;
  title: string;
  target_value: number | null;
  measure_unit: string | null;
  direction: string | null;
  actual_value: number | null;
  evidence: string | null;
  confirmed_at: string | null;
  confirmed_by_account_id: string | null;
  result: string | null;
  result_percent: number | null;
  evaluation_note: string | null;
  early_evaluation_reason: string | null;
  evaluated_at: string | null;
  evaluated_by_account_id: string | null;
  created_by_account_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface CommitmentProgressTable {
  id: string;
  commitment_id: string;
  unit_id: string;
  author_account_id: string | null;
  note: string;
  value: number | null;
  created_at: string;
}

export interface MeetingReviewedTaskTable {
  meeting_id: string;
  task_id: string;
  unit_id: string;
}

export interface MeetingScoreTable {
  meeting_id: string;
  criterion_code: string;
  unit_id: string;
  points: number;
  note: string | null;
}

/** A locked copy of approved minutes; a correction reopens the meeting and approves a new version. */
export interface MeetingMinutesVersionTable {
  id: string;
  meeting_id: string;
  unit_id: string;
  version: number;
  snapshot_json: string;
  approved_at: string;
  approved_by_account_id: string | null;
  reopened_at: string | null;
  reopened_by_account_id: string | null;
  reopen_reason: string | null;
}

/** One version of a committee's self-examination checklist (a whole snapshot; edits make a new one). */
export interface ChecklistVersionTable {
  id: string;
  unit_id: string;
  version: number;
  source: string;
  note: string;
  retired_at: string | null;
  created_by_account_id: string | null;
  created_at: string;
}

/** One item of a checklist version: a manifestation (NQ 04) or an exemplary-responsibility point (QĐ 08). */
export interface ChecklistItemTable {
  id: string;
  version_id: string;
  unit_id: string;
  list: string;
  /** Stable across versions (CT1, DB9, NG3). */
  code: string;
  group_code: string;
  group_name: string;
  grave: number;
  position: number;
  title: string;
  text: string | null;
  text_source: string | null;
  confirmed_at: string | null;
  confirmed_by_account_id: string | null;
}

/** Tự soi — a member's self-examination of one period against one checklist version. */
export interface SelfExaminationTable {
  id: string;
  unit_id: string;
  member_id: string;
  checklist_version_id: string;
  period_kind: string;
  year: number;
  quarter: number | null;
  meeting_id: string | null;
  period_key: string;
  status: string;
  strengths: string;
  shortcomings_json: string;
  followups_json: string;
  revision: number;
  submitted_at: string | null;
  reviewed_at: string | null;
  reviewed_by_account_id: string | null;
  review_comment: string | null;
  created_at: string;
  updated_at: string;
}

export interface SelfExaminationAnswerTable {
  self_examination_id: string;
  item_id: string;
  unit_id: string;
  mark: string;
  note: string | null;
}

/** Góp ý — feedback between members, upward to the cell committee, or from the cell to a member. */
export interface FeedbackTable {
  id: string;
  unit_id: string;
  direction: string;
  /** Null when anonymous (no link to the author is kept anywhere) or given by the cell. */
  giver_member_id: string | null;
  receiver_member_id: string | null;
  anonymous: number;
  topic: string;
  text: string;
  meeting_id: string | null;
  manifestation_item_id: string | null;
  grave: number;
  status: string;
  answer_text: string | null;
  answered_at: string | null;
  answered_by_member_id: string | null;
  given_on: string;
  created_at: string;
  updated_at: string;
}

/** Kế hoạch tự sửa — a member's correction plan of a year. */
export interface CorrectionPlanTable {
  id: string;
  unit_id: string;
  member_id: string;
  year: number;
  created_at: string;
  updated_at: string;
}

/** shortcoming → action → deadline → how success is judged, with where it came from. */
export interface CorrectionPlanItemTable {
  id: string;
  plan_id: string;
  unit_id: string;
  member_id: string;
  position: number;
  shortcoming: string;
  action: string;
  deadline: string;
  success_criteria: string;
  source_kind: string;
  source_self_examination_id: string | null;
  source_feedback_id: string | null;
  source_inspection_id: string | null;
  status: string;
  claimed_on: string | null;
  verified_on: string | null;
  verified_by_account_id: string | null;
  verification_comment: string | null;
  created_by_account_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface CorrectionPlanProgressTable {
  id: string;
  item_id: string;
  unit_id: string;
  author_account_id: string | null;
  kind: string;
  note: string;
  created_at: string;
}

/** Loại vấn đề tồn tại — reference data kept by the root committee. */
export interface LocalIssueCategoryTable {
  id: string;
  unit_id: string;
  code: string;
  name: string;
  example: string | null;
  source: string;
  position: number;
  created_by_account_id: string | null;
  created_at: string;
}

/** Vấn đề tồn tại, nổi cộm — an outstanding local problem on the committee's list. */
export interface LocalIssueTable {
  id: string;
  unit_id: string;
  category_code: string;
  title: string;
  description: string;
  village_unit_id: string | null;
  area_name: string | null;
  latitude: number | null;
  longitude: number | null;
  since_year: number | null;
  since_before: number;
  households_affected: number | null;
  responsible_unit_id: string | null;
  responsible_member_id: string | null;
  deadline: string | null;
  /** new → in_progress → resolved / unresolvable. */
  status: string;
  status_reason: string | null;
  resolution_summary: string | null;
  resolved_on: string | null;
  resolution_round: number;
  public: number;
  search_text: string;
  created_by_account_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface LocalIssueStatusChangeTable {
  id: string;
  issue_id: string;
  unit_id: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  actor_account_id: string | null;
  created_at: string;
}

/** Ý kiến người dân — a citizen's message through the public form. */
export interface CitizenFeedbackTable {
  id: string;
  unit_id: string;
  village_unit_id: string;
  name: string;
  phone: string | null;
  email: string | null;
  consent_contact: number;
  topic: string;
  content: string;
  /** new → in_progress (linked, routed) → answered → closed. */
  status: string;
  local_issue_id: string | null;
  routed_unit_id: string | null;
  answer_text: string | null;
  answered_at: string | null;
  answered_by_account_id: string | null;
  close_reason: string | null;
  closed_at: string | null;
  duplicate_count: number;
  contact_hash: string;
  content_hash: string;
  created_at: string;
  updated_at: string;
}

export interface CitizenFeedbackCodeTable {
  code_hash: string;
  feedback_id: string;
  unit_id: string;
  created_at: string;
}

/** Sự đồng thuận của nhân dân — a citizen's or the village cell's word on a resolution. */
export interface LocalIssueConfirmationTable {
  id: string;
  issue_id: string;
  unit_id: string;
  round: number;
  /** confirm | dispute */
  decision: string;
  comment: string | null;
  citizen_feedback_id: string | null;
  cell_unit_id: string | null;
  account_id: string | null;
  created_at: string;
}

export interface PublicSubmissionTable {
  id: string;
  ip_hash: string;
  contact_hash: string | null;
  created_at: string;
}

export interface AppSecretTable {
  name: string;
  value: string;
  created_at: string;
}

/** A version of the inspection rules (Quy định 296-QĐ/TW) kept by a committee. */
export interface InspectionRuleVersionTable {
  id: string;
  unit_id: string;
  version: number;
  source: string;
  note: string;
  retired_at: string | null;
  created_by_account_id: string | null;
  created_at: string;
}

/** One rule of a version: a kind of work, a step, a discipline form, or a year's public holidays. */
export interface InspectionRuleItemTable {
  id: string;
  version_id: string;
  unit_id: string;
  item_type: string;
  code: string;
  name: string;
  position: number;
  data_json: string;
  source: string | null;
  confirmed_at: string | null;
  confirmed_by_account_id: string | null;
}

/** Chương trình kiểm tra, giám sát năm — of the party committee, the UBKT or a cell. */
export interface InspectionProgrammeTable {
  id: string;
  unit_id: string;
  body: string;
  year: number;
  title: string;
  status: string;
  adopted_on: string | null;
  adopted_by_account_id: string | null;
  created_by_account_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface InspectionProgrammeItemTable {
  id: string;
  programme_id: string;
  unit_id: string;
  position: number;
  kind_code: string;
  subject_unit_id: string;
  subject_member_id: string | null;
  content: string;
  review_from: string;
  review_to: string;
  planned_start: string;
  planned_end: string;
  lead_member_id: string | null;
  /** Member ids of the team (tổ kiểm tra, giám sát), JSON. */
  team_json: string;
  created_at: string;
}

/** Cuộc kiểm tra / giám sát — a case, also a denunciation or an appeal being handled. */
export interface InspectionTable {
  id: string;
  unit_id: string;
  body: string;
  kind_code: string;
  rule_version_id: string;
  programme_item_id: string | null;
  origin_inspection_id: string | null;
  subject_unit_id: string;
  subject_member_id: string | null;
  year: number;
  title: string;
  content: string;
  review_from: string;
  review_to: string;
  decision_no: string | null;
  decided_on: string;
  lead_member_id: string | null;
  team_json: string;
  status: string;
  notified_on: string | null;
  extension_working_days: number;
  extension_reason: string | null;
  received_on: string | null;
  complainant_name: string | null;
  complainant_contact: string | null;
  source_citizen_feedback_id: string | null;
  source_discipline_id: string | null;
  verdict: string | null;
  created_by_account_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface InspectionStepTable {
  id: string;
  inspection_id: string;
  unit_id: string;
  step_code: string;
  done_on: string;
  note: string;
  document_no: string | null;
  subject_comments: string | null;
  attachment_id: string | null;
  created_by_account_id: string | null;
  created_at: string;
}

/** A link from a step's notes to one of the subject's records (chứng cứ). */
export interface InspectionEvidenceTable {
  id: string;
  inspection_id: string;
  step_id: string;
  unit_id: string;
  record_type: string;
  record_id: string;
  label: string;
  note: string | null;
}

/** Thông báo kết luận. */
export interface InspectionConclusionTable {
  inspection_id: string;
  unit_id: string;
  concluded_on: string;
  document_no: string | null;
  strengths: string;
  shortcomings: string;
  violations: string | null;
  causes: string;
  responsibility: string | null;
  signs_of_violation: number;
  created_by_account_id: string | null;
  created_at: string;
}

/** Kiến nghị — followed up as a correction item (member) or a task (cell). */
export interface InspectionRecommendationTable {
  id: string;
  inspection_id: string;
  unit_id: string;
  position: number;
  text: string;
  deadline: string;
  plan_item_id: string | null;
  task_id: string | null;
  status: string;
  reported_on: string | null;
  report_note: string | null;
  verified_on: string | null;
  verified_by_account_id: string | null;
  verification_comment: string | null;
  created_at: string;
  updated_at: string;
}

/** A version of a rule set kept as data (the rating's, QĐ 366): a whole snapshot of its items. */
export interface RuleSetVersionTable {
  id: string;
  set_code: string;
  unit_id: string;
  version: number;
  source: string;
  note: string;
  retired_at: string | null;
  created_by_account_id: string | null;
  created_at: string;
}

export interface RuleSetItemTable {
  id: string;
  version_id: string;
  unit_id: string;
  item_type: string;
  code: string;
  name: string;
  position: number;
  data_json: string;
  source: string | null;
  confirmed_at: string | null;
  confirmed_by_account_id: string | null;
}

/** Đợt kiểm điểm, đánh giá, xếp loại — a year or a quarter of one grassroots organisation. */
export interface ReviewPeriodTable {
  id: string;
  unit_id: string;
  kind: string;
  year: number;
  quarter: number | null;
  period_key: string;
  title: string;
  rules_version_id: string;
  steps_json: string;
  status: string;
  created_by_account_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Bản kiểm điểm — a member's (Mẫu 2A/2B/2C) or a cell's as a collective (Mẫu 01). */
export interface ReviewTable {
  id: string;
  period_id: string;
  unit_id: string;
  subject_kind: string;
  member_id: string | null;
  subject_key: string;
  form_code: string;
  status: string;
  strengths: string;
  shortcomings: string;
  causes: string;
  previous_fixes: string;
  remedies: string;
  points_json: string;
  self_level: string | null;
  self_level_reason: string | null;
  revision: number;
  evidence_json: string | null;
  rule_basis_json: string | null;
  submitted_at: string | null;
  cell_comments: string | null;
  vote_counts_json: string | null;
  vote_denominator: number | null;
  vote_level: string | null;
  proposed_level: string | null;
  proposal_note: string | null;
  proposed_by_account_id: string | null;
  proposed_at: string | null;
  /** The triggers marked by hand (suy thoái, điều đảng viên không được làm, …) with their basis: JSON list. */
  marked_triggers_json: string;
  created_at: string;
  updated_at: string;
}

/** Hội nghị kiểm điểm of a cell, linked to its meeting, with its secret ballot's state. */
export interface ReviewMeetingTable {
  id: string;
  period_id: string;
  unit_id: string;
  meeting_id: string;
  vote_mode: string;
  ballot_status: string;
  denominator: number | null;
  opened_by_account_id: string | null;
  opened_at: string | null;
  closed_by_account_id: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Who has voted in a secret ballot — no time, no choice. */
export interface ReviewBallotVoterTable {
  review_meeting_id: string;
  member_id: string;
  unit_id: string;
}

/** Running counts of a secret ballot per level ('' = blank) — no voter, no time. */
export interface ReviewBallotCountTable {
  review_id: string;
  unit_id: string;
  level_code: string;
  count: number;
}

/** Quyết định xếp loại — a new version for each change, with its reason. */
export interface ReviewDecisionTable {
  id: string;
  review_id: string;
  period_id: string;
  unit_id: string;
  version: number;
  level_code: string;
  reason: string | null;
  over_quota_reason: string | null;
  decided_by_account_id: string | null;
  decided_at: string;
}

/** Quyết định kỷ luật — khiển trách, cảnh cáo, cách chức, khai trừ. */
export interface DisciplineDecisionTable {
  id: string;
  unit_id: string;
  member_id: string;
  form_code: string;
  form_name: string;
  rule_version_id: string;
  deciding_unit_id: string;
  deciding_body: string;
  decision_no: string | null;
  decided_on: string;
  effective_on: string;
  reason: string;
  source_inspection_id: string | null;
  member_status: string;
  created_by_account_id: string | null;
  created_at: string;
}

export interface Database {
  units: UnitTable;
  members: MemberTable;
  accounts: AccountTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  audit_log: AuditLogTable;
  meeting_rubrics: MeetingRubricTable;
  meetings: MeetingTable;
  meeting_participants: MeetingParticipantTable;
  meeting_agenda_items: MeetingAgendaItemTable;
  meeting_outcomes: MeetingOutcomeTable;
  tasks: TaskTable;
  meeting_reviewed_tasks: MeetingReviewedTaskTable;
  meeting_scores: MeetingScoreTable;
  meeting_minutes_versions: MeetingMinutesVersionTable;
  task_coworkers: TaskCoworkerTable;
  task_progress: TaskProgressTable;
  attachments: AttachmentTable;
  directives: DirectiveTable;
  directive_targets: DirectiveTargetTable;
  commitments: CommitmentTable;
  commitment_progress: CommitmentProgressTable;
  checklist_versions: ChecklistVersionTable;
  checklist_items: ChecklistItemTable;
  self_examinations: SelfExaminationTable;
  self_examination_answers: SelfExaminationAnswerTable;
  feedback: FeedbackTable;
  correction_plans: CorrectionPlanTable;
  correction_plan_items: CorrectionPlanItemTable;
  correction_plan_progress: CorrectionPlanProgressTable;
  local_issue_categories: LocalIssueCategoryTable;
  local_issues: LocalIssueTable;
  local_issue_status_changes: LocalIssueStatusChangeTable;
  citizen_feedback: CitizenFeedbackTable;
  citizen_feedback_codes: CitizenFeedbackCodeTable;
  local_issue_confirmations: LocalIssueConfirmationTable;
  public_submissions: PublicSubmissionTable;
  app_secrets: AppSecretTable;
  inspection_rule_versions: InspectionRuleVersionTable;
  inspection_rule_items: InspectionRuleItemTable;
  inspection_programmes: InspectionProgrammeTable;
  inspection_programme_items: InspectionProgrammeItemTable;
  inspections: InspectionTable;
  inspection_steps: InspectionStepTable;
  inspection_evidence: InspectionEvidenceTable;
  inspection_conclusions: InspectionConclusionTable;
  inspection_recommendations: InspectionRecommendationTable;
  discipline_decisions: DisciplineDecisionTable;
  rule_set_versions: RuleSetVersionTable;
  rule_set_items: RuleSetItemTable;
  review_periods: ReviewPeriodTable;
  reviews: ReviewTable;
  review_meetings: ReviewMeetingTable;
  review_ballot_voters: ReviewBallotVoterTable;
  review_ballot_counts: ReviewBallotCountTable;
  review_decisions: ReviewDecisionTable;
}
