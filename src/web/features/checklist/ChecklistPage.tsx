import './messages.js';
import '../../styles/self-examination.css';
import '../../components/modal-styles.js';
import { useId, useState, type FormEvent } from 'react';
import { Button, Group, Modal, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { DialogActions } from '../../components/DialogActions.js';
import { ErrorState } from '../../components/ErrorState.js';
import { PageLoadError } from '../../components/PageLoadError.js';
import { Notice } from '../../components/Notice.js';
import { Skeleton } from '../../components/Skeleton.js';
import { ReferenceHead, ReferencePageSkeleton, ReferenceVersions, useVersionParam } from '../../components/ReferenceData.js';
import { CheckIcon, EditIcon, HistoryIcon, PlusIcon, TrashIcon } from '../../components/icons.js';
import { formatDateTime } from '../../lib/format.js';
import { textOrNull, type FormErrors } from '../../lib/forms.js';
import { usePhone } from '../../lib/usePhone.js';
import { fieldErrors } from '../../lib/formHelpers.js';
import {
  checklistItemPath,
  useChecklist,
  useChecklistChanged,
  useChecklistItemHistory,
  useChecklistVersions,
  type AddChecklistItemBody,
  type ChecklistItem,
  type ChecklistResponse,
  type UpdateChecklistItemBody,
} from './api.js';
import { ConfirmedTag, UnconfirmedTag } from './Badges.js';
import { countByList, itemsPhrase } from './counts.js';

type Dialog =
  | null
  | { kind: 'edit' | 'confirm' | 'remove' | 'history'; item: ChecklistItem }
  | { kind: 'add' };

/**
 * Danh mục tự soi: the 27 manifestations (NQ 04-NQ/TW) and the exemplary points (QĐ 08-QĐi/TW) as
 * versioned reference data with their provenance; the party committee edits the wording (a new
 * version, with its reason), confirms items against the official text, adds or removes
 * exemplary points. Earlier versions stay readable: self-examinations made against them point there.
 */
export default function ChecklistPage() {
  const { t } = useTranslation();
  const { versionId, showVersion } = useVersionParam();
  const checklist = useChecklist(null, versionId);
  useDocumentTitle(`${t('selfexam.checklist.title')} · ${t('app.titleSuffix')}`);
  if (checklist.isPending) return <ReferencePageSkeleton />;
  if (checklist.isError) return <PageLoadError error={checklist.error} onRetry={() => void checklist.refetch()} />;
  return <ChecklistView checklist={checklist.data} onVersion={showVersion} stale={checklist.isPlaceholderData} />;
}

function ChecklistView({ checklist: c, onVersion, stale }: { checklist: ChecklistResponse; onVersion: (id: string | null) => void; stale: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const may = (a: ChecklistResponse['actions'][number]) => c.current && c.actions.includes(a);
  const done = (m: string) => {
    setDialog(null);
    setMessage(m);
    onVersion(null);
  };
  return (
    <Stack gap="md" className="ts-page" maw={960}>
      <ReferenceHead
        title={t('selfexam.checklist.title')}
        intro={t('selfexam.checklist.intro', { unit: c.unitName })}
        version={`${t('selfexam.checklist.version', { version: c.version, at: formatDateTime(c.createdAt) })}${c.note ? ` · ${c.note}` : ''}`}
        source={c.source}
        current={c.current}
        oldVersion={t('selfexam.checklist.oldVersion', { version: c.version })}
        toCurrent={t('selfexam.checklist.toCurrent')}
        onCurrent={() => onVersion(null)}
      />
      {message && (
        <Notice tone="success" onClose={() => setMessage(null)}>
          {message}
        </Notice>
      )}
      {c.unconfirmed > 0 && <Notice tone="info">{t('selfexam.checklist.unconfirmedNotice', { items: itemsPhrase(t, countByList(c, (i) => !i.confirmed)) })}</Notice>}
      <div className="ts-rp-body" data-stale={stale || undefined}>
        <Stack gap="md">
          {c.groups.map((g) => (
            <Paper key={g.code} withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={g.name}>
              <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
                <div>
                  <Title order={2} fz="h4">
                    {g.name}
                  </Title>
                  {g.grave && (
                    <Text size="sm" c="dimmed">
                      {t('selfexam.checklist.graveGroup')}
                    </Text>
                  )}
                </div>
                {g.list === 'exemplary' && may('add') && (
                  <Button size="sm" variant="light" leftSection={<PlusIcon size={16} />} onClick={() => setDialog({ kind: 'add' })}>
                    {t('selfexam.checklist.add')}
                  </Button>
                )}
              </Group>
              <ol className="ts-se-ref-items">
                {g.items.map((item) => (
                  <li key={item.id} data-code={item.code}>
                    <div className="ts-se-card-head">
                      <Text fw={700} className="ts-se-card-title">
                        <span className="ts-se-code">{item.code}</span> {item.title}
                      </Text>
                      <span className="ts-se-badges">{item.confirmed ? <ConfirmedTag /> : <UnconfirmedTag />}</span>
                    </div>
                    {item.text ? (
                      <Text size="sm" className="ts-se-prewrap">
                        {item.text}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('selfexam.checklist.noText')}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {t('selfexam.checklist.source', { source: item.textSource ?? t('selfexam.checklist.noSource') })}
                      {item.confirmed && item.confirmedAt && ` · ${t('selfexam.checklist.confirmedBy', { name: item.confirmedByName ?? '', at: formatDateTime(item.confirmedAt) })}`}
                    </Text>
                    <Group gap={4} mt={2}>
                      {may('edit') && (
                        <Button size="compact-sm" variant="subtle" leftSection={<EditIcon size={14} />} onClick={() => setDialog({ kind: 'edit', item })} aria-label={t('selfexam.checklist.editFor', { code: item.code })}>
                          {t('selfexam.checklist.edit')}
                        </Button>
                      )}
                      {may('confirm') && !item.confirmed && (
                        <Button size="compact-sm" variant="subtle" leftSection={<CheckIcon size={14} />} onClick={() => setDialog({ kind: 'confirm', item })} aria-label={t('selfexam.checklist.confirmFor', { code: item.code })}>
                          {t('selfexam.checklist.confirm')}
                        </Button>
                      )}
                      {may('remove') && item.list === 'exemplary' && (
                        <Button size="compact-sm" variant="subtle" color="gray" leftSection={<TrashIcon size={14} />} onClick={() => setDialog({ kind: 'remove', item })} aria-label={t('selfexam.checklist.removeFor', { code: item.code })}>
                          {t('selfexam.checklist.remove')}
                        </Button>
                      )}
                      <Button size="compact-sm" variant="subtle" color="gray" leftSection={<HistoryIcon size={14} />} onClick={() => setDialog({ kind: 'history', item })} aria-label={t('selfexam.checklist.historyFor', { code: item.code })}>
                        {t('selfexam.checklist.history')}
                      </Button>
                    </Group>
                  </li>
                ))}
              </ol>
            </Paper>
          ))}
          <Versions unitId={c.unitId} shown={c.versionId} onVersion={onVersion} />
        </Stack>
      </div>
      {dialog?.kind === 'edit' && <EditModal item={dialog.item} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'confirm' && <NoteModal mode="confirm" item={dialog.item} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'remove' && <NoteModal mode="remove" item={dialog.item} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'add' && <AddModal unitId={c.unitId} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'history' && <HistoryModal item={dialog.item} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function Versions({ unitId, shown, onVersion }: { unitId: string; shown: string; onVersion: (id: string | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const versions = useChecklistVersions(unitId);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-h`}>
      <Title order={2} fz="h4" id={`${id}-h`} mb="sm">
        {t('selfexam.checklist.versions')}
      </Title>
      <ReferenceVersions
        versions={versions}
        shown={shown}
        onVersion={onVersion}
        words={{
          versionN: (version) => t('selfexam.checklist.versionN', { version }),
          shown: t('selfexam.checklist.shown'),
          unconfirmed: (count) => t('selfexam.checklist.versionUnconfirmed', { count }),
          retired: (at) => t('selfexam.checklist.retired', { at }),
        }}
      />
    </Paper>
  );
}

type EditField = 'title' | 'text' | 'textSource' | 'note';

function EditModal({ item, onClose, onDone }: { item: ChecklistItem; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const changed = useChecklistChanged();
  const [title, setTitle] = useState(item.title);
  const [text, setText] = useState(item.text ?? '');
  const [source, setSource] = useState(item.textSource ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<EditField>>({ fields: {}, general: null });
  const save = useMutation({
    mutationFn: (body: UpdateChecklistItemBody) => api<ChecklistResponse>(checklistItemPath(item.id), { method: 'PATCH', body }),
    onSuccess: (c) => {
      changed(c);
      onDone(t('selfexam.checklist.edited', { code: item.code, version: c.version }));
    },
    onError: (e) => setErrors(fieldErrors(e, ['title', 'text', 'textSource', 'note'] as const, t('common.formErrors'))),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<EditField>['fields'] = {};
    if (!title.trim()) fields.title = t('errors.required');
    if (!text.trim()) fields.text = t('errors.required');
    if (!note.trim()) fields.note = t('errors.required');
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null });
      return;
    }
    const body: UpdateChecklistItemBody = { note: note.trim() };
    if (title.trim() !== item.title) body.title = title.trim();
    if (text.trim() !== (item.text ?? '')) body.text = text.trim();
    if ((textOrNull(source) ?? null) !== item.textSource) body.textSource = textOrNull(source);
    save.mutate(body);
  }
  return (
    <Modal opened onClose={onClose} title={t('selfexam.checklist.editTitle', { code: item.code })} fullScreen={phone} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <Text size="sm">{t('selfexam.checklist.editIntro')}</Text>
          <TextInput label={t('selfexam.checklist.itemTitle')} required maxLength={300} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.fields.title} />
          <Textarea label={t('selfexam.checklist.itemText')} required autosize minRows={4} maxLength={3000} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.fields.text} />
          <TextInput label={t('selfexam.checklist.itemSource')} description={t('selfexam.checklist.itemSourceHint')} maxLength={500} value={source} onChange={(e) => setSource(e.currentTarget.value)} error={errors.fields.textSource} />
          <Textarea label={t('selfexam.checklist.reason')} description={t('selfexam.checklist.reasonHint')} required autosize minRows={2} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.fields.note} />
          <DialogActions onCancel={onClose} confirmLabel={t('selfexam.checklist.editSubmit')} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Confirm against the official text (a note optional), or remove an exemplary point (the reason required). */
function NoteModal({ mode, item, onClose, onDone }: { mode: 'confirm' | 'remove'; item: ChecklistItem; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const changed = useChecklistChanged();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<'note'>>({ fields: {}, general: null });
  const save = useMutation({
    mutationFn: (body: { note?: string | null }) => api<ChecklistResponse>(checklistItemPath(item.id, `/${mode}`), { method: 'POST', body }),
    onSuccess: (c) => {
      changed(c);
      onDone(mode === 'confirm' ? t('selfexam.checklist.confirmedDone', { code: item.code }) : t('selfexam.checklist.removed', { code: item.code }));
    },
    onError: (e) => setErrors(fieldErrors(e, ['note'] as const, t('common.formErrors'))),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (mode === 'remove' && !note.trim()) {
      setErrors({ fields: { note: t('errors.required') }, general: null });
      return;
    }
    save.mutate(mode === 'remove' ? { note: note.trim() } : { note: textOrNull(note) });
  }
  return (
    <Modal opened onClose={onClose} title={t(mode === 'confirm' ? 'selfexam.checklist.confirmTitle' : 'selfexam.checklist.removeTitle', { code: item.code })} fullScreen={phone} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <div className="ts-se-quote-box">
            <Text fw={700} size="sm">
              {item.code} · {item.title}
            </Text>
            <Text size="sm" className="ts-se-prewrap">
              {item.text}
            </Text>
            <Text size="xs" c="dimmed">
              {t('selfexam.checklist.source', { source: item.textSource ?? t('selfexam.checklist.noSource') })}
            </Text>
          </div>
          <Text size="sm">{mode === 'confirm' ? t('selfexam.checklist.confirmIntro') : t('selfexam.checklist.removeIntro')}</Text>
          <Textarea
            label={mode === 'confirm' ? t('selfexam.checklist.confirmNote') : t('selfexam.checklist.reason')}
            required={mode === 'remove'}
            autosize
            minRows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.fields.note}
          />
          <DialogActions
            onCancel={onClose}
            confirmLabel={mode === 'confirm' ? t('selfexam.checklist.confirmSubmit') : t('selfexam.checklist.removeSubmit')}
            color={mode === 'remove' ? 'partyRed' : undefined}
            busy={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function AddModal({ unitId, onClose, onDone }: { unitId: string; onClose: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const changed = useChecklistChanged();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors<EditField>>({ fields: {}, general: null });
  const save = useMutation({
    mutationFn: (body: AddChecklistItemBody) => api<ChecklistResponse>('/reference/checklist-items', { method: 'POST', body }),
    onSuccess: (c) => {
      changed(c);
      onDone(t('selfexam.checklist.addedDone', { title: title.trim(), version: c.version }));
    },
    onError: (e) => setErrors(fieldErrors(e, ['title', 'text', 'textSource', 'note'] as const, t('common.formErrors'))),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<EditField>['fields'] = {};
    if (!title.trim()) fields.title = t('errors.required');
    if (!text.trim()) fields.text = t('errors.required');
    if (!note.trim()) fields.note = t('errors.required');
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: null });
      return;
    }
    save.mutate({ unitId, title: title.trim(), text: text.trim(), textSource: textOrNull(source), note: note.trim() });
  }
  return (
    <Modal opened onClose={onClose} title={t('selfexam.checklist.addTitle')} fullScreen={phone} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <TextInput label={t('selfexam.checklist.itemTitle')} required maxLength={300} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.fields.title} data-autofocus />
          <Textarea label={t('selfexam.checklist.itemText')} required autosize minRows={3} maxLength={3000} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.fields.text} />
          <TextInput label={t('selfexam.checklist.itemSource')} description={t('selfexam.checklist.itemSourceHint')} maxLength={500} value={source} onChange={(e) => setSource(e.currentTarget.value)} error={errors.fields.textSource} />
          <Textarea label={t('selfexam.checklist.reason')} description={t('selfexam.checklist.reasonHint')} required autosize minRows={2} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.fields.note} />
          <DialogActions onCancel={onClose} confirmLabel={t('selfexam.checklist.addSubmit')} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function HistoryModal({ item, onClose }: { item: ChecklistItem; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const history = useChecklistItemHistory(item.id);
  return (
    <Modal opened onClose={onClose} title={t('selfexam.checklist.historyTitle', { code: item.code })} fullScreen={phone} centered size="lg">
      {history.isPending ? (
        <Skeleton h={120} />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <ol className="ts-se-timeline">
          {history.data.items.map((h) => (
            <li key={`${h.versionId}-${h.id}`}>
              <Text size="xs" c="dimmed">
                {t('selfexam.checklist.versionN', { version: h.version })} · {formatDateTime(h.versionCreatedAt)}
                {h.versionNote && ` · ${h.versionNote}`}
              </Text>
              <Text size="sm" fw={700}>
                {h.title}
              </Text>
              <Text size="sm" className="ts-se-prewrap">
                {h.text}
              </Text>
              <Text size="xs" c="dimmed">
                {t('selfexam.checklist.source', { source: h.textSource ?? t('selfexam.checklist.noSource') })} ·{' '}
                {h.confirmed ? t('selfexam.checklist.confirmedBy', { name: h.confirmedByName ?? '', at: h.confirmedAt ? formatDateTime(h.confirmedAt) : '' }) : t('selfexam.checklist.unconfirmed')}
              </Text>
            </li>
          ))}
        </ol>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.close')}
        </Button>
      </Group>
    </Modal>
  );
}

