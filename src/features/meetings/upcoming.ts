import { can, type Actor } from '../../domain/policy.js';
import type { MeetingKind } from '../../shared/enums.js';
import type { Db } from './load.js';
import * as repo from './repo.js';
import type { NextMeeting } from './schemas.js';

/** The roles held on a cell itself: the cells whose meetings are "mine". */
const CELL_ROLES = new Set(['member', 'cell_committee', 'cell_secretary']);

/**
 * Pure reads, no writes: for each cell the caller is a member of or runs, its soonest planned
 * meeting from `today` on. A commune role alone names no cell (its meetings are on the boards).
 */
export async function nextMeetingsOf(db: Db, actor: Actor, today: string): Promise<NextMeeting[]> {
  const unitIds = [...new Set(actor.assignments.filter((a) => CELL_ROLES.has(a.role)).map((a) => a.unitId))];
  if (!actor.memberId && unitIds.length === 0) return [];
  const planned = await repo.plannedMeetingsFrom(db, { memberId: actor.memberId, unitIds, from: today });
  const soonest = planned.filter((m, i) => planned.findIndex((x) => x.unit_id === m.unit_id) === i);
  // Only what the caller may read (a member of the cell always may).
  const readable = soonest.filter((m) => can(actor, 'meeting.read', { unitPath: m.unit_path }));
  const agenda = readable.length > 0 ? await repo.agendaOfMeetings(db, readable.map((m) => m.id)) : [];
  return readable.map((m) => ({
    id: m.id,
    unitId: m.unit_id,
    unitName: m.unit_name,
    kind: m.kind as MeetingKind,
    topic: m.topic,
    date: m.meeting_date,
    startTime: m.start_time,
    place: m.place,
    agenda: agenda.filter((a) => a.meeting_id === m.id).map((a) => a.title),
    mayTakeAttendance: can(actor, 'meeting.manage', { unitPath: m.unit_path }),
  }));
}
