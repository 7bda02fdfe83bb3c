// Side-effect import for the overview's screens: registers their words (key prefix `overview.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../i18n/lazyMessages.js';
import { overviewVi } from './messages.vi.js';

registerMessages('overview', 'overview', overviewVi, () => import('./messages.en.js').then((m) => m.overviewEn));
