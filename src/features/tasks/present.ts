import { handDownDelayDays, isOverdue } from '../../domain/tasks.js';
import type { TaskRow } from './repo.js';
import type { TaskSummary } from './schemas.js';

/** A task row as every list presents it; `today` is the Vietnam date the overdue mark is judged on. */
export function presentTask(t: TaskRow, today: string): TaskSummary {
  return {
    id: t.id,
    unitId: t.unit_id,
    unitName: t.unit_name,
    title: t.title,
    deliverable: t.deliverable,
    ownerKind: t.owner_unit_id ? 'unit' : 'member',
    ownerMemberId: t.owner_member_id,
    ownerUnitId: t.owner_unit_id,
    ownerName: t.owner_member_name ?? t.owner_unit_name ?? '',
    deadline: t.deadline,
    priority: t.priority as TaskSummary['priority'],
    status: t.status as TaskSummary['status'],
    progressPercent: Number(t.progress_percent),
    completedOn: t.completed_on,
    closedOn: t.closed_on,
    sourceKind: t.source_kind as TaskSummary['sourceKind'],
    sourceMeetingId: t.source_meeting_id,
    sourceMeetingDate: t.source_meeting_date,
    sourceDirectiveId: t.source_directive_id,
    sourceCommitmentId: t.source_commitment_id,
    sourceLocalIssueId: t.source_local_issue_id,
    sourceInspectionId: t.source_inspection_id,
    overdue: isOverdue(t, today),
    handDownDelayDays: handDownDelayDays(t.received_on, t.handed_down_on),
  };
}
