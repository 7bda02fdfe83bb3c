import '../../components/modal-styles.js';
import '@mantine/core/styles/Fieldset.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import '@mantine/core/styles/Switch.layer.css';
import '@mantine/core/styles/Combobox.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/ScrollArea.layer.css';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Modal,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api, isApiError } from '../../api/client.js';
import { useUnitMembers, useUnitTree } from '../../api/queries.js';
import {
  ROLES,
  type AccountSummary,
  type AccountWithPassword,
  type CreateAccountBody,
  type FieldMessage,
  type MemberSummary,
  type Role,
  type UnitTreeNode,
  type UpdateAccountBody,
} from '../../api/types.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorState } from '../../components/ErrorState.js';
import { PlusIcon, TrashIcon } from '../../components/icons.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { formErrorsFrom, type FormErrors } from '../../lib/forms.js';
import { flattenUnitTree, unitOptionLabel } from '../../lib/units.js';
import { TemporaryPassword } from './TemporaryPassword.js';
import { DialogActions } from '../../components/DialogActions.js';
import { usePhone } from '../../lib/usePhone.js';

/** The server's rule (createAccountBody), checked here too so the message comes at once. */
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,49}$/;

const FIELDS = ['username', 'displayName', 'unitId', 'memberId', 'roles', 'disabled'] as const;
type Field = (typeof FIELDS)[number];

interface RoleRow {
  /** Stable React key: rows are added and removed. */
  key: number;
  role: Role;
  unitId: string;
}
/** Messages for each role row, by index (the server names them `roles.N.role`, `roles.N.unitId`). */
type RowErrors = Record<number, { role?: string; unitId?: string }>;

interface Errors {
  form: FormErrors<Field>;
  rows: RowErrors;
}
const NO_ERRORS: Errors = { form: { fields: {}, general: null }, rows: {} };

interface Option {
  value: string;
  label: string;
}

type Props =
  | { mode: 'create'; opened: boolean; onClose: () => void }
  | { mode: 'edit'; account: AccountSummary; opened: boolean; onClose: () => void; onSaved: (a: AccountSummary) => void };

/**
 * Create an account (then show its one-time password), or edit one: display name, roles, lock.
 * Field messages come from the server where possible, role-row messages beside their row.
 */
export function AccountFormModal(props: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [created, setCreated] = useState<AccountWithPassword | null>(null);
  const close = () => {
    setCreated(null);
    props.onClose();
  };
  const title = created
    ? t('accounts.created', { username: created.account.username })
    : props.mode === 'create'
      ? t('accounts.create')
      : t('accounts.editTitle', { username: props.account.username });
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={title}
      fullScreen={phone}
      size="lg"
      centered
      // The password is shown once: a stray click beside the dialog must not lose it.
      closeOnClickOutside={!created}
    >
      {/* Mounted only while open, so every opening starts from the record as it is now. */}
      {props.opened &&
        (created ? (
          <TemporaryPassword username={created.account.username} password={created.temporaryPassword} onDone={close} />
        ) : (
          <AccountForm {...props} onCreated={setCreated} />
        ))}
    </Modal>
  );
}

/** Units in scope as select options: active ones, plus any archived one already in use. */
function unitOptions(
  roots: UnitTreeNode[],
  keep: (u: UnitTreeNode) => boolean,
  kindLabel: (u: UnitTreeNode) => string,
  archivedLabel: string,
): Option[] {
  return flattenUnitTree(roots)
    .filter((f) => keep(f.unit))
    .map((f) => ({
      value: f.unit.id,
      label: unitOptionLabel(f, kindLabel(f.unit)) + (f.unit.archived ? ` — ${archivedLabel}` : ''),
    }));
}

function memberLabel(m: MemberSummary): string {
  return m.birthYear !== null ? `${m.fullName} (${m.birthYear})` : m.fullName;
}

const grantKey = (rows: { role: string; unitId: string }[]) =>
  rows
    .map((r) => `${r.role}@${r.unitId}`)
    .sort()
    .join(',');

function AccountForm(props: Props & { onCreated: (r: AccountWithPassword) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tree = useUnitTree();
  const original = props.mode === 'edit' ? props.account : undefined;
  const nextKey = useRef(0);
  const newRow = (role: Role, unitId: string): RoleRow => ({ key: nextKey.current++, role, unitId });

  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState(original?.displayName ?? '');
  const [unitId, setUnitId] = useState('');
  const [disabled, setDisabled] = useState(original?.disabled ?? false);
  const [rows, setRows] = useState<RoleRow[]>(() =>
    original ? original.roles.map((r) => newRow(r.role, r.unitId)) : [newRow('member', '')],
  );
  // Linking a member: a cell to search in (follows the managing unit until chosen by hand).
  const [memberUnitId, setMemberUnitId] = useState('');
  const [memberUnitChosen, setMemberUnitChosen] = useState(false);
  const [member, setMember] = useState<Option | null>(null);
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);

  const byId = useMemo(() => {
    const map = new Map<string, UnitTreeNode>();
    for (const f of flattenUnitTree(tree.data?.roots ?? [])) map.set(f.unit.id, f.unit);
    return map;
  }, [tree.data]);
  const used = new Set(rows.map((r) => r.unitId));
  const kindLabel = (u: UnitTreeNode) => t(`unitKinds.${u.kind}`);
  const allUnits = tree.data
    ? unitOptions(tree.data.roots, (u) => !u.archived || used.has(u.id), kindLabel, t('units.archived'))
    : [];
  const homeUnits = tree.data ? unitOptions(tree.data.roots, (u) => !u.archived, kindLabel, t('units.archived')) : [];
  const memberUnits = tree.data
    ? unitOptions(tree.data.roots, (u) => !u.archived && u.kind !== 'mass_org', kindLabel, t('units.archived'))
    : [];

  const save = useMutation({
    mutationFn: async (body: CreateAccountBody | UpdateAccountBody) =>
      props.mode === 'create'
        ? { created: await api<AccountWithPassword>('/accounts', { method: 'POST', body }) }
        : { saved: await api<AccountSummary>(`/accounts/${props.account.id}`, { method: 'PATCH', body }) },
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      // A member's "has an account" changes with a new linked account.
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      if (result.created) props.onCreated(result.created);
      else if (result.saved && props.mode === 'edit') {
        props.onSaved(result.saved);
        props.onClose();
      }
    },
    onError: (error) => setErrors(errorsFrom(error, t('common.formErrors'))),
  });

  function chooseHomeUnit(id: string) {
    setUnitId(id);
    // Role rows not yet given a unit start at the managing unit.
    setRows((rs) => rs.map((r) => (r.unitId ? r : { ...r, unitId: id })));
    if (!memberUnitChosen) {
      const unit = byId.get(id);
      const next = unit && unit.kind !== 'mass_org' ? id : '';
      if (next !== memberUnitId) {
        setMemberUnitId(next);
        setMember(null);
      }
    }
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<Field>['fields'] = {};
    const rowErrors: RowErrors = {};
    const name = displayName.trim();
    const login = username.trim().toLowerCase();
    if (!name) fields.displayName = t('errors.required');
    if (props.mode === 'create') {
      if (!login) fields.username = t('errors.required');
      else if (!USERNAME.test(login)) fields.username = t('accounts.usernameInvalid');
      if (!unitId) fields.unitId = t('errors.chooseUnit');
    }
    rows.forEach((r, i) => {
      if (!r.unitId) rowErrors[i] = { unitId: t('errors.chooseUnit') };
    });
    if (Object.keys(fields).length > 0 || Object.keys(rowErrors).length > 0) {
      setErrors({ form: { fields, general: t('common.formErrors') }, rows: rowErrors });
      return;
    }
    setErrors(NO_ERRORS);
    // In the order shown, so that the server's `roles.N` points at the right row.
    const roles = rows.map((r) => ({ role: r.role, unitId: r.unitId }));
    if (props.mode === 'create') {
      save.mutate({ username: login, displayName: name, unitId, ...(member ? { memberId: member.value } : {}), roles });
      return;
    }
    // PATCH only what changed, so the audit log shows exactly what the user meant to change.
    const before = props.account;
    const changed: UpdateAccountBody = {};
    if (name !== before.displayName) changed.displayName = name;
    if (disabled !== before.disabled) changed.disabled = disabled;
    if (grantKey(roles) !== grantKey(before.roles)) changed.roles = roles;
    if (Object.keys(changed).length === 0) props.onClose();
    else save.mutate(changed);
  }

  if (tree.isPending) return <Skeleton h={240} />;
  if (tree.isError) return <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;

  const err = errors.form.fields;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {errors.form.general && <Notice tone="error">{errors.form.general}</Notice>}
        {props.mode === 'edit' && (
          <DetailList
            items={[
              { label: t('accounts.username'), value: props.account.username },
              { label: t('accounts.homeUnit'), value: props.account.unitName },
            ]}
          />
        )}
        {props.mode === 'create' && (
          <TextInput
            label={t('accounts.username')}
            description={t('accounts.usernameHint')}
            required
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={err.username}
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
          />
        )}
        <TextInput
          label={t('accounts.displayName')}
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={err.displayName}
          autoComplete="off"
        />
        {props.mode === 'create' && (
          <>
            <NativeSelect
              label={t('accounts.homeUnit')}
              description={t('accounts.homeUnitHint')}
              required
              value={unitId}
              onChange={(e) => chooseHomeUnit(e.currentTarget.value)}
              data={[{ value: '', label: t('accounts.chooseUnit') }, ...homeUnits]}
              error={err.unitId}
            />
            <Fieldset legend={t('accounts.member')} radius="md" p="sm">
              <Stack gap="sm">
                <Text size="sm" c="dimmed">
                  {t('accounts.memberHint')}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <NativeSelect
                    label={t('accounts.memberUnit')}
                    value={memberUnitId}
                    onChange={(e) => {
                      setMemberUnitId(e.currentTarget.value);
                      setMemberUnitChosen(true);
                      setMember(null);
                    }}
                    data={[{ value: '', label: t('accounts.chooseUnit') }, ...memberUnits]}
                  />
                  <MemberPicker
                    unitId={memberUnitId}
                    value={member}
                    onChange={(m, summary) => {
                      setMember(m);
                      if (summary && !displayName.trim()) setDisplayName(summary.fullName);
                    }}
                    error={err.memberId}
                  />
                </SimpleGrid>
              </Stack>
            </Fieldset>
          </>
        )}
        <RolesEditor
          rows={rows}
          units={allUnits}
          errors={errors.rows}
          error={err.roles}
          onChange={(next, structural) => {
            setRows(next);
            // Row messages are by position: once rows move they no longer point at the right one.
            if (structural) setErrors((e) => ({ ...e, rows: {} }));
          }}
          onAdd={() => setRows((rs) => [...rs, newRow('member', unitId || (rs[rs.length - 1]?.unitId ?? ''))])}
        />
        {props.mode === 'edit' && (
          <Switch
            label={t('accounts.lock')}
            description={t('accounts.lockHint')}
            checked={disabled}
            onChange={(e) => setDisabled(e.currentTarget.checked)}
            error={err.disabled}
            color="partyRed"
          />
        )}
        <DialogActions
          onCancel={props.onClose}
          confirmLabel={props.mode === 'create' ? t('accounts.create') : undefined}
          busy={save.isPending}
        />
      </Stack>
    </form>
  );
}

/** API error → messages for the form's fields and for each role row (`roles.N.role|unitId`). */
function errorsFrom(error: unknown, fallback: string): Errors {
  if (!isApiError(error)) return { form: formErrorsFrom(error, FIELDS, fallback), rows: {} };
  const rows: RowErrors = {};
  const rest: FieldMessage[] = [];
  for (const f of error.fields) {
    const m = /(?:^|\.)roles\.(\d+)\.(role|unitId)$/.exec(f.field);
    if (!m) {
      rest.push(f);
      continue;
    }
    const row = (rows[Number(m[1])] ??= {});
    row[m[2] as 'role' | 'unitId'] ??= f.message;
  }
  const form = formErrorsFrom(new ApiError(error.status, error.code, error.message, rest), FIELDS, fallback);
  // Every message sits beside its field or row: the summary only points at them.
  if (Object.keys(rows).length > 0 && rest.length === 0) form.general = fallback;
  return { form, rows };
}

/**
 * Searchable member picker over the chosen unit's members (server-side search: diacritics
 * ignored). The options are the server's answer as it is, so no filtering here.
 */
function MemberPicker({
  unitId,
  value,
  onChange,
  error,
}: {
  unitId: string;
  value: Option | null;
  onChange: (m: Option | null, summary: MemberSummary | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // After a pick the box shows the member's label: that is not a new search.
  const q = value && debounced === value.label ? '' : debounced;
  const members = useUnitMembers(unitId, { q, status: '', page: 1, pageSize: 20 }, unitId !== '');
  const items = members.data?.items ?? [];
  const options: Option[] = items.map((m) => ({ value: m.id, label: memberLabel(m) }));
  if (value && !options.some((o) => o.value === value.value)) options.unshift(value);

  return (
    <Select
      label={t('accounts.memberPick')}
      searchable
      clearable
      disabled={!unitId}
      data={options}
      value={value?.value ?? null}
      onChange={(id, option) => {
        const summary = items.find((m) => m.id === id) ?? null;
        onChange(id && option ? { value: id, label: option.label } : null, summary);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={members.isFetching ? t('common.loading') : t('accounts.memberNone')}
      error={error}
      autoComplete="off"
    />
  );
}

function RolesEditor({
  rows,
  units,
  errors,
  error,
  onChange,
  onAdd,
}: {
  rows: RoleRow[];
  units: Option[];
  errors: RowErrors;
  error?: string;
  onChange: (rows: RoleRow[], structural: boolean) => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<RoleRow>) =>
    onChange(
      rows.map((r, j) => (j === i ? { ...r, ...patch } : r)),
      false,
    );
  return (
    <Fieldset legend={t('accounts.roles')} radius="md" p="sm">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('accounts.rolesHint')}
        </Text>
        {rows.map((row, i) => (
          <div key={row.key} className="ts-role-row" role="group" aria-label={t('accounts.roleRow', { n: i + 1 })}>
            <NativeSelect
              label={t('accounts.role')}
              value={row.role}
              onChange={(e) => update(i, { role: e.currentTarget.value as Role })}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              error={errors[i]?.role}
            />
            <NativeSelect
              label={t('accounts.roleUnit')}
              value={row.unitId}
              onChange={(e) => update(i, { unitId: e.currentTarget.value })}
              data={[{ value: '', label: t('accounts.chooseUnit') }, ...units]}
              error={errors[i]?.unitId}
            />
            <ActionIcon
              className="ts-role-remove"
              variant="subtle"
              color="gray.8"
              size={36}
              aria-label={t('accounts.removeRole', { n: i + 1 })}
              disabled={rows.length === 1}
              onClick={() =>
                onChange(
                  rows.filter((_, j) => j !== i),
                  true,
                )
              }
            >
              <TrashIcon />
            </ActionIcon>
          </div>
        ))}
        {error && (
          <Text size="sm" c="error" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button variant="subtle" size="compact-sm" leftSection={<PlusIcon size={16} />} onClick={onAdd}>
            {t('accounts.addRole')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
