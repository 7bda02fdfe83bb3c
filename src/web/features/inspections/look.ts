// How a case reads on its page: the programme's bar, the step form's fields, the evidence picker's
// groups, where an evidence link or a follow-up leads, the extension's bounds. Pure functions,
// tested in look.test.ts.
import { foldVietnamese } from '../../../domain/vietnamese.js';
import type { EvidenceRecordType, InspectionDetail, InspectionFamily, ProgrammeSummary, RecommendationView, StepView, SubjectRecord } from './api.js';
// The lists straight from the enums: api.ts brings the API client (and the i18n set-up) along.
import { evidenceRecordTypes as EVIDENCE_RECORD_TYPES, programmeItemStates as PROGRAMME_ITEM_STATES } from '../../../shared/enums.js';

export type ItemState = (typeof PROGRAMME_ITEM_STATES)[number];

/** The programme's items by state, in the legend's order, only those with any (the bar's segments). */
export function programmeSegments(counts: ProgrammeSummary['counts']): { state: ItemState; n: number }[] {
  return PROGRAMME_ITEM_STATES.map((state) => ({ state, n: counts[state] })).filter((s) => s.n > 0);
}

/** Where a step of the timeline stands: recorded (on time or late), overdue and not recorded yet, or still ahead. */
export type StepLook = 'done' | 'done_late' | 'overdue' | 'next' | 'ahead';

export function stepLook(step: StepView, nextStep: string | null): StepLook {
  if (step.entry) return step.late ? 'done_late' : 'done';
  if (step.late) return 'overdue';
  return step.code === nextStep ? 'next' : 'ahead';
}

/** What the form of a step asks for besides the date and the note. */
export interface StepFields {
  documentNo: boolean;
  /** The working meeting on the draft report records the subject's comments. */
  subjectComments: boolean;
  /** Verification links the subject's records. */
  evidence: boolean;
  /** The subject's report comes with a file (a scan, a photo) from the phone. */
  attachment: boolean;
}

/**
 * The fields of a step's form, from the step's code and the documents the rules say it produces
 * (a step that produces a document asks for its number).
 */
export function stepFields(code: string, documents: readonly string[]): StepFields {
  return {
    documentNo: documents.length > 0,
    subjectComments: code === 'draft_report',
    evidence: code === 'verification',
    attachment: code === 'subject_report',
  };
}

/** The subject's report is a self-inspection report in a supervision, an explanation otherwise (signs of violation, a denunciation, an appeal). */
export function subjectReportWord(family: InspectionFamily): 'selfReport' | 'explanation' {
  return family === 'supervision' ? 'selfReport' : 'explanation';
}

/** The subject's records matching `query` (diacritics and đ/Đ ignored), grouped by type in the contract's order; empty groups left out. */
export function groupRecords(items: readonly SubjectRecord[], query: string): { type: EvidenceRecordType; items: SubjectRecord[] }[] {
  const q = foldVietnamese(query.trim());
  const hits = q ? items.filter((r) => foldVietnamese(`${r.label} ${r.detail ?? ''}`).includes(q)) : items;
  return EVIDENCE_RECORD_TYPES.map((type) => ({ type, items: hits.filter((r) => r.recordType === type) })).filter((g) => g.items.length > 0);
}

/** Where an evidence link leads: the record's own page; commitments have their unit's page. */
export function evidenceHref(recordType: EvidenceRecordType, recordId: string, subjectUnitId: string): string {
  switch (recordType) {
    case 'meeting':
      return `/meetings/${recordId}`;
    case 'task':
      return `/tasks/${recordId}`;
    case 'self_examination':
      return `/self-examinations/${recordId}`;
    case 'correction_plan':
      return `/correction-plans/${recordId}`;
    case 'commitment':
      return `/units/${subjectUnitId}/commitments`;
  }
}

/**
 * Where a recommendation is followed up: the cell's task, or the member's correction item — on their
 * own Tự soi page for the member, on the member's page (which shows their plan) for the UBKT.
 */
export function followUpHref(followUp: RecommendationView['followUp'], subject: { memberId: string | null }, viewer: 'staff' | 'subject'): string | null {
  if (!followUp) return null;
  if (followUp.kind === 'task') return `/tasks/${followUp.id}`;
  if (viewer === 'subject') return '/tu-soi';
  return subject.memberId ? `/members/${subject.memberId}` : null;
}

/** Working days typed for the extension: a whole number from 1 to the kind's allowance (the extension is set, not added to). */
export function extensionProblem(text: string, detail: Pick<InspectionDetail, 'maxExtensionWorkingDays'>): 'invalid' | 'tooMany' | null {
  const s = text.trim();
  if (!/^\d{1,3}$/.test(s) || Number(s) < 1) return 'invalid';
  return Number(s) > detail.maxExtensionWorkingDays ? 'tooMany' : null;
}
