// Side-effect import for every screen of the meeting screens: registers their words (key prefix `meetings.`)
// (Vietnamese; the English ones in messages.en.ts travel with the English catalogue, i18n/en.ts).
import { registerViMessages } from '../../i18n/lazyMessages.js';
import { meetingsVi } from './messages.vi.js';

registerViMessages('meetings', 'meetings', meetingsVi);
