import { pathIds, rootPathOf } from '../../domain/unit-paths.js';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import { can, isWithin, type Actor } from '../../domain/policy.js';
import type { CitizenFeedbackTable, Database } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { localDate } from '../../domain/vietnam-time.js';
import {
  DUPLICATE_WINDOW_HOURS,
  checkPublicLimits,
  contentFingerprint,
  formatTrackingCode,
  newTrackingCode,
  normaliseContact,
  normaliseTrackingCode,
} from '../../domain/citizen-feedback.js';
import { AppError, fieldError, forbidden, notFound } from '../../core/errors.js';
import type { CitizenFeedbackStatus, ConfirmationDecision, LocalIssueStatus } from '../../shared/enums.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { findUnit, unitsByIds } from '../units/lookup.js';
import { authorizeUnit } from '../units/policy.js';
import * as issueRepo from '../local-issues/lookup.js';
import { addConfirmation, categoriesInEffect, insertNewIssue, villageOrder } from '../local-issues/service.js';
import { issueAccessOf, mayReadIssue } from '../local-issues/policy.js';
import { countConfirmations } from '../../domain/local-issues.js';
import * as repo from './repo.js';
import type { CitizenFeedbackRow } from './repo.js';
import { checkFormToken, formKey, hashContact, hashContent, hashIp, hashTrackingCode, signFormToken } from './guards.js';

/** How a message's contact, content and code are kept (hashed with the install's key): the demo stores its messages the same way. */
export { formKey, hashContact, hashContent, hashTrackingCode };
import {
  authorizeCitizenAnswer,
  authorizeCitizenFeedbackRead,
  authorizeTriage,
  citizenFeedbackActionsFor,
  inboxRoutedOnly,
  maySeeContact,
  type CitizenFeedbackAccess,
} from './policy.js';
import { MAX_CITIZEN_CONTENT } from './schemas.js';
import type {
  AnswerBody,
  CitizenFeedbackListResponse,
  CitizenFeedbackSummary,
  PublicFeedbackBody,
  PublicFeedbackForm,
  PublicFeedbackReceipt,
  PublicFeedbackStatus,
  TriageBody,
} from './schemas.js';

type Db = Kysely<Database>;

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

// --- the public side ---------------------------------------------------------------------------------

/** The commune a village belongs to: its nearest ancestor of kind commune (or its parent). */
async function communeOf(db: Db, villagePath: string): Promise<{ id: string; name: string; path: string }> {
  const ids = pathIds(villagePath).slice(0, -1);
  const units = await unitsByIds(db, ids);
  const byDepth = ids.map((id) => units.find((u) => u.id === id)!).reverse();
  return byDepth.find((u) => u.kind === 'commune') ?? byDepth[0]!;
}

/** What the public form offers: the villages of every commune, the topics, a freshly signed token. */
export async function publicForm(ctx: AppContext): Promise<PublicFeedbackForm> {
  const { db } = ctx.handle;
  const [villages, key] = await Promise.all([repo.publicVillages(db), formKey(ctx.handle)]);
  const root = villages[0] ? rootPathOf(villages[0].path) : null;
  const categories = root ? await categoriesInEffect(db, root) : [];
  villages.sort((a, b) => villageOrder.compare(a.parent_name, b.parent_name) || villageOrder.compare(a.village_name!, b.village_name!));
  return {
    villages: villages.map((v) => ({ unitId: v.id, name: v.village_name!, communeId: v.parent_id, communeName: v.parent_name })),
    topics: categories.map((c) => ({ code: c.code, name: c.name })),
    formToken: signFormToken(key, Date.now()),
    maxContent: MAX_CITIZEN_CONTENT,
  };
}

/** What the audit log keeps of a citizen's message: never the name or the contact (UBKT reads the log). */
export function citizenFeedbackSnapshot(f: Pick<CitizenFeedbackTable, 'village_unit_id' | 'topic' | 'content' | 'consent_contact' | 'phone' | 'email'>) {
  return {
    villageUnitId: f.village_unit_id,
    topic: f.topic,
    content: f.content,
    consentContact: f.consent_contact === 1,
    hasPhone: f.phone !== null,
    hasEmail: f.email !== null,
  };
}

/**
 * A citizen sends a message. The guards run cheapest first: the counters (429), the signed form's
 * age (a robot posts at once), the honeypot (answered like a success, stored nowhere), then the
 * fields. The same message from the same contact within a day joins the earlier one and gets its
 * own code for it.
 */
export async function submitPublicFeedback(ctx: AppContext, body: PublicFeedbackBody, ip: string): Promise<PublicFeedbackReceipt> {
  const { db, dialect } = ctx.handle;
  if (!body.phone && !body.email) throw fieldError('phone', 'public_contact_required');
  const key = await formKey(ctx.handle);
  const contact = normaliseContact(body);
  const ipHash = hashIp(key, ip);
  const contactHash = hashContact(key, contact);

  const counts = await repo.countSubmissions(db, { ipHash, contactHash, ipSince: hoursAgo(1), contactSince: hoursAgo(24) });
  const limit = checkPublicLimits(counts, { perIpPerHour: ctx.config.publicFeedbackPerIpPerHour, perContactPerDay: ctx.config.publicFeedbackPerContactPerDay });
  if (!limit.allowed) {
    throw new AppError(429, 'public_rate_limited', { minutes: limit.retryMinutes }, undefined, { 'retry-after': String(limit.retryMinutes * 60) });
  }
  const record = (withContact: boolean) =>
    repo.insertSubmission(db, { id: newId(), ip_hash: ipHash, contact_hash: withContact ? contactHash : null, created_at: nowIso() });

  const age = checkFormToken(key, body.formToken, Date.now(), ctx.config.publicFormMinSeconds);
  if (age === 'too_fast') {
    await record(false);
    throw fieldError('formToken', 'public_form_too_fast');
  }
  if (age !== 'ok') throw fieldError('formToken', 'public_form_invalid');
  if (body.website) {
    // A robot filled the field people never see: it gets what a person would, and nothing is kept.
    await record(false);
    return { trackingCode: formatTrackingCode(newTrackingCode(randomBytes)), merged: false };
  }

  const village = await issueRepo.findVillage(db, body.villageUnitId);
  if (!village || village.archived_at) throw fieldError('villageUnitId', 'public_village_unknown');
  const categories = await categoriesInEffect(db, village.path);
  if (!categories.some((c) => c.code === body.topic)) throw fieldError('topic', 'public_topic_unknown');
  const commune = await communeOf(db, village.path);
  const content = body.content.normalize('NFC');
  const contentHash = hashContent(key, contentFingerprint(content));
  const code = newTrackingCode(randomBytes);

  const merged = await writeTransaction(ctx.handle, async (trx) => {
    const now = nowIso();
    await repo.insertSubmission(trx, { id: newId(), ip_hash: ipHash, contact_hash: contactHash, created_at: now });
    await repo.pruneSubmissions(trx, hoursAgo(48));
    const earlier = await repo.findDuplicate(trx, { contactHash, contentHash, villageUnitId: village.id, since: hoursAgo(DUPLICATE_WINDOW_HOURS) });
    if (earlier) {
      await repo.updateFeedback(trx, earlier.id, { duplicate_count: Number(earlier.duplicate_count) + 1, updated_at: now });
      await repo.insertCode(trx, { code_hash: hashTrackingCode(code), feedback_id: earlier.id, unit_id: earlier.unit_id, created_at: now });
      await writeAudit(trx, dialect, {
        actorAccountId: null,
        action: 'citizen_feedback.merge',
        recordType: 'citizen_feedback',
        recordId: earlier.id,
        unitId: earlier.unit_id,
        before: { duplicateCount: Number(earlier.duplicate_count) },
        after: { duplicateCount: Number(earlier.duplicate_count) + 1 },
      });
      return true;
    }
    const row: CitizenFeedbackTable = {
      id: newId(),
      unit_id: commune.id,
      village_unit_id: village.id,
      name: body.name.normalize('NFC'),
      phone: body.phone ?? null,
      email: body.email ?? null,
      consent_contact: body.consentContact ? 1 : 0,
      topic: body.topic,
      content,
      status: 'new',
      local_issue_id: null,
      routed_unit_id: null,
      answer_text: null,
      answered_at: null,
      answered_by_account_id: null,
      close_reason: null,
      closed_at: null,
      duplicate_count: 0,
      contact_hash: contactHash,
      content_hash: contentHash,
      created_at: now,
      updated_at: now,
    };
    await repo.insertFeedback(trx, row);
    await repo.insertCode(trx, { code_hash: hashTrackingCode(code), feedback_id: row.id, unit_id: row.unit_id, created_at: now });
    await writeAudit(trx, dialect, {
      actorAccountId: null,
      action: 'citizen_feedback.create',
      recordType: 'citizen_feedback',
      recordId: row.id,
      unitId: row.unit_id,
      after: citizenFeedbackSnapshot(row),
    });
    return false;
  });
  return { trackingCode: formatTrackingCode(code), merged };
}

/**
 * The message a code names. Whatever was typed is normalised, hashed and looked up the same way,
 * so a malformed code, a wrong one and a guessed one all cost one index probe and answer the same 404.
 */
async function byCode(db: Db, code: string): Promise<CitizenFeedbackRow> {
  const found = await repo.findByCodeHash(db, hashTrackingCode(normaliseTrackingCode(code)));
  if (!found) throw new AppError(404, 'tracking_code_unknown');
  return found;
}

export async function publicStatus(ctx: AppContext, code: string): Promise<PublicFeedbackStatus> {
  const { db } = ctx.handle;
  const f = await byCode(db, code);
  const categories = await categoriesInEffect(db, f.unit_path);
  let issue: PublicFeedbackStatus['issue'] = null;
  if (f.local_issue_id) {
    const i = (await issueRepo.findIssue(db, f.local_issue_id))!;
    const round = Number(i.resolution_round);
    const confirmations = await issueRepo.confirmationsOf(db, i.id, round);
    const mine = confirmations.find((c) => c.citizen_feedback_id === f.id);
    issue = {
      id: i.id,
      title: i.title,
      status: i.status as LocalIssueStatus,
      resolutionSummary: i.status === 'resolved' ? i.resolution_summary : null,
      resolvedOn: i.status === 'resolved' ? i.resolved_on : null,
      confirmations: countConfirmations(confirmations.map((c) => c.decision as ConfirmationDecision)),
      canConfirm: i.status === 'resolved' && !mine,
      myDecision: i.status === 'resolved' && mine ? (mine.decision as ConfirmationDecision) : null,
    };
  }
  return {
    status: f.status as CitizenFeedbackStatus,
    topicName: categories.find((c) => c.code === f.topic)?.name ?? f.topic,
    villageName: f.village_name,
    submittedOn: localDate(f.created_at),
    content: f.content,
    answer: f.answer_text && f.answered_at ? { text: f.answer_text, answeredOn: localDate(f.answered_at) } : null,
    closeReason: f.status === 'closed' ? f.close_reason : null,
    issue,
  };
}

/** The citizen's word on the resolution of the issue their message was linked to. */
export async function confirmWithCode(ctx: AppContext, issueId: string, code: string, body: { decision: ConfirmationDecision; comment?: string | undefined }) {
  const f = await byCode(ctx.handle.db, code);
  // A code for another issue's message answers like an unknown issue.
  if (f.local_issue_id !== issueId) throw notFound();
  await addConfirmation(ctx, { kind: 'citizen', citizenFeedbackId: f.id }, issueId, body);
  return publicStatus(ctx, code);
}

// --- the staff side ----------------------------------------------------------------------------------

const accessOf = (f: CitizenFeedbackRow): CitizenFeedbackAccess => ({ unitPath: f.unit_path, routedPath: f.routed_path, status: f.status });

function present(f: CitizenFeedbackRow, actor: Actor, topicNames: Map<string, string>): CitizenFeedbackSummary {
  const access = accessOf(f);
  return {
    id: f.id,
    unitId: f.unit_id,
    village: { unitId: f.village_unit_id, name: f.village_name },
    topic: f.topic,
    topicName: topicNames.get(f.topic) ?? f.topic,
    content: f.content,
    status: f.status as CitizenFeedbackStatus,
    contact: maySeeContact(actor, access) ? { name: f.name, phone: f.phone, email: f.email, consentContact: Number(f.consent_contact) === 1 } : null,
    localIssue: f.local_issue_id ? { id: f.local_issue_id, title: f.issue_title ?? '', status: f.issue_status as LocalIssueStatus } : null,
    routedUnit: f.routed_unit_id ? { id: f.routed_unit_id, name: f.routed_name ?? '' } : null,
    answerText: f.answer_text,
    answeredAt: f.answered_at,
    answeredByName: f.answered_by_name,
    closeReason: f.close_reason,
    duplicateCount: Number(f.duplicate_count),
    createdAt: f.created_at,
    actions: citizenFeedbackActionsFor(actor, access),
  };
}

async function topicNamesFor(db: Db, unitPath: string) {
  return new Map((await categoriesInEffect(db, unitPath)).map((c) => [c.code, c.name]));
}

export async function listFeedback(
  ctx: AppContext,
  actor: Actor,
  query: { unitId: string; status?: CitizenFeedbackStatus | undefined; page: number; pageSize: number },
): Promise<CitizenFeedbackListResponse> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, query.unitId);
  authorizeUnit(actor, 'citizen_feedback.read', unit);
  const routedOnlyPaths = inboxRoutedOnly(unit!);
  const [{ total, rows, counts }, names] = await Promise.all([
    repo.listInSubtree(db, { unitPath: unit!.path, routedOnlyPaths, status: query.status }, query.page, query.pageSize),
    topicNamesFor(db, unit!.path),
  ]);
  const byStatus = { new: 0, in_progress: 0, answered: 0, closed: 0 } as Record<CitizenFeedbackStatus, number>;
  for (const c of counts) byStatus[c.status as CitizenFeedbackStatus] = c.n;
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map((r) => present(r, actor, names)), counts: byStatus };
}

async function load(db: Db, actor: Actor, id: string, check: (actor: Actor, f: CitizenFeedbackAccess | undefined) => void = authorizeCitizenFeedbackRead) {
  const f = await repo.findFeedback(db, id);
  check(actor, f ? accessOf(f) : undefined);
  return f!;
}

export async function feedbackDetail(ctx: AppContext, actor: Actor, id: string): Promise<CitizenFeedbackSummary> {
  const f = await load(ctx.handle.db, actor, id);
  return present(f, actor, await topicNamesFor(ctx.handle.db, f.unit_path));
}

/** Triage by the committee: link to an issue, make an issue of it, route it to a cell, or close it. */
export async function triage(ctx: AppContext, actor: Actor, id: string, body: TriageBody): Promise<CitizenFeedbackSummary> {
  await writeTransaction(ctx.handle, async (trx) => {
    const f = await load(trx, actor, id, authorizeTriage);
    if (f.status === 'closed') throw new AppError(409, 'citizen_feedback_closed');
    const now = nowIso();
    const moving = f.status === 'new' ? { status: 'in_progress' } : {};
    let patch: Partial<CitizenFeedbackTable>;
    let after: Record<string, unknown>;
    switch (body.action) {
      case 'link': {
        const issue = await issueRepo.findIssue(trx, body.localIssueId);
        if (!issue || !isWithin(issue.unit_path, f.unit_path) || !mayReadIssue(actor, issueAccessOf(issue))) {
          throw new AppError(404, 'not_found', {}, [{ field: 'localIssueId', messageKey: 'not_found' }]);
        }
        if (f.local_issue_id === issue.id) throw new AppError(409, 'citizen_feedback_linked_already');
        patch = { local_issue_id: issue.id, ...moving };
        after = { localIssueId: issue.id };
        break;
      }
      case 'create_issue': {
        const commune = (await findUnit(trx, f.unit_id))!;
        if (!can(actor, 'local_issue.manage', { unitPath: commune.path })) throw forbidden();
        const issue = await insertNewIssue(trx, ctx.handle.dialect, actor.accountId, commune, { villageUnitId: f.village_unit_id, ...body.issue }, { fieldPrefix: 'issue.' });
        patch = { local_issue_id: issue.id, ...moving };
        after = { localIssueId: issue.id, created: true };
        break;
      }
      case 'route': {
        const unit = await findUnit(trx, body.unitId);
        if (!unit || unit.archived_at || unit.kind !== 'cell' || !isWithin(unit.path, f.unit_path)) throw fieldError('unitId', 'citizen_feedback_route_invalid');
        patch = { routed_unit_id: unit.id, ...moving };
        after = { routedUnitId: unit.id };
        break;
      }
      case 'close':
        patch = { status: 'closed', close_reason: body.reason, closed_at: now };
        after = { status: 'closed', reason: body.reason };
        break;
    }
    await repo.updateFeedback(trx, id, { ...patch, updated_at: now });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: `citizen_feedback.${body.action}`,
      recordType: 'citizen_feedback',
      recordId: id,
      unitId: f.unit_id,
      before: { status: f.status, localIssueId: f.local_issue_id, routedUnitId: f.routed_unit_id },
      after,
    });
  });
  return feedbackDetail(ctx, actor, id);
}

/** The answer the citizen reads with their code: the committee's, or the cell's it was routed to. A later answer replaces it. */
export async function answer(ctx: AppContext, actor: Actor, id: string, body: AnswerBody): Promise<CitizenFeedbackSummary> {
  await writeTransaction(ctx.handle, async (trx) => {
    const f = await load(trx, actor, id, authorizeCitizenAnswer);
    if (f.status === 'closed') throw new AppError(409, 'citizen_feedback_closed');
    const now = nowIso();
    await repo.updateFeedback(trx, id, { status: 'answered', answer_text: body.text, answered_at: now, answered_by_account_id: actor.accountId, updated_at: now });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'citizen_feedback.answer',
      recordType: 'citizen_feedback',
      recordId: id,
      unitId: f.unit_id,
      before: { status: f.status, answer: f.answer_text },
      after: { status: 'answered', answer: body.text },
    });
  });
  return feedbackDetail(ctx, actor, id);
}
