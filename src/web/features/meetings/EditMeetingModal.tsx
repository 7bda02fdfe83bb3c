import './messages.js';
import '../../components/modal-styles.js';
import { useState, type FormEvent } from 'react';
import { Modal, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { DialogActions } from '../../components/DialogActions.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import type { FormErrors } from '../../lib/forms.js';
import { usePhone } from '../../lib/usePhone.js';
import {
  meetingPath,
  useMeetingChanged,
  useMeetingOptions,
  type MeetingDetail,
  type MeetingOptions,
  type UpdateMeetingBody,
} from './api.js';
import { fieldErrors, wholeNumber, type PersonOption } from '../../lib/formHelpers.js';
import { ChairAndSecretaryFields, MeetingTimingFields, ParticipantsField } from './MeetingFormParts.js';

const FIELDS = [
  'topic',
  'date',
  'startTime',
  'place',
  'chairMemberId',
  'secretaryMemberId',
  'graceMinutes',
  'participantIds',
  'guestIds',
] as const;
type Field = (typeof FIELDS)[number];
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** Sửa cuộc họp: time, place, chair, secretary, grace period, who takes part. Only changes are sent. */
export function EditMeetingModal({ opened, meeting, onClose }: { opened: boolean; meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const options = useMeetingOptions(meeting.unitId, opened);
  return (
    <Modal opened={opened} onClose={onClose} title={t('meetings.edit.title')} fullScreen={phone} size="lg" centered>
      {opened &&
        (options.isPending ? (
          <Skeleton h={240} />
        ) : options.isError ? (
          <ErrorState error={options.error} onRetry={() => void options.refetch()} />
        ) : (
          <EditForm meeting={meeting} options={options.data} onClose={onClose} />
        ))}
    </Modal>
  );
}

function EditForm({ meeting: m, options, onClose }: { meeting: MeetingDetail; options: MeetingOptions; onClose: () => void }) {
  const { t } = useTranslation();
  const changed = useMeetingChanged();
  const currentMembers = m.participants.filter((p) => p.role === 'member');
  const currentGuests = m.participants.filter((p) => p.role === 'guest');
  // Everyone who can be ticked: the cell's roll, plus anyone already on the list who left it since.
  const members: MeetingOptions['members'] = [
    ...options.members,
    ...currentMembers
      .filter((p) => !options.members.some((o) => o.id === p.memberId))
      .map((p) => ({ id: p.memberId, fullName: p.fullName, status: p.memberStatus })),
  ];
  const guests: MeetingOptions['guests'] = [
    ...options.guests,
    ...currentGuests
      .filter((p) => !options.guests.some((g) => g.id === p.memberId))
      .map((p) => ({ id: p.memberId, fullName: p.fullName, unitName: p.unitName })),
  ];

  const [topic, setTopic] = useState(m.topic ?? '');
  const [date, setDate] = useState(m.date);
  const [startTime, setStartTime] = useState(m.startTime);
  const [place, setPlace] = useState(m.place);
  const [grace, setGrace] = useState(String(m.graceMinutes));
  const [chair, setChair] = useState(m.chairMemberId ?? '');
  const [secretary, setSecretary] = useState(m.secretaryMemberId ?? '');
  const [participantIds, setParticipantIds] = useState(() => currentMembers.map((p) => p.memberId));
  const [guestIds, setGuestIds] = useState(() => currentGuests.map((p) => p.memberId));
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, general: null });

  const people: PersonOption[] = [
    ...members.filter((p) => participantIds.includes(p.id)).map((p) => ({ value: p.id, label: p.fullName })),
    ...guests.filter((g) => guestIds.includes(g.id)).map((g) => ({ value: g.id, label: `${g.fullName} (${g.unitName})` })),
  ];
  const person = (id: string) => (id && people.some((p) => p.value === id) ? id : null);

  const save = useMutation({
    mutationFn: (body: UpdateMeetingBody) => api<MeetingDetail>(meetingPath(m.id), { method: 'PATCH', body }),
    onSuccess: (detail) => {
      changed(m.id, detail);
      onClose();
    },
    onError: (e) => setErrors(fieldErrors(e, FIELDS, t('common.formErrors'))),
  });

  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<Field>['fields'] = {};
    if (m.kind === 'thematic' && !topic.trim()) fields.topic = t('meetings.form.topicRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fields.date = t('errors.invalidDate');
    if (!TIME.test(startTime)) fields.startTime = t('meetings.form.timeInvalid');
    if (!place.trim()) fields.place = t('errors.required');
    const graceMinutes = wholeNumber(grace, 0, 120);
    if (graceMinutes === 'invalid' || graceMinutes === null) fields.graceMinutes = t('meetings.form.graceInvalid');
    if (participantIds.length === 0) fields.participantIds = t('meetings.form.membersRequired');
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: t('common.formErrors') });
      return;
    }
    setErrors({ fields: {}, general: null });
    const body: UpdateMeetingBody = {};
    if (m.kind === 'thematic' && topic.trim() !== (m.topic ?? '')) body.topic = topic.trim();
    if (date !== m.date) body.date = date;
    if (startTime !== m.startTime) body.startTime = startTime;
    if (place.trim() !== m.place) body.place = place.trim();
    if (typeof graceMinutes === 'number' && graceMinutes !== m.graceMinutes) body.graceMinutes = graceMinutes;
    if (person(chair) !== m.chairMemberId) body.chairMemberId = person(chair);
    if (person(secretary) !== m.secretaryMemberId) body.secretaryMemberId = person(secretary);
    if (!sameSet(participantIds, currentMembers.map((p) => p.memberId))) body.participantIds = participantIds;
    if (!sameSet(guestIds, currentGuests.map((p) => p.memberId))) body.guestIds = guestIds;
    if (Object.keys(body).length === 0) onClose();
    else save.mutate(body);
  }

  const err = errors.fields;
  const marked = m.participants.some((p) => p.status !== 'pending');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {errors.general && <Notice tone="error">{errors.general}</Notice>}
        {marked && <Notice tone="info">{t('meetings.edit.markedHint')}</Notice>}
        {m.kind === 'thematic' && (
          <TextInput label={t('meetings.form.topic')} required value={topic} onChange={(e) => setTopic(e.currentTarget.value)} error={err.topic} />
        )}
        <MeetingTimingFields
          date={date}
          startTime={startTime}
          grace={grace}
          onDate={setDate}
          onStartTime={setStartTime}
          onGrace={setGrace}
          errors={err}
        />
        <TextInput label={t('meetings.form.place')} required value={place} onChange={(e) => setPlace(e.currentTarget.value)} error={err.place} />
        <ParticipantsField
          members={members}
          guests={guests}
          participantIds={participantIds}
          guestIds={guestIds}
          onChange={(p, g) => {
            setParticipantIds(p);
            setGuestIds(g);
          }}
          errors={{ participantIds: err.participantIds, guestIds: err.guestIds }}
        />
        <ChairAndSecretaryFields
          people={people}
          chair={chair}
          secretary={secretary}
          onChair={setChair}
          onSecretary={setSecretary}
          errors={err}
        />
        <DialogActions onCancel={onClose} busy={save.isPending} />
      </Stack>
    </form>
  );
}
