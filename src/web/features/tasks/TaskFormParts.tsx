import './messages.js';
import '@mantine/core/styles/Combobox.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/ScrollArea.layer.css';
import '@mantine/core/styles/Pill.layer.css';
import '@mantine/core/styles/PillsInput.layer.css';
import { MultiSelect, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { foldOptionsFilter } from '../../lib/search.js';
import { TASK_PRIORITIES, type TaskPriority } from './api.js';

/** At most this many co-workers (the server's limit). */
export const MAX_COWORKERS = 30;

/** Người phối hợp: members who share the task (never the owner), searchable by name. */
export function CoworkersField({
  options,
  value,
  onChange,
  exclude,
  error,
}: {
  options: { value: string; label: string }[];
  value: string[];
  onChange: (ids: string[]) => void;
  /** The owner, who cannot also be a co-worker. */
  exclude?: string | null;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      label={t('tasks.new.coworkers')}
      placeholder={value.length === 0 ? t('tasks.new.coworkersPlaceholder') : undefined}
      data={options.filter((o) => o.value !== exclude)}
      value={value}
      onChange={onChange}
      searchable
      clearable
      hidePickedOptions
      maxValues={MAX_COWORKERS}
      filter={foldOptionsFilter}
      // A commune has hundreds of members: a cheap phone draws the first 50 matches, typing narrows them.
      limit={50}
      nothingFoundMessage={t('tasks.new.coworkersNone')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function PriorityField({ value, onChange, error }: { value: TaskPriority; onChange: (p: TaskPriority) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('tasks.page.priority')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as TaskPriority)}
      data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priority.${p}`) }))}
      error={error}
    />
  );
}
