import '@mantine/core/styles/Checkbox.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import '@mantine/core/styles/Combobox.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/ScrollArea.layer.css';
import './messages.js';
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, NativeSelect, Paper, Select, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { Notice } from '../../components/Notice.js';
import { formatDate, parseDateInput } from '../../lib/format.js';
import { formErrorsFrom, type FormErrors } from '../../lib/forms.js';
import { useTaskOptions } from '../tasks/api.js';
import { usePublicForm } from '../citizen-feedback/api.js';
import { localIssueKeys, useCategories, type CreateLocalIssueBody, type LocalIssueDetail, type NewIssueFields } from './api.js';
import { foldOptionsFilter } from '../../lib/search.js';

const FIELDS = [
  'categoryCode',
  'title',
  'description',
  'villageUnitId',
  'areaName',
  'latitude',
  'longitude',
  'sinceYear',
  'householdsAffected',
  'deadline',
  'responsibleUnitId',
  'responsibleMemberId',
] as const;
type Field = (typeof FIELDS)[number];

type Values = {
  categoryCode: string;
  title: string;
  description: string;
  villageUnitId: string;
  areaName: string;
  latitude: string;
  longitude: string;
  sinceYear: string;
  sinceBefore: boolean;
  householdsAffected: string;
  deadline: string;
  responsibleUnitId: string;
  responsibleMemberId: string;
  isPublic: boolean;
};

const EMPTY: Values = {
  categoryCode: '',
  title: '',
  description: '',
  villageUnitId: '',
  areaName: '',
  latitude: '',
  longitude: '',
  sinceYear: '',
  sinceBefore: false,
  householdsAffected: '',
  deadline: '',
  responsibleUnitId: '',
  responsibleMemberId: '',
  isPublic: false,
};

function valuesOf(i: LocalIssueDetail): Values {
  const text = (n: number | null) => (n === null ? '' : String(n));
  return {
    categoryCode: i.categoryCode,
    title: i.title,
    description: i.description,
    villageUnitId: i.village?.unitId ?? '',
    areaName: i.areaName ?? '',
    latitude: text(i.latitude),
    longitude: text(i.longitude),
    sinceYear: text(i.sinceYear),
    sinceBefore: i.sinceBefore,
    householdsAffected: text(i.householdsAffected),
    deadline: formatDate(i.deadline) ?? '',
    responsibleUnitId: i.responsibleUnit?.id ?? '',
    responsibleMemberId: i.responsibleMember?.id ?? '',
    isPublic: i.public,
  };
}

/** A number typed by a person: "" is none; a comma is a decimal point (Vietnamese writing). */
function parseNumber(s: string, integer: boolean): number | null | 'invalid' {
  const v = s.trim().replace(',', '.');
  if (v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) return 'invalid';
  return n;
}

/**
 * The issue's fields, to add one to the committee's list or to correct one. Who is responsible and
 * whether the public sees it are the committee's to set (`canAssign`); the responsible unit edits
 * the rest.
 */
export function IssueForm({
  unitId,
  issue,
  canAssign,
  onCancel,
  onSaved,
  prefill,
  send,
  title,
  submitLabel,
}: {
  /** The committee whose list it is on (the commune). */
  unitId: string;
  /** The issue being corrected; none when adding. */
  issue?: LocalIssueDetail;
  canAssign: boolean;
  onCancel: () => void;
  /** With the saved issue, or null when `send` did the saving. */
  onSaved: (issue: LocalIssueDetail | null) => void;
  /** Starting values for a new issue (from a citizen's message). */
  prefill?: Partial<Pick<Values, 'categoryCode' | 'description' | 'villageUnitId'>>;
  /** Saves the fields some other way (a citizen's message turned into an issue). */
  send?: (fields: NewIssueFields) => Promise<unknown>;
  title?: string;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const categories = useCategories();
  const villages = usePublicForm();
  const people = useTaskOptions(unitId, canAssign);
  const [v, setV] = useState<Values>(() => (issue ? valuesOf(issue) : { ...EMPTY, ...prefill }));
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, general: null });
  // The value is read at once: React's event is gone by the time the state updater runs.
  const set = (k: keyof Values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((p) => ({ ...p, [k]: value }));
  };
  const tick = (k: 'sinceBefore' | 'isPublic') => (e: { currentTarget: { checked: boolean } }) => {
    const checked = e.currentTarget.checked;
    setV((p) => ({ ...p, [k]: checked }));
  };
  const save = useMutation({
    mutationFn: async (body: NewIssueFields): Promise<LocalIssueDetail | null> => {
      if (send) {
        await send(body);
        return null;
      }
      return issue
        ? api<LocalIssueDetail>(`/local-issues/${issue.id}`, { method: 'PATCH', body })
        : api<LocalIssueDetail>('/local-issues', { method: 'POST', body: { unitId, ...body } satisfies CreateLocalIssueBody });
    },
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData(localIssueKeys.issue(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: localIssueKeys.all });
      onSaved(saved);
    },
    onError: (e) => setErrors(formErrorsFrom(e, FIELDS, t(issue ? 'localissues.edit.failed' : 'localissues.create.failed'))),
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const deadline = parseDateInput(v.deadline);
    const sinceYear = parseNumber(v.sinceYear, true);
    const households = parseNumber(v.householdsAffected, true);
    const latitude = parseNumber(v.latitude, false);
    const longitude = parseNumber(v.longitude, false);
    const fields: FormErrors<Field>['fields'] = {};
    if (!v.categoryCode) fields.categoryCode = t('localissues.create.required');
    if (v.title.trim().length < 3) fields.title = t('localissues.create.titleShort');
    if (!v.description.trim()) fields.description = t('localissues.create.required');
    if (deadline === 'invalid') fields.deadline = t('localissues.create.invalidDate');
    if (sinceYear === 'invalid' || (sinceYear !== null && (sinceYear < 1945 || sinceYear > 2100))) fields.sinceYear = t('localissues.create.invalidYear');
    if (households === 'invalid' || (households !== null && households < 0)) fields.householdsAffected = t('localissues.create.invalidNumber');
    if (latitude === 'invalid' || (latitude !== null && Math.abs(latitude) > 90)) fields.latitude = t('localissues.create.invalidLatitude');
    if (longitude === 'invalid' || (longitude !== null && Math.abs(longitude) > 180)) fields.longitude = t('localissues.create.invalidLongitude');
    // A map point is both numbers or neither.
    if (latitude === null && typeof longitude === 'number') fields.latitude = t('localissues.create.pointBoth');
    if (longitude === null && typeof latitude === 'number') fields.longitude = t('localissues.create.pointBoth');
    if (Object.keys(fields).length) return setErrors({ fields, general: t('common.formErrors') });
    setErrors({ fields: {}, general: null });
    const num = (n: number | null | 'invalid') => (n === 'invalid' ? null : n);
    save.mutate({
      categoryCode: v.categoryCode,
      title: v.title.trim(),
      description: v.description.trim(),
      villageUnitId: v.villageUnitId || null,
      areaName: v.areaName.trim() || null,
      latitude: num(latitude),
      longitude: num(longitude),
      sinceYear: num(sinceYear),
      sinceBefore: v.sinceBefore,
      householdsAffected: num(households),
      deadline: deadline === 'invalid' ? null : deadline,
      ...(canAssign ? { responsibleUnitId: v.responsibleUnitId || null, responsibleMemberId: v.responsibleMemberId || null, public: v.isPublic } : {}),
    });
  }

  const villageOptions = (villages.data?.villages ?? []).filter((x) => x.communeId === unitId);
  const err = errors.fields;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ts-li-form">
      <form onSubmit={submit} noValidate data-testid={issue ? 'issue-edit-form' : 'issue-create-form'}>
        <Stack gap="sm">
          <Title order={2} fz="h4" id="ts-li-form">
            {title ?? t(issue ? 'localissues.edit.title' : 'localissues.create.title')}
          </Title>
          {errors.general && <Notice tone="error">{errors.general}</Notice>}
          <NativeSelect
            label={t('localissues.create.category')}
            required
            value={v.categoryCode}
            onChange={set('categoryCode')}
            data={[{ value: '', label: '—' }, ...(categories.data?.categories ?? []).map((c) => ({ value: c.code, label: c.name }))]}
            error={err.categoryCode}
            data-testid="issue-form-category"
          />
          <TextInput label={t('localissues.create.name')} required value={v.title} onChange={set('title')} error={err.title} data-testid="issue-form-title" />
          <Textarea label={t('localissues.create.description')} required autosize minRows={3} value={v.description} onChange={set('description')} error={err.description} data-testid="issue-form-description" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('localissues.create.village')}
              value={v.villageUnitId}
              onChange={set('villageUnitId')}
              data={[{ value: '', label: t('localissues.create.noVillage') }, ...villageOptions.map((x) => ({ value: x.unitId, label: x.name }))]}
              error={err.villageUnitId}
            />
            <TextInput label={t('localissues.create.areaName')} value={v.areaName} onChange={set('areaName')} error={err.areaName} />
            <TextInput label={t('localissues.create.latitude')} inputMode="decimal" placeholder="21.8235" value={v.latitude} onChange={set('latitude')} error={err.latitude} />
            <TextInput label={t('localissues.create.longitude')} inputMode="decimal" placeholder="105.1123" value={v.longitude} onChange={set('longitude')} error={err.longitude} />
            <TextInput label={t('localissues.create.sinceYear')} inputMode="numeric" value={v.sinceYear} onChange={set('sinceYear')} error={err.sinceYear} data-testid="issue-form-since" />
            <TextInput label={t('localissues.create.households')} inputMode="numeric" value={v.householdsAffected} onChange={set('householdsAffected')} error={err.householdsAffected} />
            <TextInput label={t('localissues.create.deadline')} placeholder="dd/mm/yyyy" value={v.deadline} onChange={set('deadline')} error={err.deadline} data-testid="issue-form-deadline" />
          </SimpleGrid>
          <Checkbox label={t('localissues.create.sinceBefore')} checked={v.sinceBefore} onChange={tick('sinceBefore')} />
          {canAssign && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect
                  label={t('localissues.create.responsibleUnit')}
                  value={v.responsibleUnitId}
                  onChange={set('responsibleUnitId')}
                  data={[{ value: '', label: t('localissues.create.nobody') }, ...(people.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))]}
                  error={err.responsibleUnitId}
                  data-testid="issue-form-unit"
                />
                <Select
                  label={t('localissues.create.responsibleMember')}
                  searchable
                  clearable
                  placeholder={t('localissues.create.nobody')}
                  filter={foldOptionsFilter}
                  nothingFoundMessage={t('localissues.create.noMatch')}
                  value={v.responsibleMemberId || null}
                  onChange={(value) => setV((p) => ({ ...p, responsibleMemberId: value ?? '' }))}
                  data={(people.data?.members ?? []).map((m) => ({ value: m.id, label: m.unitName ? `${m.fullName} (${m.unitName})` : m.fullName }))}
                  error={err.responsibleMemberId}
                  data-testid="issue-form-member"
                />
              </SimpleGrid>
              <Checkbox label={t('localissues.create.public')} checked={v.isPublic} onChange={tick('isPublic')} data-testid="issue-form-public" />
            </>
          )}
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button type="submit" loading={save.isPending} data-testid="issue-form-submit">
              {submitLabel ?? t(issue ? 'localissues.edit.submit' : 'localissues.create.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
