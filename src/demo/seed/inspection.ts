import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import type {
  Database,
  DisciplineDecisionTable,
  InspectionConclusionTable,
  InspectionEvidenceTable,
  InspectionProgrammeItemTable,
  InspectionProgrammeTable,
  InspectionRecommendationTable,
  InspectionStepTable,
  InspectionTable,
} from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import type { DemoCommune } from '../commune.js';
import type { DemoMeeting } from '../meetings.js';
import { buildDemoInspection, type DemoCase, type DemoInspectionData, type DemoProgramme } from '../inspection.js';
import { buildDemoInspectionPresent } from '../present-inspection.js';
import { checkDisciplineForm } from '../../domain/inspection.js';
import { ensureRules, type InspectionRules } from '../../features/inspection-rules/service.js';
import { findUnit } from '../../features/units/lookup.js';
import { writeAuditEntries, type AuditWrite } from '../../features/audit/service.js';
import { insertInChunks } from './insert.js';
import { cellDay, cellMeetingIds, demoIds, type DemoIds, type DemoRefs } from './refs.js';
import { demoInstant, demoTaskAudit, demoTaskRows, insertDemoTasks, type DemoTaskRows } from './work.js';

/** Hours (UTC) used on a day: the programme adopted, a case decided, a step recorded, a task given. */
const AT = { programme: 2, decision: 2, step: 3, task: 10 } as const;

export interface DemoInspectionCounts {
  programmes: number;
  cases: number;
  disciplineDecisions: number;
}

/**
 * Writes the committee's 2022 programme and cases (../inspection.ts) and, given `today`, this
 * year's (../present-inspection.ts), after the meetings their evidence points at. The rules are
 * the rule set in effect at the commune (loaded from reference/ the first time), so the dates
 * follow the limits the case pages check them against. Batched inserts, one audit batch.
 */
export async function seedDemoInspection(
  trx: Kysely<Database>,
  handle: Pick<DatabaseHandle, 'dialect'>,
  demo: DemoCommune,
  refs: DemoRefs,
  meetings: readonly DemoMeeting[],
  today: string | null,
): Promise<DemoInspectionCounts> {
  const ids = demoIds(refs, 'demo inspection');
  const commune = (await findUnit(trx, ids.unitId(demo.units.find((u) => u.parentKey === null)!.key)))!;
  const rules = await ensureRules(trx, handle.dialect, commune.path);
  const story = buildDemoInspection(demo, meetings, rules);
  const present = today ? buildDemoInspectionPresent(demo, today, rules) : { programmes: [], cases: [] };
  const data: DemoInspectionData = { programmes: [...story.programmes, ...present.programmes], cases: [...story.cases, ...present.cases] };
  const w = new CaseWriter(ids, rules, commune.id, await cellMeetingIds(trx));
  const programmes = data.programmes.map((p) => w.programme(p));
  for (const c of data.cases) w.add(c, demo);
  await insertInChunks(trx, 'inspection_programmes', programmes);
  await insertInChunks(trx, 'inspection_programme_items', w.items);
  await insertInChunks(trx, 'inspections', w.cases);
  await insertDemoTasks(trx, w.tasks);
  await insertInChunks(trx, 'inspection_steps', w.steps);
  await insertInChunks(trx, 'inspection_evidence', w.evidence);
  await insertInChunks(trx, 'inspection_conclusions', w.conclusions);
  await insertInChunks(trx, 'inspection_recommendations', w.recommendations);
  await insertInChunks(trx, 'discipline_decisions', w.discipline);
  await writeAuditEntries(trx, handle.dialect, [
    ...programmes.map((p) => programmeAudit(p, w.items.filter((i) => i.programme_id === p.id).length)),
    ...w.cases.map((c) => caseAudit(c, w.steps.filter((s) => s.inspection_id === c.id).map((s) => s.step_code))),
    ...w.tasks.map((t) => demoTaskAudit(t.task)),
    ...w.discipline.map(disciplineAudit),
  ]);
  return { programmes: programmes.length, cases: w.cases.length, disciplineDecisions: w.discipline.length };
}

/** Builds the stored rows of programmes and cases, in memory, for the batched inserts. */
class CaseWriter {
  readonly items: InspectionProgrammeItemTable[] = [];
  readonly cases: InspectionTable[] = [];
  readonly steps: InspectionStepTable[] = [];
  readonly evidence: InspectionEvidenceTable[] = [];
  readonly conclusions: InspectionConclusionTable[] = [];
  readonly recommendations: InspectionRecommendationTable[] = [];
  readonly tasks: DemoTaskRows[] = [];
  readonly discipline: DisciplineDecisionTable[] = [];
  private readonly itemIds = new Map<string, string>();

  constructor(
    private readonly ids: DemoIds,
    private readonly rules: InspectionRules,
    private readonly communeId: string,
    private readonly meetingIds: ReadonlyMap<string, string>,
  ) {}

  private account(memberKey: string): string | null {
    return this.ids.accountOf(memberKey);
  }

  programme(p: DemoProgramme): InspectionProgrammeTable {
    const id = newId();
    const at = demoInstant(p.adoptedOn, AT.programme);
    const lead = p.items[0]?.leadKey ?? null;
    p.items.forEach((item, i) => {
      const itemId = newId();
      this.itemIds.set(`${p.year}/${item.key}`, itemId);
      this.items.push({
        id: itemId,
        programme_id: id,
        unit_id: this.communeId,
        position: i + 1,
        kind_code: item.kindCode,
        subject_unit_id: this.ids.unitId(item.subjectCellKey),
        subject_member_id: this.ids.memberOrNull(item.subjectMemberKey),
        content: item.content,
        review_from: item.reviewFrom,
        review_to: item.reviewTo,
        planned_start: item.plannedStart,
        planned_end: item.plannedEnd,
        lead_member_id: this.ids.memberId(item.leadKey),
        team_json: JSON.stringify(item.teamKeys.map(this.ids.memberId)),
        created_at: at,
      });
    });
    const by = lead ? this.account(lead) : null;
    return { id, unit_id: this.communeId, body: 'inspection_committee', year: p.year, title: p.title, status: 'adopted', adopted_on: p.adoptedOn, adopted_by_account_id: by, created_by_account_id: by, created_at: at, updated_at: at };
  }

  add(c: DemoCase, demo: DemoCommune): void {
    const id = newId();
    const by = this.account(c.leadKey);
    const last = [...c.steps.map((s) => s.on), c.conclusion?.on ?? c.decidedOn].sort().at(-1)!;
    const row: InspectionTable = {
      id,
      unit_id: this.communeId,
      body: 'inspection_committee',
      kind_code: c.kindCode,
      rule_version_id: this.rules.versionId,
      programme_item_id: c.itemKey ? (this.itemIds.get(`${c.decidedOn.slice(0, 4)}/${c.itemKey}`) ?? null) : null,
      origin_inspection_id: null,
      subject_unit_id: this.ids.unitId(c.subjectCellKey),
      subject_member_id: this.ids.memberOrNull(c.subjectMemberKey),
      year: Number(c.decidedOn.slice(0, 4)),
      title: c.title,
      content: c.content,
      review_from: c.reviewFrom,
      review_to: c.reviewTo,
      decision_no: c.decisionNo,
      decided_on: c.decidedOn,
      lead_member_id: this.ids.memberId(c.leadKey),
      team_json: JSON.stringify(c.teamKeys.map(this.ids.memberId)),
      status: c.status,
      notified_on: c.notifiedOn,
      extension_working_days: 0,
      extension_reason: null,
      received_on: c.receivedOn,
      complainant_name: c.complainantName,
      complainant_contact: null,
      source_citizen_feedback_id: null,
      source_discipline_id: null,
      verdict: c.verdict,
      created_by_account_id: by,
      created_at: demoInstant(c.decidedOn, AT.decision),
      updated_at: demoInstant(last, AT.step),
    };
    this.cases.push(row);
    this.addSteps(row, c, by);
    this.addFollowUp(row, c, by);
    if (c.discipline) this.addDiscipline(row, c, by, demo);
  }

  private addSteps(row: InspectionTable, c: DemoCase, by: string | null): void {
    const conclusion = c.conclusion;
    const steps = [...c.steps];
    if (conclusion) steps.push({ code: 'conclusion', on: conclusion.on, note: conclusion.shortcomings || conclusion.strengths, documentNo: conclusion.documentNo, subjectComments: null, evidence: [] });
    for (const s of steps.sort((a, b) => a.on.localeCompare(b.on))) {
      const stepId = newId();
      this.steps.push({ id: stepId, inspection_id: row.id, unit_id: row.unit_id, step_code: s.code, done_on: s.on, note: s.note, document_no: s.documentNo, subject_comments: s.subjectComments, attachment_id: null, created_by_account_id: by, created_at: demoInstant(s.on, AT.step) });
      for (const e of s.evidence) {
        const recordId = this.ids.need(this.meetingIds, cellDay(this.ids.unitId(e.cellKey), e.date), 'meeting');
        this.evidence.push({ id: newId(), inspection_id: row.id, step_id: stepId, unit_id: row.unit_id, record_type: 'meeting', record_id: recordId, label: e.label, note: e.note });
      }
    }
    if (!conclusion) return;
    this.conclusions.push({
      inspection_id: row.id,
      unit_id: row.unit_id,
      concluded_on: conclusion.on,
      document_no: conclusion.documentNo,
      strengths: conclusion.strengths,
      shortcomings: conclusion.shortcomings,
      violations: conclusion.violations,
      causes: conclusion.causes,
      responsibility: conclusion.responsibility,
      signs_of_violation: 0,
      created_by_account_id: by,
      created_at: demoInstant(conclusion.on, AT.step),
    });
  }

  /** Each recommendation is a task of the subject cell, its owner named, linked both ways. */
  private addFollowUp(row: InspectionTable, c: DemoCase, by: string | null): void {
    c.recommendations.forEach((r, i) => {
      const task = demoTaskRows({
        id: newId(),
        unitId: row.subject_unit_id,
        title: r.text,
        ownerMemberId: this.ids.memberId(r.ownerKey),
        ownerUnitId: null,
        deadline: r.deadline,
        doneOn: r.reportedOn,
        life: r.life,
        createdAt: demoInstant(c.conclusion!.on, AT.task),
        source: { source_kind: 'inspection', source_meeting_id: null, source_directive_id: null, source_inspection_id: row.id },
        receivedOn: null,
        handedDownOn: null,
        reporter: { accountId: this.account(r.ownerKey), memberId: this.ids.memberId(r.ownerKey) },
        closedByAccountId: by,
        createdByAccountId: by,
        coworkerIds: [],
      });
      this.tasks.push(task);
      const status = r.verifiedOn ? 'fixed' : r.reportedOn ? 'reported' : 'open';
      const updated = r.verifiedOn ?? r.reportedOn ?? c.conclusion!.on;
      this.recommendations.push({
        id: newId(),
        inspection_id: row.id,
        unit_id: row.subject_unit_id,
        position: i + 1,
        text: r.text,
        deadline: r.deadline,
        plan_item_id: null,
        task_id: task.task.id,
        status,
        reported_on: r.reportedOn,
        report_note: r.reportNote,
        verified_on: r.verifiedOn,
        verified_by_account_id: r.verifiedOn ? by : null,
        verification_comment: r.verificationComment,
        created_at: demoInstant(c.conclusion!.on, AT.task),
        updated_at: demoInstant(updated, AT.task),
      });
    });
  }

  /** The decision the case led to: a form the rules allow the committee to give this member. */
  private addDiscipline(row: InspectionTable, c: DemoCase, by: string | null, demo: DemoCommune): void {
    const d = c.discipline!;
    const form = this.rules.disciplineForms.get(d.formCode);
    const member = demo.units.flatMap((u) => u.members).find((m) => m.key === c.subjectMemberKey)!;
    if (!form || checkDisciplineForm(form, { status: member.status, holdsPost: false }) !== 'ok' || !(form.decidingBodies ?? [row.body]).includes(row.body)) {
      throw new Error(`demo inspection: the rules do not let ${row.body} give ${d.formCode} to ${member.key}`);
    }
    this.discipline.push({
      id: newId(),
      unit_id: row.subject_unit_id,
      member_id: row.subject_member_id!,
      form_code: form.code,
      form_name: form.name,
      rule_version_id: this.rules.versionId,
      deciding_unit_id: row.unit_id,
      deciding_body: row.body,
      decision_no: d.decisionNo,
      decided_on: d.decidedOn,
      effective_on: d.effectiveOn,
      reason: d.reason,
      source_inspection_id: row.id,
      member_status: member.status,
      created_by_account_id: by,
      created_at: demoInstant(d.decidedOn, AT.decision),
    });
  }
}

function programmeAudit(p: InspectionProgrammeTable, items: number): AuditWrite {
  return { actorAccountId: null, action: 'inspection_programme.create', recordType: 'inspection_programme', recordId: p.id, unitId: p.unit_id, after: { body: p.body, year: p.year, title: p.title, items, status: p.status, adoptedOn: p.adopted_on, source: 'demo' } };
}

function caseAudit(c: InspectionTable, steps: string[]): AuditWrite {
  return {
    actorAccountId: null,
    action: 'inspection.create',
    recordType: 'inspection',
    recordId: c.id,
    unitId: c.unit_id,
    after: { kindCode: c.kind_code, title: c.title, subjectUnitId: c.subject_unit_id, subjectMemberId: c.subject_member_id, decidedOn: c.decided_on, status: c.status, verdict: c.verdict, steps, source: 'demo' },
  };
}

function disciplineAudit(d: DisciplineDecisionTable): AuditWrite {
  return { actorAccountId: null, action: 'discipline.decide', recordType: 'discipline', recordId: d.member_id, unitId: d.unit_id, after: { decisionId: d.id, formCode: d.form_code, formName: d.form_name, decidingBody: d.deciding_body, decidedOn: d.decided_on, effectiveOn: d.effective_on, sourceInspectionId: d.source_inspection_id, source: 'demo' } };
}
