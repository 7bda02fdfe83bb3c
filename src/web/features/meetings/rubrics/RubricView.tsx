import './messages.js';
import './rubrics.css';
import '@mantine/core/styles/Table.layer.css';
import { useCallback } from 'react';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../../components/Badges.js';
import { DetailList, type Detail } from '../../../components/DetailList.js';
import { Notice } from '../../../components/Notice.js';
import { formatDateTime, formatNumber } from '../../../lib/format.js';
import { usePhone } from '../../../lib/usePhone.js';
import { DEFAULT_THRESHOLD, levelsHighFirst, toPercent, totalPoints, type RubricContent } from './draft.js';

type Criterion = RubricContent['criteria'][number];

/** Numbers the way the reader writes them: "2,5" in Vietnamese, "2.5" in English. */
export function useFormatNumber(): (n: number) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useCallback((n: number) => formatNumber(n, lang, 2), [lang]);
}

/**
 * A form nobody has checked against the province's official text (the demo's starting sample,
 * reference/meeting-rubric-sample.json, is one): the page says so, so nobody scores real
 * meetings on it by mistake.
 */
export function isSample(r: Pick<RubricContent, 'verified'>): boolean {
  return !r.verified;
}

/** A measured criterion's badge and what its suggested points are computed from. */
export function MeasureNote({ criterion }: { criterion: Criterion }) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  if (!criterion.measure) return null;
  const explanation =
    criterion.measure === 'attendance_rate'
      ? t('rubrics.measures.attendance_rate', { threshold: fmt(toPercent(criterion.threshold ?? DEFAULT_THRESHOLD)) })
      : t(`rubrics.measures.${criterion.measure}`);
  return (
    <span className="ts-rubric-measure">
      <Tag bg="#e3edfb" fg="#17467d">
        {t('rubrics.measured')}
      </Tag>
      <span>{explanation}</span>
    </span>
  );
}

/**
 * One form as the committee reads it: name, provenance (source, date loaded), its criteria with
 * points and what is computed from the meeting's data, the total and the level thresholds. Also
 * shows a draft in the editor's preview (no date yet).
 */
export function RubricView({
  rubric,
  loadedAt,
  titleOrder = 3,
}: {
  rubric: RubricContent;
  /** When it was loaded (absent for a draft). */
  loadedAt?: string;
  titleOrder?: 3 | 4;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const fmt = useFormatNumber();
  const total = totalPoints(rubric.criteria);
  const details: Detail[] = [{ label: t('rubrics.source'), value: rubric.source }];
  if (loadedAt) details.push({ label: t('rubrics.loadedAt'), value: formatDateTime(loadedAt) });
  details.push({
    label: t('rubrics.size'),
    value: t('rubrics.sizeValue', { count: rubric.criteria.length, points: fmt(total) }),
  });
  const measured = rubric.criteria.some((c) => c.measure);

  return (
    <Stack gap="md">
      <Title order={titleOrder} fz={{ base: 'md', sm: 'lg' }} lh={1.35}>
        {rubric.name}
      </Title>
      {isSample(rubric) && (
        <Notice tone="warning" title={t('rubrics.sampleTitle')}>
          <p className="ts-notice-text">{t('rubrics.sample')}</p>
        </Notice>
      )}
      <DetailList items={details} />
      {phone ? <CriteriaCards rubric={rubric} total={total} /> : <CriteriaTable rubric={rubric} total={total} />}
      {measured && (
        <Text size="sm" c="dimmed">
          {t('rubrics.measuredNote')}
        </Text>
      )}
      <Levels rubric={rubric} />
    </Stack>
  );
}

function CriteriaTable({ rubric, total }: { rubric: RubricContent; total: number }) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table className="ts-rubric-table" verticalSpacing="xs" striped>
        <caption className="ts-sr-only">{t('rubrics.criteriaCaption', { name: rubric.name })}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={110}>
              {t('rubrics.code')}
            </Table.Th>
            <Table.Th scope="col">{t('rubrics.criterion')}</Table.Th>
            <Table.Th scope="col" className="ts-rubric-num" w={70}>
              {t('rubrics.points')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rubric.criteria.map((c) => (
            <Table.Tr key={c.code}>
              <Table.Td className="ts-rubric-code">{c.code}</Table.Td>
              <Table.Td>
                <div>{c.text}</div>
                <MeasureNote criterion={c} />
              </Table.Td>
              <Table.Td className="ts-rubric-num">{fmt(c.points)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={2}>
              {t('rubrics.total')}
            </Table.Th>
            <Table.Td className="ts-rubric-num">{fmt(total)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </div>
  );
}

/** Phones: one card per criterion (a three-column table is too tight at 360 px). */
function CriteriaCards({ rubric, total }: { rubric: RubricContent; total: number }) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  return (
    <div>
      <ol className="ts-rubric-cards" aria-label={t('rubrics.criteriaCaption', { name: rubric.name })}>
        {rubric.criteria.map((c) => (
          <li key={c.code} className="ts-rubric-card">
            <div className="ts-rubric-card-head">
              <span className="ts-rubric-code">{c.code}</span>
              <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
                {t('rubrics.pointsN', { count: c.points, points: fmt(c.points) })}
              </Text>
            </div>
            <Text size="sm">{c.text}</Text>
            <MeasureNote criterion={c} />
          </li>
        ))}
      </ol>
      <div className="ts-rubric-card-total">
        <span>{t('rubrics.total')}</span>
        <span>{t('rubrics.pointsN', { count: total, points: fmt(total) })}</span>
      </div>
    </div>
  );
}

/** Levels, highest first, each with the range of totals it covers. */
function Levels({ rubric }: { rubric: RubricContent }) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const levels = levelsHighFirst(rubric.levels);
  return (
    <div>
      <Text fw={700} mb={4}>
        {t('rubrics.levels')}
      </Text>
      <Table className="ts-rubric-table" verticalSpacing={6} maw={520}>
        <caption className="ts-sr-only">{t('rubrics.levelsCaption', { name: rubric.name })}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rubrics.level')}</Table.Th>
            <Table.Th scope="col">{t('rubrics.levelPoints')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {levels.map((l, i) => {
            const above = levels[i - 1];
            return (
              <Table.Tr key={`${l.name}-${l.min}`}>
                <Table.Th scope="row" fw={600}>
                  {l.name}
                </Table.Th>
                <Table.Td>
                  {above
                    ? t('rubrics.levelBetween', { min: fmt(l.min), next: fmt(above.min) })
                    : t('rubrics.levelFrom', { min: fmt(l.min) })}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
