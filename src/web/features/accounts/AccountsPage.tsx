import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../api/types.js';
import { can, useAuthedMe } from '../../app/me.js';
import { Forbidden } from '../../components/Forbidden.js';
import { PlusIcon } from '../../components/icons.js';
import { Notice } from '../../components/Notice.js';
import { AccountList } from './AccountList.js';
import { AccountFormModal } from './AccountFormModal.js';
import { ResetPasswordModal } from './ResetPasswordModal.js';

type Dialog = 'create' | 'edit' | 'reset' | null;

/** Only the office and the party committee manage accounts; anyone else is told so plainly. */
export default function AccountsRoute() {
  const me = useAuthedMe();
  return can(me, 'account.manage') ? <AccountsPage /> : <Forbidden />;
}

/** Accounts of the caller's subtree: list, create, edit, reset the password. */
function AccountsPage() {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [selected, setSelected] = useState<AccountSummary | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useDocumentTitle(`${t('accounts.pageTitle')} · ${t('app.titleSuffix')}`);

  const close = () => setDialog(null);
  const open = (kind: 'edit' | 'reset') => (account: AccountSummary) => {
    setSelected(account);
    setSaved(null);
    setDialog(kind);
  };

  return (
    <Stack gap="lg" className="ts-page">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
            {t('accounts.pageTitle')}
          </Title>
          <Text c="dimmed">{t('accounts.intro')}</Text>
        </div>
        <Button
          leftSection={<PlusIcon size={16} />}
          onClick={() => {
            setSaved(null);
            setDialog('create');
          }}
        >
          {t('accounts.create')}
        </Button>
      </Group>

      {saved && (
        <Notice tone="success" onClose={() => setSaved(null)}>
          {t('accounts.saved', { username: saved })}
        </Notice>
      )}

      <Paper withBorder radius="md" p="lg" component="section" aria-label={t('accounts.pageTitle')}>
        <AccountList onEdit={open('edit')} onReset={open('reset')} />
      </Paper>

      <AccountFormModal mode="create" opened={dialog === 'create'} onClose={close} />
      {selected && (
        <>
          <AccountFormModal
            // A fresh form for each account.
            key={selected.id}
            mode="edit"
            account={selected}
            opened={dialog === 'edit'}
            onClose={close}
            onSaved={(a) => setSaved(a.username)}
          />
          <ResetPasswordModal key={`reset-${selected.id}`} account={selected} opened={dialog === 'reset'} onClose={close} />
        </>
      )}
    </Stack>
  );
}
