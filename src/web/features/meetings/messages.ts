// Side-effect import for every screen of the meeting screens: registers their words (key prefix `meetings.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../i18n/lazyMessages.js';
import { meetingsVi } from './messages.vi.js';

registerMessages('meetings', 'meetings', meetingsVi, () => import('./messages.en.js').then((m) => m.meetingsEn));
