import i18n from 'i18next';

/**
 * The words of the lazily loaded features. Each feature's messages.ts registers, when its chunk
 * loads, its Vietnamese words (in that chunk) and a loader of its English ones (a chunk of their
 * own): neither is in the first screen's bundle, and English words are fetched only when English
 * is shown, for the features opened. Several features may add parts of one namespace.
 */
interface Feature {
  namespace: string;
  en: () => Promise<object>;
  /** Its English words are in the catalogue, or on their way. */
  english?: Promise<void> | undefined;
}

const features = new Map<string, Feature>();
/** English loads not settled yet: a lazy screen waits for them (withWords). */
const pending = new Set<Promise<void>>();
/** English is shown or being switched to: a feature registered meanwhile fetches its words at once. */
let english = false;

function loadEnglish(f: Feature): Promise<void> {
  if (!f.english) {
    const p: Promise<void> = f.en().then(
      (messages) => void i18n.addResourceBundle('en', 'translation', { [f.namespace]: messages }, true, false),
      () => (f.english = undefined), // offline: the Vietnamese words stand in; asked for again at the next switch
    );
    f.english = p;
    pending.add(p);
    void p.then(() => pending.delete(p));
  }
  return f.english;
}

/** Registers a feature's words under `namespace`: the Vietnamese ones at once, the English ones when English is shown. */
export function registerMessages<T extends object>(feature: string, namespace: string, vi: T, en: () => Promise<T>): void {
  if (features.has(feature)) return;
  const f: Feature = { namespace, en };
  features.set(feature, f);
  i18n.addResourceBundle('vi', 'translation', { [namespace]: vi }, true, false);
  if (english) void loadEnglish(f);
}

/** Before switching to `lng`: the words of every feature loaded so far, so no screen shows Vietnamese first. */
export async function wordsFor(lng: string): Promise<void> {
  english = lng === 'en';
  if (english) await Promise.all([...features.values()].map(loadEnglish));
}

/**
 * Resolves with a lazy chunk once the words its features registered are in the catalogue, so a
 * screen never renders before them: `lazy(() => withWords(import('./Page.js')))`.
 */
export async function withWords<T>(chunk: Promise<T>): Promise<T> {
  const module = await chunk;
  await Promise.all(pending);
  return module;
}
