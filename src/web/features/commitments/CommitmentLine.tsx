import './messages.js';
import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format.js';
import { todayLocal } from '../../lib/time.js';
import type { CommitmentSummary } from './api.js';
import { ConfirmedBadge, KindBadge, ResultBadge } from './Badges.js';
import { ProgressBar } from '../../components/ProgressBar.js';

export type LineAction = 'edit' | 'progress' | 'evaluate' | 'delete';
/** The order the buttons stand in: the everyday ones first. */
const LINE_ACTIONS: LineAction[] = ['progress', 'evaluate', 'edit', 'delete'];

/** A value with its unit: "12 hộ", "2,5 ha". */
export function withUnit(value: number, unit: string | null, lng: string): string {
  const n = formatNumber(value, lng, 2);
  return unit ? `${n} ${unit}` : n;
}

/**
 * One line of a pledge: what was promised, how far it got (target, actual and percent for a
 * measurable one; evidence for a qualitative one), whether it is confirmed, the year-end result,
 * and the buttons for what the caller may do with it.
 */
export function CommitmentLine({ c, onAction }: { c: CommitmentSummary; onAction: (action: LineAction) => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const actions = LINE_ACTIONS.filter((a) => c.actions.includes(a));
  const measurable = c.kind === 'measurable';
  const percent = c.result && c.resultPercent !== null ? c.resultPercent : c.percent;
  const tone = c.result === 'not_achieved' ? 'late' : percent !== null && percent >= 100 ? 'done' : undefined;

  return (
    <li className="ts-cm-line" data-result={c.result ?? undefined} data-confirmed={c.confirmedAt ? '' : undefined}>
      <div className="ts-cm-line-title">{c.title}</div>
      <div className="ts-cm-badges">
        <KindBadge kind={c.kind} />
        <ConfirmedBadge confirmed={Boolean(c.confirmedAt)} />
        {c.result && <ResultBadge result={c.result} />}
      </div>

      {measurable && c.targetValue !== null ? (
        <>
          <div className="ts-cm-line-text">
            {t('commitments.line.target')}: <strong>{withUnit(c.targetValue, c.measureUnit, lng)}</strong>
            {/* "Less is better" turns the reading of the figures around: say so. */}
            {c.direction === 'less' && (
              <>
                {' '}
                <span className="ts-cm-direction">({t(`commitments.directionShort.${c.direction}`)})</span>
              </>
            )}
            {' · '}
            {t('commitments.line.actual')}:{' '}
            {c.actualValue !== null ? (
              <strong>{withUnit(c.actualValue, c.measureUnit, lng)}</strong>
            ) : (
              <span className="ts-muted">{t('commitments.line.notYet')}</span>
            )}
          </div>
          {percent !== null && (
            <div className="ts-cm-bar">
              <ProgressBar value={percent} label={t('commitments.line.percentLabel', { title: c.title })} tone={tone} />
            </div>
          )}
        </>
      ) : (
        <div className="ts-cm-line-text">
          {t('commitments.line.evidence')}:{' '}
          {c.evidence ? <span className="ts-cm-prewrap">{c.evidence}</span> : <span className="ts-muted">{t('commitments.line.noEvidence')}</span>}
        </div>
      )}

      {(c.evaluationNote || c.earlyEvaluationReason) && (
        <div className="ts-cm-line-text">
          {c.evaluationNote && (
            <div>
              {t('commitments.line.evaluation')}: <span className="ts-cm-prewrap">{c.evaluationNote}</span>
            </div>
          )}
          {c.earlyEvaluationReason && (
            <div className="ts-muted">
              {t('commitments.line.earlyReason')}: {c.earlyEvaluationReason}
            </div>
          )}
        </div>
      )}

      {(c.confirmedAt || c.evaluatedAt) && (
        <Text size="xs" c="dimmed">
          {c.confirmedAt &&
            (c.confirmedByName
              ? t('commitments.line.confirmedBy', { name: c.confirmedByName, date: formatDate(todayLocal(new Date(c.confirmedAt))) })
              : t('commitments.line.confirmedOn', { date: formatDate(todayLocal(new Date(c.confirmedAt))) }))}
          {c.confirmedAt && c.evaluatedAt && ' · '}
          {c.evaluatedAt && t('commitments.line.evaluatedOn', { date: formatDate(todayLocal(new Date(c.evaluatedAt))) })}
        </Text>
      )}

      {actions.length > 0 && (
        <div className="ts-cm-line-actions">
          {actions.map((a) => (
            <Button
              key={a}
              size="compact-sm"
              variant={a === 'delete' ? 'subtle' : a === 'progress' ? 'light' : 'default'}
              color={a === 'delete' ? 'partyRed' : undefined}
              aria-label={t('commitments.line.actionLabel', { action: t(`commitments.line.actions.${a}`), title: c.title })}
              onClick={() => onAction(a)}
            >
              {t(`commitments.line.actions.${a}`)}
            </Button>
          ))}
        </div>
      )}
    </li>
  );
}
