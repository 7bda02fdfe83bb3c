import './messages.js';
import { useId } from 'react';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../../api/types.js';
import { useUnitAttendanceStats } from './api.js';
import { CellMembers } from './CellMembers.js';
import { CellRanking } from './CellRanking.js';
import { Figures } from './Figures.js';
import { MonthChart } from './MonthChart.js';
import { ReportBody } from './ReportBody.js';
import { rangeOf, usePeriodLabel } from './period.js';

/**
 * "Chuyên cần và đúng giờ" on a unit's page (cells and the units above them) over the page's
 * year: the headline figures, month by month, and then the cell's members or the ranking of cells.
 */
export default function UnitAttendanceReport({ unit, year }: { unit: UnitDetail; year: number }) {
  const { t } = useTranslation();
  const id = useId();
  const period = { kind: 'year' as const, year };
  const stats = useUnitAttendanceStats(unit.id, rangeOf(period));
  const periodLabel = usePeriodLabel(period);

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`} className="ts-rp">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <div>
            <Title order={2} fz="h4" id={`${id}-h`}>
              {t('reports.unitTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('reports.unitIntro', { unit: unit.name })}
            </Text>
          </div>
        </Group>

        <ReportBody ready stats={stats} periodLabel={periodLabel} chartHeight={220}>
          {(data) => (
            <>
              {data.meetings === 0 && data.total.expected === 0 ? (
                <Text c="dimmed">{t('reports.empty')}</Text>
              ) : (
                <Stack gap="lg">
                  <Figures total={data.total} meetings={data.meetings} />
                  <section aria-labelledby={`${id}-months`} className="ts-rp-block">
                    <Title order={3} fz="h5" id={`${id}-months`} mb="xs">
                      {t('reports.chart.monthsTitle')}
                    </Title>
                    <MonthChart
                      months={data.months}
                      title={t('reports.chart.monthsSvgTitle', { period: periodLabel })}
                      tableCaption={`${t('reports.chart.monthsTable')}, ${data.unitName}, ${periodLabel}`}
                    />
                  </section>
                  {unit.kind === 'cell' ? (
                    <CellMembers members={data.members} total={data.total} periodLabel={periodLabel} />
                  ) : (
                    <CellRanking cells={data.cells} total={data.total} unitName={data.unitName} periodLabel={periodLabel} />
                  )}
                </Stack>
              )}
            </>
          )}
        </ReportBody>
      </Stack>
    </Paper>
  );
}
