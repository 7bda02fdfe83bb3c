import './messages.js';
import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { formatDate } from '../../lib/format.js';
import { citizenFeedbackKeys, normalizeCode, useTracking, type PublicFeedbackStatus } from './api.js';
import { IssueStatusBadge } from '../local-issues/Badges.js';
import { FeedbackStatusBadge } from './Badges.js';
import { ConfirmBox } from '../local-issues/ConfirmBox.js';

/** "Tra cứu ý kiến": the citizen's message by its code — status, answer, the issue it joined. */
export default function TrackingPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('localissues.track.title')} · ${t('app.titleSuffix')}`);
  const { code: param = '' } = useParams();
  const code = normalizeCode(param);
  const navigate = useNavigate();
  const [input, setInput] = useState(code);
  const status = useTracking(code);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next = normalizeCode(input);
    if (next) navigate(`/y-kien/tra-cuu/${next}`);
  }

  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz="h2">
          {t('localissues.track.title')}
        </Title>
        <Text mt={4}>{t('localissues.track.intro')}</Text>
      </div>
      <Paper withBorder radius="md" p="md">
        <form onSubmit={submit} noValidate role="search">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('localissues.track.code')}
              name="code"
              className="ts-li-code-input"
              style={{ flex: '1 1 200px' }}
              size="md"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              placeholder="XXXX-XXXX-XXXX"
              value={input}
              onChange={(e) => setInput(e.currentTarget.value)}
              data-testid="tracking-code-input"
            />
            <Button type="submit" size="md" data-testid="tracking-submit">
              {t('localissues.track.submit')}
            </Button>
          </Group>
        </form>
      </Paper>
      {code !== '' &&
        (status.isPending ? (
          <Stack gap="sm">
            <Skeleton h={40} />
            <Skeleton h={120} />
          </Stack>
        ) : status.isError ? (
          isApiError(status.error, 404) || isApiError(status.error, 400) ? (
            <Notice tone="error">{t('localissues.track.notFound')}</Notice>
          ) : (
            <ErrorState error={status.error} onRetry={() => void status.refetch()} />
          )
        ) : (
          <StatusView code={code} data={status.data} />
        ))}
    </Stack>
  );
}

function StatusView({ code, data }: { code: string; data: PublicFeedbackStatus }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [thanks, setThanks] = useState(false);
  const issue = data.issue;
  return (
    <Stack gap="md" data-testid="tracking-result">
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <DetailList
            items={[
              { label: t('localissues.track.status'), value: <FeedbackStatusBadge status={data.status} /> },
              { label: t('localissues.track.submittedOn'), value: formatDate(data.submittedOn) },
              { label: t('localissues.track.topic'), value: data.topicName },
              { label: t('localissues.track.village'), value: data.villageName },
            ]}
          />
          <div>
            <Text fw={600} size="sm" mb={4}>
              {t('localissues.track.content')}
            </Text>
            <p className="ts-li-text" data-testid="tracking-content">
              {data.content}
            </p>
          </div>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={2} fz="h4" mb="xs">
          {t('localissues.track.answer')}
        </Title>
        {data.answer ? (
          <>
            <Text size="sm" c="dimmed" mb={4}>
              {t('localissues.track.answeredOn', { date: formatDate(data.answer.answeredOn) })}
            </Text>
            <p className="ts-li-text" data-testid="tracking-answer">
              {data.answer.text}
            </p>
          </>
        ) : (
          <Text c="dimmed">{t('localissues.track.noAnswer')}</Text>
        )}
        {data.closeReason && (
          <Text mt="sm">
            <b>{t('localissues.track.closeReason')}:</b> {data.closeReason}
          </Text>
        )}
      </Paper>
      {issue && (
        <Paper withBorder radius="md" p="md" data-testid="tracking-issue">
          <Stack gap="sm">
            <div>
              <Title order={2} fz="h4">
                {t('localissues.track.issueTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('localissues.track.issueIntro')}
              </Text>
            </div>
            <Text fw={700}>{issue.title}</Text>
            <DetailList
              items={[
                { label: t('localissues.track.status'), value: <IssueStatusBadge status={issue.status} /> },
                { label: t('localissues.track.resolvedOn'), value: formatDate(issue.resolvedOn) },
                { label: t('localissues.track.confirmations'), value: t('localissues.confirmations', issue.confirmations) },
              ]}
            />
            {issue.resolutionSummary && (
              <div>
                <Text fw={600} size="sm" mb={4}>
                  {t('localissues.track.resolution')}
                </Text>
                <p className="ts-li-text">{issue.resolutionSummary}</p>
              </div>
            )}
            {thanks && <Notice tone="success">{t('localissues.track.thanks')}</Notice>}
            {issue.myDecision && <Text data-testid="my-decision">{t('localissues.track.myDecision', { decision: t(`localissues.decision.${issue.myDecision}`) })}</Text>}
            {issue.canConfirm && (
              <ConfirmBox
                issueId={issue.id}
                trackingCode={code}
                question={t('localissues.track.askConfirm')}
                onDone={() => {
                  setThanks(true);
                  void queryClient.invalidateQueries({ queryKey: citizenFeedbackKeys.tracking(code) });
                }}
              />
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
