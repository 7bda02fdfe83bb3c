import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import type { CitizenFeedbackTable, Database, LocalIssueTable } from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import { foldVietnamese } from '../../domain/vietnamese.js';
import { contentFingerprint, newTrackingCode, normaliseContact } from '../../domain/citizen-feedback.js';
import { demoCitizenMessages, demoLocalIssues } from '../local-issues.js';
import { writeAuditEntries, type AuditWrite } from '../../features/audit/service.js';
import { ensureCategories, issueSnapshot } from '../../features/local-issues/service.js';
import { citizenFeedbackSnapshot, formKey, hashContact, hashContent, hashTrackingCode } from '../../features/citizen-feedback/service.js';
import { demoInstant, demoTaskAudit, demoTaskRows } from './work.js';
import { insertInChunks } from './insert.js';

/**
 * The demo's local issues, their status history, the citizens' messages about them and the
 * people's word on the resolutions (demo-local-issues.ts), each audited as the services would.
 * Returns the counts and the tracking codes (only their hashes are stored: the demo prints them).
 */
export async function seedDemoLocalIssues(
  trx: Kysely<Database>,
  handle: Pick<DatabaseHandle, 'db' | 'dialect'>,
  refs: {
    unitIds: Map<string, string>;
    unitPaths: Map<string, string>;
    communeKey: string;
    committeeAccountId: string;
    /** The day the demo is loaded: recent issues and messages are dated from it. */
    today: string;
    /** Who reports on a unit's tasks: its contact (a cell's secretary). */
    contactOf: (unitKey: string) => { memberId: string | null; accountId: string | null };
  },
): Promise<{ issues: number; citizenFeedback: number; trackingCodes: Map<string, string> }> {
  const communeId = refs.unitIds.get(refs.communeKey)!;
  const unit = (key: string | null) => (key ? refs.unitIds.get(key)! : null);
  await ensureCategories(trx, handle.dialect, refs.unitPaths.get(refs.communeKey)!, null);
  const audit: AuditWrite[] = [];
  const issues = demoLocalIssues(refs.today);
  const messages = demoCitizenMessages(refs.today);
  const issueIds = new Map<string, string>();
  const rounds = new Map<string, number>();

  for (const d of issues) {
    const id = newId();
    issueIds.set(d.key, id);
    const created = demoInstant(d.createdOn, 2);
    const last = d.steps[d.steps.length - 1];
    const resolvedSteps = d.steps.filter((s) => s.to === 'resolved');
    const row: LocalIssueTable = {
      id,
      unit_id: communeId,
      category_code: d.categoryCode,
      title: d.title,
      description: d.description,
      village_unit_id: unit(d.villageKey),
      area_name: d.areaName,
      latitude: d.point?.[0] ?? null,
      longitude: d.point?.[1] ?? null,
      since_year: d.sinceYear,
      since_before: d.sinceBefore ? 1 : 0,
      households_affected: d.households,
      responsible_unit_id: unit(d.responsibleUnitKey),
      responsible_member_id: null,
      deadline: d.deadline,
      status: last?.to ?? 'new',
      status_reason: last?.to === 'unresolvable' ? (last.note ?? null) : null,
      resolution_summary: resolvedSteps.length ? (resolvedSteps[resolvedSteps.length - 1]!.note ?? null) : null,
      resolved_on: last?.to === 'resolved' ? last.on : null,
      resolution_round: resolvedSteps.length,
      public: d.public ? 1 : 0,
      search_text: foldVietnamese([d.title, d.areaName ?? '', d.description].join(' ')),
      created_by_account_id: refs.committeeAccountId,
      created_at: created,
      updated_at: last ? demoInstant(last.on, 3) : created,
    };
    rounds.set(d.key, row.resolution_round);
    await trx.insertInto('local_issues').values(row).execute();
    const changes = [{ on: d.createdOn, from: null as string | null, to: 'new', note: null as string | null, hour: 2 }];
    let from = 'new';
    for (const s of d.steps) {
      changes.push({ on: s.on, from, to: s.to, note: s.note ?? null, hour: 3 });
      from = s.to;
    }
    await trx
      .insertInto('local_issue_status_changes')
      .values(changes.map((c) => ({ id: newId(), issue_id: id, unit_id: communeId, from_status: c.from, to_status: c.to, note: c.note, actor_account_id: refs.committeeAccountId, created_at: demoInstant(c.on, c.hour) })))
      .execute();
    audit.push({ actorAccountId: refs.committeeAccountId, action: 'local_issue.create', recordType: 'local_issue', recordId: id, unitId: communeId, after: issueSnapshot({ ...row, status: 'new' }) });
    for (const c of changes.slice(1)) {
      audit.push({ actorAccountId: refs.committeeAccountId, action: 'local_issue.status', recordType: 'local_issue', recordId: id, unitId: communeId, before: { status: c.from }, after: { status: c.to, note: c.note } });
    }
    if (d.cellDecision && d.villageKey) {
      await trx
        .insertInto('local_issue_confirmations')
        .values({
          id: newId(),
          issue_id: id,
          unit_id: communeId,
          round: row.resolution_round,
          decision: d.cellDecision.decision,
          comment: d.cellDecision.comment ?? null,
          citizen_feedback_id: null,
          cell_unit_id: unit(d.villageKey),
          account_id: null,
          created_at: demoInstant(d.cellDecision.on, 4),
        })
        .execute();
      audit.push({ actorAccountId: null, action: 'local_issue.confirmation', recordType: 'local_issue', recordId: id, unitId: communeId, after: { round: row.resolution_round, decision: d.cellDecision.decision, by: 'cell' } });
    }
    for (const task of d.tasks ?? []) {
      // Given by the committee to the responsible unit, reported on by the unit's contact.
      const owner = d.responsibleUnitKey!;
      const rows = demoTaskRows({
        id: newId(),
        unitId: communeId,
        title: task.title,
        ownerMemberId: null,
        ownerUnitId: unit(owner),
        deadline: task.deadline,
        doneOn: task.doneOn ?? null,
        life: {
          deliverable: task.deliverable,
          priority: 'high',
          coworkerKeys: [],
          progress: task.progress,
          close: task.doneOn ? { outcome: task.doneOn <= task.deadline ? 'on_time' : 'late', on: task.doneOn, comment: task.closeComment ?? '' } : null,
        },
        createdAt: demoInstant(task.givenOn, 10),
        source: { source_kind: 'local_issue', source_meeting_id: null, source_directive_id: null, source_local_issue_id: id },
        receivedOn: null,
        handedDownOn: null,
        reporter: refs.contactOf(owner),
        closedByAccountId: refs.committeeAccountId,
        createdByAccountId: refs.committeeAccountId,
        coworkerIds: [],
      });
      await trx.insertInto('tasks').values(rows.task).execute();
      await insertInChunks(trx, 'task_progress', rows.progress);
      audit.push({ ...demoTaskAudit(rows.task), actorAccountId: refs.committeeAccountId });
    }
  }

  const key = await formKey(handle);
  const trackingCodes = new Map<string, string>();
  for (const m of messages) {
    const id = newId();
    const sent = demoInstant(m.sentOn, 1);
    const row: CitizenFeedbackTable = {
      id,
      unit_id: communeId,
      village_unit_id: unit(m.villageKey)!,
      name: m.name,
      phone: m.phone,
      email: m.email,
      consent_contact: m.consent ? 1 : 0,
      topic: m.topic,
      content: m.content,
      status: m.status,
      local_issue_id: m.issueKey ? issueIds.get(m.issueKey)! : null,
      routed_unit_id: unit(m.routedUnitKey ?? null),
      answer_text: m.answer?.text ?? null,
      answered_at: m.answer ? demoInstant(m.answer.on, 5) : null,
      answered_by_account_id: m.answer ? refs.committeeAccountId : null,
      close_reason: m.closeReason ?? null,
      closed_at: m.closeReason ? demoInstant(m.sentOn, 6) : null,
      duplicate_count: 0,
      contact_hash: hashContact(key, normaliseContact({ phone: m.phone ?? undefined, email: m.email ?? undefined })),
      content_hash: hashContent(key, contentFingerprint(m.content)),
      created_at: sent,
      updated_at: m.answer ? demoInstant(m.answer.on, 5) : sent,
    };
    await trx.insertInto('citizen_feedback').values(row).execute();
    const code = newTrackingCode(randomBytes);
    trackingCodes.set(m.key, code);
    await trx.insertInto('citizen_feedback_codes').values({ code_hash: hashTrackingCode(code), feedback_id: id, unit_id: communeId, created_at: sent }).execute();
    audit.push({ actorAccountId: null, action: 'citizen_feedback.create', recordType: 'citizen_feedback', recordId: id, unitId: communeId, after: citizenFeedbackSnapshot(row) });
    if (row.local_issue_id) audit.push({ actorAccountId: refs.committeeAccountId, action: 'citizen_feedback.link', recordType: 'citizen_feedback', recordId: id, unitId: communeId, after: { localIssueId: row.local_issue_id } });
    if (row.routed_unit_id) audit.push({ actorAccountId: refs.committeeAccountId, action: 'citizen_feedback.route', recordType: 'citizen_feedback', recordId: id, unitId: communeId, after: { routedUnitId: row.routed_unit_id } });
    if (m.answer) audit.push({ actorAccountId: refs.committeeAccountId, action: 'citizen_feedback.answer', recordType: 'citizen_feedback', recordId: id, unitId: communeId, after: { status: 'answered', answer: m.answer.text } });
    if (m.closeReason) audit.push({ actorAccountId: refs.committeeAccountId, action: 'citizen_feedback.close', recordType: 'citizen_feedback', recordId: id, unitId: communeId, after: { status: 'closed', reason: m.closeReason } });
    if (m.decision && m.issueKey) {
      const issueId = issueIds.get(m.issueKey)!;
      const round = rounds.get(m.issueKey)!;
      await trx
        .insertInto('local_issue_confirmations')
        .values({ id: newId(), issue_id: issueId, unit_id: communeId, round, decision: m.decision.decision, comment: m.decision.comment ?? null, citizen_feedback_id: id, cell_unit_id: null, account_id: null, created_at: demoInstant(m.decision.on, 7) })
        .execute();
      audit.push({ actorAccountId: null, action: 'local_issue.confirmation', recordType: 'local_issue', recordId: issueId, unitId: communeId, after: { round, decision: m.decision.decision, by: 'citizen', citizenFeedbackId: id } });
    }
  }
  await writeAuditEntries(trx, handle.dialect, audit);
  return { issues: issues.length, citizenFeedback: messages.length, trackingCodes };
}
