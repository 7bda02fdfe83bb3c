import './messages.js';
import '../../styles/self-examination.css';
import { useState } from 'react';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuthedMe } from '../../app/me.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { BackIcon, LockIcon } from '../../components/icons.js';
import { boardHref } from '../self-examinations/api.js';
import { usePlan } from './api.js';
import { PlanCountsLine, PlanItemList } from './PlanItems.js';

export default function PlanRoute() {
  const { id = '' } = useParams();
  return <PlanPage key={id} id={id} />;
}

/** Kế hoạch tự sửa of one member and year: the cell committee verifies its items here. */
function PlanPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const plan = usePlan(id);
  const [message, setMessage] = useState<string | null>(null);
  useDocumentTitle(plan.data ? `${t('selfexam.plan.pageTitle', { year: plan.data.year, name: plan.data.memberName })} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));
  if (plan.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={16} w={160} />
        <Skeleton h={36} w="60%" />
        <Skeleton h={240} />
      </Stack>
    );
  }
  if (plan.isError) return <PageLoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  const own = me.member?.id === p.memberId;
  return (
    <Stack gap="md" className="ts-page" maw={860}>
      <Stack gap={6}>
        <Anchor component={Link} to={own ? '/tu-soi' : boardHref(p.unitId, String(p.year))} size="sm" className="ts-mt-back">
          <BackIcon size={16} />
          {own ? t('selfexam.mine.title') : t('selfexam.board.title')}
        </Anchor>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {t('selfexam.plan.pageTitle', { year: p.year, name: p.memberName })}
        </Title>
        <PlanCountsLine plan={p} />
      </Stack>
      {!own && (
        <div className="ts-se-privacy" role="note">
          <LockIcon size={18} />
          <Text size="sm">{t('selfexam.plan.readerNote', { name: p.memberName })}</Text>
        </div>
      )}
      {message && (
        <Notice tone="success" onClose={() => setMessage(null)}>
          {message}
        </Notice>
      )}
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={t('selfexam.plan.itemsLabel', { year: p.year })}>
        <Title order={2} fz="h4" mb="sm">
          {t('selfexam.plan.items')}
        </Title>
        <PlanItemList plan={p} onDone={setMessage} />
      </Paper>
    </Stack>
  );
}
