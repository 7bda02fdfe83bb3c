// Side-effect import for every screen of the directives screens: registers their words (key prefix `commitments.`)
// (Vietnamese; the English ones in messages.en.ts travel with the English catalogue, i18n/en.ts).
import { registerViMessages } from '../../i18n/lazyMessages.js';
import { directivesVi } from './messages.vi.js';

registerViMessages('directives', 'commitments', directivesVi);
