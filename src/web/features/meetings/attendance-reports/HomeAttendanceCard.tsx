import './messages.js';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeResponse } from '../../../api/types.js';
import { can, useAuthedMe } from '../../../app/me.js';
import { Skeleton } from '../../../components/Skeleton.js';
import { useMeetingYears, useMemberAttendanceStats, useUnitAttendanceStats } from './api.js';
import { formatNumber, formatPercent } from '../../../lib/format.js';
import { defaultYear, rangeOf } from './period.js';
import { shortCellName } from '../../../lib/units.js';

const CELL_ROLES = new Set(['cell_secretary', 'cell_committee']);
const COMMUNE_ROLES = new Set(['party_committee', 'inspection']);

/** The units whose figures the caller's home shows: cells they run, units they oversee. */
function reportUnits(me: MeResponse): { cells: { id: string; name: string }[]; above: { id: string; name: string }[] } {
  const cells = new Map<string, string>();
  const above = new Map<string, string>();
  if (can(me, 'attendance.report')) {
    for (const r of me.roles) {
      if (CELL_ROLES.has(r.role) && r.unitKind === 'cell') cells.set(r.unitId, r.unitName);
      else if (COMMUNE_ROLES.has(r.role) && r.unitKind !== 'cell' && r.unitKind !== 'mass_org') above.set(r.unitId, r.unitName);
    }
  }
  const list = (m: Map<string, string>) => [...m].map(([id, name]) => ({ id, name }));
  return { cells: list(cells), above: list(above) };
}

/** The year a home figure is about: this year if the unit met in it, else its newest year. */
function useYear(unitId: string): number | null {
  const years = useMeetingYears(unitId);
  if (years.isPending) return null;
  return defaultYear(years.data ?? []);
}

/**
 * "Sinh hoạt chi bộ" on the home page: the member's own punctuality, the figures of the cells
 * they run, the best and worst cells of the units they oversee. Loaded lazily, text only.
 */
export default function HomeAttendanceCard() {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const { cells, above } = reportUnits(me);
  if (!me.member && cells.length === 0 && above.length === 0) return null;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="home-attendance" maw={720}>
      <Title order={2} fz="h4" id="home-attendance" mb="sm">
        {t('reports.home.title')}
      </Title>
      <Stack gap="md" className="ts-rp-home">
        {me.member && <MyPunctuality memberId={me.member.id} unitId={me.member.unitId} />}
        {cells.map((c) => (
          <CellFigures key={c.id} unitId={c.id} unitName={c.name} />
        ))}
        {above.map((u) => (
          <TopBottomCells key={u.id} unitId={u.id} unitName={u.name} />
        ))}
      </Stack>
    </Paper>
  );
}

function Loading() {
  return (
    <Stack gap={6} aria-hidden="true">
      <Skeleton h={28} w={120} />
      <Skeleton h={14} w="70%" />
    </Stack>
  );
}

function MyPunctuality({ memberId, unitId }: { memberId: string; unitId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const year = useYear(unitId);
  const stats = useMemberAttendanceStats(memberId, year === null ? null : rangeOf({ kind: 'year', year }));
  if (year === null || stats.isPending) return <Loading />;
  if (stats.isError) return null;
  const total = stats.data.total;
  return (
    <div className="ts-rp-home-item">
      {total.expected === 0 ? (
        <Text size="sm">{t('reports.home.myNoData', { year })}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('reports.home.myPunctuality', { year })}
          </Text>
          <Text className="ts-rp-home-value">{formatPercent(total.punctualityRate, lng)}</Text>
          <Text size="sm">
            {t('reports.home.myDetail', {
              present: formatNumber(total.present, lng),
              expected: formatNumber(total.expected, lng),
              late: formatNumber(total.late, lng),
            })}
          </Text>
        </>
      )}
      <Anchor component={Link} to={`/members/${memberId}`} fw={600} size="sm">
        {t('reports.home.myLink')}
      </Anchor>
    </div>
  );
}

function CellFigures({ unitId, unitName }: { unitId: string; unitName: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const year = useYear(unitId);
  const stats = useUnitAttendanceStats(unitId, year === null ? null : rangeOf({ kind: 'year', year }));
  if (year === null || stats.isPending) return <Loading />;
  if (stats.isError) return null;
  const total = stats.data.total;
  return (
    <div className="ts-rp-home-item">
      <Text size="sm" fw={700}>
        {t('reports.home.cellHeading', { unit: unitName, year })}
      </Text>
      {total.expected === 0 ? (
        <Text size="sm">{t('reports.home.noData', { year })}</Text>
      ) : (
        <Text size="sm">
          {t('reports.home.cellDetail', {
            attendance: formatPercent(total.attendanceRate, lng),
            punctuality: formatPercent(total.punctualityRate, lng),
            late: formatNumber(total.late, lng),
          })}
        </Text>
      )}
      <Anchor component={Link} to={`/units/${unitId}`} fw={600} size="sm">
        {t('reports.home.cellLink')}
      </Anchor>
    </div>
  );
}

function TopBottomCells({ unitId, unitName }: { unitId: string; unitName: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const year = useYear(unitId);
  const stats = useUnitAttendanceStats(unitId, year === null ? null : rangeOf({ kind: 'year', year }));
  if (year === null || stats.isPending) return <Loading />;
  if (stats.isError) return null;
  const ranked = stats.data.cells.filter((c) => c.punctualityRate !== null);
  const n = Math.min(3, Math.floor(ranked.length / 2));
  const best = ranked.slice(0, Math.max(n, Math.min(ranked.length, 3)));
  const worst = n > 0 ? ranked.slice(-n).reverse() : [];
  const shown = new Set(best.map((c) => c.unitId));
  const item = (c: (typeof ranked)[number]) => (
    <li key={c.unitId}>
      <span className="ts-rp-home-rank">{ranked.indexOf(c) + 1}.</span>
      <Anchor component={Link} to={`/units/${c.unitId}`} size="sm" fw={600}>
        {shortCellName(c.unitName)}
      </Anchor>
      <span className="ts-rp-home-rate">{formatPercent(c.punctualityRate, lng)}</span>
    </li>
  );
  return (
    <div className="ts-rp-home-item">
      <Text size="sm" fw={700}>
        {t('reports.home.cellHeading', { unit: unitName, year })}
      </Text>
      {ranked.length === 0 ? (
        <Text size="sm">{t('reports.home.noData', { year })}</Text>
      ) : (
        <div className="ts-rp-home-lists">
          <div>
            <Text size="sm" c="dimmed" id={`best-${unitId}`}>
              {t('reports.home.best')}
            </Text>
            <ul className="ts-rp-home-list" aria-labelledby={`best-${unitId}`}>
              {best.map(item)}
            </ul>
          </div>
          {worst.some((c) => !shown.has(c.unitId)) && (
            <div>
              <Text size="sm" c="dimmed" id={`worst-${unitId}`}>
                {t('reports.home.worst')}
              </Text>
              <ul className="ts-rp-home-list" aria-labelledby={`worst-${unitId}`}>
                {worst.filter((c) => !shown.has(c.unitId)).map(item)}
              </ul>
            </div>
          )}
        </div>
      )}
      <Anchor component={Link} to={`/units/${unitId}`} fw={600} size="sm">
        {t('reports.home.unitLink', { unit: unitName })}
      </Anchor>
    </div>
  );
}
