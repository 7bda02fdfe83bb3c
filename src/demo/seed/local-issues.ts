import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import type {
  CitizenFeedbackCodeTable,
  CitizenFeedbackTable,
  Database,
  LocalIssueConfirmationTable,
  LocalIssueStatusChangeTable,
  LocalIssueTable,
} from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import { foldVietnamese } from '../../domain/vietnamese.js';
import { contentFingerprint, newTrackingCode, normaliseContact } from '../../domain/citizen-feedback.js';
import { demoCitizenMessages, demoLocalIssues, type DemoCitizenMessage, type DemoIssueTask, type DemoLocalIssue } from '../local-issues.js';
import { writeAuditEntries, type AuditWrite } from '../../features/audit/service.js';
import { ensureCategories, issueSnapshot } from '../../features/local-issues/service.js';
import { citizenFeedbackSnapshot, formKey, hashContact, hashContent, hashTrackingCode } from '../../features/citizen-feedback/service.js';
import { demoInstant, demoTaskAudit, demoTaskRows, insertDemoTasks, type DemoTaskRows } from './work.js';
import { insertInChunks } from './insert.js';

/** What the local-issue writer is given: the ids written so far, the committee, the day. */
export interface LocalIssueRefs {
  unitIds: Map<string, string>;
  unitPaths: Map<string, string>;
  communeKey: string;
  committeeAccountId: string;
  /** The day the demo is loaded: recent issues and messages are dated from it. */
  today: string;
  /** Who reports on a unit's tasks: its contact (a cell's secretary). */
  contactOf: (unitKey: string) => { memberId: string | null; accountId: string | null };
}

/**
 * The demo's local issues, their status history, the citizens' messages about them and the
 * people's word on the resolutions (demo-local-issues.ts), each audited as the services would.
 * Rows go in batches: the issues' first, then the messages'. Returns the counts and the tracking
 * codes (only their hashes are stored: the demo prints them).
 */
export async function seedDemoLocalIssues(
  trx: Kysely<Database>,
  handle: Pick<DatabaseHandle, 'db' | 'dialect'>,
  refs: LocalIssueRefs,
): Promise<{ issues: number; citizenFeedback: number; trackingCodes: Map<string, string> }> {
  const seed: LocalSeed = { refs, communeId: refs.unitIds.get(refs.communeKey)!, audit: [], unit: (key) => (key ? refs.unitIds.get(key)! : null) };
  await ensureCategories(trx, handle.dialect, refs.unitPaths.get(refs.communeKey)!, null);
  const issues = demoLocalIssues(refs.today);
  const messages = demoCitizenMessages(refs.today);
  const stored = await writeIssues(trx, seed, issues);
  const trackingCodes = await writeCitizenMessages(trx, handle, seed, messages, stored);
  await writeAuditEntries(trx, handle.dialect, seed.audit);
  return { issues: issues.length, citizenFeedback: messages.length, trackingCodes };
}

/** What the steps share: the refs, the commune's id, a unit's id by key, and the audit entries in order. */
interface LocalSeed {
  refs: LocalIssueRefs;
  communeId: string;
  unit(key: string | null): string | null;
  audit: AuditWrite[];
}

/** Each issue's id and its resolution round, by key: the messages link to them. */
interface StoredIssues {
  ids: Map<string, string>;
  rounds: Map<string, number>;
}

/** The issues (vấn đề tồn tại) with their status history, the cells' word and their tasks, in batches. */
async function writeIssues(trx: Kysely<Database>, seed: LocalSeed, issues: readonly DemoLocalIssue[]): Promise<StoredIssues> {
  const stored: StoredIssues = { ids: new Map(), rounds: new Map() };
  const rows: LocalIssueTable[] = [];
  const changes: LocalIssueStatusChangeTable[] = [];
  const confirmations: LocalIssueConfirmationTable[] = [];
  const tasks: DemoTaskRows[] = [];
  for (const d of issues) {
    const row = issueRow(seed, d);
    stored.ids.set(d.key, row.id);
    stored.rounds.set(d.key, row.resolution_round);
    rows.push(row);
    changes.push(...statusHistory(seed, d, row));
    if (d.cellDecision && d.villageKey) {
      confirmations.push(confirmation(seed, { issueId: row.id, round: row.resolution_round, word: d.cellDecision, hour: 4, cellUnitId: seed.unit(d.villageKey), citizenFeedbackId: null }));
    }
    for (const task of d.tasks ?? []) tasks.push(issueTask(seed, d, row.id, task));
  }
  await insertInChunks(trx, 'local_issues', rows, 50);
  await insertInChunks(trx, 'local_issue_status_changes', changes);
  await insertInChunks(trx, 'local_issue_confirmations', confirmations);
  await insertDemoTasks(trx, tasks);
  return stored;
}

/** The stored issue in its state as the data ends: status, resolution and round from its last steps. */
function issueRow(seed: LocalSeed, d: DemoLocalIssue): LocalIssueTable {
  const created = demoInstant(d.createdOn, 2);
  const last = d.steps[d.steps.length - 1];
  const resolvedSteps = d.steps.filter((s) => s.to === 'resolved');
  return {
    id: newId(),
    unit_id: seed.communeId,
    category_code: d.categoryCode,
    title: d.title,
    description: d.description,
    village_unit_id: seed.unit(d.villageKey),
    area_name: d.areaName,
    latitude: d.point?.[0] ?? null,
    longitude: d.point?.[1] ?? null,
    since_year: d.sinceYear,
    since_before: d.sinceBefore ? 1 : 0,
    households_affected: d.households,
    responsible_unit_id: seed.unit(d.responsibleUnitKey),
    responsible_member_id: null,
    deadline: d.deadline,
    status: last?.to ?? 'new',
    status_reason: last?.to === 'unresolvable' ? (last.note ?? null) : null,
    resolution_summary: resolvedSteps.length ? (resolvedSteps[resolvedSteps.length - 1]!.note ?? null) : null,
    resolved_on: last?.to === 'resolved' ? last.on : null,
    resolution_round: resolvedSteps.length,
    public: d.public ? 1 : 0,
    search_text: foldVietnamese([d.title, d.areaName ?? '', d.description].join(' ')),
    created_by_account_id: seed.refs.committeeAccountId,
    created_at: created,
    updated_at: last ? demoInstant(last.on, 3) : created,
  };
}

/** The issue's status changes from "new" on, each audited after the issue's creation. */
function statusHistory(seed: LocalSeed, d: DemoLocalIssue, row: LocalIssueTable): LocalIssueStatusChangeTable[] {
  const { communeId, refs } = seed;
  const changes = [{ on: d.createdOn, from: null as string | null, to: 'new', note: null as string | null, hour: 2 }];
  let from = 'new';
  for (const s of d.steps) {
    changes.push({ on: s.on, from, to: s.to, note: s.note ?? null, hour: 3 });
    from = s.to;
  }
  const rows = changes.map((c) => ({ id: newId(), issue_id: row.id, unit_id: communeId, from_status: c.from, to_status: c.to, note: c.note, actor_account_id: refs.committeeAccountId, created_at: demoInstant(c.on, c.hour) }));
  seed.audit.push({ actorAccountId: refs.committeeAccountId, action: 'local_issue.create', recordType: 'local_issue', recordId: row.id, unitId: communeId, after: issueSnapshot({ ...row, status: 'new' }) });
  for (const c of changes.slice(1)) {
    seed.audit.push({ actorAccountId: refs.committeeAccountId, action: 'local_issue.status', recordType: 'local_issue', recordId: row.id, unitId: communeId, before: { status: c.from }, after: { status: c.to, note: c.note } });
  }
  return rows;
}

/** A word on an issue's resolution: the village cell's, or a citizen's through their message. */
interface ConfirmationInput {
  issueId: string;
  round: number;
  word: { on: string; decision: string; comment?: string };
  /** The hour (UTC) of the day it was given. */
  hour: number;
  cellUnitId: string | null;
  citizenFeedbackId: string | null;
}

/** The stored word on a resolution (xác nhận kết quả), with its audit entry. */
function confirmation(seed: LocalSeed, c: ConfirmationInput): LocalIssueConfirmationTable {
  const by = c.citizenFeedbackId ? { by: 'citizen', citizenFeedbackId: c.citizenFeedbackId } : { by: 'cell' };
  seed.audit.push({ actorAccountId: null, action: 'local_issue.confirmation', recordType: 'local_issue', recordId: c.issueId, unitId: seed.communeId, after: { round: c.round, decision: c.word.decision, ...by } });
  return {
    id: newId(),
    issue_id: c.issueId,
    unit_id: seed.communeId,
    round: c.round,
    decision: c.word.decision,
    comment: c.word.comment ?? null,
    citizen_feedback_id: c.citizenFeedbackId,
    cell_unit_id: c.cellUnitId,
    account_id: null,
    created_at: demoInstant(c.word.on, c.hour),
  };
}

/** A task the committee gave the responsible unit on the issue, reported on by the unit's contact; audited. */
function issueTask(seed: LocalSeed, d: DemoLocalIssue, issueId: string, task: DemoIssueTask): DemoTaskRows {
  const { refs } = seed;
  const owner = d.responsibleUnitKey!;
  const rows = demoTaskRows({
    id: newId(),
    unitId: seed.communeId,
    title: task.title,
    ownerMemberId: null,
    ownerUnitId: seed.unit(owner),
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
    source: { source_kind: 'local_issue', source_meeting_id: null, source_directive_id: null, source_local_issue_id: issueId },
    receivedOn: null,
    handedDownOn: null,
    reporter: refs.contactOf(owner),
    closedByAccountId: refs.committeeAccountId,
    createdByAccountId: refs.committeeAccountId,
    coworkerIds: [],
  });
  seed.audit.push({ ...demoTaskAudit(rows.task), actorAccountId: refs.committeeAccountId });
  return rows;
}

/**
 * The citizens' messages (ý kiến người dân), hashed as the service keeps them, each with its
 * tracking code and the committee's handling; returns the codes by message key.
 */
async function writeCitizenMessages(
  trx: Kysely<Database>,
  handle: Pick<DatabaseHandle, 'db'>,
  seed: LocalSeed,
  messages: readonly DemoCitizenMessage[],
  issues: StoredIssues,
): Promise<Map<string, string>> {
  const key = await formKey(handle);
  const trackingCodes = new Map<string, string>();
  const rows: CitizenFeedbackTable[] = [];
  const codes: CitizenFeedbackCodeTable[] = [];
  const confirmations: LocalIssueConfirmationTable[] = [];
  for (const m of messages) {
    const row = citizenFeedbackRow(seed, key, m, issues);
    rows.push(row);
    const code = newTrackingCode(randomBytes);
    trackingCodes.set(m.key, code);
    codes.push({ code_hash: hashTrackingCode(code), feedback_id: row.id, unit_id: seed.communeId, created_at: row.created_at });
    seed.audit.push(...citizenFeedbackAudit(seed, m, row));
    if (m.decision && m.issueKey) {
      confirmations.push(confirmation(seed, { issueId: issues.ids.get(m.issueKey)!, round: issues.rounds.get(m.issueKey)!, word: m.decision, hour: 7, cellUnitId: null, citizenFeedbackId: row.id }));
    }
  }
  await insertInChunks(trx, 'citizen_feedback', rows, 50);
  await insertInChunks(trx, 'citizen_feedback_codes', codes);
  await insertInChunks(trx, 'local_issue_confirmations', confirmations);
  return trackingCodes;
}

/** The stored message: contact and content hashed with the install's key, its answer or close. */
function citizenFeedbackRow(seed: LocalSeed, key: Buffer, m: DemoCitizenMessage, issues: StoredIssues): CitizenFeedbackTable {
  const sent = demoInstant(m.sentOn, 1);
  return {
    id: newId(),
    unit_id: seed.communeId,
    village_unit_id: seed.unit(m.villageKey)!,
    name: m.name,
    phone: m.phone,
    email: m.email,
    consent_contact: m.consent ? 1 : 0,
    topic: m.topic,
    content: m.content,
    status: m.status,
    local_issue_id: m.issueKey ? issues.ids.get(m.issueKey)! : null,
    routed_unit_id: seed.unit(m.routedUnitKey ?? null),
    answer_text: m.answer?.text ?? null,
    answered_at: m.answer ? demoInstant(m.answer.on, 5) : null,
    answered_by_account_id: m.answer ? seed.refs.committeeAccountId : null,
    close_reason: m.closeReason ?? null,
    closed_at: m.closeReason ? demoInstant(m.sentOn, 6) : null,
    duplicate_count: 0,
    contact_hash: hashContact(key, normaliseContact({ phone: m.phone ?? undefined, email: m.email ?? undefined })),
    content_hash: hashContent(key, contentFingerprint(m.content)),
    created_at: sent,
    updated_at: m.answer ? demoInstant(m.answer.on, 5) : sent,
  };
}

/** A message's history: sent by a citizen, then linked, routed, answered, closed by the committee. */
function citizenFeedbackAudit(seed: LocalSeed, m: DemoCitizenMessage, row: CitizenFeedbackTable): AuditWrite[] {
  const entry = { recordType: 'citizen_feedback', recordId: row.id, unitId: seed.communeId };
  const committee = { ...entry, actorAccountId: seed.refs.committeeAccountId };
  const entries: AuditWrite[] = [{ actorAccountId: null, action: 'citizen_feedback.create', ...entry, after: citizenFeedbackSnapshot(row) }];
  if (row.local_issue_id) entries.push({ ...committee, action: 'citizen_feedback.link', after: { localIssueId: row.local_issue_id } });
  if (row.routed_unit_id) entries.push({ ...committee, action: 'citizen_feedback.route', after: { routedUnitId: row.routed_unit_id } });
  if (m.answer) entries.push({ ...committee, action: 'citizen_feedback.answer', after: { status: 'answered', answer: m.answer.text } });
  if (m.closeReason) entries.push({ ...committee, action: 'citizen_feedback.close', after: { status: 'closed', reason: m.closeReason } });
  return entries;
}
