import '@mantine/core/styles/Pagination.layer.css';
import { useState, type ReactNode } from 'react';
import { Group, Loader, Pagination, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from './ErrorState.js';
import { Skeleton } from './Skeleton.js';

/**
 * The page number of a server-paged list belongs to one filter: a new search or filter starts
 * again at page 1 (without a wasted fetch of the old page number).
 */
export function usePageFor(filterKey: string): [number, (page: number) => void] {
  const [paging, setPaging] = useState({ key: filterKey, page: 1 });
  return [paging.key === filterKey ? paging.page : 1, (page) => setPaging({ key: filterKey, page })];
}

interface Page<T> {
  items: T[];
  total: number;
  pageSize: number;
}

/**
 * The body every server-paged list shares: loading skeleton, error with retry, the total
 * (announced to screen readers), an empty message, the items, and accessible pagination.
 */
export function PagedResults<T>({
  query,
  page,
  onPage,
  totalLabel,
  emptyLabel,
  children,
}: {
  query: UseQueryResult<Page<T>>;
  page: number;
  onPage: (page: number) => void;
  totalLabel: (total: number) => string;
  emptyLabel: string;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Stack gap="xs">
        <Skeleton h={36} />
        <Skeleton h={36} />
        <Skeleton h={36} />
      </Stack>
    );
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { items, total, pageSize } = query.data;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600} aria-live="polite" role="status">
          {totalLabel(total)}
        </Text>
        {query.isFetching && <Loader size="xs" aria-hidden="true" />}
      </Group>
      {items.length === 0 ? <Text c="dimmed">{emptyLabel}</Text> : children(items)}
      {pages > 1 && (
        <nav aria-label={t('common.pagination')}>
          <Pagination
            size="sm"
            total={pages}
            value={page}
            onChange={onPage}
            getControlProps={(control) => ({ 'aria-label': t(`common.${control}Page`) })}
            getItemProps={(p) => ({ 'aria-label': t('common.pageN', { page: p }) })}
          />
        </nav>
      )}
    </>
  );
}
