// Side-effect import for every screen of the commitments screens: registers their words (key prefix `commitments.`)
// (Vietnamese; the English ones in messages.en.ts travel with the English catalogue, i18n/en.ts).
import { registerViMessages } from '../../i18n/lazyMessages.js';
import { commitmentsVi } from './messages.vi.js';

registerViMessages('commitments', 'commitments', commitmentsVi);
