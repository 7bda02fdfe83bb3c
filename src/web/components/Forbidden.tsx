import { Button, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A page the caller's roles do not allow (the API answers 403): said plainly, like NotFound. */
export function Forbidden() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('errors.forbiddenTitle')} · ${t('app.titleSuffix')}`);
  return (
    <Stack align="flex-start" gap="md" py="xl" maw={560}>
      <Text fz={64} fw={800} c="partyRed.8" lh={1} aria-hidden="true">
        403
      </Text>
      <Title order={1}>{t('errors.forbiddenTitle')}</Title>
      <Text>{t('errors.forbiddenBody')}</Text>
      <Button component={Link} to="/">
        {t('notFound.home')}
      </Button>
    </Stack>
  );
}
