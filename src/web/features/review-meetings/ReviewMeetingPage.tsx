import './messages.js';
import '@mantine/core/styles/Table.layer.css';
import '../meetings/messages.js';
import { useState } from 'react';
import { Anchor, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { Notice } from '../../components/Notice.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Skeleton } from '../../components/Skeleton.js';
import { Tag } from '../../components/Badges.js';
import { fieldErrors } from '../../lib/formHelpers.js';
import { formatDateTime } from '../../lib/format.js';
import { reviewMeetingKeys, reviewMeetingPath, useReviewMeeting, type CellReviewResponse, type MeetingReview, type ReviewMeetingDetail } from './api.js';
import { CellHeading } from './Parts.js';
import { countsBody, levelName, onBallot, tallyRows } from './look.js';

export default function ReviewMeetingRoute() {
  const { id = '' } = useParams();
  return <ReviewMeetingPage key={id} id={id} />;
}

/** Polls while the secret ballot is open: the progress moves as phones vote. */
const ballotOpen = (d: ReviewMeetingDetail | undefined) => d?.voteMode === 'ballot' && d.ballotStatus === 'open';

/**
 * Hội nghị kiểm điểm: the cell secretary's page for the meeting at which the cell reviews its
 * members — each review with the cell's comments, the vote (typed counts, or the secret ballot
 * opened and closed here with its live progress), then the cell committee's proposal.
 */
function ReviewMeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useReviewMeeting(id, ballotOpen);
  const d = detail.data;
  useDocumentTitle(d ? `${t('reviewmeetings.title')} · ${d.unitName} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));

  if (detail.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={36} w="70%" />
        <Skeleton h={120} />
        <Skeleton h={240} />
      </Stack>
    );
  }
  if (detail.isError) return <PageLoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const manage = d!.actions.includes('manage');
  // The meeting votes on the submitted reviews; those still in draft are only named.
  const submitted = onBallot(d!.reviews);
  const drafts = d!.reviews.filter((r) => r.status !== 'submitted');
  return (
    <Stack gap="lg" className="ts-page" maw={960}>
      <MeetingHeader d={d!} />
      {d!.voteMode === 'ballot' && <BallotPanel d={d!} manage={manage} />}
      <section aria-labelledby="rm-reviews">
        <Title order={2} fz="h3" id="rm-reviews" mb="sm">
          {t('reviewmeetings.reviews.title')}
        </Title>
        {submitted.length === 0 ? (
          <Text c="dimmed">{t('reviewmeetings.reviews.none')}</Text>
        ) : (
          <Stack gap="md">
            {submitted.map((r) => (
              <ReviewCard key={r.id} d={d!} review={r} manage={manage} />
            ))}
          </Stack>
        )}
        {drafts.length > 0 && (
          <Text size="sm" c="dimmed" mt="md" data-testid="rm-drafts">
            {t('reviewmeetings.reviews.drafts', { count: drafts.length })}: {drafts.map((r) => r.memberName).join(', ')}
          </Text>
        )}
      </section>
    </Stack>
  );
}

function MeetingHeader({ d }: { d: ReviewMeetingDetail }) {
  const { t } = useTranslation();
  return (
    <div>
      <CellHeading cell={d.unitName} title={t('reviewmeetings.title')} />
      <Group gap="xs" mt={4}>
        <Anchor component={Link} to={`/meetings/${d.meeting.id}`}>
          {d.meeting.title || t('reviewmeetings.meetingOf', { kind: t(`meetings.kindLower.${d.meeting.kind}`), date: formatDateTime(d.meeting.startsAt) })}
        </Anchor>
        <Tag>{t(`reviewmeetings.mode.${d.voteMode}`)}</Tag>
      </Group>
    </div>
  );
}

/** The ballot's state, the way to open and close it, and "đã bỏ phiếu N / M" read out as it moves. */
function BallotPanel({ d, manage }: { d: ReviewMeetingDetail; manage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirmClose, setConfirmClose] = useState(false);
  const step = useMutation({
    mutationFn: (s: 'open' | 'close') => api<ReviewMeetingDetail>(reviewMeetingPath(d.id, `/ballot/${s}`), { method: 'POST' }),
    onSuccess: (next) => {
      queryClient.setQueryData(reviewMeetingKeys.detail(d.id), next);
      setConfirmClose(false);
    },
  });
  const error = step.isError ? fieldErrors(step.error, [], t('reviewmeetings.ballot.failed')).general : null;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="rm-ballot">
      <Group justify="space-between" gap="xs" mb="xs">
        <Title order={2} fz="h3" id="rm-ballot">
          {t('reviewmeetings.ballot.title')}
        </Title>
        <Tag>{t(`reviewmeetings.ballotStatus.${d.ballotStatus}`)}</Tag>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('reviewmeetings.ballot.secret')}
      </Text>
      {d.ballotStatus !== 'not_open' && (
        <div role="status" aria-live="polite" data-testid="ballot-progress">
          <Text fw={700} fz="xl">
            {t('reviewmeetings.ballot.progress', { voted: d.voted, eligible: d.eligible })}
          </Text>
          {d.ballotStatus === 'open' && (
            <Text size="sm" c="dimmed">
              {t('reviewmeetings.ballot.progressHint', { eligible: d.eligible })}
            </Text>
          )}
        </div>
      )}
      {error && (
        <div style={{ marginTop: 8 }}>
          <Notice tone="error">{error}</Notice>
        </div>
      )}
      {manage && d.ballotStatus === 'not_open' && (
        <Stack gap={4} mt="sm" align="flex-start">
          <Button onClick={() => step.mutate('open')} loading={step.isPending}>
            {t('reviewmeetings.ballot.open')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('reviewmeetings.ballot.openNothing')}
          </Text>
        </Stack>
      )}
      {manage && d.ballotStatus === 'open' && (
        <Button mt="sm" color="red" variant="outline" onClick={() => setConfirmClose(true)}>
          {t('reviewmeetings.ballot.close')}
        </Button>
      )}
      <ConfirmModal
        opened={confirmClose}
        title={t('reviewmeetings.ballot.close')}
        confirmLabel={t('reviewmeetings.ballot.close')}
        busy={step.isPending}
        error={error}
        onConfirm={() => step.mutate('close')}
        onClose={() => setConfirmClose(false)}
      >
        {t('reviewmeetings.ballot.closeConfirm')}
      </ConfirmModal>
    </Paper>
  );
}

/** One member's review at the meeting: what they said of themselves, the cell's comments, the vote, the proposal. */
function ReviewCard({ d, review: r, manage }: { d: ReviewMeetingDetail; review: MeetingReview; manage: boolean }) {
  const { t } = useTranslation();
  const titleId = `rm-review-${r.id}`;
  const tallyShown = r.counts !== null;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="article" aria-labelledby={titleId} data-testid="rm-review">
      <Title order={3} fz="h4" id={titleId}>
        {r.memberName}
      </Title>
      <Text size="sm" c="dimmed">
        {t('reviewmeetings.reviews.selfLevel')}: {levelName(d.levels, r.selfLevel) ?? t('reviewmeetings.reviews.noLevel')}
        {r.scoreTotal !== null && ` · ${t('reviewmeetings.reviews.score')}: ${r.scoreTotal}`}
      </Text>
      {manage && <CommentsForm reviewId={r.id} saved={r.cellComments ?? ''} meetingId={d.id} />}
      {d.voteMode === 'counts' && manage && <CountsForm d={d} review={r} />}
      {tallyShown && <Tally d={d} review={r} />}
      {d.voteMode === 'ballot' && !tallyShown && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('reviewmeetings.ballot.tallyHidden')}
        </Text>
      )}
      {manage && <ProposalForm d={d} review={r} key={`${r.voteLevel ?? ''}`} />}
    </Paper>
  );
}

/** After a change to one review: the page's detail is asked for again (the vote's level, the proposal). */
function useReviewSaved(meetingId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: reviewMeetingKeys.detail(meetingId) });
}

function CommentsForm({ reviewId, saved, meetingId }: { reviewId: string; saved: string; meetingId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(saved);
  const refresh = useReviewSaved(meetingId);
  const save = useMutation({
    mutationFn: () => api<CellReviewResponse>(`/reviews/${encodeURIComponent(reviewId)}/cell-comments`, { method: 'PUT', body: { comments: text } }),
    onSuccess: refresh,
  });
  const errors = save.isError ? fieldErrors(save.error, ['comments'], t('reviewmeetings.comments.failed')) : null;
  return (
    <Stack gap={6} mt="sm">
      <Textarea
        label={t('reviewmeetings.comments.label')}
        autosize
        minRows={2}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors?.fields.comments ?? errors?.general}
      />
      <Group gap="sm">
        <Button size="xs" variant="light" onClick={() => save.mutate()} loading={save.isPending} disabled={text === saved && !save.isError}>
          {t('reviewmeetings.comments.save')}
        </Button>
        {save.isSuccess && text === saved && (
          <Text size="sm" role="status">
            {t('reviewmeetings.comments.saved')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** The counts as read out at the meeting, one box per level and one for blank ballots, over the denominator. */
function CountsForm({ d, review: r }: { d: ReviewMeetingDetail; review: MeetingReview }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(r.counts ?? {}).map(([k, v]) => [k, String(v)])));
  const [invalid, setInvalid] = useState(false);
  const refresh = useReviewSaved(d.id);
  const save = useMutation({
    mutationFn: (counts: Record<string, number>) => api<CellReviewResponse>(`/reviews/${encodeURIComponent(r.id)}/vote-counts`, { method: 'PUT', body: { counts } }),
    onSuccess: refresh,
  });
  const errors = save.isError ? fieldErrors(save.error, ['counts'], t('reviewmeetings.counts.failed')) : null;
  const submit = () => {
    const counts = countsBody(typed);
    setInvalid(counts === null);
    if (counts) save.mutate(counts);
  };
  return (
    <fieldset className="ts-fieldset" style={{ border: 0, padding: 0, margin: '12px 0 0' }}>
      <legend style={{ fontWeight: 600 }}>{t('reviewmeetings.counts.title')}</legend>
      <Text size="sm" c="dimmed" mb={6}>
        {t('reviewmeetings.counts.denominator', { count: d.denominator })}
      </Text>
      <Group gap="sm" align="flex-end">
        {tallyRows(d.levels, {}).map((row) => (
          <TextInput
            key={row.code}
            w={{ base: '45%', sm: 150 }}
            label={row.name ?? t('reviewmeetings.counts.blank')}
            inputMode="numeric"
            value={typed[row.code] ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setTyped((cur) => ({ ...cur, [row.code]: v }));
            }}
          />
        ))}
      </Group>
      {(invalid || errors) && (
        <Text c="red" size="sm" mt={4} role="alert">
          {invalid ? t('reviewmeetings.counts.invalid') : (errors!.fields.counts ?? errors!.general)}
        </Text>
      )}
      <Button size="xs" mt="sm" onClick={submit} loading={save.isPending}>
        {t('reviewmeetings.counts.save')}
      </Button>
    </fieldset>
  );
}

/** The vote's counts per level (a table: read as one), the denominator and the level the rules' majority gives. */
function Tally({ d, review: r }: { d: ReviewMeetingDetail; review: MeetingReview }) {
  const { t } = useTranslation();
  const level = levelName(d.levels, r.voteLevel);
  return (
    <div style={{ marginTop: 12 }} data-testid="rm-tally">
      <Text fw={600}>{t('reviewmeetings.ballot.tally')}</Text>
      <Table withTableBorder fz="sm" mt={4} maw={480}>
        <Table.Caption>{t('reviewmeetings.counts.denominator', { count: d.denominator })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reviewmeetings.ballot.levelColumn')}</Table.Th>
            <Table.Th ta="right">{t('reviewmeetings.ballot.votesColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tallyRows(d.levels, r.counts ?? {}).map((row) => (
            <Table.Tr key={row.code}>
              <Table.Td>{row.name ?? t('reviewmeetings.counts.blank')}</Table.Td>
              <Table.Td ta="right">{t('reviewmeetings.ballot.ofDenominator', { count: row.count, denominator: d.denominator })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={700} mt={6}>
        {level ? t('reviewmeetings.ballot.result', { level }) : t('reviewmeetings.ballot.noResult')}
      </Text>
    </div>
  );
}

/** Chi ủy đề xuất: the vote's level by default; another one (or one the evidence rules out) needs the note the server asks for. */
function ProposalForm({ d, review: r }: { d: ReviewMeetingDetail; review: MeetingReview }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState(r.proposedLevel ?? r.voteLevel ?? '');
  const [note, setNote] = useState('');
  const refresh = useReviewSaved(d.id);
  const save = useMutation({
    mutationFn: () => api<CellReviewResponse>(`/reviews/${encodeURIComponent(r.id)}/proposal`, { method: 'PUT', body: { ...(level ? { level } : {}), ...(note.trim() ? { note } : {}) } }),
    onSuccess: refresh,
  });
  const errors = save.isError ? fieldErrors(save.error, ['level', 'note'], t('reviewmeetings.proposal.failed')) : null;
  if (r.counts === null) return null;
  return (
    <Stack gap={6} mt="md" component="section" aria-label={`${t('reviewmeetings.proposal.title')}: ${r.memberName ?? ''}`}>
      <Text fw={600}>{t('reviewmeetings.proposal.title')}</Text>
      {r.proposedLevel && (
        <Text size="sm" role="status">
          {t('reviewmeetings.proposal.current', { level: levelName(d.levels, r.proposedLevel) })}
        </Text>
      )}
      <NativeSelect
        label={t('reviewmeetings.proposal.level')}
        data={[...(level ? [] : [{ value: '', label: t('reviewmeetings.proposal.choose') }]), ...d.levels.map((l) => ({ value: l.code, label: l.name }))]}
        value={level}
        onChange={(e) => setLevel(e.currentTarget.value)}
        error={errors?.fields.level}
        maw={420}
      />
      <Textarea label={t('reviewmeetings.proposal.note')} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors?.fields.note} maw={600} />
      {errors?.general && <Notice tone="error">{errors.general}</Notice>}
      <Group>
        <Button size="xs" onClick={() => save.mutate()} loading={save.isPending}>
          {t('reviewmeetings.proposal.save')}
        </Button>
      </Group>
    </Stack>
  );
}
