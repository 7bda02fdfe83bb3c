import { useId } from 'react';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../components/Notice.js';
import { Tag } from '../../components/Badges.js';
import { Disclosure } from '../../components/Disclosure.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import type { Decision, EvidenceFigure, ReviewDetail, TriggerView } from './api.js';

/** A level's name from its code, as the rules name it. */
export function levelName(levels: readonly { code: string; name: string }[], code: string | null): string | null {
  if (code === null) return null;
  return levels.find((l) => l.code === code)?.name ?? code;
}

// Own colour pairs, each ≥ 7:1 text on its tint (as in components/Badges.tsx).
const STATUS: Record<'draft' | 'submitted', [string, string]> = { draft: ['#fff1d6', '#6e4300'], submitted: ['#e3f3e6', '#1b5e2b'] };

/** Đang viết / Đã nộp. */
export function ReviewStatusBadge({ status }: { status: 'draft' | 'submitted' }) {
  const { t } = useTranslation();
  const [bg, fg] = STATUS[status];
  return (
    <Tag bg={bg} fg={fg}>
      {t(`reviews.status.${status}`)}
    </Tag>
  );
}

/** Rules nobody has confirmed against the official text: a warning, nothing blocked. */
export function UnconfirmedNotice({ rules }: { rules: readonly string[] }) {
  const { t } = useTranslation();
  if (rules.length === 0) return null;
  return (
    <Notice tone="warning" title={t('reviews.form.unconfirmedTitle')}>
      <Disclosure label={t('reviews.form.unconfirmedShow')}>
        <Text size="sm">{t('reviews.form.unconfirmed', { rules: rules.join('; ') })}</Text>
      </Disclosure>
    </Notice>
  );
}

/** The year's figures by section: each one a link to the page listing what it counts, or the records themselves. */
export function EvidencePanel({ detail: d }: { detail: ReviewDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const e = d.evidence;
  const sections = [...new Set(e.figures.map((f) => f.section))];
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`} data-testid="review-evidence">
      <Title order={2} fz="h4" id={`${id}-h`}>
        {t(d.subjectKind === 'collective' ? 'reviews.form.evidenceCollective' : 'reviews.form.evidence')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('reviews.form.evidenceRange', { from: formatDate(e.from), to: formatDate(e.to) })} {d.status === 'submitted' && t('reviews.form.evidenceKept')}
      </Text>
      {sections.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reviews.form.evidenceNone')}
        </Text>
      ) : (
        <Stack gap="sm">
          {sections.map((section) => (
            <div key={section}>
              <Title order={3} fz="h6">
                {t(`reviews.section.${section}`)}
              </Title>
              <ul className="ts-rv-figures">
                {e.figures
                  .filter((f) => f.section === section)
                  .map((f) => (
                    <li key={f.key}>
                      <Figure figure={f} levels={d.levels} />
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/**
 * One figure; a record's tag is how it counts, or — for a cell's members — the level it names. A
 * rule's code (a discipline form, a kind of supervision) is not shown: the record's label names it.
 */
function Figure({ figure: f, levels }: { figure: EvidenceFigure; levels: ReviewDetail['levels'] }) {
  const { t, i18n } = useTranslation();
  const value = f.of === null ? formatNumber(f.value, i18n.language, 0) : t('reviews.form.figureOf', { value: formatNumber(f.value, i18n.language, 0), of: formatNumber(f.of, i18n.language, 0) });
  const label = `${t(`reviews.figure.${f.section}.${f.key}`, { defaultValue: f.key.replace(/_/g, ' ') })}: ${value}`;
  if (f.href) {
    return (
      <Anchor component={Link} to={f.href} size="sm">
        {label}
      </Anchor>
    );
  }
  if (f.items.length === 0) return <Text size="sm">{label}</Text>;
  return (
    <div>
      <Text size="sm">{label}</Text>
      <Disclosure label={t('reviews.form.showItems', { count: f.items.length })}>
        <ul className="ts-rv-items">
          {f.items.map((i) => (
            <li key={i.id}>
              <Anchor component={Link} to={i.href} size="sm">
                {i.label}
              </Anchor>
              {(i.date || i.tag) && (
                <Text size="xs" c="dimmed" component="span">
                  {' '}
                  {[i.date && formatDate(i.date), i.tag && (levels.find((l) => l.code === i.tag)?.name ?? t(`reviews.tag.${i.tag}`, { defaultValue: '' }))].filter(Boolean).join(' · ')}
                </Text>
              )}
            </li>
          ))}
        </ul>
      </Disclosure>
    </div>
  );
}

/** The triggers the records detected or the cell or committee marked: each caps the level, named by its rule and source. */
export function TriggerCaps({ triggers, levels }: { triggers: readonly TriggerView[]; levels: readonly { code: string; name: string }[] }) {
  const { t } = useTranslation();
  const detected = triggers.filter((x) => x.detected || x.mark !== null);
  if (detected.length === 0) return null;
  return (
    <Notice tone="warning" title={t('reviews.form.triggers')}>
      <ul className="ts-rv-items" data-testid="review-triggers">
        {detected.map((x) => (
          <li key={x.code}>
            <Text size="sm" fw={600}>
              {t('reviews.form.triggerCap', { name: x.name, level: levelName(levels, x.capsAt) })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('reviews.form.triggerSource', { source: x.source })}
            </Text>
            {x.evidence.map((i) => (
              <Anchor key={i.id} component={Link} to={i.href} size="sm" display="block">
                {i.label}
              </Anchor>
            ))}
            {x.mark && (
              <>
                <Text size="sm" className="ts-se-prewrap">
                  {t('reviews.marks.basis', { note: x.mark.note })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('reviews.marks.by', { name: x.mark.markedByName ?? t('reviews.marks.someone'), at: formatDateTime(x.mark.markedAt) })}
                </Text>
              </>
            )}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/** The decided level, prominent, then the cell's side and the earlier versions with their reasons. */
export function DecisionPanel({ detail: d }: { detail: ReviewDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const [current, ...earlier] = d.decisions;
  const levels = d.levels;
  if (!current && !d.proposedLevel && !d.vote && !d.cellComments) return null;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`} className="ts-rv-decision" data-testid="review-decision">
      <Title order={2} fz="h4" id={`${id}-h`}>
        {t('reviews.decision.title')}
      </Title>
      {current && <DecisionLine decision={current} main />}
      {d.proposedLevel && <Text size="sm">{t('reviews.decision.cell', { level: levelName(levels, d.proposedLevel) })}</Text>}
      {d.vote?.level && <Text size="sm">{t('reviews.decision.vote', { level: levelName(levels, d.vote.level) })}</Text>}
      {d.cellComments && (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t('reviews.decision.comments')}
          </Text>
          <Text size="sm" className="ts-se-prewrap">
            {d.cellComments}
          </Text>
        </>
      )}
      {earlier.length > 0 && (
        <>
          <Title order={3} fz="h6" mt="sm">
            {t('reviews.decision.history')}
          </Title>
          <ul className="ts-rv-items">
            {earlier.map((x) => (
              <li key={x.version}>
                <DecisionLine decision={x} />
              </li>
            ))}
          </ul>
        </>
      )}
    </Paper>
  );
}

function DecisionLine({ decision: x, main = false }: { decision: Decision; main?: boolean }) {
  const { t } = useTranslation();
  return (
    <div>
      {main ? (
        <Text fz="h3" fw={700} className="ts-rv-level" data-testid="review-decided-level">
          {t('reviews.decision.published', { level: x.levelName })}
        </Text>
      ) : (
        <Text size="sm" fw={600}>
          {t('reviews.decision.version', { version: x.version, level: x.levelName })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('reviews.decision.by', { at: formatDateTime(x.decidedAt), by: x.decidedByName ? t('reviews.decision.byName', { name: x.decidedByName }) : '' })}
      </Text>
      {x.reason && <Text size="sm">{t('reviews.decision.reason', { reason: x.reason })}</Text>}
      {x.overQuotaReason && <Text size="sm">{t('reviews.decision.overQuota', { reason: x.overQuotaReason })}</Text>}
    </div>
  );
}
