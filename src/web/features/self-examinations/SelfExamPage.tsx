import './messages.js';
import '../../styles/self-examination.css';
import { useId, useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { BackIcon, LockIcon } from '../../components/icons.js';
import { formatDateTime } from '../../lib/format.js';
import { timeOf, todayLocal } from '../../lib/time.js';
import { localDate } from '../../../domain/vietnam-time.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { SaveBar as SharedSaveBar } from '../../components/SaveBar.js';
import { SaveNotices as SharedSaveNotices } from '../../components/SaveNotices.js';
import { boardHref, selfExamKeys, selfExamPath, useSelfExam, useSelfExamChanged, type SelfExamDetail } from './api.js';
import { periodText } from './period.js';
import { SelfExamStatusBadge } from './Badges.js';
import { deviceCopies, draftOf, planComplete, saveBody, unmarkedItems, type Draft } from './draft.js';
import { itemAnchor, SelfExamSections } from './SelfExamForm.js';
import { useAutosave, type Autosave, type SaveResult, type ServerDraft } from '../../lib/useAutosave.js';
import { countByList, itemsPhrase } from '../checklist/counts.js';

export default function SelfExamRoute() {
  const { id = '' } = useParams();
  return <SelfExamPage key={id} id={id} />;
}

function SelfExamPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const exam = useSelfExam(id);
  useDocumentTitle(exam.data ? `${t('selfexam.form.title', { period: periodText(t, exam.data) })} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));
  if (exam.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={16} w={160} />
        <Skeleton h={36} w="70%" />
        <Skeleton h={90} />
        <Skeleton h={260} />
      </Stack>
    );
  }
  if (exam.isError) return <PageLoadError error={exam.error} onRetry={() => void exam.refetch()} />;
  const d = exam.data;
  const editable = d.own && d.actions.includes('edit');
  // A new mode (submitted, reviewed) starts a fresh view: the writing state belongs to the draft.
  return editable ? <EditView key={`${d.id}-edit`} detail={d} /> : <ReadView key={`${d.id}-read-${d.status}`} detail={d} />;
}

function Header({ detail: d }: { detail: SelfExamDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      {d.own ? (
        <Anchor component={Link} to="/tu-soi" size="sm" className="ts-mt-back">
          <BackIcon size={16} />
          {t('selfexam.mine.title')}
        </Anchor>
      ) : (
        <Anchor component={Link} to={boardHref(d.unitId, String(d.year))} size="sm" className="ts-mt-back">
          <BackIcon size={16} />
          {t('selfexam.board.titleOf', { unit: d.unitName })}
        </Anchor>
      )}
      <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
        {t('selfexam.form.title', { period: periodText(t, d) })}
      </Title>
      <Group gap="xs">
        <SelfExamStatusBadge status={d.status} />
        <Text size="sm" c="dimmed">
          {d.own ? d.unitName : `${d.memberName} · ${d.unitName}`}
        </Text>
      </Group>
    </Stack>
  );
}

/** Who may read this record, said plainly (and, to someone else, that their reading is logged). */
function PrivacyNote({ detail: d }: { detail: SelfExamDetail }) {
  const { t } = useTranslation();
  return (
    <div className="ts-se-privacy" role="note">
      <LockIcon size={18} />
      <div>
        <Text size="sm" fw={700}>
          {t('selfexam.privacy.title')}
        </Text>
        <Text size="sm">{d.own ? t('selfexam.privacy.own', { unit: d.unitName }) : t('selfexam.privacy.reader', { name: d.memberName, unit: d.unitName })}</Text>
      </div>
    </div>
  );
}

function ChecklistNote({ detail: d }: { detail: SelfExamDetail }) {
  const { t } = useTranslation();
  return (
    <>
      {/* One banner for the whole list, instead of a tag on every item. */}
      {d.checklist.unconfirmed > 0 && (
        <Notice tone="info">{t('selfexam.form.awaitingConfirmation', { items: itemsPhrase(t, countByList(d.checklist, (i) => !i.confirmed)) })}</Notice>
      )}
      <Text size="sm" c="dimmed">
        {t('selfexam.form.checklistVersion', { version: d.checklist.version, unit: d.checklist.unitName })}{' '}
        <Anchor component={Link} to="/reference/manifestations" size="sm">
          {t('selfexam.form.checklistLink')}
        </Anchor>
      </Text>
    </>
  );
}

/** The member writes: autosaved as they type, kept on the device until the server has it. */
function EditView({ detail }: { detail: SelfExamDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const changed = useSelfExamChanged();
  const save = useAutosave<Draft, SaveResult, string>({
    id: detail.id,
    server: serverDraft(detail),
    path: selfExamPath(detail.id, '/draft'),
    body: saveBody,
    staleCode: 'self_exam_stale',
    latest: async () => serverDraft(await api<SelfExamDetail>(selfExamPath(detail.id))),
    local: deviceCopies,
  });
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [asking, setAsking] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const canSubmit = detail.actions.includes('submit');
  const unmarked = unmarkedItems(detail.checklist, save.draft);
  const proposals = save.draft.shortcomings.filter((s) => s.plan !== null);
  const complete = proposals.filter(planComplete).length;

  const submit = useMutation({
    mutationFn: async () => {
      if (!(await save.flush())) throw new NotSaved();
      return api<SelfExamDetail>(selfExamPath(detail.id, '/submit'), { method: 'POST' });
    },
    onSuccess: (next) => {
      save.discardLocal();
      setAsking(false);
      queryClient.setQueryData(selfExamKeys.detail(next.id), { ...next, justSubmitted: true });
      changed();
    },
    onError: (e) => {
      setAsking(false);
      if (e instanceof NotSaved) {
        setSubmitError(t('selfexam.submit.notSaved'));
        return;
      }
      if (isApiError(e, 400) && e.fields.some((f) => f.field.includes('answers'))) showMissing();
      setSubmitError(isApiError(e) ? [e.message, ...e.fields.map((f) => f.message).filter((m) => m !== e.message)].join(' ') : t('errors.network'));
    },
  });

  /** Marks the unmarked items and takes the member to the first of them. */
  function showMissing() {
    setMissing(new Set(unmarked.map((i) => i.id)));
    if (unmarked.length === 0) return;
    const first = document.getElementById(itemAnchor(unmarked[0]!.id));
    first?.scrollIntoView({ block: 'center' });
    first?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  }

  function ask() {
    setSubmitError(null);
    if (unmarked.length > 0) {
      showMissing();
      const missingIds = new Set(unmarked.map((i) => i.id));
      setSubmitError(t('selfexam.submit.unmarked', { items: itemsPhrase(t, countByList(detail.checklist, (i) => missingIds.has(i.id))), all: itemsPhrase(t, countByList(detail.checklist)) }));
      return;
    }
    setMissing(new Set());
    setAsking(true);
  }

  return (
    <Stack gap="md" className="ts-page ts-se-page">
      <Header detail={detail} />
      <PrivacyNote detail={detail} />
      <SaveNotices save={save} />
      <Text size="sm">{t('selfexam.form.calm')}</Text>
      <ChecklistNote detail={detail} />
      <SelfExamSections checklist={detail.checklist} draft={save.draft} update={save.update} missing={missing} />
      {submitError && <Notice tone="error">{submitError}</Notice>}
      <SaveBar save={save} onSubmit={canSubmit ? ask : null} submitting={submit.isPending} />
      {asking && (
        <ConfirmModal
          opened
          title={t('selfexam.submit.title')}
          confirmLabel={t('selfexam.submit.confirm')}
          busy={submit.isPending}
          onClose={() => setAsking(false)}
          onConfirm={() => submit.mutate()}
        >
          {t('selfexam.submit.body')}{' '}
          {proposals.length > 0 && t('selfexam.submit.plans', { count: complete })}{' '}
          {proposals.length > complete && t('selfexam.submit.incomplete', { count: proposals.length - complete })}
        </ConfirmModal>
      )}
    </Stack>
  );
}

class NotSaved extends Error {}

const serverDraft = (d: SelfExamDetail): ServerDraft<Draft> => ({ revision: d.revision, updatedAt: d.updatedAt, draft: draftOf(d) });

/** The form's save bar (components/SaveBar.tsx) in the self-examination's words. */
function SaveBar({ save, onSubmit, submitting }: { save: Autosave<Draft>; onSubmit: (() => void) | null; submitting: boolean }) {
  const { t } = useTranslation();
  const at = save.savedAt;
  const when = localDate(new Date(at)) === todayLocal() ? timeOf(at) : formatDateTime(at);
  const words = {
    saved: t('selfexam.save.saved', { at: when }),
    saving: t('selfexam.save.saving'),
    offline: t('selfexam.save.offline'),
    conflict: t('selfexam.save.conflict'),
    error: t('selfexam.save.error', { message: isApiError(save.error) ? save.error.message : t('errors.network') }),
  };
  return <SharedSaveBar status={save.status} words={words} submitLabel={t('selfexam.submit.open')} onSubmit={onSubmit} submitting={submitting} />;
}

/** The notices above the form (components/SaveNotices.tsx) in the self-examination's words. */
function SaveNotices({ save }: { save: Autosave<Draft> }) {
  const { t } = useTranslation();
  const words = {
    restored: save.restoredAt ? t('selfexam.save.restored', { at: formatDateTime(save.restoredAt) }) : '',
    localFailed: t('selfexam.save.localFailed'),
    offline: t('selfexam.save.offlineLong'),
    conflictTitle: t('selfexam.save.conflictTitle'),
    conflictBody: save.conflict ? t('selfexam.save.conflictBody', { server: formatDateTime(save.conflict.server.updatedAt), local: formatDateTime(save.conflict.localEditedAt) }) : '',
    keepMine: t('selfexam.save.keepMine'),
    keepTheirs: t('selfexam.save.keepTheirs'),
  };
  return <SharedSaveNotices save={save} words={words} />;
}

/** Submitted (or read by the cell committee, the party committee, UBKT): read-only, with the review. */
function ReadView({ detail }: { detail: SelfExamDetail & { justSubmitted?: boolean } }) {
  const { t } = useTranslation();
  const [thanks, setThanks] = useState(detail.justSubmitted === true);
  const draft = draftOf(detail);
  return (
    <Stack gap="md" className="ts-page ts-se-page">
      <Header detail={detail} />
      {thanks && (
        <Notice tone="success" onClose={() => setThanks(false)}>
          {t('selfexam.submit.done')}
          {detail.planItemIds.length > 0 && ` ${t('selfexam.submit.doneWithPlan', { count: detail.planItemIds.length })}`}
        </Notice>
      )}
      <PrivacyNote detail={detail} />
      <SubmittedLine detail={detail} />
      {detail.status === 'reviewed' && <Review detail={detail} />}
      {detail.planId && (
        <Anchor component={Link} to={detail.own ? '/tu-soi' : `/correction-plans/${detail.planId}`} fw={600}>
          {detail.planItemIds.length > 0 ? t('selfexam.form.planLinkCount', { count: detail.planItemIds.length, year: detail.year }) : t('selfexam.form.planLink', { year: detail.year })}
        </Anchor>
      )}
      <ChecklistNote detail={detail} />
      <SelfExamSections checklist={detail.checklist} draft={draft} update={null} missing={new Set()} />
      {detail.actions.includes('review') && <ReviewForm detail={detail} />}
    </Stack>
  );
}

function SubmittedLine({ detail: d }: { detail: SelfExamDetail }) {
  const { t } = useTranslation();
  if (d.status === 'draft') {
    return <Notice tone="info">{t('selfexam.form.draftByMember', { at: formatDateTime(d.updatedAt) })}</Notice>;
  }
  return (
    <Text size="sm" c="dimmed">
      {t('selfexam.form.submittedAt', { at: d.submittedAt ? formatDateTime(d.submittedAt) : '' })}
    </Text>
  );
}

function Review({ detail: d }: { detail: SelfExamDetail }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`} className="ts-se-review">
      <Title order={2} fz="h4" id={`${id}-h`}>
        {t('selfexam.review.title')}
      </Title>
      <Text size="sm" c="dimmed" mb={4}>
        {t('selfexam.review.by', { name: d.reviewedByName ?? '', at: d.reviewedAt ? formatDateTime(d.reviewedAt) : '' })}
      </Text>
      <Text className="ts-se-prewrap">{d.reviewComment}</Text>
    </Paper>
  );
}

/** Nhận xét của chi ủy: the cell committee's comment on a submitted self-examination. */
function ReviewForm({ detail }: { detail: SelfExamDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const changed = useSelfExamChanged();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const review = useMutation({
    mutationFn: (body: { comment: string }) => api<SelfExamDetail>(selfExamPath(detail.id, '/review'), { method: 'POST', body }),
    onSuccess: (next) => {
      queryClient.setQueryData(selfExamKeys.detail(next.id), next);
      changed();
    },
    onError: (e) => setError(isApiError(e) ? e.message : t('errors.network')),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!comment.trim()) {
      setError(t('errors.required'));
      return;
    }
    setError(null);
    review.mutate({ comment: comment.trim() });
  }
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h4" id={`${id}-h`}>
            {t('selfexam.review.formTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('selfexam.review.hint', { name: detail.memberName })}
          </Text>
          <Textarea
            label={t('selfexam.review.comment')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={error}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={review.isPending}>
              {t('selfexam.review.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
