import './messages.js';
import '@mantine/core/styles/Radio.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import { useState } from 'react';
import { Button, Paper, Radio, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client.js';
import { Notice } from '../../components/Notice.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Skeleton } from '../../components/Skeleton.js';
import { fieldErrors } from '../../lib/formHelpers.js';
import { reviewMeetingKeys, reviewMeetingPath, useReviewMeeting, type ReviewMeetingDetail } from './api.js';
import { ballotSheet, BLANK, onBallot } from './look.js';
import { CellHeading } from './Parts.js';

export default function BallotRoute() {
  const { id = '' } = useParams();
  return <BallotPage key={id} id={id} />;
}

/** Waits for the secretary to open the ballot: asks again while it is not open yet. */
const waiting = (d: ReviewMeetingDetail | undefined) => d?.voteMode === 'ballot' && d.ballotStatus === 'not_open';

/**
 * Phiếu bầu on a member's phone: one radio group per person under review with the rules' level
 * names and "Phiếu trắng", sent once. After that (or when the member may not vote) it says why.
 */
function BallotPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useReviewMeeting(id, waiting);
  useDocumentTitle(`${t('reviewmeetings.sheet.title')} · ${t('app.titleSuffix')}`);
  if (detail.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={36} w="70%" />
        <Skeleton h={240} />
      </Stack>
    );
  }
  if (detail.isError) return <PageLoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  return (
    <Stack gap="md" className="ts-page" maw={640}>
      <CellHeading cell={d.unitName} title={t('reviewmeetings.sheet.title')} />
      <Notice tone="info">{t('reviewmeetings.ballot.secret')}</Notice>
      <SheetOrReason d={d} />
    </Stack>
  );
}

function SheetOrReason({ d }: { d: ReviewMeetingDetail }) {
  const { t } = useTranslation();
  if (d.hasVoted) {
    return (
      <Notice tone="success" title={t('reviewmeetings.sheet.voted')}>
        {t('reviewmeetings.sheet.votedHint')}
      </Notice>
    );
  }
  if (d.voteMode === 'counts') return <Notice tone="info">{t('reviewmeetings.sheet.countsMode')}</Notice>;
  if (d.ballotStatus === 'not_open') return <Notice tone="info">{t('reviewmeetings.sheet.notOpen')}</Notice>;
  if (d.ballotStatus === 'closed') return <Notice tone="info">{t('reviewmeetings.sheet.closed')}</Notice>;
  if (!d.mayVote) return <Notice tone="warning">{t('reviewmeetings.sheet.notVoter')}</Notice>;
  return <Sheet d={d} />;
}

function Sheet({ d }: { d: ReviewMeetingDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reviews = onBallot(d.reviews);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const cast = useMutation({
    mutationFn: (body: { choices: { reviewId: string; level: string | null }[] }) => api<ReviewMeetingDetail>(reviewMeetingPath(d.id, '/ballots'), { method: 'POST', body }),
    onSuccess: (next) => {
      queryClient.setQueryData(reviewMeetingKeys.detail(d.id), next);
      void queryClient.invalidateQueries({ queryKey: reviewMeetingKeys.mine });
    },
    // A sheet already counted (another phone) or a closed ballot: the page says so once fetched again.
    onError: () => void queryClient.invalidateQueries({ queryKey: reviewMeetingKeys.detail(d.id) }),
  });
  const errors = cast.isError ? fieldErrors(cast.error, ['choices'], t('reviewmeetings.sheet.failed')) : null;
  const submit = () => {
    const sheet = ballotSheet(reviews, chosen);
    if ('missing' in sheet) {
      setMissing(new Set(sheet.missing.map((r) => r.id)));
      return;
    }
    setMissing(new Set());
    cast.mutate(sheet);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack gap="md">
        <Text>{t('reviewmeetings.sheet.intro')}</Text>
        {reviews.map((r) => (
          <Paper key={r.id} withBorder radius="md" p="md">
            <Radio.Group
              name={`choice-${r.id}`}
              label={<span style={{ fontSize: 17, fontWeight: 700 }}>{r.memberName}</span>}
              value={chosen[r.id] ?? null}
              onChange={(v) => {
                setChosen((cur) => ({ ...cur, [r.id]: v }));
                setMissing((cur) => (cur.has(r.id) ? new Set([...cur].filter((x) => x !== r.id)) : cur));
              }}
              error={missing.has(r.id) ? t('reviewmeetings.reviews.noLevel') : undefined}
              required
            >
              <Stack gap={10} mt={8}>
                {d.levels.map((l) => (
                  <Radio key={l.code} value={l.code} label={l.name} />
                ))}
                <Radio value={BLANK} label={t('reviewmeetings.sheet.blank')} />
              </Stack>
            </Radio.Group>
          </Paper>
        ))}
        {missing.size > 0 && <Notice tone="error">{t('reviewmeetings.sheet.missing', { count: missing.size })}</Notice>}
        {errors && <Notice tone="error">{errors.fields.choices ?? errors.general}</Notice>}
        <Button type="submit" size="md" loading={cast.isPending} fullWidth>
          {t('reviewmeetings.sheet.submit')}
        </Button>
      </Stack>
    </form>
  );
}
