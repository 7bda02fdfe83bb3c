import './messages.js';
import '../../styles/self-examination.css';
import '@mantine/core/styles/Switch.layer.css';
import '@mantine/core/styles/Radio.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import { useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, Group, NativeSelect, Paper, Radio, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import { useAuthedMe } from '../../app/me.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { BackIcon, LockIcon } from '../../components/icons.js';
import { formatDate } from '../../lib/format.js';
import type { FormErrors } from '../../lib/forms.js';
import { fieldErrors, useFocusFirstError } from '../../lib/formHelpers.js';
import { useChecklist, type ChecklistResponse } from '../checklist/api.js';
import {
  FEEDBACK_TOPICS,
  useFeedbackChanged,
  useFeedbackOptions,
  type CreateFeedbackBody,
  type FeedbackDirection,
  type FeedbackOptions,
  type FeedbackSummary,
  type FeedbackTopic,
} from './api.js';

const FIELDS = ['direction', 'receiverMemberId', 'topic', 'text', 'meetingId', 'manifestationItemId', 'anonymous'] as const;
type Field = (typeof FIELDS)[number];

/** Góp ý: `/feedback/new?unit=<cell>&to=<member>&meeting=<meeting>`. */
export default function NewFeedbackPage() {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const [params] = useSearchParams();
  const unitId = params.get('unit') ?? me.member?.unitId ?? null;
  const options = useFeedbackOptions(unitId);
  const checklist = useChecklist(unitId);
  useDocumentTitle(`${t('selfexam.give.title')} · ${t('app.titleSuffix')}`);

  if (!unitId) return <Notice tone="info">{t('selfexam.mine.noMember')}</Notice>;
  if (options.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={36} w="50%" />
        <Skeleton h={320} />
      </Stack>
    );
  }
  if (options.isError) return <PageLoadError error={options.error} onRetry={() => void options.refetch()} />;
  return (
    <FeedbackForm
      key={unitId}
      options={options.data}
      checklist={checklist.data ?? null}
      initialTo={params.get('to')}
      initialMeeting={params.get('meeting')}
    />
  );
}

function FeedbackForm({
  options: o,
  checklist,
  initialTo,
  initialMeeting,
}: {
  options: FeedbackOptions;
  checklist: ChecklistResponse | null;
  initialTo: string | null;
  initialMeeting: string | null;
}) {
  const { t } = useTranslation();
  const changed = useFeedbackChanged();
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const others = o.members.filter((m) => m.id !== o.selfMemberId);
  const committee = others.filter((m) => m.committee);
  const toKnown = initialTo && others.some((m) => m.id === initialTo) ? initialTo : '';
  const [direction, setDirection] = useState<FeedbackDirection>('member_to_member');
  const [receiver, setReceiver] = useState(toKnown);
  const [topic, setTopic] = useState<FeedbackTopic | ''>('');
  const [text, setText] = useState('');
  const [meetingId, setMeetingId] = useState(initialMeeting && o.meetings.some((m) => m.id === initialMeeting) ? initialMeeting : '');
  const [manifestation, setManifestation] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, general: null });
  const [sent, setSent] = useState<FeedbackSummary | null>(null);

  const items = checklist?.groups.filter((g) => g.list === 'manifestation') ?? [];
  const chosen = items.flatMap((g) => g.items).find((i) => i.id === manifestation) ?? null;
  const upward = direction === 'upward';

  const create = useMutation({
    mutationFn: (body: CreateFeedbackBody) => api<FeedbackSummary>('/feedback', { method: 'POST', body }),
    onSuccess: (f) => {
      changed();
      setSent(f);
      setText('');
      setManifestation('');
      setErrors({ fields: {}, general: null });
      window.scrollTo(0, 0);
    },
    onError: (e) => {
      setErrors(fieldErrors(e, FIELDS, t('common.formErrors')));
      setAttempt((n) => n + 1);
    },
  });

  function changeDirection(next: FeedbackDirection) {
    setDirection(next);
    setReceiver(next === 'upward' ? '' : receiver && others.some((m) => m.id === receiver) ? receiver : '');
    if (next === 'upward' && !topic) setTopic('cell_leadership');
    if (next !== 'upward') setAnonymous(false);
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSent(null);
    const fields: FormErrors<Field>['fields'] = {};
    if (!upward && !receiver) fields.receiverMemberId = t('selfexam.give.chooseReceiver');
    if (!topic) fields.topic = t('selfexam.give.chooseTopic');
    if (!text.trim()) fields.text = t('errors.required');
    if (Object.keys(fields).length > 0 || !topic) {
      setErrors({ fields, general: null });
      setAttempt((n) => n + 1);
      return;
    }
    const body: CreateFeedbackBody = { direction, topic, text: text.trim(), anonymous: upward && anonymous, unitId: o.unitId };
    if (receiver) body.receiverMemberId = receiver;
    if (meetingId) body.meetingId = meetingId;
    if (manifestation) body.manifestationItemId = manifestation;
    create.mutate(body);
  }

  const memberOptions = (list: typeof others) => list.map((m) => ({ value: m.id, label: m.name }));

  return (
    <Stack gap="md" className="ts-page" maw={760}>
      <Stack gap={6}>
        <Anchor component={Link} to="/tu-soi" size="sm" className="ts-mt-back">
          <BackIcon size={16} />
          {t('selfexam.mine.title')}
        </Anchor>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {t('selfexam.give.title')}
        </Title>
        <Text c="dimmed">{t('selfexam.give.intro', { unit: o.unitName })}</Text>
      </Stack>

      {sent && (
        <Notice tone="success" onClose={() => setSent(null)}>
          {sent.anonymous ? t('selfexam.give.sentAnonymous') : t('selfexam.give.sent', { name: sent.receiverName ?? t('selfexam.feedback.toCommittee') })}{' '}
          <Anchor component={Link} to="/tu-soi" size="sm" fw={600}>
            {t('selfexam.give.backToMine')}
          </Anchor>
        </Notice>
      )}

      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <form ref={form} onSubmit={submit} noValidate aria-label={t('selfexam.give.title')}>
          <Stack gap="md">
            {errors.general && <Notice tone="error">{errors.general}</Notice>}
            <Radio.Group label={t('selfexam.give.direction')} required value={direction} onChange={(v) => changeDirection(v as FeedbackDirection)} error={errors.fields.direction}>
              <Stack gap={0} mt={4}>
                <Radio value="member_to_member" label={t('selfexam.direction.member_to_member')} description={t('selfexam.give.directionHint.member_to_member')} className="ts-se-choice" />
                <Radio value="upward" label={t('selfexam.direction.upward')} description={t('selfexam.give.directionHint.upward')} className="ts-se-choice" />
                {o.asCell && (
                  <Radio value="cell_to_member" label={t('selfexam.direction.cell_to_member')} description={t('selfexam.give.directionHint.cell_to_member')} className="ts-se-choice" />
                )}
              </Stack>
            </Radio.Group>

            {upward ? (
              <NativeSelect
                label={t('selfexam.give.receiverUpward')}
                value={receiver}
                onChange={(e) => setReceiver(e.currentTarget.value)}
                data={[{ value: '', label: t('selfexam.give.wholeCommittee') }, ...memberOptions(committee)]}
                error={errors.fields.receiverMemberId}
              />
            ) : (
              <NativeSelect
                label={t('selfexam.give.receiver')}
                required
                value={receiver}
                onChange={(e) => setReceiver(e.currentTarget.value)}
                data={[{ value: '', label: t('selfexam.give.chooseReceiver') }, ...memberOptions(others)]}
                error={errors.fields.receiverMemberId}
              />
            )}

            <NativeSelect
              label={t('selfexam.give.topic')}
              required
              value={topic}
              onChange={(e) => setTopic(e.currentTarget.value as FeedbackTopic)}
              data={[{ value: '', label: t('selfexam.give.chooseTopic') }, ...FEEDBACK_TOPICS.map((k) => ({ value: k, label: t(`selfexam.topic.${k}`) }))]}
              error={errors.fields.topic}
            />

            <Textarea
              label={t('selfexam.give.text')}
              description={t('selfexam.give.textHint')}
              required
              autosize
              minRows={4}
              maxRows={16}
              maxLength={3000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={errors.fields.text}
            />

            <NativeSelect
              label={t('selfexam.give.meeting')}
              value={meetingId}
              onChange={(e) => setMeetingId(e.currentTarget.value)}
              data={[
                { value: '', label: t('selfexam.give.noMeeting') },
                ...o.meetings.map((m) => ({
                  value: m.id,
                  label: m.topic ? `${formatDate(m.date)} · ${m.topic}` : t('selfexam.give.meetingOption', { date: formatDate(m.date) }),
                })),
              ]}
              error={errors.fields.meetingId}
            />

            <NativeSelect
              label={t('selfexam.give.manifestation')}
              description={t('selfexam.give.manifestationHint')}
              value={manifestation}
              onChange={(e) => setManifestation(e.currentTarget.value)}
              data={[
                { value: '', label: t('selfexam.give.noManifestation') },
                ...items.map((g) => ({ group: g.name, items: g.items.map((i) => ({ value: i.id, label: `${i.code}. ${i.title}` })) })),
              ]}
              error={errors.fields.manifestationItemId}
              disabled={!checklist}
            />
            {chosen?.grave && (
              <Notice tone="warning" title={t('selfexam.give.graveTitle')}>
                <p className="ts-notice-text">{t('selfexam.give.graveBody')}</p>
              </Notice>
            )}

            {upward && (
              <div className="ts-se-anon">
                <Switch
                  label={t('selfexam.give.anonymous')}
                  checked={anonymous}
                  onChange={(e) => setAnonymous(e.currentTarget.checked)}
                  size="md"
                  aria-describedby="ts-se-anon-text"
                />
                <div className="ts-se-privacy" id="ts-se-anon-text" data-on={anonymous || undefined}>
                  <LockIcon size={18} />
                  <Text size="sm">{anonymous ? t('selfexam.give.anonymousOn') : t('selfexam.give.anonymousOff')}</Text>
                </div>
              </div>
            )}
            {!upward && (
              <Text size="sm" c="dimmed">
                {direction === 'cell_to_member' ? t('selfexam.give.whoSeesCell') : t('selfexam.give.whoSees')}
              </Text>
            )}

            <Group justify="flex-end" gap="sm">
              <Button component={Link} to="/tu-soi" variant="default">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('selfexam.give.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
