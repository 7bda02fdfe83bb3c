import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from './client.js';
import type { MeResponse } from './types.js';

export const meKey = ['me'] as const;

/** GET /api/me; `null` means "not signed in" (401). */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    return await api<MeResponse>('/me');
  } catch (e) {
    if (isApiError(e, 401)) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}
