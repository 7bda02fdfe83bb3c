import './messages.js';
import '../../components/modal-styles.js';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DetailList } from '../../components/DetailList.js';
import { DialogActions } from '../../components/DialogActions.js';
import { Notice } from '../../components/Notice.js';
import { PlusIcon } from '../../components/icons.js';
import { formatDate } from '../../lib/format.js';
import type { FormErrors } from '../../lib/forms.js';
import { fieldErrors, useFocusFirstError } from '../../lib/formHelpers.js';
import { todayLocal } from '../../lib/time.js';
import { usePhone } from '../../lib/usePhone.js';
import { useMemberDiscipline, useRecordDiscipline, type DisciplineDecision, type DisciplineOption, type MemberDisciplineResponse } from './api.js';

/**
 * Kỷ luật on the member's page: the decisions, newest first (the member sees their own), and for
 * those who may decide, "Ghi quyết định kỷ luật" offering only the forms the server allows. A
 * viewer the server refuses (403/404) sees no section.
 */
export default function DisciplineSection({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const record = useMemberDiscipline(memberId);
  const [recording, setRecording] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (!record.data) return null;
  const d = record.data;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={`${id}-h`} maw={720}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
        <Title order={2} fz="h4" id={`${id}-h`}>
          {t('discipline.title')}
        </Title>
        {d.actions.includes('record') && (
          <Button size="sm" variant="light" leftSection={<PlusIcon size={16} />} onClick={() => setRecording(true)}>
            {t('discipline.record')}
          </Button>
        )}
      </Group>
      {message && (
        <Notice tone="success" onClose={() => setMessage(null)} className="ts-mb">
          {message}
        </Notice>
      )}
      {d.items.length === 0 ? (
        <Text c="dimmed">{t('discipline.none')}</Text>
      ) : (
        <Stack component="ul" gap="sm" aria-label={t('discipline.listLabel')} p={0} m={0} style={{ listStyle: 'none' }}>
          {d.items.map((item) => (
            <DecisionCard key={item.id} item={item} />
          ))}
        </Stack>
      )}
      {recording && (
        <RecordDisciplineModal
          record={d}
          onClose={() => setRecording(false)}
          onDone={() => {
            setRecording(false);
            setMessage(t('discipline.form.done'));
          }}
        />
      )}
    </Paper>
  );
}

function DecisionCard({ item }: { item: DisciplineDecision }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Paper component="li" withBorder radius="sm" p="sm" aria-labelledby={`${id}-h`}>
      <Title order={3} fz="md" id={`${id}-h`} mb={4}>
        {item.formName}
      </Title>
      <DetailList
        items={[
          { label: t('discipline.decidedBy'), value: `${t(`discipline.body.${item.decidingBody}`)} — ${item.decidingUnitName}` },
          { label: t('discipline.decisionNo'), value: item.decisionNo },
          { label: t('discipline.decidedOn'), value: formatDate(item.decidedOn) },
          { label: t('discipline.effectiveOn'), value: formatDate(item.effectiveOn) },
          { label: t('discipline.reason'), value: <span style={{ whiteSpace: 'pre-wrap' }}>{item.reason}</span> },
          ...(item.memberStatus === 'probationary' ? [{ label: t('discipline.statusThen'), value: t('discipline.probationaryThen') }] : []),
          ...(item.sourceInspectionId
            ? [
                {
                  label: t('discipline.source'),
                  value: (
                    <Anchor component={Link} to={`/inspections/${item.sourceInspectionId}`}>
                      {t('discipline.sourceLink')}
                    </Anchor>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Paper>
  );
}

const FIELDS = ['decidingBody', 'decidingUnitId', 'formCode', 'decisionNo', 'decidedOn', 'effectiveOn', 'reason', 'memberId'] as const;
type Field = (typeof FIELDS)[number];

const optionKey = (o: Pick<DisciplineOption, 'decidingUnitId' | 'decidingBody'>) => `${o.decidingUnitId}|${o.decidingBody}`;

/** Ghi quyết định kỷ luật: the body first, then only the forms that body may give this member. */
function RecordDisciplineModal({ record, onClose, onDone }: { record: MemberDisciplineResponse; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);
  const today = todayLocal();
  const [bodyKey, setBodyKey] = useState(optionKey(record.options[0]!));
  const option = record.options.find((o) => optionKey(o) === bodyKey) ?? record.options[0]!;
  const [formCode, setFormCode] = useState(option.forms[0]?.code ?? '');
  const [decisionNo, setDecisionNo] = useState('');
  const [decidedOn, setDecidedOn] = useState(today);
  const [effectiveOn, setEffectiveOn] = useState(today);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, general: null });
  const save = useRecordDiscipline(record.memberId);
  const chosenForm = option.forms.find((f) => f.code === formCode);

  function chooseBody(key: string) {
    setBodyKey(key);
    const next = record.options.find((o) => optionKey(o) === key);
    // Keep the form when the new body may give it too; otherwise its first.
    if (next && !next.forms.some((f) => f.code === formCode)) setFormCode(next.forms[0]?.code ?? '');
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<Field>['fields'] = {};
    if (!reason.trim()) fields.reason = t('errors.required');
    if (!decidedOn) fields.decidedOn = t('errors.required');
    if (!effectiveOn) fields.effectiveOn = t('errors.required');
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null });
      setAttempt((n) => n + 1);
      return;
    }
    save.mutate(
      {
        memberId: record.memberId,
        formCode,
        decidingUnitId: option.decidingUnitId,
        decidingBody: option.decidingBody,
        ...(decisionNo.trim() ? { decisionNo: decisionNo.trim() } : {}),
        decidedOn,
        effectiveOn,
        reason: reason.trim(),
      },
      {
        onSuccess: onDone,
        onError: (err) => {
          setErrors(fieldErrors<Field>(err, FIELDS, t('common.formErrors')));
          setAttempt((n) => n + 1);
        },
      },
    );
  }

  const err = errors.fields;
  return (
    <Modal opened onClose={onClose} title={t('discipline.form.title', { name: record.memberName })} fullScreen={phone} centered size="lg">
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <Text size="sm">{t('discipline.form.intro')}</Text>
          <NativeSelect
            label={t('discipline.form.decidingBody')}
            required
            value={bodyKey}
            onChange={(e) => chooseBody(e.currentTarget.value)}
            data={record.options.map((o) => ({ value: optionKey(o), label: `${t(`discipline.body.${o.decidingBody}`)} — ${o.decidingUnitName}` }))}
            error={err.decidingBody ?? err.decidingUnitId ?? err.memberId}
          />
          <NativeSelect
            label={t('discipline.form.formCode')}
            required
            value={formCode}
            onChange={(e) => setFormCode(e.currentTarget.value)}
            data={option.forms.map((f) => ({ value: f.code, label: f.name }))}
            description={chosenForm && !chosenForm.confirmed ? t('discipline.form.unconfirmed') : undefined}
            error={err.formCode}
          />
          <TextInput label={t('discipline.form.decisionNo')} description={t('discipline.form.decisionNoHint')} maxLength={50} value={decisionNo} onChange={(e) => setDecisionNo(e.currentTarget.value)} error={err.decisionNo} />
          <TextInput type="date" label={t('discipline.form.decidedOn')} required max={today} value={decidedOn} onChange={(e) => setDecidedOn(e.currentTarget.value)} error={err.decidedOn} />
          <TextInput type="date" label={t('discipline.form.effectiveOn')} required min={decidedOn || undefined} value={effectiveOn} onChange={(e) => setEffectiveOn(e.currentTarget.value)} error={err.effectiveOn} />
          <Textarea label={t('discipline.form.reason')} description={t('discipline.form.reasonHint')} required autosize minRows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err.reason} />
          <DialogActions onCancel={onClose} confirmLabel={t('discipline.form.submit')} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
