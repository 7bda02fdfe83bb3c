import './messages.js';
import './tasks.css';
import '@mantine/core/styles/Fieldset.layer.css';
import { useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, Fieldset, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { BackIcon } from '../../components/icons.js';
import { formatDate } from '../../lib/format.js';
import { formErrorsFrom, type FormErrors } from '../../lib/forms.js';
import { todayLocal } from '../../lib/time.js';
import { handDownDelayDays } from '../../../domain/tasks.js';
import { useFocusFirstError } from '../../lib/formHelpers.js';
import { useTaskChanged, useTaskOptions, type CreateTaskBody, type TaskDetail, type TaskOptions, type TaskPriority } from './api.js';
import { CoworkersField, MAX_COWORKERS, PriorityField } from './TaskFormParts.js';

const FIELDS = [
  'title',
  'deliverable',
  'owner',
  'ownerMemberId',
  'ownerUnitId',
  'coworkerMemberIds',
  'deadline',
  'priority',
  'source',
  'receivedOn',
  'handedDownOn',
] as const;
type Field = (typeof FIELDS)[number];
const NO_ERRORS: FormErrors<Field> = { fields: {}, general: null };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export default function NewTaskRoute() {
  const { id = '' } = useParams();
  return <NewTaskPage key={id} unitId={id} />;
}

/** Giao nhiệm vụ: a unit's leaders give a task, from a meeting, a directive, a commitment, or on its own. */
function NewTaskPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const options = useTaskOptions(unitId);
  useDocumentTitle(
    options.data ? `${t('tasks.new.title')} · ${options.data.unitName} · ${t('app.titleSuffix')}` : t('app.titleSuffix'),
  );
  if (options.isPending) {
    return (
      <Stack gap="md" className="ts-page" maw={760}>
        <Skeleton h={16} w={200} />
        <Skeleton h={36} w="50%" />
        <Skeleton h={420} />
      </Stack>
    );
  }
  if (options.isError) return <PageLoadError error={options.error} onRetry={() => void options.refetch()} />;
  return <NewTaskForm options={options.data} />;
}

/** The owner select's value: a member ("m:<id>") or a unit ("u:<id>"). */
type OwnerValue = '' | `m:${string}` | `u:${string}`;

function initialSource(params: URLSearchParams): string {
  for (const kind of ['meeting', 'directive', 'commitment'] as const) {
    const id = params.get(kind);
    if (id) return `${kind}:${id}`;
  }
  const issue = params.get('localIssue');
  return issue ? `local_issue:${issue}` : '';
}

function NewTaskForm({ options }: { options: TaskOptions }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const changed = useTaskChanged();
  const [params] = useSearchParams();
  const today = todayLocal();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);

  const [title, setTitle] = useState('');
  const [deliverable, setDeliverable] = useState('');
  const [owner, setOwner] = useState<OwnerValue>(() => {
    const asked = params.get('owner');
    if (asked && options.members.some((m) => m.id === asked)) return `m:${asked}`;
    if (asked && options.units.some((u) => u.id === asked)) return `u:${asked}`;
    return '';
  });
  const [coworkers, setCoworkers] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const [priority, setPriority] = useState<TaskPriority>('normal');
  const [source, setSource] = useState(() => initialSource(params));
  const [sourceKind, sourceId] = source ? (source.split(':') as [string, string]) : ['', ''];
  const directive = sourceKind === 'directive' ? options.directives.find((d) => d.id === sourceId) : undefined;
  const meeting = sourceKind === 'meeting' ? options.meetings.find((m) => m.id === sourceId) : undefined;
  // The cell received the job when the directive was issued or at the meeting that decided it.
  const [receivedOn, setReceivedOn] = useState(() => directive?.issuedOn ?? meeting?.date ?? today);
  const [handedDownOn, setHandedDownOn] = useState(today);
  const [errors, setErrors] = useState(NO_ERRORS);

  /**
   * A field's message goes once the person changes it; the summary goes with the last of them
   * (unless it says something of its own, like a server message about no field).
   */
  const edited = (...fields: Field[]) =>
    setErrors((e) => {
      if (!fields.some((f) => e.fields[f])) return e;
      const rest = Object.fromEntries(Object.entries(e.fields).filter(([k]) => !fields.includes(k as Field)));
      const general = Object.keys(rest).length === 0 && e.general === t('common.formErrors') ? null : e.general;
      return { fields: rest, general };
    });

  const ownerMemberId = owner.startsWith('m:') ? owner.slice(2) : null;
  const ownerUnit = owner.startsWith('u:') ? options.units.find((u) => u.id === owner.slice(2)) : undefined;
  const handDown = ownerUnit?.kind === 'mass_org';
  const delay = handDown ? handDownDelayDays(ISO_DATE.test(receivedOn) ? receivedOn : null, ISO_DATE.test(handedDownOn) ? handedDownOn : null) : null;

  const create = useMutation({
    mutationFn: (body: CreateTaskBody) => api<TaskDetail>('/tasks', { method: 'POST', body }),
    onSuccess: (detail) => {
      changed(detail);
      navigate(`/tasks/${detail.id}`);
    },
    onError: (e) => {
      setErrors(formErrorsFrom(e, FIELDS, t('common.formErrors')));
      setAttempt((a) => a + 1);
    },
  });

  function chooseSource(next: string) {
    setSource(next);
    const [kind, id] = next.split(':');
    const d = kind === 'directive' ? options.directives.find((x) => x.id === id) : undefined;
    const m = kind === 'meeting' ? options.meetings.find((x) => x.id === id) : undefined;
    if (d) setReceivedOn(d.issuedOn);
    else if (m) setReceivedOn(m.date);
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<Field>['fields'] = {};
    // Each of the four "rõ", named when missing.
    if (!owner) fields.owner = t('tasks.new.missing.owner');
    if (!title.trim()) fields.title = t('tasks.new.missing.title');
    if (!deliverable.trim()) fields.deliverable = t('tasks.new.missing.deliverable');
    if (!deadline) fields.deadline = t('tasks.new.missing.deadline');
    else if (!ISO_DATE.test(deadline)) fields.deadline = t('errors.invalidDate');
    else if (deadline < today) fields.deadline = t('tasks.new.deadlinePast');
    if (coworkers.length > MAX_COWORKERS) fields.coworkerMemberIds = t('tasks.new.coworkersTooMany');
    if (handDown) {
      if (!ISO_DATE.test(receivedOn)) fields.receivedOn = t('errors.invalidDate');
      if (!ISO_DATE.test(handedDownOn)) fields.handedDownOn = t('errors.invalidDate');
      else if (ISO_DATE.test(receivedOn) && handedDownOn < receivedOn) fields.handedDownOn = t('tasks.new.handedBeforeReceived');
    }
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: t('common.formErrors') });
      setAttempt((a) => a + 1);
      return;
    }
    setErrors(NO_ERRORS);
    const body: CreateTaskBody = {
      unitId: options.unitId,
      title: title.trim(),
      deliverable: deliverable.trim(),
      ownerMemberId,
      ownerUnitId: ownerUnit?.id ?? null,
      coworkerMemberIds: coworkers.filter((c) => c !== ownerMemberId),
      deadline,
      priority,
      source:
        sourceKind === 'meeting'
          ? { kind: 'meeting', meetingId: sourceId }
          : sourceKind === 'directive'
            ? { kind: 'directive', directiveId: sourceId }
            : sourceKind === 'commitment'
              ? { kind: 'commitment', commitmentId: sourceId }
              : sourceKind === 'local_issue'
                ? { kind: 'local_issue', localIssueId: sourceId }
                : null,
      ...(handDown ? { receivedOn, handedDownOn } : {}),
    };
    create.mutate(body);
  }

  const err = errors.fields;
  const ownerError = err.owner ?? err.ownerMemberId ?? err.ownerUnitId;
  const people = options.members.map((m) => ({
    value: m.id,
    label: m.unitName && m.unitName !== options.unitName ? `${m.fullName} (${m.unitName})` : m.fullName,
  }));
  const ownerData = [
    { value: '', label: t('tasks.new.ownerPlaceholder') },
    ...(options.units.length > 0
      ? [
          {
            group: t('tasks.new.ownerUnits'),
            items: options.units.map((u) => ({
              value: `u:${u.id}`,
              label: u.contactName ? t('tasks.new.ownerUnitContact', { name: u.name, contact: u.contactName }) : u.name,
            })),
          },
        ]
      : []),
    { group: t('tasks.new.ownerMembers'), items: people.map((p) => ({ value: `m:${p.value}`, label: p.label })) },
  ];
  const known = (kind: string, id: string) =>
    kind === 'meeting' ? options.meetings.some((m) => m.id === id) : kind === 'directive' ? options.directives.some((d) => d.id === id) : false;
  const sourceData = [
    { value: '', label: t('tasks.new.sourceNone') },
    // A source asked for in the address but not among the recent ones (an older meeting, a commitment).
    ...(source && !known(sourceKind, sourceId)
      ? [
          {
            value: source,
            label:
              sourceKind === 'commitment'
                ? t('tasks.new.sourceCommitment')
                : sourceKind === 'local_issue'
                  ? t('tasks.source.localIssue')
                  : sourceKind === 'meeting'
                  ? t('tasks.source.meeting', { date: '' }).trim()
                  : t('tasks.source.directiveUntitled'),
          },
        ]
      : []),
    ...(options.meetings.length > 0
      ? [
          {
            group: t('tasks.new.meetings'),
            items: options.meetings.map((m) => ({
              value: `meeting:${m.id}`,
              label: m.topic
                ? t('tasks.new.sourceMeetingTopic', { date: formatDate(m.date), topic: m.topic })
                : t('tasks.new.sourceMeeting', { date: formatDate(m.date) }),
            })),
          },
        ]
      : []),
    ...(options.directives.length > 0
      ? [
          {
            group: t('tasks.new.directives'),
            items: options.directives.map((d) => ({
              value: `directive:${d.id}`,
              label: t('tasks.new.sourceDirective', { title: d.title, date: formatDate(d.deadline) }),
            })),
          },
        ]
      : []),
  ];

  return (
    <Stack gap="md" className="ts-page" maw={760}>
      <Stack gap={6}>
        <Anchor component={Link} to={`/units/${options.unitId}`} size="sm" className="ts-mt-back">
          <BackIcon size={16} />
          {options.unitName}
        </Anchor>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {t('tasks.new.title')}
        </Title>
        <Text>{t('tasks.new.rule')}</Text>
      </Stack>
      {options.members.length === 0 && options.units.length === 0 && <Notice tone="warning">{t('tasks.new.noOwners')}</Notice>}
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <form ref={formRef} onSubmit={submit} noValidate aria-label={t('tasks.new.title')} className="ts-mt-form">
          <Stack gap="md">
            {errors.general && <Notice tone="error">{errors.general}</Notice>}
            <TextInput
              label={t('tasks.four.job')}
              description={t('tasks.new.titleHint')}
              required
              value={title}
              onChange={(e) => {
                setTitle(e.currentTarget.value);
                edited('title');
              }}
              error={err.title}
              maxLength={300}
              autoComplete="off"
            />
            <Textarea
              label={t('tasks.four.deliverable')}
              description={t('tasks.new.deliverableHint')}
              required
              autosize
              minRows={2}
              maxLength={1000}
              value={deliverable}
              onChange={(e) => {
                setDeliverable(e.currentTarget.value);
                edited('deliverable');
              }}
              error={err.deliverable}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NativeSelect
                label={t('tasks.four.owner')}
                required
                value={owner}
                onChange={(e) => {
                  const next = e.currentTarget.value as OwnerValue;
                  setOwner(next);
                  edited('owner', 'ownerMemberId', 'ownerUnitId');
                  if (next.startsWith('m:')) setCoworkers((c) => c.filter((id) => id !== next.slice(2)));
                }}
                data={ownerData}
                error={ownerError}
              />
              <TextInput
                type="date"
                label={t('tasks.four.deadline')}
                required
                min={today}
                value={deadline}
                onChange={(e) => {
                  setDeadline(e.currentTarget.value);
                  edited('deadline');
                }}
                error={err.deadline}
              />
            </SimpleGrid>
            {handDown && (
              <Fieldset legend={t('tasks.new.handDown')} radius="md" p="sm">
                <Stack gap="sm">
                  <Text size="sm" c="dimmed">
                    {t('tasks.new.handDownHint')}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <TextInput
                      type="date"
                      label={t('tasks.new.receivedOn')}
                      max={today}
                      value={receivedOn}
                      onChange={(e) => {
                        setReceivedOn(e.currentTarget.value);
                        edited('receivedOn', 'handedDownOn');
                      }}
                      error={err.receivedOn}
                    />
                    <TextInput
                      type="date"
                      label={t('tasks.new.handedDownOn')}
                      max={today}
                      value={handedDownOn}
                      onChange={(e) => {
                        setHandedDownOn(e.currentTarget.value);
                        edited('handedDownOn');
                      }}
                      error={err.handedDownOn}
                    />
                  </SimpleGrid>
                  {delay !== null && (
                    <Text size="sm" fw={600} c={delay > 0 ? '#8a1010' : '#1b5e2b'} aria-live="polite">
                      {delay > 0 ? t('tasks.new.delay', { count: delay }) : t('tasks.new.noDelay')}
                    </Text>
                  )}
                </Stack>
              </Fieldset>
            )}
            <CoworkersField options={people} value={coworkers} onChange={setCoworkers} exclude={ownerMemberId} error={err.coworkerMemberIds} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <PriorityField value={priority} onChange={setPriority} error={err.priority} />
              <NativeSelect
                label={t('tasks.new.source')}
                value={source}
                onChange={(e) => chooseSource(e.currentTarget.value)}
                data={sourceData}
                error={err.source}
              />
            </SimpleGrid>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" component={Link} to={`/units/${options.unitId}`}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('tasks.new.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
