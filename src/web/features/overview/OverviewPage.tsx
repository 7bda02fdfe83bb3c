import './messages.js';
import '@mantine/core/styles/Table.layer.css';
import './overview.css';
import { NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { can, leadUnitId, useAuthedMe } from '../../app/me.js';
import type { MeResponse } from '../../api/types.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { formatDate, formatPercent } from '../../lib/format.js';
import { currentYear, todayLocal } from '../../lib/time.js';
import { useOverview, type GridRow, type OverviewFigure, type OverviewResponse, type RankingRow } from './api.js';
import { datesOf, pickedOf, withKind, type PeriodKind, type PickedPeriod } from './period.js';

/** Who has an overview: the commune's committee, UBKT and office; a cell's leaders. */
export const OVERVIEW_ROLES: readonly string[] = ['party_committee', 'inspection', 'office', 'cell_secretary', 'cell_committee'];

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** How many laggards the notice names before it counts the rest. */
const LAGGARDS_NAMED = 5;

/**
 * Tổng quan (/tong-quan, /units/:id/tong-quan): a unit's month, quarter or year beside the same
 * period last year — each figure a link to the list it counts — the regular meetings as a
 * cells × months table, and the cells (or a province's communes) ranked with the laggards named.
 */
export default function OverviewPage() {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const { id } = useParams();
  const unitId = id ?? leadUnitId(me, OVERVIEW_ROLES);
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const asked = from && to && ISO.test(from) && ISO.test(to) ? { from, to } : null;
  const overview = useOverview(unitId, asked);
  const data = overview.data;
  useDocumentTitle(`${data ? t('overview.titleOf', { unit: data.unitName }) : t('overview.title')} · ${t('app.titleSuffix')}`);
  const today = todayLocal();
  const picked = pickedOf(asked?.from ?? data?.from ?? `${today.slice(0, 7)}-01`, asked?.to ?? data?.to ?? today);
  const pick = (p: PickedPeriod) => setParams((old) => ({ ...Object.fromEntries(old), ...datesOf(p) }), { replace: true });

  if (!unitId) return <Text>{t('overview.noUnit')}</Text>;
  if (overview.isError) return <PageLoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  return (
    <Stack gap="md" className="ts-page ts-ov-page">
      <div>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {data ? t('overview.titleOf', { unit: data.unitName }) : t('overview.title')}
        </Title>
        <Text c="dimmed">{t('overview.intro')}</Text>
      </div>
      <PeriodPicker value={picked} onChange={pick} />
      {data && (
        <Text size="sm" c="dimmed" data-testid="overview-range">
          {t('overview.period.range', { from: formatDate(data.from), to: formatDate(data.to), prevFrom: formatDate(data.previous.from), prevTo: formatDate(data.previous.to) })}
        </Text>
      )}
      {!data ? (
        <Skeleton h={320} />
      ) : (
        <>
          <div className="ts-ov-sections">
            {data.sections.map((s) => (
              <Section key={s.key} section={s.key} figures={s.figures} />
            ))}
          </div>
          <MeetingGrid data={data} />
          <Ranking data={data} />
        </>
      )}
    </Stack>
  );
}

function PeriodPicker({ value, onChange }: { value: PickedPeriod; onChange: (p: PickedPeriod) => void }) {
  const { t } = useTranslation();
  const now = currentYear();
  const years = Array.from({ length: 8 }, (_, i) => now - i);
  if (!years.includes(value.year)) years.push(value.year);
  const parts =
    value.kind === 'month'
      ? Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t('overview.period.monthOption', { month: i + 1, year: value.year }) }))
      : value.kind === 'quarter'
        ? Array.from({ length: 4 }, (_, i) => ({ value: String(i + 1), label: t('overview.period.quarterOption', { quarter: i + 1, year: value.year }) }))
        : null;
  return (
    <fieldset className="ts-ov-picker">
      <legend className="ts-sr-only">{t('overview.period.label')}</legend>
      <NativeSelect
        label={t('overview.period.kind')}
        value={value.kind}
        data={(['month', 'quarter', 'year'] as const).map((k) => ({ value: k, label: t(`overview.period.${k}`) }))}
        onChange={(e) => onChange(withKind(value, e.currentTarget.value as PeriodKind))}
      />
      <NativeSelect
        label={t('overview.period.year')}
        value={String(value.year)}
        data={years.map((y) => ({ value: String(y), label: String(y) }))}
        onChange={(e) => onChange({ ...value, year: Number(e.currentTarget.value) })}
      />
      {parts && <NativeSelect label={t('overview.period.which')} value={String(value.part)} data={parts} onChange={(e) => onChange({ ...value, part: Number(e.currentTarget.value) })} />}
    </fieldset>
  );
}

const counted = (value: number, of: number | null) => (of === null ? String(value) : `${value}/${of}`);

/** The permission each list behind a figure asks (the office reads the counts, not the meetings or the tasks). */
const LIST_PERMISSIONS: readonly [RegExp, Parameters<typeof can>[1]][] = [
  [/^\/units\/[^/]+\/meetings\?/, 'meeting.read'],
  [/^\/units\/[^/]+\/work\?/, 'work.report'],
  [/^\/units\/[^/]+\/commitments\?/, 'commitment.read'],
  [/^\/units\/[^/]+\/tu-soi\?/, 'selfexam.read'],
  [/^\/local-issues\?/, 'local_issue.read'],
  [/^\/citizen-feedback\?/, 'citizen_feedback.read'],
];

/** A figure's link when the caller may open the list behind it; else the number alone. */
function FigureLink({ me, href, className, title, children }: { me: MeResponse; href: string; className: string; title?: string; children: string }) {
  const needs = LIST_PERMISSIONS.find(([pattern]) => pattern.test(href))?.[1];
  if (needs && !can(me, needs)) return <span className={className}>{children}</span>;
  return (
    <Link to={href} className={className} title={title}>
      {children}
    </Link>
  );
}

function Section({ section, figures }: { section: OverviewResponse['sections'][number]['key']; figures: OverviewFigure[] }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const headingId = `ov-${section}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid={`overview-${section}`}>
      <Title order={2} fz="h4" id={headingId} mb="xs">
        {t(`overview.section.${section}`)}
      </Title>
      <ul className="ts-ov-figures">
        {figures.map((f) => (
          <li key={f.key}>
            <span className="ts-ov-label">
              {/* The server's figure keys are the catalogue's (a test checks both catalogues name every one). */}
            {t(`overview.figure.${section}.${f.key}` as 'overview.figure.meetings.regular')}
            </span>
            <span className="ts-ov-values">
              <FigureLink me={me} href={f.href} className="ts-ov-value">
                {counted(f.value, f.of)}
              </FigureLink>
              {f.previous && (
                <FigureLink me={me} href={f.previous.href} className="ts-ov-previous" title={t('overview.lastYear')}>
                  {t('overview.lastYearShort', { value: counted(f.previous.value, f.previous.of) })}
                </FigureLink>
              )}
            </span>
          </li>
        ))}
      </ul>
    </Paper>
  );
}

function MeetingGrid({ data }: { data: OverviewResponse }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const row = t(data.rowKind === 'cell' ? 'overview.grid.rowCell' : 'overview.grid.rowCommune');
  const monthLabel = (month: string) => `${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;
  const mark = (m: GridRow['months'][number]) => (data.rowKind === 'commune' && m.state !== 'future' ? t('overview.grid.cells', { held: m.held, of: m.of }) : t(`overview.grid.${m.state}`));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ov-grid" data-testid="overview-grid">
      <Title order={2} fz="h4" id="ov-grid" mb="xs">
        {t('overview.grid.title')}
      </Title>
      {data.grid.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('overview.grid.empty')}
        </Text>
      ) : (
        <>
          {data.grid.months.length > 2 && (
            <Text size="xs" c="dimmed" hiddenFrom="sm">
              {t('overview.grid.scrollHint')}
            </Text>
          )}
          {/* Its own scrolling box, focusable so a keyboard can scroll it too. */}
          <div className="ts-ov-scroll" role="region" aria-labelledby="ov-grid" tabIndex={0}>
            <Table className="ts-ov-grid" withTableBorder withColumnBorders>
              {/* The section's title says it on screen; a wide table's caption would scroll out of sight on a phone. */}
              <caption className="ts-sr-only">{t('overview.grid.caption', { row, from: formatDate(data.from), to: formatDate(data.to) })}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('overview.grid.unit')}</Table.Th>
                  {data.grid.months.map((m) => (
                    <Table.Th key={m} scope="col">
                      {monthLabel(m)}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t('overview.grid.months')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.grid.rows.map((r) => (
                  <Table.Tr key={r.unitId}>
                    <Table.Th scope="row">
                      <Link to={r.href}>{r.unitName}</Link>
                    </Table.Th>
                    {r.months.map((m) => (
                      <Table.Td key={m.month} className={`ts-ov-${m.state}`}>
                        {m.state === 'future' ? (
                          mark(m)
                        ) : (
                          <FigureLink me={me} href={m.href} className="">
                            {mark(m)}
                          </FigureLink>
                        )}
                      </Table.Td>
                    ))}
                    <Table.Td>{counted(r.monthsHeld, r.monthsDue)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </>
      )}
    </Paper>
  );
}

function Ranking({ data }: { data: OverviewResponse }) {
  const { t, i18n } = useTranslation();
  const row = t(data.rowKind === 'cell' ? 'overview.grid.rowCell' : 'overview.grid.rowCommune');
  const line = formatPercent(data.laggardBelow, i18n.language);
  // The weakest first; a long list names the few furthest behind and counts the rest.
  const laggards = [...data.ranking].filter((r) => r.weak.length > 0).reverse();
  const named = laggards.slice(0, LAGGARDS_NAMED).map((r) => r.unitName);
  const weak = (r: RankingRow) => (r.weak.length === 0 ? t('overview.ranking.none') : r.weak.map((k) => `${t(`overview.ranking.indicator.${k}`)} ${formatPercent(r.shares[k], i18n.language)}`).join('; '));
  if (data.ranking.length < 2) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ov-ranking" data-testid="overview-ranking">
      <Title order={2} fz="h4" id="ov-ranking" mb="xs">
        {t('overview.ranking.title')}
      </Title>
      <Notice tone={laggards.length > 0 ? 'warning' : 'info'} className="ts-mb">
        {laggards.length === 0
          ? t('overview.ranking.noLaggards', { line })
          : laggards.length > named.length
            ? t('overview.ranking.laggardsMore', { names: named.join(', '), count: laggards.length - named.length })
            : t('overview.ranking.laggards', { names: named.join(', ') })}
      </Notice>
      <Text size="sm" c="dimmed" mb="xs">
        {t('overview.ranking.explain', { line })}
      </Text>
      <div className="ts-ov-scroll" role="region" aria-labelledby="ov-ranking" tabIndex={0}>
        <Table className="ts-ov-ranking">
          <caption>{t('overview.ranking.caption', { row })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('overview.ranking.rank')}</Table.Th>
              <Table.Th scope="col">{t('overview.ranking.unit')}</Table.Th>
              <Table.Th scope="col">{t('overview.ranking.score')}</Table.Th>
              <Table.Th scope="col">{t('overview.ranking.weak')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.ranking.map((r, i) => (
              <Table.Tr key={r.unitId} className={r.weak.length > 0 ? 'ts-ov-laggard' : undefined}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Th scope="row">
                  <Link to={r.href}>{r.unitName}</Link>
                </Table.Th>
                <Table.Td>{formatPercent(r.score, i18n.language)}</Table.Td>
                <Table.Td>{weak(r)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Paper>
  );
}
