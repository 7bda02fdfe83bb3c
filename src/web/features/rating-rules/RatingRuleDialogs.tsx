// The dialogs of the rating rules page: a level's minimum score and thresholds, the framework's
// maxima, the quota, the vote, a trigger's cap (confirming a rule: rule-sets/RuleParts.tsx).
// Each change is a new version with its reason; the server checks every field and names it.
import './messages.js';
import '../../styles/self-examination.css';
import '../../components/modal-styles.js';
import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/CheckboxIndicator.layer.css';
import '@mantine/core/styles/Table.layer.css';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Checkbox, Modal, NativeSelect, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { DialogActions } from '../../components/DialogActions.js';
import { Notice } from '../../components/Notice.js';
import { errorsAt, type FormErrors } from '../../lib/forms.js';
import { useFocusFirstError } from '../../lib/formHelpers.js';
import { usePhone } from '../../lib/usePhone.js';
import { asPercent, asShare, numberIn } from './numbers.js';
import {
  ratingRuleItemPath,
  useRatingRulesChanged,
  type FrameworkView,
  type LevelView,
  type QuotaView,
  type RatingRulesResponse,
  type RatingRuleView,
  type TriggerView,
  type UpdateRatingRuleBody,
  type VoteView,
} from './api.js';

type Change = Omit<UpdateRatingRuleBody, 'note'>;
type Errors = Record<string, string>;

/**
 * The frame of every edit: the fields, the reason, the server's messages beside the fields it
 * names (`shows`). `build` reads the fields: the change to send, or the messages to show.
 */
function EditModal({ rule, shows, build, onClose, onDone, children }: { rule: RatingRuleView; shows: (field: string) => boolean; build: () => { change: Change; errors: Errors }; onClose: () => void; onDone: (m: string) => void; children: (errors: Errors) => ReactNode }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const changed = useRatingRulesChanged();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<string>>({ fields: {}, general: null });
  // After a refused save, the first field to fix (or the message) comes into view.
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const refuse = (next: FormErrors<string>) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };
  const save = useMutation({
    mutationFn: (body: UpdateRatingRuleBody) => api<RatingRulesResponse>(ratingRuleItemPath(rule.id), { method: 'PATCH', body }),
    onSuccess: (r) => {
      changed(r);
      onDone(t('ratingrules.edited', { name: rule.name, version: r.version }));
    },
    onError: (e) => refuse(errorsAt(e, (f) => f === 'note' || shows(f), t('common.formErrors'))),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const { change, errors: fields } = build();
    if (!note.trim()) fields.note = t('errors.required');
    if (Object.keys(fields).length > 0) refuse({ fields, general: null });
    else save.mutate({ ...change, note: note.trim() });
  }
  const fields = errors.fields as Errors;
  return (
    <Modal opened onClose={onClose} title={t('ratingrules.editTitle', { name: rule.name })} fullScreen={phone} centered size="lg">
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <Text size="sm">{t('ratingrules.editIntro')}</Text>
          {children(fields)}
          <Textarea label={t('ratingrules.reason')} description={t('ratingrules.reasonHint')} required autosize minRows={2} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fields.note} />
          <DialogActions onCancel={onClose} confirmLabel={t('ratingrules.editSubmit')} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

const SUBJECTS = ['individual', 'collective'] as const;
const THRESHOLDS = ['minExceededShare', 'maxLateShare'] as const;

/** A level: its minimum score, and its two thresholds for an individual and for a collective. */
export function LevelModal({ level, scoreMax, onClose, onDone }: { level: LevelView; scoreMax: number; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [minScore, setMinScore] = useState(String(level.minScore));
  const [shares, setShares] = useState<Record<string, string>>(Object.fromEntries(SUBJECTS.flatMap((s) => THRESHOLDS.map((k) => [`${s}.${k}`, asPercent(level[s][k])]))));
  const fields = ['minScore', ...SUBJECTS.flatMap((s) => THRESHOLDS.map((k) => `${s}.${k}`))];
  const build = () => {
    const errors: Errors = {};
    const change: Change = {};
    const score = numberIn(minScore, 0, scoreMax);
    if (score === null || score === 'invalid') errors.minScore = t('ratingrules.scoreInvalid', { max: scoreMax });
    else if (score !== level.minScore) change.minScore = score;
    for (const s of SUBJECTS) {
      for (const k of THRESHOLDS) {
        const n = numberIn(shares[`${s}.${k}`] ?? '', 0, 100);
        if (n === 'invalid') errors[`${s}.${k}`] = t('ratingrules.percentOrEmpty');
        else if ((n === null ? null : asShare(n)) !== level[s][k]) change[s] = { ...change[s], [k]: n === null ? null : asShare(n) };
      }
    }
    return { change, errors };
  };
  return (
    <EditModal rule={level} shows={(f) => fields.includes(f)} build={build} onClose={onClose} onDone={onDone}>
      {(errors) => (
        <>
          <TextInput label={t('ratingrules.minScore')} required inputMode="decimal" maxLength={6} value={minScore} onChange={(e) => setMinScore(e.currentTarget.value)} error={errors.minScore} />
          {SUBJECTS.map((s) => (
            <fieldset key={s} className="ts-se-fieldset">
              <legend>{t(`ratingrules.${s}`)}</legend>
              <Text size="xs" c="dimmed" mb={4}>
                {t('ratingrules.percentHint')}
              </Text>
              <Stack gap="xs">
                {THRESHOLDS.map((k) => (
                  <TextInput
                    key={k}
                    label={`${t(`ratingrules.${k}`)} (%)`}
                    inputMode="decimal"
                    maxLength={6}
                    value={shares[`${s}.${k}`] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setShares((v) => ({ ...v, [`${s}.${k}`]: value }));
                    }}
                    error={errors[`${s}.${k}`]}
                  />
                ))}
              </Stack>
            </fieldset>
          ))}
        </>
      )}
    </EditModal>
  );
}

/** The framework: each group's maximum and each criterion's (empty: bounded by its group). */
export function FrameworkModal({ framework, onClose, onDone }: { framework: FrameworkView; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const criteria = framework.groups.flatMap((g) => g.criteria);
  const [groups, setGroups] = useState<Record<string, string>>(Object.fromEntries(framework.groups.map((g) => [g.code, String(g.max)])));
  const [bounds, setBounds] = useState<Record<string, string>>(Object.fromEntries(criteria.map((c) => [c.code, c.max === null ? '' : String(c.max)])));
  const build = () => {
    const errors: Errors = {};
    const change: Change = {};
    for (const g of framework.groups) {
      const n = numberIn(groups[g.code] ?? '', 1, framework.scoreMax);
      if (n === null || n === 'invalid') errors[`groupMax.${g.code}`] = t('ratingrules.scoreInvalid', { max: framework.scoreMax });
      else if (n !== g.max) change.groupMax = { ...change.groupMax, [g.code]: n };
    }
    for (const c of criteria) {
      const n = numberIn(bounds[c.code] ?? '', 0, framework.scoreMax);
      if (n === 'invalid') errors[`criterionMax.${c.code}`] = t('ratingrules.scoreInvalid', { max: framework.scoreMax });
      else if (n !== c.max) change.criterionMax = { ...change.criterionMax, [c.code]: n };
    }
    // Moving points between groups changes them all at once: send every group's maximum.
    if (change.groupMax) change.groupMax = Object.fromEntries(framework.groups.map((g) => [g.code, Number((groups[g.code] ?? '').replace(',', '.'))]));
    return { change, errors };
  };
  return (
    <EditModal rule={framework} shows={(f) => f === 'groupMax' || f.startsWith('groupMax.') || f.startsWith('criterionMax.')} build={build} onClose={onClose} onDone={onDone}>
      {(errors) => (
        <>
          <Text size="sm">{t('ratingrules.frameworkHint', { max: framework.scoreMax })}</Text>
          {errors.groupMax && <Notice tone="error">{errors.groupMax}</Notice>}
          {framework.groups.map((g) => (
            <fieldset key={g.code} className="ts-se-fieldset">
              <legend>{g.name}</legend>
              <Stack gap="xs">
                <TextInput
                  label={t('ratingrules.groupMaxLabel', { name: g.name })}
                  required
                  inputMode="decimal"
                  maxLength={6}
                  value={groups[g.code] ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setGroups((v) => ({ ...v, [g.code]: value }));
                  }}
                  error={errors[`groupMax.${g.code}`]}
                />
                {g.criteria.map((c) => (
                  <TextInput
                    key={c.code}
                    label={t('ratingrules.criterionMaxLabel', { name: c.name })}
                    description={t('ratingrules.criterionHint')}
                    inputMode="decimal"
                    maxLength={6}
                    value={bounds[c.code] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setBounds((v) => ({ ...v, [c.code]: value }));
                    }}
                    error={errors[`criterionMax.${c.code}`]}
                  />
                ))}
              </Stack>
            </fieldset>
          ))}
        </>
      )}
    </EditModal>
  );
}

export function QuotaModal({ quota, onClose, onDone }: { quota: QuotaView; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [percent, setPercent] = useState(String(quota.percentOfGood));
  const build = (): { change: Change; errors: Errors } => {
    const n = numberIn(percent, 0, 100);
    if (n === null || n === 'invalid') return { change: {}, errors: { percentOfGood: t('ratingrules.percentInvalid', { min: 0, max: 100 }) } };
    return { change: n === quota.percentOfGood ? {} : { percentOfGood: n }, errors: {} };
  };
  return (
    <EditModal rule={quota} shows={(f) => f === 'percentOfGood'} build={build} onClose={onClose} onDone={onDone}>
      {(errors) => (
        <>
          <Text size="sm">{quota.rule}</Text>
          <TextInput label={t('ratingrules.percentOfGood')} required inputMode="decimal" maxLength={6} value={percent} onChange={(e) => setPercent(e.currentTarget.value)} error={errors.percentOfGood} />
        </>
      )}
    </EditModal>
  );
}

export function VoteModal({ vote, onClose, onDone }: { vote: VoteView; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [majority, setMajority] = useState(asPercent(vote.majority));
  const [cumulative, setCumulative] = useState(vote.cumulative);
  const build = (): { change: Change; errors: Errors } => {
    const n = numberIn(majority, 50, 99.99);
    if (n === null || n === 'invalid') return { change: {}, errors: { majority: t('ratingrules.percentInvalid', { min: 50, max: 99.99 }) } };
    const change: Change = {};
    if (asShare(n) !== vote.majority) change.majority = asShare(n);
    if (cumulative !== vote.cumulative) change.cumulative = cumulative;
    return { change, errors: {} };
  };
  return (
    <EditModal rule={vote} shows={(f) => f === 'majority' || f === 'cumulative'} build={build} onClose={onClose} onDone={onDone}>
      {(errors) => (
        <>
          <Text size="sm">{vote.rule}</Text>
          <TextInput label={t('ratingrules.majority')} description={vote.text} required inputMode="decimal" maxLength={6} value={majority} onChange={(e) => setMajority(e.currentTarget.value)} error={errors.majority} />
          <Checkbox label={t('ratingrules.cumulative')} checked={cumulative} onChange={(e) => setCumulative(e.currentTarget.checked)} error={errors.cumulative} />
        </>
      )}
    </EditModal>
  );
}

export function TriggerModal({ trigger, levels, onClose, onDone }: { trigger: TriggerView; levels: LevelView[]; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [capsAt, setCapsAt] = useState(trigger.capsAt);
  const build = () => ({ change: capsAt === trigger.capsAt ? {} : { capsAt }, errors: {} });
  return (
    <EditModal rule={trigger} shows={(f) => f === 'capsAt'} build={build} onClose={onClose} onDone={onDone}>
      {(errors) => (
        <NativeSelect label={t('ratingrules.capsAtLabel')} value={capsAt} onChange={(e) => setCapsAt(e.currentTarget.value)} data={levels.map((l) => ({ value: l.code, label: l.name }))} error={errors.capsAt} />
      )}
    </EditModal>
  );
}

/** A level's conditions for an individual and for a collective, side by side (a real table: it reads row by row). */
export function ConditionsTable({ level }: { level: LevelView }) {
  const { t } = useTranslation();
  const yesNo = (v: boolean) => t(v ? 'ratingrules.yes' : 'ratingrules.no');
  const share = (v: number | null) => (v === null ? t('ratingrules.none') : `${asPercent(v)}%`);
  const rows: ['allTasksDone' | 'allTasksOnTime' | 'minExceededShare' | 'maxLateShare' | 'shortcomingsFixed', (s: LevelView['individual']) => string][] = [
    ['allTasksDone', (s) => yesNo(s.allTasksDone)],
    ['allTasksOnTime', (s) => yesNo(s.allTasksOnTime)],
    ['minExceededShare', (s) => share(s.minExceededShare)],
    ['maxLateShare', (s) => share(s.maxLateShare)],
    ['shortcomingsFixed', (s) => yesNo(s.shortcomingsFixed)],
  ];
  return (
    <Table className="ts-rr-conditions" withTableBorder verticalSpacing={4} horizontalSpacing={6} fz="sm">
      <caption className="ts-sr-only">{t('ratingrules.conditionsTable', { name: level.name })}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('ratingrules.condition')}</Table.Th>
          <Table.Th scope="col">{t('ratingrules.individual')}</Table.Th>
          <Table.Th scope="col">{t('ratingrules.collective')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Th scope="row" fw={400}>
              {t(`ratingrules.${key}`)}
            </Table.Th>
            <Table.Td>{value(level.individual)}</Table.Td>
            <Table.Td>{value(level.collective)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
