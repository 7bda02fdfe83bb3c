import { Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import UnitTreePanel from './UnitTreePanel.js';

export default function UnitTreePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('units.pageTitle')} · ${t('app.titleSuffix')}`);
  return (
    <Stack gap="md" className="ts-page">
      <div>
        <Title order={1}>{t('units.pageTitle')}</Title>
        <Text c="dimmed">{t('units.treeIntro')}</Text>
      </div>
      <Paper withBorder radius="md" p="lg">
        <UnitTreePanel />
      </Paper>
    </Stack>
  );
}
