import './messages.js';
import '../../components/modal-styles.js';
import '@mantine/core/styles/Radio.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../components/DialogActions.js';
import { Notice } from '../../components/Notice.js';
import { usePhone } from '../../lib/usePhone.js';
import { type AttendanceEntry, type AttendanceStatus, type MeetingDetail, type Participant } from './api.js';
import { splitErrors } from '../../lib/formHelpers.js';
import { instantOn, lateMinutes, nowLocalTime, timeOf, todayLocal } from '../../lib/time.js';
import { attendanceChoices } from './look.js';

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
/** The choices in the order they are needed at the door; "not marked" (a reset) last. */
const CHOICES: AttendanceStatus[] = ['present', 'excused', 'absent', 'exempt', 'pending'];

/**
 * Corrects one person's attendance: the arrival time (Vietnam time on the meeting day), an
 * excused absence with its reason and when it was reported, an absence, exempt, or not marked.
 */
export function PersonAttendanceModal({
  participant,
  meeting,
  isToday,
  onSave,
  onClose,
}: {
  participant: Participant;
  meeting: Pick<MeetingDetail, 'date' | 'startTime' | 'startsAt' | 'graceMinutes'>;
  isToday: boolean;
  onSave: (entry: AttendanceEntry) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const p = participant;
  // Before the meeting day only an absence excused in advance can be recorded.
  const choices = attendanceChoices(CHOICES, meeting.date, todayLocal());
  const beforeDay = !choices.includes('present');
  const [status, setStatus] = useState<AttendanceStatus>(p.status === 'pending' ? choices[0]! : p.status);
  const [time, setTime] = useState(p.arrivedAt ? timeOf(p.arrivedAt) : isToday ? nowLocalTime() : meeting.startTime);
  const [reason, setReason] = useState(p.reason ?? '');
  const [reported, setReported] = useState<'before' | 'after'>(beforeDay ? 'before' : (p.reported ?? 'before'));
  const [errors, setErrors] = useState<{ general: string | null; fields: Record<string, string> }>({ general: null, fields: {} });

  const save = useMutation({
    mutationFn: onSave,
    onSuccess: onClose,
    onError: (e) => {
      const split = splitErrors(e, 'entries', [] as const, t('common.formErrors'));
      setErrors({ general: split.form.general, fields: split.rows[0] ?? {} });
    },
  });

  const validTime = TIME.test(time);
  const late = validTime ? lateMinutes(meeting.startsAt, new Date(instantOn(meeting.date, time)).toISOString(), meeting.graceMinutes) : null;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (status === 'present' && !validTime) fields.arrivedAt = t('meetings.form.timeInvalid');
    if (status === 'excused' && !reason.trim()) fields.reason = t('errors.required');
    if (Object.keys(fields).length > 0) {
      setErrors({ general: null, fields });
      return;
    }
    setErrors({ general: null, fields: {} });
    const base = { memberId: p.memberId, status };
    const why = reason.trim() || null;
    const entry: AttendanceEntry =
      status === 'present'
        ? { ...base, arrivedAt: instantOn(meeting.date, time) }
        : status === 'excused'
          ? { ...base, reason: why, reported }
          : status === 'absent' || status === 'exempt'
            ? { ...base, reason: why }
            : base;
    save.mutate(entry);
  }

  return (
    <Modal opened onClose={onClose} title={p.fullName} fullScreen={phone} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <Radio.Group
            label={t('meetings.person.status')}
            value={status}
            onChange={(v) => setStatus(v as AttendanceStatus)}
            error={errors.fields.status}
          >
            <Stack gap={0} mt={4}>
              {choices.map((s) => (
                <Radio key={s} value={s} label={t(`meetings.person.choice.${s}`)} className="ts-mt-choice" />
              ))}
            </Stack>
          </Radio.Group>

          {status === 'present' && (
            <Stack gap={6}>
              <Group gap="sm" align="flex-end" wrap="nowrap">
                <TextInput
                  type="time"
                  label={t('meetings.person.arrival')}
                  description={t('meetings.person.arrivalHint', { start: meeting.startTime })}
                  value={time}
                  onChange={(e) => setTime(e.currentTarget.value)}
                  error={errors.fields.arrivedAt}
                  style={{ flex: '1 1 auto' }}
                  data-autofocus
                />
                {isToday && (
                  <Button variant="default" onClick={() => setTime(nowLocalTime())}>
                    {t('meetings.person.now')}
                  </Button>
                )}
              </Group>
              {late !== null && (
                <Text size="sm" fw={600} c={late > 0 ? '#6e4300' : '#1b5e2b'} aria-live="polite">
                  {late > 0 ? t('meetings.door.late', { count: late }) : t('meetings.door.onTime')}
                </Text>
              )}
            </Stack>
          )}

          {(status === 'excused' || status === 'absent' || status === 'exempt') && (
            <TextInput
              label={status === 'excused' ? t('meetings.person.reason') : t('meetings.person.reasonOptional')}
              required={status === 'excused'}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.fields.reason}
              autoComplete="off"
            />
          )}
          {status === 'excused' && (
            <Radio.Group
              label={t('meetings.person.reported')}
              value={reported}
              onChange={(v) => setReported(v as 'before' | 'after')}
              error={errors.fields.reported}
            >
              <Group gap="lg" mt={4}>
                <Radio value="before" label={t('meetings.reported.before')} className="ts-mt-choice" />
                {!beforeDay && <Radio value="after" label={t('meetings.reported.after')} className="ts-mt-choice" />}
              </Group>
            </Radio.Group>
          )}
          {status === 'pending' && (
            <Text size="sm" c="dimmed">
              {t('meetings.person.resetHint')}
            </Text>
          )}
          <DialogActions onCancel={onClose} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
