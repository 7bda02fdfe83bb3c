import i18n from 'i18next';

/**
 * Adds the Vietnamese messages of a lazily loaded area (meetings, reports) to the catalogue.
 * Each area's chunk calls it once at load, so those strings stay out of the first screen's
 * bundle; the English catalogue (already its own chunk) carries every area.
 */
export function registerViMessages(area: string, messages: object): void {
  if (!i18n.exists(`${area}.title`, { lng: 'vi' })) {
    i18n.addResourceBundle('vi', 'translation', { [area]: messages }, true, false);
  }
}
