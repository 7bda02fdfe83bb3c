/**
 * A meeting's own lifecycle: listed, offered, created, edited (its agenda too), held, deleted.
 * Attendance, outcomes, rubrics and scores, the minutes and the reports live in modules of their
 * own; this file re-exports them so the routes and other features keep one entry point.
 */
import type { AppContext } from '../../core/context.js';
import { AppError, fieldError } from '../../core/errors.js';
import type { MessageKey } from '../../core/messages.js';
import type { Actor } from '../../domain/policy.js';
import { advanceMarkProblem, derivedLateMinutes, emptyCounts, meetingStartsAt } from '../../domain/attendance.js';
import { meetingDeletable, scheduleWarnings } from '../../domain/meetings.js';
import { canonicalJson } from '../../domain/audit-chain.js';
import type { Database, MeetingAgendaItemTable, MeetingParticipantTable } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import type { AttendanceStatus, MeetingKind } from '../../shared/enums.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { findUnit } from '../units/lookup.js';
import { authorizeReferencedUnit, authorizeUnit } from '../units/policy.js';
import { openMeetingTasks, presentTask, tasksFromMeeting } from '../tasks/lookup.js';
import { removeTasks } from '../tasks/service.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { ancestorIds } from '../../domain/unit-paths.js';
import * as repo from './repo.js';
import * as outcomeRepo from './outcome-repo.js';
import type { MeetingWithUnit, ParticipantRow } from './repo.js';
import { changeStatus, loadEditable, type Db } from './load.js';
import { meetingDetail, summaryOf } from './present.js';
import { attendanceSnapshot, syncTally } from './attendance.js';
import { period } from './reports.js';
import type { AgendaBody, CreateMeetingBody, MeetingDetail, MeetingListResponse, MeetingOptions, UpdateMeetingBody } from './schemas.js';

export { meetingDetail, firstVersionSnapshots } from './present.js';
export { importAttendance, recordAttendance } from './attendance.js';
export { addOutcome, removeOutcome } from './outcomes.js';
export { createRubric, listRubrics, loadRubric, scoreMeeting } from './rubrics.js';
export { approveMinutes, minutesDocx, reopenMinutes } from './minutes.js';
export { memberAttendanceStats, unitAttendanceStats } from './reports.js';
export { nextMeetingsOf } from './upcoming.js';

export async function listMeetings(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  query: { from?: string | undefined; to?: string | undefined; kind?: MeetingKind | undefined; held?: boolean | undefined; page: number; pageSize: number },
): Promise<MeetingListResponse> {
  const { db } = ctx.handle;
  const unit = await findUnit(db, unitId);
  authorizeUnit(actor, 'meeting.read', unit);
  const { from, to } = period(query);
  const [{ total, rows }, years] = await Promise.all([
    repo.listMeetings(db, { unitPath: unit!.path, from, to, kind: query.kind, held: query.held, page: query.page, pageSize: query.pageSize }),
    repo.meetingYears(db, unit!.path),
  ]);
  let warnings: MeetingListResponse['warnings'] = [];
  if (unit!.kind === 'cell') {
    const until = to < todayInVietnam() ? to : todayInVietnam();
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
    openMeetingTasks(db, unit!.id),
  ]);
  const memberIds = new Set(members.map((m) => m.id));
  return {
    unitId: unit!.id,
    unitName: unit!.name,
    members: members.map((m) => ({ id: m.id, fullName: m.full_name, status: m.status as MeetingOptions['members'][number]['status'] })),
    guests: guests.filter((g) => !memberIds.has(g.id)).map((g) => ({ id: g.id, fullName: g.full_name, unitName: g.unit_name })),
    defaultGraceMinutes: ctx.config.meetingGraceMinutes,
    lastPlace: place,
    openTasks: openTasks.map((t) => presentTask(t, todayInVietnam())),
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

/** A new meeting's row: planned, nothing recorded, nothing scored. */
function newMeetingRow(cellId: string, body: CreateMeetingBody, defaultGraceMinutes: number, now: string): Database['meetings'] {
  return {
    id: newId(),
    unit_id: cellId,
    kind: body.kind,
    topic: body.kind === 'thematic' ? (body.topic ?? null) : (body.topic || null),
    meeting_date: body.date,
    start_time: body.startTime,
    starts_at: meetingStartsAt(body.date, body.startTime),
    grace_minutes: body.graceMinutes ?? defaultGraceMinutes,
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
}

/** A new meeting's agenda items, in the order given. */
function newAgendaRows(meeting: { id: string; unit_id: string }, agenda: CreateMeetingBody['agenda']): MeetingAgendaItemTable[] {
  return agenda.map((item, i) => ({
    id: newId(),
    meeting_id: meeting.id,
    unit_id: meeting.unit_id,
    position: i + 1,
    title: item.title,
    presenter_member_id: item.presenterMemberId ?? null,
    planned_minutes: item.plannedMinutes ?? null,
    minutes_text: item.minutes ?? '',
  }));
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
    const meeting = newMeetingRow(cell!.id, body, ctx.config.meetingGraceMinutes, now);
    await repo.insertMeeting(trx, meeting);
    await repo.insertParticipants(trx, [
      ...people.memberIds.map((m) => expectedParticipant(meeting, m, 'member', now)),
      ...people.guestIds.map((m) => expectedParticipant(meeting, m, 'guest', now)),
    ]);
    await syncTally(trx, meeting.id);
    await repo.insertAgendaItems(trx, newAgendaRows(meeting, body.agenda));
    // Tasks left open from earlier meetings go on this meeting's agenda automatically.
    const carried = await openMeetingTasks(trx, cell!.id, body.date);
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

/**
 * The meeting's own fields after an edit, checked: its date cannot move once people arrived,
 * into the future once it was held, or beyond the deadlines of its tasks.
 */
async function editedRow(trx: Db, current: MeetingWithUnit, participants: ParticipantRow[], body: UpdateMeetingBody): Promise<Database['meetings']> {
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const kind = pick(body.kind, current.kind as MeetingKind);
  const topic = pick(body.topic, current.topic);
  assertTopic(kind, topic);
  const date = pick(body.date, current.meeting_date);
  const startTime = pick(body.startTime, current.start_time);
  if (date !== current.meeting_date && participants.some((p) => p.arrived_at)) {
    throw fieldError('date', 'meeting_date_has_arrivals');
  }
  // Nor to a day still to come once anyone was marked as more than excused in advance.
  const marked = participants.some((p) => advanceMarkProblem({ status: p.status as AttendanceStatus, reported: p.reported as 'before' | 'after' | null }));
  if (date !== current.meeting_date && date > todayInVietnam() && marked) throw fieldError('date', 'meeting_date_has_marks');
  // A meeting that took place cannot be moved to a day still to come (holding checks the same).
  if (date !== current.meeting_date && current.status !== 'planned' && date > todayInVietnam()) throw new AppError(409, 'meeting_in_future');
  // Its tasks were given deadlines after the old date; a later date must not overtake them.
  if (date > current.meeting_date) {
    const overtaken = (await tasksFromMeeting(trx, current.id)).find((t) => t.deadline < date);
    if (overtaken) throw fieldError('date', 'date_after_task_deadline', { title: overtaken.title });
  }
  return {
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
}

/**
 * Who the edited meeting expects, by role: the lists given (checked against the cell) or the
 * current ones; the chair and the secretary must be among them.
 */
async function wantedParticipants(trx: Db, current: MeetingWithUnit, participants: ParticipantRow[], next: Database['meetings'], body: UpdateMeetingBody) {
  const currentMembers = participants.filter((p) => p.role === 'member').map((p) => p.member_id);
  const currentGuests = participants.filter((p) => p.role === 'guest').map((p) => p.member_id);
  const changingPeople = body.participantIds !== undefined || body.guestIds !== undefined;
  const cell = { id: current.unit_id, path: current.unit_path };
  const people = changingPeople
    ? await resolveParticipants(trx, cell, body.participantIds ?? currentMembers, body.guestIds ?? currentGuests, next.meeting_date)
    : { memberIds: currentMembers, guestIds: currentGuests };
  const everyone = new Set([...people.memberIds, ...people.guestIds]);
  assertPersonAmong('chairMemberId', next.chair_member_id, everyone, 'person_not_participant');
  assertPersonAmong('secretaryMemberId', next.secretary_member_id, everyone, 'person_not_participant');
  return new Map<string, 'member' | 'guest'>([
    ...people.memberIds.map((m) => [m, 'member'] as const),
    ...people.guestIds.map((m) => [m, 'guest'] as const),
  ]);
}

/** Adds the new participants and drops the removed ones (with whatever was recorded for them). */
async function replaceParticipants(trx: Db, current: MeetingWithUnit, participants: ParticipantRow[], wanted: Map<string, 'member' | 'guest'>, now: string) {
  const removed = participants.filter((p) => wanted.get(p.member_id) !== p.role);
  const kept = new Set(participants.filter((p) => wanted.get(p.member_id) === p.role).map((p) => p.member_id));
  const added = [...wanted].filter(([m]) => !kept.has(m));
  // Presenters who are no longer participants lose the role rather than block the change.
  const agenda = await repo.agendaOf(trx, current.id);
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
  return { removed, kept, added };
}

/** A new start or grace period changes everyone's lateness: recomputed and stored, the changes returned. */
async function recomputeLateness(trx: Db, current: MeetingWithUnit, kept: ParticipantRow[], next: Database['meetings'], now: string) {
  const timingChanged = next.starts_at !== current.starts_at || next.grace_minutes !== current.grace_minutes;
  const lateness: { memberId: string; before: number | null; after: number | null }[] = [];
  if (timingChanged) {
    for (const p of kept) {
      const late = derivedLateMinutes({ status: p.status as AttendanceStatus, arrivedAt: p.arrived_at }, { startsAt: next.starts_at, graceMinutes: next.grace_minutes });
      if (late !== p.late_minutes) {
        await repo.updateParticipant(trx, p.id, { late_minutes: late, updated_at: now });
        lateness.push({ memberId: p.member_id, before: p.late_minutes, after: late });
      }
    }
  }
  return lateness;
}

export async function updateMeeting(ctx: AppContext, actor: Actor, id: string, body: UpdateMeetingBody): Promise<MeetingDetail> {
  const { dialect } = ctx.handle;
  await writeTransaction(ctx.handle, async (trx) => {
    const current = await loadEditable(trx, actor, id);
    const participants = await repo.participantsOf(trx, id);
    const next = await editedRow(trx, current, participants, body);
    const wanted = await wantedParticipants(trx, current, participants, next, body);
    const now = nowIso();
    const { removed, kept, added } = await replaceParticipants(trx, current, participants, wanted, now);
    const lateness = await recomputeLateness(trx, current, participants.filter((x) => kept.has(x.member_id)), next, now);

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
    const [current, outcomes, participants] = await Promise.all([repo.agendaOf(trx, id), outcomeRepo.outcomesOf(trx, id), repo.participantsOf(trx, id)]);
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

/** planned → held: the meeting took place; minutes are being written. */
export async function holdMeeting(ctx: AppContext, actor: Actor, id: string): Promise<MeetingDetail> {
  await writeTransaction(ctx.handle, async (trx) => {
    const meeting = await loadEditable(trx, actor, id);
    if (meeting.status !== 'planned') throw new AppError(409, 'meeting_not_planned');
    if (meeting.meeting_date > todayInVietnam()) throw new AppError(409, 'meeting_in_future');
    await changeStatus(trx, ctx, actor, meeting, 'held', 'meeting.hold');
  });
  return meetingDetail(ctx, actor, id);
}

/**
 * A meeting not yet held can be deleted (created by mistake, or called off), whatever was
 * marked for it: the audit entry keeps the meeting and everyone's attendance as they were.
 */
export async function deleteMeeting(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await writeTransaction(ctx.handle, async (trx) => {
    const meeting = await loadEditable(trx, actor, id);
    if (!meetingDeletable(meeting.status)) throw new AppError(409, 'meeting_not_deletable');
    const participants = await repo.participantsOf(trx, id);
    await repo.deleteMeetingLinks(trx, id);
    await removeTasks(trx, (await tasksFromMeeting(trx, id)).map((t) => t.id));
    await repo.deleteMeetingRecord(trx, id);
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'meeting.delete',
      recordType: 'meeting',
      recordId: id,
      unitId: meeting.unit_id,
      before: { ...headerSnapshot(stripJoined(meeting), meeting.unit_name), participants: participants.map((p) => attendanceSnapshot(p)) },
    });
  });
}
