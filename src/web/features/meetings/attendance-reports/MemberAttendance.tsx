import './messages.js';
import { useId } from 'react';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberDetail } from '../../../api/types.js';
import { useAuthedMe } from '../../../app/me.js';
import { Tag } from '../../../components/Badges.js';
import { formatDate } from '../../../lib/format.js';
import { useMemberAttendanceStats, type MemberMeeting } from './api.js';
import { Figures } from './Figures.js';
import { MonthChart } from './MonthChart.js';
import { PeriodPicker } from './PeriodPicker.js';
import { ReportBody } from './ReportBody.js';
import { rangeOf, usePeriod, usePeriodLabel } from './period.js';

/**
 * "Chuyên cần (của tôi)" on a member's page: the same period picker and figures as the cell's
 * report, a small month chart, and every meeting of the period with how the member attended.
 */
export default function MemberAttendance({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const id = useId();
  const isMe = me.member?.id === member.id;
  const { period, years, setPeriod } = usePeriod(member.unitId);
  const stats = useMemberAttendanceStats(member.id, period ? rangeOf(period) : null);
  const periodLabel = usePeriodLabel(period);

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`} maw={960} className="ts-rp">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Title order={2} fz="h4" id={`${id}-h`}>
            {isMe ? t('reports.memberTitleSelf') : t('reports.memberTitle')}
          </Title>
          {period && <PeriodPicker period={period} years={years} onChange={setPeriod} />}
        </Group>

        <ReportBody ready={period !== null} stats={stats} periodLabel={periodLabel} chartHeight={160}>
          {(data) => (
            <>
              {data.meetings.length === 0 ? (
                <Text c="dimmed">{t('reports.meetings.empty')}</Text>
              ) : (
                <Stack gap="lg">
                  <Figures total={data.total} meetings={data.meetings.length} member />
                  <section aria-labelledby={`${id}-months`} className="ts-rp-block">
                    <Title order={3} fz="h5" id={`${id}-months`} mb="xs">
                      {t('reports.chart.monthsTitle')}
                    </Title>
                    <MonthChart
                      compact
                      months={data.months}
                      title={t('reports.chart.monthsSvgTitle', { period: periodLabel })}
                      tableCaption={`${t('reports.chart.monthsTable')}, ${data.fullName}, ${periodLabel}`}
                    />
                  </section>
                  <MeetingList meetings={data.meetings} />
                </Stack>
              )}
            </>
          )}
        </ReportBody>
      </Stack>
    </Paper>
  );
}

const STATUS_TONES = {
  onTime: ['#e3f3e6', '#1b5e2b'],
  late: ['#fff1d6', '#6e4300'],
  excused: ['#e3edfb', '#17467d'],
  absent: ['#fbe3e3', '#8a1010'],
  exempt: ['#eceff1', '#37474f'],
  pending: ['#f1f3f5', '#343a40'],
} as const;

/** How the member attended one meeting, in words and colour. */
function AttendanceTag({ m }: { m: MemberMeeting }) {
  const { t } = useTranslation();
  let tone: keyof typeof STATUS_TONES;
  let label: string;
  switch (m.status) {
    case 'present':
      if (m.lateMinutes !== null && m.lateMinutes > 0) {
        tone = 'late';
        label = t('reports.meetings.status.late', { minutes: m.lateMinutes });
      } else {
        tone = 'onTime';
        label = t('reports.meetings.status.onTime');
      }
      break;
    case 'excused':
      tone = 'excused';
      label = m.reason ? t('reports.meetings.status.excusedReason', { reason: m.reason }) : t('reports.meetings.status.excused');
      break;
    case 'absent':
      tone = 'absent';
      label = t('reports.meetings.status.absent');
      break;
    case 'exempt':
      tone = 'exempt';
      label = t('reports.meetings.status.exempt');
      break;
    default:
      tone = 'pending';
      label = t('reports.meetings.status.pending');
  }
  const [bg, fg] = STATUS_TONES[tone];
  return (
    <Tag bg={bg} fg={fg} wrap>
      {label}
    </Tag>
  );
}

function MeetingList({ meetings }: { meetings: MemberMeeting[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="ts-rp-block">
      <Group gap="xs" align="baseline" mb="xs">
        <Title order={3} fz="h5" id={`${id}-h`}>
          {t('reports.meetings.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reports.meetings.count', { count: meetings.length })}
        </Text>
      </Group>
      <ul className="ts-rp-meetings">
        {meetings.map((m) => (
          <li key={m.meetingId} className="ts-rp-meeting">
            <div className="ts-rp-meeting-main">
              <Anchor component={Link} to={`/meetings/${m.meetingId}`} fw={700}>
                <span className="ts-rp-meeting-date">{formatDate(m.date)}</span>
                {' · '}
                {m.kind === 'regular' ? t('reports.meetings.regular') : t('reports.meetings.thematic')}
              </Anchor>
              {m.kind === 'thematic' && m.topic && (
                <Text size="sm">{t('reports.meetings.thematicTopic', { topic: m.topic })}</Text>
              )}
              {m.kind === 'regular' && m.topic && <Text size="sm">{m.topic}</Text>}
              <Text size="sm" c="dimmed">
                {m.unitName}
                {m.role === 'guest' ? ` · ${t('reports.meetings.guest')}` : ''}
              </Text>
            </div>
            <AttendanceTag m={m} />
          </li>
        ))}
      </ul>
    </section>
  );
}
