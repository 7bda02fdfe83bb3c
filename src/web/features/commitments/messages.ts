// Side-effect import for every screen of the commitments screens: registers their words (key prefix `commitments.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../i18n/lazyMessages.js';
import { commitmentsVi } from './messages.vi.js';

registerMessages('commitments', 'commitments', commitmentsVi, () => import('./messages.en.js').then((m) => m.commitmentsEn));
