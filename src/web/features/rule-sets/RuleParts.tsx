// The parts every page of a versioned rule set shows (the inspection rules, the rating rules): a
// section, a rule's name with its "checked or not" badge, its source and who checked it, its edit
// and confirm buttons, the confirm dialog, the list of versions. Words come from the page's own
// catalogue (`ns`), which has the same keys on every such page.
import '../../styles/self-examination.css';
import '../../components/modal-styles.js';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { DialogActions } from '../../components/DialogActions.js';
import { Notice } from '../../components/Notice.js';
import { ReferenceVersions, type ReferenceVersion } from '../../components/ReferenceData.js';
import { CheckIcon, EditIcon } from '../../components/icons.js';
import { formatDateTime } from '../../lib/format.js';
import { errorsAt, textOrNull, type FormErrors } from '../../lib/forms.js';
import { usePhone } from '../../lib/usePhone.js';
import { ConfirmedTag, UnconfirmedTag } from '../checklist/Badges.js';

/** The catalogue of the page: each has the keys used here. */
export type RuleWords = 'inspectionrules' | 'ratingrules';

/** One rule of a set as every page shows it. */
export interface RuleProvenanceView {
  id: string;
  name: string;
  source: string | null;
  confirmed: boolean;
  confirmedAt: string | null;
  confirmedByName: string | null;
}

export function RuleSection({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

/** A rule's name and whether it was checked against the official text. */
export function RuleHead({ rule }: { rule: Pick<RuleProvenanceView, 'name' | 'confirmed'> }) {
  return (
    <div className="ts-se-card-head">
      <Text fw={700} className="ts-se-card-title">
        {rule.name}
      </Text>
      <span className="ts-se-badges">{rule.confirmed ? <ConfirmedTag /> : <UnconfirmedTag />}</span>
    </div>
  );
}

export function RuleProvenance({ rule, ns }: { rule: RuleProvenanceView; ns: RuleWords }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed">
      {t(`${ns}.source`, { source: rule.source ?? t(`${ns}.noSource`) })}
      {rule.confirmed && rule.confirmedAt && ` · ${t(`${ns}.confirmedBy`, { name: rule.confirmedByName ?? '', at: formatDateTime(rule.confirmedAt) })}`}
    </Text>
  );
}

/** Edit (when `onEdit` is given and allowed) and confirm buttons of one rule, each naming it for screen readers. */
export function RuleActions({ rule, ns, may, onEdit, onConfirm }: { rule: RuleProvenanceView; ns: RuleWords; may: (action: 'edit' | 'confirm') => boolean; onEdit?: (() => void) | undefined; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} mt={2}>
      {onEdit && may('edit') && (
        <Button size="compact-sm" variant="subtle" leftSection={<EditIcon size={14} />} onClick={onEdit} aria-label={t(`${ns}.editFor`, { name: rule.name })}>
          {t(`${ns}.edit`)}
        </Button>
      )}
      {may('confirm') && !rule.confirmed && (
        <Button size="compact-sm" variant="subtle" leftSection={<CheckIcon size={14} />} onClick={onConfirm} aria-label={t(`${ns}.confirmFor`, { name: rule.name })}>
          {t(`${ns}.confirm`)}
        </Button>
      )}
    </Group>
  );
}

/** Đã đối chiếu văn bản chính thức: POSTs to `path` with an optional note; `onConfirmed` gets the set's answer. */
export function RuleConfirmModal<R>({ rule, ns, path, onConfirmed, onClose, onDone }: { rule: RuleProvenanceView; ns: RuleWords; path: string; onConfirmed: (r: R) => void; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<string>>({ fields: {}, general: null });
  const save = useMutation({
    mutationFn: (body: { note: string | null }) => api<R>(path, { method: 'POST', body }),
    onSuccess: (r) => {
      onConfirmed(r);
      onDone(t(`${ns}.confirmedDone`, { name: rule.name }));
    },
    onError: (e) => setErrors(errorsAt(e, (field) => field === 'note', t('common.formErrors'))),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    save.mutate({ note: textOrNull(note) });
  }
  return (
    <Modal opened onClose={onClose} title={t(`${ns}.confirmTitle`, { name: rule.name })} fullScreen={phone} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <div className="ts-se-quote-box">
            <Text fw={700} size="sm">
              {rule.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`${ns}.source`, { source: rule.source ?? t(`${ns}.noSource`) })}
            </Text>
          </div>
          <Text size="sm">{t(`${ns}.confirmIntro`)}</Text>
          <Textarea label={t(`${ns}.confirmNote`)} autosize minRows={2} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.fields.note} />
          <DialogActions onCancel={onClose} confirmLabel={t(`${ns}.confirmSubmit`)} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Every version of the set, newest first, in its own section. */
export function RuleVersions({ ns, versions, shown, onVersion }: { ns: RuleWords; versions: UseQueryResult<{ items: ReferenceVersion[] }>; shown: string; onVersion: (id: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <RuleSection title={t(`${ns}.versions`)}>
      <ReferenceVersions
        versions={versions}
        shown={shown}
        onVersion={onVersion}
        words={{
          versionN: (version) => t(`${ns}.versionN`, { version }),
          shown: t(`${ns}.shown`),
          unconfirmed: (count) => t(`${ns}.versionUnconfirmed`, { count }),
          retired: (at) => t(`${ns}.retired`, { at }),
        }}
      />
    </RuleSection>
  );
}
