import './messages.js';
import '../../components/modal-styles.js';
import '@mantine/core/styles/Radio.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import { useRef, useState, type FormEvent } from 'react';
import { Group, Modal, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client.js';
import type { UnitDetail } from '../../api/types.js';
import { DialogActions } from '../../components/DialogActions.js';
import { Notice } from '../../components/Notice.js';
import { formatDateTime, formatPercent } from '../../lib/format.js';
import { textOrNull, type FormErrors } from '../../lib/forms.js';
import { usePhone } from '../../lib/usePhone.js';
import { commitmentPercent, measurableResult, yearEnded } from '../../../domain/tasks.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { fieldErrors, useFocusFirstError } from '../../lib/formHelpers.js';
import {
  COMMITMENT_RESULTS,
  commitmentPath,
  useCommitment,
  useCommitmentsChanged,
  type CommitmentProgressBody,
  type CommitmentResult,
  type CommitmentSummary,
  type EvaluateCommitmentBody,
} from './api.js';
import { CommitmentFormModal, type SubjectChoice } from './CommitmentForm.js';
import { withUnit } from './CommitmentLine.js';
import { ImportCommitmentsModal } from './ImportCommitmentsModal.js';
import { decimalText, parseDecimal } from './view.js';

export type { SubjectChoice };

/** The one dialog the commitments page has open, if any. */
export type Dialog =
  | null
  | { kind: 'add'; subject?: SubjectChoice | undefined }
  | { kind: 'edit' | 'progress' | 'evaluate' | 'delete'; item: CommitmentSummary }
  | { kind: 'confirm'; subject: SubjectChoice; ids: string[] }
  | { kind: 'import' };

export function CommitmentDialogs({
  dialog,
  unit,
  year,
  today,
  canManage,
  onClose,
  onDone,
}: {
  dialog: Dialog;
  unit: Pick<UnitDetail, 'id' | 'name' | 'kind'>;
  year: number;
  /** The server's "today" (Vietnam date), for "has the year ended". */
  today: string | null;
  canManage: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'add':
      return <CommitmentFormModal unit={unit} year={year} subject={dialog.subject} canManage={canManage} onClose={onClose} onDone={onDone} />;
    case 'edit':
      return <CommitmentFormModal unit={unit} year={year} item={dialog.item} canManage={canManage} onClose={onClose} onDone={onDone} />;
    case 'progress':
      return <ProgressModal item={dialog.item} onClose={onClose} onDone={onDone} />;
    case 'evaluate':
      return <EvaluateModal item={dialog.item} today={today} onClose={onClose} onDone={onDone} />;
    case 'delete':
      return <DeleteModal item={dialog.item} onClose={onClose} onDone={onDone} />;
    case 'confirm':
      return <ConfirmSubjectModal subject={dialog.subject} ids={dialog.ids} onClose={onClose} onDone={onDone} />;
    case 'import':
      return <ImportCommitmentsModal unit={unit} year={year} onClose={onClose} onDone={onDone} />;
  }
}

/** An API error as one sentence for a yes/no dialog. */
function messageOf(e: unknown, fallback: string): string {
  return isApiError(e) ? [e.message, ...e.fields.map((f) => f.message).filter((m) => m !== e.message)].join(' ') : fallback;
}

function DeleteModal({ item, onClose, onDone }: { item: CommitmentSummary; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const changed = useCommitmentsChanged();
  const remove = useMutation({
    mutationFn: () => api<null>(commitmentPath(item.id), { method: 'DELETE' }),
    onSuccess: async () => {
      await changed();
      onDone(t('commitments.delete.done', { title: item.title }));
    },
  });
  return (
    <ConfirmModal
      opened
      title={t('commitments.delete.title')}
      confirmLabel={t('commitments.line.actions.delete')}
      color="partyRed"
      busy={remove.isPending}
      error={remove.isError ? messageOf(remove.error, t('errors.generic', { status: 0 })) : null}
      onClose={onClose}
      onConfirm={() => remove.mutate()}
    >
      {t('commitments.delete.body', { title: item.title })}
    </ConfirmModal>
  );
}

/** The secretary (or, for a cell's own pledge, the committee) confirms a whole pledge at once. */
function ConfirmSubjectModal({
  subject,
  ids,
  onClose,
  onDone,
}: {
  subject: SubjectChoice;
  ids: string[];
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const changed = useCommitmentsChanged();
  const name = subject.name;
  const confirm = useMutation({
    mutationFn: () => api<unknown>('/commitments/confirm', { method: 'POST', body: { ids } }),
    onSuccess: async () => {
      await changed();
      onDone(t('commitments.confirm.done', { count: ids.length, name }));
    },
  });
  return (
    <ConfirmModal
      opened
      title={t('commitments.confirm.title')}
      confirmLabel={t('common.confirm')}
      busy={confirm.isPending}
      error={confirm.isError ? messageOf(confirm.error, t('errors.generic', { status: 0 })) : null}
      onClose={onClose}
      onConfirm={() => confirm.mutate()}
    >
      {t('commitments.confirm.body', { count: ids.length, name })}
    </ConfirmModal>
  );
}

const PROGRESS_FIELDS = ['note', 'value', 'evidence'] as const;
type ProgressField = (typeof PROGRESS_FIELDS)[number];

/** Cập nhật tiến độ: what was done so far, the indicator's value now (measurable), evidence; the earlier entries below. */
function ProgressModal({ item, onClose, onDone }: { item: CommitmentSummary; onClose: () => void; onDone: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const phone = usePhone();
  const changed = useCommitmentsChanged();
  const detail = useCommitment(item.id);
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const measurable = item.kind === 'measurable';
  const [note, setNote] = useState('');
  const [value, setValue] = useState(decimalText(item.actualValue, lng));
  const [evidence, setEvidence] = useState('');
  const [errors, setErrors] = useState<FormErrors<ProgressField>>({ fields: {}, general: null });

  const save = useMutation({
    mutationFn: (body: CommitmentProgressBody) => api<unknown>(commitmentPath(item.id, '/progress'), { method: 'POST', body }),
    onSuccess: async () => {
      await changed();
      onDone(t('commitments.progress.saved', { title: item.title }));
    },
    onError: (e) => {
      setErrors(fieldErrors<ProgressField>(e, PROGRESS_FIELDS, t('common.formErrors')));
      setAttempt((n) => n + 1);
    },
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<ProgressField>['fields'] = {};
    if (!note.trim()) fields.note = t('errors.required');
    const n = measurable ? parseDecimal(value) : null;
    if (n === 'invalid') fields.value = t('commitments.form.numberInvalid');
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null });
      setAttempt((k) => k + 1);
      return;
    }
    const body: CommitmentProgressBody = { note: note.trim() };
    if (measurable && n !== null && n !== 'invalid') body.value = n;
    const ev = textOrNull(evidence);
    if (ev) body.evidence = ev;
    save.mutate(body);
  }

  const history = detail.data?.progress ?? [];
  return (
    <Modal opened onClose={onClose} title={t('commitments.progress.title')} fullScreen={phone} size="lg" centered>
      <form ref={form} onSubmit={submit} noValidate className="ts-cm-form">
        <Stack gap="md">
          <Text fw={600}>{item.title}</Text>
          {measurable && item.targetValue !== null && (
            <Text size="sm">
              {t('commitments.line.target')}: <strong>{withUnit(item.targetValue, item.measureUnit, lng)}</strong>
              {item.direction === 'less' && <span className="ts-cm-direction"> ({t('commitments.directionShort.less')})</span>}
            </Text>
          )}
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <Textarea
            label={t('commitments.progress.note')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.fields.note}
            data-autofocus
          />
          {measurable && (
            <TextInput
              label={item.measureUnit ? t('commitments.progress.valueWithUnit', { unit: item.measureUnit }) : t('commitments.progress.value')}
              description={t('commitments.progress.valueHint')}
              inputMode="decimal"
              autoComplete="off"
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={errors.fields.value}
            />
          )}
          <Textarea
            label={t('commitments.progress.evidence')}
            autosize
            minRows={1}
            maxLength={2000}
            value={evidence}
            onChange={(e) => setEvidence(e.currentTarget.value)}
            error={errors.fields.evidence}
          />
          <DialogActions onCancel={onClose} confirmLabel={t('commitments.progress.submit')} busy={save.isPending} />
          <section aria-label={t('commitments.progress.history')}>
            <Text size="sm" fw={700} mb={6}>
              {t('commitments.progress.history')}
            </Text>
            {detail.isPending ? (
              <Text size="sm" c="dimmed">
                {t('common.loading')}
              </Text>
            ) : history.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('commitments.progress.noHistory')}
              </Text>
            ) : (
              <ul className="ts-cm-history">
                {[...history].reverse().map((p) => (
                  <li key={p.id}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(p.createdAt)} · {p.authorName}
                      {p.value !== null && ` · ${t('commitments.progress.entryValue', { value: withUnit(p.value, item.measureUnit, lng) })}`}
                    </Text>
                    <div className="ts-cm-prewrap">{p.note}</div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </Stack>
      </form>
    </Modal>
  );
}

const EVALUATE_FIELDS = ['result', 'actualValue', 'note', 'earlyReason'] as const;
type EvaluateField = (typeof EVALUATE_FIELDS)[number];

/**
 * Đánh giá: a measurable line's result follows from its actual value (shown as it is typed); a
 * qualitative one is judged. Before the year is over a reason is required.
 */
function EvaluateModal({
  item,
  today,
  onClose,
  onDone,
}: {
  item: CommitmentSummary;
  today: string | null;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const phone = usePhone();
  const changed = useCommitmentsChanged();
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const measurable = item.kind === 'measurable' && item.targetValue !== null;
  const early = today !== null && !yearEnded(item.year, today);
  const [result, setResult] = useState<CommitmentResult | ''>(item.result ?? '');
  const [actual, setActual] = useState(decimalText(item.actualValue, lng));
  const [note, setNote] = useState(item.evaluationNote ?? '');
  const [reason, setReason] = useState(item.earlyEvaluationReason ?? '');
  const [errors, setErrors] = useState<FormErrors<EvaluateField>>({ fields: {}, general: null });

  const save = useMutation({
    mutationFn: (body: EvaluateCommitmentBody) => api<unknown>(commitmentPath(item.id, '/evaluate'), { method: 'POST', body }),
    onSuccess: async () => {
      await changed();
      onDone(t('commitments.evaluate.saved', { title: item.title }));
    },
    onError: (e) => {
      setErrors(fieldErrors<EvaluateField>(e, EVALUATE_FIELDS, t('common.formErrors')));
      setAttempt((n) => n + 1);
    },
  });

  const actualValue = measurable ? parseDecimal(actual) : null;
  const preview =
    measurable && typeof actualValue === 'number'
      ? commitmentPercent(item.targetValue!, actualValue, item.direction ?? 'more')
      : null;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<EvaluateField>['fields'] = {};
    if (measurable) {
      if (actualValue === null) fields.actualValue = t('errors.required');
      else if (actualValue === 'invalid') fields.actualValue = t('commitments.form.numberInvalid');
    } else if (!result) fields.result = t('commitments.evaluate.resultRequired');
    if (early && !reason.trim()) fields.earlyReason = t('commitments.evaluate.reasonRequired');
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null });
      setAttempt((n) => n + 1);
      return;
    }
    const body: EvaluateCommitmentBody = { note: textOrNull(note) };
    if (measurable) body.actualValue = actualValue as number;
    else body.result = result as CommitmentResult;
    if (early) body.earlyReason = reason.trim();
    save.mutate(body);
  }

  return (
    <Modal opened onClose={onClose} title={t('commitments.evaluate.title')} fullScreen={phone} size="lg" centered>
      <form ref={form} onSubmit={submit} noValidate className="ts-cm-form">
        <Stack gap="md">
          <Text fw={600}>{item.title}</Text>
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          {measurable ? (
            <Stack gap={6}>
              <Text size="sm">
                {t('commitments.line.target')}: <strong>{withUnit(item.targetValue!, item.measureUnit, lng)}</strong>
                {item.direction === 'less' && <span className="ts-cm-direction"> ({t('commitments.directionShort.less')})</span>}
              </Text>
              <TextInput
                label={item.measureUnit ? t('commitments.evaluate.actualWithUnit', { unit: item.measureUnit }) : t('commitments.evaluate.actual')}
                required
                inputMode="decimal"
                autoComplete="off"
                value={actual}
                onChange={(e) => setActual(e.currentTarget.value)}
                error={errors.fields.actualValue}
                data-autofocus
              />
              {preview !== null && (
                <Text size="sm" fw={600} aria-live="polite">
                  {t('commitments.evaluate.preview', {
                    percent: formatPercent(preview / 100, lng),
                    result: t(`commitments.result.${measurableResult(preview)}`),
                  })}
                </Text>
              )}
            </Stack>
          ) : (
            <Radio.Group
              label={t('commitments.evaluate.result')}
              required
              value={result}
              onChange={(v) => setResult(v as CommitmentResult)}
              error={errors.fields.result}
            >
              <Group gap="lg" mt={6}>
                {COMMITMENT_RESULTS.map((r) => (
                  <Radio key={r} value={r} label={t(`commitments.result.${r}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
          <Textarea
            label={t('commitments.evaluate.note')}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.fields.note}
          />
          {early && (
            <Textarea
              label={t('commitments.evaluate.earlyReason')}
              description={t('commitments.evaluate.earlyHint', { year: item.year })}
              required
              autosize
              minRows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.fields.earlyReason}
            />
          )}
          <DialogActions onCancel={onClose} confirmLabel={t('commitments.evaluate.submit')} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
