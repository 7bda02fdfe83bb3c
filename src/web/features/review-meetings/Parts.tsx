import { Text, Title } from '@mantine/core';

/** A review-meeting page's heading: the cell above, the page's name. */
export function CellHeading({ cell, title }: { cell: string; title: string }) {
  return (
    <div>
      <Text c="dimmed" size="sm">
        {cell}
      </Text>
      <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
        {title}
      </Title>
    </div>
  );
}
