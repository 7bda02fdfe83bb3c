import type { ReactNode } from 'react';
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { BackIcon } from './icons.js';

/**
 * The head of a unit's board (tasks, tự soi): back to the unit, the title and what it shows, and on
 * the right the period pickers and the board's main action (`children`), wrapping under on a phone.
 */
export function BoardHeader({ backTo, backLabel, title, intro, children }: { backTo: string; backLabel: string; title: string; intro: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Anchor component={Link} to={backTo} size="sm" className="ts-mt-back">
        <BackIcon size={16} />
        {backLabel}
      </Anchor>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
            {title}
          </Title>
          <Text c="dimmed">{intro}</Text>
        </div>
        <Group gap="sm" align="flex-end">
          {children}
        </Group>
      </Group>
    </Stack>
  );
}
