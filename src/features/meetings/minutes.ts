/** The minutes: approved and locked as a version, reopened with a reason, exported as a Word document. */
import type { AppContext } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { Actor } from '../../domain/policy.js';
import { canonicalJson } from '../../domain/audit-chain.js';
import { newId, nowIso } from '../../db/ids.js';
import { writeTransaction } from '../audit/service.js';
import { findUnit } from '../units/lookup.js';
import * as repo from './repo.js';
import * as minutesRepo from './minutes-repo.js';
import { renderMinutesDocx, type MinutesDocument } from './minutes-docx.js';
import { placeNameOf } from '../../core/party-docx.js';
import { changeStatus, loadMeeting, locked } from './load.js';
import { detailOf, meetingDetail, versionSnapshot } from './present.js';
import type { MeetingDetail } from './schemas.js';

/** held → approved: the secretary signs; the minutes are locked and kept as a version. */
export async function approveMinutes(ctx: AppContext, actor: Actor, id: string): Promise<MeetingDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const meeting = await loadMeeting(trx, actor, id, 'meeting.approve');
    if (meeting.status === 'approved') throw locked();
    if (meeting.status !== 'held') throw new AppError(409, 'meeting_not_held');
    const participants = await repo.participantsOf(trx, id);
    const pending = participants.filter((p) => p.status === 'pending');
    if (pending.length > 0) {
      throw new AppError(409, 'attendance_incomplete', { count: pending.length, names: pending.slice(0, 5).map((p) => p.full_name).join(', ') });
    }
    const version = meeting.minutes_version + 1;
    const now = nowIso();
    await minutesRepo.insertVersion(trx, {
      id: newId(),
      meeting_id: id,
      unit_id: meeting.unit_id,
      version,
      snapshot_json: canonicalJson(await versionSnapshot(trx, meeting, version)),
      approved_at: now,
      approved_by_account_id: actor.accountId,
      reopened_at: null,
      reopened_by_account_id: null,
      reopen_reason: null,
    });
    await repo.updateMeeting(trx, id, { minutes_version: version });
    await changeStatus(trx, ctx, actor, meeting, 'approved', 'meeting.approve', { version });
  });
  return meetingDetail(ctx, actor, id);
}

/** approved → held, with a reason: the correction becomes the next version when approved again. */
export async function reopenMinutes(ctx: AppContext, actor: Actor, id: string, reason: string): Promise<MeetingDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const meeting = await loadMeeting(trx, actor, id, 'meeting.approve');
    if (meeting.status !== 'approved') throw new AppError(409, 'meeting_not_approved');
    const now = nowIso();
    await minutesRepo.markVersionReopened(trx, id, meeting.minutes_version, { reopened_at: now, reopened_by_account_id: actor.accountId, reopen_reason: reason });
    await repo.updateMeeting(trx, id, { approved_at: null, approved_by_account_id: null });
    await changeStatus(trx, ctx, actor, meeting, 'held', 'meeting.reopen', { reason, version: meeting.minutes_version });
  });
  return meetingDetail(ctx, actor, id);
}

// --- Word minutes -----------------------------------------------------------------------------

/** What the Word minutes say, from the meeting as its page shows it and the unit above the cell. */
function minutesDocumentOf(detail: MeetingDetail, parentName: string | undefined): MinutesDocument {
  const members = detail.participants.filter((p) => p.role === 'member');
  return {
    parentUnitName: parentName ?? '',
    cellName: detail.unitName,
    placeName: placeNameOf(parentName ?? detail.unitName),
    kind: detail.kind,
    topic: detail.topic,
    date: detail.date,
    startTime: detail.startTime,
    place: detail.place,
    chairName: detail.chairName,
    secretaryName: detail.secretaryName,
    attendance: {
      total: members.length,
      expected: members.filter((p) => p.status !== 'exempt').length,
      present: detail.attendance.present,
      onTime: detail.attendance.onTime,
      late: members.filter((p) => (p.lateMinutes ?? 0) > 0).map((p) => ({ name: p.fullName, minutes: p.lateMinutes! })),
      excused: members.filter((p) => p.status === 'excused').map((p) => ({ name: p.fullName, reason: p.reason, reported: p.reported })),
      absent: members.filter((p) => p.status === 'absent').map((p) => ({ name: p.fullName })),
      exempt: members.filter((p) => p.status === 'exempt').map((p) => ({ name: p.fullName })),
      guests: detail.participants.filter((p) => p.role === 'guest').map((p) => ({ name: p.fullName, present: p.status === 'present' })),
    },
    reviewedTasks: detail.reviewedTasks.map((t) => ({
      title: t.title,
      deliverable: t.deliverable,
      ownerKind: t.ownerKind,
      ownerName: t.ownerName,
      deadline: t.deadline,
      status: t.status,
    })),
    agenda: detail.agenda.map((item) => ({
      title: item.title,
      presenterName: item.presenterName,
      minutes: item.minutes,
      outcomes: item.outcomes.map((o) => ({
        kind: o.kind,
        text: o.text,
        votes: o.votes,
        task: o.task
          ? { title: o.task.title, deliverable: o.task.deliverable, ownerKind: o.task.ownerKind, ownerName: o.task.ownerName, deadline: o.task.deadline }
          : null,
      })),
    })),
    score: detail.score && detail.score.total !== null
      ? { total: detail.score.total, max: detail.score.rubric.maxPoints, level: detail.score.level, rubricName: detail.score.rubric.name }
      : null,
    status: detail.status,
    version: Math.max(detail.minutesVersion, 1),
  };
}

export async function minutesDocx(ctx: AppContext, actor: Actor, id: string): Promise<{ fileName: string; content: Buffer }> {
  const { db } = ctx.handle;
  const meeting = await loadMeeting(db, actor, id, 'meeting.read');
  const detail = await detailOf(db, actor, meeting);
  const parent = meeting.unit_parent_id ? await findUnit(db, meeting.unit_parent_id) : undefined;
  const doc = minutesDocumentOf(detail, parent?.name);
  const [y, m, d] = detail.date.split('-');
  return { fileName: `bien-ban-sinh-hoat-chi-bo-${y}-${m}-${d}.docx`, content: await renderMinutesDocx(doc) };
}
