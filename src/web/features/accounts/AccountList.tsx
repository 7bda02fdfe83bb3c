import '@mantine/core/styles/Table.layer.css';
import { useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccounts } from '../../api/queries.js';
import type { AccountSummary } from '../../api/types.js';
import { LockedBadge, MustChangePasswordBadge, RoleBadge } from '../../components/Badges.js';
import { PagedResults, usePageFor } from '../../components/PagedResults.js';
import { EditIcon, KeyIcon, SearchIcon } from '../../components/icons.js';
import { usePhone } from '../../lib/usePhone.js';

const PAGE_SIZE = 20;
export interface AccountActions {
  onEdit: (account: AccountSummary) => void;
  onReset: (account: AccountSummary) => void;
}

/**
 * Accounts managed in the caller's subtree: server-side search (username and managing unit,
 * diacritics ignored by the server) and pagination. A table on wide screens, cards on phones.
 */
export function AccountList({ onEdit, onReset }: AccountActions) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 350);
  const [page, setPage] = usePageFor(debouncedQ);

  const list = useAccounts({ q: debouncedQ, page, pageSize: PAGE_SIZE });

  return (
    <Stack gap="md">
      <TextInput
        type="search"
        label={t('accounts.search')}
        placeholder={t('accounts.searchPlaceholder')}
        leftSection={<SearchIcon size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={480}
        autoComplete="off"
      />

      <PagedResults
        query={list}
        page={page}
        onPage={setPage}
        totalLabel={(count) => t('accounts.total', { count })}
        emptyLabel={t('accounts.none')}
      >
        {(items) =>
          phone ? (
            <AccountCards items={items} onEdit={onEdit} onReset={onReset} />
          ) : (
            <AccountTable items={items} onEdit={onEdit} onReset={onReset} />
          )
        }
      </PagedResults>
    </Stack>
  );
}

/** The display name, linking to the member's profile when the account is linked to one. */
function DisplayName({ account, fw }: { account: AccountSummary; fw: number }) {
  if (!account.memberId) return <Text fw={fw}>{account.displayName}</Text>;
  return (
    <Anchor component={Link} to={`/members/${account.memberId}`} fw={fw}>
      {account.displayName}
    </Anchor>
  );
}

function StateBadges({ account }: { account: AccountSummary }) {
  if (!account.disabled && !account.mustChangePassword) return null;
  return (
    <Group gap={4} mt={4}>
      {account.disabled && <LockedBadge />}
      {account.mustChangePassword && <MustChangePasswordBadge />}
    </Group>
  );
}

function Roles({ account }: { account: AccountSummary }) {
  return (
    <Group gap={4}>
      {account.roles.map((r) => (
        <RoleBadge key={`${r.role}@${r.unitId}`} role={r.role} unitName={r.unitName} />
      ))}
    </Group>
  );
}

function RowActions({ account, onEdit, onReset }: { account: AccountSummary } & AccountActions) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        leftSection={<EditIcon size={14} />}
        aria-label={t('accounts.editLabel', { username: account.username })}
        onClick={() => onEdit(account)}
      >
        {t('accounts.edit')}
      </Button>
      <Button
        size="xs"
        variant="default"
        leftSection={<KeyIcon size={14} />}
        aria-label={t('accounts.resetLabel', { username: account.username })}
        onClick={() => onReset(account)}
      >
        {t('accounts.reset')}
      </Button>
    </Group>
  );
}

function AccountTable({ items, ...actions }: { items: AccountSummary[] } & AccountActions) {
  const { t } = useTranslation();
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('accounts.username')}</Table.Th>
            <Table.Th scope="col">{t('accounts.displayName')}</Table.Th>
            <Table.Th scope="col">{t('accounts.homeUnit')}</Table.Th>
            <Table.Th scope="col">{t('accounts.roles')}</Table.Th>
            <Table.Th scope="col">{t('accounts.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id} data-disabled={a.disabled || undefined}>
              <Table.Td>
                <Text fw={600} size="sm" className="ts-username">
                  {a.username}
                </Text>
                <StateBadges account={a} />
              </Table.Td>
              <Table.Td>
                <DisplayName account={a} fw={600} />
              </Table.Td>
              <Table.Td>{a.unitName}</Table.Td>
              <Table.Td>
                <Roles account={a} />
              </Table.Td>
              <Table.Td>
                <RowActions account={a} {...actions} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function AccountCards({ items, ...actions }: { items: AccountSummary[] } & AccountActions) {
  const { t } = useTranslation();
  return (
    <ul className="ts-member-cards">
      {items.map((a) => (
        <li key={a.id} className="ts-member-card">
          <DisplayName account={a} fw={700} />
          <Text size="sm" className="ts-username">
            {a.username}
          </Text>
          <StateBadges account={a} />
          <Text size="sm" c="dimmed" mt={4}>
            {t('accounts.homeUnit')}: {a.unitName}
          </Text>
          <div className="ts-card-roles">
            <Roles account={a} />
          </div>
          <div className="ts-card-actions">
            <RowActions account={a} {...actions} />
          </div>
        </li>
      ))}
    </ul>
  );
}
