import './messages.js';
import '../../styles/self-examination.css';
import '../../components/modal-styles.js';
import '@mantine/core/styles/Radio.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import { DialogActions } from '../../components/DialogActions.js';
import { Notice } from '../../components/Notice.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import type { FormErrors } from '../../lib/forms.js';
import { usePhone } from '../../lib/usePhone.js';
import { splitErrors, useFocusFirstError } from '../../lib/formHelpers.js';
import { feedbackPath, useFeedbackChanged, type AnswerFeedbackBody, type FeedbackSummary } from './api.js';
import { AnonymousTag, FeedbackStatusBadge, GraveTag } from './Badges.js';
import { checkPlan, PLAN_FIELDS, PlanFields, type PlanField, type PlanValues } from '../correction-plans/PlanItems.js';

/** Who gave it, as the reader may know: a name, "the cell", or "anonymous" (the server keeps no author then). */
export function giverLabel(f: FeedbackSummary, t: TFunction): string {
  if (f.direction === 'cell_to_member') return f.giverName ? `${t('selfexam.feedback.fromCell')} (${f.giverName})` : t('selfexam.feedback.fromCell');
  if (f.anonymous || !f.giverName) return t('selfexam.feedback.anonymous');
  return f.giverName;
}

export function receiverLabel(f: FeedbackSummary, t: TFunction): string {
  if (f.receiverName) return f.receiverName;
  return t('selfexam.feedback.toCommittee');
}

/**
 * One piece of feedback: topic, who to whom, where (a meeting), the manifestation it points at,
 * the text, and the answer; "Trả lời" when the caller is the one to answer it.
 */
export function FeedbackCard({
  feedback: f,
  mode,
  onAnswer,
}: {
  feedback: FeedbackSummary;
  /** received: the caller is the receiver (no need to name them); given: the caller wrote it; unit: a leader's list. */
  mode: 'received' | 'given' | 'unit';
  onAnswer?: (f: FeedbackSummary) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const who =
    mode === 'received'
      ? t('selfexam.feedback.from', { name: giverLabel(f, t) })
      : mode === 'given'
        ? t('selfexam.feedback.to', { name: receiverLabel(f, t) })
        : t('selfexam.feedback.fromTo', { from: giverLabel(f, t), to: receiverLabel(f, t) });
  return (
    <article className="ts-se-card" data-look={f.status === 'open' ? 'awaiting' : f.status} aria-labelledby={`${id}-h`} data-feedback={f.id}>
      <div className="ts-se-card-head">
        <Text fw={700} id={`${id}-h`} className="ts-se-card-title">
          {t(`selfexam.topic.${f.topic}`)}
        </Text>
        <span className="ts-se-badges">
          <FeedbackStatusBadge status={f.status} />
          {f.anonymous && <AnonymousTag />}
          {f.grave && <GraveTag />}
        </span>
      </div>
      <Text size="sm" c="dimmed" className="ts-se-meta">
        <span>{who}</span>
        <span>{t('selfexam.feedback.givenOn', { date: formatDate(f.givenOn) })}</span>
        {f.meetingId && (
          <Anchor component={Link} to={`/meetings/${f.meetingId}`} size="sm">
            {t('selfexam.feedback.atMeeting', { date: formatDate(f.meetingDate) ?? '' })}
          </Anchor>
        )}
      </Text>
      {f.manifestation && (
        <Text size="sm">
          <span className="ts-se-label">{t('selfexam.feedback.manifestation')}: </span>
          {f.manifestation.code} · {f.manifestation.title}
        </Text>
      )}
      <Text size="sm" className="ts-se-prewrap ts-se-quote">
        {f.text}
      </Text>
      {f.status !== 'open' && (
        <Text size="sm" className="ts-se-prewrap">
          <span className="ts-se-label">
            {t(f.status === 'accepted' ? 'selfexam.feedback.acceptedBy' : 'selfexam.feedback.explainedBy', {
              name: f.answeredByName ?? '',
              at: f.answeredAt ? formatDateTime(f.answeredAt) : '',
            })}
          </span>
          {f.answerText ? ` ${f.answerText}` : ''}
        </Text>
      )}
      {f.status === 'accepted' && f.planId && (
        <Anchor component={Link} to={`/correction-plans/${f.planId}`} size="sm" fw={600}>
          {t('selfexam.feedback.planLink')}
        </Anchor>
      )}
      {onAnswer && f.actions.includes('answer') && (
        <Group gap="xs" mt={4}>
          <Button size="sm" onClick={() => onAnswer(f)} aria-label={t('selfexam.feedback.answerFor', { topic: t(`selfexam.topic.${f.topic}`) })}>
            {t('selfexam.feedback.answer')}
          </Button>
        </Group>
      )}
    </article>
  );
}

/** A list of feedback cards with the answer dialog. */
export function FeedbackList({ items, mode, label, onDone }: { items: FeedbackSummary[]; mode: 'received' | 'given' | 'unit'; label: string; onDone?: (m: string) => void }) {
  const [answering, setAnswering] = useState<FeedbackSummary | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      {message && (
        <Notice tone="success" onClose={() => setMessage(null)} className="ts-mb">
          {message}
        </Notice>
      )}
      <ul className="ts-se-cards" aria-label={label}>
        {items.map((f) => (
          <li key={f.id}>
            <FeedbackCard feedback={f} mode={mode} onAnswer={setAnswering} />
          </li>
        ))}
      </ul>
      {answering && (
        <AnswerFeedbackModal
          feedback={answering}
          onClose={() => setAnswering(null)}
          onDone={(m) => {
            setAnswering(null);
            if (onDone) onDone(m);
            else setMessage(m);
          }}
        />
      )}
    </>
  );
}

type AnswerField = PlanField | 'decision' | 'text';
const ANSWER_FIELDS: readonly AnswerField[] = [...PLAN_FIELDS, 'decision', 'text'];

/**
 * Trả lời góp ý: accept it — and, for feedback to a person, write the correction-plan item in the
 * same step (the shortcoming starts as the feedback's words) — or explain, which needs the text.
 */
export function AnswerFeedbackModal({ feedback: f, onClose, onDone }: { feedback: FeedbackSummary; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const changed = useFeedbackChanged();
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const withPlan = f.receiverMemberId !== null;
  const [decision, setDecision] = useState<'accept' | 'explain' | ''>('');
  const [text, setText] = useState('');
  const [plan, setPlan] = useState<PlanValues>({ shortcoming: f.text, action: '', deadline: '', successCriteria: '' });
  const [errors, setErrors] = useState<FormErrors<AnswerField>>({ fields: {}, general: null });

  const answer = useMutation({
    mutationFn: (body: AnswerFeedbackBody) => api<FeedbackSummary>(feedbackPath(f.id, '/answer'), { method: 'POST', body }),
    onSuccess: (_res, body) => {
      changed();
      onDone(body.decision === 'accept' ? (withPlan ? t('selfexam.answer.acceptedWithPlan') : t('selfexam.answer.accepted')) : t('selfexam.answer.explained'));
    },
    onError: (e) => {
      // "plan.action" → action; the answer's own text is "text".
      const { form: fe } = splitErrors<AnswerField>(e, null, ANSWER_FIELDS, t('common.formErrors'));
      setErrors(fe);
      setAttempt((n) => n + 1);
    },
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    let fields: FormErrors<AnswerField>['fields'] = {};
    if (!decision) fields.decision = t('selfexam.answer.chooseDecision');
    if (decision === 'explain' && !text.trim()) fields.text = t('errors.required');
    if (decision === 'accept' && withPlan) fields = { ...fields, ...checkPlan(plan, t, false) };
    if (Object.keys(fields).length > 0 || !decision) {
      setErrors({ fields, general: null });
      setAttempt((n) => n + 1);
      return;
    }
    const body: AnswerFeedbackBody = { decision };
    if (text.trim()) body.text = text.trim();
    if (decision === 'accept' && withPlan) {
      body.plan = {
        action: plan.action.trim(),
        deadline: plan.deadline,
        successCriteria: plan.successCriteria.trim(),
        ...(plan.shortcoming.trim() ? { shortcoming: plan.shortcoming.trim() } : {}),
      };
    }
    answer.mutate(body);
  }

  return (
    <Modal opened onClose={onClose} title={t('selfexam.answer.title')} fullScreen={phone} centered size="lg">
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <div className="ts-se-quote-box">
            <Text size="sm" c="dimmed">
              {t(`selfexam.topic.${f.topic}`)} · {t('selfexam.feedback.from', { name: giverLabel(f, t) })} · {formatDate(f.givenOn)}
            </Text>
            <Text size="sm" className="ts-se-prewrap">
              {f.text}
            </Text>
          </div>
          <Radio.Group label={t('selfexam.answer.decision')} required value={decision} onChange={(v) => setDecision(v as 'accept' | 'explain')} error={errors.fields.decision}>
            <Stack gap={0} mt={4}>
              <Radio
                value="accept"
                label={withPlan ? t('selfexam.answer.acceptWithPlan') : t('selfexam.answer.accept')}
                description={withPlan ? t('selfexam.answer.acceptHint') : undefined}
                className="ts-se-choice"
              />
              <Radio value="explain" label={t('selfexam.answer.explain')} description={t('selfexam.answer.explainHint')} className="ts-se-choice" />
            </Stack>
          </Radio.Group>
          {decision === 'accept' && withPlan && (
            <fieldset className="ts-se-fieldset">
              <legend>{t('selfexam.answer.planLegend')}</legend>
              <Stack gap="sm">
                <PlanFields
                  values={plan}
                  onChange={setPlan}
                  errors={errors.fields}
                  shortcomingRequired={false}
                  shortcomingHint={t('selfexam.answer.shortcomingHint')}
                />
              </Stack>
            </fieldset>
          )}
          {decision !== '' && (
            <Textarea
              label={decision === 'explain' ? t('selfexam.answer.explainText') : t('selfexam.answer.acceptText')}
              required={decision === 'explain'}
              autosize
              minRows={3}
              maxLength={2000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={errors.fields.text}
            />
          )}
          <DialogActions onCancel={onClose} confirmLabel={t('selfexam.answer.submit')} busy={answer.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
