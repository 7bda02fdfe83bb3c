import type { AppContext } from '../../core/context.js';
import { AppError, fieldError } from '../../core/errors.js';
import type { MessageKey } from '../../core/messages.js';
import { can, type Actor } from '../../domain/policy.js';
import {
  derivedLateMinutes,
  emptyCounts,
  meetingStartsAt,
} from '../../domain/attendance.js';
import { scheduleWarnings, scoreLevel } from '../../domain/meetings.js';
import { canonicalJson } from '../../domain/audit-chain.js';
import type { Database, MeetingParticipantTable, MeetingRubricTable } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import type { DialectHelpers } from '../../db/dialect.js';
import type { AttendanceStatus, MeetingKind } from '../../shared/enums.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { findUnit } from '../units/repo.js';
import { authorizeReferencedUnit, authorizeUnit } from '../units/policy.js';
import * as repo from './repo.js';
import type { MeetingWithUnit } from './repo.js';
import { presentTask } from '../tasks/present.js';
import { insertNewTask, taskSnapshot, type NewTask } from '../tasks/service.js';
import { renderMinutesDocx, type MinutesDocument } from './minutes-docx.js';
import type {
  AgendaBody,
  CreateMeetingBody,
  CreateOutcomeBody,
  CreateRubricBody,
  MeetingDetail,
  MeetingListResponse,
  MeetingOptions,
  Rubric,
  ScoreBody,
  UpdateMeetingBody,
} from './schemas.js';

import { ancestorIds, changeStatus, loadEditable, loadMeeting, locked, today, type Db } from './load.js';
import { detailOf, meetingDetail, presentRubric, rubricFor, summaryOf, versionSnapshot } from './present.js';
import { attendanceSnapshot, syncTally } from './attendance.js';
import { period } from './reports.js';

export { meetingDetail, snapshotOfMeeting } from './present.js';
export { importAttendance, recordAttendance } from './attendance.js';
export { memberAttendanceStats, unitAttendanceStats } from './reports.js';

export async function listMeetings(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  query: { from?: string | undefined; to?: string | undefined; page: number; pageSize: number },
): Promise<MeetingListResponse> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  authorizeUnit(actor, 'meeting.read', unit);
  const { from, to } = period(query);
  const [{ total, rows }, years] = await Promise.all([
    repo.listMeetings(db, { unitPath: unit!.path, from, to, page: query.page, pageSize: query.pageSize }),
    repo.meetingYears(db, unit!.path),
  ]);
  let warnings: MeetingListResponse['warnings'] = [];
  if (unit!.kind === 'cell') {
    const until = to < today() ? to : today();
    const dates = await repo.meetingDates(db, unit!.id, from, to);
    warnings = scheduleWarnings(
      dates.map((d) => ({ kind: d.kind as MeetingKind, date: d.meeting_date })),
      from,
      until,
    ).map((w) => ({ unitId: unit!.id, kind: w.kind, period: w.kind === 'regular' ? w.month : w.quarter }));
  }
  return {
    items: rows.map((r) => summaryOf(r, repo.countsOfTally(r))),
    total,
    page: query.page,
    pageSize: query.pageSize,
    from,
    to,
    warnings,
    years,
  };
}

export async function meetingOptions(ctx: AppContext, actor: Actor, unitId: string): Promise<MeetingOptions> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  authorizeUnit(actor, 'meeting.manage', unit);
  if (unit!.kind !== 'cell') throw fieldError('unitId', 'meeting_unit_kind');
  const [members, guests, place, openTasks] = await Promise.all([
    repo.cellMembers(db, unit!.id),
    repo.guestCandidates(db, ancestorIds(unit!.path)),
    repo.lastPlace(db, unit!.id),
    repo.openTasks(db, unit!.id),
  ]);
  const memberIds = new Set(members.map((m) => m.id));
  return {
    unitId: unit!.id,
    unitName: unit!.name,
    members: members.map((m) => ({ id: m.id, fullName: m.full_name, status: m.status as MeetingOptions['members'][number]['status'] })),
    guests: guests.filter((g) => !memberIds.has(g.id)).map((g) => ({ id: g.id, fullName: g.full_name, unitName: g.unit_name })),
    defaultGraceMinutes: ctx.config.meetingGraceMinutes,
    lastPlace: place,
    openTasks: openTasks.map((t) => presentTask(t, today())),
  };
}

// --- writing ----------------------------------------------------------------------------------

/** What the audit log keeps of a meeting's own fields. */
function headerSnapshot(m: Database['meetings'], unitName: string) {
  return {
    unitId: m.unit_id,
    unitName,
    kind: m.kind,
    topic: m.topic,
    date: m.meeting_date,
    startTime: m.start_time,
    graceMinutes: m.grace_minutes,
    place: m.place,
    chairMemberId: m.chair_member_id,
    secretaryMemberId: m.secretary_member_id,
    status: m.status,
  };
}

/** Checks the participant lists against the cell and the committees above it. */
async function resolveParticipants(
  db: Db,
  cell: { id: string; path: string },
  participantIds: readonly string[] | undefined,
  guestIds: readonly string[],
  meetingDate: string,
) {
  const members = await repo.cellMembers(db, cell.id);
  const byId = new Map(members.map((m) => [m.id, m]));
  let memberIds: string[];
  if (participantIds === undefined) {
    // Everyone on the cell's roll who is not excused from meetings and had joined by then.
    memberIds = members.filter((m) => m.status !== 'exempt' && (!m.joined_on || m.joined_on <= meetingDate)).map((m) => m.id);
  } else {
    const seen = new Set<string>();
    participantIds.forEach((id, i) => {
      if (!byId.has(id)) throw fieldError(`participantIds.${i}`, 'participant_not_in_cell');
      if (seen.has(id)) throw fieldError(`participantIds.${i}`, 'duplicate_entry');
      seen.add(id);
    });
    memberIds = [...participantIds];
  }
  const candidates = guestIds.length ? await repo.guestCandidates(db, ancestorIds(cell.path)) : [];
  const allowedGuests = new Set(candidates.map((g) => g.id));
  const seenGuests = new Set<string>();
  guestIds.forEach((id, i) => {
    if (!allowedGuests.has(id) || byId.has(id)) throw fieldError(`guestIds.${i}`, 'guest_not_allowed');
    if (seenGuests.has(id)) throw fieldError(`guestIds.${i}`, 'duplicate_entry');
    seenGuests.add(id);
  });
  return { memberIds, guestIds: [...guestIds], members: byId };
}

/** A new row on a meeting's list: expected, nothing recorded yet. */
function expectedParticipant(
  meeting: { id: string; unit_id: string },
  memberId: string,
  role: 'member' | 'guest',
  now: string,
): MeetingParticipantTable {
  return {
    id: newId(),
    meeting_id: meeting.id,
    unit_id: meeting.unit_id,
    member_id: memberId,
    role,
    status: 'pending',
    arrived_at: null,
    late_minutes: null,
    reason: null,
    reported: null,
    updated_at: now,
  };
}

function assertPersonAmong(field: string, memberId: string | null | undefined, people: ReadonlySet<string>, key: MessageKey) {
  if (memberId && !people.has(memberId)) throw fieldError(field, key);
}

function assertTopic(kind: MeetingKind, topic: string | null | undefined) {
  if (kind === 'thematic' && !topic) throw fieldError('topic', 'topic_required');
}

export async function createMeeting(ctx: AppContext, actor: Actor, body: CreateMeetingBody): Promise<MeetingDetail> {
  const { dialect } = ctx.handle;
  const id = await writeTransaction(ctx.handle, async (trx) => {
    const cell = await findUnit(trx, body.unitId);
    authorizeReferencedUnit(actor, 'meeting.manage', cell, 'unitId');
    if (cell!.kind !== 'cell' || cell!.archived_at) throw fieldError('unitId', 'meeting_unit_kind');
    assertTopic(body.kind, body.topic);
    const people = await resolveParticipants(trx, cell!, body.participantIds, body.guestIds ?? [], body.date);
    const everyone = new Set([...people.memberIds, ...people.guestIds]);
    assertPersonAmong('chairMemberId', body.chairMemberId, everyone, 'person_not_participant');
    assertPersonAmong('secretaryMemberId', body.secretaryMemberId, everyone, 'person_not_participant');
    body.agenda.forEach((item, i) => assertPersonAmong(`agenda.${i}.presenterMemberId`, item.presenterMemberId, everyone, 'person_not_participant'));

    const now = nowIso();
    const meeting: Database['meetings'] = {
      id: newId(),
      unit_id: cell!.id,
      kind: body.kind,
      topic: body.kind === 'thematic' ? (body.topic ?? null) : (body.topic || null),
      meeting_date: body.date,
      start_time: body.startTime,
      starts_at: meetingStartsAt(body.date, body.startTime),
      grace_minutes: body.graceMinutes ?? ctx.config.meetingGraceMinutes,
      place: body.place,
      chair_member_id: body.chairMemberId ?? null,
      secretary_member_id: body.secretaryMemberId ?? null,
      status: 'planned',
      rubric_id: null,
      score_total: null,
      score_level: null,
      minutes_version: 0,
      ...repo.tallyOf(emptyCounts()),
      approved_at: null,
      approved_by_account_id: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertMeeting(trx, meeting);
    await repo.insertParticipants(trx, [
      ...people.memberIds.map((m) => expectedParticipant(meeting, m, 'member', now)),
      ...people.guestIds.map((m) => expectedParticipant(meeting, m, 'guest', now)),
    ]);
    await syncTally(trx, meeting.id);
    await repo.insertAgendaItems(
      trx,
      body.agenda.map((item, i) => ({
        id: newId(),
        meeting_id: meeting.id,
        unit_id: cell!.id,
        position: i + 1,
        title: item.title,
        presenter_member_id: item.presenterMemberId ?? null,
        planned_minutes: item.plannedMinutes ?? null,
        minutes_text: item.minutes ?? '',
      })),
    );
    // Tasks left open from earlier meetings go on this meeting's agenda automatically.
    const carried = await repo.openTasks(trx, cell!.id, body.date);
    await repo.insertReviewedTasks(trx, carried.map((t) => ({ meeting_id: meeting.id, task_id: t.id, unit_id: cell!.id })));
    await writeAudit(trx, dialect, {
      actorAccountId: actor.accountId,
      action: 'meeting.create',
      recordType: 'meeting',
      recordId: meeting.id,
      unitId: cell!.id,
      after: {
        ...headerSnapshot(meeting, cell!.name),
        participantIds: people.memberIds,
        guestIds: people.guestIds,
        agenda: body.agenda.map((a) => a.title),
        reviewedTaskIds: carried.map((t) => t.id),
      },
    });
    return meeting.id;
  });
  return meetingDetail(ctx, actor, id);
}

export async function updateMeeting(ctx: AppContext, actor: Actor, id: string, body: UpdateMeetingBody): Promise<MeetingDetail> {
  const { dialect } = ctx.handle;
  await writeTransaction(ctx.handle, async (trx) => {
    const current = await loadEditable(trx, actor, id);
    const participants = await repo.participantsOf(trx, id);
    const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
    const kind = pick(body.kind, current.kind as MeetingKind);
    const topic = pick(body.topic, current.topic);
    assertTopic(kind, topic);
    const date = pick(body.date, current.meeting_date);
    const startTime = pick(body.startTime, current.start_time);
    if (date !== current.meeting_date && participants.some((p) => p.arrived_at)) {
      throw fieldError('date', 'meeting_date_has_arrivals');
    }
    // A meeting that took place cannot be moved to a day still to come (holding checks the same).
    if (date !== current.meeting_date && current.status !== 'planned' && date > today()) throw new AppError(409, 'meeting_in_future');
    // Its tasks were given deadlines after the old date; a later date must not overtake them.
    if (date > current.meeting_date) {
      const overtaken = (await repo.tasksOfMeeting(trx, id)).find((t) => t.deadline < date);
      if (overtaken) throw fieldError('date', 'date_after_task_deadline', { title: overtaken.title });
    }
    const next: Database['meetings'] = {
      ...stripJoined(current),
      kind,
      topic: topic || null,
      meeting_date: date,
      start_time: startTime,
      starts_at: meetingStartsAt(date, startTime),
      grace_minutes: pick(body.graceMinutes, current.grace_minutes),
      place: pick(body.place, current.place),
      chair_member_id: pick(body.chairMemberId, current.chair_member_id),
      secretary_member_id: pick(body.secretaryMemberId, current.secretary_member_id),
    };

    // Participants: add the new ones, drop the removed ones (with whatever was recorded for them).
    const currentMembers = participants.filter((p) => p.role === 'member').map((p) => p.member_id);
    const currentGuests = participants.filter((p) => p.role === 'guest').map((p) => p.member_id);
    const changingPeople = body.participantIds !== undefined || body.guestIds !== undefined;
    const cell = { id: current.unit_id, path: current.unit_path };
    const people = changingPeople
      ? await resolveParticipants(trx, cell, body.participantIds ?? currentMembers, body.guestIds ?? currentGuests, date)
      : { memberIds: currentMembers, guestIds: currentGuests };
    const everyone = new Set([...people.memberIds, ...people.guestIds]);
    assertPersonAmong('chairMemberId', next.chair_member_id, everyone, 'person_not_participant');
    assertPersonAmong('secretaryMemberId', next.secretary_member_id, everyone, 'person_not_participant');

    const now = nowIso();
    const wanted = new Map<string, 'member' | 'guest'>([
      ...people.memberIds.map((m) => [m, 'member'] as const),
      ...people.guestIds.map((m) => [m, 'guest'] as const),
    ]);
    const removed = participants.filter((p) => wanted.get(p.member_id) !== p.role);
    const kept = new Set(participants.filter((p) => wanted.get(p.member_id) === p.role).map((p) => p.member_id));
    const added = [...wanted].filter(([m]) => !kept.has(m));
    // Presenters who are no longer participants lose the role rather than block the change.
    const agenda = await repo.agendaOf(trx, id);
    for (const item of agenda) {
      if (item.presenter_member_id && !wanted.has(item.presenter_member_id)) {
        await repo.updateAgendaItem(trx, item.id, { presenter_member_id: null });
      }
    }
    await repo.deleteParticipants(trx, removed.map((p) => p.id));
    await repo.insertParticipants(
      trx,
      added.map(([memberId, role]) => expectedParticipant(current, memberId, role, now)),
    );

    // A new start or grace period changes everyone's lateness.
    const timingChanged = next.starts_at !== current.starts_at || next.grace_minutes !== current.grace_minutes;
    const lateness: { memberId: string; before: number | null; after: number | null }[] = [];
    if (timingChanged) {
      for (const p of participants.filter((x) => kept.has(x.member_id))) {
        const late = derivedLateMinutes({ status: p.status as AttendanceStatus, arrivedAt: p.arrived_at }, { startsAt: next.starts_at, graceMinutes: next.grace_minutes });
        if (late !== p.late_minutes) {
          await repo.updateParticipant(trx, p.id, { late_minutes: late, updated_at: now });
          lateness.push({ memberId: p.member_id, before: p.late_minutes, after: late });
        }
      }
    }

    const before = headerSnapshot(stripJoined(current), current.unit_name);
    const after = headerSnapshot(next, current.unit_name);
    if (canonicalJson(before) === canonicalJson(after) && removed.length === 0 && added.length === 0) return;
    await repo.updateMeeting(trx, id, { ...next, updated_at: now });
    await syncTally(trx, id);
    await writeAudit(trx, dialect, {
      actorAccountId: actor.accountId,
      action: 'meeting.update',
      recordType: 'meeting',
      recordId: id,
      unitId: current.unit_id,
      before: { ...before, removedParticipants: removed.map((p) => attendanceSnapshot(p)) },
      after: { ...after, addedParticipants: added.map(([memberId, role]) => ({ memberId, role })), lateness },
    });
  });
  return meetingDetail(ctx, actor, id);
}

/** The meeting row without the joined unit columns. */
function stripJoined(m: MeetingWithUnit): Database['meetings'] {
  const { unit_path: _p, unit_name: _n, unit_parent_id: _pid, ...row } = m;
  return row;
}

export async function replaceAgenda(ctx: AppContext, actor: Actor, id: string, body: AgendaBody): Promise<MeetingDetail> {
  const { dialect } = ctx.handle;
  await writeTransaction(ctx.handle, async (trx) => {
    const meeting = await loadEditable(trx, actor, id);
    const [current, outcomes, participants] = await Promise.all([repo.agendaOf(trx, id), repo.outcomesOf(trx, id), repo.participantsOf(trx, id)]);
    const people = new Set(participants.map((p) => p.member_id));
    const currentIds = new Set(current.map((c) => c.id));
    const seen = new Set<string>();
    body.items.forEach((item, i) => {
      if (item.id && (!currentIds.has(item.id) || seen.has(item.id))) throw fieldError(`items.${i}.id`, 'agenda_item_unknown');
      if (item.id) seen.add(item.id);
      assertPersonAmong(`items.${i}.presenterMemberId`, item.presenterMemberId, people, 'person_not_participant');
    });
    const dropped = current.filter((c) => !seen.has(c.id));
    const withOutcomes = dropped.find((d) => outcomes.some((o) => o.agenda_item_id === d.id));
    if (withOutcomes) throw new AppError(409, 'agenda_item_has_outcomes', { title: withOutcomes.title });

    const snapshot = (items: { title: string; presenter_member_id: string | null; planned_minutes: number | null; minutes_text: string }[]) =>
      items.map((i) => ({ title: i.title, presenterMemberId: i.presenter_member_id, plannedMinutes: i.planned_minutes, minutes: i.minutes_text }));
    const before = snapshot(current);
    const nextRows = body.items.map((item, i) => {
      const existing = item.id ? current.find((c) => c.id === item.id) : undefined;
      return {
        id: item.id ?? newId(),
        meeting_id: id,
        unit_id: meeting.unit_id,
        position: i + 1,
        title: item.title,
        presenter_member_id: item.presenterMemberId === undefined ? (existing?.presenter_member_id ?? null) : item.presenterMemberId,
        planned_minutes: item.plannedMinutes === undefined ? (existing?.planned_minutes ?? null) : item.plannedMinutes,
        minutes_text: item.minutes === undefined ? (existing?.minutes_text ?? '') : item.minutes,
      };
    });
    const after = snapshot(nextRows);
    if (canonicalJson(before) === canonicalJson(after) && dropped.length === 0) return;
    await repo.deleteAgendaItems(trx, dropped.map((d) => d.id));
    for (const row of nextRows) {
      if (currentIds.has(row.id)) {
        const { id: rowId, meeting_id: _m, unit_id: _u, ...patch } = row;
        await repo.updateAgendaItem(trx, rowId, patch);
      } else await repo.insertAgendaItems(trx, [row]);
    }
    await repo.updateMeeting(trx, id, { updated_at: nowIso() });
    await writeAudit(trx, dialect, {
      actorAccountId: actor.accountId,
      action: 'meeting.agenda',
      recordType: 'meeting',
      recordId: id,
      unitId: meeting.unit_id,
      before,
      after,
    });
  });
  return meetingDetail(ctx, actor, id);
}

export async function addOutcome(ctx: AppContext, actor: Actor, id: string, body: CreateOutcomeBody): Promise<MeetingDetail> {
  const { dialect } = ctx.handle;
  await writeTransaction(ctx.handle, async (trx) => {
    const meeting = await loadEditable(trx, actor, id);
    const agenda = await repo.agendaOf(trx, id);
    if (!agenda.some((a) => a.id === body.agendaItemId)) throw fieldError('agendaItemId', 'agenda_item_unknown');
    const text = body.text ?? '';
    if (body.kind === 'task' && !body.task) throw fieldError('task', 'issue.required');
    if (body.kind !== 'task' && body.task) throw fieldError('task', 'outcome_task_only');
    if (body.kind !== 'task' && !text) throw fieldError('text', 'issue.required');
    if (body.kind !== 'decision' && body.votes) throw fieldError('votes', 'outcome_votes_only');
    const participants = await repo.participantsOf(trx, id);
    if (body.votes) {
      // The cell's own official members vote: guests from the committees above only sit in,
      // and probationary members (dự bị) speak but have no vote on a resolution.
      const present = participants.filter(
        (p) =>
          p.role === 'member' &&
          p.status === 'present' &&
          p.member_status !== 'probationary' &&
          (p.official_on === null || p.official_on <= meeting.meeting_date),
      ).length;
      const cast = body.votes.for + body.votes.against + body.votes.abstain;
      if (cast > present) throw fieldError('votes', 'votes_exceed_present', { present });
    }
    const now = nowIso();
    // A task decided here follows every rule of a task ("rõ người, rõ việc, rõ trách nhiệm, rõ
    // thời gian"; the owner one of the cell's members), falling due no earlier than the meeting.
    let task: NewTask | null = null;
    if (body.task) {
      const cell = await findUnit(trx, meeting.unit_id);
      task = await insertNewTask(trx, actor, cell!, body.task, { kind: 'meeting', meetingId: id, meetingDate: meeting.meeting_date }, { fieldPrefix: 'task.' });
    }
    const outcome = {
      id: newId(),
      meeting_id: id,
      unit_id: meeting.unit_id,
      agenda_item_id: body.agendaItemId,
      position: await repo.nextOutcomePosition(trx, id),
      kind: body.kind,
      text,
      votes_for: body.votes?.for ?? null,
      votes_against: body.votes?.against ?? null,
      votes_abstain: body.votes?.abstain ?? null,
      task_id: task?.row.id ?? null,
      created_at: now,
    };
    await repo.insertOutcome(trx, outcome);
    await repo.updateMeeting(trx, id, { updated_at: now });
    // The task has a history of its own (progress, close): it starts here, as any other task's.
    if (task) {
      await writeAudit(trx, dialect, {
        actorAccountId: actor.accountId,
        action: 'task.create',
        recordType: 'task',
        recordId: task.row.id,
        unitId: meeting.unit_id,
        after: taskSnapshot(task),
      });
    }
    await writeAudit(trx, dialect, {
      actorAccountId: actor.accountId,
      action: 'meeting.outcome_add',
      recordType: 'meeting',
      recordId: id,
      unitId: meeting.unit_id,
      after: {
        outcomeId: outcome.id,
        agendaItemId: outcome.agenda_item_id,
        kind: outcome.kind,
        text,
        votes: body.votes ?? null,
        task: task ? { id: task.row.id, ...taskSnapshot(task) } : null,
      },
    });
  });
  return meetingDetail(ctx, actor, id);
}

export async function removeOutcome(ctx: AppContext, actor: Actor, id: string, outcomeId: string): Promise<MeetingDetail> {
  const { dialect } = ctx.handle;
  await writeTransaction(ctx.handle, async (trx) => {
    const meeting = await loadEditable(trx, actor, id);
    const outcome = await repo.findOutcome(trx, id, outcomeId);
    if (!outcome) throw new AppError(404, 'not_found');
    await repo.deleteOutcome(trx, outcome);
    await writeAudit(trx, dialect, {
      actorAccountId: actor.accountId,
      action: 'meeting.outcome_remove',
      recordType: 'meeting',
      recordId: id,
      unitId: meeting.unit_id,
      before: { outcomeId, kind: outcome.kind, text: outcome.text, taskId: outcome.task_id },
    });
  });
  return meetingDetail(ctx, actor, id);
}

/** planned → held: the meeting took place; minutes are being written. */
export async function holdMeeting(ctx: AppContext, actor: Actor, id: string): Promise<MeetingDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const meeting = await loadEditable(trx, actor, id);
    if (meeting.status !== 'planned') throw new AppError(409, 'meeting_not_planned');
    if (meeting.meeting_date > today()) throw new AppError(409, 'meeting_in_future');
    await changeStatus(trx, ctx, actor, meeting, 'held', 'meeting.hold');
  });
  return meetingDetail(ctx, actor, id);
}

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
    await repo.insertVersion(trx, {
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
    await repo.markVersionReopened(trx, id, meeting.minutes_version, { reopened_at: now, reopened_by_account_id: actor.accountId, reopen_reason: reason });
    await repo.updateMeeting(trx, id, { approved_at: null, approved_by_account_id: null });
    await changeStatus(trx, ctx, actor, meeting, 'held', 'meeting.reopen', { reason, version: meeting.minutes_version });
  });
  return meetingDetail(ctx, actor, id);
}

/** A planned meeting nobody has been marked for yet can be deleted (a mistake, a cancellation). */
export async function deleteMeeting(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await writeTransaction(ctx.handle, async (trx) => {
    const meeting = await loadEditable(trx, actor, id);
    const participants = await repo.participantsOf(trx, id);
    if (meeting.status !== 'planned' || participants.some((p) => p.status !== 'pending')) throw new AppError(409, 'meeting_not_deletable');
    await repo.deleteMeeting(trx, id);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'meeting.delete',
      recordType: 'meeting',
      recordId: id,
      unitId: meeting.unit_id,
      before: headerSnapshot(stripJoined(meeting), meeting.unit_name),
    });
  });
}

export async function scoreMeeting(ctx: AppContext, actor: Actor, id: string, body: ScoreBody): Promise<MeetingDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const meeting = await loadEditable(trx, actor, id);
    const rubricRow = await rubricFor(trx, meeting);
    if (!rubricRow) throw new AppError(409, 'rubric_missing');
    const rubric = presentRubric(rubricRow);
    const seen = new Set<string>();
    body.items.forEach((item, i) => {
      const criterion = rubric.criteria.find((c) => c.code === item.code);
      if (!criterion) throw fieldError(`items.${i}.code`, 'score_code_unknown');
      if (seen.has(item.code)) throw fieldError(`items.${i}.code`, 'duplicate_entry');
      seen.add(item.code);
      if (item.points !== null && item.points > criterion.points) throw fieldError(`items.${i}.points`, 'issue.too_big', { max: criterion.points });
      if (item.points !== null && !Number.isInteger(item.points * 2)) throw fieldError(`items.${i}.points`, 'score_points_step');
    });
    const before = await repo.scoresOf(trx, id);
    const merged = rubric.criteria.map((c) => {
      const given = body.items.find((i) => i.code === c.code);
      const old = before.find((s) => s.criterion_code === c.code);
      if (given) return { code: c.code, points: given.points, note: given.note ?? null };
      return { code: c.code, points: old ? Number(old.points) : null, note: old?.note ?? null };
    });
    const scored = merged.filter((m): m is { code: string; points: number; note: string | null } => m.points !== null);
    const complete = scored.length === rubric.criteria.length;
    const total = scored.length ? scored.reduce((s, m) => s + m.points, 0) : null;
    const level = complete && total !== null ? scoreLevel(total, rubric.levels) : null;
    const beforeSnap = before.map((s) => ({ code: s.criterion_code, points: Number(s.points), note: s.note })).sort((a, b) => a.code.localeCompare(b.code));
    const afterSnap = [...scored].sort((a, b) => a.code.localeCompare(b.code));
    if (canonicalJson(beforeSnap) === canonicalJson(afterSnap) && meeting.rubric_id === rubric.id) return;
    await repo.replaceScores(trx, id, meeting.unit_id, scored);
    await repo.updateMeeting(trx, id, { rubric_id: rubric.id, score_total: total, score_level: level, updated_at: nowIso() });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'meeting.score',
      recordType: 'meeting',
      recordId: id,
      unitId: meeting.unit_id,
      before: { rubricId: meeting.rubric_id, items: beforeSnap, total: meeting.score_total },
      after: { rubricId: rubric.id, items: afterSnap, total, level },
    });
  });
  return meetingDetail(ctx, actor, id);
}

// --- Word minutes -----------------------------------------------------------------------------

/** "Đảng bộ xã Minh Quang" → "Minh Quang", for the date line of a party document. */
export function placeNameOf(unitName: string): string {
  return unitName.replace(/^(Đảng bộ|Chi bộ|Đảng ủy)\s+(xã|phường|thị trấn|huyện|tỉnh|thành phố)?\s*/iu, '').trim() || unitName;
}

export async function minutesDocx(ctx: AppContext, actor: Actor, id: string): Promise<{ fileName: string; content: Buffer }> {
  const { db } = ctx.handle;
  const meeting = await loadMeeting(db, actor, id, 'meeting.read');
  const detail = await detailOf(db, actor, meeting);
  const parent = meeting.unit_parent_id ? await findUnit(db, meeting.unit_parent_id) : undefined;
  const members = detail.participants.filter((p) => p.role === 'member');
  const doc: MinutesDocument = {
    parentUnitName: parent?.name ?? '',
    cellName: detail.unitName,
    placeName: placeNameOf(parent?.name ?? detail.unitName),
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
  const [y, m, d] = detail.date.split('-');
  return { fileName: `bien-ban-sinh-hoat-chi-bo-${y}-${m}-${d}.docx`, content: await renderMinutesDocx(doc) };
}

// --- rubrics ----------------------------------------------------------------------------------

export async function listRubrics(ctx: AppContext, actor: Actor, unitId: string): Promise<{ items: Rubric[] }> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  // The forms' page is for those who load them; readers of a meeting see its form in the meeting.
  authorizeUnit(actor, can(actor, 'rubric.manage', { unitPath: unit?.path ?? '' }) ? 'rubric.manage' : 'meeting.read', unit);
  const rows = await repo.rubricsOfUnit(db, unitId);
  return { items: rows.map(presentRubric) };
}

/** Loads a province's form: it replaces the unit's active form of the same kind (meetings already scored keep theirs). */
export function createRubric(ctx: AppContext, actor: Actor, body: CreateRubricBody): Promise<Rubric> {
  return writeTransaction(ctx.handle, (trx) => loadRubric(trx, ctx.handle.dialect, actor, body));
}

/** The write itself, also used by the demo seed (actor null = the system). */
export async function loadRubric(trx: Db, dialect: DialectHelpers, actor: Actor | null, body: CreateRubricBody): Promise<Rubric> {
  const unit = await findUnit(trx, body.unitId);
  if (actor) authorizeReferencedUnit(actor, 'rubric.manage', unit, 'unitId');
  else if (!unit) throw new Error(`loadRubric: no unit ${body.unitId}`);
  const now = nowIso();
  await repo.retireRubrics(trx, body.unitId, body.kind, now);
  const row: MeetingRubricTable = {
    id: newId(),
    unit_id: body.unitId,
    kind: body.kind,
    name: body.name,
    source: body.source,
    verified: body.verified ? 1 : 0,
    criteria_json: JSON.stringify(body.criteria),
    levels_json: JSON.stringify([...body.levels].sort((a, b) => b.min - a.min)),
    retired_at: null,
    created_at: now,
  };
  await repo.insertRubric(trx, row);
  await writeAudit(trx, dialect, {
    actorAccountId: actor?.accountId ?? null,
    action: 'rubric.create',
    recordType: 'meeting_rubric',
    recordId: row.id,
    unitId: body.unitId,
    after: { kind: body.kind, name: body.name, source: body.source, verified: body.verified, criteria: body.criteria, levels: body.levels },
  });
  return presentRubric(row);
}
