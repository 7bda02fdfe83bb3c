import './messages.js';
import '../../styles/commitments.css';
import '../../components/modal-styles.js';
import '@mantine/core/styles/Radio.layer.css';
import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/CheckboxIndicator.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import { useRef, useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Modal, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.js';
import { useUnitTree } from '../../api/queries.js';
import type { UnitDetail } from '../../api/types.js';
import { DialogActions } from '../../components/DialogActions.js';
import { Notice } from '../../components/Notice.js';
import type { FormErrors } from '../../lib/forms.js';
import { todayLocal } from '../../lib/time.js';
import { usePhone } from '../../lib/usePhone.js';
import { foldVietnamese } from '../../../domain/vietnamese.js';
import { fieldErrors, useFocusFirstError } from '../../lib/formHelpers.js';
import { directiveKeys, useDirectivesChanged, type CreateDirectiveBody, type DirectiveDetail } from './api.js';
import { cellsUnder } from '../../lib/units.js';

const FIELDS = ['title', 'body', 'issuedOn', 'deadline', 'targetUnitIds', 'allCells', 'unitId'] as const;
type Field = (typeof FIELDS)[number];
const NO_ERRORS: FormErrors<Field> = { fields: {}, general: null };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Ra chỉ đạo: the committee's text and deadline, sent to every cell below it or to the cells
 * chosen (a filter that ignores diacritics finds "Đồng Thứ" from "dong thu"). The new directive
 * opens on its own page, where the cells' acknowledgements will show.
 */
export default function DirectiveFormModal({ unit, onClose }: { unit: Pick<UnitDetail, 'id' | 'name'>; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Modal opened onClose={onClose} title={t('commitments.directiveForm.title', { unit: unit.name })} fullScreen={phone} size="lg" centered>
      <DirectiveForm unit={unit} onClose={onClose} />
    </Modal>
  );
}

function DirectiveForm({ unit, onClose }: { unit: Pick<UnitDetail, 'id' | 'name'>; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const changed = useDirectivesChanged();
  const queryClient = useQueryClient();
  const tree = useUnitTree();
  const cells = tree.data ? cellsUnder(tree.data.roots, unit.id) : [];
  const today = todayLocal();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [issuedOn, setIssuedOn] = useState(today);
  const [deadline, setDeadline] = useState('');
  const [target, setTarget] = useState<'all' | 'some'>('all');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [errors, setErrors] = useState(NO_ERRORS);

  const create = useMutation({
    mutationFn: (payload: CreateDirectiveBody) => api<DirectiveDetail>('/directives', { method: 'POST', body: payload }),
    onSuccess: async (created) => {
      queryClient.setQueryData(directiveKeys.detail(created.id), created);
      await changed();
      navigate(`/directives/${created.id}`);
    },
    onError: (e) => {
      setErrors(fieldErrors<Field>(e, FIELDS, t('common.formErrors')));
      setAttempt((n) => n + 1);
    },
  });

  const folded = foldVietnamese(filter.trim());
  const shown = folded ? cells.filter((c) => foldVietnamese(c.name).includes(folded)) : cells;
  const toggle = (id: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields: FormErrors<Field>['fields'] = {};
    if (!title.trim()) fields.title = t('errors.required');
    if (!body.trim()) fields.body = t('errors.required');
    if (!ISO_DATE.test(issuedOn)) fields.issuedOn = t('errors.invalidDate');
    else if (issuedOn > today) fields.issuedOn = t('commitments.directiveForm.issuedInFuture');
    if (!ISO_DATE.test(deadline)) fields.deadline = t('errors.invalidDate');
    else if (ISO_DATE.test(issuedOn) && deadline < issuedOn) fields.deadline = t('commitments.directiveForm.deadlineBefore');
    if (target === 'some' && chosen.size === 0) fields.targetUnitIds = t('commitments.directiveForm.chooseCells');
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, general: t('common.formErrors') });
      setAttempt((n) => n + 1);
      return;
    }
    setErrors(NO_ERRORS);
    create.mutate({
      unitId: unit.id,
      title: title.trim(),
      body: body.trim(),
      issuedOn,
      deadline,
      allCells: target === 'all',
      // In the tree's order, whatever order they were ticked in.
      targetUnitIds: target === 'all' ? [] : cells.filter((c) => chosen.has(c.id)).map((c) => c.id),
    });
  }

  const err = errors.fields;
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="ts-cm-form">
      <Stack gap="md">
        {errors.general && <Notice tone="error">{errors.general}</Notice>}
        <TextInput
          label={t('commitments.directiveForm.titleField')}
          required
          maxLength={300}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={err.title}
          autoComplete="off"
          data-autofocus
        />
        <Textarea
          label={t('commitments.directiveForm.body')}
          required
          autosize
          minRows={4}
          maxRows={14}
          maxLength={20000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={err.body}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            type="date"
            label={t('commitments.directiveForm.issuedOn')}
            required
            max={today}
            value={issuedOn}
            onChange={(e) => setIssuedOn(e.currentTarget.value)}
            error={err.issuedOn}
          />
          <TextInput
            type="date"
            label={t('commitments.directiveForm.deadline')}
            required
            min={issuedOn || undefined}
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
            error={err.deadline}
          />
        </SimpleGrid>
        <Radio.Group
          label={t('commitments.directiveForm.targets')}
          required
          value={target}
          onChange={(v) => setTarget(v as 'all' | 'some')}
          error={target === 'all' ? err.targetUnitIds ?? err.allCells : undefined}
        >
          <Stack gap={8} mt={6}>
            <Radio value="all" label={t('commitments.directiveForm.allCells', { count: cells.length })} />
            <Radio value="some" label={t('commitments.directiveForm.someCells')} />
          </Stack>
        </Radio.Group>
        {target === 'some' && (
          <Stack gap="xs" role="group" aria-label={t('commitments.directiveForm.cellList')}>
            <Group gap="sm" align="flex-end" justify="space-between">
              <TextInput
                label={t('commitments.directiveForm.filter')}
                placeholder={t('commitments.directiveForm.filterPlaceholder')}
                value={filter}
                onChange={(e) => setFilter(e.currentTarget.value)}
                autoComplete="off"
                style={{ flex: '1 1 200px' }}
              />
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setChosen((s) => new Set([...s, ...shown.map((c) => c.id)]))}
                disabled={shown.length === 0}
              >
                {t('commitments.directiveForm.chooseShown', { count: shown.length })}
              </Button>
            </Group>
            <Text size="sm" fw={600} aria-live="polite">
              {t('commitments.directiveForm.chosen', { count: chosen.size })}
            </Text>
            <div className="ts-cm-cells">
              {tree.isPending ? (
                <Text size="sm" c="dimmed">
                  {t('common.loading')}
                </Text>
              ) : shown.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('commitments.directiveForm.noCells')}
                </Text>
              ) : (
                shown.map((c) => (
                  <Checkbox
                    key={c.id}
                    className="ts-cm-cell"
                    label={c.name}
                    checked={chosen.has(c.id)}
                    onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                  />
                ))
              )}
            </div>
            {err.targetUnitIds && (
              <Text size="sm" c="error" role="alert">
                {err.targetUnitIds}
              </Text>
            )}
          </Stack>
        )}
        <DialogActions onCancel={onClose} confirmLabel={t('commitments.directiveForm.submit')} busy={create.isPending} />
      </Stack>
    </form>
  );
}
