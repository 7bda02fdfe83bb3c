import { lazy, StrictMode, Suspense, useEffect } from 'react';
import { Container, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { cssVariablesResolver, theme } from './theme.js';
import { queryClient } from './queryClient.js';
import { useMe } from '../api/session.js';
import { loadAuthedApp, preloadAfterLogin } from './lazy.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { FullPageLoader } from '../components/FullPageLoader.js';
import { ErrorState } from '../components/ErrorState.js';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { withWords } from '../i18n/lazyMessages.js';

const AuthedApp = lazy(loadAuthedApp);
const PublicApp = lazy(() => withWords(import('./PublicApp.js')));

/** The citizens' pages: open to anyone, with or without an account. */
export const isPublicPath = (path: string) => /^\/(y-kien|van-de-cong-khai)(\/|$)/.test(path);

/**
 * The entry: providers plus the sign-in gate. Everything behind sign-in (router, app shell, pages)
 * is a lazy chunk, so the login page loads only what it shows.
 */
export function Root() {
  return (
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
        <QueryClientProvider client={queryClient}>
          {isPublicPath(location.pathname) ? (
            <ErrorBoundary
              fallback={() => (
                <Container size="xs" py="xl">
                  <ErrorState error={null} onRetry={() => location.reload()} />
                </Container>
              )}
            >
              <Suspense fallback={<FullPageLoader />}>
                <PublicApp />
              </Suspense>
            </ErrorBoundary>
          ) : (
            <Gate />
          )}
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>
  );
}

function Gate() {
  const me = useMe();
  const signedIn = Boolean(me.data);

  useEffect(() => {
    if (signedIn) preloadAfterLogin();
  }, [signedIn]);

  if (me.isPending) return <FullPageLoader />;
  if (me.isError && me.data === undefined) {
    return (
      <Container size="xs" py="xl">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Container>
    );
  }
  if (!me.data) return <LoginPage />;
  return (
    <ErrorBoundary
      fallback={() => (
        <Container size="xs" py="xl">
          <ErrorState error={null} onRetry={() => location.reload()} />
        </Container>
      )}
    >
      <Suspense fallback={<FullPageLoader />}>
        <AuthedApp me={me.data} />
      </Suspense>
    </ErrorBoundary>
  );
}
