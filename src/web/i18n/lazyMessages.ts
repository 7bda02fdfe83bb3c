import i18n from 'i18next';

/** The features whose words are in the catalogue already. */
const registered = new Set<string>();

/**
 * Adds the Vietnamese words of a lazily loaded feature under `namespace` in the catalogue. Each
 * feature's messages.ts calls it once at load, so those words stay out of the first screen's bundle;
 * several features may add parts of one namespace. The English catalogue (already its own chunk)
 * gathers every feature's messages.en.ts.
 */
export function registerViMessages(feature: string, namespace: string, messages: object): void {
  if (registered.has(feature)) return;
  registered.add(feature);
  i18n.addResourceBundle('vi', 'translation', { [namespace]: messages }, true, false);
}
