import './messages.js';
import { Anchor, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useUnit } from '../../api/queries.js';
import { AreaHeader, unitGate } from '../../components/AreaParts.js';
import { Notice } from '../../components/Notice.js';
import { formatDate } from '../../lib/format.js';
import UnitYearSections from './UnitYearSections.js';
import MeetingList from './MeetingList.js';
import type { MeetingRange } from './api.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Dates and a kind in the address (?from=…&to=…&kind=regular: the overview's links), else none. */
function useMeetingFilter(): MeetingRange | undefined {
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const kind = params.get('kind');
  if (!ISO.test(from) || !ISO.test(to)) return undefined;
  return { from, to, kind: kind === 'regular' || kind === 'thematic' ? kind : undefined, held: params.get('held') === 'true' };
}

export default function MeetingsRoute() {
  const { id = '' } = useParams();
  return <MeetingsPage key={id} unitId={id} />;
}

/** "Sinh hoạt chi bộ" from the main menu: one unit's meetings on a page of their own. */
function MeetingsPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const unit = useUnit(unitId);
  const filter = useMeetingFilter();
  useDocumentTitle(unit.data ? `${t('meetings.title')} · ${unit.data.name} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));
  if (!unit.data) return unitGate(unit);
  return (
    <Stack gap="md" className="ts-page">
      <AreaHeader unit={unit.data} title={t('meetings.title')} intro={t('meetings.pageIntro', { unit: unit.data.name })} />
      {filter ? (
        <>
          <Notice>
            {t(filter.held ? 'meetings.filter.showingHeld' : 'meetings.filter.showing', { kind: t(`meetings.filter.${filter.kind ?? 'all'}`), from: formatDate(filter.from), to: formatDate(filter.to) })}{' '}
            <Anchor component={Link} to={`/units/${unitId}/meetings?year=${filter.to.slice(0, 4)}`}>
              {t('meetings.filter.wholeYear', { year: filter.to.slice(0, 4) })}
            </Anchor>
          </Notice>
          <MeetingList unit={unit.data} year={Number(filter.to.slice(0, 4))} filter={filter} />
        </>
      ) : (
        // The same one period as the unit page, kept in the address.
        <UnitYearSections unit={unit.data} list report={false} />
      )}
    </Stack>
  );
}
