import './messages.js';
import './styles.js';
import { useId, useState } from 'react';
import { Anchor, Group, NumberInput, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.js';
import { useAuthedMe } from '../../app/me.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { SaveBar as SharedSaveBar } from '../../components/SaveBar.js';
import { SaveNotices as SharedSaveNotices } from '../../components/SaveNotices.js';
import { BackIcon } from '../../components/icons.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { timeOf } from '../../lib/time.js';
import { useAutosave, type Autosave, type ServerDraft } from '../../lib/useAutosave.js';
import { cellBoardHref, reviewKeys, reviewPath, useReview, useReviewsChanged, type LevelOptionView, type ReviewDetail, type SaveResult } from './api.js';
import { criterionMax, deviceCopies, draftOf, groupSubtotal, needsReason, reasonText, saveBody, TEXT_PARTS, totalOf, withPoint, type ReviewDraft } from './draft.js';
import { DecisionPanel, EvidencePanel, levelName, ReviewStatusBadge, TriggerCaps, UnconfirmedNotice } from './Parts.js';
import { TriggerMarksPanel } from './TriggerMarks.js';

export default function ReviewRoute() {
  const { id = '' } = useParams();
  return <ReviewPage key={id} id={id} />;
}

function ReviewPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const review = useReview(id);
  useDocumentTitle(`${t('reviews.title')} · ${t('app.titleSuffix')}`);
  if (review.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={36} w="70%" />
        <Skeleton h={120} />
        <Skeleton h={260} />
      </Stack>
    );
  }
  if (review.isError) return <PageLoadError error={review.error} onRetry={() => void review.refetch()} />;
  const d = review.data;
  return d.actions.includes('write') ? <EditView key={`${d.id}-edit`} detail={d} /> : <ReadView key={`${d.id}-read-${d.status}`} detail={d} />;
}

function Header({ detail: d }: { detail: ReviewDetail }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const own = d.memberId !== null && d.memberId === me.member?.id;
  return (
    <Stack gap={6}>
      {own ? (
        <Anchor component={Link} to="/kiem-diem" size="sm" className="ts-mt-back">
          <BackIcon size={16} />
          {t('reviews.form.back')}
        </Anchor>
      ) : (
        <Anchor component={Link} to={cellBoardHref(d.unitId, d.periodId)} size="sm" className="ts-mt-back">
          <BackIcon size={16} />
          {t('reviews.form.backBoard', { unit: d.unitName })}
        </Anchor>
      )}
      <Text size="sm" c="dimmed">
        {d.period.title}
      </Text>
      <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
        {d.subjectKind === 'collective' ? t('reviews.form.titleCollective', { unit: d.unitName }) : t('reviews.form.titleMember', { name: d.memberName ?? '' })}
      </Title>
      <Group gap="xs">
        <ReviewStatusBadge status={d.status} />
        <Text size="sm" c="dimmed">
          {d.unitName}
        </Text>
      </Group>
    </Stack>
  );
}

type Field = keyof ReviewDraft | `points.${string}`;

/**
 * The member writes: autosaved as they type, kept on the device until the server has it; the
 * levels the points and the year's records allow follow each save.
 */
function EditView({ detail }: { detail: ReviewDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const changed = useReviewsChanged();
  const [levels, setLevels] = useState<LevelOptionView[]>(detail.levels);
  const save = useAutosave<ReviewDraft, SaveResult, null>({
    id: detail.id,
    server: serverDraft(detail),
    path: reviewPath(detail.id, '/self-assessment'),
    body: saveBody,
    staleCode: 'review_stale',
    latest: async () => serverDraft(await api<ReviewDetail>(reviewPath(detail.id))),
    local: deviceCopies,
    onSaved: (res) => setLevels(res.levels),
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const d = save.draft;

  const submit = useMutation({
    mutationFn: async () => {
      if (!(await save.flush())) throw new NotSaved();
      return api<ReviewDetail>(reviewPath(detail.id, '/submit'), { method: 'POST' });
    },
    onSuccess: (next) => {
      save.discardLocal();
      setAsking(false);
      queryClient.setQueryData(reviewKeys.detail(next.id), { ...next, justSubmitted: true });
      changed();
    },
    onError: (e) => {
      setAsking(false);
      if (e instanceof NotSaved) return setSummary(t('reviews.submit.notSaved'));
      if (isApiError(e, 400) && e.fields.length > 0) {
        setErrors(Object.fromEntries(e.fields.map((f) => [f.field, f.message])));
        setSummary(t('reviews.submit.fix'));
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
        return;
      }
      setSummary(isApiError(e) ? e.message : t('errors.network'));
    },
  });

  /** A change clears that field's error from the last submit. */
  function change(field: Field, next: (d: ReviewDraft) => ReviewDraft) {
    if (errors[field]) setErrors(({ [field]: _gone, ...rest }) => rest as typeof errors);
    save.update(next);
  }

  const ruledOut = needsReason(levels, d.selfLevel);
  return (
    <Stack gap="md" className="ts-page ts-rv-page">
      <Header detail={detail} />
      <Text size="sm">{t('reviews.form.calm')}</Text>
      <Text size="xs" c="dimmed">
        {t('reviews.form.privacy')}
      </Text>
      <UnconfirmedNotice rules={detail.unconfirmed} />
      <SaveNotices save={save} />
      <EvidencePanel detail={detail} />
      <TriggerCaps triggers={detail.triggers} levels={levels} />
      {detail.forms.length > 1 && (
        <Radio.Group label={t('reviews.form.formLabel')} value={d.reviewForm} onChange={(v) => change('reviewForm', (x) => ({ ...x, reviewForm: v }))} error={errors.reviewForm}>
          <Stack gap={6} mt={4}>
            {detail.forms.map((f) => (
              <Radio key={f.code} value={f.code} label={`${f.code} — ${f.name}`} description={f.for} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={t('reviews.form.texts')}>
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('reviews.form.texts')}
          </Title>
          {TEXT_PARTS.map((part) => (
            <Textarea
              key={part}
              label={t(`reviews.part.${part}`)}
              required={part === 'strengths' || part === 'shortcomings' || part === 'remedies'}
              autosize
              minRows={3}
              maxLength={part === 'strengths' || part === 'shortcomings' ? 20000 : 10000}
              value={d[part]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                change(part, (x) => ({ ...x, [part]: value }));
              }}
              error={errors[part]}
              data-field={part}
            />
          ))}
        </Stack>
      </Paper>
      <PointsPanel detail={detail} draft={d} errors={errors} onChange={(code, value) => change(`points.${code}`, (x) => ({ ...x, points: withPoint(detail.framework, x.points, code, value) }))} />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section">
        <Stack gap="sm">
          <LevelPicker
            levels={levels}
            triggers={detail.triggers}
            value={d.selfLevel}
            error={errors.selfLevel}
            onChange={(code) => change('selfLevel', (x) => ({ ...x, selfLevel: code }))}
          />
          {(ruledOut || errors.selfLevelReason) && (
            <Textarea
              label={t('reviews.form.levelReason')}
              description={t('reviews.form.levelReasonHint')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={d.selfLevelReason}
              onChange={(e) => {
                const value = e.currentTarget.value;
                change('selfLevelReason', (x) => ({ ...x, selfLevelReason: value }));
              }}
              error={errors.selfLevelReason}
            />
          )}
        </Stack>
      </Paper>
      {summary && <Notice tone="error">{summary}</Notice>}
      <SaveBar save={save} onSubmit={detail.actions.includes('submit') ? () => setAsking(true) : null} submitting={submit.isPending} />
      {asking && (
        <ConfirmModal opened title={t('reviews.submit.title')} confirmLabel={t('reviews.submit.confirm')} busy={submit.isPending} onClose={() => setAsking(false)} onConfirm={() => submit.mutate()}>
          {t('reviews.submit.body')}
        </ConfirmModal>
      )}
    </Stack>
  );
}

class NotSaved extends Error {}

/** Points per criterion, each bounded by the framework; the group subtotals and the total follow as typed. */
function PointsPanel({
  detail,
  draft,
  errors,
  onChange,
}: {
  detail: ReviewDetail;
  draft: ReviewDraft | null;
  errors: Partial<Record<string, string>>;
  onChange: ((code: string, value: number | null) => void) | null;
}) {
  const { t, i18n } = useTranslation();
  const num = (v: number) => formatNumber(v, i18n.language, 1);
  const f = detail.framework;
  const points = draft?.points ?? detail.points;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={t('reviews.form.points')}>
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('reviews.form.points')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reviews.form.pointsHint', { max: f.scoreMax })}
        </Text>
        {f.groups.map((g) => (
          <fieldset key={g.code} className="ts-rv-group">
            <legend>
              {g.name} ({t('reviews.form.criterionMax', { max: g.max })})
            </legend>
            <Stack gap="xs">
              {g.criteria.map((c) =>
                onChange ? (
                  <NumberInput
                    key={c.code}
                    label={c.name}
                    description={t('reviews.form.criterionMax', { max: criterionMax(f, c.code, points) })}
                    min={0}
                    max={criterionMax(f, c.code, points)}
                    allowNegative={false}
                    decimalScale={1}
                    value={points[c.code] ?? ''}
                    onChange={(v) => onChange(c.code, v === '' ? null : Number(v))}
                    error={errors[`points.${c.code}`]}
                    inputMode="decimal"
                    data-criterion={c.code}
                  />
                ) : (
                  <Group key={c.code} justify="space-between" wrap="nowrap" gap="sm">
                    <Text size="sm">{c.name}</Text>
                    <Text size="sm" fw={600}>
                      {points[c.code] === undefined ? '—' : num(points[c.code]!)}
                    </Text>
                  </Group>
                ),
              )}
              <Text size="sm" fw={600} data-testid={`subtotal-${g.code}`}>
                {t('reviews.form.subtotal', { value: num(groupSubtotal(g, points)), max: g.max })}
              </Text>
            </Stack>
          </fieldset>
        ))}
        <Text fw={700} role="status" aria-live="polite" data-testid="review-total">
          {t('reviews.form.total', { value: num(totalOf(f, points)), max: f.scoreMax })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The levels, each saying whether the year's records allow it and, when not, why — in plain words with the numbers. */
function LevelPicker({
  levels,
  triggers,
  value,
  error,
  onChange,
}: {
  levels: readonly LevelOptionView[];
  triggers: ReviewDetail['triggers'];
  value: string | null;
  error: string | undefined;
  onChange: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Radio.Group label={t('reviews.form.level')} required value={value ?? ''} onChange={onChange} error={error}>
      <Stack gap="sm" mt={6}>
        {levels.map((l) => (
          <Radio
            key={l.code}
            value={l.code}
            data-level={l.code}
            data-allowed={l.allowed || undefined}
            label={`${l.name} (${t('reviews.form.levelMinScore', { score: l.minScore })})`}
            description={
              l.allowed ? (
                <span className="ts-rv-allowed">{t('reviews.form.levelAllowed')}</span>
              ) : (
                <span className="ts-rv-reasons">
                  {l.reasons.map((r, i) => (
                    <span key={i} className="ts-rv-reason">
                      {reasonText(t, i18n.language, r, l.name, triggers)}
                    </span>
                  ))}
                </span>
              )
            }
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** The server's review as the form holds it: it does not say when it was last saved. */
const serverDraft = (d: ReviewDetail): ServerDraft<ReviewDraft, null> => ({ revision: d.revision, updatedAt: null, draft: draftOf(d) });

/** The form's save bar (components/SaveBar.tsx) in the review's words. */
function SaveBar({ save, onSubmit, submitting }: { save: Autosave<ReviewDraft, null>; onSubmit: (() => void) | null; submitting: boolean }) {
  const { t } = useTranslation();
  const words = {
    saved: save.savedAt ? t('reviews.save.saved', { at: timeOf(save.savedAt) }) : t('reviews.save.upToDate'),
    saving: t('reviews.save.saving'),
    offline: t('reviews.save.offline'),
    conflict: t('reviews.save.conflict'),
    error: t('reviews.save.error', { message: isApiError(save.error) ? save.error.message : t('errors.network') }),
  };
  return <SharedSaveBar status={save.status} words={words} submitLabel={t('reviews.submit.open')} onSubmit={onSubmit} submitting={submitting} />;
}

/** The notices above the form (components/SaveNotices.tsx) in the review's words. */
function SaveNotices({ save }: { save: Autosave<ReviewDraft, null> }) {
  const { t } = useTranslation();
  const words = {
    restored: save.restoredAt ? t('reviews.save.restored', { at: formatDateTime(save.restoredAt) }) : '',
    localFailed: t('reviews.save.localFailed'),
    offline: t('reviews.save.offlineLong'),
    conflictTitle: t('reviews.save.conflict'),
    conflictBody: t('reviews.save.conflictBody'),
    keepMine: t('reviews.save.keepMine'),
    keepTheirs: t('reviews.save.keepTheirs'),
  };
  return <SharedSaveNotices save={save} words={words} />;
}

/** Submitted, or read by the cell or the committee: the text, the points, the level, the decision. */
function ReadView({ detail }: { detail: ReviewDetail & { justSubmitted?: boolean } }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [thanks, setThanks] = useState(detail.justSubmitted === true);
  const d = draftOf(detail);
  const self = detail.levels.find((l) => l.code === detail.selfLevel);
  return (
    <Stack gap="md" className="ts-page ts-rv-page">
      <Header detail={detail} />
      {thanks && (
        <Notice tone="success" onClose={() => setThanks(false)}>
          {t('reviews.submit.done')}
        </Notice>
      )}
      <DecisionPanel detail={detail} />
      <UnconfirmedNotice rules={detail.unconfirmed} />
      <Text size="sm" c="dimmed">
        {detail.submittedAt ? `${t('reviews.form.submittedAt', { at: formatDateTime(detail.submittedAt) })} · ${t('reviews.form.readOnly')}` : t(`reviews.status.${detail.status}`)}
      </Text>
      <EvidencePanel detail={detail} />
      <TriggerCaps triggers={detail.triggers} levels={detail.levels} />
      {detail.actions.includes('mark') && <TriggerMarksPanel detail={detail} />}
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`}>
        <Stack gap="sm">
          <Title order={2} fz="h4" id={`${id}-h`}>
            {t('reviews.form.texts')}
          </Title>
          {TEXT_PARTS.map((part) => (
            <div key={part}>
              <Text size="sm" fw={700}>
                {t(`reviews.part.${part}`)}
              </Text>
              <Text size="sm" className="ts-se-prewrap" c={d[part] ? undefined : 'dimmed'}>
                {d[part] || t('reviews.form.empty')}
              </Text>
            </div>
          ))}
        </Stack>
      </Paper>
      <PointsPanel detail={detail} draft={null} errors={{}} onChange={null} />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section">
        <Text fw={700}>{t('reviews.form.selfLevel', { level: levelName(detail.levels, detail.selfLevel) ?? t('reviews.form.noLevel') })}</Text>
        {self && !self.allowed && (
          <ul className="ts-rv-items">
            {self.reasons.map((r, i) => (
              <li key={i}>
                <Text size="sm">{reasonText(t, i18n.language, r, self.name, detail.triggers)}</Text>
              </li>
            ))}
          </ul>
        )}
        {detail.selfLevelReason && <Text size="sm">{t('reviews.decision.reason', { reason: detail.selfLevelReason })}</Text>}
      </Paper>
    </Stack>
  );
}
