// The parts every page of versioned reference data shares (the self-examination checklist, the
// inspection rules): the version in the address, the head with its provenance, the list of versions.
import type { ReactNode } from 'react';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../lib/format.js';
import { ErrorState } from './ErrorState.js';
import { Notice } from './Notice.js';
import { Skeleton } from './Skeleton.js';

/** `?version=` of the page: null for the current version; showing the current one drops it. */
export function useVersionParam(): { versionId: string | null; showVersion: (id: string | null) => void } {
  const [params, setParams] = useSearchParams();
  const showVersion = (id: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set('version', id);
        else next.delete('version');
        return next;
      },
      { replace: false },
    );
  return { versionId: params.get('version'), showVersion };
}

/** What the page looks like while its version loads. */
export function ReferencePageSkeleton() {
  return (
    <Stack gap="md" className="ts-page">
      <Skeleton h={36} w="60%" />
      <Skeleton h={120} />
      <Skeleton h={320} />
    </Stack>
  );
}

/** The version shown: what it is, since when and why, where it comes from; a notice when it is an earlier one. */
export function ReferenceHead({
  title,
  intro,
  version,
  source,
  current,
  oldVersion,
  toCurrent,
  onCurrent,
}: {
  title: string;
  intro: string;
  /** "Phiên bản 2, từ …" */
  version: ReactNode;
  source: string;
  current: boolean;
  oldVersion: string;
  toCurrent: string;
  onCurrent: () => void;
}) {
  return (
    <>
      <Stack gap={6}>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {title}
        </Title>
        <Text c="dimmed">{intro}</Text>
        <Text size="sm">{version}</Text>
        <Text size="sm" c="dimmed">
          {source}
        </Text>
      </Stack>
      {!current && (
        <Notice tone="warning">
          {oldVersion}{' '}
          <Anchor component="button" type="button" onClick={onCurrent} size="sm" fw={600}>
            {toCurrent}
          </Anchor>
        </Notice>
      )}
    </>
  );
}

export interface ReferenceVersion {
  id: string;
  version: number;
  note: string;
  createdAt: string;
  createdByName: string | null;
  retiredAt: string | null;
  unconfirmed: number;
}

/** Every version, newest first, the one shown marked; the others open on a click (the newest as the current one). */
export function ReferenceVersions({
  versions,
  shown,
  onVersion,
  words,
}: {
  versions: UseQueryResult<{ items: ReferenceVersion[] }>;
  shown: string;
  onVersion: (id: string | null) => void;
  words: { versionN: (version: number) => string; shown: string; unconfirmed: (count: number) => string; retired: (at: string) => string };
}) {
  if (versions.isPending) return <Skeleton h={60} />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  return (
    <ol className="ts-se-versions">
      {versions.data.items.map((v, i) => (
        <li key={v.id} aria-current={v.id === shown ? 'true' : undefined}>
          {v.id === shown ? (
            <Text fw={700} size="sm">
              {words.versionN(v.version)} {words.shown}
            </Text>
          ) : (
            <Anchor component="button" type="button" size="sm" fw={700} onClick={() => onVersion(i === 0 && !v.retiredAt ? null : v.id)}>
              {words.versionN(v.version)}
            </Anchor>
          )}
          <Text size="sm">{v.note}</Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(v.createdAt)}
            {v.createdByName && ` · ${v.createdByName}`}
            {' · '}
            {words.unconfirmed(v.unconfirmed)}
            {v.retiredAt && ` · ${words.retired(formatDateTime(v.retiredAt))}`}
          </Text>
        </li>
      ))}
    </ol>
  );
}
