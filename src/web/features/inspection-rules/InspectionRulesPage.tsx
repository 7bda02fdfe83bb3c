import './messages.js';
import '../../styles/self-examination.css';
import './inspection-rules.css';
import '../../components/modal-styles.js';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Anchor, Button, Group, Modal, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, isApiError } from '../../api/client.js';
import { DialogActions } from '../../components/DialogActions.js';
import { ErrorState } from '../../components/ErrorState.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { CheckIcon, EditIcon, PlusIcon } from '../../components/icons.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { textOrNull, type FormErrors } from '../../lib/forms.js';
import { wholeNumber } from '../../lib/formHelpers.js';
import { currentYear, weekday } from '../../lib/time.js';
import { usePhone } from '../../lib/usePhone.js';
import { ConfirmedTag, UnconfirmedTag } from '../checklist/Badges.js';
import {
  ruleItemPath,
  RULES_PATH,
  useInspectionRules,
  useInspectionRulesChanged,
  useInspectionRuleVersions,
  type AddHolidayYearBody,
  type DisciplineFormView,
  type HolidayYearView,
  type InspectionKindRuleView,
  type InspectionRulesResponse,
  type RuleView,
  type UpdateInspectionRuleBody,
} from './api.js';
import { dayLines, dayRuns, parseDayLines } from './days.js';

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
  const [params, setParams] = useSearchParams();
  const versionId = params.get('version');
  const rules = useInspectionRules(versionId);
  useDocumentTitle(`${t('inspectionrules.title')} · ${t('app.titleSuffix')}`);
  if (rules.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={36} w="60%" />
        <Skeleton h={120} />
        <Skeleton h={320} />
      </Stack>
    );
  }
  if (rules.isError) return <PageLoadError error={rules.error} onRetry={() => void rules.refetch()} />;
  const showVersion = (id: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set('version', id);
        else next.delete('version');
        return next;
      },
      { replace: false },
    );
  return <RulesView rules={rules.data} onVersion={showVersion} stale={rules.isPlaceholderData} />;
}

function RulesView({ rules: r, onVersion, stale }: { rules: InspectionRulesResponse; onVersion: (id: string | null) => void; stale: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const may = (a: InspectionRulesResponse['actions'][number]) => r.current && r.actions.includes(a);
  const stepName = new Map(r.steps.map((s) => [s.code, s.name]));
  const done = (m: string) => {
    setDialog(null);
    setMessage(m);
    onVersion(null);
  };
  /** Edit (when given) and confirm buttons of one rule, each naming it for screen readers. */
  const actions = (rule: RuleView, onEdit?: () => void) => (
    <Group gap={4} mt={2}>
      {onEdit && may('edit') && (
        <Button size="compact-sm" variant="subtle" leftSection={<EditIcon size={14} />} onClick={onEdit} aria-label={t('inspectionrules.editFor', { name: rule.name })}>
          {t('inspectionrules.edit')}
        </Button>
      )}
      {may('confirm') && !rule.confirmed && (
        <Button size="compact-sm" variant="subtle" leftSection={<CheckIcon size={14} />} onClick={() => setDialog({ kind: 'confirm', rule })} aria-label={t('inspectionrules.confirmFor', { name: rule.name })}>
          {t('inspectionrules.confirm')}
        </Button>
      )}
    </Group>
  );
  return (
    <Stack gap="md" className="ts-page" maw={960}>
      <Stack gap={6}>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {t('inspectionrules.title')}
        </Title>
        <Text c="dimmed">{t('inspectionrules.intro', { unit: r.unitName })}</Text>
        <Text size="sm">
          {t('inspectionrules.version', { version: r.version, at: formatDateTime(r.createdAt) })}
          {r.note && ` · ${r.note}`}
        </Text>
        <Text size="sm" c="dimmed">
          {r.source}
        </Text>
      </Stack>
      {!r.current && (
        <Notice tone="warning">
          {t('inspectionrules.oldVersion', { version: r.version })}{' '}
          <Anchor component="button" type="button" onClick={() => onVersion(null)} size="sm" fw={600}>
            {t('inspectionrules.toCurrent')}
          </Anchor>
        </Notice>
      )}
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
                  <Provenance rule={k} />
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
                  <Provenance rule={s} />
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
                  <Provenance rule={f} />
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
                  <Provenance rule={h} />
                  {actions(h, () => setDialog({ kind: 'holidays', rule: h }))}
                </li>
              ))}
            </ol>
          </Section>

          <Versions unitId={r.unitId} shown={r.versionId} onVersion={onVersion} />
        </Stack>
      </div>
      {dialog?.kind === 'limits' && <LimitsModal kind={dialog.rule} stepName={stepName} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'holidays' && <HolidaysModal year={dialog.rule} unitId={r.unitId} nextYear={0} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'addYear' && (
        <HolidaysModal year={null} unitId={r.unitId} nextYear={Math.max(currentYear() - 1, ...r.holidays.map((h) => h.year)) + 1} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'confirm' && <ConfirmModal rule={dialog.rule} onClose={() => setDialog(null)} onDone={done} />}
    </Stack>
  );
}

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

/** A rule's name and whether it was checked against the official text. */
function RuleHead({ rule }: { rule: RuleView }) {
  return (
    <div className="ts-se-card-head">
      <Text fw={700} className="ts-se-card-title">
        {rule.name}
      </Text>
      <span className="ts-se-badges">{rule.confirmed ? <ConfirmedTag /> : <UnconfirmedTag />}</span>
    </div>
  );
}

function Provenance({ rule }: { rule: RuleView }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed">
      {t('inspectionrules.source', { source: rule.source ?? t('inspectionrules.noSource') })}
      {rule.confirmed && rule.confirmedAt && ` · ${t('inspectionrules.confirmedBy', { name: rule.confirmedByName ?? '', at: formatDateTime(rule.confirmedAt) })}`}
    </Text>
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

function Versions({ unitId, shown, onVersion }: { unitId: string; shown: string; onVersion: (id: string | null) => void }) {
  const { t } = useTranslation();
  const versions = useInspectionRuleVersions(unitId);
  return (
    <Section title={t('inspectionrules.versions')}>
      {versions.isPending ? (
        <Skeleton h={60} />
      ) : versions.isError ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <ol className="ts-se-versions">
          {versions.data.items.map((v, i) => (
            <li key={v.id} aria-current={v.id === shown ? 'true' : undefined}>
              {v.id === shown ? (
                <Text fw={700} size="sm">
                  {t('inspectionrules.versionN', { version: v.version })} {t('inspectionrules.shown')}
                </Text>
              ) : (
                <Anchor component="button" type="button" size="sm" fw={700} onClick={() => onVersion(i === 0 && !v.retiredAt ? null : v.id)}>
                  {t('inspectionrules.versionN', { version: v.version })}
                </Anchor>
              )}
              <Text size="sm">{v.note}</Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(v.createdAt)}
                {v.createdByName && ` · ${v.createdByName}`}
                {' · '}
                {t('inspectionrules.versionUnconfirmed', { count: v.unconfirmed })}
                {v.retiredAt && ` · ${t('inspectionrules.retired', { at: formatDateTime(v.retiredAt) })}`}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

/**
 * The API's messages by the path of their field ("stepDays.plan", "daysOff.3", "note"), without
 * the label the server puts before them (the form shows its own); those `shows` does not place
 * go to the summary, as does a message naming no field.
 */
function errorsAt(error: unknown, shows: (field: string) => boolean, fallback: string): FormErrors<string> {
  if (!isApiError(error)) return { fields: {}, general: fallback };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const f of error.fields) {
    // "Ngày nghỉ (daysOff): …", or "daysOff.3: …" where the path has no label of its own.
    const labelled = f.message.indexOf(`(${f.field}): `);
    const bare = f.message.startsWith(`${f.field}: `) ? f.field.length + 2 : -1;
    const text = labelled >= 0 ? f.message.slice(labelled + f.field.length + 4) : bare >= 0 ? f.message.slice(bare) : f.message;
    if (shows(f.field)) fields[f.field] ??= text;
    else rest.push(f.message);
  }
  const placed = Object.keys(fields).length > 0;
  return { fields, general: rest.length > 0 ? rest.join(' ') : placed ? null : error.message || fallback };
}

/** A reason field: required with every change, saved with the new version. */
function ReasonField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('inspectionrules.reason')}
      description={t('inspectionrules.reasonHint')}
      required
      autosize
      minRows={2}
      maxLength={500}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/** A kind's working days: each step's, the overall limit and its extension (when the rules give one). */
function LimitsModal({ kind, stepName, onClose, onDone }: { kind: InspectionKindRuleView; stepName: Map<string, string>; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const changed = useInspectionRulesChanged();
  const asText = (n: number | null | undefined) => (n == null ? '' : String(n));
  const [days, setDays] = useState<Record<string, string>>(Object.fromEntries(kind.steps.map((s) => [s.code, asText(s.withinWorkingDays)])));
  const [limit, setLimit] = useState(asText(kind.timeLimit?.workingDays));
  const [extension, setExtension] = useState(asText(kind.timeLimit?.extensionWorkingDays));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<string>>({ fields: {}, general: null });
  const shown = (field: string) => ['limitWorkingDays', 'extensionWorkingDays', 'note'].includes(field) || kind.steps.some((s) => field === `stepDays.${s.code}`);
  const save = useMutation({
    mutationFn: (body: UpdateInspectionRuleBody) => api<InspectionRulesResponse>(ruleItemPath(kind.id), { method: 'PATCH', body }),
    onSuccess: (r) => {
      changed(r);
      onDone(t('inspectionrules.edited', { name: kind.name, version: r.version }));
    },
    onError: (e) => setErrors(errorsAt(e, shown, t('common.formErrors'))),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    const body: UpdateInspectionRuleBody = { note: note.trim() };
    const stepDays: Record<string, number | null> = {};
    for (const s of kind.steps) {
      const n = wholeNumber(days[s.code] ?? '', 0, 365);
      if (n === 'invalid') fields[`stepDays.${s.code}`] = t('inspectionrules.wholeDays', { min: 0, max: 365 });
      else if (n !== s.withinWorkingDays) stepDays[s.code] = n;
    }
    if (Object.keys(stepDays).length > 0) body.stepDays = stepDays;
    if (kind.timeLimit) {
      const l = wholeNumber(limit, 1, 365);
      if (l === null || l === 'invalid') fields.limitWorkingDays = t('inspectionrules.wholeDaysRequired', { min: 1, max: 365 });
      else if (l !== kind.timeLimit.workingDays) body.limitWorkingDays = l;
      const x = wholeNumber(extension, 0, 365);
      if (x === null || x === 'invalid') fields.extensionWorkingDays = t('inspectionrules.wholeDaysRequired', { min: 0, max: 365 });
      else if (x !== kind.timeLimit.extensionWorkingDays) body.extensionWorkingDays = x;
    }
    if (!note.trim()) fields.note = t('errors.required');
    setErrors({ fields, general: null });
    if (Object.keys(fields).length === 0) save.mutate(body);
  }
  return (
    <Modal opened onClose={onClose} title={t('inspectionrules.editKindTitle', { name: kind.name })} fullScreen={phone} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <Text size="sm">{t('inspectionrules.editIntro')}</Text>
          <fieldset className="ts-ir-fieldset">
            <legend>{t('inspectionrules.stepsOfKind')}</legend>
            <Text size="xs" c="dimmed" mb={4}>
              {t('inspectionrules.stepDaysHint')}
            </Text>
            <Stack gap="xs">
              {kind.steps.map((s, i) => (
                <TextInput
                  key={s.code}
                  label={`${i + 1}. ${stepName.get(s.code) ?? s.code}`}
                  inputMode="numeric"
                  maxLength={3}
                  value={days[s.code] ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setDays((d) => ({ ...d, [s.code]: value }));
                  }}
                  error={errors.fields[`stepDays.${s.code}`]}
                  placeholder={t('inspectionrules.stepNoDays')}
                />
              ))}
            </Stack>
          </fieldset>
          {kind.timeLimit && (
            <>
              <TextInput label={t('inspectionrules.limitDays')} required inputMode="numeric" maxLength={3} value={limit} onChange={(e) => setLimit(e.currentTarget.value)} error={errors.fields.limitWorkingDays} />
              <TextInput label={t('inspectionrules.extensionDays')} required inputMode="numeric" maxLength={3} value={extension} onChange={(e) => setExtension(e.currentTarget.value)} error={errors.fields.extensionWorkingDays} />
            </>
          )}
          <ReasonField value={note} onChange={setNote} error={errors.fields.note} />
          <DialogActions onCancel={onClose} confirmLabel={t('inspectionrules.editSubmit')} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** A year's days off: edit the year's (`year` given) or add a year not in the rules yet (`nextYear` offered). */
function HolidaysModal({
  year,
  unitId,
  nextYear,
  onClose,
  onDone,
}: {
  year: HolidayYearView | null;
  unitId: string;
  nextYear: number;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const changed = useInspectionRulesChanged();
  const [yearText, setYearText] = useState(String(year?.year ?? nextYear));
  const [daysOff, setDaysOff] = useState(year ? dayLines(year.daysOff) : '');
  const [weekendDays, setWeekendDays] = useState(year ? dayLines(year.workingWeekendDays) : '');
  const [source, setSource] = useState(year?.source ?? '');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState<{ daysOff: string[]; workingWeekendDays: string[] }>({ daysOff: [], workingWeekendDays: [] });
  const [errors, setErrors] = useState<FormErrors<string>>({ fields: {}, general: null });
  const lists = ['daysOff', 'workingWeekendDays'] as const;
  const placed = (field: string) => ['year', 'source', 'note', ...lists].includes(field) || lists.some((l) => field.startsWith(`${l}.`));
  const save = useMutation({
    mutationFn: (body: UpdateInspectionRuleBody | AddHolidayYearBody) =>
      year ? api<InspectionRulesResponse>(ruleItemPath(year.id), { method: 'PATCH', body }) : api<InspectionRulesResponse>(`${RULES_PATH}/holidays`, { method: 'POST', body }),
    onSuccess: (r) => {
      changed(r);
      onDone(year ? t('inspectionrules.edited', { name: year.name, version: r.version }) : t('inspectionrules.addedYear', { year: yearText.trim(), version: r.version }));
    },
    onError: (e) => {
      const found = errorsAt(e, placed, t('common.formErrors'));
      // "daysOff.3" names the fourth day sent: shown at its list, with that day.
      for (const list of lists) {
        const messages = Object.entries(found.fields)
          .filter(([field]) => field.startsWith(`${list}.`))
          .map(([field, message]) => t('inspectionrules.dayError', { day: formatDate(sent[list][Number(field.slice(list.length + 1))] ?? '') ?? field, message }));
        if (messages.length > 0) found.fields[list] = messages.join(' ');
      }
      setErrors(found);
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    const off = parseDayLines(daysOff);
    const weekend = parseDayLines(weekendDays);
    if (off.badLines.length > 0) fields.daysOff = t('inspectionrules.badLines', { lines: off.badLines.join(', ') });
    if (weekend.badLines.length > 0) fields.workingWeekendDays = t('inspectionrules.badLines', { lines: weekend.badLines.join(', ') });
    const y = wholeNumber(yearText, 2000, 2100);
    if (!year && (y === null || y === 'invalid')) fields.year = t('errors.required');
    if (!year && !source.trim()) fields.source = t('errors.required');
    if (!note.trim()) fields.note = t('errors.required');
    setErrors({ fields, general: null });
    if (Object.keys(fields).length > 0) return;
    setSent({ daysOff: off.days, workingWeekendDays: weekend.days });
    if (year) {
      const body: UpdateInspectionRuleBody = { daysOff: off.days, workingWeekendDays: weekend.days, note: note.trim() };
      if (textOrNull(source) !== year.source) body.source = textOrNull(source);
      save.mutate(body);
    } else {
      save.mutate({ unitId, year: y as number, daysOff: off.days, workingWeekendDays: weekend.days, source: source.trim(), note: note.trim() });
    }
  }
  return (
    <Modal opened onClose={onClose} title={year ? t('inspectionrules.editHolidaysTitle', { year: year.year }) : t('inspectionrules.addYearTitle')} fullScreen={phone} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <Text size="sm">{t('inspectionrules.editIntro')}</Text>
          {!year && (
            <TextInput label={t('inspectionrules.year')} required inputMode="numeric" maxLength={4} value={yearText} onChange={(e) => setYearText(e.currentTarget.value)} error={errors.fields.year} data-autofocus />
          )}
          <Textarea
            label={t('inspectionrules.daysOff')}
            description={t('inspectionrules.daysHint')}
            autosize
            minRows={4}
            value={daysOff}
            onChange={(e) => setDaysOff(e.currentTarget.value)}
            error={errors.fields.daysOff}
          />
          <Textarea
            label={t('inspectionrules.workingWeekendDays')}
            autosize
            minRows={1}
            value={weekendDays}
            onChange={(e) => setWeekendDays(e.currentTarget.value)}
            error={errors.fields.workingWeekendDays}
          />
          <TextInput label={t('inspectionrules.itemSource')} required={!year} maxLength={1000} value={source} onChange={(e) => setSource(e.currentTarget.value)} error={errors.fields.source} />
          <ReasonField value={note} onChange={setNote} error={errors.fields.note} />
          <DialogActions onCancel={onClose} confirmLabel={year ? t('inspectionrules.editSubmit') : t('inspectionrules.addYearSubmit')} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Confirm a rule against the official text (a note optional). */
function ConfirmModal({ rule, onClose, onDone }: { rule: RuleView; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const changed = useInspectionRulesChanged();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<string>>({ fields: {}, general: null });
  const save = useMutation({
    mutationFn: (body: { note: string | null }) => api<InspectionRulesResponse>(ruleItemPath(rule.id, '/confirm'), { method: 'POST', body }),
    onSuccess: (r) => {
      changed(r);
      onDone(t('inspectionrules.confirmedDone', { name: rule.name }));
    },
    onError: (e) => setErrors(errorsAt(e, (field) => field === 'note', t('common.formErrors'))),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    save.mutate({ note: textOrNull(note) });
  }
  return (
    <Modal opened onClose={onClose} title={t('inspectionrules.confirmTitle', { name: rule.name })} fullScreen={phone} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <div className="ts-se-quote-box">
            <Text fw={700} size="sm">
              {rule.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t('inspectionrules.source', { source: rule.source ?? t('inspectionrules.noSource') })}
            </Text>
          </div>
          <Text size="sm">{t('inspectionrules.confirmIntro')}</Text>
          <Textarea label={t('inspectionrules.confirmNote')} autosize minRows={2} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.fields.note} />
          <DialogActions onCancel={onClose} confirmLabel={t('inspectionrules.confirmSubmit')} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
