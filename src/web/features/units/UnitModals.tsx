import '../../components/modal-styles.js';
import { useMemo, useState, type FormEvent } from 'react';
import { Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { keys, useUnitTree } from '../../api/queries.js';
import {
  UNIT_KINDS,
  type CreateUnitBody,
  type UnitDetail,
  type UnitKind,
  type UnitTreeNode,
  type UpdateUnitBody,
} from '../../api/types.js';
import { formErrorsFrom, textOrNull, type FormErrors } from '../../lib/forms.js';
import { flattenUnitTree, unitOptionLabel } from '../../lib/units.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { DialogActions } from '../../components/DialogActions.js';
import { usePhone } from '../../lib/usePhone.js';

function useOnUnitSaved() {
  const queryClient = useQueryClient();
  return (saved?: UnitDetail) => {
    if (saved) queryClient.setQueryData(keys.unit(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: ['units'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

// ---------------------------------------------------------------- create / edit

const FIELDS = ['name', 'kind', 'code', 'contactName', 'contactPhone', 'parentId'] as const;
type Field = (typeof FIELDS)[number];

/** Which kind a new unit under `parent` most likely is. */
function defaultChildKind(parent: UnitKind): UnitKind {
  if (parent === 'province') return 'commune';
  if (parent === 'cell') return 'mass_org';
  return 'cell';
}

type FormProps =
  | { mode: 'create'; parent: UnitDetail; opened: boolean; onClose: () => void }
  | { mode: 'edit'; unit: UnitDetail; opened: boolean; onClose: () => void };

export function UnitFormModal(props: FormProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  const title =
    props.mode === 'create' ? t('units.createTitle', { parent: props.parent.name }) : t('units.editTitle');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={title} fullScreen={phone} centered>
      {props.opened && <UnitForm {...props} />}
    </Modal>
  );
}

function UnitForm(props: FormProps) {
  const { t } = useTranslation();
  const onSaved = useOnUnitSaved();
  const unit = props.mode === 'edit' ? props.unit : undefined;
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<UnitKind>(props.mode === 'create' ? defaultChildKind(props.parent.kind) : 'cell');
  const [code, setCode] = useState(unit?.code ?? '');
  const [contactName, setContactName] = useState(unit?.contactName ?? '');
  const [contactPhone, setContactPhone] = useState(unit?.contactPhone ?? '');
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, general: null });

  const save = useMutation({
    mutationFn: (body: CreateUnitBody | UpdateUnitBody) =>
      props.mode === 'create'
        ? api<UnitDetail>('/units', { method: 'POST', body })
        : api<UnitDetail>(`/units/${props.unit.id}`, { method: 'PATCH', body }),
    onSuccess: (saved) => {
      onSaved(saved);
      props.onClose();
    },
    onError: (error) => setErrors(formErrorsFrom(error, FIELDS, t('common.formErrors'))),
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!name.trim()) {
      setErrors({ fields: { name: t('errors.required') }, general: null });
      return;
    }
    setErrors({ fields: {}, general: null });
    const values = {
      name: name.trim(),
      code: textOrNull(code),
      contactName: textOrNull(contactName),
      contactPhone: textOrNull(contactPhone),
    };
    if (props.mode === 'create') {
      save.mutate({ parentId: props.parent.id, kind, ...values });
      return;
    }
    const changed: UpdateUnitBody = {};
    for (const key of Object.keys(values) as (keyof typeof values)[]) {
      if (values[key] !== props.unit[key]) Object.assign(changed, { [key]: values[key] });
    }
    if (Object.keys(changed).length === 0) props.onClose();
    else save.mutate(changed);
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
        <TextInput
          label={t('units.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={err.name}
          autoComplete="off"
        />
        {props.mode === 'create' && (
          <NativeSelect
            label={t('units.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as UnitKind)}
            data={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
            error={err.kind ?? err.parentId}
          />
        )}
        <TextInput
          label={t('units.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={err.code}
          autoComplete="off"
        />
        <TextInput
          label={t('units.contactName')}
          value={contactName}
          onChange={(e) => setContactName(e.currentTarget.value)}
          error={err.contactName}
          autoComplete="off"
        />
        <TextInput
          label={t('units.contactPhone')}
          type="tel"
          inputMode="tel"
          value={contactPhone}
          onChange={(e) => setContactPhone(e.currentTarget.value)}
          error={err.contactPhone}
          autoComplete="off"
        />
        <DialogActions onCancel={props.onClose} busy={save.isPending} />
      </Stack>
    </form>
  );
}

// ---------------------------------------------------------------- move

interface Option {
  value: string;
  label: string;
}

/** Units the caller sees, minus `unit` itself, its own subtree, archived units and its parent. */
function moveTargets(roots: UnitTreeNode[], unit: UnitDetail, kindLabel: (k: UnitKind) => string): Option[] {
  return flattenUnitTree(roots, (n) => n.id === unit.id)
    .filter(({ unit: n }) => !n.archived && n.id !== unit.parentId && n.kind !== 'mass_org')
    .map((f) => ({ value: f.unit.id, label: unitOptionLabel(f, kindLabel(f.unit.kind)) }));
}

export function MoveUnitModal({ unit, opened, onClose }: { unit: UnitDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Modal opened={opened} onClose={onClose} title={t('units.moveTitle', { name: unit.name })} fullScreen={phone} centered>
      {opened && <MoveForm unit={unit} onClose={onClose} />}
    </Modal>
  );
}

function MoveForm({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const onSaved = useOnUnitSaved();
  const tree = useUnitTree();
  const [parentId, setParentId] = useState('');
  const [error, setError] = useState<FormErrors<'parentId'>>({ fields: {}, general: null });
  const options = useMemo(
    () => (tree.data ? moveTargets(tree.data.roots, unit, (k) => t(`unitKinds.${k}`)) : []),
    [tree.data, unit, t],
  );

  const move = useMutation({
    mutationFn: (body: { parentId: string }) =>
      api<UnitDetail | undefined>(`/units/${unit.id}/move`, { method: 'POST', body }),
    onSuccess: (saved) => {
      onSaved(saved && typeof saved === 'object' && 'id' in saved ? saved : undefined);
      onClose();
    },
    onError: (e) => setError(formErrorsFrom(e, ['parentId'] as const, t('common.formErrors'))),
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!parentId) {
      setError({ fields: { parentId: t('errors.required') }, general: null });
      return;
    }
    move.mutate({ parentId });
  }

  if (tree.isPending) return <Skeleton h={80} />;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error.general && (
          <Notice tone="error">
            {error.general}
          </Notice>
        )}
        {options.length === 0 ? (
          <Text>{t('units.noMoveTargets')}</Text>
        ) : (
          <NativeSelect
            label={t('units.newParent')}
            value={parentId}
            onChange={(e) => setParentId(e.currentTarget.value)}
            data={[{ value: '', label: t('units.chooseParent') }, ...options]}
            error={error.fields.parentId}
          />
        )}
        <DialogActions onCancel={onClose} confirmLabel={t('units.move')} busy={move.isPending} disabled={options.length === 0} />
      </Stack>
    </form>
  );
}

// ---------------------------------------------------------------- archive / restore

export function ArchiveUnitModal({ unit, opened, onClose }: { unit: UnitDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const onSaved = useOnUnitSaved();
  const restoring = unit.archived;
  const [error, setError] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: () => api<unknown>(`/units/${unit.id}/${restoring ? 'restore' : 'archive'}`, { method: 'POST' }),
    onSuccess: (saved) => {
      onSaved(saved && typeof saved === 'object' && 'allowedActions' in saved ? (saved as UnitDetail) : undefined);
      setError(null);
      onClose();
    },
    onError: (e) => setError(formErrorsFrom(e, [], t('common.formErrors')).general),
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={restoring ? t('units.restore') : t('units.archive')}
      centered
    >
      <Stack gap="md">
        {error && (
          <Notice tone="error">
            {error}
          </Notice>
        )}
        <Text>{t(restoring ? 'units.restoreConfirm' : 'units.archiveConfirm', { name: unit.name })}</Text>
        <DialogActions
          onCancel={onClose}
          confirmLabel={restoring ? t('units.restore') : t('units.archive')}
          onConfirm={() => act.mutate()}
          busy={act.isPending}
          color={restoring ? undefined : 'partyRed'}
        />
      </Stack>
    </Modal>
  );
}
