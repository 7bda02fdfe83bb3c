import './messages.js';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../components/Badges.js';
import type { AttendanceStatus, MeetingKind, MeetingStatus, OutcomeKind, Participant } from './api.js';

// Own colour pairs, each ≥ 7:1 text on its tint (as in components/Badges.tsx).
const STATUS: Record<MeetingStatus, [string, string]> = {
  planned: ['#e3edfb', '#17467d'],
  held: ['#fff1d6', '#6e4300'],
  approved: ['#e3f3e6', '#1b5e2b'],
};
const KIND: Record<MeetingKind, [string, string]> = {
  regular: ['#eef1f4', '#212529'],
  thematic: ['#f1e6fa', '#55237f'],
};
const OUTCOME: Record<OutcomeKind, [string, string]> = {
  information: ['#eef1f4', '#212529'],
  decision: ['#fbe3e3', '#8a1010'],
  task: ['#dff1ef', '#10534b'],
};
/** Attendance as the door list shows it; "late" is a present person past the grace period. */
export type AttendanceLook = AttendanceStatus | 'late';
const ATTENDANCE: Record<AttendanceLook, [string, string]> = {
  pending: ['#ffffff', '#343a40'],
  present: ['#e3f3e6', '#1b5e2b'],
  late: ['#fff1d6', '#6e4300'],
  excused: ['#e3edfb', '#17467d'],
  absent: ['#fbe3e3', '#8a1010'],
  exempt: ['#eceff1', '#37474f'],
};

export function lookOf(p: Pick<Participant, 'status' | 'lateMinutes'>): AttendanceLook {
  return p.status === 'present' && (p.lateMinutes ?? 0) > 0 ? 'late' : p.status;
}

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  const [bg, fg] = STATUS[status];
  return (
    <Tag bg={bg} fg={fg}>
      {t(`meetings.status.${status}`)}
    </Tag>
  );
}

export function MeetingKindBadge({ kind, topic }: { kind: MeetingKind; topic?: string | null }) {
  const { t } = useTranslation();
  const [bg, fg] = KIND[kind];
  return (
    <Tag bg={bg} fg={fg} wrap={Boolean(topic)}>
      {t(`meetings.kind.${kind}`)}
      {topic ? `: ${topic}` : ''}
    </Tag>
  );
}

export function OutcomeKindBadge({ kind }: { kind: OutcomeKind }) {
  const { t } = useTranslation();
  const [bg, fg] = OUTCOME[kind];
  return (
    <Tag bg={bg} fg={fg}>
      {t(`meetings.outcomeKind.${kind}`)}
    </Tag>
  );
}

export function AttendanceBadge({ look }: { look: AttendanceLook }) {
  const { t } = useTranslation();
  const [bg, fg] = ATTENDANCE[look];
  return (
    <Tag bg={bg} fg={fg} outline={look === 'pending'}>
      {t(`meetings.attendanceStatus.${look}`)}
    </Tag>
  );
}
