import './messages.js';
import { Button, Group, NativeSelect, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../api/types.js';
import { currentYear } from '../../lib/time.js';
import { useYearParam } from '../../lib/year.js';
import { useMeetingYears } from './attendance-reports/api.js';
import MeetingList from './MeetingList.js';
import UnitAttendanceReport from './attendance-reports/UnitAttendanceReport.js';

/**
 * A unit page's meetings and attendance figures over one period: the year in the address
 * (?year=…, this year in Vietnam by default), picked once for both. When that year has no
 * meetings, it says so and offers the latest year that has some.
 */
export default function UnitYearSections({ unit, list, report }: { unit: UnitDetail; list: boolean; report: boolean }) {
  const { t } = useTranslation();
  const [year, setYear] = useYearParam();
  const known = useMeetingYears(unit.id);
  const years = known.data ?? [];
  const offered = [...new Set([currentYear(), year, ...years])].sort((a, b) => b - a);
  const latest = years.length > 0 ? Math.max(...years) : null;

  return (
    <>
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Group gap="sm" align="flex-end" justify="space-between">
          <NativeSelect
            label={t('meetings.period.label')}
            value={String(year)}
            onChange={(e) => setYear(Number(e.currentTarget.value))}
            data={offered.map((y) => ({ value: String(y), label: t('meetings.period.option', { year: y }) }))}
            w={140}
          />
          {known.isSuccess && !years.includes(year) && (
            <Group gap="sm" align="center" wrap="wrap" data-testid="year-no-data" style={{ flex: '1 1 200px' }}>
              <Text size="sm">
                {t('meetings.period.noData', { year })}
                {latest !== null && ` ${t('meetings.period.latestHint', { year: latest })}`}
              </Text>
              {latest !== null && (
                <Button variant="light" size="compact-sm" onClick={() => setYear(latest)}>
                  {t('meetings.period.latest', { year: latest })}
                </Button>
              )}
            </Group>
          )}
        </Group>
      </Paper>
      {list && <MeetingList unit={unit} year={year} />}
      {report && <UnitAttendanceReport unit={unit} year={year} />}
    </>
  );
}
