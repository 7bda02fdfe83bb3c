import './messages.js';
import { useId } from 'react';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.js';
import type { CommitmentCounts } from '../../../features/commitments/schemas.js';

/** Result colours (≥ 3:1 on white and apart from each other; the legend names them too). */
const SEGMENTS = [
  { key: 'exceeded', colour: '#10534b' },
  { key: 'achieved', colour: '#4f9d5d' },
  { key: 'notAchieved', colour: '#a11a1a' },
  { key: 'pending', colour: '#868e96' },
] as const;

/**
 * The year at a glance: how many lines, how many confirmed and evaluated, and the results as one
 * stacked bar (exceeded, achieved, not achieved, not yet evaluated) whose legend carries the numbers.
 */
export function SummaryStrip({ counts: figures, year }: { counts: CommitmentCounts; year: number }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const counts = { ...figures, pending: figures.total - figures.evaluated };
  const num = (n: number) => formatNumber(n, lng);
  const label = t('commitments.summary.chartLabel', {
    exceeded: num(counts.exceeded),
    achieved: num(counts.achieved),
    notAchieved: num(counts.notAchieved),
    pending: num(counts.pending),
    total: num(counts.total),
  });

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={`${id}-h`}>
      <Text id={`${id}-h`} fw={700} mb="xs">
        {t('commitments.summary.title', { year })}
      </Text>
      <div className="ts-cm-summary">
        <dl className="ts-cm-figures">
          <div className="ts-cm-figure">
            <dt>{t('commitments.summary.total')}</dt>
            <dd>{num(counts.total)}</dd>
          </div>
          <div className="ts-cm-figure">
            <dt>{t('commitments.summary.confirmed')}</dt>
            <dd>
              {num(counts.confirmed)}
              <span className="ts-cm-figure-of">/{num(counts.total)}</span>
            </dd>
          </div>
          <div className="ts-cm-figure">
            <dt>{t('commitments.summary.evaluated')}</dt>
            <dd>
              {num(counts.evaluated)}
              <span className="ts-cm-figure-of">/{num(counts.total)}</span>
            </dd>
          </div>
        </dl>
        <div>
          <Text size="sm" fw={600} mb={6} aria-hidden="true">
            {t('commitments.summary.chart')}
          </Text>
          <div className="ts-cm-stack" role="img" aria-label={label}>
            {SEGMENTS.filter((s) => counts[s.key] > 0).map((s) => (
              <span key={s.key} style={{ width: `${(counts[s.key] / Math.max(1, counts.total)) * 100}%`, background: s.colour }} />
            ))}
          </div>
          <ul className="ts-cm-legend" aria-label={t('commitments.summary.chart')}>
            {SEGMENTS.map((s) => (
              <li key={s.key}>
                <i className="ts-cm-swatch" style={{ background: s.colour }} aria-hidden="true" />
                {t(`commitments.summary.${s.key}`)} <strong>{num(counts[s.key])}</strong>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </Paper>
  );
}
