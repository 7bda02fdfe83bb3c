/**
 * A meeting loaded for an action (scope checked, approved minutes locked) and moved from one
 * status to the next; the few helpers every meetings module shares.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { Actor } from '../../domain/policy.js';
import type { Database } from '../../db/schema.js';
import { nowIso } from '../../db/ids.js';
import type { MeetingStatus } from '../../shared/enums.js';
import { writeAudit } from '../audit/service.js';
import * as repo from './repo.js';
import type { MeetingWithUnit } from './repo.js';
import { authorizeMeeting } from './policy.js';

export type Db = Kysely<Database>;
export const locked = () => new AppError(409, 'meeting_locked');

/** Loads a meeting for an action on it: a missing one and one outside the actor's scope look the same (404). */
export async function loadMeeting(db: Db, actor: Actor, id: string, action: 'meeting.read' | 'meeting.manage' | 'meeting.approve') {
  const meeting = await repo.findMeeting(db, id);
  authorizeMeeting(actor, action, meeting);
  return meeting!;
}

/** Loads a meeting for a change of its content: approved minutes are locked. */
export async function loadEditable(db: Db, actor: Actor, id: string) {
  const meeting = await loadMeeting(db, actor, id, 'meeting.manage');
  if (meeting.status === 'approved') throw locked();
  return meeting;
}

/** Moves a meeting to another status, with its audit entry, in the caller's transaction. */
export async function changeStatus(trx: Db, ctx: AppContext, actor: Actor, meeting: MeetingWithUnit, status: MeetingStatus, action: string, extra: Record<string, unknown> = {}) {
  const now = nowIso();
  await repo.updateMeeting(trx, meeting.id, { status, updated_at: now, ...(status === 'approved' ? { approved_at: now, approved_by_account_id: actor.accountId } : {}) });
  await writeAudit(trx, ctx.handle.dialect, {
    actorAccountId: actor.accountId,
    action,
    recordType: 'meeting',
    recordId: meeting.id,
    unitId: meeting.unit_id,
    before: { status: meeting.status },
    after: { status, ...extra },
  });
}
