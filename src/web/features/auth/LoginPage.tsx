import { useState, type FormEvent } from 'react';
import { Box, Button, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField.js';
import { api } from '../../api/client.js';
import { meKey } from '../../api/session.js';
import type { MeResponse } from '../../api/types.js';
import { currentLanguage } from '../../i18n/index.js';
import { preloadAfterLogin } from '../../app/lazy.js';
import { formErrorsFrom, type FormErrors } from '../../lib/forms.js';
import { BrandMark } from '../../components/BrandMark.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { Notice } from '../../components/Notice.js';

const FIELDS = ['username', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, general: null });

  const login = useMutation({
    // The language shown here is the one picked: it wins over the account's and becomes the account's.
    mutationFn: (body: { username: string; password: string; locale: 'vi' | 'en' }) =>
      api<MeResponse>('/auth/login', { method: 'POST', body }),
    meta: { allow401: true },
    onSuccess: (me) => {
      // A different person may sign in on a shared phone: drop anything cached before.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      queryClient.setQueryData(meKey, me);
    },
    onError: (error) => setErrors(formErrorsFrom(error, FIELDS, t('login.failed'))),
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setErrors({ fields: {}, general: t('login.required') });
      return;
    }
    setErrors({ fields: {}, general: null });
    preloadAfterLogin(); // fetch the next screen's code while the server checks the password
    login.mutate({ username: username.trim(), password, locale: currentLanguage() });
  }

  return (
    <Box className="ts-login-bg">
      <Group justify="flex-end" p="sm">
        <LanguageSwitch />
      </Group>
      <Container size={440} px="md" pb="xl">
        <Stack align="center" gap={6} mb="lg" mt={{ base: 0, sm: 'xl' }}>
          <BrandMark size={56} />
          <Title order={1} c="partyRed.8" fz={34}>
            {t('app.name')}
          </Title>
          <Text ta="center" fw={500} c="dark.6">
            {t('app.tagline')}
          </Text>
        </Stack>

        <Paper component="main" withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }} className="ts-login-card">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <div>
                <Title order={2} fz="h3">
                  {t('login.heading')}
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  {t('login.intro')}
                </Text>
              </div>
              {errors.general && (
                <Notice tone="error">
                  {errors.general}
                </Notice>
              )}
              <TextInput
                label={t('login.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                required
                withAsterisk={false}
                size="md"
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                error={errors.fields.username}
              />
              <PasswordField
                label={t('login.password')}
                name="password"
                autoComplete="current-password"
                required
                withAsterisk={false}
                size="md"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.fields.password}
                toggleLabel={t('login.togglePassword')}
              />
              <Button type="submit" size="md" fullWidth loading={login.isPending}>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text size="sm" c="dimmed" ta="center" mt="md">
          {t('login.help')}
        </Text>
        <Paper withBorder radius="md" p="md" mt="md" component="nav" aria-label={t('login.citizens')}>
          <Text size="sm" fw={600} ta="center" mb={8}>
            {t('login.citizens')}
          </Text>
          {/* One full-width button a row: side by side, "Tra cứu ý kiến" was cut off at 360 px. */}
          <Stack gap="sm">
            {/* Full page loads: the citizens' pages live outside the sign-in gate. */}
            <Button component="a" href="/y-kien" variant="light" fullWidth data-testid="login-send-feedback">
              {t('login.sendFeedback')}
            </Button>
            <Button component="a" href="/y-kien/tra-cuu" variant="outline" fullWidth data-testid="login-track-feedback">
              {t('login.trackFeedback')}
            </Button>
          </Stack>
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="xl">
          {t('login.footer')}
        </Text>
      </Container>
    </Box>
  );
}
