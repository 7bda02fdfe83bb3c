import './messages.js';
import '@mantine/core/styles/Tabs.layer.css';
import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, isApiError } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { NotFound } from '../../components/NotFound.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { BackIcon, DownloadIcon, EditIcon, LockIcon, TrashIcon } from '../../components/icons.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { usePhone } from '../../lib/usePhone.js';
import { meetingChanged, meetingKeys, meetingPath, useMeeting, useMeetingChanged, type MeetingDetail } from './api.js';
import { MeetingKindBadge, MeetingStatusBadge } from './MeetingBadges.js';
import { AttendanceSection } from './AttendanceSection.js';
import { AgendaSection } from './AgendaSection.js';
import { ScoreSection } from './ScoreSection.js';
import { VersionsSection } from './VersionsSection.js';
import { AuditHistory } from '../audit/AuditHistory.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { ReopenModal } from './MeetingModals.js';
import { EditMeetingModal } from './EditMeetingModal.js';
import { todayLocal, weekday } from '../../lib/time.js';
import { meetingDeletable } from '../../../domain/meetings.js';

export default function MeetingRoute() {
  const { id = '' } = useParams();
  return <MeetingPage key={id} id={id} />;
}

const TABS = ['attendance', 'agenda', 'score', 'versions', 'history'] as const;
type Tab = (typeof TABS)[number];

function MeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const meeting = useMeeting(id);
  const title = meeting.data
    ? t(`meetings.page.titles.${meeting.data.kind}`, { month: Number(meeting.data.date.slice(5, 7)), year: meeting.data.date.slice(0, 4) })
    : null;
  useDocumentTitle(title ? `${title} · ${meeting.data!.unitName} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));

  if (meeting.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={16} w={200} />
        <Skeleton h={36} w="70%" />
        <Skeleton h={80} />
        <Skeleton h={240} />
      </Stack>
    );
  }
  if (meeting.isError) {
    if (isApiError(meeting.error, 404) || isApiError(meeting.error, 400)) return <NotFound />;
    return <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />;
  }
  const m = meeting.data;
  return (
    <Stack gap="md" className="ts-page">
      <MeetingHeader m={m} title={title!} />
      <MeetingActions m={m} />
      {m.status === 'approved' && (
        <Notice tone="info" title={<span className="ts-mt-lock-title"><LockIcon size={16} />{t('meetings.page.lockedTitle')}</span>}>
          <p className="ts-notice-text">{t('meetings.page.locked', { version: m.minutesVersion })}</p>
        </Notice>
      )}
      <MeetingTabs m={m} />
    </Stack>
  );
}

function MeetingHeader({ m, title }: { m: MeetingDetail; title: string }) {
  const { t, i18n } = useTranslation();
  const last = m.versions[m.versions.length - 1];
  const version =
    m.status === 'approved' && m.approvedAt
      ? t('meetings.page.versionApproved', { version: m.minutesVersion, at: formatDateTime(m.approvedAt) })
      : last?.reopenedAt
        ? t('meetings.page.versionReopened', { version: last.version, at: formatDateTime(last.reopenedAt) })
        : m.status === 'held'
          ? t('meetings.page.versionNone')
          : null;
  return (
    <Stack gap={6}>
      <Anchor component={Link} to={`/units/${m.unitId}`} size="sm" className="ts-mt-back">
        <BackIcon size={16} />
        {m.unitName}
      </Anchor>
      <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
        {title}
      </Title>
      {m.topic && (
        <Text fw={600} size="lg">
          {m.topic}
        </Text>
      )}
      <Group gap="xs">
        <MeetingKindBadge kind={m.kind} />
        <MeetingStatusBadge status={m.status} />
      </Group>
      <Text>
        {weekday(m.date, i18n.language)}, {formatDate(m.date)} · <strong>{m.startTime}</strong>
        {m.graceMinutes > 0 && <span className="ts-muted"> {t('meetings.page.grace', { count: m.graceMinutes })}</span>}
        {' · '}
        {m.place}
      </Text>
      <Text size="sm">
        {t('meetings.page.chair')}: <strong>{m.chairName ?? t('common.notSet')}</strong>
        {' · '}
        {t('meetings.page.secretary')}: <strong>{m.secretaryName ?? t('common.notSet')}</strong>
      </Text>
      {version && (
        <Text size="sm" c="dimmed">
          {version}
        </Text>
      )}
    </Stack>
  );
}

type Dialog = 'approve' | 'reopen' | 'delete' | 'edit' | null;

function MeetingActions({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const changed = useMeetingChanged();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const allowed = new Set(m.allowedActions);
  const canManage = allowed.has('meeting.manage');
  const canApprove = allowed.has('meeting.approve');

  const post = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown; message: string }) =>
      api<MeetingDetail>(meetingPath(m.id, path), { method: 'POST', body }),
    onSuccess: (detail, { message }) => {
      changed(m.id, detail);
      setError(null);
      setDone(message);
      setDialog(null);
    },
    onError: (e) => {
      setDone(null);
      setError(isApiError(e) ? e.message : t('errors.generic', { status: 0 }));
      setDialog(null);
    },
  });
  const remove = useMutation({
    mutationFn: () => api<null>(meetingPath(m.id), { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: meetingKeys.detail(m.id) });
      meetingChanged(queryClient, m.id);
      navigate(`/units/${m.unitId}`);
    },
    onError: (e) => {
      setError(isApiError(e) ? e.message : t('errors.generic', { status: 0 }));
      setDialog(null);
    },
  });

  const showHold = canManage && m.status === 'planned' && m.date <= todayLocal();
  const showApprove = canApprove && m.status === 'held';
  const showReopen = canApprove && m.status === 'approved';
  // Until it is held, whatever was marked (a meeting created by mistake, or called off).
  const showDelete = canManage && meetingDeletable(m.status);

  return (
    <>
      {error && (
        <Notice tone="error" onClose={() => setError(null)}>
          {error}
        </Notice>
      )}
      {done && (
        <Notice tone="success" onClose={() => setDone(null)}>
          {done}
        </Notice>
      )}
      <Group gap="xs" className="ts-mt-actions">
        {showHold && (
          <Button
            size="sm"
            loading={post.isPending && post.variables?.path === '/hold'}
            onClick={() => post.mutate({ path: '/hold', message: t('meetings.actions.held') })}
          >
            {t('meetings.actions.hold')}
          </Button>
        )}
        {showApprove && (
          <Button size="sm" onClick={() => setDialog('approve')}>
            {t('meetings.actions.approve')}
          </Button>
        )}
        {canManage && (
          <Button size="sm" variant="light" leftSection={<EditIcon size={16} />} onClick={() => setDialog('edit')}>
            {t('meetings.actions.edit')}
          </Button>
        )}
        <Button
          size="sm"
          variant="default"
          component="a"
          href={`/api${meetingPath(m.id, '/minutes.docx')}`}
          download
          leftSection={<DownloadIcon size={16} />}
        >
          {t('meetings.actions.download')}
        </Button>
        {showReopen && (
          <Button size="sm" variant="default" onClick={() => setDialog('reopen')}>
            {t('meetings.actions.reopen')}
          </Button>
        )}
        {showDelete && (
          <Button size="sm" variant="subtle" color="partyRed" leftSection={<TrashIcon size={16} />} onClick={() => setDialog('delete')}>
            {t('meetings.actions.delete')}
          </Button>
        )}
      </Group>

      <ConfirmModal
        opened={dialog === 'approve'}
        title={t('meetings.actions.approveTitle')}
        confirmLabel={t('meetings.actions.approve')}
        busy={post.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() => post.mutate({ path: '/approve', message: t('meetings.actions.approved') })}
      >
        {t('meetings.actions.approveBody', { version: m.minutesVersion + 1 })}
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === 'delete'}
        title={t('meetings.actions.deleteTitle')}
        confirmLabel={t('meetings.actions.delete')}
        color="partyRed"
        busy={remove.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() => remove.mutate()}
      >
        {t('meetings.actions.deleteBody', { date: formatDate(m.date) })}
      </ConfirmModal>
      {showReopen && (
        <ReopenModal
          opened={dialog === 'reopen'}
          meetingId={m.id}
          version={m.minutesVersion}
          onClose={() => setDialog(null)}
          onDone={(detail) => {
            changed(m.id, detail);
            setError(null);
            setDone(t('meetings.actions.reopened'));
            setDialog(null);
          }}
        />
      )}
      {canManage && <EditMeetingModal opened={dialog === 'edit'} meeting={m} onClose={() => setDialog(null)} />}
    </>
  );
}

function MeetingTabs({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [params, setParams] = useSearchParams();
  const fallback: Tab = m.status === 'approved' ? 'agenda' : 'attendance';
  const asked = params.get('tab') as Tab | null;
  const available = (x: Tab) =>
    (x !== 'versions' || m.versions.length > 0) && (x !== 'history' || m.allowedActions.includes('audit.read'));
  const tab: Tab = asked && TABS.includes(asked) && available(asked) ? asked : fallback;
  const members = m.participants.filter((p) => p.role === 'member');
  const mustAttend = members.filter((p) => p.status !== 'exempt').length;

  return (
    <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }} component="section" aria-label={t('meetings.page.sections')}>
      <Tabs
        variant={phone ? 'pills' : 'default'}
        value={tab}
        onChange={(v) => setParams((p) => {
          const next = new URLSearchParams(p);
          next.set('tab', v ?? fallback);
          return next;
        }, { replace: true })}
        className="ts-mt-tabs"
      >
        <Tabs.List>
          <Tabs.Tab value="attendance">
            {t('meetings.tabs.attendance')}{' '}
            <span className="ts-mt-tab-count">
              {m.attendance.present}/{mustAttend}
            </span>
          </Tabs.Tab>
          <Tabs.Tab value="agenda">{t('meetings.tabs.agenda')}</Tabs.Tab>
          <Tabs.Tab value="score">{t('meetings.tabs.score')}</Tabs.Tab>
          {m.versions.length > 0 && <Tabs.Tab value="versions">{t('meetings.tabs.versions')}</Tabs.Tab>}
          {m.allowedActions.includes('audit.read') && <Tabs.Tab value="history">{t('audit.title')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="attendance" pt="md">
          <AttendanceSection m={m} />
        </Tabs.Panel>
        <Tabs.Panel value="agenda" pt="md">
          <AgendaSection m={m} />
        </Tabs.Panel>
        <Tabs.Panel value="score" pt="md">
          <ScoreSection m={m} />
        </Tabs.Panel>
        {m.versions.length > 0 && (
          <Tabs.Panel value="versions" pt="md">
            <VersionsSection m={m} />
          </Tabs.Panel>
        )}
        {m.allowedActions.includes('audit.read') && (
          <Tabs.Panel value="history" pt="md">
            <AuditHistory recordType="meeting" recordId={m.id} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Paper>
  );
}
