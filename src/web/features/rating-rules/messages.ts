// Side-effect import for the rating rules page: registers its words (key prefix `ratingrules.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../i18n/lazyMessages.js';
import { ratingRulesVi } from './messages.vi.js';

registerMessages('rating-rules', 'ratingrules', ratingRulesVi, () => import('./messages.en.js').then((m) => m.ratingRulesEn));
