import './messages.js';
import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/CheckboxIndicator.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { foldVietnamese } from '../../../domain/vietnamese.js';
import { api, isApiError } from '../../api/client.js';
import { useAuthedMe } from '../../app/me.js';
import { Notice } from '../../components/Notice.js';
import { CheckIcon, MoreIcon, SearchIcon, UploadIcon } from '../../components/icons.js';
import {
  meetingChanged,
  meetingKeys,
  meetingPath,
  type AttendanceEntry,
  type AttendanceResponse,
  type MeetingDetail,
  type Participant,
} from './api.js';
import { lookOf } from './MeetingBadges.js';
import { PersonAttendanceModal } from './PersonAttendanceModal.js';
import { stillMarking } from './look.js';
import { ImportAttendanceModal } from './ImportAttendanceModal.js';
import { lateMinutes, timeOf, todayLocal } from '../../lib/time.js';

/** Counts the door list shows, from the participants as they look now (members only). */
export function doorCounts(participants: readonly Participant[]) {
  const members = participants.filter((p) => p.role === 'member');
  const count = (f: (p: Participant) => boolean) => members.filter(f).length;
  return {
    mustAttend: count((p) => p.status !== 'exempt'),
    present: count((p) => p.status === 'present'),
    late: count((p) => p.status === 'present' && (p.lateMinutes ?? 0) > 0),
    excused: count((p) => p.status === 'excused'),
    absent: count((p) => p.status === 'absent'),
    pending: count((p) => p.status === 'pending'),
  };
}

/**
 * Điểm danh — the door screen. One tap on a person not yet marked records them present, arriving
 * now: the row changes at once and the change goes to the server in the background, in order
 * (taps made while a request is on its way travel together in the next one). Every row also has
 * a button to correct the arrival time or record an absence.
 */
export function AttendanceSection({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const queryClient = useQueryClient();
  const canManage = m.allowedActions.includes('meeting.manage');
  const isToday = m.date === todayLocal();

  /** Rows changed here and not yet confirmed by the server, by member. */
  const [overrides, setOverrides] = useState<ReadonlyMap<string, Participant>>(new Map());
  const queue = useRef(new Map<string, AttendanceEntry>());
  const running = useRef<Promise<void> | null>(null);
  const lastTap = useRef(new Map<string, number>());
  const retryTimer = useRef<number | null>(null);
  const retryDelay = useRef(0);
  const [unsent, setUnsent] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [editing, setEditing] = useState<Participant | null>(null);
  const [importing, setImporting] = useState(false);
  const [q, setQ] = useState('');
  const [onlyPending, setOnlyPending] = useState(false);

  const shown = m.participants.map((p) => overrides.get(p.memberId) ?? p);
  const counts = doorCounts(shown);
  const nameOf = (memberId: string) => m.participants.find((p) => p.memberId === memberId)?.fullName ?? '';

  function applyAnswer(answer: AttendanceResponse) {
    const next = queryClient.setQueryData<MeetingDetail>(meetingKeys.detail(m.id), (d) =>
      d ? { ...d, participants: answer.participants, attendanceComplete: answer.attendanceComplete, attendance: answer.attendance } : d,
    );
    meetingChanged(queryClient, m.id, next);
  }

  /** Drops the local look of these rows (the server's answer, or its old state, shows again). */
  function release(memberIds: string[]) {
    setOverrides((o) => {
      const next = new Map(o);
      for (const id of memberIds) if (!queue.current.has(id)) next.delete(id);
      return next;
    });
  }

  /**
   * Sends what is queued, one request at a time, until the queue is empty. Without a connection
   * the taps stay on screen and in the queue, and are sent again a little later (also after the
   * page is left: nothing typed at the door is lost to a weak signal).
   */
  function flush(): Promise<void> {
    if (running.current) return running.current;
    if (queue.current.size === 0 || retryTimer.current !== null) return Promise.resolve();
    const batch = [...queue.current.values()];
    queue.current.clear();
    const run = (async () => {
      let offline = false;
      try {
        applyAnswer(await api<AttendanceResponse>(meetingPath(m.id, '/attendance'), { method: 'PUT', body: { entries: batch } }));
        retryDelay.current = 0;
        setFailure(null);
      } catch (e) {
        if (isApiError(e, 0)) {
          offline = true;
          for (const b of batch) if (!queue.current.has(b.memberId)) queue.current.set(b.memberId, b);
          retryDelay.current = Math.min(20_000, Math.max(2_000, retryDelay.current * 2));
          retryTimer.current = window.setTimeout(() => {
            retryTimer.current = null;
            void flush();
          }, retryDelay.current);
        } else {
          const names = batch.map((b) => nameOf(b.memberId)).join(', ');
          setFailure(t('meetings.door.failed', { names, message: isApiError(e) ? e.message : String(e) }));
        }
      } finally {
        if (!offline) release(batch.map((b) => b.memberId));
        setUnsent(offline ? queue.current.size : 0);
        running.current = null;
      }
      if (!offline && queue.current.size > 0) await flush();
    })();
    running.current = run;
    return run;
  }

  /** One entry from the correction dialog: after anything on its way; it replaces a queued tap. */
  async function saveOne(entry: AttendanceEntry): Promise<void> {
    while (running.current) await running.current;
    queue.current.delete(entry.memberId);
    applyAnswer(await api<AttendanceResponse>(meetingPath(m.id, '/attendance'), { method: 'PUT', body: { entries: [entry] } }));
    release([entry.memberId]);
    setUnsent(retryTimer.current !== null ? queue.current.size : 0);
  }

  // Closing the page with taps not yet sent loses them: ask first.
  useEffect(() => {
    if (unsent === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsent]);

  // Back online: send at once rather than at the next retry.
  useEffect(() => {
    const online = () => {
      if (retryTimer.current !== null) {
        window.clearTimeout(retryTimer.current);
        retryTimer.current = null;
      }
      void flush();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  });

  function tap(p: Participant) {
    if (!canManage) return;
    const now = Date.now();
    if (p.status !== 'pending' || !isToday) {
      // A second tap on someone just marked is a slip of the finger, not a request to correct.
      if (now - (lastTap.current.get(p.memberId) ?? 0) < 1200) return;
      setEditing(p);
      return;
    }
    lastTap.current.set(p.memberId, now);
    const arrivedAt = new Date(now).toISOString();
    const late = lateMinutes(m.startsAt, arrivedAt, m.graceMinutes);
    setOverrides((o) =>
      new Map(o).set(p.memberId, { ...p, status: 'present', arrivedAt, lateMinutes: late, reason: null, reported: null }),
    );
    queue.current.set(p.memberId, { memberId: p.memberId, status: 'present', arrivedAt });
    if (retryTimer.current !== null) setUnsent(queue.current.size);
    setAnnouncement(
      t('meetings.door.marked', {
        name: p.fullName,
        time: timeOf(arrivedAt),
        state: late > 0 ? t('meetings.door.late', { count: late }) : t('meetings.door.onTime'),
      }),
    );
    void flush();
  }

  const folded = foldVietnamese(q);
  const visible = shown.filter(
    (p) => (!folded || foldVietnamese(p.fullName).includes(folded)) && (!onlyPending || p.status === 'pending'),
  );
  const members = visible.filter((p) => p.role === 'member');
  const guests = visible.filter((p) => p.role === 'guest');
  const big = m.participants.length > 12;

  return (
    <Stack gap="sm">
      <div className="ts-mt-summary" aria-label={t('meetings.door.summaryLabel')} role="group">
        <div className="ts-mt-summary-main">
          <span className="ts-mt-summary-big">
            {counts.present}/{counts.mustAttend}
          </span>{' '}
          {t('meetings.door.presentOf')}
        </div>
        <ul className="ts-mt-summary-list">
          <li data-tone="late">
            {t('meetings.door.sumLate')} <strong>{counts.late}</strong>
          </li>
          <li>
            {t('meetings.door.sumExcused')} <strong>{counts.excused}</strong>
          </li>
          <li data-tone={counts.absent > 0 ? 'absent' : undefined}>
            {t('meetings.door.sumAbsent')} <strong>{counts.absent}</strong>
          </li>
          <li data-tone={counts.pending > 0 ? 'pending' : undefined}>
            {t('meetings.door.sumPending')} <strong>{counts.pending}</strong>
          </li>
          {unsent > 0 && (
            <li data-tone="unsent">
              {t('meetings.door.sumUnsent')} <strong>{unsent}</strong>
            </li>
          )}
        </ul>
      </div>
      <div className="ts-sr-only" aria-live="polite">
        {announcement}
      </div>

      {failure && (
        <Notice tone="error" onClose={() => setFailure(null)}>
          {failure}
        </Notice>
      )}
      {unsent > 0 && <Notice tone="warning">{t('meetings.door.offline', { count: unsent })}</Notice>}
      {stillMarking(m, todayLocal()) && (
        <Notice tone="warning">{t('meetings.door.marking', { count: m.attendance.pending })}</Notice>
      )}
      {canManage && !isToday && (
        <Notice tone="info">{m.date > todayLocal() ? t('meetings.door.beforeDay') : t('meetings.door.notToday')}</Notice>
      )}
      {canManage && isToday && counts.pending > 0 && (
        <Text size="sm" c="dimmed">
          {t('meetings.door.hint')}
        </Text>
      )}

      {(big || canManage) && (
        <Group gap="sm" align="flex-end" wrap="wrap">
          {big && (
            <TextInput
              type="search"
              label={t('meetings.door.search')}
              placeholder={t('meetings.door.searchPlaceholder')}
              leftSection={<SearchIcon size={16} />}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              style={{ flex: '1 1 200px' }}
              autoComplete="off"
            />
          )}
          {canManage && (
            <Button variant="default" leftSection={<UploadIcon size={16} />} onClick={() => setImporting(true)}>
              {t('meetings.import.open')}
            </Button>
          )}
        </Group>
      )}
      {big && (
        <Checkbox
          label={t('meetings.door.onlyPending')}
          checked={onlyPending}
          onChange={(e) => setOnlyPending(e.currentTarget.checked)}
        />
      )}

      <PeopleList people={members} selfId={me.member?.id} canManage={canManage} isToday={isToday} onTap={tap} onEdit={setEditing} />
      {visible.length === 0 && (
        <Text c="dimmed" size="sm">
          {m.participants.length === 0 ? t('meetings.door.nobody') : t('meetings.door.noMatch')}
        </Text>
      )}
      {guests.length > 0 && (
        <>
          <Title order={3} fz="h5" mt="sm">
            {t('meetings.door.guests')}
          </Title>
          <PeopleList people={guests} selfId={me.member?.id} canManage={canManage} isToday={isToday} onTap={tap} onEdit={setEditing} />
        </>
      )}

      {canManage && editing && (
        <PersonAttendanceModal
          participant={shown.find((p) => p.memberId === editing.memberId) ?? editing}
          meeting={m}
          isToday={isToday}
          onSave={saveOne}
          onClose={() => setEditing(null)}
        />
      )}
      {canManage && (
        <ImportAttendanceModal
          opened={importing}
          meeting={m}
          onClose={() => setImporting(false)}
          onImported={async () => {
            while (running.current) await running.current;
            meetingChanged(queryClient, m.id);
          }}
        />
      )}
    </Stack>
  );
}

function PeopleList({
  people,
  selfId,
  canManage,
  isToday,
  onTap,
  onEdit,
}: {
  people: Participant[];
  selfId: string | undefined;
  canManage: boolean;
  isToday: boolean;
  onTap: (p: Participant) => void;
  onEdit: (p: Participant) => void;
}) {
  const { t } = useTranslation();
  if (people.length === 0) return null;
  return (
    <ul className="ts-mt-door">
      {people.map((p) => {
        const look = lookOf(p);
        const self = p.memberId === selfId;
        const state = stateText(p, t);
        const name = (
          <span className="ts-mt-person-name">
            {p.fullName}
            {self && <span className="ts-mt-self"> {t('meetings.door.you')}</span>}
            {p.role === 'guest' && <span className="ts-mt-person-unit"> · {p.unitName}</span>}
          </span>
        );
        const body = (
          <>
            <span className="ts-mt-person-text">
              {name}
              <span className="ts-mt-person-state">{state}</span>
            </span>
            <span className="ts-mt-mark" aria-hidden="true">
              {p.status === 'present' ? (
                <CheckIcon size={26} />
              ) : p.status === 'pending' ? (
                <span className="ts-mt-circle" />
              ) : null}
            </span>
          </>
        );
        return (
          <li key={p.memberId} className="ts-mt-person" data-look={look} data-self={self || undefined}>
            {canManage ? (
              <button
                type="button"
                className="ts-mt-tap"
                onClick={() => onTap(p)}
                aria-label={
                  p.status === 'pending' && isToday
                    ? t('meetings.door.tapPresent', { name: p.fullName })
                    : `${p.fullName}: ${state}. ${t('meetings.door.tapEdit')}`
                }
              >
                {body}
              </button>
            ) : (
              <div className="ts-mt-tap" data-readonly>
                {body}
              </div>
            )}
            {canManage && (
              <button
                type="button"
                className="ts-mt-more"
                aria-label={t('meetings.door.adjust', { name: p.fullName })}
                onClick={() => onEdit(p)}
              >
                <MoreIcon size={20} />
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}


/** "Đến 19:42 · muộn 12 phút", "Vắng có lý do: ốm (báo trước)", … */
export function stateText(p: Participant, t: TFunction): string {
  switch (p.status) {
    case 'present': {
      const time = p.arrivedAt ? t('meetings.door.arrived', { time: timeOf(p.arrivedAt) }) : t('meetings.attendanceStatus.present');
      const late = (p.lateMinutes ?? 0) > 0 ? t('meetings.door.late', { count: p.lateMinutes ?? 0 }) : t('meetings.door.onTime');
      return `${time} · ${late}`;
    }
    case 'excused':
      return [
        t('meetings.attendanceStatus.excused'),
        p.reason ? `: ${p.reason}` : '',
        p.reported ? ` (${t(`meetings.reported.${p.reported}`)})` : '',
      ].join('');
    case 'absent':
      return t('meetings.attendanceStatus.absent') + (p.reason ? `: ${p.reason}` : '');
    case 'exempt':
      return t('meetings.attendanceStatus.exempt') + (p.reason ? `: ${p.reason}` : '');
    case 'pending':
      return t('meetings.attendanceStatus.pending');
  }
}
