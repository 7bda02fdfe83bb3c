import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi, type Messages } from './vi.js';
import { wordsFor } from './lazyMessages.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'tusoi.lang';

function savedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'vi' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

// Vietnamese ships with the first screen; English is a small chunk fetched when chosen. The
// features' words come with their chunks (lazyMessages.ts).
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
});

function syncDocument(lng: string): void {
  document.documentElement.lang = lng;
}
i18n.on('languageChanged', syncDocument);

let coreEnglish = false;
async function loadCore(lng: Language): Promise<void> {
  if (lng === 'vi' || coreEnglish) return;
  const { en } = await import('./en.js');
  i18n.addResourceBundle('en', 'translation', en, true, true);
  coreEnglish = true;
}

/** The app-wide words and those of every feature already loaded, before the switch: no screen flashes keys or Vietnamese. */
async function load(lng: Language): Promise<void> {
  await Promise.all([loadCore(lng), wordsFor(lng)]);
}

async function use(lng: Language): Promise<void> {
  try {
    await load(lng);
  } catch {
    void wordsFor(i18n.language); // offline: stay in the current language
    return;
  }
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
}

/** Resolves once the remembered language is ready (render after it to avoid a flash). */
export const i18nReady: Promise<void> = use(savedLanguage() ?? 'vi').then(() => syncDocument(i18n.language));

/** The UI language, also sent as Accept-Language on every API call. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** Switch language and remember the choice on this device. */
export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* private mode: remember for this page only */
  }
  void use(lng);
}

export default i18n;
