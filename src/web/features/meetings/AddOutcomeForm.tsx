import './messages.js';
import '@mantine/core/styles/SegmentedControl.layer.css';
import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/CheckboxIndicator.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import { useState } from 'react';
import { Button, Checkbox, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { Notice } from '../../components/Notice.js';
import { PlusIcon } from '../../components/icons.js';
import type { FormErrors } from '../../lib/forms.js';
import { meetingPath, useMeetingChanged, type CreateOutcomeBody, type MeetingDetail, type OutcomeKind } from './api.js';
import { fieldErrors, wholeNumber, type PersonOption } from '../../lib/formHelpers.js';
import { PersonSelect } from './MeetingFormParts.js';
import { CoworkersField, PriorityField } from '../tasks/TaskFormParts.js';
import type { TaskPriority } from '../tasks/api.js';
import { prefilledVotes, voteGap } from './look.js';

const FIELDS = [
  'title',
  'deliverable',
  'ownerMemberId',
  'coworkerMemberIds',
  'deadline',
  'priority',
  'text',
  'votes',
  'task',
  'agendaItemId',
] as const;
type Field = (typeof FIELDS)[number] | 'for' | 'against' | 'abstain';
const NO_ERRORS: FormErrors<Field> = { fields: {}, general: null };

/**
 * Adds what an agenda item concluded: information, a conclusion (with the vote if one was
 * taken) or a task — one named owner among the members, a clear job, what counts as done, a
 * deadline; optionally co-workers and a priority (the same fields as the new-task page).
 */
export function AddOutcomeForm({
  meetingId,
  agendaItemId,
  owners,
  meetingDate,
  voters,
}: {
  meetingId: string;
  agendaItemId: string;
  owners: PersonOption[];
  meetingDate: string;
  /** Official members present: those who may vote on a resolution. */
  voters: number;
}) {
  const { t } = useTranslation();
  const changed = useMeetingChanged();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<OutcomeKind>('decision');
  const [text, setText] = useState('');
  const [withVotes, setWithVotes] = useState(false);
  const [votes, setVotes] = useState(() => prefilledVotes(voters));
  const [title, setTitle] = useState('');
  const [deliverable, setDeliverable] = useState('');
  const [owner, setOwner] = useState('');
  const [coworkers, setCoworkers] = useState<string[]>([]);
  const [priority, setPriority] = useState<TaskPriority>('normal');
  const [deadline, setDeadline] = useState('');
  const [errors, setErrors] = useState(NO_ERRORS);

  const reset = () => {
    setText('');
    setWithVotes(false);
    setVotes(prefilledVotes(voters));
    setTitle('');
    setDeliverable('');
    setOwner('');
    setCoworkers([]);
    setPriority('normal');
    setDeadline('');
    setErrors(NO_ERRORS);
  };

  const add = useMutation({
    mutationFn: (body: CreateOutcomeBody) => api<MeetingDetail>(meetingPath(meetingId, '/outcomes'), { method: 'POST', body }),
    onSuccess: (detail) => {
      changed(meetingId, detail);
      reset();
      setOpen(false);
    },
    onError: (e) => setErrors(fieldErrors<Field>(e, FIELDS, t('common.formErrors'))),
  });

  if (!open) {
    return (
      <Group>
        <Button variant="subtle" size="sm" leftSection={<PlusIcon size={16} />} onClick={() => setOpen(true)}>
          {t('meetings.outcome.add')}
        </Button>
      </Group>
    );
  }

  function submit() {
    const fields: FormErrors<Field>['fields'] = {};
    const body: CreateOutcomeBody = { agendaItemId, kind };
    if (kind === 'task') {
      if (!title.trim()) fields.title = t('errors.required');
      if (!deliverable.trim()) fields.deliverable = t('meetings.outcome.deliverableRequired');
      if (!owner) fields.ownerMemberId = t('meetings.outcome.ownerRequired');
      if (!deadline) fields.deadline = t('meetings.outcome.deadlineRequired');
      else if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) fields.deadline = t('errors.invalidDate');
      else if (deadline < meetingDate) fields.deadline = t('meetings.outcome.deadlineBefore');
      body.task = {
        title: title.trim(),
        deliverable: deliverable.trim(),
        ownerMemberId: owner,
        coworkerMemberIds: coworkers.filter((c) => c !== owner),
        deadline,
        priority,
      };
      if (text.trim()) body.text = text.trim();
    } else {
      if (!text.trim()) fields.text = t('errors.required');
      body.text = text.trim();
    }
    if (kind === 'decision' && withVotes) {
      const n = {
        for: wholeNumber(votes.for, 0, 1000),
        against: wholeNumber(votes.against, 0, 1000),
        abstain: wholeNumber(votes.abstain, 0, 1000),
      };
      for (const k of ['for', 'against', 'abstain'] as const) if (n[k] === 'invalid') fields[k] = t('meetings.outcome.voteInvalid');
      const num = (v: number | null | 'invalid') => (typeof v === 'number' ? v : 0);
      body.votes = { for: num(n.for), against: num(n.against), abstain: num(n.abstain) };
    }
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: t('common.formErrors') });
      return;
    }
    setErrors(NO_ERRORS);
    add.mutate(body);
  }

  const err = errors.fields;
  // A form inside the agenda form would nest <form>s: this one submits with its button.
  return (
    // min-width 0: inside the agenda row's grid the three-way switch would otherwise push the
    // form (and the row) past a 360 px phone screen.
    <div className="ts-mt-outcome-form" role="group" aria-label={t('meetings.outcome.formLabel')} style={{ minWidth: 0 }}>
      <Stack gap="sm">
        {errors.general && <Notice tone="error">{errors.general}</Notice>}
        <div role="radiogroup" aria-label={t('meetings.outcome.kind')}>
          <SegmentedControl
            fullWidth
            size="sm"
            styles={{ label: { paddingInline: 6 } }}
            value={kind}
            onChange={(v) => setKind(v as OutcomeKind)}
            data={[
              { value: 'information', label: t('meetings.outcomeKind.information') },
              { value: 'decision', label: t('meetings.outcomeKind.decision') },
              { value: 'task', label: t('meetings.outcomeKind.task') },
            ]}
          />
        </div>
        {kind === 'task' ? (
          <>
            <Text size="sm" c="dimmed">
              {t('meetings.outcome.taskHint')}
            </Text>
            <TextInput
              label={t('meetings.outcome.taskTitle')}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={err.title}
              autoComplete="off"
            />
            <Textarea
              label={t('meetings.outcome.deliverable')}
              description={t('meetings.outcome.deliverableHint')}
              required
              autosize
              minRows={2}
              value={deliverable}
              onChange={(e) => setDeliverable(e.currentTarget.value)}
              error={err.deliverable}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <PersonSelect
                label={t('meetings.outcome.owner')}
                required
                value={owner}
                options={owners}
                onChange={setOwner}
                error={err.ownerMemberId}
              />
              <TextInput
                type="date"
                label={t('meetings.outcome.deadline')}
                required
                min={meetingDate}
                value={deadline}
                onChange={(e) => setDeadline(e.currentTarget.value)}
                error={err.deadline}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <CoworkersField
                options={owners}
                value={coworkers}
                onChange={setCoworkers}
                exclude={owner || null}
                error={err.coworkerMemberIds}
              />
              <PriorityField value={priority} onChange={setPriority} error={err.priority} />
            </SimpleGrid>
            <Textarea
              label={t('meetings.outcome.taskNote')}
              autosize
              minRows={2}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={err.text}
            />
          </>
        ) : (
          <Textarea
            label={kind === 'decision' ? t('meetings.outcome.decisionText') : t('meetings.outcome.informationText')}
            required
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={err.text}
          />
        )}
        {kind === 'decision' && (
          <>
            <Checkbox
              label={t('meetings.outcome.withVotes')}
              checked={withVotes}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setWithVotes(on);
                // From those present now: the form may have been opened before anyone was marked.
                if (on) setVotes(prefilledVotes(voters));
              }}
            />
            {withVotes && (
              <>
                <Text size="sm" c="dimmed">
                  {t('meetings.outcome.votersHint', { count: voters })}
                </Text>
                <SimpleGrid cols={3} spacing="xs">
                  {(['for', 'against', 'abstain'] as const).map((k) => (
                    <TextInput
                      key={k}
                      label={t(`meetings.outcome.votes.${k}`)}
                      inputMode="numeric"
                      value={votes[k]}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        setVotes((s) => ({ ...s, [k]: v }));
                      }}
                      error={err[k]}
                      autoComplete="off"
                    />
                  ))}
                </SimpleGrid>
                <VoteGapText votes={votes} voters={voters} />
                {err.votes && (
                  <Text size="sm" c="error" role="alert">
                    {err.votes}
                  </Text>
                )}
              </>
            )}
          </>
        )}
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={() => {
              reset();
              setOpen(false);
            }}
          >
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={add.isPending}>
            {t('meetings.outcome.submit')}
          </Button>
        </Group>
      </Stack>
    </div>
  );
}

/** "Đã ghi 2/3 phiếu: còn thiếu 1 người" under the vote fields, so a missing number shows. */
function VoteGapText({ votes, voters }: { votes: { for: string; against: string; abstain: string }; voters: number }) {
  const { t } = useTranslation();
  const gap = voteGap(votes, voters);
  if (!gap) return null;
  const values = { cast: gap.cast, voters, missing: gap.missing };
  const key = gap.missing > 0 ? 'votesMissing' : gap.missing < 0 ? 'votesOver' : 'votesComplete';
  return (
    <Text size="sm" fw={gap.missing === 0 ? undefined : 600} c={gap.missing === 0 ? 'dimmed' : '#6e4300'} aria-live="polite">
      {t(`meetings.outcome.${key}`, values)}
    </Text>
  );
}
