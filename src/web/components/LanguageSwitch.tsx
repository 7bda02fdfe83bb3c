import { useTranslation } from 'react-i18next';
import { currentLanguage, languages, setLanguage } from '../i18n/index.js';

/**
 * VI | EN toggle; the choice is remembered on this device, and — when `onChosen` is given
 * (signed in) — on the account too. The sign-in page sends its language with the password.
 */
export function LanguageSwitch({ onChosen }: { onChosen?: (lng: 'vi' | 'en') => void } = {}) {
  const { t, i18n } = useTranslation();
  const current = i18n.language === 'en' ? 'en' : currentLanguage();
  return (
    <div role="group" aria-label={t('lang.label')} className="ts-lang">
      {languages.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-label={t(`lang.${lng}`)}
          aria-pressed={current === lng}
          onClick={() => {
            setLanguage(lng);
            if (lng !== current) onChosen?.(lng);
          }}
        >
          {lng.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
