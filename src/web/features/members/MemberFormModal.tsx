import '../../components/modal-styles.js';
import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/CheckboxIndicator.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import { useState, type FormEvent } from 'react';
import { Checkbox, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { keys } from '../../api/queries.js';
import {
  GENDERS,
  MEMBER_STATUSES,
  type CreateMemberBody,
  type Gender,
  type MemberDetail,
  type MemberStatus,
  type UpdateMemberBody,
} from '../../api/types.js';
import { formErrorsFrom, textOrNull, type FormErrors } from '../../lib/forms.js';
import { formatDate, parseDateInput } from '../../lib/format.js';
import { Notice } from '../../components/Notice.js';
import { DialogActions } from '../../components/DialogActions.js';
import { usePhone } from '../../lib/usePhone.js';

const FIELDS = [
  'familyName',
  'middleName',
  'givenName',
  'gender',
  'birthYear',
  'cardNumber',
  'joinedOn',
  'officialOn',
  'status',
  'phone',
  'archived',
] as const;
type Field = (typeof FIELDS)[number];

interface FormState {
  familyName: string;
  middleName: string;
  givenName: string;
  gender: Gender | '';
  birthYear: string;
  cardNumber: string;
  joinedOn: string;
  officialOn: string;
  status: MemberStatus;
  phone: string;
  archived: boolean;
}

/** The body fields this form edits (everything but unitId). */
type MemberFields = Required<Omit<UpdateMemberBody, 'unitId'>>;

function initialState(m?: MemberDetail): FormState {
  return {
    familyName: m?.familyName ?? '',
    middleName: m?.middleName ?? '',
    givenName: m?.givenName ?? '',
    gender: m?.gender ?? '',
    birthYear: m?.birthYear != null ? String(m.birthYear) : '',
    cardNumber: m?.cardNumber ?? '',
    joinedOn: formatDate(m?.joinedOn) ?? '',
    officialOn: formatDate(m?.officialOn) ?? '',
    status: m?.status ?? 'probationary',
    phone: m?.phone ?? '',
    archived: m?.archived ?? false,
  };
}

type Props =
  | { mode: 'create'; unitId: string; unitName: string; opened: boolean; onClose: () => void; onCreated?: (m: MemberDetail) => void }
  | { mode: 'edit'; member: MemberDetail; opened: boolean; onClose: () => void };

/** Add a member to a unit, or edit one. Field messages come from the server (zod) where possible. */
export function MemberFormModal(props: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const title = props.mode === 'create' ? t('members.addTitle', { unit: props.unitName }) : t('members.editTitle');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={title} fullScreen={phone} size="lg" centered>
      {/* Mounted only while open, so every opening starts from the record as it is now. */}
      {props.opened && <MemberForm {...props} />}
    </Modal>
  );
}

function MemberForm(props: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const original = props.mode === 'edit' ? props.member : undefined;
  const [state, setState] = useState<FormState>(() => initialState(original));
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, general: null });

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }));

  const save = useMutation({
    mutationFn: (body: CreateMemberBody | UpdateMemberBody) =>
      props.mode === 'create'
        ? api<MemberDetail>('/members', { method: 'POST', body })
        : api<MemberDetail>(`/members/${props.member.id}`, { method: 'PATCH', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.member(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      if (props.mode === 'create') props.onCreated?.(saved);
      props.onClose();
    },
    onError: (error) => setErrors(formErrorsFrom(error, FIELDS, t('common.formErrors'))),
  });

  /** Form text → typed values, or messages for what cannot be read. */
  function read(): { values: MemberFields; fieldErrors: FormErrors<Field>['fields'] } {
    const fieldErrors: FormErrors<Field>['fields'] = {};
    if (!state.familyName.trim()) fieldErrors.familyName = t('errors.required');
    if (!state.givenName.trim()) fieldErrors.givenName = t('errors.required');
    let birthYear: number | null = null;
    if (state.birthYear.trim()) {
      if (/^\d{4}$/.test(state.birthYear.trim())) birthYear = Number(state.birthYear.trim());
      else fieldErrors.birthYear = t('errors.invalidYear');
    }
    const joinedOn = parseDateInput(state.joinedOn);
    if (joinedOn === 'invalid') fieldErrors.joinedOn = t('errors.invalidDate');
    const officialOn = parseDateInput(state.officialOn);
    if (officialOn === 'invalid') fieldErrors.officialOn = t('errors.invalidDate');
    return {
      fieldErrors,
      values: {
        familyName: state.familyName.trim(),
        middleName: state.middleName.trim(),
        givenName: state.givenName.trim(),
        gender: state.gender === '' ? null : state.gender,
        birthYear,
        cardNumber: textOrNull(state.cardNumber),
        joinedOn: joinedOn === 'invalid' ? null : joinedOn,
        officialOn: officialOn === 'invalid' ? null : officialOn,
        status: state.status,
        phone: textOrNull(state.phone),
        archived: state.archived,
      },
    };
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const { values, fieldErrors } = read();
    if (Object.keys(fieldErrors).length > 0) {
      setErrors({ fields: fieldErrors, general: t('common.formErrors') });
      return;
    }
    setErrors({ fields: {}, general: null });
    if (props.mode === 'create') {
      const { archived: _archived, ...rest } = values;
      save.mutate({ unitId: props.unitId, ...rest });
      return;
    }
    // PATCH only what changed, so the audit log shows exactly what the user meant to change.
    const before = props.member;
    const changed: UpdateMemberBody = {};
    for (const key of Object.keys(values) as (keyof MemberFields)[]) {
      if (values[key] !== before[key]) Object.assign(changed, { [key]: values[key] });
    }
    if (Object.keys(changed).length === 0) {
      props.onClose();
      return;
    }
    save.mutate(changed);
  }

  const err = errors.fields;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {errors.general && (
          <Notice tone="error">
            {errors.general}
          </Notice>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('members.familyName')}
            required
            value={state.familyName}
            onChange={(e) => set('familyName', e.currentTarget.value)}
            error={err.familyName}
            autoComplete="off"
          />
          <TextInput
            label={t('members.middleName')}
            value={state.middleName}
            onChange={(e) => set('middleName', e.currentTarget.value)}
            error={err.middleName}
            autoComplete="off"
          />
          <TextInput
            label={t('members.givenName')}
            required
            value={state.givenName}
            onChange={(e) => set('givenName', e.currentTarget.value)}
            error={err.givenName}
            autoComplete="off"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('members.status')}
            value={state.status}
            onChange={(e) => set('status', e.currentTarget.value as MemberStatus)}
            data={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`memberStatus.${s}`) }))}
            error={err.status}
          />
          <NativeSelect
            label={t('members.gender')}
            value={state.gender}
            onChange={(e) => set('gender', e.currentTarget.value as Gender | '')}
            data={[
              { value: '', label: t('members.genderUnset') },
              ...GENDERS.map((g) => ({ value: g, label: t(`genders.${g}`) })),
            ]}
            error={err.gender}
          />
          <TextInput
            label={t('members.birthYear')}
            inputMode="numeric"
            maxLength={4}
            value={state.birthYear}
            onChange={(e) => set('birthYear', e.currentTarget.value)}
            error={err.birthYear}
          />
          <TextInput
            label={t('members.cardNumber')}
            value={state.cardNumber}
            onChange={(e) => set('cardNumber', e.currentTarget.value)}
            error={err.cardNumber}
            autoComplete="off"
          />
          <TextInput
            label={t('members.joinedOn')}
            description={t('common.dateHint')}
            placeholder="dd/mm/yyyy"
            value={state.joinedOn}
            onChange={(e) => set('joinedOn', e.currentTarget.value)}
            error={err.joinedOn}
            autoComplete="off"
          />
          <TextInput
            label={t('members.officialOn')}
            description={t('common.dateHint')}
            placeholder="dd/mm/yyyy"
            value={state.officialOn}
            onChange={(e) => set('officialOn', e.currentTarget.value)}
            error={err.officialOn}
            autoComplete="off"
          />
          <TextInput
            label={t('members.phone')}
            type="tel"
            inputMode="tel"
            value={state.phone}
            onChange={(e) => set('phone', e.currentTarget.value)}
            error={err.phone}
            autoComplete="off"
          />
        </SimpleGrid>
        {props.mode === 'edit' && (
          <Checkbox
            label={t('members.archivedField')}
            checked={state.archived}
            onChange={(e) => set('archived', e.currentTarget.checked)}
            error={err.archived}
          />
        )}
        <DialogActions onCancel={props.onClose} busy={save.isPending} />
      </Stack>
    </form>
  );
}
