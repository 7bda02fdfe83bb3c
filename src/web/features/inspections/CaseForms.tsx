import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import './messages.js';
import { useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, Checkbox, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import { Notice } from '../../components/Notice.js';
import { formatDate } from '../../lib/format.js';
import { formErrorsFrom, type FormErrors } from '../../lib/forms.js';
import { splitErrors, useFocusFirstError, type RowErrors } from '../../lib/formHelpers.js';
import { todayLocal } from '../../lib/time.js';
import {
  INSPECTION_VERDICTS,
  inspectionPath,
  useInspectionChanged,
  useSubjectRecords,
  type ConclusionBody,
  type EvidenceRecordType,
  type InspectionDetail,
  type InspectionVerdict,
  type RecordStepBody,
} from './api.js';
import { parseDates } from './dates.js';
import { evidenceHref, extensionProblem, groupRecords, stepFields, subjectReportWord } from './look.js';
import { FilePick, MemberPick, type Picked } from './Parts.js';
import { attachmentOf, pickInto, uploadErrors } from './upload.js';

const STEP_FIELDS = ['doneOn', 'note', 'documentNo', 'subjectComments', 'attachment', 'evidence'] as const;
type StepField = (typeof STEP_FIELDS)[number];
const NO_ERRORS = { fields: {}, general: null };

/** Sends a step (with its file, if any): the case as it now stands comes back. */
function useRecordStep(d: InspectionDetail, onDone: () => void, onError: (e: unknown) => void) {
  const changed = useInspectionChanged();
  return useMutation({
    mutationFn: async ({ body, file }: { body: Omit<RecordStepBody, 'attachment'>; file: File | null }) =>
      api<InspectionDetail>(inspectionPath(d.id, '/steps'), { method: 'POST', body: { ...body, attachment: await attachmentOf(file) } }),
    onSuccess: (next) => {
      changed(next);
      onDone();
    },
    onError,
  });
}

/** The step form walks the kind's steps: it offers the next one only, with the fields that step needs. */
export function StepForm({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const step = d.steps.find((s) => s.code === d.nextStep)!;
  const fields = stepFields(step.code, step.documents);
  const [doneOn, setDoneOn] = useState(formatDate(todayLocal()) ?? '');
  const [note, setNote] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const [comments, setComments] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [evidence, setEvidence] = useState<Map<string, { recordType: EvidenceRecordType; recordId: string }>>(new Map());
  const [errors, setErrors] = useState<FormErrors<StepField>>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const send = useRecordStep(
    d,
    () => {
      setSaved(step.name);
      setNote('');
      setDocumentNo('');
      setComments('');
      setFile(null);
      setEvidence(new Map());
      setErrors(NO_ERRORS);
    },
    (e) => {
      setErrors(uploadErrors(e, STEP_FIELDS, t('inspections.failed'), t('inspections.file.unreadable')));
      setAttempt((a) => a + 1);
    },
  );
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(null);
    const { dates, problems } = parseDates({ doneOn }, ['doneOn']);
    const f: FormErrors<StepField>['fields'] = { ...(errors.fields.attachment ? { attachment: errors.fields.attachment } : {}) };
    if (problems.doneOn) f.doneOn = t(problems.doneOn === 'required' ? 'inspections.required' : 'inspections.invalidDate');
    if (!note.trim()) f.note = t('inspections.required');
    if (Object.keys(f).length) {
      setErrors({ fields: f, general: t('common.formErrors') });
      setAttempt((a) => a + 1);
      return;
    }
    send.mutate({
      body: {
        code: step.code,
        doneOn: dates.doneOn!,
        note: note.trim(),
        documentNo: fields.documentNo ? documentNo.trim() || null : null,
        subjectComments: fields.subjectComments ? comments.trim() || null : null,
        evidence: [...evidence.values()],
      },
      file: fields.attachment ? file : null,
    });
  }
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="in-step-form">
      <form ref={formRef} onSubmit={submit} noValidate data-testid="step-form" data-step={step.code}>
        <Stack gap="sm">
          <Title order={2} fz="h4" id="in-step-form">
            {t('inspections.step.title', { step: step.name })}
          </Title>
          {saved && <Notice tone="success">{t('inspections.step.saved')}</Notice>}
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          {step.documents.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('inspections.case.documents', { names: step.documents.join(', ') })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('inspections.step.doneOn')} required placeholder={t('inspections.datePlaceholder')} value={doneOn} onChange={(e) => setDoneOn(e.currentTarget.value)} error={errors.fields.doneOn} data-testid="step-done-on" />
            {fields.documentNo && (
              <TextInput label={t('inspections.step.documentNo')} value={documentNo} onChange={(e) => setDocumentNo(e.currentTarget.value)} error={errors.fields.documentNo} data-testid="step-document-no" />
            )}
          </SimpleGrid>
          <Textarea label={t('inspections.step.note')} required autosize minRows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.fields.note} data-testid="step-note" />
          {fields.subjectComments && (
            <Textarea label={t('inspections.step.subjectComments')} autosize minRows={2} value={comments} onChange={(e) => setComments(e.currentTarget.value)} error={errors.fields.subjectComments} data-testid="step-subject-comments" />
          )}
          {fields.attachment && (
            <FilePick
              file={file}
              onChange={pickInto(setFile, setErrors)}
              error={errors.fields.attachment}
            />
          )}
          {fields.evidence && <EvidencePicker d={d} chosen={evidence} onChange={setEvidence} error={errors.fields.evidence} />}
          <div>
            <Button type="submit" loading={send.isPending} data-testid="step-submit">
              {t('inspections.step.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

/** The subject's records in the review period, grouped by type, searchable; ticked ones become evidence links. */
function EvidencePicker({
  d,
  chosen,
  onChange,
  error,
}: {
  d: InspectionDetail;
  chosen: Map<string, { recordType: EvidenceRecordType; recordId: string }>;
  onChange: (m: Map<string, { recordType: EvidenceRecordType; recordId: string }>) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const records = useSubjectRecords(d.id, true);
  const [q, setQ] = useState('');
  const groups = groupRecords(records.data?.items ?? [], q);
  const key = (type: string, id: string) => `${type}:${id}`;
  function toggle(recordType: EvidenceRecordType, recordId: string, on: boolean) {
    const next = new Map(chosen);
    if (on) next.set(key(recordType, recordId), { recordType, recordId });
    else next.delete(key(recordType, recordId));
    onChange(next);
  }
  return (
    <Stack gap={6} data-testid="evidence-picker">
      <Text size="sm" fw={600}>
        {t('inspections.step.evidence')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('inspections.step.evidenceHint')}
      </Text>
      <TextInput type="search" label={t('inspections.step.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="evidence-search" />
      {error && <Notice tone="error">{error}</Notice>}
      <div className="ts-in-records">
        {records.isPending ? (
          <Text size="sm">{t('inspections.step.loadRecords')}</Text>
        ) : groups.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('inspections.step.noRecords')}
          </Text>
        ) : (
          groups.map((g) => (
            <fieldset key={g.type}>
              <legend>{t(`inspections.recordType.${g.type}`)}</legend>
              <Stack gap={4}>
                {g.items.map((r) => (
                  <div key={r.recordId} style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
                    <Checkbox
                      aria-label={r.label}
                      checked={chosen.has(key(r.recordType, r.recordId))}
                      onChange={(e) => toggle(r.recordType, r.recordId, e.currentTarget.checked)}
                      data-testid="evidence-option"
                    />
                    <Text size="sm">
                      <Anchor component={Link} to={evidenceHref(r.recordType, r.recordId, d.subject.unitId)} target="_blank">
                        {r.label}
                      </Anchor>
                      {[r.date ? formatDate(r.date) : null, r.detail].filter(Boolean).map((x) => ` · ${x}`)}
                    </Text>
                  </div>
                ))}
              </Stack>
            </fieldset>
          ))
        )}
      </div>
      <Text size="xs" c="dimmed" aria-live="polite">
        {t('inspections.step.chosen', { count: chosen.size })}
      </Text>
    </Stack>
  );
}

/** The subject's own report (báo cáo tự kiểm tra, or giải trình): text and a file from the phone. */
export function SubjectReportForm({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const word = subjectReportWord(d.family);
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors<StepField>>(NO_ERRORS);
  const [sent, setSent] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const send = useRecordStep(
    d,
    () => {
      setSent(true);
      setNote('');
      setFile(null);
    },
    (e) => {
      setErrors(uploadErrors(e, STEP_FIELDS, t('inspections.failed'), t('inspections.file.unreadable')));
      setAttempt((a) => a + 1);
    },
  );
  // Once sent, the case no longer asks for it: the word that it went stays.
  if (!d.actions.includes('subject_report')) return sent ? <Notice tone="success">{t('inspections.subject.reportSent')}</Notice> : null;
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!note.trim() || errors.fields.attachment) {
      setErrors((x) => ({ fields: { ...x.fields, ...(note.trim() ? {} : { note: t('inspections.required') }) }, general: null }));
      setAttempt((a) => a + 1);
      return;
    }
    setErrors(NO_ERRORS);
    send.mutate({ body: { code: 'subject_report', doneOn: todayLocal(), note: note.trim(), evidence: [] }, file });
  }
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="in-subject-report">
      <form ref={formRef} onSubmit={submit} noValidate data-testid="subject-report-form">
        <Stack gap="sm">
          <Title order={2} fz="h4" id="in-subject-report">
            {t(`inspections.subject.${word}`)}
          </Title>
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <Textarea
            label={t('inspections.subject.reportText')}
            description={t('inspections.subject.reportHint')}
            required
            autosize
            minRows={4}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.fields.note}
            data-testid="subject-report-text"
          />
          <FilePick
            file={file}
            disabled={send.isPending}
            onChange={pickInto(setFile, setErrors)}
            error={errors.fields.attachment}
          />
          <div>
            <Button type="submit" loading={send.isPending} data-testid="subject-report-submit">
              {t('inspections.subject.reportSubmit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

/** Gia hạn: working days within the kind's allowance, and why. */
export function ExtensionForm({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const changed = useInspectionChanged();
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors<'workingDays' | 'reason'>>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const extend = useMutation({
    mutationFn: (body: { workingDays: number; reason: string }) => api<InspectionDetail>(inspectionPath(d.id, '/extension'), { method: 'POST', body }),
    onSuccess: (next) => {
      changed(next);
      setSaved(true);
      setOpen(false);
      setDays('');
      setReason('');
    },
    onError: (e) => setErrors(formErrorsFrom(e, ['workingDays', 'reason'] as const, t('inspections.failed'))),
  });
  if (d.maxExtensionWorkingDays <= 0) return null;
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problem = extensionProblem(days, d);
    const f: FormErrors<'workingDays' | 'reason'>['fields'] = {};
    if (problem) f.workingDays = problem === 'invalid' ? t('inspections.extend.invalid') : t('inspections.extend.tooMany', { max: d.maxExtensionWorkingDays });
    if (!reason.trim()) f.reason = t('inspections.required');
    if (Object.keys(f).length) return setErrors({ fields: f, general: null });
    setErrors(NO_ERRORS);
    extend.mutate({ workingDays: Number(days.trim()), reason: reason.trim() });
  }
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="in-extend">
      <Stack gap="sm">
        <div className="ts-li-card-head">
          <Title order={2} fz="h4" id="in-extend">
            {t('inspections.extend.title')}
          </Title>
          <Button size="xs" variant={open ? 'outline' : 'light'} onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="extend-open">
            {t('inspections.extend.open')}
          </Button>
        </div>
        {saved && <Notice tone="success">{t('inspections.extend.saved')}</Notice>}
        {open && (
          <form onSubmit={submit} noValidate data-testid="extend-form">
            <Stack gap="sm">
              {errors.general && <Notice tone="error">{errors.general}</Notice>}
              <TextInput
                label={t('inspections.extend.days')}
                description={t('inspections.extend.daysHint', { max: d.maxExtensionWorkingDays })}
                inputMode="numeric"
                required
                value={days}
                onChange={(e) => setDays(e.currentTarget.value)}
                error={errors.fields.workingDays}
                maw={320}
                data-testid="extend-days"
              />
              <Textarea label={t('inspections.extend.reason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.fields.reason} data-testid="extend-reason" />
              <div>
                <Button type="submit" loading={extend.isPending} data-testid="extend-submit">
                  {t('inspections.extend.submit')}
                </Button>
              </div>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

const CONCLUSION_FIELDS = ['concludedOn', 'documentNo', 'strengths', 'shortcomings', 'violations', 'causes', 'responsibility', 'verdict', 'recommendations'] as const;
type ConclusionField = (typeof CONCLUSION_FIELDS)[number];
type RecRow = { key: number; text: string; deadline: string; owner: Picked };

/** Thông báo kết luận: the findings, the verdict on a denunciation or an appeal, the recommendations with deadlines (and, for a cell, who answers for each). */
export function ConclusionForm({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const changed = useInspectionChanged();
  const [v, setV] = useState({ concludedOn: formatDate(todayLocal()) ?? '', documentNo: '', strengths: '', shortcomings: '', violations: '', causes: '', responsibility: '' });
  const [signs, setSigns] = useState(false);
  const [verdict, setVerdict] = useState<InspectionVerdict | ''>('');
  const nextKey = useRef(1);
  const [recs, setRecs] = useState<RecRow[]>([{ key: 0, text: '', deadline: '', owner: null }]);
  const [errors, setErrors] = useState<FormErrors<ConclusionField>>(NO_ERRORS);
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const complaint = d.family === 'denunciation' || d.family === 'appeal';
  const save = useMutation({
    mutationFn: (body: ConclusionBody) => api<InspectionDetail>(inspectionPath(d.id, '/conclusion'), { method: 'POST', body }),
    onSuccess: (next) => changed(next),
    onError: (e) => {
      const { form, rows } = splitErrors(e, 'recommendations', CONCLUSION_FIELDS, t('common.formErrors'));
      setErrors(form);
      setRowErrors(rows);
      setAttempt((a) => a + 1);
    },
  });
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((p) => ({ ...p, [k]: value }));
  };
  const setRec = (key: number, patch: Partial<RecRow>) => setRecs((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const { dates, problems } = parseDates({ concludedOn: v.concludedOn }, ['concludedOn']);
    const f: FormErrors<ConclusionField>['fields'] = {};
    if (problems.concludedOn) f.concludedOn = t(problems.concludedOn === 'required' ? 'inspections.required' : 'inspections.invalidDate');
    const rows: RowErrors = {};
    const filled = recs.filter((r) => r.text.trim() || r.deadline.trim());
    const recommendations = filled.map((r, i) => {
      const deadline = parseDates({ deadline: r.deadline }, ['deadline']);
      if (!r.text.trim()) (rows[i] ??= {}).text = t('inspections.required');
      if (deadline.problems.deadline) (rows[i] ??= {}).deadline = t(deadline.problems.deadline === 'required' ? 'inspections.required' : 'inspections.invalidDate');
      return { text: r.text.trim(), deadline: deadline.dates.deadline ?? '', ...(d.subject.kind === 'unit' ? { ownerMemberId: r.owner?.id ?? null } : {}) };
    });
    if (Object.keys(f).length || Object.keys(rows).length) {
      setErrors({ fields: f, general: t('common.formErrors') });
      // Row errors are indexed over the rows sent: map them back onto the rows shown.
      setRowErrors(Object.fromEntries(Object.entries(rows).map(([i, m]) => [recs.indexOf(filled[Number(i)]!), m])));
      setAttempt((a) => a + 1);
      return;
    }
    setErrors(NO_ERRORS);
    setRowErrors({});
    const opt = (s: string) => s.trim() || null;
    save.mutate({
      concludedOn: dates.concludedOn!,
      documentNo: opt(v.documentNo),
      strengths: v.strengths.trim(),
      shortcomings: v.shortcomings.trim(),
      violations: opt(v.violations),
      causes: v.causes.trim(),
      responsibility: opt(v.responsibility),
      signsOfViolation: signs,
      ...(complaint && verdict ? { verdict } : {}),
      recommendations,
    });
  }
  const err = errors.fields;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="in-conclusion-form">
      <form ref={formRef} onSubmit={submit} noValidate data-testid="conclusion-form">
        <Stack gap="sm">
          <Title order={2} fz="h4" id="in-conclusion-form">
            {t('inspections.conclusion.formTitle')}
          </Title>
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('inspections.conclusion.concludedOn')} required placeholder={t('inspections.datePlaceholder')} value={v.concludedOn} onChange={set('concludedOn')} error={err.concludedOn} data-testid="conclusion-date" />
            <TextInput label={t('inspections.conclusion.documentNo')} value={v.documentNo} onChange={set('documentNo')} error={err.documentNo} data-testid="conclusion-no" />
          </SimpleGrid>
          <Textarea label={t('inspections.conclusion.strengths')} autosize minRows={2} value={v.strengths} onChange={set('strengths')} error={err.strengths} data-testid="conclusion-strengths" />
          <Textarea label={t('inspections.conclusion.shortcomings')} autosize minRows={2} value={v.shortcomings} onChange={set('shortcomings')} error={err.shortcomings} data-testid="conclusion-shortcomings" />
          <Textarea label={t('inspections.conclusion.violations')} autosize minRows={2} value={v.violations} onChange={set('violations')} error={err.violations} data-testid="conclusion-violations" />
          <Textarea label={t('inspections.conclusion.causes')} autosize minRows={2} value={v.causes} onChange={set('causes')} error={err.causes} data-testid="conclusion-causes" />
          <Textarea label={t('inspections.conclusion.responsibility')} autosize minRows={2} value={v.responsibility} onChange={set('responsibility')} error={err.responsibility} data-testid="conclusion-responsibility" />
          {complaint ? (
            <NativeSelect
              label={t('inspections.conclusion.verdict')}
              required
              value={verdict}
              onChange={(e) => setVerdict(e.currentTarget.value as InspectionVerdict | '')}
              data={[{ value: '', label: t('inspections.conclusion.verdictNone') }, ...INSPECTION_VERDICTS.map((x) => ({ value: x, label: t(`inspections.verdict.${x}`) }))]}
              error={err.verdict}
              data-testid="conclusion-verdict"
            />
          ) : (
            <Checkbox label={t('inspections.conclusion.signsOfViolation')} checked={signs} onChange={(e) => setSigns(e.currentTarget.checked)} data-testid="conclusion-signs" />
          )}
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontWeight: 600, marginBottom: 6 }}>{t('inspections.conclusion.recommendations')}</legend>
            {err.recommendations && <Notice tone="error">{err.recommendations}</Notice>}
            <ol className="ts-li-cards" data-testid="conclusion-recs">
              {recs.map((r, i) => (
                <li key={r.key} className="ts-in-rec-row">
                  <Textarea label={t('inspections.conclusion.recText', { n: i + 1 })} autosize minRows={2} value={r.text} onChange={(e) => setRec(r.key, { text: e.currentTarget.value })} error={rowErrors[i]?.text} data-testid="rec-text" />
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <TextInput label={t('inspections.conclusion.recDeadline')} placeholder={t('inspections.datePlaceholder')} value={r.deadline} onChange={(e) => setRec(r.key, { deadline: e.currentTarget.value })} error={rowErrors[i]?.deadline} data-testid="rec-deadline" />
                    {d.subject.kind === 'unit' && (
                      <MemberPick
                        unitId={d.subject.unitId}
                        label={t('inspections.conclusion.recOwner')}
                        value={r.owner}
                        onChange={(owner) => setRec(r.key, { owner })}
                        error={rowErrors[i]?.ownerMemberId}
                        testId="rec-owner"
                      />
                    )}
                  </SimpleGrid>
                  {recs.length > 1 && (
                    <div>
                      <Button variant="subtle" size="compact-sm" color="red" onClick={() => setRecs((rs) => rs.filter((x) => x.key !== r.key))}>
                        {t('inspections.conclusion.removeRec', { n: i + 1 })}
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ol>
            <Button variant="default" size="xs" mt="xs" onClick={() => setRecs((rs) => [...rs, { key: nextKey.current++, text: '', deadline: '', owner: null }])} data-testid="rec-add">
              {t('inspections.conclusion.addRec')}
            </Button>
          </fieldset>
          <div>
            <Button type="submit" loading={save.isPending} data-testid="conclusion-submit">
              {t('inspections.conclusion.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
