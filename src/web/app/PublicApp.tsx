import './styles.js';
import '../features/citizen-feedback/messages.js';
import '../styles/local-issues.css';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Route, Routes, useLocation } from 'react-router';
import { BrandMark } from '../components/BrandMark.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { FullPageLoader } from '../components/FullPageLoader.js';
import { NotFound } from '../components/NotFound.js';
import { withWords } from '../i18n/lazyMessages.js';

const PublicFeedbackPage = lazy(() => withWords(import('../features/citizen-feedback/PublicFeedbackPage.js')));
const TrackingPage = lazy(() => withWords(import('../features/citizen-feedback/TrackingPage.js')));
const PublicIssuesPage = lazy(() => withWords(import('../features/local-issues/PublicIssuesPage.js')));

/** The citizens' side: no account needed. A plain header (brand, the three pages, sign-in) and the page. */
export default function PublicApp() {
  return (
    <BrowserRouter>
      <PublicShell />
    </BrowserRouter>
  );
}

function PublicShell() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
  const links = [
    { to: '/y-kien', label: t('localissues.public.send'), active: pathname === '/y-kien' || pathname === '/y-kien/' },
    { to: '/y-kien/tra-cuu', label: t('localissues.public.track'), active: pathname.startsWith('/y-kien/tra-cuu') },
    { to: '/van-de-cong-khai', label: t('localissues.public.issues'), active: pathname.startsWith('/van-de-cong-khai') },
  ];
  return (
    <div className="ts-li-public">
      <header className="ts-li-header">
        <a className="ts-skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <div className="ts-li-header-top">
          <Link to="/y-kien" className="ts-li-brand">
            <BrandMark size={28} />
            <span>{t('app.name')}</span>
          </Link>
          <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
            <LanguageSwitch />
            {/* A full page load: the sign-in gate lives outside this router. */}
            <a href="/" className="ts-li-login" data-testid="public-login-link">
              {t('localissues.public.login')}
            </a>
          </div>
        </div>
        <nav aria-label={t('localissues.public.nav')}>
          <ul className="ts-li-nav">
            {links.map((l) => (
              <li key={l.to}>
                <Link to={l.to} aria-current={l.active ? 'page' : undefined}>
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="ts-li-main" data-wide={pathname.startsWith('/van-de-cong-khai') || undefined}>
        <Suspense fallback={<FullPageLoader />}>
          <Routes>
            <Route path="/y-kien" element={<PublicFeedbackPage />} />
            <Route path="/y-kien/tra-cuu" element={<TrackingPage />} />
            <Route path="/y-kien/tra-cuu/:code" element={<TrackingPage />} />
            <Route path="/van-de-cong-khai" element={<PublicIssuesPage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
        <p className="ts-muted" style={{ fontSize: 13, marginTop: 24 }}>
          {t('localissues.public.footer')}
        </p>
      </main>
    </div>
  );
}
