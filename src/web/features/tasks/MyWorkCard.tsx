import './messages.js';
import './tasks.css';
import { useId, useState, type ReactNode } from 'react';
import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuthedMe } from '../../app/me.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useMyWork, type CommitmentSummary, type MyWork, type TaskSummary } from './api.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { TaskCards } from './TaskParts.js';

/** Lists longer than this fold behind "Xem tất cả": a phone screen is short. */
const FOLD = 5;

/**
 * "Việc của tôi" at the top of the home page: the member's overdue tasks first, then those due in
 * the next 14 days, the rest in hand and the recently closed; for leaders the tasks they gave that
 * are overdue; this year's commitments with their progress; directives waiting for the cell.
 * Loaded lazily (its own chunk), after the shell has painted.
 */
export default function MyWorkCard() {
  const { t } = useTranslation();
  const id = useId();
  const work = useMyWork();

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`} maw={720}>
      <Title order={2} fz="h3" id={`${id}-h`} mb="sm">
        {t('tasks.mine.title')}
      </Title>
      {work.isPending ? (
        <Stack gap="xs" aria-hidden="true">
          <Skeleton h={20} w={140} />
          <Skeleton h={72} />
          <Skeleton h={72} />
        </Stack>
      ) : work.isError ? (
        <ErrorState error={work.error} onRetry={() => void work.refetch()} />
      ) : (
        <MyWorkBody work={work.data} />
      )}
    </Paper>
  );
}

function MyWorkBody({ work }: { work: MyWork }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const mine = work.overdue.length + work.dueSoon.length + work.later.length;
  const nothing = mine + work.recentlyClosed.length === 0;

  return (
    <div>
      {nothing && <Text mb="md">{t('tasks.mine.nothing')}</Text>}
      {work.overdue.length > 0 ? (
        <TaskSection title={t('tasks.mine.overdue')} tasks={work.overdue} today={work.today} tone="bad" />
      ) : (
        mine > 0 && (
          <Text size="sm" c="#1b5e2b" fw={600} mb="xs">
            {t('tasks.mine.allOnTrack')}
          </Text>
        )
      )}
      <TaskSection title={t('tasks.mine.dueSoon')} tasks={work.dueSoon} today={work.today} />
      <TaskSection title={t('tasks.mine.later')} tasks={work.later} today={work.today} />
      <TaskSection title={t('tasks.mine.recent')} tasks={work.recentlyClosed} today={work.today} />
      <TaskSection title={t('tasks.mine.assignedOverdue')} tasks={work.assignedOverdue} total={work.assignedOverdueTotal} today={work.today} tone="bad" showOwner />
      {me.member && <Commitments work={work} fallbackUnitId={me.member.unitId} />}
      {me.member && <Corrections work={work} />}
      {work.directivesToAcknowledge.length > 0 && (
        <Section title={t('tasks.mine.directives')} count={work.directivesToAcknowledge.length}>
          <ul className="ts-tk-plain-list">
            {work.directivesToAcknowledge.map((d) => (
              <li key={`${d.id}-${d.unitId}`}>
                <Anchor component={Link} to={`/directives/${d.id}`} fw={700}>
                  {d.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('tasks.mine.directiveMeta', { date: formatDate(d.deadline), unit: d.unitName })}
                </Text>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}

/** Tự sửa: the member's own correction-plan items past their deadline, then those due within 14 days. */
function Corrections({ work }: { work: MyWork }) {
  const { t } = useTranslation();
  const { overdue, dueSoon } = work.corrections;
  const list = (items: MyWork['corrections']['overdue'], label: string) => (
    <ul className="ts-tk-plain-list" aria-label={label}>
      {items.map((c) => (
        <li key={c.id}>
          <Anchor component={Link} to={`/correction-plans/${c.planId}`} fw={700}>
            {c.shortcoming}
          </Anchor>
          <Text size="sm" c={c.overdue ? '#8a1010' : 'dimmed'}>
            {t('tasks.mine.correctionMeta', { date: formatDate(c.deadline), year: c.year })}
            {c.status === 'returned' && ` · ${t('tasks.mine.correctionReturned')}`}
            {c.status === 'claimed' && ` · ${t('tasks.mine.correctionClaimed')}`}
          </Text>
        </li>
      ))}
    </ul>
  );
  const link = (
    <Anchor component={Link} to="/tu-soi" size="sm" fw={600} mt={8} display="inline-block">
      {t('tasks.mine.selfExamLink')}
    </Anchor>
  );
  if (overdue.length + dueSoon.length === 0) {
    return (
      <Section title={t('tasks.mine.selfExam')}>
        <Text size="sm">{t('tasks.mine.selfExamText')}</Text>
        {link}
      </Section>
    );
  }
  return (
    <>
      {overdue.length > 0 && (
        <Section title={t('tasks.mine.correctionsOverdue')} count={overdue.length} tone="bad">
          {list(overdue, t('tasks.mine.correctionsOverdue'))}
        </Section>
      )}
      {dueSoon.length > 0 && (
        <Section title={t('tasks.mine.correctionsDueSoon')} count={dueSoon.length}>
          {list(dueSoon, t('tasks.mine.correctionsDueSoon'))}
        </Section>
      )}
      {link}
    </>
  );
}

function Section({ title, count, tone, children }: { title: string; count?: number; tone?: 'bad'; children: ReactNode }) {
  const id = useId();
  return (
    <section className="ts-tk-section" data-tone={tone} aria-labelledby={id}>
      <h3 className="ts-tk-section-title" id={id}>
        {title}
        {count !== undefined && <span className="ts-tk-count">{count}</span>}
      </h3>
      {children}
    </section>
  );
}

function TaskSection({
  title,
  tasks,
  total = tasks.length,
  today,
  tone,
  showOwner = false,
}: {
  title: string;
  tasks: TaskSummary[];
  /** The count shown when the list is cut short (the server sends at most 50). */
  total?: number;
  today: string;
  tone?: 'bad';
  showOwner?: boolean;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (tasks.length === 0) return null;
  const shown = all ? tasks : tasks.slice(0, FOLD);
  return (
    <Section title={title} count={total} tone={tone}>
      <TaskCards tasks={shown} today={today} showOwner={showOwner} label={title} />
      {tasks.length > FOLD && (
        <Button variant="subtle" size="compact-sm" mt={6} onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? t('tasks.mine.showLess') : t('tasks.mine.showAll', { count: tasks.length })}
        </Button>
      )}
    </Section>
  );
}

function Commitments({ work, fallbackUnitId }: { work: MyWork; fallbackUnitId: string }) {
  const { t } = useTranslation();
  const own = work.commitments;
  const unitId = own[0]?.unitId ?? fallbackUnitId;
  return (
    <Section title={t('tasks.mine.commitments', { year: work.year })} count={own.length > 0 ? own.length : undefined}>
      {own.length === 0 ? (
        <Text size="sm">{t('tasks.mine.commitmentsEmpty', { year: work.year })}</Text>
      ) : (
        <ul className="ts-tk-plain-list">
          {own.map((c) => (
            <li key={c.id} className="ts-tk-commitment">
              <CommitmentLine c={c} />
            </li>
          ))}
        </ul>
      )}
      <Anchor component={Link} to={`/units/${unitId}/commitments`} size="sm" fw={600} mt={8} display="inline-block">
        {t('tasks.mine.commitmentsLink')}
      </Anchor>
    </Section>
  );
}

/** A commitment's state: the measured share of its target, or the evaluation of a qualitative one. */
export function CommitmentLine({ c }: { c: CommitmentSummary }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const result = c.result ? t(`tasks.commitment.result.${c.result}`) : null;
  const num = (v: number) => formatNumber(v, lng, 2);
  return (
    <>
      <Text size="sm" fw={600} className="ts-tk-prewrap">
        {c.title}
      </Text>
      {c.kind === 'measurable' && c.targetValue !== null ? (
        <>
          <Text size="sm" c="dimmed">
            {c.actualValue === null
              ? t('tasks.commitment.noActual', { target: num(c.targetValue), unit: c.measureUnit ?? '' })
              : t('tasks.commitment.measured', { actual: num(c.actualValue), target: num(c.targetValue), unit: c.measureUnit ?? '' })}
            {result && ` · ${result}`}
          </Text>
          {c.percent !== null && (
            <ProgressBar
              value={c.percent}
              label={t('tasks.commitment.progressLabel', { title: c.title })}
              tone={c.percent >= 100 ? 'done' : undefined}
            />
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('tasks.commitment.qualitative')} · {result ?? t('tasks.commitment.inProgress')}
        </Text>
      )}
    </>
  );
}
