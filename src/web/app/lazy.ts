// Route-level code splitting. Kept in one place so the login page can warm the chunks it will
// need next while the sign-in request is in flight.
import { withWords } from '../i18n/lazyMessages.js';

// Each waits for the words its chunk registers (see i18n/lazyMessages.ts), as every lazy chunk does.
export const loadAuthedApp = () => withWords(import('./AuthedApp.js'));
export const loadHomePage = () => withWords(import('../features/home/HomePage.js'));

export function preloadAfterLogin(): void {
  void loadAuthedApp().catch(() => undefined);
  if (location.pathname === '/') void loadHomePage().catch(() => undefined);
}
