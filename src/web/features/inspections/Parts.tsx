import '@mantine/core/styles/Combobox.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/Pill.layer.css';
import '@mantine/core/styles/PillsInput.layer.css';
import './messages.js';
import '../../styles/local-issues.css';
import './inspections.css';
import { useId, useRef, useState, type ReactNode } from 'react';
import { Button, FileButton, Group, Input, MultiSelect, Paper, Select, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useUnitMembers } from '../../api/queries.js';
import { Tag } from '../../components/Badges.js';
import { UploadIcon } from '../../components/icons.js';
import { formatBytes } from '../../lib/files.js';
import type { InspectionStatus, ProgrammeSummary, RecommendationView } from './api.js';
import { programmeSegments, type ItemState } from './look.js';
import { PROGRAMME_ITEM_STATES } from './api.js';
import { MAX_ATTACHMENT_BYTES } from '../tasks/api.js';

// Own colour pairs (≥ 7:1 text on tint), as the other areas' badges.
const CASE_COLOURS: Record<InspectionStatus, [string, string]> = {
  open: ['#fff1d6', '#6e4300'],
  concluded: ['#e3edfb', '#17467d'],
  closed: ['#e3f3e6', '#1b5e2b'],
};
const ITEM_COLOURS: Record<ItemState, [string, string]> = {
  planned: ['#eceff1', '#37474f'],
  in_progress: ['#fff1d6', '#6e4300'],
  concluded: ['#e3f3e6', '#1b5e2b'],
  late: ['#fbe3e3', '#8a1010'],
};
const REC_COLOURS: Record<RecommendationView['status'], [string, string]> = {
  open: ['#fff1d6', '#6e4300'],
  reported: ['#e3edfb', '#17467d'],
  fixed: ['#e3f3e6', '#1b5e2b'],
  returned: ['#fbe3e3', '#8a1010'],
};

/** A badge in one of the colour pairs above, its words from the catalogue. */
function Badge<K extends string>({ colours, value, label, testId }: { colours: Record<K, [string, string]>; value: K; label: string; testId: string }) {
  const [bg, fg] = colours[value];
  return (
    <span data-testid={testId} data-status={value}>
      <Tag bg={bg} fg={fg}>
        {label}
      </Tag>
    </span>
  );
}

export function CaseStatusBadge({ status }: { status: InspectionStatus }) {
  const { t } = useTranslation();
  return <Badge colours={CASE_COLOURS} value={status} label={t(`inspections.status.${status}`)} testId="case-status" />;
}

export function ItemStateBadge({ state }: { state: ItemState }) {
  const { t } = useTranslation();
  return <Badge colours={ITEM_COLOURS} value={state} label={t(`inspections.itemState.${state}`)} testId="item-state" />;
}

export function RecStatusBadge({ status }: { status: RecommendationView['status'] }) {
  const { t } = useTranslation();
  return <Badge colours={REC_COLOURS} value={status} label={t(`inspections.recStatus.${status}`)} testId="rec-status" />;
}

/** A part of a page: a bordered box named by its heading (for screen readers too). */
export function Section({ id, title, children, ...rest }: { id: string; title: string; children: ReactNode; 'data-testid'?: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id} {...rest}>
      <Title order={2} fz="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A red flag that says so in words too (never colour alone). */
export function LateFlag({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <span className="ts-li-chip" data-bad data-testid="late-flag">
      {label ?? t('inspections.late')}
    </span>
  );
}

/** The programme's items by state: a bar for the eye, and the same numbers as a table. */
export function ProgrammeCounts({ counts }: { counts: ProgrammeSummary['counts'] }) {
  const { t } = useTranslation();
  const segments = programmeSegments(counts);
  return (
    <div className="ts-in-counts">
      {segments.length > 0 && (
        <div className="ts-li-bar ts-in-bar" role="img" aria-label={segments.map((s) => `${t(`inspections.itemState.${s.state}`)}: ${s.n}`).join(', ')} data-testid="programme-bar">
          {segments.map((s) => (
            <span key={s.state} data-state={s.state} style={{ flexGrow: s.n }} />
          ))}
        </div>
      )}
      <table className="ts-in-table" data-testid="programme-counts">
        <caption className="ts-sr-only">{t('inspections.programme.countsTable')}</caption>
        <thead>
          <tr>
            {PROGRAMME_ITEM_STATES.map((s) => (
              <th key={s} scope="col" data-state={s}>
                {t(`inspections.itemState.${s}`)}
              </th>
            ))}
            <th scope="col">{t('inspections.programme.total')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            {PROGRAMME_ITEM_STATES.map((s) => (
              <td key={s} data-state={s}>
                {counts[s]}
              </td>
            ))}
            <td>{counts.total}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/**
 * Members of `unitId`'s subtree found by typing (the server searches, ignoring diacritics): a
 * commune has hundreds, so the first 50 matches are offered. The chosen ones keep their names.
 */
function useMemberOptions(unitId: string, chosen: Record<string, string>) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const roster = useUnitMembers(unitId, { q, status: '', page: 1, pageSize: 50 });
  const found = (roster.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.fullName} (${m.unitName})` }));
  const extra = Object.entries(chosen)
    .filter(([id]) => !found.some((o) => o.value === id))
    .map(([value, label]) => ({ value, label }));
  return { options: [...extra, ...found], search, setSearch };
}

export type Picked = { id: string; label: string } | null;

/** One member, picked by name. */
export function MemberPick({ unitId, label, value, onChange, error, testId, required }: { unitId: string; label: string; value: Picked; onChange: (p: Picked) => void; error?: string | undefined; testId?: string; required?: boolean }) {
  const { t } = useTranslation();
  const { options, search, setSearch } = useMemberOptions(unitId, value ? { [value.id]: value.label } : {});
  return (
    <Select
      label={label}
      required={required}
      searchable
      clearable
      placeholder={t('inspections.programme.searchMember')}
      nothingFoundMessage={t('inspections.programme.noMatch')}
      // The server already searched: show what it found.
      filter={({ options: o }) => o}
      searchValue={search}
      onSearchChange={setSearch}
      value={value?.id ?? null}
      onChange={(id, option) => onChange(id && option ? { id, label: option.label } : null)}
      data={options}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}

/** Several members (the team), picked by name. */
export function TeamPick({ unitId, label, value, onChange, error }: { unitId: string; label: string; value: { id: string; label: string }[]; onChange: (p: { id: string; label: string }[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const chosen = Object.fromEntries(value.map((p) => [p.id, p.label]));
  const { options, search, setSearch } = useMemberOptions(unitId, chosen);
  return (
    <MultiSelect
      label={label}
      searchable
      clearable
      hidePickedOptions
      maxValues={20}
      placeholder={value.length === 0 ? t('inspections.programme.searchMember') : undefined}
      nothingFoundMessage={t('inspections.programme.noMatch')}
      filter={({ options: o }) => o}
      searchValue={search}
      onSearchChange={setSearch}
      value={value.map((p) => p.id)}
      onChange={(ids) => onChange(ids.map((id) => ({ id, label: options.find((o) => o.value === id)?.label ?? chosen[id] ?? id })))}
      data={options}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** A file from the phone (a photo, a scan), 10 MB at most, checked before anything is sent. */
export function FilePick({ file, onChange, error, disabled }: { file: File | null; onChange: (f: File | null, problem: string | null) => void; error?: string | undefined; disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const reset = useRef<() => void>(null);
  function choose(next: File | null) {
    if (!next) reset.current?.();
    const problem = next && next.size > MAX_ATTACHMENT_BYTES ? t('inspections.file.tooBig', { name: next.name, size: formatBytes(next.size, i18n.language) }) : null;
    onChange(next, problem);
  }
  return (
    <Input.Wrapper labelElement="div" label={t('inspections.file.label')} description={t('inspections.file.hint')} error={error} id={`${id}-file`}>
      <Group gap="xs" mt={6} wrap="wrap">
        <FileButton onChange={choose} resetRef={reset} disabled={disabled} inputProps={{ 'aria-label': t('inspections.file.label'), 'data-testid': 'file-input' } as object}>
          {(props) => (
            <Button {...props} variant="default" leftSection={<UploadIcon size={16} />} disabled={disabled}>
              {file ? t('inspections.file.chooseOther') : t('inspections.file.choose')}
            </Button>
          )}
        </FileButton>
        {file && (
          <>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {file.name} ({formatBytes(file.size, i18n.language)})
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={() => choose(null)} disabled={disabled}>
              {t('inspections.file.remove')}
            </Button>
          </>
        )}
      </Group>
    </Input.Wrapper>
  );
}
