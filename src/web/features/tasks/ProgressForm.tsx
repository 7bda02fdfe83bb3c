import './messages.js';
import './tasks.css';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button, FileButton, Group, Input, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { Notice } from '../../components/Notice.js';
import { UploadIcon } from '../../components/icons.js';
import { formatPercent } from '../../lib/format.js';
import { formErrorsFrom, type FormErrors } from '../../lib/forms.js';
import { MAX_ATTACHMENT_BYTES, sendProgress, useTaskChanged, type ProgressBody, type TaskDetail } from './api.js';
import { formatBytes, readAsBase64 } from '../../lib/files.js';
import { useFocusFirstError } from '../../lib/formHelpers.js';

const FIELDS = ['text', 'percent', 'attachment'] as const;
type Field = (typeof FIELDS)[number];
const NO_ERRORS: FormErrors<Field> = { fields: {}, general: null };

type Phase = { kind: 'idle' } | { kind: 'reading' | 'sending'; fraction: number | null };

/** Chooses a whole percent 0–100 from what was typed; null when it is not one. */
function percentOf(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n <= 100 ? n : null;
}

/**
 * Báo cáo tiến độ: what was done, how far (a number and a slider, both 0–100), and optionally a
 * file (a photo of the work, a document) of at most 10 MB — checked before anything is sent, then
 * read and uploaded with a progress bar, since a rural connection may take a while.
 */
export function ProgressForm({ task }: { task: TaskDetail }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const changed = useTaskChanged();
  const [text, setText] = useState('');
  const [percent, setPercent] = useState(String(task.progressPercent));
  const [file, setFile] = useState<File | null>(null);
  const resetFile = useRef<() => void>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [errors, setErrors] = useState(NO_ERRORS);
  const [sent, setSent] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);

  const send = useMutation({
    mutationFn: async ({ body, file }: { body: Omit<ProgressBody, 'attachment'>; file: File | null }) => {
      let attachment: ProgressBody['attachment'] = null;
      if (file) {
        setPhase({ kind: 'reading', fraction: 0 });
        let contentBase64: string;
        try {
          contentBase64 = await readAsBase64(file, (fraction) => setPhase({ kind: 'reading', fraction }));
        } catch {
          throw new UnreadableFile();
        }
        attachment = { fileName: file.name, contentBase64, ...(file.type ? { mimeType: file.type.slice(0, 100) } : {}) };
      }
      setPhase({ kind: 'sending', fraction: file ? 0 : null });
      return sendProgress(task.id, { ...body, attachment }, (fraction) => setPhase({ kind: 'sending', fraction }));
    },
    onSuccess: (detail) => {
      setPhase({ kind: 'idle' });
      changed(detail);
      setText('');
      setPercent(String(detail.progressPercent));
      setFile(null);
      resetFile.current?.();
      setErrors(NO_ERRORS);
      setSent(true);
    },
    onError: (e) => {
      setPhase({ kind: 'idle' });
      if (e instanceof UnreadableFile) {
        setErrors({ fields: { attachment: t('tasks.report.unreadable') }, general: null });
        return;
      }
      setErrors(formErrorsFrom(e, FIELDS, isApiError(e) ? t('common.formErrors') : t('errors.network')));
      setAttempt((a) => a + 1);
    },
  });

  function choose(next: File | null) {
    setSent(false);
    setFile(next);
    if (!next) resetFile.current?.();
    setErrors((e) => ({ ...e, fields: { ...e.fields, attachment: undefined } }));
    if (next && next.size > MAX_ATTACHMENT_BYTES) {
      setErrors((e) => ({ ...e, fields: { ...e.fields, attachment: t('tasks.report.tooBig', { name: next.name, size: formatBytes(next.size, lng) }) } }));
    }
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSent(false);
    const fields: FormErrors<Field>['fields'] = {};
    const value = percentOf(percent);
    if (!text.trim()) fields.text = t('errors.required');
    if (value === null) fields.percent = t('tasks.report.percentInvalid');
    if (file && file.size > MAX_ATTACHMENT_BYTES) fields.attachment = t('tasks.report.tooBig', { name: file.name, size: formatBytes(file.size, lng) });
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: t('common.formErrors') });
      setAttempt((a) => a + 1);
      return;
    }
    setErrors(NO_ERRORS);
    send.mutate({ body: { text: text.trim(), percent: value! }, file });
  }

  const busy = phase.kind !== 'idle';
  const fraction = busy ? phase.fraction : null;
  const status =
    phase.kind === 'reading'
      ? t('tasks.report.reading', { percent: formatPercent(fraction ?? 0, lng) })
      : phase.kind === 'sending'
        ? fraction === null
          ? t('tasks.report.sendingNoFile')
          : t('tasks.report.sending', { percent: formatPercent(fraction, lng) })
        : null;
  const sliderValue = percentOf(percent) ?? 0;

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`}>
      <Title order={2} fz="h4" id={`${id}-h`} mb="sm">
        {t('tasks.report.title')}
      </Title>
      <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${id}-h`} className="ts-mt-form">
        <Stack gap="sm">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          {sent && (
            <Notice tone="success" onClose={() => setSent(false)}>
              {t('tasks.report.sent')}
            </Notice>
          )}
          <Textarea
            label={t('tasks.report.text')}
            description={t('tasks.report.textHint')}
            required
            autosize
            minRows={3}
            maxRows={12}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.fields.text}
            disabled={busy}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Stack gap={4}>
              <TextInput
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                step={1}
                label={t('tasks.report.percent')}
                required
                value={percent}
                onChange={(e) => setPercent(e.currentTarget.value)}
                error={errors.fields.percent}
                disabled={busy}
                autoComplete="off"
              />
              <input
                type="range"
                className="ts-tk-range"
                min={0}
                max={100}
                step={5}
                value={sliderValue}
                onChange={(e) => setPercent(e.currentTarget.value)}
                aria-label={t('tasks.report.percentSlider')}
                aria-valuetext={formatPercent(sliderValue / 100, lng)}
                disabled={busy}
              />
            </Stack>
            <Input.Wrapper
              labelElement="div"
              label={t('tasks.report.file')}
              description={t('tasks.report.fileHint')}
              error={errors.fields.attachment}
              id={`${id}-file`}
            >
              <Group gap="xs" mt={6} wrap="wrap">
                {/* A button rather than the browser's own file field: its words follow the app's language. */}
                <FileButton onChange={choose} resetRef={resetFile} disabled={busy} inputProps={{ 'aria-label': t('tasks.report.file') }}>
                  {(props) => (
                    <Button
                      {...props}
                      variant="default"
                      leftSection={<UploadIcon size={16} />}
                      disabled={busy}
                      aria-describedby={`${id}-file-description${errors.fields.attachment ? ` ${id}-file-error` : ''}`}
                    >
                      {file ? t('tasks.report.chooseOther') : t('tasks.report.choose')}
                    </Button>
                  )}
                </FileButton>
                {file && (
                  <>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {file.name} ({formatBytes(file.size, lng)})
                    </Text>
                    {!busy && (
                      <Button variant="subtle" size="compact-sm" onClick={() => choose(null)}>
                        {t('tasks.report.removeFile')}
                      </Button>
                    )}
                  </>
                )}
              </Group>
            </Input.Wrapper>
          </SimpleGrid>
          {sliderValue === 100 && (
            <Text size="sm" c="dimmed">
              {t('tasks.report.doneHint')}
            </Text>
          )}
          {status && (
            <div role="status" aria-live="polite">
              <Text size="sm" fw={600} mb={4}>
                {status}
              </Text>
              {fraction !== null && (
                <div className="ts-tk-sendbar" aria-hidden="true">
                  <div style={{ width: `${Math.round(fraction * 100)}%` }} />
                </div>
              )}
            </div>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('tasks.report.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The chosen file could not be read on this device (moved, permission withdrawn). */
class UnreadableFile extends Error {}
