import { ActionIcon, Group } from '@mantine/core';
import { ArrowDownIcon, ArrowUpIcon, TrashIcon } from './icons.js';

/**
 * Up, down and remove buttons of one row in an editable list (agenda items, rubric criteria),
 * each labelled for screen readers with the row it acts on.
 */
export function RowControls({
  index,
  count,
  labels,
  onMove,
  onRemove,
  removeBlocked,
  size = 40,
}: {
  index: number;
  count: number;
  labels: { up: string; down: string; remove: string };
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
  /** Why this row cannot be removed, if so (shown as the button's title). */
  removeBlocked?: string | undefined;
  size?: number;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="subtle" color="gray.8" size={size} aria-label={labels.up} disabled={index === 0} onClick={() => onMove(-1)}>
        <ArrowUpIcon />
      </ActionIcon>
      <ActionIcon variant="subtle" color="gray.8" size={size} aria-label={labels.down} disabled={index === count - 1} onClick={() => onMove(1)}>
        <ArrowDownIcon />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray.8"
        size={size}
        aria-label={labels.remove}
        title={removeBlocked}
        disabled={count === 1 || Boolean(removeBlocked)}
        onClick={onRemove}
      >
        <TrashIcon />
      </ActionIcon>
    </Group>
  );
}
