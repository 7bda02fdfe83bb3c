import '../features/commitments/messages.js';
import '../styles/commitments.css';
import type { ReactNode } from 'react';
import { Anchor, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api/client.js';
import type { UnitDetail } from '../api/types.js';
import { ErrorState } from './ErrorState.js';
import { NotFound } from './NotFound.js';
import { Skeleton } from './Skeleton.js';
import { BackIcon } from './icons.js';
import { yearsAround } from '../lib/year.js';

/**
 * While a unit page's unit loads, or when it cannot: the placeholder, "not found" (a unit outside
 * the caller's scope looks the same), or the error with a retry. Null once the unit is there.
 */
export function unitGate(unit: UseQueryResult<UnitDetail>): ReactNode {
  if (unit.isPending) {
    return (
      <Stack gap="md" className="ts-page">
        <Skeleton h={16} w={200} />
        <Skeleton h={36} w="60%" />
        <Skeleton h={120} />
        <Skeleton h={240} />
      </Stack>
    );
  }
  if (unit.isError) {
    if (isApiError(unit.error, 404) || isApiError(unit.error, 400)) return <NotFound />;
    return <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />;
  }
  return null;
}

/** The head of a unit's directives or commitments: back to the unit, the title, what the page is for. */
export function AreaHeader({ unit, title, intro }: { unit: Pick<UnitDetail, 'id' | 'name'>; title: string; intro: string }) {
  return (
    <Stack gap={6}>
      <Anchor component={Link} to={`/units/${unit.id}`} size="sm" className="ts-cm-back">
        <BackIcon size={16} />
        {unit.name}
      </Anchor>
      <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
        {title}
      </Title>
      <Text c="dimmed" maw={760}>
        {intro}
      </Text>
    </Stack>
  );
}

/** The year select, then the page's buttons (the first one full width on a phone), and a spinner while another year loads. */
export function YearToolbar({
  year,
  onYear,
  label,
  busy,
  children,
}: {
  year: number;
  /** The select's label, in the area's words ("Năm"). */
  label: string;
  onYear: (year: number) => void;
  busy: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="ts-cm-toolbar">
      <NativeSelect
        className="ts-cm-year"
        label={label}
        value={String(year)}
        onChange={(e) => onYear(Number(e.currentTarget.value))}
        data={yearsAround(year).map((y) => String(y))}
      />
      {children && <div className="ts-cm-toolbar-actions">{children}</div>}
      {busy && <Loader size="xs" aria-label={t('common.loading')} />}
    </div>
  );
}
