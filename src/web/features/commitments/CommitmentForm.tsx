import './messages.js';
import '../../components/modal-styles.js';
import '@mantine/core/styles/SegmentedControl.layer.css';
import { useRef, useState, type FormEvent } from 'react';
import { Modal, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useUnitMembers } from '../../api/queries.js';
import type { UnitDetail } from '../../api/types.js';
import { useAuthedMe } from '../../app/me.js';
import { DialogActions } from '../../components/DialogActions.js';
import { Notice } from '../../components/Notice.js';
import type { FormErrors } from '../../lib/forms.js';
import { textOrNull } from '../../lib/forms.js';
import { usePhone } from '../../lib/usePhone.js';
import { fieldErrors, useFocusFirstError } from '../../lib/formHelpers.js';
import {
  COMMITMENT_DIRECTIONS,
  COMMITMENT_SECTIONS,
  commitmentPath,
  useCommitmentsChanged,
  type CommitmentDirection,
  type CommitmentKind,
  type CommitmentSection,
  type CommitmentSubject,
  type CommitmentSummary,
  type CreateCommitmentBody,
  type UpdateCommitmentBody,
} from './api.js';
import { decimalText, parseDecimal } from './view.js';

const FIELDS = ['memberId', 'unitId', 'subjectKind', 'section', 'kind', 'title', 'targetValue', 'measureUnit', 'direction', 'evidence', 'year'] as const;
type Field = (typeof FIELDS)[number];
const NO_ERRORS: FormErrors<Field> = { fields: {}, general: null };

/** Whose pledge a new line goes into. */
export interface SubjectChoice {
  kind: CommitmentSubject;
  /** Member id or unit id. */
  id: string;
  name: string;
}

/** "unit:<id>" / "member:<id>" in the subject select. */
const subjectValue = (s: Pick<SubjectChoice, 'kind' | 'id'>) => `${s.kind}:${s.id}`;

/**
 * Thêm / sửa cam kết: the section of the pledge, measurable (indicator, target, unit, which way is
 * better) or qualitative (the pledge and the evidence that will show it). A leader also chooses
 * whose pledge it belongs to: the cell's own, or a member's.
 */
interface FormProps {
  unit: Pick<UnitDetail, 'id' | 'name' | 'kind'>;
  year: number;
  /** The line to edit; none for a new one. */
  item?: CommitmentSummary | undefined;
  /** The pledge a new line goes into, when chosen already. */
  subject?: SubjectChoice | undefined;
  canManage: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function CommitmentFormModal(props: FormProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.item ? t('commitments.form.editTitle') : t('commitments.form.addTitle', { year: props.year })}
      fullScreen={phone}
      size="lg"
      centered
    >
      <CommitmentForm {...props} />
    </Modal>
  );
}

function CommitmentForm({ unit, year, item, subject, canManage, onClose, onDone }: FormProps) {
  const { t, i18n } = useTranslation();
  const me = useAuthedMe();
  const changed = useCommitmentsChanged();
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(form, attempt);

  const self = me.member && me.member.unitId === unit.id ? me.member : null;
  // A leader picks whose pledge; a member writes only their own.
  const choosing = !item && !subject && canManage;
  const roster = useUnitMembers(unit.id, { q: '', status: '', page: 1, pageSize: 100 }, choosing);
  const fallbackSubject = subject
    ? subjectValue(subject)
    : self
      ? subjectValue({ kind: 'member', id: self.id })
      : canManage && unit.kind === 'cell'
        ? subjectValue({ kind: 'unit', id: unit.id })
        : '';
  const [whose, setWhose] = useState(fallbackSubject);
  const [section, setSection] = useState<CommitmentSection>(item?.section ?? (whose.startsWith('unit:') ? 'duties' : 'political_thought'));
  const [kind, setKind] = useState<CommitmentKind>(item?.kind ?? 'measurable');
  const [title, setTitle] = useState(item?.title ?? '');
  const [target, setTarget] = useState(decimalText(item?.targetValue, i18n.language));
  const [measureUnit, setMeasureUnit] = useState(item?.measureUnit ?? '');
  const [direction, setDirection] = useState<CommitmentDirection>(item?.direction ?? 'more');
  const [evidence, setEvidence] = useState(item?.evidence ?? '');
  const [errors, setErrors] = useState(NO_ERRORS);

  const save = useMutation({
    mutationFn: (body: CreateCommitmentBody | UpdateCommitmentBody) =>
      item
        ? api<CommitmentSummary>(commitmentPath(item.id), { method: 'PATCH', body })
        : api<CommitmentSummary>('/commitments', { method: 'POST', body }),
    onSuccess: async (saved) => {
      await changed();
      onDone(item ? t('commitments.form.saved') : t('commitments.form.created', { title: saved.title }));
    },
    onError: (e) => {
      setErrors(fieldErrors<Field>(e, FIELDS, t('common.formErrors')));
      setAttempt((n) => n + 1);
    },
  });

  const subjectOptions = [
    ...(unit.kind === 'cell' && canManage ? [{ value: subjectValue({ kind: 'unit', id: unit.id }), label: t('commitments.form.subjectUnit', { name: unit.name }) }] : []),
    ...(self ? [{ value: subjectValue({ kind: 'member', id: self.id }), label: t('commitments.form.self', { name: self.fullName }) }] : []),
    ...(roster.data?.items ?? [])
      .filter((m) => m.id !== self?.id)
      .map((m) => ({ value: subjectValue({ kind: 'member', id: m.id }), label: m.fullName })),
  ];

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<Field>['fields'] = {};
    if (!title.trim()) fields.title = t('errors.required');
    const targetValue = kind === 'measurable' ? parseDecimal(target) : null;
    if (kind === 'measurable') {
      if (targetValue === null) fields.targetValue = t('errors.required');
      else if (targetValue === 'invalid') fields.targetValue = t('commitments.form.numberInvalid');
      if (!measureUnit.trim()) fields.measureUnit = t('errors.required');
    }
    if (choosing && !whose) fields.memberId = t('commitments.form.subjectRequired');
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: t('common.formErrors') });
      setAttempt((n) => n + 1);
      return;
    }
    setErrors(NO_ERRORS);
    const content =
      kind === 'measurable'
        ? { section, kind, title: title.trim(), targetValue: targetValue as number, measureUnit: measureUnit.trim(), direction }
        : { section, kind, title: title.trim(), targetValue: null, measureUnit: null, direction: null, evidence: textOrNull(evidence) };
    if (item) {
      save.mutate(content);
      return;
    }
    const [subjectKind, subjectId] = whose.split(':') as [CommitmentSubject, string];
    const body: CreateCommitmentBody = { subjectKind, year, ...content };
    if (subjectKind === 'unit') body.unitId = subjectId;
    // The caller's own pledge needs no member id (the server takes the caller's own).
    else if (subjectId !== self?.id) body.memberId = subjectId;
    save.mutate(body);
  }

  const err = errors.fields;
  return (
    <form ref={form} onSubmit={submit} noValidate className="ts-cm-form">
      <Stack gap="md">
        {errors.general && <Notice tone="error">{errors.general}</Notice>}
        {item && item.confirmedAt === null && (
          <Text size="sm" c="dimmed">
            {t('commitments.form.editHint')}
          </Text>
        )}
        {choosing ? (
          <NativeSelect
            label={t('commitments.form.subject')}
            required
            value={whose}
            onChange={(e) => setWhose(e.currentTarget.value)}
            data={[{ value: '', label: t('commitments.form.subjectNone') }, ...subjectOptions]}
            error={err.memberId ?? err.unitId ?? err.subjectKind}
          />
        ) : (
          !item &&
          subject && (
            <Text size="sm">
              {t('commitments.form.subject')}: <strong>{subject.kind === 'unit' ? t('commitments.form.subjectUnit', { name: subject.name }) : subject.name}</strong>
            </Text>
          )
        )}
        <NativeSelect
          label={t('commitments.form.section')}
          required
          value={section}
          onChange={(e) => setSection(e.currentTarget.value as CommitmentSection)}
          data={COMMITMENT_SECTIONS.map((s) => ({ value: s, label: t(`commitments.section.${s}`) }))}
          error={err.section}
        />
        <div role="radiogroup" aria-label={t('commitments.form.kind')}>
          <Text size="sm" fw={500} mb={4} aria-hidden="true">
            {t('commitments.form.kind')}
          </Text>
          <SegmentedControl
            fullWidth
            value={kind}
            onChange={(v) => setKind(v as CommitmentKind)}
            data={[
              { value: 'measurable', label: t('commitments.kind.measurable') },
              { value: 'qualitative', label: t('commitments.kind.qualitative') },
            ]}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {kind === 'measurable' ? t('commitments.form.measurableHint') : t('commitments.form.qualitativeHint')}
          </Text>
        </div>
        <Textarea
          label={kind === 'measurable' ? t('commitments.form.indicator') : t('commitments.form.pledge')}
          description={kind === 'measurable' ? t('commitments.form.indicatorHint') : t('commitments.form.pledgeHint')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={err.title}
        />
        {kind === 'measurable' ? (
          <>
            <SimpleGrid cols={2} spacing="sm">
              <TextInput
                label={t('commitments.form.targetValue')}
                required
                inputMode="decimal"
                autoComplete="off"
                value={target}
                onChange={(e) => setTarget(e.currentTarget.value)}
                error={err.targetValue}
              />
              <TextInput
                label={t('commitments.form.measureUnit')}
                description={t('commitments.form.measureUnitHint')}
                required
                autoComplete="off"
                maxLength={50}
                value={measureUnit}
                onChange={(e) => setMeasureUnit(e.currentTarget.value)}
                error={err.measureUnit}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            </SimpleGrid>
            <NativeSelect
              label={t('commitments.form.direction')}
              value={direction}
              onChange={(e) => setDirection(e.currentTarget.value as CommitmentDirection)}
              data={COMMITMENT_DIRECTIONS.map((d) => ({ value: d, label: t(`commitments.direction.${d}`) }))}
              error={err.direction}
            />
          </>
        ) : (
          <Textarea
            label={t('commitments.form.evidence')}
            description={t('commitments.form.evidenceHint')}
            autosize
            minRows={2}
            maxLength={2000}
            value={evidence}
            onChange={(e) => setEvidence(e.currentTarget.value)}
            error={err.evidence}
          />
        )}
        <DialogActions onCancel={onClose} confirmLabel={item ? t('common.save') : t('commitments.form.submit')} busy={save.isPending} />
      </Stack>
    </form>
  );
}
