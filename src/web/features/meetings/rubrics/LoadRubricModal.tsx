import './messages.js';
import './rubrics.css';
import '../../../components/modal-styles.js';
import '@mantine/core/styles/Fieldset.layer.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ActionIcon, Button, Checkbox, FileButton, Fieldset, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.js';
import { DialogActions } from '../../../components/DialogActions.js';
import { Notice } from '../../../components/Notice.js';
import { CopyRowsIcon, FileIcon, PlusIcon, TrashIcon } from '../../../components/icons.js';
import { usePhone } from '../../../lib/usePhone.js';
import { queryRoots } from '../../../lib/queryKeys.js';
import { createRubric, rubricKeys, type CreateRubricBody, type Rubric } from './api.js';
import {
  LIMITS,
  MEETING_KINDS,
  RUBRIC_MEASURES,
  checkDraft,
  draftTotal,
  emptyCriterion,
  emptyDraft,
  emptyLevel,
  levelsHighFirst,
  nextCode,
  noErrors,
  rowsFrom,
  serverErrors,
  type CriterionField,
  type CriterionRow,
  type Draft,
  type DraftErrors,
  type LevelField,
  type LevelRow,
  type MeetingKind,
  type MeasureChoice,
  type Problem,
  type TopField,
} from './draft.js';
import { MAX_FILE_BYTES, parseRubricFile, readFileText } from './rubricFile.js';
import { RubricView, useFormatNumber } from './RubricView.js';
import { RowControls } from '../../../components/RowControls.js';
import { moveItem } from '../../../lib/forms.js';

type Active = Partial<Record<MeetingKind, Rubric>>;

interface Props {
  opened: boolean;
  onClose: () => void;
  unitId: string;
  /** The unit's forms in use, by kind: the one a new form replaces. */
  active: Active;
  onLoaded: (r: Rubric) => void;
}

/**
 * "Nạp mẫu của tỉnh": fill the editor from the province's JSON file or by hand, check it in a
 * preview that says which form it replaces, then load it. The server's messages come back beside
 * the row and field they name.
 */
export function LoadRubricModal({ opened, onClose, unitId, active, onLoaded }: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('rubrics.editor.title')}
      fullScreen={phone}
      size="xl"
      centered
      // A stray click beside the dialog must not lose a form typed in by hand.
      closeOnClickOutside={false}
    >
      {/* Mounted only while open: every opening starts from a blank form. */}
      {opened && <RubricEditor unitId={unitId} active={active} onCancel={onClose} onLoaded={onLoaded} />}
    </Modal>
  );
}

type Tone = 'success' | 'warning' | 'error' | 'info';
interface FileNote {
  tone: Tone;
  title?: string;
  lines: string[];
}

/** The rows' keys in the order sent: the server names rows by position. */
interface Sent {
  body: CreateRubricBody;
  keys: { criteria: number[]; levels: number[] };
}

function RubricEditor({
  unitId,
  active,
  onCancel,
  onLoaded,
}: {
  unitId: string;
  active: Active;
  onCancel: () => void;
  onLoaded: (r: Rubric) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft());
  const [errors, setErrors] = useState<DraftErrors<string>>(() => noErrors<string>());
  const [general, setGeneral] = useState<string | null>(null);
  const [note, setNote] = useState<FileNote | null>(null);
  const [preview, setPreview] = useState<Sent | null>(null);
  const resetFile = useRef<() => void>(null);
  const top = useRef<HTMLDivElement>(null);

  const problem = (p: Problem): string => {
    switch (p.code) {
      case 'required':
      case 'codeFormat':
      case 'codeDuplicate':
      case 'threshold':
      case 'levelMinDuplicate':
      case 'atLeastOne':
        return t(`rubrics.errors.${p.code}`);
      case 'tooLong':
      case 'points':
      case 'levelMin':
      case 'tooMany':
        return t(`rubrics.errors.${p.code}`, { max: p.max });
      case 'levelMinAboveTotal':
        return t('rubrics.errors.levelMinAboveTotal', { total: p.total });
    }
  };

  const save = useMutation({
    mutationFn: (sent: Sent) => createRubric(sent.body),
    onSuccess: (rubric) => {
      void queryClient.invalidateQueries({ queryKey: rubricKeys.all });
      // A meeting not yet scored shows the form it will be scored on.
      void queryClient.invalidateQueries({ queryKey: queryRoots.meetings });
      onLoaded(rubric);
    },
    onError: (error, sent) => {
      if (isApiError(error, 400) && error.fields.length > 0) {
        const { errors: byField, unmatched } = serverErrors(error.fields, sent.keys);
        setErrors(byField);
        setGeneral([t('rubrics.editor.serverErrors'), ...unmatched].join(' '));
        setPreview(null);
        setChecked((n) => n + 1);
        return;
      }
      setGeneral(isApiError(error) ? error.message : t('errors.generic', { status: 0 }));
    },
  });

  // The preview starts at its heading; a failed check goes to the first field marked (or, when
  // no field is, to the summary at the top).
  const [checked, setChecked] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (preview) heading.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (checked === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) {
      // Centred, so that its label and message show too.
      invalid.scrollIntoView({ block: 'center' });
      invalid.focus({ preventScroll: true });
    } else top.current?.scrollIntoView({ block: 'start' });
  }, [checked]);

  // --- editing ---------------------------------------------------------------------------------

  const setField = (field: 'name' | 'source', value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, fields: { ...e.fields, [field]: undefined } }));
  };
  const setKind = (kind: MeetingKind) => setDraft((d) => ({ ...d, kind }));

  const setCriteria = (criteria: CriterionRow[]) => {
    setDraft((d) => ({ ...d, criteria }));
    setErrors((e) => ({ ...e, fields: { ...e.fields, criteria: undefined } }));
  };
  const updateCriterion = (key: number, patch: Partial<CriterionRow>) => {
    setDraft((d) => ({ ...d, criteria: d.criteria.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
    clearRow('criteria', key, Object.keys(patch));
  };
  const setLevels = (levels: LevelRow[]) => {
    setDraft((d) => ({ ...d, levels }));
    setErrors((e) => ({ ...e, fields: { ...e.fields, levels: undefined } }));
  };
  const updateLevel = (key: number, patch: Partial<LevelRow>) => {
    setDraft((d) => ({ ...d, levels: d.levels.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
    clearRow('levels', key, Object.keys(patch));
  };
  /** A field's message goes as soon as the field is changed. */
  function clearRow(list: 'criteria' | 'levels', key: number, fields: string[]) {
    setErrors((e) => {
      const row = e[list][key];
      if (!row) return e;
      const rest = { ...row } as Record<string, string | undefined>;
      for (const f of fields) delete rest[f];
      return { ...e, [list]: { ...e[list], [key]: rest } };
    });
  }

  async function chooseFile(file: File | null) {
    resetFile.current?.();
    if (!file) return;
    const name = file.name;
    const failed = (line: string) =>
      setNote({ tone: 'error', title: t('rubrics.editor.fileFailedTitle'), lines: [line, t('rubrics.editor.fileUnchanged')] });
    if (file.size > MAX_FILE_BYTES) return failed(t('rubrics.editor.fileTooBig', { file: name }));
    let text: string;
    try {
      text = await readFileText(file);
    } catch {
      return failed(t('rubrics.editor.fileUnreadable', { file: name }));
    }
    const parsed = parseRubricFile(text, draft.kind);
    if (!parsed.ok) {
      const f = parsed.failure;
      if (f.reason === 'notJson') return failed(t('rubrics.editor.fileNotJson', { file: name, detail: f.detail }));
      if (f.reason === 'notRubric') return failed(t('rubrics.editor.fileNotRubric', { file: name }));
      if (f.reason === 'tooBig') return failed(t('rubrics.editor.fileTooBig', { file: name }));
      return failed(t('rubrics.editor.fileUnreadable', { file: name }));
    }
    const { draft: read, problems, about, unverified } = parsed.value;
    setDraft(read);
    setErrors(noErrors<string>());
    setGeneral(null);
    const lines = [t('rubrics.editor.fileRead', { file: name, count: read.criteria.length })];
    if (about) lines.push(t('rubrics.editor.fileAbout', { about }));
    if (unverified) lines.push(t('rubrics.editor.fileUnverified'));
    if (problems.length > 0) {
      lines.push(t('rubrics.editor.fileProblems', { fields: problems.join(', ') }));
      setNote({ tone: 'warning', title: t('rubrics.editor.fileProblemsTitle'), lines });
    } else {
      setNote({ tone: unverified ? 'warning' : 'success', lines });
    }
  }

  const copyFrom = active[draft.kind] ?? active.regular;
  function copyActive() {
    if (!copyFrom) return;
    const rows = rowsFrom(copyFrom);
    setDraft((d) => ({ ...d, ...rows }));
    setErrors(noErrors<string>());
    setNote({ tone: 'info', lines: [t('rubrics.editor.copied', { count: rows.criteria.length, name: copyFrom.name })] });
  }

  function toPreview(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const result = checkDraft(draft, unitId);
    if (!result.ok) {
      setErrors(translate(result.errors, problem));
      setGeneral(t('common.formErrors'));
      setChecked((n) => n + 1);
      return;
    }
    setErrors(noErrors<string>());
    setGeneral(null);
    save.reset();
    setPreview({
      body: result.body,
      keys: { criteria: draft.criteria.map((r) => r.key), levels: draft.levels.map((r) => r.key) },
    });
  }

  // --- preview ---------------------------------------------------------------------------------

  if (preview) {
    const replaced = active[preview.body.kind];
    const kind = t(`rubrics.kindsLower.${preview.body.kind}`);
    const lowest = levelsHighFirst(preview.body.levels).at(-1);
    return (
      <Stack gap="md">
        <Text component="h3" fw={700} size="lg" m={0} ref={heading} tabIndex={-1}>
          {t('rubrics.editor.previewTitle')}
        </Text>
        {general && <Notice tone="error">{general}</Notice>}
        <Notice
          tone={replaced ? 'warning' : 'info'}
          title={replaced ? t('rubrics.editor.confirmTitle') : t('rubrics.editor.confirmFirstTitle')}
        >
          <p className="ts-notice-text">
            {replaced
              ? t('rubrics.editor.confirmReplace', { name: replaced.name, kind })
              : t('rubrics.editor.confirmFirst', { kind })}
          </p>
        </Notice>
        {lowest && lowest.min > 0 && (
          <Notice tone="info">
            <p className="ts-notice-text">{t('rubrics.editor.noZeroLevel', { min: lowest.min })}</p>
          </Notice>
        )}
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Text size="sm" c="dimmed" fw={600} mb={4}>
            {t(`rubrics.kinds.${preview.body.kind}`)}
          </Text>
          <RubricView rubric={preview.body} titleOrder={4} />
        </Paper>
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={() => {
              setGeneral(null);
              setPreview(null);
            }}
            disabled={save.isPending}
          >
            {t('rubrics.editor.back')}
          </Button>
          <Button onClick={() => save.mutate(preview)} loading={save.isPending}>
            {t('rubrics.editor.submit')}
          </Button>
        </Group>
      </Stack>
    );
  }

  // --- editor ----------------------------------------------------------------------------------

  const replaced = active[draft.kind];
  const kindLower = t(`rubrics.kindsLower.${draft.kind}`);
  return (
    <form ref={form} onSubmit={toPreview} noValidate>
      <Stack gap="md">
        <div ref={top} />
        <Text size="sm">{t('rubrics.editor.intro')}</Text>
        {general && <Notice tone="error">{general}</Notice>}

        <Fieldset legend={t('rubrics.editor.startFrom')} radius="md" p="sm">
          <Stack gap="xs">
            <Group gap="sm">
              <FileButton onChange={(f) => void chooseFile(f)} accept="application/json,.json" resetRef={resetFile}>
                {(props) => (
                  <Button {...props} variant="light" leftSection={<FileIcon size={16} />}>
                    {t('rubrics.editor.file')}
                  </Button>
                )}
              </FileButton>
              {copyFrom && (
                <Button variant="subtle" leftSection={<CopyRowsIcon size={16} />} onClick={copyActive}>
                  {t('rubrics.editor.copyActive')}
                </Button>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t('rubrics.editor.fileHint')}
            </Text>
            {note && (
              <Notice tone={note.tone} title={note.title} onClose={() => setNote(null)}>
                {note.lines.map((line) => (
                  <p key={line} className="ts-notice-text">
                    {line}
                  </p>
                ))}
              </Notice>
            )}
          </Stack>
        </Fieldset>

        <NativeSelect
          label={t('rubrics.editor.kind')}
          required
          value={draft.kind}
          onChange={(e) => setKind(e.currentTarget.value as MeetingKind)}
          data={MEETING_KINDS.map((k) => ({ value: k, label: t(`rubrics.kinds.${k}`) }))}
          description={
            replaced
              ? t('rubrics.editor.replaces', { name: replaced.name, kind: kindLower })
              : t('rubrics.editor.replacesNone', { kind: kindLower })
          }
          error={errors.fields.kind}
        />
        <TextInput
          label={t('rubrics.editor.name')}
          required
          placeholder={t('rubrics.editor.namePlaceholder')}
          value={draft.name}
          onChange={(e) => setField('name', e.currentTarget.value)}
          error={errors.fields.name}
          maxLength={LIMITS.name}
          autoComplete="off"
        />
        <TextInput
          label={t('rubrics.editor.source')}
          description={t('rubrics.editor.sourceHint')}
          required
          value={draft.source}
          onChange={(e) => setField('source', e.currentTarget.value)}
          error={errors.fields.source}
          maxLength={LIMITS.source}
          autoComplete="off"
        />
        <Checkbox
          label={t('rubrics.editor.verified')}
          description={t('rubrics.editor.verifiedHint')}
          checked={draft.verified}
          onChange={(e) => {
            const verified = e.currentTarget.checked;
            setDraft((d) => ({ ...d, verified }));
          }}
        />

        <CriteriaEditor
          rows={draft.criteria}
          errors={errors.criteria}
          error={errors.fields.criteria}
          onUpdate={updateCriterion}
          onRows={setCriteria}
        />
        <LevelsEditor
          rows={draft.levels}
          errors={errors.levels}
          error={errors.fields.levels}
          onUpdate={updateLevel}
          onRows={setLevels}
        />

        <DialogActions onCancel={onCancel} confirmLabel={t('rubrics.editor.preview')} />
      </Stack>
    </form>
  );
}

/** Checked problems → messages, keeping the shape. */
function translate(e: DraftErrors<Problem>, say: (p: Problem) => string): DraftErrors<string> {
  const fields: Partial<Record<TopField, string>> = {};
  for (const [k, p] of Object.entries(e.fields) as [TopField, Problem | undefined][]) if (p) fields[k] = say(p);
  const rows = <F extends string>(r: Record<number, Partial<Record<F, Problem>>>) => {
    const out: Record<number, Partial<Record<F, string>>> = {};
    for (const [key, row] of Object.entries(r) as [string, Partial<Record<F, Problem>>][]) {
      const o: Partial<Record<F, string>> = {};
      for (const [f, p] of Object.entries(row) as [F, Problem | undefined][]) if (p) o[f] = say(p);
      out[Number(key)] = o;
    }
    return out;
  };
  return { fields, criteria: rows<CriterionField>(e.criteria), levels: rows<LevelField>(e.levels) };
}

function RowError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <Text size="sm" c="error" role="alert">
      {message}
    </Text>
  );
}

function CriteriaEditor({
  rows,
  errors,
  error,
  onUpdate,
  onRows,
}: {
  rows: CriterionRow[];
  errors: DraftErrors<string>['criteria'];
  error?: string;
  onUpdate: (key: number, patch: Partial<CriterionRow>) => void;
  onRows: (rows: CriterionRow[]) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const total = draftTotal({ criteria: rows });
  const measures: { value: MeasureChoice; label: string }[] = [
    { value: '', label: t('rubrics.editor.manual') },
    ...RUBRIC_MEASURES.map((m) => ({ value: m, label: t(`rubrics.editor.measureOptions.${m}`) })),
  ];
  return (
    <Fieldset legend={t('rubrics.editor.criteria')} radius="md" p="sm">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('rubrics.editor.criteriaHint')}
        </Text>
        {rows.map((row, i) => {
          const n = i + 1;
          const e = errors[row.key] ?? {};
          const invalid = Object.values(e).some(Boolean);
          return (
            <div
              key={row.key}
              className="ts-rubric-row"
              role="group"
              aria-label={t('rubrics.editor.criterionRow', { n })}
              data-invalid={invalid || undefined}
            >
              <div className="ts-rubric-row-head">
                <Text fw={700} size="sm">
                  {t('rubrics.editor.criterionRow', { n })}
                </Text>
                <RowControls
                  size={36}
                  index={i}
                  count={rows.length}
                  labels={{ up: t('rubrics.editor.moveUp', { n }), down: t('rubrics.editor.moveDown', { n }), remove: t('rubrics.editor.removeCriterion', { n }) }}
                  onMove={(step) => onRows(moveItem(rows, i, step))}
                  onRemove={() => onRows(rows.filter((r) => r.key !== row.key))}
                />
              </div>
              <div className="ts-rubric-row-grid">
                <TextInput
                  className="ts-rc-code"
                  label={t('rubrics.editor.code')}
                  required
                  value={row.code}
                  onChange={(ev) => onUpdate(row.key, { code: ev.currentTarget.value })}
                  error={e.code}
                  autoComplete="off"
                  autoCapitalize="none"
                  autoCorrect="off"
                  spellCheck={false}
                  maxLength={40}
                />
                <Textarea
                  className="ts-rc-text"
                  label={t('rubrics.editor.text')}
                  required
                  autosize
                  minRows={1}
                  maxRows={6}
                  value={row.text}
                  onChange={(ev) => onUpdate(row.key, { text: ev.currentTarget.value })}
                  error={e.text}
                  maxLength={LIMITS.text}
                />
                <TextInput
                  className="ts-rc-points"
                  label={t('rubrics.editor.points')}
                  required
                  inputMode="decimal"
                  value={row.points}
                  onChange={(ev) => onUpdate(row.key, { points: ev.currentTarget.value })}
                  error={e.points}
                  autoComplete="off"
                />
                <NativeSelect
                  className="ts-rc-measure"
                  label={t('rubrics.editor.measure')}
                  value={row.measure}
                  onChange={(ev) => onUpdate(row.key, { measure: ev.currentTarget.value as MeasureChoice })}
                  data={measures}
                  error={e.measure}
                />
                {row.measure === 'attendance_rate' && (
                  <TextInput
                    className="ts-rc-threshold"
                    label={t('rubrics.editor.threshold')}
                    placeholder="90"
                    description={t('rubrics.editor.thresholdHint')}
                    inputMode="decimal"
                    value={row.threshold}
                    onChange={(ev) => onUpdate(row.key, { threshold: ev.currentTarget.value })}
                    error={e.threshold}
                    autoComplete="off"
                  />
                )}
              </div>
            </div>
          );
        })}
        <RowError message={error} />
        <Group justify="space-between" gap="sm">
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<PlusIcon size={16} />}
            onClick={() => onRows([...rows, emptyCriterion(nextCode(rows))])}
            disabled={rows.length >= LIMITS.criteria}
          >
            {t('rubrics.editor.addCriterion')}
          </Button>
          <Text fw={700} className="ts-rubric-total" aria-live="polite">
            {t('rubrics.editor.total', { points: fmt(total) })}
          </Text>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function LevelsEditor({
  rows,
  errors,
  error,
  onUpdate,
  onRows,
}: {
  rows: LevelRow[];
  errors: DraftErrors<string>['levels'];
  error?: string;
  onUpdate: (key: number, patch: Partial<LevelRow>) => void;
  onRows: (rows: LevelRow[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('rubrics.editor.levels')} radius="md" p="sm">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('rubrics.editor.levelsHint')}
        </Text>
        {rows.map((row, i) => {
          const n = i + 1;
          const e = errors[row.key] ?? {};
          return (
            <div key={row.key} className="ts-rubric-level-row" role="group" aria-label={t('rubrics.editor.levelRow', { n })}>
              <TextInput
                label={t('rubrics.editor.levelName')}
                required
                value={row.name}
                onChange={(ev) => onUpdate(row.key, { name: ev.currentTarget.value })}
                error={e.name}
                maxLength={LIMITS.levelName}
                autoComplete="off"
              />
              <TextInput
                label={t('rubrics.editor.levelMin')}
                required
                inputMode="decimal"
                value={row.min}
                onChange={(ev) => onUpdate(row.key, { min: ev.currentTarget.value })}
                error={e.min}
                autoComplete="off"
              />
              <ActionIcon
                className="ts-rubric-level-remove"
                variant="subtle"
                color="gray.8"
                size={36}
                aria-label={t('rubrics.editor.removeLevel', { n })}
                disabled={rows.length === 1}
                onClick={() => onRows(rows.filter((r) => r.key !== row.key))}
              >
                <TrashIcon />
              </ActionIcon>
            </div>
          );
        })}
        <RowError message={error} />
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<PlusIcon size={16} />}
            onClick={() => onRows([...rows, emptyLevel()])}
            disabled={rows.length >= LIMITS.levels}
          >
            {t('rubrics.editor.addLevel')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
