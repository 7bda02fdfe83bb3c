import './messages.js';
import '@mantine/core/styles/SegmentedControl.layer.css';
import { useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.js';
import { useAuthedMe } from '../../app/me.js';
import { ErrorState } from '../../components/ErrorState.js';
import { NotFound } from '../../components/NotFound.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { BackIcon, PlusIcon } from '../../components/icons.js';
import { formatDate } from '../../lib/format.js';
import { meetingsVi } from './messages.vi.js';
import type { FormErrors } from '../../lib/forms.js';
import {
  useMeetingChanged,
  useMeetingOptions,
  type CreateMeetingBody,
  type MeetingDetail,
  type MeetingKind,
  type MeetingOptions,
} from './api.js';
import { moveItem } from '../../lib/forms.js';
import { splitErrors, useFocusFirstError, wholeNumber, type PersonOption, type RowErrors } from '../../lib/formHelpers.js';
import { AgendaRowFields, ChairAndSecretaryFields, GraceField, MeetingTimingFields, ParticipantsField, type AgendaRowDraft } from './MeetingFormParts.js';
import { Disclosure } from '../../components/Disclosure.js';
import { TaskStatusBadge } from '../tasks/TaskParts.js';
import { todayLocal } from '../../lib/time.js';

const FIELDS = [
  'unitId',
  'kind',
  'topic',
  'date',
  'startTime',
  'place',
  'chairMemberId',
  'secretaryMemberId',
  'graceMinutes',
  'participantIds',
  'guestIds',
  'agenda',
] as const;
type Field = (typeof FIELDS)[number];

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type TemplateKey<K extends MeetingKind> = keyof (typeof meetingsVi.agendaTemplate)[K];

/** The usual agenda of a meeting of this kind, from the message catalogue. */
function templateRows(kind: MeetingKind, topic: string, t: TFunction): AgendaRowDraft[] {
  let key = 0;
  // Negative keys: rows the user adds later count up from 0.
  const row = (title: string, minutes: number): AgendaRowDraft => ({
    key: --key,
    title,
    presenterMemberId: '',
    plannedMinutes: String(minutes),
    minutes: '',
  });
  if (kind === 'regular') {
    const keys = Object.keys(meetingsVi.agendaTemplate.regular) as TemplateKey<'regular'>[];
    const minutes: Record<TemplateKey<'regular'>, number> = { review: 20, news: 15, criticism: 40, plan: 25 };
    return keys.map((k) => row(t(`meetings.agendaTemplate.regular.${k}`), minutes[k]));
  }
  const keys = Object.keys(meetingsVi.agendaTemplate.thematic) as TemplateKey<'thematic'>[];
  const minutes: Record<TemplateKey<'thematic'>, number> = { present: 30, discuss: 45, conclude: 15 };
  const shownTopic = topic.trim() || t('meetings.agendaTemplate.topicPlaceholder');
  return keys.map((k) => row(t(`meetings.agendaTemplate.thematic.${k}`, { topic: shownTopic }), minutes[k]));
}

export default function NewMeetingRoute() {
  const { id = '' } = useParams();
  return <NewMeetingPage key={id} unitId={id} />;
}

function NewMeetingPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const options = useMeetingOptions(unitId);
  useDocumentTitle(`${t('meetings.new.title')} · ${t('app.titleSuffix')}`);

  if (options.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={36} w="60%" />
        <Skeleton h={240} />
      </Stack>
    );
  }
  if (options.isError) {
    if (isApiError(options.error, 404) || isApiError(options.error, 400)) return <NotFound />;
    return <ErrorState error={options.error} onRetry={() => void options.refetch()} />;
  }
  return <NewMeetingForm options={options.data} />;
}

function NewMeetingForm({ options }: { options: MeetingOptions }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const navigate = useNavigate();
  const changed = useMeetingChanged();
  const keyRef = useRef(0);
  const nextKey = () => keyRef.current++;

  const [kind, setKind] = useState<MeetingKind>('regular');
  const [topic, setTopic] = useState('');
  const [date, setDate] = useState(todayLocal());
  const [startTime, setStartTime] = useState('19:30');
  const [place, setPlace] = useState(options.lastPlace ?? '');
  const [grace, setGrace] = useState(String(options.defaultGraceMinutes));
  const [participantIds, setParticipantIds] = useState(() => options.members.filter((m) => m.status !== 'exempt').map((m) => m.id));
  const [guestIds, setGuestIds] = useState<string[]>([]);
  const [chair, setChair] = useState(() =>
    me.member && options.members.some((m) => m.id === me.member!.id && m.status !== 'exempt') ? me.member.id : '',
  );
  const [secretary, setSecretary] = useState('');
  // The agenda follows the kind's template until the user edits it.
  const [ownAgenda, setOwnAgenda] = useState<AgendaRowDraft[] | null>(null);
  const agenda = ownAgenda ?? templateRows(kind, topic, t);
  const [errors, setErrors] = useState<{ form: FormErrors<Field>; rows: RowErrors }>({ form: { fields: {}, general: null }, rows: {} });
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  // Presenters and planned minutes: folded until asked for, or until one of them is wrong.
  const [agendaDetails, setAgendaDetails] = useState(false);
  const detailsShown = agendaDetails || Object.values(errors.rows).some((r) => r.presenterMemberId || r.plannedMinutes);

  const people: PersonOption[] = [
    ...options.members.filter((m) => participantIds.includes(m.id)).map((m) => ({ value: m.id, label: m.fullName })),
    ...options.guests.filter((g) => guestIds.includes(g.id)).map((g) => ({ value: g.id, label: `${g.fullName} (${g.unitName})` })),
  ];
  const isPerson = (id: string) => id === '' || people.some((p) => p.value === id);

  const create = useMutation({
    mutationFn: (body: CreateMeetingBody) => api<MeetingDetail>('/meetings', { method: 'POST', body }),
    onSuccess: (detail) => {
      changed(detail.id, detail);
      navigate(`/meetings/${detail.id}`);
    },
    onError: (error) => {
      setErrors(splitErrors(error, 'agenda', FIELDS, t('common.formErrors')));
      setAttempt((a) => a + 1);
    },
  });

  const setAgenda = (next: AgendaRowDraft[]) => setOwnAgenda(next);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<Field>['fields'] = {};
    const rows: RowErrors = {};
    if (kind === 'thematic' && !topic.trim()) fields.topic = t('meetings.form.topicRequired');
    if (!DATE.test(date)) fields.date = t('errors.invalidDate');
    if (!TIME.test(startTime)) fields.startTime = t('meetings.form.timeInvalid');
    if (!place.trim()) fields.place = t('errors.required');
    const graceMinutes = wholeNumber(grace, 0, 120);
    if (graceMinutes === 'invalid') fields.graceMinutes = t('meetings.form.graceInvalid');
    if (participantIds.length === 0) fields.participantIds = t('meetings.form.membersRequired');
    const items = agenda.map((row, i) => {
      const planned = wholeNumber(row.plannedMinutes, 1, 600);
      if (!row.title.trim()) (rows[i] ??= {}).title = t('errors.required');
      if (planned === 'invalid') (rows[i] ??= {}).plannedMinutes = t('meetings.agenda.plannedInvalid');
      return {
        title: row.title.trim(),
        presenterMemberId: isPerson(row.presenterMemberId) && row.presenterMemberId ? row.presenterMemberId : null,
        plannedMinutes: planned === 'invalid' ? null : planned,
      };
    });
    if (Object.keys(fields).length > 0 || Object.keys(rows).length > 0) {
      setErrors({ form: { fields, general: t('common.formErrors') }, rows });
      setAttempt((a) => a + 1);
      return;
    }
    setErrors({ form: { fields: {}, general: null }, rows: {} });
    create.mutate({
      unitId: options.unitId,
      kind,
      topic: kind === 'thematic' ? topic.trim() : null,
      date,
      startTime,
      place: place.trim(),
      chairMemberId: chair && isPerson(chair) ? chair : null,
      secretaryMemberId: secretary && isPerson(secretary) ? secretary : null,
      graceMinutes: graceMinutes === 'invalid' || graceMinutes === null ? options.defaultGraceMinutes : graceMinutes,
      participantIds,
      guestIds,
      agenda: items,
    });
  }

  const err = errors.form.fields;
  return (
    <form onSubmit={submit} noValidate className="ts-page ts-mt-form" ref={formRef}>
      <Stack gap="lg">
        <Anchor component={Link} to={`/units/${options.unitId}`} size="sm" className="ts-mt-back">
          <BackIcon size={16} />
          {options.unitName}
        </Anchor>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {t('meetings.new.title')}
        </Title>
        {errors.form.general && <Notice tone="error">{errors.form.general}</Notice>}

        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="mt-new-general">
          <Title order={2} fz="h4" mb="sm" id="mt-new-general">
            {t('meetings.new.general')}
          </Title>
          <Stack gap="md">
            <div role="radiogroup" aria-labelledby="mt-new-kind">
              <Text size="sm" fw={500} id="mt-new-kind" mb={4}>
                {t('meetings.form.kind')}
              </Text>
              <SegmentedControl
                fullWidth
                value={kind}
                onChange={(v) => setKind(v as MeetingKind)}
                data={[
                  { value: 'regular', label: t('meetings.kind.regular') },
                  { value: 'thematic', label: t('meetings.kind.thematic') },
                ]}
              />
            </div>
            {kind === 'thematic' && (
              <TextInput
                label={t('meetings.form.topic')}
                required
                value={topic}
                onChange={(e) => setTopic(e.currentTarget.value)}
                error={err.topic}
                autoComplete="off"
              />
            )}
            <MeetingTimingFields
              date={date}
              startTime={startTime}
              grace={grace}
              onDate={setDate}
              onStartTime={setStartTime}
              onGrace={setGrace}
              errors={err}
              withGrace={false}
            />
            <TextInput
              label={t('meetings.form.place')}
              required
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
              error={err.place}
            />
            <Disclosure label={t('meetings.form.moreDetails')} openLabel={t('meetings.form.lessDetails')} forceOpen={Boolean(err.graceMinutes)}>
              <GraceField value={grace} onChange={setGrace} error={err.graceMinutes} />
            </Disclosure>
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="mt-new-people">
          <Title order={2} fz="h4" mb="sm" id="mt-new-people">
            {t('meetings.new.people')}
          </Title>
          <Stack gap="md">
            <ParticipantsField
              members={options.members}
              guests={options.guests}
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
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="mt-new-agenda">
          <Title order={2} fz="h4" mb={4} id="mt-new-agenda">
            {t('meetings.new.agenda')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {ownAgenda ? t('meetings.new.agendaOwn') : t('meetings.new.agendaTemplate', { kind: t(`meetings.kindLower.${kind}`) })}
          </Text>
          <Stack gap="sm">
            {agenda.map((row, i) => (
              <AgendaRowFields
                key={row.key}
                index={i}
                count={agenda.length}
                row={row}
                people={people}
                errors={errors.rows[i]}
                details={detailsShown}
                onChange={(patch) => setAgenda(agenda.map((r, j) => (j === i ? { ...r, ...patch } : r)))}
                onMove={(step) => {
                  setAgenda(moveItem(agenda, i, step));
                  setErrors((e) => ({ ...e, rows: {} }));
                }}
                onRemove={() => {
                  setAgenda(agenda.filter((_, j) => j !== i));
                  setErrors((e) => ({ ...e, rows: {} }));
                }}
              />
            ))}
            <Group gap="xs">
              <Button
                variant="light"
                size="sm"
                leftSection={<PlusIcon size={16} />}
                disabled={agenda.length >= 30}
                onClick={() =>
                  setAgenda([...agenda, { key: nextKey(), title: '', presenterMemberId: '', plannedMinutes: '', minutes: '' }])
                }
              >
                {t('meetings.agenda.add')}
              </Button>
              <Button variant="subtle" size="sm" aria-expanded={detailsShown} onClick={() => setAgendaDetails(!detailsShown)}>
                {detailsShown ? t('meetings.new.agendaDetailsHide') : t('meetings.new.agendaDetails')}
              </Button>
              {ownAgenda && (
                <Button variant="subtle" size="sm" onClick={() => setOwnAgenda(null)}>
                  {t('meetings.new.useTemplate')}
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="mt-new-tasks">
          <Title order={2} fz="h4" mb={4} id="mt-new-tasks">
            {t('meetings.new.openTasks')}
          </Title>
          {options.openTasks.length === 0 ? (
            <Text size="sm">{t('meetings.new.noOpenTasks')}</Text>
          ) : (
            <>
              <Text size="sm" c="dimmed" mb={4}>
                {t('meetings.new.openTasksCount', { count: options.openTasks.length })}
              </Text>
              <Disclosure label={t('meetings.new.showTasks')} openLabel={t('meetings.new.hideTasks')}>
                <ul className="ts-mt-tasks">
                  {options.openTasks.map((task) => (
                    <li key={task.id}>
                      <Text fw={600} size="sm">
                        {task.title}
                      </Text>
                      <Group gap="xs" mt={2}>
                        <TaskStatusBadge task={task} />
                        <Text size="sm" c="dimmed">
                          {t('meetings.task.ownerDeadline', { owner: task.ownerName, deadline: formatDate(task.deadline) })}
                        </Text>
                      </Group>
                    </li>
                  ))}
                </ul>
              </Disclosure>
            </>
          )}
        </Paper>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" component={Link} to={`/units/${options.unitId}`}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('meetings.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
