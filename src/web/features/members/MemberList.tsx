import '@mantine/core/styles/Table.layer.css';
import { useState } from 'react';
import { Anchor, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnitMembers } from '../../api/queries.js';
import { MEMBER_STATUSES, type MemberStatus, type MemberSummary } from '../../api/types.js';
import { StatusBadge } from '../../components/Badges.js';
import { PagedResults, usePageFor } from '../../components/PagedResults.js';
import { SearchIcon } from '../../components/icons.js';
import { usePhone } from '../../lib/usePhone.js';

const PAGE_SIZE = 20;
/**
 * Members of a unit's subtree: server-side search (diacritics ignored by the server), status
 * filter and pagination. A table on wide screens, a list of cards on phones.
 */
export function MemberList({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 350);
  const [status, setStatus] = useState<MemberStatus | ''>('');
  const [page, setPage] = usePageFor(`${debouncedQ}\u0000${status}`);

  const list = useUnitMembers(unitId, { q: debouncedQ, status, page, pageSize: PAGE_SIZE });
  const showUnit = list.data ? list.data.items.some((m) => m.unitId !== unitId) : false;

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="search"
          label={t('members.search')}
          placeholder={t('members.searchPlaceholder')}
          leftSection={<SearchIcon size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: '1 1 240px' }}
          autoComplete="off"
        />
        <NativeSelect
          label={t('members.statusFilter')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as MemberStatus | '')}
          data={[
            { value: '', label: t('members.allStatuses') },
            ...MEMBER_STATUSES.map((s) => ({ value: s, label: t(`memberStatus.${s}`) })),
          ]}
          style={{ flex: '0 1 220px' }}
        />
      </Group>

      <PagedResults
        query={list}
        page={page}
        onPage={setPage}
        totalLabel={(count) => t('members.total', { count })}
        emptyLabel={t('members.none')}
      >
        {(items) => (phone ? <MemberCards items={items} showUnit={showUnit} /> : <MemberTable items={items} showUnit={showUnit} />)}
      </PagedResults>
    </Stack>
  );
}

function MemberTable({ items, showUnit }: { items: MemberSummary[]; showUnit: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('members.fullName')}</Table.Th>
            <Table.Th scope="col">{t('members.birthYear')}</Table.Th>
            <Table.Th scope="col">{t('members.cardNumber')}</Table.Th>
            <Table.Th scope="col">{t('members.status')}</Table.Th>
            {showUnit && <Table.Th scope="col">{t('members.unit')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Anchor component={Link} to={`/members/${m.id}`} fw={600}>
                  {m.fullName}
                </Anchor>
              </Table.Td>
              <Table.Td>{m.birthYear ?? '—'}</Table.Td>
              <Table.Td>{m.cardNumber ?? '—'}</Table.Td>
              <Table.Td>
                <StatusBadge status={m.status} />
              </Table.Td>
              {showUnit && <Table.Td>{m.unitName}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function MemberCards({ items, showUnit }: { items: MemberSummary[]; showUnit: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="ts-member-cards">
      {items.map((m) => (
        <li key={m.id} className="ts-member-card">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Anchor component={Link} to={`/members/${m.id}`} fw={700}>
              {m.fullName}
            </Anchor>
            <StatusBadge status={m.status} />
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {[
              m.birthYear !== null ? `${t('members.birthYear')}: ${m.birthYear}` : null,
              m.cardNumber ? `${t('members.cardShort')}: ${m.cardNumber}` : null,
              showUnit ? m.unitName : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </li>
      ))}
    </ul>
  );
}
