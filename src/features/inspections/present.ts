import type { Actor } from '../../domain/policy.js';
import { recommendationCounts, recommendationOverdue, stepSchedule, type ScheduledStep } from '../../domain/inspection.js';
import type { InspectionRules } from '../inspection-rules/service.js';
import type { InspectionBody, InspectionFamily, InspectionStatus, InspectionVerdict, RecommendationStatusName, EvidenceRecordType } from '../../shared/enums.js';
import type { InspectionConclusionTable, InspectionEvidenceTable } from '../../db/schema.js';
import type { InspectionRow, RecommendationRow, StepRow } from './repo.js';
import { caseActionsFor, isNotifiedSubject, mayManageCase, type CaseViewer } from './policy.js';
import type { InspectionDetail, InspectionSummary, RecommendationView, StepView } from './schemas.js';

/** Steps the subject sees: the notice, their own report, the conclusion and its follow-up (never the team's notes). */
const SUBJECT_STEPS = new Set(['decision', 'notice', 'subject_report', 'conclusion', 'follow_up']);

export interface CaseParts {
  steps: StepRow[];
  recommendations: RecommendationRow[];
  /** Status of each linked correction item (a member's recommendation lives there). */
  planItemStatus: Map<string, { status: string; claimed_on: string | null; verified_on: string | null }>;
}

/** A recommendation's status: a member's follows their correction item (they may report it fixed on their plan). */
export function effectiveStatus(r: RecommendationRow, planItems: CaseParts['planItemStatus']): RecommendationStatusName {
  const item = r.plan_item_id ? planItems.get(r.plan_item_id) : undefined;
  if (!item) return r.status as RecommendationStatusName;
  return ({ open: 'open', claimed: 'reported', fixed: 'fixed', returned: 'returned' } as const)[item.status as 'open'] ?? (r.status as RecommendationStatusName);
}

export function presentRecommendation(actor: Actor, c: InspectionRow, r: RecommendationRow, parts: Pick<CaseParts, 'planItemStatus'>, today: string): RecommendationView {
  const status = effectiveStatus(r, parts.planItemStatus);
  const item = r.plan_item_id ? parts.planItemStatus.get(r.plan_item_id) : undefined;
  const actions: RecommendationView['actions'] = [];
  if ((status === 'open' || status === 'returned') && isNotifiedSubject(actor, c)) actions.push('report');
  if (status === 'reported' && mayManageCase(actor, c)) actions.push('verify');
  return {
    id: r.id,
    inspectionId: r.inspection_id,
    position: Number(r.position),
    text: r.text,
    deadline: r.deadline,
    status,
    overdue: recommendationOverdue({ status, deadline: r.deadline }, today),
    reportedOn: item?.claimed_on ?? r.reported_on,
    reportNote: r.report_note,
    verifiedOn: item?.verified_on ?? r.verified_on,
    verifiedByName: r.verified_by_name,
    verificationComment: r.verification_comment,
    followUp: r.plan_item_id ? { kind: 'plan_item', id: r.plan_item_id } : r.task_id ? { kind: 'task', id: r.task_id } : null,
    actions,
  };
}

export function scheduleOf(c: InspectionRow, rules: InspectionRules, steps: readonly StepRow[], today: string): ScheduledStep[] {
  const kind = rules.kinds.get(c.kind_code);
  if (!kind) return [];
  const doneOn = new Map(steps.filter((s) => s.inspection_id === c.id).map((s) => [s.step_code, s.done_on]));
  return stepSchedule(kind, { decidedOn: c.decided_on, doneOn, extensionWorkingDays: Number(c.extension_working_days), today }, rules.calendar);
}

/** The next step to record: the first of the kind not done (the follow-up is not a step one records by hand). */
export function nextStepOf(schedule: readonly ScheduledStep[]): string | null {
  return schedule.find((s) => s.doneOn === null && s.code !== 'follow_up')?.code ?? null;
}

function subjectOf(c: InspectionRow) {
  return { kind: c.subject_member_id ? ('member' as const) : ('unit' as const), unitId: c.subject_unit_id, unitName: c.subject_unit_name, memberId: c.subject_member_id, memberName: c.subject_member_name };
}

export function presentSummary(c: InspectionRow, rules: InspectionRules, parts: CaseParts, today: string): InspectionSummary {
  const kind = rules.kinds.get(c.kind_code);
  const schedule = scheduleOf(c, rules, parts.steps, today);
  const next = c.status === 'open' ? nextStepOf(schedule) : null;
  const recs = parts.recommendations.filter((r) => r.inspection_id === c.id).map((r) => ({ status: effectiveStatus(r, parts.planItemStatus), deadline: r.deadline }));
  return {
    id: c.id,
    title: c.title,
    kindCode: c.kind_code,
    kindName: kind?.name ?? c.kind_code,
    family: (kind?.family ?? 'inspection') as InspectionFamily,
    body: c.body as InspectionBody,
    subject: subjectOf(c),
    decidedOn: c.decided_on,
    status: c.status as InspectionStatus,
    nextStep: next,
    nextStepName: next ? (rules.steps.get(next)?.name ?? next) : null,
    nextDueOn: next ? (schedule.find((s) => s.code === next)?.dueOn ?? null) : null,
    lateSteps: c.status === 'open' ? schedule.filter((s) => s.late).length : 0,
    recommendationCounts: recommendationCounts(recs, today),
  };
}

/** The timeline: each step of the kind with its due date and, once done, what was recorded (the subject sees only its own steps). */
function presentSteps(rules: InspectionRules, schedule: readonly ScheduledStep[], entries: readonly StepRow[], evidence: readonly InspectionEvidenceTable[], staff: boolean): StepView[] {
  return schedule
    .filter((s) => staff || SUBJECT_STEPS.has(s.code))
    .map((s) => {
      const rule = rules.steps.get(s.code);
      const entry = entries.find((e) => e.step_code === s.code);
      return {
        code: s.code,
        name: rule?.name ?? s.code,
        documents: rule?.documents ?? [],
        dueOn: s.dueOn,
        late: s.late,
        limitEnds: s.limitEnds,
        entry: entry
          ? {
              id: entry.id,
              doneOn: entry.done_on,
              // The subject reads that the decision was taken and when, not the team's working notes.
              note: staff || s.code !== 'decision' ? entry.note : '',
              documentNo: entry.document_no,
              subjectComments: entry.subject_comments,
              attachment: entry.attachment_id ? { id: entry.attachment_id, fileName: entry.file_name ?? '', mimeType: entry.mime_type ?? '', sizeBytes: Number(entry.size_bytes ?? 0) } : null,
              byName: staff ? entry.by_name : null,
              evidence: staff
                ? evidence
                    .filter((e) => e.step_id === entry.id)
                    .map((e) => ({ id: e.id, recordType: e.record_type as EvidenceRecordType, recordId: e.record_id, label: e.label, note: e.note }))
                : [],
            }
          : null,
      };
    });
}

export interface DetailInput {
  c: InspectionRow;
  rules: InspectionRules;
  parts: CaseParts;
  evidence: InspectionEvidenceTable[];
  conclusion: InspectionConclusionTable | undefined;
  people: Map<string, string>;
  origin: { id: string; title: string; kind_code: string } | undefined;
  linked: { id: string; title: string; kind_code: string; status: string }[];
  viewer: CaseViewer;
  today: string;
}

export function presentDetail(actor: Actor, input: DetailInput): InspectionDetail {
  const { c, rules, parts, viewer, today } = input;
  const kind = rules.kinds.get(c.kind_code);
  const schedule = scheduleOf(c, rules, parts.steps, today);
  const next = c.status === 'open' ? nextStepOf(schedule) : null;
  const staff = viewer === 'staff';
  const team = (JSON.parse(c.team_json) as string[]).map((id) => ({ id, name: input.people.get(id) ?? '' }));
  const steps = presentSteps(rules, schedule, parts.steps, input.evidence, staff);
  const recommendations = parts.recommendations.map((r) => presentRecommendation(actor, c, r, parts, today));
  const family = (kind?.family ?? 'inspection') as InspectionFamily;
  const complaint = family === 'denunciation' || family === 'appeal';
  const year = Number(c.decided_on.slice(0, 4));
  // The rules this case's dates stand on and nobody has confirmed: its kind, its steps, the days off around its year.
  const unconfirmed = [
    ...(kind && !kind.confirmed ? [kind.name] : []),
    ...schedule.map((s) => rules.steps.get(s.code)).filter((s) => s && !s.confirmed).map((s) => s!.name),
    ...rules.unconfirmedHolidays.filter((h) => Math.abs(h.year - year) <= 1).map((h) => h.name),
  ];
  const subjectReportOpen = c.status === 'open' && c.notified_on !== null && schedule.some((s) => s.code === 'subject_report' && s.doneOn === null);
  const kindName = (code: string) => rules.kinds.get(code)?.name ?? code;
  return {
    id: c.id,
    unitId: c.unit_id,
    unitName: c.unit_name,
    body: c.body as InspectionBody,
    kindCode: c.kind_code,
    kindName: kind?.name ?? c.kind_code,
    family,
    ruleVersionId: c.rule_version_id,
    year: Number(c.year),
    title: c.title,
    content: c.content,
    reviewFrom: c.review_from,
    reviewTo: c.review_to,
    decisionNo: c.decision_no,
    decidedOn: c.decided_on,
    subject: subjectOf(c),
    lead: c.lead_member_id ? { id: c.lead_member_id, name: input.people.get(c.lead_member_id) ?? '' } : null,
    team,
    status: c.status as InspectionStatus,
    notifiedOn: c.notified_on,
    extensionWorkingDays: Number(c.extension_working_days),
    extensionReason: c.extension_reason,
    maxExtensionWorkingDays: kind?.timeLimit?.extensionWorkingDays ?? 0,
    timeLimit: kind?.timeLimit ? { workingDays: kind.timeLimit.workingDays, fromStep: kind.timeLimit.fromStep, toStep: kind.timeLimit.toStep, source: kind.limitSource } : null,
    nextStep: staff ? next : null,
    lateSteps: c.status === 'open' ? schedule.filter((s) => s.late).length : 0,
    steps,
    conclusion: input.conclusion
      ? {
          concludedOn: input.conclusion.concluded_on,
          documentNo: input.conclusion.document_no,
          strengths: input.conclusion.strengths,
          shortcomings: input.conclusion.shortcomings,
          violations: input.conclusion.violations,
          causes: input.conclusion.causes,
          responsibility: input.conclusion.responsibility,
          signsOfViolation: Number(input.conclusion.signs_of_violation) === 1,
        }
      : null,
    recommendations,
    recommendationCounts: recommendationCounts(recommendations, today),
    // Who denounced is never the subject's to know.
    complaint: complaint
      ? {
          receivedOn: c.received_on,
          complainantName: staff ? c.complainant_name : null,
          complainantContact: staff ? c.complainant_contact : null,
          sourceCitizenFeedbackId: staff ? c.source_citizen_feedback_id : null,
          verdict: c.verdict as InspectionVerdict | null,
        }
      : null,
    programmeItemId: staff ? c.programme_item_id : null,
    origin: staff && input.origin ? { id: input.origin.id, title: input.origin.title, kindName: kindName(input.origin.kind_code) } : null,
    linked: staff ? input.linked.map((l) => ({ id: l.id, title: l.title, kindName: kindName(l.kind_code), status: l.status as InspectionStatus })) : [],
    viewer,
    unconfirmedRules: staff ? [...new Set(unconfirmed)] : [],
    actions: caseActionsFor(actor, c, { nextStep: next, subjectReportOpen }),
  };
}
