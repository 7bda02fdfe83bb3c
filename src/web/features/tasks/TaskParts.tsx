import './messages.js';
import './tasks.css';
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProgressBar } from '../../components/ProgressBar.js';
import { Tag } from '../../components/Badges.js';
import { formatDate } from '../../lib/format.js';
import type { TaskPriority, TaskSummary } from './api.js';
import { dueState, taskLook, type TaskLook } from './look.js';

// Own colour pairs, each ≥ 7:1 text on its tint (as in components/Badges.tsx): open blue,
// overdue red, on time green, exceeded teal, late orange, not done grey.
const LOOK: Record<TaskLook, [string, string]> = {
  open: ['#e3edfb', '#17467d'],
  overdue: ['#fbe3e3', '#8a1010'],
  awaiting: ['#f1e6fa', '#55237f'],
  on_time: ['#e3f3e6', '#1b5e2b'],
  exceeded: ['#d7f0ec', '#0b4f47'],
  late: ['#fff1d6', '#6e4300'],
  not_done: ['#eceff1', '#37474f'],
};

export function TaskStatusBadge({ task }: { task: Pick<TaskSummary, 'status' | 'overdue' | 'progressPercent'> }) {
  const { t } = useTranslation();
  const look = taskLook(task);
  const [bg, fg] = LOOK[look];
  return (
    <Tag bg={bg} fg={fg}>
      {t(`tasks.status.${look}`)}
    </Tag>
  );
}

/** Only a high or low priority is worth a badge; "normal" says nothing. */
export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  const { t } = useTranslation();
  if (priority === 'normal') return null;
  return priority === 'high' ? (
    <Tag bg="#fbe3e3" fg="#8a1010">
      {t('tasks.priority.high')}
    </Tag>
  ) : (
    <Tag outline fg="#343a40">
      {t('tasks.priority.low')}
    </Tag>
  );
}

/**
 * One task as lists show it, compact enough for a phone: title (the link to the task), status,
 * what counts as done, owner, deadline and how far it is.
 */
export function TaskCard({
  task,
  today,
  showOwner = true,
  showUnit = false,
}: {
  task: TaskSummary;
  today: string;
  showOwner?: boolean;
  showUnit?: boolean;
}) {
  const { t } = useTranslation();
  const look = taskLook(task);
  const due = dueState(task, today, t);
  const deadline = t('tasks.due.deadline', { date: formatDate(task.deadline) });
  return (
    <article className="ts-tk-card" data-look={look}>
      <div className="ts-tk-card-head">
        <Anchor component={Link} to={`/tasks/${task.id}`} fw={700} className="ts-tk-card-title">
          {task.title}
        </Anchor>
        <span className="ts-tk-badges">
          <TaskStatusBadge task={task} />
          <PriorityBadge priority={task.priority} />
        </span>
      </div>
      {task.deliverable && (
        <Text size="sm" className="ts-tk-clamp">
          <span className="ts-tk-label">{t('tasks.four.deliverable')}: </span>
          {task.deliverable}
        </Text>
      )}
      <Text size="sm" c="dimmed" className="ts-tk-meta">
        {showOwner && <span>{t('tasks.row.owner', { name: task.ownerName })}</span>}
        {showUnit && <span>{task.unitName}</span>}
        <span className={due.overdue ? 'ts-tk-overdue' : undefined}>{due.rest ? `${deadline} · ${due.rest}` : deadline}</span>
      </Text>
      {task.status === 'open' && (
        <ProgressBar
          value={task.progressPercent}
          label={t('tasks.row.progress')}
          tone={look === 'overdue' ? 'late' : task.progressPercent >= 100 ? 'done' : undefined}
        />
      )}
    </article>
  );
}

/** A list of task cards (an empty list renders nothing: each caller words its own empty state). */
export function TaskCards({
  tasks,
  today,
  showOwner,
  showUnit,
  label,
}: {
  tasks: TaskSummary[];
  today: string;
  showOwner?: boolean;
  showUnit?: boolean;
  label?: string;
}) {
  if (tasks.length === 0) return null;
  return (
    <ul className="ts-tk-cards" aria-label={label}>
      {tasks.map((task) => (
        <li key={task.id}>
          <TaskCard task={task} today={today} showOwner={showOwner} showUnit={showUnit} />
        </li>
      ))}
    </ul>
  );
}
