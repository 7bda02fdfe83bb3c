import './messages.js';
import '../../styles/commitments.css';
import '@mantine/core/styles/Table.layer.css';
import { lazy, Suspense, useState } from 'react';
import { Anchor, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useUnit } from '../../api/queries.js';
import type { UnitDetail } from '../../api/types.js';
import { useAuthedMe } from '../../app/me.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Skeleton } from '../../components/Skeleton.js';
import { PlusIcon } from '../../components/icons.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { usePhone } from '../../lib/usePhone.js';
import { holdsAt } from '../../lib/roles.js';
import { useDirectives, type DirectiveSummary } from './api.js';
import { AcknowledgedBadge, ActedBadge, OverdueBadge } from './Badges.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useYearParam } from '../../lib/year.js';
import { AreaHeader, unitGate, YearToolbar } from '../../components/AreaParts.js';
import { withWords } from '../../i18n/lazyMessages.js';

// The form (modal, focus trap, the unit tree) loads when the committee opens it.
const DirectiveFormModal = lazy(() => withWords(import('./DirectiveForm.js')));

export default function DirectivesRoute() {
  const { id = '' } = useParams();
  return <DirectivesPage key={id} unitId={id} />;
}

/** A committee issues directives; a cell receives them. */
function issues(unit: Pick<UnitDetail, 'kind'>): boolean {
  return unit.kind !== 'cell' && unit.kind !== 'mass_org';
}

/**
 * Chỉ đạo of a year. For a committee: what it issued, each with how many cells have acknowledged
 * it and acted on it, and the form to issue one. For a cell: what it received and whether it has
 * acknowledged it.
 */
function DirectivesPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const unit = useUnit(unitId);
  const [year, setYear] = useYearParam();
  const list = useDirectives(unitId, year);
  const [creating, setCreating] = useState(false);
  const issuing = unit.data ? issues(unit.data) : false;
  const title = issuing ? t('commitments.directives.issuedTitle') : t('commitments.directives.receivedTitle');
  useDocumentTitle(unit.data ? `${title} · ${unit.data.name} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));

  if (!unit.data) return unitGate(unit);
  const u = unit.data;
  const canIssue = issuing && holdsAt(me, 'issue', u) && !u.archived;
  const items = list.data?.items ?? [];

  return (
    <Stack gap="md" className="ts-page">
      <AreaHeader
        unit={u}
        title={title}
        intro={issuing ? t('commitments.directives.issuedIntro') : t('commitments.directives.receivedIntro')}
      />
      <YearToolbar year={year} label={t('commitments.directives.year')} onYear={setYear} busy={list.isFetching && !list.isPending}>
        {canIssue && (
          <Button className="ts-cm-main-action" leftSection={<PlusIcon size={16} />} onClick={() => setCreating(true)}>
            {t('commitments.directives.issue')}
          </Button>
        )}
      </YearToolbar>

      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="cm-directive-list">
        <Stack gap="sm">
          <Text id="cm-directive-list" fw={700} role="status" aria-live="polite">
            {list.data ? t('commitments.directives.total', { count: items.length, year }) : t('commitments.directives.listTitle')}
          </Text>
          {list.isPending ? (
            <Stack gap="xs">
              <Skeleton h={36} />
              <Skeleton h={36} />
            </Stack>
          ) : list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : items.length === 0 ? (
            <Text c="dimmed">{t('commitments.directives.none', { year })}</Text>
          ) : issuing ? (
            <IssuedList items={items} />
          ) : (
            <ReceivedList items={items} />
          )}
        </Stack>
      </Paper>

      {creating && (
        <Suspense fallback={null}>
          <DirectiveFormModal unit={u} onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </Stack>
  );
}

function DirectiveLink({ d }: { d: DirectiveSummary }) {
  return (
    <Anchor component={Link} to={`/directives/${d.id}`} fw={700}>
      {d.title}
    </Anchor>
  );
}

/** "3/25" and a bar: how many of the targets did it. */
function Share({ value, of, label }: { value: number; of: number; label: string }) {
  const { i18n } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={700} className="ts-cm-nowrap">
        {formatNumber(value, i18n.language)}/{formatNumber(of, i18n.language)}
      </Text>
      <ProgressBar value={of > 0 ? (value / of) * 100 : 0} label={label} tone={of > 0 && value === of ? 'done' : undefined} />
    </div>
  );
}

function IssuedList({ items }: { items: DirectiveSummary[] }) {
  const { t } = useTranslation();
  const phone = usePhone();
  if (phone) {
    return (
      <ul className="ts-cm-cards">
        {items.map((d) => (
          <li key={d.id} className="ts-cm-card">
            <DirectiveLink d={d} />
            <div className="ts-cm-card-row">
              <span>{t('commitments.directives.issuedOn', { date: formatDate(d.issuedOn) })}</span>
              <span>{t('commitments.directives.deadlineOn', { date: formatDate(d.deadline) })}</span>
              {d.overdue && <OverdueBadge />}
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('commitments.directives.acknowledgedCol')}
              </Text>
              <Share value={d.acknowledged} of={d.targets} label={t('commitments.directives.acknowledgedOf', { title: d.title })} />
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('commitments.directives.actedCol')}
              </Text>
              <Share value={d.acted} of={d.targets} label={t('commitments.directives.actedOf', { title: d.title })} />
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table striped highlightOnHover verticalSpacing="sm" className="ts-cm-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('commitments.directives.titleCol')}</Table.Th>
            <Table.Th scope="col">{t('commitments.directives.deadlineCol')}</Table.Th>
            <Table.Th scope="col" style={{ minWidth: 170 }}>
              {t('commitments.directives.acknowledgedCol')}
            </Table.Th>
            <Table.Th scope="col" style={{ minWidth: 170 }}>
              {t('commitments.directives.actedCol')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <DirectiveLink d={d} />
                <Text size="xs" c="dimmed">
                  {t('commitments.directives.issuedOn', { date: formatDate(d.issuedOn) })}
                </Text>
              </Table.Td>
              <Table.Td className="ts-cm-nowrap">
                {formatDate(d.deadline)}
                {d.overdue && (
                  <div>
                    <OverdueBadge />
                  </div>
                )}
              </Table.Td>
              <Table.Td>
                <Share value={d.acknowledged} of={d.targets} label={t('commitments.directives.acknowledgedOf', { title: d.title })} />
              </Table.Td>
              <Table.Td>
                <Share value={d.acted} of={d.targets} label={t('commitments.directives.actedOf', { title: d.title })} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** A cell's view: one target each, so "acknowledged" is yes or no. */
function ReceivedList({ items }: { items: DirectiveSummary[] }) {
  const { t } = useTranslation();
  return (
    <ul className="ts-cm-cards">
      {items.map((d) => {
        const acknowledged = d.targets > 0 && d.acknowledged >= d.targets;
        return (
          <li key={d.id} className="ts-cm-card" data-state={acknowledged ? 'acknowledged' : 'waiting'}>
            <DirectiveLink d={d} />
            <div className="ts-cm-card-row">
              <span>{t('commitments.directives.from', { unit: d.unitName })}</span>
              <span>{t('commitments.directives.issuedOn', { date: formatDate(d.issuedOn) })}</span>
              <span>{t('commitments.directives.deadlineOn', { date: formatDate(d.deadline) })}</span>
            </div>
            <div className="ts-cm-badges">
              <AcknowledgedBadge acknowledged={acknowledged} />
              {d.acted > 0 ? <ActedBadge /> : null}
              {d.overdue && <OverdueBadge />}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
