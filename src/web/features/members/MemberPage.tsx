import { lazy, Suspense, useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.js';
import { useMember } from '../../api/queries.js';
import { can, useAuthedMe } from '../../app/me.js';
import { ArchivedBadge, StatusBadge } from '../../components/Badges.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorState } from '../../components/ErrorState.js';
import { NotFound } from '../../components/NotFound.js';
import { EditIcon, HistoryIcon } from '../../components/icons.js';
import { formatDate } from '../../lib/format.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { MemberFormModal } from './MemberFormModal.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { withWords } from '../../i18n/lazyMessages.js';

const MemberAttendance = lazy(() => withWords(import('../meetings/attendance-reports/MemberAttendance.js')));
const DisciplineSection = lazy(() => withWords(import('../discipline/DisciplineSection.js')));

export default function MemberRoute() {
  const { id = '' } = useParams();
  return <MemberPage key={id} id={id} />;
}

function MemberPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const member = useMember(id);
  const [editing, setEditing] = useState(false);
  useDocumentTitle(member.data ? `${member.data.fullName} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));

  if (member.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={16} w={200} />
        <Skeleton h={36} w="50%" />
        <Skeleton h={220} />
      </Stack>
    );
  }
  if (member.isError) {
    if (isApiError(member.error, 404) || isApiError(member.error, 400)) return <NotFound />;
    return <ErrorState error={member.error} onRetry={() => void member.refetch()} />;
  }

  const m = member.data;
  const canEdit = m.allowedActions.includes('member.update');
  const isMe = me.member?.id === m.id;

  return (
    <Stack gap="lg" className="ts-page">
      <Stack gap="sm">
        <Group gap="sm" align="center">
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
            {m.fullName}
          </Title>
          <StatusBadge status={m.status} />
          {m.archived && <ArchivedBadge />}
        </Group>
        {canEdit && (
          <Group gap="xs">
            <Button variant="light" size="sm" leftSection={<EditIcon size={16} />} onClick={() => setEditing(true)}>
              {t('members.edit')}
            </Button>
          </Group>
        )}
      </Stack>

      {m.archived && (
        <Notice tone="info">
          {t('members.archived')}
        </Notice>
      )}

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="member-details" maw={720}>
        <Title order={2} fz="h4" mb="sm" id="member-details">
          {t('members.details')}
        </Title>
        <DetailList
          items={[
            { label: t('members.status'), value: t(`memberStatus.${m.status}`) },
            { label: t('members.cardNumber'), value: m.cardNumber },
            { label: t('members.gender'), value: m.gender ? t(`genders.${m.gender}`) : null },
            { label: t('members.birthYear'), value: m.birthYear },
            { label: t('members.joinedOn'), value: formatDate(m.joinedOn) },
            { label: t('members.officialOn'), value: formatDate(m.officialOn) },
            {
              label: t('members.phone'),
              value: m.phone ? <Anchor href={`tel:${m.phone.replace(/[^0-9+]/g, '')}`}>{m.phone}</Anchor> : null,
            },
            {
              label: t('members.unit'),
              value: (
                <Anchor component={Link} to={`/units/${m.unitId}`} fw={600}>
                  {m.unitName}
                </Anchor>
              ),
            },
            ...(isMe || canEdit ? [{ label: t('members.hasAccount'), value: m.hasAccount ? t('common.yes') : t('common.no') }] : []),
          ]}
        />
      </Paper>

      {(me.member?.id === m.id || m.allowedActions.includes('attendance.report')) && (
        <Suspense fallback={<Skeleton h={160} />}>
          <MemberAttendance member={m} />
        </Suspense>
      )}

      {(isMe || can(me, 'discipline.read')) && (
        <Suspense fallback={<Skeleton h={120} />}>
          <DisciplineSection memberId={m.id} />
        </Suspense>
      )}

      {can(me, 'audit.read') && (
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="member-audit">
          <Group gap="xs" mb="sm">
            <HistoryIcon />
            <Title order={2} fz="h4" id="member-audit">
              {t('audit.title')}
            </Title>
          </Group>
          <AuditHistory recordType="member" recordId={m.id} />
        </Paper>
      )}

      {canEdit && <MemberFormModal mode="edit" member={m} opened={editing} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
