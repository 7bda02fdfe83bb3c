import './messages.js';
import '../../styles/self-examination.css';
import './inspection-rules.css';
import { useState } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Notice } from '../../components/Notice.js';
import { ReferenceHead, ReferencePageSkeleton, useVersionParam } from '../../components/ReferenceData.js';
import { PlusIcon } from '../../components/icons.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { currentYear, weekday } from '../../lib/time.js';
import { ConfirmedTag, UnconfirmedTag } from '../checklist/Badges.js';
import { RuleActions, RuleConfirmModal, RuleHead, RuleProvenance as Provenance, RuleSection as Section, RuleVersions } from '../rule-sets/RuleParts.js';
import {
  ruleItemPath,
  useInspectionRules,
  useInspectionRulesChanged,
  useInspectionRuleVersions,
  type DisciplineFormView,
  type HolidayYearView,
  type InspectionKindRuleView,
  type InspectionRulesResponse,
  type RuleView,
} from './api.js';
import { dayRuns } from './days.js';
import { HolidaysModal, LimitsModal } from './RuleDialogs.js';

type Dialog =
  | null
  | { kind: 'limits'; rule: InspectionKindRuleView }
  | { kind: 'holidays'; rule: HolidayYearView }
  | { kind: 'addYear' }
  | { kind: 'confirm'; rule: RuleView };

/**
 * Quy định kiểm tra, giám sát: the rules of QĐ 296 as versioned reference data with their
 * provenance — kinds of work and their steps in working days, overall limits and extensions,
 * discipline forms, each year's days off. The party committee and its UBKT confirm a rule
 * against the official text, edit a kind's days or a year's days off (a new version, with its
 * reason), add a year. Earlier versions stay readable: cases opened under them keep them.
 */
export default function InspectionRulesPage() {
  const { t } = useTranslation();
  const { versionId, showVersion } = useVersionParam();
  const rules = useInspectionRules(versionId);
  useDocumentTitle(`${t('inspectionrules.title')} · ${t('app.titleSuffix')}`);
  if (rules.isPending) return <ReferencePageSkeleton />;
  if (rules.isError) return <PageLoadError error={rules.error} onRetry={() => void rules.refetch()} />;
  return <RulesView rules={rules.data} onVersion={showVersion} stale={rules.isPlaceholderData} />;
}

function RulesView({ rules: r, onVersion, stale }: { rules: InspectionRulesResponse; onVersion: (id: string | null) => void; stale: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const changed = useInspectionRulesChanged();
  const may = (a: InspectionRulesResponse['actions'][number]) => r.current && r.actions.includes(a);
  const stepName = new Map(r.steps.map((s) => [s.code, s.name]));
  const done = (m: string) => {
    setDialog(null);
    setMessage(m);
    onVersion(null);
  };
  /** Edit (when given) and confirm buttons of one rule, each naming it for screen readers. */
  const actions = (rule: RuleView, onEdit?: () => void) => <RuleActions rule={rule} ns="inspectionrules" may={may} onEdit={onEdit} onConfirm={() => setDialog({ kind: 'confirm', rule })} />;
  return (
    <Stack gap="md" className="ts-page" maw={960}>
      <ReferenceHead
        title={t('inspectionrules.title')}
        intro={t('inspectionrules.intro', { unit: r.unitName })}
        version={`${t('inspectionrules.version', { version: r.version, at: formatDateTime(r.createdAt) })}${r.note ? ` · ${r.note}` : ''}`}
        source={r.source}
        current={r.current}
        oldVersion={t('inspectionrules.oldVersion', { version: r.version })}
        toCurrent={t('inspectionrules.toCurrent')}
        onCurrent={() => onVersion(null)}
      />
      {message && (
        <Notice tone="success" onClose={() => setMessage(null)}>
          {message}
        </Notice>
      )}
      {r.unconfirmed > 0 && <Notice tone="info">{t('inspectionrules.unconfirmedNotice', { count: r.unconfirmed })}</Notice>}
      <div className="ts-rp-body" data-stale={stale || undefined}>
        <Stack gap="md">
          <Section title={t('inspectionrules.kinds')}>
            <ol className="ts-se-ref-items">
              {r.kinds.map((k) => (
                <li key={k.id} data-code={k.code}>
                  <RuleHead rule={k} />
                  <Text size="sm" c="dimmed">
                    {t(`inspectionrules.family.${k.family}`)} · {t('inspectionrules.by', { by: k.by.join(', ') })} ·{' '}
                    {t('inspectionrules.subjects', { subjects: k.subjects.map((s) => t(`inspectionrules.subject.${s}`)).join(', ') })}
                  </Text>
                  <Text size="sm" fw={600} id={`steps-${k.id}`}>
                    {t('inspectionrules.stepsOfKind')}
                  </Text>
                  <ol className="ts-ir-steps" aria-labelledby={`steps-${k.id}`}>
                    {k.steps.map((s) => (
                      <li key={s.code}>
                        <span className="ts-ir-step">
                          <span>{stepName.get(s.code) ?? s.code}</span>
                          <span className="ts-ir-days">{s.withinWorkingDays === null ? t('inspectionrules.stepNoDays') : t('inspectionrules.stepDays', { count: s.withinWorkingDays })}</span>
                        </span>
                      </li>
                    ))}
                  </ol>
                  {k.timeLimit ? (
                    <>
                      <Text size="sm" fw={600}>
                        {t('inspectionrules.limit', {
                          days: k.timeLimit.workingDays,
                          extension: k.timeLimit.extensionWorkingDays,
                          from: stepName.get(k.timeLimit.fromStep) ?? k.timeLimit.fromStep,
                          to: stepName.get(k.timeLimit.toStep) ?? k.timeLimit.toStep,
                        })}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('inspectionrules.limitSource', { source: k.timeLimit.source ?? t('inspectionrules.noSource') })}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm">{t('inspectionrules.noLimit')}</Text>
                  )}
                  {k.note && (
                    <Text size="sm" className="ts-se-prewrap">
                      {k.note}
                    </Text>
                  )}
                  <Provenance rule={k} ns="inspectionrules" />
                  {actions(k, () => setDialog({ kind: 'limits', rule: k }))}
                </li>
              ))}
            </ol>
          </Section>

          <Section title={t('inspectionrules.steps')}>
            <ol className="ts-se-ref-items">
              {r.steps.map((s) => (
                <li key={s.id} data-code={s.code}>
                  <RuleHead rule={s} />
                  <Text size="sm">{t('inspectionrules.documents', { documents: s.documents.join(', ') })}</Text>
                  <Provenance rule={s} ns="inspectionrules" />
                  {actions(s)}
                </li>
              ))}
            </ol>
          </Section>

          <Section title={t('inspectionrules.disciplineForms')}>
            <ol className="ts-se-ref-items">
              {r.disciplineForms.map((f) => (
                <li key={f.id} data-code={f.code}>
                  <RuleHead rule={f} />
                  <FormFacts form={f} />
                  <Provenance rule={f} ns="inspectionrules" />
                  {actions(f)}
                </li>
              ))}
            </ol>
            {r.disciplineNotes.length > 0 && (
              <>
                <Title order={3} fz="h5" mt="md" mb={4}>
                  {t('inspectionrules.disciplineNotes')}
                </Title>
                <ul className="ts-ir-notes">
                  {r.disciplineNotes.map((n) => (
                    <li key={n}>
                      <Text size="sm">{n}</Text>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Section>

          <Section
            title={t('inspectionrules.holidays')}
            action={
              may('edit') && (
                <Button size="sm" variant="light" leftSection={<PlusIcon size={16} />} onClick={() => setDialog({ kind: 'addYear' })}>
                  {t('inspectionrules.addYear')}
                </Button>
              )
            }
          >
            <Text size="sm" c="dimmed" mb="sm">
              {t('inspectionrules.holidaysIntro')}
            </Text>
            <ol className="ts-se-ref-items">
              {r.holidays.map((h) => (
                <li key={h.id} data-year={h.year}>
                  <HolidayYear year={h} />
                  <Provenance rule={h} ns="inspectionrules" />
                  {actions(h, () => setDialog({ kind: 'holidays', rule: h }))}
                </li>
              ))}
            </ol>
          </Section>

          <RuleVersions ns="inspectionrules" versions={useInspectionRuleVersions(r.unitId)} shown={r.versionId} onVersion={onVersion} />
        </Stack>
      </div>
      {dialog?.kind === 'limits' && <LimitsModal kind={dialog.rule} stepName={stepName} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'holidays' && <HolidaysModal year={dialog.rule} unitId={r.unitId} nextYear={0} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'addYear' && (
        <HolidaysModal year={null} unitId={r.unitId} nextYear={Math.max(currentYear() - 1, ...r.holidays.map((h) => h.year)) + 1} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'confirm' && <RuleConfirmModal ns="inspectionrules" rule={dialog.rule} path={ruleItemPath(dialog.rule.id, '/confirm')} onConfirmed={changed} onClose={() => setDialog(null)} onDone={done} />}
    </Stack>
  );
}

function FormFacts({ form }: { form: DisciplineFormView }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      <span className="ts-ir-fact" data-yes={form.probationaryAllowed || undefined}>
        {t(form.probationaryAllowed ? 'inspectionrules.probationary' : 'inspectionrules.notProbationary')}
      </span>
      {form.requiresPost && ` · ${t('inspectionrules.requiresPost')}`}
    </Text>
  );
}

/** A year's days off: runs of consecutive days with their weekdays, the current year open. */
function HolidayYear({ year: h }: { year: HolidayYearView }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => `${weekday(d, i18n.language)} ${formatDate(d)}`;
  const runs = dayRuns(h.daysOff);
  return (
    <details className="ts-ir-year" open={h.year === currentYear()}>
      <summary>
        <span className="ts-se-card-head">
          <Text component="span" fw={700} className="ts-se-card-title">
            {t('inspectionrules.yearN', { year: h.year })}{' '}
            <Text component="span" fw={400} size="sm" c="dimmed">
              · {t('inspectionrules.daysOffCount', { count: h.daysOff.length })}
            </Text>
          </Text>
          <span className="ts-se-badges">{h.confirmed ? <ConfirmedTag /> : <UnconfirmedTag />}</span>
        </span>
      </summary>
      {runs.length === 0 ? (
        <Text size="sm">{t('inspectionrules.noDaysOff')}</Text>
      ) : (
        <ul className="ts-ir-runs">
          {runs.map((run) => (
            <li key={run.from}>
              {run.count === 1 ? day(run.from) : `${day(run.from)} – ${day(run.to)} ${t('inspectionrules.runDays', { count: run.count })}`}
            </li>
          ))}
        </ul>
      )}
      {h.workingWeekendDays.length > 0 && <Text size="sm">{t('inspectionrules.workingWeekend', { days: h.workingWeekendDays.map(day).join(', ') })}</Text>}
    </details>
  );
}
