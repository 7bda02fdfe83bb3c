import './messages.js';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DetailList } from '../../components/DetailList.js';
import { Tag } from '../../components/Badges.js';
import { formatDate } from '../../lib/format.js';
import { useMyWork, type MyWork } from '../tasks/api.js';
import { MeetingKindBadge } from './MeetingBadges.js';

type NextMeeting = MyWork['nextMeetings'][number];

/**
 * "Cuộc họp sắp tới" at the top of the home page: the next planned meeting of each cell the
 * caller belongs to or runs (from "Việc của tôi", one request), with the door screen for whoever
 * takes attendance. Nothing at all when no meeting is planned.
 */
export default function NextMeetingCard() {
  const work = useMyWork();
  const meetings = work.data?.nextMeetings ?? [];
  if (meetings.length === 0) return null;
  return (
    <Stack gap="md" maw={720}>
      {meetings.map((m) => (
        <NextMeeting key={m.id} meeting={m} today={work.data!.today} showCell={meetings.length > 1} />
      ))}
    </Stack>
  );
}

function NextMeeting({ meeting: m, today, showCell }: { meeting: NextMeeting; today: string; showCell: boolean }) {
  const { t } = useTranslation();
  const titleId = `next-meeting-${m.id}`;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={titleId} className="ts-next-meeting">
      <Group justify="space-between" gap="xs" mb="xs">
        <Title order={2} fz="h3" id={titleId}>
          {showCell ? t('meetings.next.titleOf', { unit: m.unitName }) : t('meetings.next.title')}
        </Title>
        <Group gap={6}>
          {m.date === today && <Tag bg="#fff1d6" fg="#6e4300">{t('meetings.next.today')}</Tag>}
          <MeetingKindBadge kind={m.kind} topic={m.topic} />
        </Group>
      </Group>
      <DetailList
        items={[
          { label: t('meetings.next.when'), value: t('meetings.next.at', { date: formatDate(m.date), time: m.startTime }) },
          { label: t('meetings.form.place'), value: m.place },
        ]}
      />
      {m.agenda.length > 0 && (
        <>
          <Text fw={600} size="sm" mt="sm">
            {t('meetings.next.agenda')}
          </Text>
          <ol className="ts-next-agenda">
            {m.agenda.map((title, i) => (
              <li key={i}>{title}</li>
            ))}
          </ol>
        </>
      )}
      <Group gap="sm" mt="sm">
        {m.mayTakeAttendance ? (
          <Button component={Link} to={`/meetings/${m.id}`}>
            {t('meetings.next.door')}
          </Button>
        ) : (
          <Button component={Link} to={`/meetings/${m.id}`} variant="light">
            {t('meetings.next.open')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
