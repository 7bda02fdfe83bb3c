import './messages.js';
import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState } from '../../../components/ErrorState.js';
import { Skeleton } from '../../../components/Skeleton.js';

/**
 * The part of a report under its period picker: placeholders while the first answer loads, the
 * error with a retry, then the period's label and the report, dimmed while a new period loads.
 */
export function ReportBody<T>({
  ready,
  stats,
  periodLabel,
  chartHeight,
  children,
}: {
  /** The period is known (it waits for the years that have meetings). */
  ready: boolean;
  stats: UseQueryResult<T>;
  periodLabel: string;
  chartHeight: number;
  children: (data: T) => ReactNode;
}) {
  if (!ready || stats.isPending) {
    return (
      <Stack gap="sm" aria-busy="true">
        <Skeleton h={72} />
        <Skeleton h={chartHeight} />
      </Stack>
    );
  }
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  return (
    <div className="ts-rp-body" data-stale={stats.isPlaceholderData || undefined} aria-busy={stats.isFetching}>
      <Text size="sm" fw={600} mb={6} aria-live="polite">
        {periodLabel}
      </Text>
      {children(stats.data)}
    </div>
  );
}
