// Route-level code splitting. Kept in one place so the login page can warm the chunks it will
// need next while the sign-in request is in flight.
export const loadAuthedApp = () => import('./AuthedApp.js');
export const loadHomePage = () => import('../features/home/HomePage.js');

export function preloadAfterLogin(): void {
  void loadAuthedApp().catch(() => undefined);
  if (location.pathname === '/') void loadHomePage().catch(() => undefined);
}
