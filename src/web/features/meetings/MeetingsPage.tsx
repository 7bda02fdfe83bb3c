import './messages.js';
import { Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useUnit } from '../../api/queries.js';
import { AreaHeader, unitGate } from '../../components/AreaParts.js';
import UnitYearSections from './UnitYearSections.js';

export default function MeetingsRoute() {
  const { id = '' } = useParams();
  return <MeetingsPage key={id} unitId={id} />;
}

/** "Sinh hoạt chi bộ" from the main menu: one unit's meetings on a page of their own. */
function MeetingsPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const unit = useUnit(unitId);
  useDocumentTitle(unit.data ? `${t('meetings.title')} · ${unit.data.name} · ${t('app.titleSuffix')}` : t('app.titleSuffix'));
  if (!unit.data) return unitGate(unit);
  return (
    <Stack gap="md" className="ts-page">
      <AreaHeader unit={unit.data} title={t('meetings.title')} intro={t('meetings.pageIntro', { unit: unit.data.name })} />
      {/* The same one period as the unit page, kept in the address. */}
      <UnitYearSections unit={unit.data} list report={false} />
    </Stack>
  );
}
