// The dialogs of the inspection rules page: a kind's working days, a year's days off (edit or add)
// (confirming a rule: rule-sets/RuleParts.tsx). Each change is a new version with its reason.
import './messages.js';
import '../../styles/self-examination.css';
import '../../components/modal-styles.js';
import { useState, type FormEvent } from 'react';
import { Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { DialogActions } from '../../components/DialogActions.js';
import { Notice } from '../../components/Notice.js';
import { formatDate } from '../../lib/format.js';
import { errorsAt, textOrNull, type FormErrors } from '../../lib/forms.js';
import { wholeNumber } from '../../lib/formHelpers.js';
import { usePhone } from '../../lib/usePhone.js';
import {
  ruleItemPath,
  RULES_PATH,
  useInspectionRulesChanged,
  type AddHolidayYearBody,
  type HolidayYearView,
  type InspectionKindRuleView,
  type InspectionRulesResponse,
  type UpdateInspectionRuleBody,
} from './api.js';
import { dayLines, parseDayLines } from './days.js';

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
export function LimitsModal({ kind, stepName, onClose, onDone }: { kind: InspectionKindRuleView; stepName: Map<string, string>; onClose: () => void; onDone: (m: string) => void }) {
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
          <fieldset className="ts-se-fieldset">
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
export function HolidaysModal({
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
