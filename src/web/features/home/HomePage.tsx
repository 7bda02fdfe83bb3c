import { lazy, Suspense } from 'react';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, useAuthedMe, hasWideScope, leadUnitId } from '../../app/me.js';
import { useMember } from '../../api/queries.js';
import { StatusBadge, ArchivedBadge } from '../../components/Badges.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorState } from '../../components/ErrorState.js';
import { formatDate } from '../../lib/format.js';
import { Skeleton } from '../../components/Skeleton.js';
import { withWords } from '../../i18n/lazyMessages.js';

// Only callers who look after several units need the tree: keep it out of a member's download.
const UnitTreePanel = lazy(() => withWords(import('../units/UnitTreePanel.js')));
// Meeting figures come in their own small chunk, after the member's card has painted.
const HomeAttendanceCard = lazy(() => withWords(import('../meetings/attendance-reports/HomeAttendanceCard.js')));
// The next meeting of one's cell, from the same "Việc của tôi" answer.
const NextMeetingCard = lazy(() => withWords(import('../meetings/NextMeetingCard.js')));
// "Việc của tôi" too: tasks, commitments and their messages stay out of the first screen's bundle.
const MyWorkCard = lazy(() => withWords(import('../tasks/MyWorkCard.js')));
// Inspection and supervision: the UBKT's figures, and what is addressed to a member or their cell.
const InspectionHomeCard = lazy(() => withWords(import('../inspections/HomeCards.js')).then((m) => ({ default: m.InspectionHomeCard })));
// Kiểm điểm cuối năm: the member's review while a period is open; the committee's rating board.
const MyReviewHomeCard = lazy(() => withWords(import('../reviews/HomeCards.js')).then((m) => ({ default: m.MyReviewHomeCard })));
const OverviewHomeCard = lazy(() => withWords(import('../overview/HomeCard.js')).then((m) => ({ default: m.OverviewHomeCard })));
const RatingsHomeCard = lazy(() => withWords(import('../reviews/HomeCards.js')).then((m) => ({ default: m.RatingsHomeCard })));
// The yearly review: a ballot of one's cell open on the phone; the cell committee's way to its review meeting.
const MyBallotsCard = lazy(() => withWords(import('../review-meetings/HomeCards.js')).then((m) => ({ default: m.MyBallotsCard })));
const CellReviewCard = lazy(() => withWords(import('../review-meetings/HomeCards.js')).then((m) => ({ default: m.CellReviewCard })));
const MyInspectionsCard = lazy(() => withWords(import('../inspections/HomeCards.js')).then((m) => ({ default: m.MyInspectionsCard })));

/**
 * Home: a member sees their cell's next meeting first, then their work (tasks due, overdue, commitments), then their own card and
 * their cell; committees also see the unit tree.
 */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const wide = hasWideScope(me);
  const committeeUnit = leadUnitId(me, ['party_committee']);
  useDocumentTitle(`${t('nav.home')} · ${t('app.titleSuffix')}`);

  return (
    <Stack gap="lg" className="ts-page">
      <div>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {t('home.greeting', { name: me.account.displayName })}
        </Title>
        <Text c="dimmed">{t('home.subtitle')}</Text>
      </div>
      {/* The party committee lands on the commune at a glance. */}
      {committeeUnit && (
        <Suspense fallback={<Skeleton h={120} />}>
          <OverviewHomeCard unitId={committeeUnit} />
        </Suspense>
      )}
      {/* The UBKT's own work first: its programme, late steps, overdue recommendations. */}
      {me.roles.some((r) => r.role === 'inspection') && (
        <Suspense fallback={<Skeleton h={120} />}>
          <InspectionHomeCard />
        </Suspense>
      )}
      {me.member && (
        <Suspense fallback={null}>
          <MyBallotsCard />
        </Suspense>
      )}
      {me.roles.some((r) => r.role === 'cell_secretary' || r.role === 'cell_committee') && (
        <Suspense fallback={null}>
          <CellReviewCard />
        </Suspense>
      )}
      {(me.member || can(me, 'meeting.manage')) && (
        <Suspense fallback={null}>
          <NextMeetingCard />
        </Suspense>
      )}
      {(me.member || can(me, 'task.assign')) && (
        <Suspense fallback={<Skeleton h={160} />}>
          <MyWorkCard />
        </Suspense>
      )}
      {me.member && (
        <Suspense fallback={null}>
          <MyReviewHomeCard />
        </Suspense>
      )}
      {committeeUnit && (
        <Suspense fallback={null}>
          <RatingsHomeCard unitId={committeeUnit} />
        </Suspense>
      )}
      {me.member && (
        <Suspense fallback={null}>
          <MyInspectionsCard />
        </Suspense>
      )}
      {me.member && <MyMemberCard memberId={me.member.id} />}
      {(me.member || can(me, 'attendance.report')) && (
        <Suspense fallback={<Skeleton h={120} />}>
          <HomeAttendanceCard />
        </Suspense>
      )}
      {wide && (
        <Paper withBorder radius="md" p="lg">
          <Title order={2} fz="h3" mb="sm">
            {t('home.orgTree')}
          </Title>
          <Suspense fallback={<Skeleton h={120} />}>
            <UnitTreePanel />
          </Suspense>
        </Paper>
      )}
      {!me.member && !wide && <Text>{t('home.noMember')}</Text>}
    </Stack>
  );
}

function MyMemberCard({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const member = useMember(memberId);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="my-card-title" maw={720}>
      <Text size="sm" c="dimmed" fw={600} id="my-card-title">
        {t('home.myCardTitle')}
      </Text>
      {member.isPending ? (
        <Stack gap="xs" mt="sm">
          <Skeleton h={28} w="60%" />
          <Skeleton h={16} />
          <Skeleton h={16} w="80%" />
        </Stack>
      ) : member.isError ? (
        <ErrorState error={member.error} onRetry={() => void member.refetch()} />
      ) : (
        <Stack gap="md" mt={4}>
          <Group gap="sm" align="center">
            <Title order={2} fz="h3">
              {member.data.fullName}
            </Title>
            <StatusBadge status={member.data.status} />
            {member.data.archived && <ArchivedBadge />}
          </Group>
          <DetailList
            items={[
              { label: t('members.cardNumber'), value: member.data.cardNumber },
              { label: t('members.birthYear'), value: member.data.birthYear },
              { label: t('members.joinedOn'), value: formatDate(member.data.joinedOn) },
              { label: t('members.officialOn'), value: formatDate(member.data.officialOn) },
              {
                label: t('members.unit'),
                value: (
                  <Anchor component={Link} to={`/units/${member.data.unitId}`} fw={600}>
                    {member.data.unitName}
                  </Anchor>
                ),
              },
            ]}
          />
          <Group gap="lg">
            <Anchor component={Link} to={`/members/${member.data.id}`} fw={600}>
              {t('home.viewProfile')}
            </Anchor>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
