import './messages.js';
import '../../styles/self-examination.css';
import '../../components/modal-styles.js';
import '@mantine/core/styles/Radio.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Modal, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import { DialogActions } from '../../components/DialogActions.js';
import { Notice } from '../../components/Notice.js';
import { CheckIcon, PlusIcon } from '../../components/icons.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import type { FormErrors } from '../../lib/forms.js';
import { todayLocal } from '../../lib/time.js';
import { usePhone } from '../../lib/usePhone.js';
import { fieldErrors, useFocusFirstError } from '../../lib/formHelpers.js';
import {
  planPath,
  usePlanChanged,
  type AddPlanItemBody,
  type PlanDetail,
  type PlanItem,
  type PlanItemProgressBody,
} from './api.js';
import { PlanItemBadges } from './Badges.js';

export const PLAN_FIELDS = ['shortcoming', 'action', 'deadline', 'successCriteria'] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];
export type PlanValues = Record<PlanField, string>;
export const EMPTY_PLAN: PlanValues = { shortcoming: '', action: '', deadline: '', successCriteria: '' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Required-field check of a plan item's four parts (the server says the same, in the same words). */
export function checkPlan(v: PlanValues, t: (k: 'errors.required' | 'errors.invalidDate') => string, withShortcoming = true): FormErrors<PlanField>['fields'] {
  const fields: FormErrors<PlanField>['fields'] = {};
  if (withShortcoming && !v.shortcoming.trim()) fields.shortcoming = t('errors.required');
  if (!v.action.trim()) fields.action = t('errors.required');
  if (!v.deadline) fields.deadline = t('errors.required');
  else if (!ISO_DATE.test(v.deadline)) fields.deadline = t('errors.invalidDate');
  if (!v.successCriteria.trim()) fields.successCriteria = t('errors.required');
  return fields;
}

/** Hạn chế → biện pháp → thời hạn → tiêu chí: the four parts of a plan item, as fields. */
export function PlanFields({
  values,
  onChange,
  errors,
  shortcomingLabel,
  shortcomingHint,
  shortcomingRequired = true,
}: {
  values: PlanValues;
  onChange: (v: PlanValues) => void;
  errors: FormErrors<PlanField>['fields'];
  shortcomingLabel?: string;
  shortcomingHint?: string;
  shortcomingRequired?: boolean;
}) {
  const { t } = useTranslation();
  const set = (k: PlanField) => (e: { currentTarget: { value: string } }) => onChange({ ...values, [k]: e.currentTarget.value });
  return (
    <>
      <Textarea
        label={shortcomingLabel ?? t('selfexam.plan.shortcoming')}
        description={shortcomingHint}
        required={shortcomingRequired}
        autosize
        minRows={2}
        maxLength={2000}
        value={values.shortcoming}
        onChange={set('shortcoming')}
        error={errors.shortcoming}
      />
      <Textarea
        label={t('selfexam.plan.action')}
        description={t('selfexam.plan.actionHint')}
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={values.action}
        onChange={set('action')}
        error={errors.action}
      />
      <TextInput
        type="date"
        label={t('selfexam.plan.deadline')}
        required
        min={todayLocal()}
        value={values.deadline}
        onChange={set('deadline')}
        error={errors.deadline}
        className="ts-se-date"
      />
      <Textarea
        label={t('selfexam.plan.successCriteria')}
        description={t('selfexam.plan.successCriteriaHint')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        value={values.successCriteria}
        onChange={set('successCriteria')}
        error={errors.successCriteria}
      />
    </>
  );
}

/** A plan's figures in one line: how many items, fixed (on time), waiting for verification, overdue. */
export function PlanCountsLine({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const c = plan.counts;
  return (
    <Text size="sm" c="dimmed">
      {t('selfexam.plan.counts', { total: n(c.total), fixed: n(c.fixed), onTime: n(c.fixedOnTime), claimed: n(c.claimed) })}
      {c.overdue > 0 && (
        <Text component="span" size="sm" fw={700} c="#8a1010">
          {' · '}
          {t('selfexam.plan.countsOverdue', { count: c.overdue })}
        </Text>
      )}
    </Text>
  );
}

type ItemDialog = { kind: 'progress' | 'claim' | 'verify'; item: PlanItem } | null;

/**
 * The items of a correction plan, each with its progress and the actions the caller may take:
 * the member notes progress or reports it fixed; the cell committee verifies (or returns it).
 */
export function PlanItemList({
  plan,
  showMember = false,
  onDone,
}: {
  plan: PlanDetail;
  showMember?: boolean;
  onDone?: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<ItemDialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (m: string) => {
    setDialog(null);
    if (onDone) onDone(m);
    else setMessage(m);
  };
  if (plan.items.length === 0) return <Text c="dimmed">{t('selfexam.plan.empty')}</Text>;
  return (
    <>
      {message && (
        <Notice tone="success" onClose={() => setMessage(null)} className="ts-mb">
          {message}
        </Notice>
      )}
      <ul className="ts-se-cards" aria-label={t('selfexam.plan.itemsLabel', { year: plan.year })}>
        {plan.items.map((item) => (
          <li key={item.id}>
            <PlanItemCard item={item} showMember={showMember} onAction={(kind) => setDialog({ kind, item })} />
          </li>
        ))}
      </ul>
      {dialog && (dialog.kind === 'verify' ? (
        <VerifyModal item={dialog.item} onClose={() => setDialog(null)} onDone={done} />
      ) : (
        <ProgressModal item={dialog.item} claim={dialog.kind === 'claim'} onClose={() => setDialog(null)} onDone={done} />
      ))}
    </>
  );
}

function PlanItemCard({
  item,
  showMember,
  onAction,
}: {
  item: PlanItem;
  showMember: boolean;
  onAction: (kind: 'progress' | 'claim' | 'verify') => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const look = item.overdue ? 'overdue' : item.status;
  const may = (a: PlanItem['actions'][number]) => item.actions.includes(a);
  return (
    <article className="ts-se-card" data-look={look} aria-labelledby={`${id}-h`} data-plan-item={item.id}>
      <div className="ts-se-card-head">
        <Text fw={700} id={`${id}-h`} className="ts-se-card-title">
          {item.shortcoming}
        </Text>
        <span className="ts-se-badges">
          <PlanItemBadges item={item} />
        </span>
      </div>
      {showMember && (
        <Text size="sm" c="dimmed">
          {item.memberName}
        </Text>
      )}
      <dl className="ts-se-facts">
        <div>
          <dt>{t('selfexam.plan.action')}</dt>
          <dd>{item.action}</dd>
        </div>
        <div>
          <dt>{t('selfexam.plan.deadline')}</dt>
          <dd data-overdue={item.overdue || undefined}>{formatDate(item.deadline)}</dd>
        </div>
        <div>
          <dt>{t('selfexam.plan.successCriteria')}</dt>
          <dd>{item.successCriteria}</dd>
        </div>
        <div>
          <dt>{t('selfexam.plan.source')}</dt>
          <dd>
            <PlanSource item={item} />
          </dd>
        </div>
      </dl>
      {item.status === 'fixed' && (
        <Text size="sm" c="#1b5e2b" fw={600}>
          {t(item.fixedOnTime ? 'selfexam.plan.verifiedOnTime' : 'selfexam.plan.verifiedLate', {
            date: formatDate(item.verifiedOn) ?? '',
            name: item.verifiedByName ?? '',
          })}
        </Text>
      )}
      {item.status === 'claimed' && (
        <Text size="sm" c="#55237f" fw={600}>
          {t('selfexam.plan.claimedOn', { date: formatDate(item.claimedOn) ?? '' })}
        </Text>
      )}
      {item.verificationComment && (
        <Text size="sm" className="ts-se-prewrap">
          <span className="ts-se-label">{t(item.status === 'returned' ? 'selfexam.plan.returnedComment' : 'selfexam.plan.verifyComment')}: </span>
          {item.verificationComment}
        </Text>
      )}
      {item.progress.length > 0 && (
        <div>
          <Button variant="subtle" size="compact-sm" px={0} aria-expanded={open} aria-controls={`${id}-p`} onClick={() => setOpen((v) => !v)}>
            {open ? t('selfexam.plan.hideProgress') : t('selfexam.plan.showProgress', { count: item.progress.length })}
          </Button>
          {open && (
            <ol className="ts-se-timeline" id={`${id}-p`}>
              {[...item.progress].reverse().map((p) => (
                <li key={p.id} data-kind={p.kind}>
                  <Text size="xs" c="dimmed">
                    <time dateTime={p.createdAt}>{formatDateTime(p.createdAt)}</time> · {p.authorName} · {t(`selfexam.plan.progressKind.${p.kind}`)}
                  </Text>
                  <Text size="sm" className="ts-se-prewrap">
                    {p.note}
                  </Text>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      {(may('progress') || may('claim') || may('verify')) && (
        <Group gap="xs" mt={4}>
          {may('progress') && (
            <Button size="sm" variant="light" onClick={() => onAction('progress')} aria-label={t('selfexam.plan.addProgressFor', { what: item.shortcoming })}>
              {t('selfexam.plan.addProgress')}
            </Button>
          )}
          {may('claim') && (
            <Button size="sm" variant="outline" onClick={() => onAction('claim')} aria-label={t('selfexam.plan.claimFor', { what: item.shortcoming })}>
              {t('selfexam.plan.claim')}
            </Button>
          )}
          {may('verify') && (
            <Button size="sm" leftSection={<CheckIcon size={16} />} onClick={() => onAction('verify')} aria-label={t('selfexam.plan.verifyFor', { what: item.shortcoming, name: item.memberName })}>
              {t('selfexam.plan.verify')}
            </Button>
          )}
        </Group>
      )}
    </article>
  );
}

function PlanSource({ item }: { item: PlanItem }) {
  const { t } = useTranslation();
  if (item.sourceKind === 'self_examination' && item.sourceSelfExaminationId) {
    return (
      <Anchor component={Link} to={`/self-examinations/${item.sourceSelfExaminationId}`} size="sm" fw={600}>
        {t('selfexam.plan.sourceKind.self_examination')}
      </Anchor>
    );
  }
  if (item.sourceKind === 'feedback' && item.sourceFeedbackId) {
    return (
      <Anchor component={Link} to={`/feedback/${item.sourceFeedbackId}`} size="sm" fw={600}>
        {t('selfexam.plan.sourceKind.feedback')}
      </Anchor>
    );
  }
  return <>{t(`selfexam.plan.sourceKind.${item.sourceKind}`)}</>;
}

/** Ghi tiến độ, or Báo đã sửa xong (the cell committee then verifies). */
function ProgressModal({ item, claim, onClose, onDone }: { item: PlanItem; claim: boolean; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const changed = usePlanChanged();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<'note'>>({ fields: {}, general: null });
  const save = useMutation({
    mutationFn: (body: PlanItemProgressBody) => api<PlanDetail>(planPath(item.planId, `/items/${encodeURIComponent(item.id)}/progress`), { method: 'POST', body }),
    onSuccess: (plan) => {
      changed(plan);
      onDone(claim ? t('selfexam.plan.claimed', { what: item.shortcoming }) : t('selfexam.plan.progressSaved'));
    },
    onError: (e) => setErrors(fieldErrors(e, ['note'] as const, t('common.formErrors'))),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!note.trim()) {
      setErrors({ fields: { note: t('errors.required') }, general: null });
      return;
    }
    save.mutate({ note: note.trim(), claimFixed: claim });
  }
  return (
    <Modal opened onClose={onClose} title={claim ? t('selfexam.plan.claimTitle') : t('selfexam.plan.progressTitle')} fullScreen={phone} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <div>
            <Text fw={700}>{item.shortcoming}</Text>
            <Text size="sm">
              <span className="ts-se-label">{t('selfexam.plan.successCriteria')}: </span>
              {item.successCriteria}
            </Text>
          </div>
          {claim && <Text size="sm">{t('selfexam.plan.claimHint')}</Text>}
          <Textarea
            label={claim ? t('selfexam.plan.claimNote') : t('selfexam.plan.progressNote')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.fields.note}
            data-autofocus
          />
          <DialogActions onCancel={onClose} confirmLabel={claim ? t('selfexam.plan.claimSubmit') : t('selfexam.plan.progressSubmit')} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The cell committee's word: fixed, or returned with a comment. */
function VerifyModal({ item, onClose, onDone }: { item: PlanItem; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const changed = usePlanChanged();
  const [decision, setDecision] = useState<'fixed' | 'returned' | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormErrors<'decision' | 'comment'>>({ fields: {}, general: null });
  const verify = useMutation({
    mutationFn: (body: { decision: 'fixed' | 'returned'; comment?: string }) =>
      api<PlanDetail>(planPath(item.planId, `/items/${encodeURIComponent(item.id)}/verify`), { method: 'POST', body }),
    onSuccess: (plan, body) => {
      changed(plan);
      onDone(body.decision === 'fixed' ? t('selfexam.plan.verifiedDone', { name: item.memberName }) : t('selfexam.plan.returnedDone', { name: item.memberName }));
    },
    onError: (e) => setErrors(fieldErrors(e, ['decision', 'comment'] as const, t('common.formErrors'))),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<'decision' | 'comment'>['fields'] = {};
    if (!decision) fields.decision = t('selfexam.plan.chooseDecision');
    if (decision === 'returned' && !comment.trim()) fields.comment = t('errors.required');
    if (Object.keys(fields).length > 0 || !decision) {
      setErrors({ fields, general: null });
      return;
    }
    verify.mutate({ decision, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  }
  const last = [...item.progress].reverse().find((p) => p.kind === 'claimed') ?? item.progress[item.progress.length - 1];
  return (
    <Modal opened onClose={onClose} title={t('selfexam.plan.verifyTitle')} fullScreen={phone} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <div>
            <Text size="sm" c="dimmed">
              {item.memberName}
            </Text>
            <Text fw={700}>{item.shortcoming}</Text>
            <Text size="sm">
              <span className="ts-se-label">{t('selfexam.plan.action')}: </span>
              {item.action}
            </Text>
            <Text size="sm">
              <span className="ts-se-label">{t('selfexam.plan.successCriteria')}: </span>
              {item.successCriteria}
            </Text>
          </div>
          {last && (
            <Notice tone="info" title={t('selfexam.plan.lastReport', { date: formatDateTime(last.createdAt), name: last.authorName })}>
              <p className="ts-notice-text ts-se-prewrap">{last.note}</p>
            </Notice>
          )}
          <Radio.Group label={t('selfexam.plan.decision')} required value={decision} onChange={(v) => setDecision(v as 'fixed' | 'returned')} error={errors.fields.decision}>
            <Stack gap={0} mt={4}>
              <Radio value="fixed" label={t('selfexam.plan.decisionFixed')} className="ts-se-choice" />
              <Radio value="returned" label={t('selfexam.plan.decisionReturned')} className="ts-se-choice" />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('selfexam.plan.verifyCommentLabel')}
            description={t('selfexam.plan.verifyCommentHint')}
            required={decision === 'returned'}
            autosize
            minRows={3}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={errors.fields.comment}
          />
          <DialogActions onCancel={onClose} confirmLabel={t('selfexam.plan.verifySubmit')} busy={verify.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Thêm mục tự sửa: the member adds an item of their own to the year's plan (the plan is made
 * on the way if there is none yet).
 */
export function AddPlanItemModal({
  year,
  planId,
  sourceSelfExaminationId,
  onClose,
  onDone,
}: {
  year: number;
  planId: string | null;
  sourceSelfExaminationId?: string;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const changed = usePlanChanged();
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const [values, setValues] = useState<PlanValues>(EMPTY_PLAN);
  const [errors, setErrors] = useState<FormErrors<PlanField>>({ fields: {}, general: null });
  const add = useMutation({
    mutationFn: async (body: AddPlanItemBody) => {
      const id = planId ?? (await api<PlanDetail>('/correction-plans', { method: 'POST', body: { year } })).id;
      return api<PlanDetail>(planPath(id, '/items'), { method: 'POST', body });
    },
    onSuccess: (plan) => {
      changed(plan);
      onDone(t('selfexam.plan.added'));
    },
    onError: (e) => {
      setErrors(fieldErrors(e, PLAN_FIELDS, t('common.formErrors')));
      setAttempt((n) => n + 1);
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields = checkPlan(values, t);
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null });
      setAttempt((n) => n + 1);
      return;
    }
    add.mutate({
      shortcoming: values.shortcoming.trim(),
      action: values.action.trim(),
      deadline: values.deadline,
      successCriteria: values.successCriteria.trim(),
      ...(sourceSelfExaminationId ? { sourceSelfExaminationId } : {}),
    });
  }
  return (
    <Modal opened onClose={onClose} title={t('selfexam.plan.addTitle', { year })} fullScreen={phone} centered size="lg">
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <Text size="sm">{t('selfexam.plan.addIntro')}</Text>
          <PlanFields values={values} onChange={setValues} errors={errors.fields} />
          <DialogActions onCancel={onClose} confirmLabel={t('selfexam.plan.addSubmit')} busy={add.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** A correction plan as a section: title, figures, items, and the member's "add" button. */
export function PlanSection({
  plan,
  year,
  headingLevel = 2,
  showMember = false,
  onMessage,
}: {
  plan: PlanDetail | null;
  year: number;
  headingLevel?: 2 | 3;
  showMember?: boolean;
  onMessage?: (m: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const say = (m: string) => (onMessage ? onMessage(m) : setMessage(m));
  const canAdd = plan ? plan.actions.includes('add') : true;
  return (
    <section aria-labelledby={`${id}-h`} className="ts-se-plan">
      <Group justify="space-between" align="flex-start" gap="xs" mb={6}>
        <div>
          <Title order={headingLevel} fz="h4" id={`${id}-h`}>
            {t('selfexam.plan.title', { year })}
          </Title>
          {plan && <PlanCountsLine plan={plan} />}
        </div>
        {canAdd && !showMember && (
          <Button size="sm" variant="light" leftSection={<PlusIcon size={16} />} onClick={() => setAdding(true)}>
            {t('selfexam.plan.add')}
          </Button>
        )}
      </Group>
      {message && (
        <Notice tone="success" onClose={() => setMessage(null)} className="ts-mb">
          {message}
        </Notice>
      )}
      {plan ? <PlanItemList plan={plan} showMember={showMember} onDone={say} /> : <Text c="dimmed">{t('selfexam.plan.none', { year })}</Text>}
      {adding && (
        <AddPlanItemModal
          year={year}
          planId={plan?.id ?? null}
          onClose={() => setAdding(false)}
          onDone={(m) => {
            setAdding(false);
            say(m);
          }}
        />
      )}
    </section>
  );
}
