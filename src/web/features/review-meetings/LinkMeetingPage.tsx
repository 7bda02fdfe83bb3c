import './messages.js';
import '@mantine/core/styles/Radio.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import '../meetings/messages.js';
import { useState } from 'react';
import { Anchor, Button, NativeSelect, Paper, Radio, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import { NotFound } from '../../components/NotFound.js';
import { Notice } from '../../components/Notice.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Skeleton } from '../../components/Skeleton.js';
import { fieldErrors } from '../../lib/formHelpers.js';
import { formatDate } from '../../lib/format.js';
import { reviewMeetingKeys, useCellMeetings, usePeriod, type ReviewMeetingDetail, type VoteMode } from './api.js';
import { CellHeading } from './Parts.js';

const FIELDS = ['meetingId', 'voteMode', 'unitId'] as const;

/**
 * "Liên kết buổi họp kiểm điểm": the cell secretary names the cell's meeting at which the cell
 * holds its review in a period (?period=&unit=), and how the cell votes. Then the review meeting's page.
 */
export default function LinkMeetingPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const periodId = params.get('period') ?? '';
  const unitId = params.get('unit') ?? '';
  const period = usePeriod(periodId || null);
  useDocumentTitle(`${t('reviewmeetings.link.title')} · ${t('app.titleSuffix')}`);
  if (period.isPending) return <Skeleton h={240} />;
  if (period.isError) return <PageLoadError error={period.error} onRetry={() => void period.refetch()} />;
  const cell = period.data.cells.find((c) => c.unitId === unitId);
  if (!cell) return <NotFound />;
  return (
    <Stack gap="md" className="ts-page" maw={640}>
      <CellHeading cell={cell.unitName} title={t('reviewmeetings.link.title')} />
      <Text>{t('reviewmeetings.link.intro', { period: period.data.title })}</Text>
      <LinkForm periodId={periodId} unitId={unitId} year={period.data.year} />
    </Stack>
  );
}

function LinkForm({ periodId, unitId, year }: { periodId: string; unitId: string; year: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const meetings = useCellMeetings(unitId, year);
  const [meetingId, setMeetingId] = useState('');
  const [voteMode, setVoteMode] = useState<VoteMode>('ballot');
  const link = useMutation({
    mutationFn: () => api<ReviewMeetingDetail>(`/review-periods/${encodeURIComponent(periodId)}/meetings`, { method: 'POST', body: { unitId, meetingId, voteMode } }),
    onSuccess: (d) => {
      queryClient.setQueryData(reviewMeetingKeys.detail(d.id), d);
      void queryClient.invalidateQueries({ queryKey: reviewMeetingKeys.all });
      void navigate(`/review-meetings/${d.id}`);
    },
  });
  const errors = link.isError ? fieldErrors(link.error, FIELDS, t('reviewmeetings.link.failed')) : null;
  if (meetings.isPending) return <Skeleton h={120} />;
  if (meetings.isError) return <PageLoadError error={meetings.error} onRetry={() => void meetings.refetch()} />;
  if (meetings.data.items.length === 0) {
    return (
      <Notice tone="info">
        {t('reviewmeetings.link.noMeetings', { year })}{' '}
        <Anchor component={Link} to={`/units/${unitId}/meetings/new`}>
          {t('reviewmeetings.link.newMeeting')}
        </Anchor>
      </Notice>
    );
  }
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          link.mutate();
        }}
      >
        <Stack gap="md">
          <NativeSelect
            label={t('reviewmeetings.link.meeting')}
            required
            value={meetingId}
            onChange={(e) => setMeetingId(e.currentTarget.value)}
            data={[
              { value: '', label: t('reviewmeetings.link.meetingPlaceholder') },
              ...meetings.data.items.map((m) => ({ value: m.id, label: `${formatDate(m.date)} · ${m.topic || t(`meetings.kind.${m.kind}`)}` })),
            ]}
            error={errors?.fields.meetingId}
          />
          <Radio.Group label={t('reviewmeetings.modeLabel')} required value={voteMode} onChange={(v) => setVoteMode(v as VoteMode)} error={errors?.fields.voteMode}>
            <Stack gap={8} mt={6}>
              <Radio value="counts" label={t('reviewmeetings.mode.counts')} />
              <Radio value="ballot" label={t('reviewmeetings.mode.ballot')} />
            </Stack>
          </Radio.Group>
          {errors?.general && <Notice tone="error">{errors.fields.unitId ?? errors.general}</Notice>}
          <Button type="submit" loading={link.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('reviewmeetings.link.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
