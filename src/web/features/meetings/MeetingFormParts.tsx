import './messages.js';
import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/CheckboxIndicator.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import '@mantine/core/styles/Fieldset.layer.css';
import type { ReactNode } from 'react';
import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../components/Badges.js';
import { RowControls } from '../../components/RowControls.js';
import { Disclosure } from '../../components/Disclosure.js';
import type { MeetingOptions } from './api.js';
import type { PersonOption } from '../../lib/formHelpers.js';
import { formatDate } from '../../lib/format.js';
import { weekday } from '../../lib/time.js';

interface ParticipantsProps {
  members: MeetingOptions['members'];
  guests: MeetingOptions['guests'];
  participantIds: string[];
  guestIds: string[];
  onChange: (participantIds: string[], guestIds: string[]) => void;
  errors: { participantIds?: string; guestIds?: string };
}

/**
 * Who is called: the count in one line, the lists to tick folded behind "Thay đổi người dự
 * họp" (a secretary rarely changes it: every member but the exempt is chosen already).
 */
export function ParticipantsField(props: ParticipantsProps) {
  const { t } = useTranslation();
  const { members, guests, participantIds, guestIds, errors } = props;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('meetings.form.members', { chosen: participantIds.length, total: members.length })}
        {guests.length > 0 && ` · ${t('meetings.form.guests', { chosen: guestIds.length })}`}
      </Text>
      {errors.participantIds && (
        <Text size="sm" c="error" role="alert">
          {errors.participantIds}
        </Text>
      )}
      <Disclosure label={t('meetings.form.changePeople')} openLabel={t('meetings.form.foldPeople')} forceOpen={Boolean(errors.guestIds)}>
        <ParticipantChecklists {...props} />
      </Disclosure>
    </Stack>
  );
}

/** The cell's members to tick (exempt ones flagged) and the guests from the committees above. */
function ParticipantChecklists({ members, guests, participantIds, guestIds, onChange, errors }: ParticipantsProps) {
  const { t } = useTranslation();
  const chosen = new Set(participantIds);
  const invited = new Set(guestIds);
  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  // In roll order, whatever order they were ticked in.
  const ordered = (set: Set<string>, list: { id: string }[]) => list.filter((m) => set.has(m.id)).map((m) => m.id);

  return (
    <Stack gap="md">
      <Fieldset legend={t('meetings.form.members', { chosen: chosen.size, total: members.length })} radius="md" p="sm">
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('meetings.form.membersHint')}
          </Text>
          <Group gap="xs">
            <Button
              variant="light"
              size="compact-sm"
              onClick={() => onChange(members.filter((m) => m.status !== 'exempt' || chosen.has(m.id)).map((m) => m.id), guestIds)}
            >
              {t('meetings.form.selectAll')}
            </Button>
            <Button variant="subtle" size="compact-sm" onClick={() => onChange([], guestIds)}>
              {t('meetings.form.selectNone')}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={0} verticalSpacing={0} className="ts-mt-checks">
            {members.map((m) => (
              <Checkbox
                key={m.id}
                className="ts-mt-check"
                checked={chosen.has(m.id)}
                onChange={(e) => onChange(ordered(toggle(chosen, m.id, e.currentTarget.checked), members), guestIds)}
                label={
                  <span className="ts-mt-check-label">
                    {m.fullName}
                    {m.status !== 'official' && (
                      <Tag
                        bg={m.status === 'exempt' ? '#eceff1' : '#fff1d6'}
                        fg={m.status === 'exempt' ? '#37474f' : '#6e4300'}
                      >
                        {t(`memberStatus.${m.status}`)}
                      </Tag>
                    )}
                  </span>
                }
              />
            ))}
          </SimpleGrid>
        </Stack>
      </Fieldset>
      {guests.length > 0 && (
        <Fieldset legend={t('meetings.form.guests', { chosen: invited.size })} radius="md" p="sm">
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('meetings.form.guestsHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={0} verticalSpacing={0} className="ts-mt-checks">
              {guests.map((g) => (
                <Checkbox
                  key={g.id}
                  className="ts-mt-check"
                  checked={invited.has(g.id)}
                  onChange={(e) => onChange(participantIds, ordered(toggle(invited, g.id, e.currentTarget.checked), guests))}
                  label={g.fullName}
                  description={g.unitName}
                />
              ))}
            </SimpleGrid>
            {errors.guestIds && (
              <Text size="sm" c="error" role="alert">
                {errors.guestIds}
              </Text>
            )}
          </Stack>
        </Fieldset>
      )}
    </Stack>
  );
}

/** A person select over the participants chosen (with "not chosen"). */
export function PersonSelect({
  label,
  value,
  options,
  onChange,
  error,
  description,
  required,
}: {
  label: string;
  required?: boolean;
  value: string;
  options: PersonOption[];
  onChange: (id: string) => void;
  error?: string | undefined;
  description?: string;
}) {
  const { t } = useTranslation();
  const known = value === '' || options.some((o) => o.value === value);
  return (
    <NativeSelect
      label={label}
      description={description}
      required={required}
      value={known ? value : ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: t('meetings.form.nobody') }, ...options]}
      error={error}
    />
  );
}

export interface AgendaRowDraft {
  /** Stable React key: rows are added, removed and moved. */
  key: number;
  /** The saved item's id; none for a new row. */
  id?: string;
  title: string;
  presenterMemberId: string;
  plannedMinutes: string;
  minutes: string;
}

/** One agenda row: title, presenter, planned minutes, and buttons to move or remove it. */
export function AgendaRowFields({
  index,
  count,
  row,
  people,
  errors,
  onChange,
  onMove,
  onRemove,
  removeBlocked,
  details = true,
  children,
}: {
  index: number;
  count: number;
  row: AgendaRowDraft;
  people: PersonOption[];
  errors: Record<string, string> | undefined;
  onChange: (patch: Partial<AgendaRowDraft>) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
  /** Why this row cannot be removed (it has outcomes), if so. */
  removeBlocked?: string | undefined;
  /** Presenter and planned minutes shown (the new-meeting form folds them until asked). */
  details?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  return (
    <div className="ts-mt-agenda-row" role="group" aria-label={t('meetings.agenda.itemN', { n })}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text fw={700} size="sm">
          {t('meetings.agenda.itemN', { n })}
        </Text>
        <RowControls
          index={index}
          count={count}
          labels={{ up: t('meetings.agenda.moveUp', { n }), down: t('meetings.agenda.moveDown', { n }), remove: t('meetings.agenda.remove', { n }) }}
          onMove={onMove}
          onRemove={onRemove}
          removeBlocked={removeBlocked}
        />
      </Group>
      <Textarea
        label={t('meetings.agenda.title')}
        required
        autosize
        minRows={1}
        maxRows={4}
        value={row.title}
        onChange={(e) => onChange({ title: e.currentTarget.value.replace(/\n/g, ' ') })}
        error={errors?.title}
      />
      {details && (
        <div className="ts-mt-agenda-meta">
          <PersonSelect
            label={t('meetings.agenda.presenter')}
            value={row.presenterMemberId}
            options={people}
            onChange={(id) => onChange({ presenterMemberId: id })}
            error={errors?.presenterMemberId}
          />
          <TextInput
            label={t('meetings.agenda.plannedMinutes')}
            inputMode="numeric"
            value={row.plannedMinutes}
            onChange={(e) => onChange({ plannedMinutes: e.currentTarget.value })}
            error={errors?.plannedMinutes}
            autoComplete="off"
          />
        </div>
      )}
      {children}
    </div>
  );
}

/**
 * Date, start time and grace minutes: the same three fields on the new-meeting page and in the
 * edit dialog. The weekday under the date helps where the phone shows dates the US way.
 */
export function MeetingTimingFields({
  date,
  startTime,
  grace,
  onDate,
  onStartTime,
  onGrace,
  errors,
  withGrace = true,
}: {
  date: string;
  startTime: string;
  grace: string;
  onDate: (value: string) => void;
  onStartTime: (value: string) => void;
  onGrace: (value: string) => void;
  errors: { date?: string | undefined; startTime?: string | undefined; graceMinutes?: string | undefined };
  /** False where the form shows the grace minutes elsewhere (behind "Thêm chi tiết"). */
  withGrace?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
      <TextInput
        type="date"
        label={t('meetings.form.date')}
        required
        value={date}
        onChange={(e) => onDate(e.currentTarget.value)}
        error={errors.date}
        description={/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${weekday(date, i18n.language)}, ${formatDate(date)}` : undefined}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
      <TextInput
        type="time"
        label={t('meetings.form.startTime')}
        required
        value={startTime}
        onChange={(e) => onStartTime(e.currentTarget.value)}
        error={errors.startTime}
      />
      {withGrace && <GraceField value={grace} onChange={onGrace} error={errors.graceMinutes} />}
    </SimpleGrid>
  );
}

/** Cho phép muộn: minutes after the start that still count as on time. */
export function GraceField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('meetings.form.grace')}
      description={t('meetings.form.graceHint')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      inputMode="numeric"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      autoComplete="off"
    />
  );
}

/** Chủ trì and thư ký, chosen among the people on the list. */
export function ChairAndSecretaryFields({
  people,
  chair,
  secretary,
  onChair,
  onSecretary,
  errors,
}: {
  people: PersonOption[];
  chair: string;
  secretary: string;
  onChair: (value: string) => void;
  onSecretary: (value: string) => void;
  errors: { chairMemberId?: string | undefined; secretaryMemberId?: string | undefined };
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <PersonSelect label={t('meetings.form.chair')} value={chair} options={people} onChange={onChair} error={errors.chairMemberId} />
      <PersonSelect
        label={t('meetings.form.secretary')}
        value={secretary}
        options={people}
        onChange={onSecretary}
        error={errors.secretaryMemberId}
      />
    </SimpleGrid>
  );
}
