/** What a meeting decided: information, decisions with their votes, and tasks with an owner and a deadline. */
import type { AppContext } from '../../core/context.js';
import { AppError, fieldError } from '../../core/errors.js';
import type { Actor } from '../../domain/policy.js';
import { mayVote } from '../../domain/meetings.js';
import { newId, nowIso } from '../../db/ids.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { findUnit } from '../units/lookup.js';
import { insertNewTask, removeTasks, taskSnapshot, type NewTask } from '../tasks/service.js';
import * as repo from './repo.js';
import type { ParticipantRow } from './repo.js';
import * as outcomeRepo from './outcome-repo.js';
import { loadEditable } from './load.js';
import { meetingDetail } from './present.js';
import type { CreateOutcomeBody, MeetingDetail } from './schemas.js';

/** Each kind carries what it needs and nothing else: text, votes (decisions only), a task (tasks only). */
function assertOutcomeShape(body: CreateOutcomeBody, text: string): void {
  if (body.kind === 'task' && !body.task) throw fieldError('task', 'issue.required');
  if (body.kind !== 'task' && body.task) throw fieldError('task', 'outcome_task_only');
  if (body.kind !== 'task' && !text) throw fieldError('text', 'issue.required');
  if (body.kind !== 'decision' && body.votes) throw fieldError('votes', 'outcome_votes_only');
}

/** No more votes than voters present (the cell's official members present: `mayVote`). */
function assertVotesFit(votes: NonNullable<CreateOutcomeBody['votes']>, participants: ParticipantRow[], meetingDate: string): void {
  const present = participants.filter((p) => mayVote({ role: p.role, status: p.status, memberStatus: p.member_status, officialOn: p.official_on }, meetingDate)).length;
  const cast = votes.for + votes.against + votes.abstain;
  if (cast > present) throw fieldError('votes', 'votes_exceed_present', { present });
}

export async function addOutcome(ctx: AppContext, actor: Actor, id: string, body: CreateOutcomeBody): Promise<MeetingDetail> {
  const { dialect } = ctx.handle;
  await writeTransaction(ctx.handle, async (trx) => {
    const meeting = await loadEditable(trx, actor, id);
    const agenda = await repo.agendaOf(trx, id);
    if (!agenda.some((a) => a.id === body.agendaItemId)) throw fieldError('agendaItemId', 'agenda_item_unknown');
    const text = body.text ?? '';
    assertOutcomeShape(body, text);
    const participants = await repo.participantsOf(trx, id);
    if (body.votes) assertVotesFit(body.votes, participants, meeting.meeting_date);
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
      position: await outcomeRepo.nextOutcomePosition(trx, id),
      kind: body.kind,
      text,
      votes_for: body.votes?.for ?? null,
      votes_against: body.votes?.against ?? null,
      votes_abstain: body.votes?.abstain ?? null,
      task_id: task?.row.id ?? null,
      created_at: now,
    };
    await outcomeRepo.insertOutcome(trx, outcome);
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
    const outcome = await outcomeRepo.findOutcome(trx, id, outcomeId);
    if (!outcome) throw new AppError(404, 'not_found');
    await outcomeRepo.deleteOutcome(trx, outcome);
    if (outcome.task_id) await removeTasks(trx, [outcome.task_id]);
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
