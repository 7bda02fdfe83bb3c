import './messages.js';
import '../../styles/self-examination.css';
import './rating-rules.css';
import { useState, type ReactNode } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Notice } from '../../components/Notice.js';
import { ReferenceHead, ReferencePageSkeleton, useVersionParam } from '../../components/ReferenceData.js';
import { formatDateTime } from '../../lib/format.js';
import { RuleActions, RuleConfirmModal, RuleHead, RuleProvenance, RuleSection as Section, RuleVersions } from '../rule-sets/RuleParts.js';
import { ratingRuleItemPath, useRatingRules, useRatingRulesChanged, useRatingRuleVersions, type LevelView, type RatingRulesResponse, type RatingRuleView, type TriggerView } from './api.js';
import { asPercent } from './numbers.js';
import { ConditionsTable, FrameworkModal, LevelModal, QuotaModal, TriggerModal, VoteModal } from './RatingRuleDialogs.js';

type Dialog =
  | null
  | { kind: 'level'; rule: LevelView }
  | { kind: 'framework' }
  | { kind: 'quota' }
  | { kind: 'vote' }
  | { kind: 'trigger'; rule: TriggerView }
  | { kind: 'confirm'; rule: RatingRuleView };

/**
 * Quy định đánh giá, xếp loại: the rules of QĐ 366 as versioned reference data with their
 * provenance — the points framework, the levels with their conditions for individuals and
 * collectives, what caps a level, the forms, the quota, the vote and the review's steps. The
 * party committee confirms a rule against the official text or changes what a province may (a
 * new version, with its reason). Earlier versions stay readable: periods opened under them keep them.
 */
export default function RatingRulesPage() {
  const { t } = useTranslation();
  const { versionId, showVersion } = useVersionParam();
  const rules = useRatingRules(versionId);
  useDocumentTitle(`${t('ratingrules.title')} · ${t('app.titleSuffix')}`);
  if (rules.isPending) return <ReferencePageSkeleton />;
  if (rules.isError) return <PageLoadError error={rules.error} onRetry={() => void rules.refetch()} />;
  return <RulesView rules={rules.data} onVersion={showVersion} stale={rules.isPlaceholderData} />;
}

function RulesView({ rules: r, onVersion, stale }: { rules: RatingRulesResponse; onVersion: (id: string | null) => void; stale: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const changed = useRatingRulesChanged();
  const may = (a: RatingRulesResponse['actions'][number]) => r.current && r.actions.includes(a);
  const levelName = new Map(r.levels.map((l) => [l.code, l.name]));
  const done = (m: string) => {
    setDialog(null);
    setMessage(m);
    onVersion(null);
  };
  /** A rule with its badge, what it says, where it comes from and what the viewer may do to it. */
  const rule = (item: RatingRuleView, body: ReactNode, onEdit?: () => void) => (
    <li key={item.id} data-code={item.code}>
      <RuleHead rule={item} />
      {body}
      <RuleProvenance rule={item} ns="ratingrules" />
      <RuleActions rule={item} ns="ratingrules" may={may} onEdit={onEdit} onConfirm={() => setDialog({ kind: 'confirm', rule: item })} />
    </li>
  );
  const subjects = (list: readonly ('individual' | 'collective')[]) => list.map((s) => t(`ratingrules.${s}`)).join(', ');
  return (
    <Stack gap="md" className="ts-page" maw={960}>
      <ReferenceHead
        title={t('ratingrules.title')}
        intro={t('ratingrules.intro', { unit: r.unitName })}
        version={`${t('ratingrules.version', { version: r.version, at: formatDateTime(r.createdAt) })}${r.note ? ` · ${r.note}` : ''}`}
        source={r.source}
        current={r.current}
        oldVersion={t('ratingrules.oldVersion', { version: r.version })}
        toCurrent={t('ratingrules.toCurrent')}
        onCurrent={() => onVersion(null)}
      />
      {message && (
        <Notice tone="success" onClose={() => setMessage(null)}>
          {message}
        </Notice>
      )}
      {r.unconfirmed > 0 && <Notice tone="info">{t('ratingrules.unconfirmedNotice', { count: r.unconfirmed })}</Notice>}
      <div className="ts-rp-body" data-stale={stale || undefined}>
        <Stack gap="md">
          <Section title={t('ratingrules.levels')}>
            <ol className="ts-se-ref-items">
              {r.levels.map((l) =>
                rule(
                  l,
                  <>
                    <Text size="sm" fw={600}>
                      {t('ratingrules.fromScore', { score: l.minScore })}
                    </Text>
                    {l.conditions.length > 0 && (
                      <ul className="ts-rr-list">
                        {l.conditions.map((c) => (
                          <li key={c}>{c}</li>
                        ))}
                      </ul>
                    )}
                    <ConditionsTable level={l} />
                  </>,
                  () => setDialog({ kind: 'level', rule: l }),
                ),
              )}
            </ol>
          </Section>

          <Section title={t('ratingrules.framework')}>
            <ol className="ts-se-ref-items">
              {rule(
                r.framework,
                <>
                  <Text size="sm" fw={600}>
                    {t('ratingrules.frameworkTotal', { max: r.framework.scoreMax })}
                  </Text>
                  {r.framework.groups.map((g) => (
                    <div key={g.code} className="ts-rr-group" data-group={g.code}>
                      <Text size="sm" fw={600}>
                        {g.name} — {t('ratingrules.groupMax', { max: g.max })}
                      </Text>
                      <ul className="ts-rr-list">
                        {g.criteria.map((c) => (
                          <li key={c.code}>
                            {c.name} — {c.max === null ? t('ratingrules.criterionInGroup') : t('ratingrules.criterionMax', { max: c.max })}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                  <Text size="xs" c="dimmed">
                    {r.framework.criterionNote}
                  </Text>
                </>,
                () => setDialog({ kind: 'framework' }),
              )}
            </ol>
          </Section>

          <Section title={t('ratingrules.triggers')}>
            <ol className="ts-se-ref-items">
              {r.triggers.map((tr) =>
                rule(
                  tr,
                  <>
                    <Text size="sm" fw={600}>
                      {t('ratingrules.capsAt', { level: levelName.get(tr.capsAt) ?? tr.capsAt })}
                    </Text>
                    <Text size="sm">
                      {t('ratingrules.appliesTo', { subjects: subjects(tr.appliesTo) })} ·{' '}
                      {t(tr.detect === 'discipline' ? 'ratingrules.detectDiscipline' : tr.detect === 'leadership_discipline' ? 'ratingrules.detectLeadership' : 'ratingrules.detectManual')}
                    </Text>
                  </>,
                  () => setDialog({ kind: 'trigger', rule: tr }),
                ),
              )}
            </ol>
          </Section>

          <Section title={t('ratingrules.quota')}>
            <ol className="ts-se-ref-items">
              {rule(
                r.quota,
                <>
                  <Text size="sm" fw={600}>
                    {t('ratingrules.quotaPercent', { percent: r.quota.percentOfGood })}
                  </Text>
                  <Text size="sm">{r.quota.rule}</Text>
                  <Text size="sm">{t('ratingrules.quotaScope', { scope: r.quota.scope })}</Text>
                  <Text size="sm">{t('ratingrules.quotaOverride', { override: r.quota.override })}</Text>
                </>,
                () => setDialog({ kind: 'quota' }),
              )}
            </ol>
          </Section>

          <Section title={t('ratingrules.vote')}>
            <ol className="ts-se-ref-items">
              {rule(
                r.vote,
                <>
                  <Text size="sm" fw={600}>
                    {t('ratingrules.voteMajority', { percent: asPercent(r.vote.majority), denominator: r.vote.text })}
                  </Text>
                  <Text size="sm">{t(r.vote.cumulative ? 'ratingrules.voteCumulative' : 'ratingrules.voteNotCumulative')}</Text>
                  <Text size="sm">{r.vote.rule}</Text>
                </>,
                () => setDialog({ kind: 'vote' }),
              )}
            </ol>
          </Section>

          <Section title={t('ratingrules.forms')}>
            <ol className="ts-se-ref-items">
              {r.forms.map((f) =>
                rule(
                  { ...f, name: `${f.code} · ${f.name}` },
                  <Text size="sm">
                    {t('ratingrules.formFor', { for: f.for })} · {t(`ratingrules.${f.subject}`)}
                  </Text>,
                ),
              )}
            </ol>
            <Title order={3} fz="h5" mt="md" mb={4}>
              {t('ratingrules.sections')}
            </Title>
            <ol className="ts-se-ref-items">{r.sections.map((s) => rule(s, null))}</ol>
          </Section>

          <Section title={t('ratingrules.reviewSteps')}>
            <ol className="ts-se-ref-items ts-rr-steps">{r.reviewSteps.map((s) => rule(s, null))}</ol>
          </Section>

          <RuleVersions ns="ratingrules" versions={useRatingRuleVersions(r.unitId)} shown={r.versionId} onVersion={onVersion} />
        </Stack>
      </div>
      {dialog?.kind === 'level' && <LevelModal level={dialog.rule} scoreMax={r.framework.scoreMax} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'framework' && <FrameworkModal framework={r.framework} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'quota' && <QuotaModal quota={r.quota} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'vote' && <VoteModal vote={r.vote} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'trigger' && <TriggerModal trigger={dialog.rule} levels={r.levels} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'confirm' && <RuleConfirmModal ns="ratingrules" rule={dialog.rule} path={ratingRuleItemPath(dialog.rule.id, '/confirm')} onConfirmed={changed} onClose={() => setDialog(null)} onDone={done} />}
    </Stack>
  );
}
