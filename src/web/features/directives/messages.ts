// Side-effect import for every screen of the directives screens: registers their words (key prefix `commitments.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../i18n/lazyMessages.js';
import { directivesVi } from './messages.vi.js';

registerMessages('directives', 'commitments', directivesVi, () => import('./messages.en.js').then((m) => m.directivesEn));
