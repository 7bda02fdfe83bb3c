import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, retryUnlessAnswered } from '../api/client.js';
import { meKey } from '../api/session.js';

/**
 * One QueryClient for the app. A 401 from any call means the session ended (expired, or signed
 * out elsewhere): forget who we are, which shows the login page. Mutations that expect a 401 as an
 * ordinary answer (login, wrong current password) set `meta.allow401`.
 */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isApiError(error, 401) && query.queryKey[0] !== meKey[0]) queryClient.setQueryData(meKey, null);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _result, mutation) => {
      if (isApiError(error, 401) && mutation.meta?.allow401 !== true) queryClient.setQueryData(meKey, null);
    },
  }),
  defaultOptions: {
    queries: {
      // Client errors will not get better by asking again; network trouble might.
      retry: retryUnlessAnswered,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});
