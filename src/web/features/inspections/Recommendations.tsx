import './messages.js';
import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import { Notice } from '../../components/Notice.js';
import { formatDate } from '../../lib/format.js';
import { formErrorsFrom, type FormErrors } from '../../lib/forms.js';
import { inspectionPath, useInspectionChanged, type InspectionDetail, type RecommendationView } from './api.js';
import { followUpHref } from './look.js';
import { FilePick, LateFlag, RecStatusBadge, Section } from './Parts.js';
import { attachmentOf, pickInto, uploadErrors } from './upload.js';

/** Kiến nghị: each with its status, deadline, overdue flag and follow-up; the subject reports, the UBKT verifies. */
export function Recommendations({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const c = d.recommendationCounts;
  return (
    <Section id="in-recs" title={t('inspections.recs.title')}>
      {d.recommendations.length === 0 ? (
        <Text c="dimmed">{t('inspections.recs.none')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="rec-counts">
            {t('inspections.recs.counts', { fixed: c.fixed, open: c.open, overdue: c.overdue })}
          </Text>
          <ol className="ts-li-cards" data-testid="case-recs">
            {d.recommendations.map((r) => (
              <li key={r.id}>
                <RecommendationCard d={d} r={r} />
              </li>
            ))}
          </ol>
        </>
      )}
    </Section>
  );
}

function RecommendationCard({ d, r }: { d: InspectionDetail; r: RecommendationView }) {
  const { t } = useTranslation();
  const href = followUpHref(r.followUp, d.subject, d.viewer);
  return (
    <article className="ts-li-card" data-overdue={r.overdue || undefined} data-status={r.status === 'fixed' ? 'resolved' : undefined} data-testid="case-rec">
      <div className="ts-li-card-head">
        <Text size="sm" fw={600}>
          {r.position}. {r.text}
        </Text>
        <Group gap={4}>
          <RecStatusBadge status={r.status} />
          {r.overdue && <LateFlag label={t('inspections.overdue')} />}
        </Group>
      </div>
      <Text size="xs" c="dimmed" className="ts-li-meta">
        <span>{t('inspections.recs.deadline', { date: formatDate(r.deadline) })}</span>
        {r.reportedOn && <span>{t('inspections.recs.reported', { date: formatDate(r.reportedOn) })}</span>}
        {r.verifiedOn && <span>{t('inspections.recs.verified', { date: formatDate(r.verifiedOn), name: r.verifiedByName ?? '' })}</span>}
      </Text>
      {r.reportNote && <p className="ts-li-text">{r.reportNote}</p>}
      {r.verificationComment && (
        <Text size="sm">
          <b>{t('inspections.recs.comment')}:</b> {r.verificationComment}
        </Text>
      )}
      {href && r.followUp && (
        <Text size="sm">
          {t('inspections.recs.followUp')}:{' '}
          <Anchor component={Link} to={href} data-testid="rec-follow-up">
            {t(r.followUp.kind === 'task' ? 'inspections.recs.followTask' : 'inspections.recs.followPlan')}
          </Anchor>
        </Text>
      )}
      {r.actions.includes('report') && <ReportForm d={d} r={r} />}
      {r.actions.includes('verify') && <VerifyForm d={d} r={r} />}
    </article>
  );
}

/** The subject: "Báo cáo đã khắc phục", with a note and perhaps a photo. */
function ReportForm({ d, r }: { d: InspectionDetail; r: RecommendationView }) {
  const { t } = useTranslation();
  const changed = useInspectionChanged();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors<'note' | 'attachment'>>({ fields: {}, general: null });
  const send = useMutation({
    mutationFn: async () => api<InspectionDetail>(inspectionPath(d.id, `/recommendations/${r.id}/report`), { method: 'POST', body: { note: note.trim(), attachment: await attachmentOf(file) } }),
    onSuccess: (next) => changed(next),
    onError: (e) => setErrors(uploadErrors(e, ['note', 'attachment'] as const, t('inspections.failed'), t('inspections.file.unreadable'))),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!note.trim()) return setErrors({ fields: { note: t('inspections.required') }, general: null });
    if (errors.fields.attachment) return;
    setErrors({ fields: {}, general: null });
    send.mutate();
  }
  if (!open)
    return (
      <div>
        <Button size="xs" onClick={() => setOpen(true)} data-testid="rec-report-open">
          {t('inspections.recs.report')}
        </Button>
      </div>
    );
  return (
    <form onSubmit={submit} noValidate aria-label={t('inspections.recs.report')} data-testid="rec-report-form">
      <Stack gap="xs">
        {errors.general && <Notice tone="error">{errors.general}</Notice>}
        <Textarea label={t('inspections.recs.reportNote')} required autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.fields.note} data-testid="rec-report-note" />
        <FilePick
          file={file}
          disabled={send.isPending}
          onChange={pickInto(setFile, setErrors)}
          error={errors.fields.attachment}
        />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={send.isPending} data-testid="rec-report-submit">
            {t('inspections.recs.reportSubmit')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The UBKT: "Xác nhận đã khắc phục" or "Trả lại", with a comment. */
function VerifyForm({ d, r }: { d: InspectionDetail; r: RecommendationView }) {
  const { t } = useTranslation();
  const changed = useInspectionChanged();
  const [outcome, setOutcome] = useState<'fixed' | 'returned' | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormErrors<'comment' | 'outcome'>>({ fields: {}, general: null });
  const verify = useMutation({
    mutationFn: (body: { outcome: 'fixed' | 'returned'; comment: string }) => api<InspectionDetail>(inspectionPath(d.id, `/recommendations/${r.id}/verify`), { method: 'POST', body }),
    onSuccess: (next) => changed(next),
    onError: (e) => setErrors(formErrorsFrom(e, ['comment', 'outcome'] as const, t('inspections.failed'))),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!comment.trim()) return setErrors({ fields: { comment: t('inspections.required') }, general: null });
    setErrors({ fields: {}, general: null });
    verify.mutate({ outcome: outcome!, comment: comment.trim() });
  }
  if (!outcome)
    return (
      <Group gap="xs">
        <Button size="xs" color="green" onClick={() => setOutcome('fixed')} data-testid="rec-verify-fixed">
          {t('inspections.recs.fixed')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setOutcome('returned')} data-testid="rec-verify-returned">
          {t('inspections.recs.returned')}
        </Button>
      </Group>
    );
  return (
    <form onSubmit={submit} noValidate aria-label={t(outcome === 'fixed' ? 'inspections.recs.fixed' : 'inspections.recs.returned')} data-testid="rec-verify-form">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t(outcome === 'fixed' ? 'inspections.recs.fixed' : 'inspections.recs.returned')}
        </Text>
        {errors.general && <Notice tone="error">{errors.general}</Notice>}
        <Textarea label={t('inspections.recs.comment')} required autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={errors.fields.comment} data-testid="rec-verify-comment" />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={verify.isPending} data-testid="rec-verify-submit">
            {t('inspections.recs.verifySubmit')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setOutcome(null)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
