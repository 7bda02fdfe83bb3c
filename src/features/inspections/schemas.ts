import { z } from 'zod';
import { id, isoDate } from '../../shared/schemas.js';
import {
  evidenceRecordTypes,
  inspectionBodies,
  inspectionFamilies,
  inspectionStatuses,
  inspectionVerdicts,
  programmeItemStates,
  programmeStatuses,
  recommendationStatuses,
  subjectKinds,
} from '../../shared/enums.js';
import { attachmentInfo, progressBody } from '../tasks/schemas.js';

const text = (max: number) => z.string().trim().max(max);
const person = z.object({ id, name: z.string() });
/** A file sent from a phone with a report (base64 in the JSON body, 10 MB at most), as task reports take it. */
const attachmentUpload = progressBody.shape.attachment;

// --- programmes --------------------------------------------------------------------------------------

export const programmeItemInput = z.strictObject({
  kindCode: text(60).min(1),
  /** The subject: a unit (a cell), or a member (their cell is taken from the roster). */
  subjectUnitId: id.optional(),
  subjectMemberId: id.optional(),
  content: text(2000).min(1),
  /** Thời kỳ kiểm tra, giám sát: the period whose work is reviewed. */
  reviewFrom: isoDate,
  reviewTo: isoDate,
  plannedStart: isoDate,
  plannedEnd: isoDate,
  leadMemberId: id.nullable().optional(),
  teamMemberIds: z.array(id).max(20).default([]),
});
export type ProgrammeItemInput = z.infer<typeof programmeItemInput>;

export const programmeItemCounts = z.object({ total: z.number().int(), planned: z.number().int(), in_progress: z.number().int(), concluded: z.number().int(), late: z.number().int() });

export const programmeItem = z.object({
  id,
  position: z.number().int(),
  kindCode: z.string(),
  kindName: z.string(),
  subjectKind: z.enum(subjectKinds),
  subjectUnitId: id,
  subjectUnitName: z.string(),
  subjectMemberId: id.nullable(),
  subjectMemberName: z.string().nullable(),
  content: z.string(),
  reviewFrom: isoDate,
  reviewTo: isoDate,
  plannedStart: isoDate,
  plannedEnd: isoDate,
  lead: person.nullable(),
  team: z.array(person),
  state: z.enum(programmeItemStates),
  inspectionId: id.nullable(),
  inspectionStatus: z.enum(inspectionStatuses).nullable(),
  actions: z.array(z.enum(['start'])),
});
export type ProgrammeItem = z.infer<typeof programmeItem>;

export const programmeSummary = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  body: z.enum(inspectionBodies),
  year: z.number().int(),
  title: z.string(),
  status: z.enum(programmeStatuses),
  adoptedOn: isoDate.nullable(),
  counts: programmeItemCounts,
});
export type ProgrammeSummary = z.infer<typeof programmeSummary>;

export const programmeDetail = programmeSummary.extend({
  adoptedByName: z.string().nullable(),
  items: z.array(programmeItem),
  actions: z.array(z.enum(['add_item', 'adopt', 'download'])),
});
export type ProgrammeDetail = z.infer<typeof programmeDetail>;

export const programmeListQuery = z.strictObject({ unitId: id, year: z.coerce.number().int().min(2000).max(2100).optional() });
export const programmeListResponse = z.object({ year: z.number().int(), items: z.array(programmeSummary), actions: z.array(z.enum(['create'])) });
export type ProgrammeListResponse = z.infer<typeof programmeListResponse>;

export const createProgrammeBody = z.strictObject({
  unitId: id,
  body: z.enum(inspectionBodies),
  year: z.number().int().min(2000).max(2100),
  title: text(300).min(1),
  items: z.array(programmeItemInput).max(200).default([]),
});
export type CreateProgrammeBody = z.infer<typeof createProgrammeBody>;
export const adoptProgrammeBody = z.strictObject({ adoptedOn: isoDate });

// --- cases -------------------------------------------------------------------------------------------

export const subjectView = z.object({
  kind: z.enum(subjectKinds),
  unitId: id,
  unitName: z.string(),
  memberId: id.nullable(),
  memberName: z.string().nullable(),
});

export const evidenceView = z.object({
  id,
  recordType: z.enum(evidenceRecordTypes),
  recordId: id,
  label: z.string(),
  note: z.string().nullable(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const stepView = z.object({
  code: z.string(),
  name: z.string(),
  documents: z.array(z.string()),
  /** Due n working days after the previous step, or by the kind's overall limit. */
  dueOn: isoDate.nullable(),
  late: z.boolean(),
  /** This step closes the kind's overall time limit. */
  limitEnds: z.boolean(),
  entry: z
    .object({
      id,
      doneOn: isoDate,
      note: z.string(),
      documentNo: z.string().nullable(),
      /** Ý kiến của đối tượng at the working meeting on the draft report. */
      subjectComments: z.string().nullable(),
      attachment: attachmentInfo.nullable(),
      byName: z.string().nullable(),
      evidence: z.array(evidenceView),
    })
    .nullable(),
});
export type StepView = z.infer<typeof stepView>;

export const conclusionView = z.object({
  concludedOn: isoDate,
  documentNo: z.string().nullable(),
  strengths: z.string(),
  shortcomings: z.string(),
  violations: z.string().nullable(),
  causes: z.string(),
  responsibility: z.string().nullable(),
  signsOfViolation: z.boolean(),
});
export type ConclusionView = z.infer<typeof conclusionView>;

export const recommendationView = z.object({
  id,
  inspectionId: id,
  position: z.number().int(),
  text: z.string(),
  deadline: isoDate,
  status: z.enum(recommendationStatuses),
  overdue: z.boolean(),
  reportedOn: isoDate.nullable(),
  reportNote: z.string().nullable(),
  verifiedOn: isoDate.nullable(),
  verifiedByName: z.string().nullable(),
  verificationComment: z.string().nullable(),
  /** Where it is followed up: the member's correction item or the cell's task. */
  followUp: z.object({ kind: z.enum(['plan_item', 'task']), id }).nullable(),
  actions: z.array(z.enum(['report', 'verify'])),
});
export type RecommendationView = z.infer<typeof recommendationView>;

export const recommendationCounts = z.object({ total: z.number().int(), fixed: z.number().int(), open: z.number().int(), overdue: z.number().int() });

export const inspectionActions = ['record_step', 'subject_report', 'extend', 'conclude', 'open_linked', 'download'] as const;

export const inspectionDetail = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  body: z.enum(inspectionBodies),
  kindCode: z.string(),
  kindName: z.string(),
  family: z.enum(inspectionFamilies),
  ruleVersionId: id,
  year: z.number().int(),
  title: z.string(),
  content: z.string(),
  reviewFrom: isoDate,
  reviewTo: isoDate,
  decisionNo: z.string().nullable(),
  decidedOn: isoDate,
  subject: subjectView,
  lead: person.nullable(),
  team: z.array(person),
  status: z.enum(inspectionStatuses),
  notifiedOn: isoDate.nullable(),
  extensionWorkingDays: z.number().int(),
  extensionReason: z.string().nullable(),
  maxExtensionWorkingDays: z.number().int(),
  timeLimit: z.object({ workingDays: z.number().int(), fromStep: z.string(), toStep: z.string(), source: z.string().nullable() }).nullable(),
  /** The next step to record (null once the conclusion is out and only follow-up remains). */
  nextStep: z.string().nullable(),
  lateSteps: z.number().int(),
  steps: z.array(stepView),
  conclusion: conclusionView.nullable(),
  recommendations: z.array(recommendationView),
  recommendationCounts,
  /** A denunciation or an appeal: who lodged it and the verdict. The complainant is never shown to the subject. */
  complaint: z
    .object({ receivedOn: isoDate.nullable(), complainantName: z.string().nullable(), complainantContact: z.string().nullable(), sourceCitizenFeedbackId: id.nullable(), verdict: z.enum(inspectionVerdicts).nullable() })
    .nullable(),
  programmeItemId: id.nullable(),
  origin: z.object({ id, title: z.string(), kindName: z.string() }).nullable(),
  linked: z.array(z.object({ id, title: z.string(), kindName: z.string(), status: z.enum(inspectionStatuses) })),
  /** staff: the case file; subject: what is addressed to the subject (notice, own report, conclusion, recommendations). */
  viewer: z.enum(['staff', 'subject']),
  /** Rules of this case not yet confirmed against the official text: the UI warns, nothing is blocked. */
  unconfirmedRules: z.array(z.string()),
  actions: z.array(z.enum(inspectionActions)),
});
export type InspectionDetail = z.infer<typeof inspectionDetail>;

export const inspectionSummary = z.object({
  id,
  title: z.string(),
  kindCode: z.string(),
  kindName: z.string(),
  family: z.enum(inspectionFamilies),
  body: z.enum(inspectionBodies),
  subject: subjectView,
  decidedOn: isoDate,
  status: z.enum(inspectionStatuses),
  nextStep: z.string().nullable(),
  nextStepName: z.string().nullable(),
  nextDueOn: isoDate.nullable(),
  lateSteps: z.number().int(),
  recommendationCounts,
});
export type InspectionSummary = z.infer<typeof inspectionSummary>;

export const inspectionListQuery = z.strictObject({
  unitId: id,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(inspectionStatuses).optional(),
  kindCode: text(60).optional(),
});
export const inspectionListResponse = z.object({ year: z.number().int(), items: z.array(inspectionSummary), actions: z.array(z.enum(['create'])) });
export type InspectionListResponse = z.infer<typeof inspectionListResponse>;

/**
 * Opening a case: from a programme item (its fields are taken from the item), or directly —
 * a case on signs of violation, a denunciation received, an appeal. The decision step is
 * recorded with it when the kind starts with a decision.
 */
export const createInspectionBody = z.strictObject({
  unitId: id,
  body: z.enum(inspectionBodies),
  programmeItemId: id.optional(),
  kindCode: text(60).min(1).optional(),
  subjectUnitId: id.optional(),
  subjectMemberId: id.optional(),
  title: text(300).min(1).optional(),
  content: text(4000).min(1).optional(),
  reviewFrom: isoDate.optional(),
  reviewTo: isoDate.optional(),
  decisionNo: text(60).nullable().optional(),
  decidedOn: isoDate,
  leadMemberId: id.nullable().optional(),
  teamMemberIds: z.array(id).max(20).optional(),
  /** A supervision that found signs of violation; a denunciation that led to an inspection. */
  originInspectionId: id.optional(),
  receivedOn: isoDate.optional(),
  complainantName: text(200).optional(),
  complainantContact: text(200).optional(),
  /** A citizen's message the committee routes here as a denunciation. */
  sourceCitizenFeedbackId: id.optional(),
});
export type CreateInspectionBody = z.infer<typeof createInspectionBody>;

export const evidenceInput = z.strictObject({ recordType: z.enum(evidenceRecordTypes), recordId: id, note: text(1000).nullable().optional() });

export const recordStepBody = z.strictObject({
  code: text(40).min(1),
  doneOn: isoDate,
  note: text(8000).min(1),
  documentNo: text(60).nullable().optional(),
  subjectComments: text(4000).nullable().optional(),
  attachment: attachmentUpload,
  evidence: z.array(evidenceInput).max(50).default([]),
});
export type RecordStepBody = z.infer<typeof recordStepBody>;

export const extendBody = z.strictObject({ workingDays: z.number().int().min(1).max(365), reason: text(1000).min(1) });

export const recommendationInput = z.strictObject({
  text: text(2000).min(1),
  deadline: isoDate,
  /** For a cell subject: who in the cell answers for it (rõ người); the cell's secretary when not given. */
  ownerMemberId: id.nullable().optional(),
});

export const conclusionBody = z.strictObject({
  concludedOn: isoDate,
  documentNo: text(60).nullable().optional(),
  strengths: text(8000),
  shortcomings: text(8000),
  violations: text(8000).nullable().optional(),
  causes: text(8000),
  responsibility: text(4000).nullable().optional(),
  /** A supervision that found signs of violation: the UI offers to open the inspection. */
  signsOfViolation: z.boolean().default(false),
  /** A denunciation or an appeal: founded, partly founded, unfounded. */
  verdict: z.enum(inspectionVerdicts).optional(),
  recommendations: z.array(recommendationInput).max(50).default([]),
});
export type ConclusionBody = z.infer<typeof conclusionBody>;

export const reportRecommendationBody = z.strictObject({ note: text(4000).min(1), attachment: attachmentUpload });
export const verifyRecommendationBody = z.strictObject({ outcome: z.enum(['fixed', 'returned']), comment: text(2000).min(1) });

export const inspectionParams = z.strictObject({ id });
export const recommendationParams = z.strictObject({ id, recommendationId: id });
export const programmeParams = z.strictObject({ id });
export const programmeItemParams = z.strictObject({ id, itemId: id });
export const inspectionAttachmentParams = z.strictObject({ id, attachmentId: id });
export const inspectionDocumentParams = z.strictObject({ id, kind: z.enum(['decision', 'plan', 'conclusion']) });

/** A record of the subject's, offered as evidence (each read is access-logged). */
export const subjectRecord = z.object({ recordType: z.enum(evidenceRecordTypes), recordId: id, date: isoDate.nullable(), label: z.string(), detail: z.string().nullable() });
export const subjectRecordsResponse = z.object({ from: isoDate, to: isoDate, items: z.array(subjectRecord) });
export type SubjectRecordsResponse = z.infer<typeof subjectRecordsResponse>;

/** Trang chủ UBKT: the programme's progress, cases with late steps, recommendations overdue. */
export const inspectionOverview = z.object({
  unitId: id,
  unitName: z.string(),
  year: z.number().int(),
  today: isoDate,
  programmes: z.array(programmeSummary),
  openCases: z.number().int(),
  concludedCases: z.number().int(),
  lateCases: z.array(inspectionSummary),
  waitingForSubject: z.array(inspectionSummary),
  overdueRecommendations: z.array(recommendationView.extend({ inspectionTitle: z.string(), subjectName: z.string() })),
  recommendationCounts,
});
export type InspectionOverview = z.infer<typeof inspectionOverview>;
export const overviewQuery = z.strictObject({ unitId: id, year: z.coerce.number().int().min(2000).max(2100).optional() });

/** What the subject (a member, or a cell's secretary) sees addressed to them. */
export const myInspectionsResponse = z.object({ items: z.array(inspectionSummary) });
