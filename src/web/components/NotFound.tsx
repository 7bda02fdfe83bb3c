import { Button, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Unknown record, record outside the caller's scope (the API answers 404 for both), bad URL. */
export function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('notFound.title')} · ${t('app.titleSuffix')}`);
  return (
    <Stack align="flex-start" gap="md" py="xl" maw={560}>
      <Text fz={64} fw={800} c="partyRed.8" lh={1} aria-hidden="true">
        404
      </Text>
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.body')}</Text>
      <Button component={Link} to="/">
        {t('notFound.home')}
      </Button>
    </Stack>
  );
}
