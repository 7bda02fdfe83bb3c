import './messages.js';
import '../../styles/self-examination.css';
import { useState } from 'react';
import { Anchor, Paper, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuthedMe } from '../../app/me.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { BackIcon } from '../../components/icons.js';
import { boardHref } from '../self-examinations/api.js';
import { useFeedback } from './api.js';
import { AnswerFeedbackModal, FeedbackCard } from './FeedbackParts.js';

export default function FeedbackRoute() {
  const { id = '' } = useParams();
  return <FeedbackPage key={id} id={id} />;
}

/**
 * One piece of feedback (góp ý), where a correction-plan item made from it links back to: who gave
 * it to whom, where, the text and the answer; the receiver answers it here too.
 */
function FeedbackPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const feedback = useFeedback(id);
  const [answering, setAnswering] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useDocumentTitle(feedback.data ? `${t('selfexam.give.title')}: ${t(`selfexam.topic.${feedback.data.topic}`)} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));
  if (feedback.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={16} w={160} />
        <Skeleton h={36} w="50%" />
        <Skeleton h={160} />
      </Stack>
    );
  }
  if (feedback.isError) return <PageLoadError error={feedback.error} onRetry={() => void feedback.refetch()} />;
  const f = feedback.data;
  const mine = me.member !== null && (f.receiverMemberId === me.member.id || f.giverMemberId === me.member.id);
  const mode = me.member && f.receiverMemberId === me.member.id ? 'received' : me.member && f.giverMemberId === me.member.id ? 'given' : 'unit';
  return (
    <Stack gap="md" className="ts-page" maw={760}>
      <Stack gap={6}>
        <Anchor component={Link} to={mine ? '/tu-soi' : boardHref(f.unitId, f.givenOn.slice(0, 4))} size="sm" className="ts-mt-back">
          <BackIcon size={16} />
          {mine ? t('selfexam.mine.title') : t('selfexam.board.title')}
        </Anchor>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {t('selfexam.give.title')}: {t(`selfexam.topic.${f.topic}`)}
        </Title>
      </Stack>
      {message && (
        <Notice tone="success" onClose={() => setMessage(null)}>
          {message}
        </Notice>
      )}
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <FeedbackCard feedback={f} mode={mode} onAnswer={() => setAnswering(true)} />
      </Paper>
      {answering && (
        <AnswerFeedbackModal
          feedback={f}
          onClose={() => setAnswering(false)}
          onDone={(m) => {
            setAnswering(false);
            setMessage(m);
          }}
        />
      )}
    </Stack>
  );
}
