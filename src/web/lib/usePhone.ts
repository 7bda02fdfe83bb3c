import { useMediaQuery } from '@mantine/hooks';

/** Below Mantine's `sm` breakpoint — the same width as the `@media` rules in styles/pages.css. */
export const PHONE_QUERY = '(max-width: 47.99em)';

/** True on a phone-sized screen, known on the first render (no flash of the desktop layout). */
export function usePhone(): boolean {
  return useMediaQuery(PHONE_QUERY, false, { getInitialValueInEffect: false });
}
