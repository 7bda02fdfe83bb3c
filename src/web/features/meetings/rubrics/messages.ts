// Side-effect import for every screen of the meeting-quality rubrics: registers their words (key prefix `rubrics.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../../i18n/lazyMessages.js';
import { rubricsVi } from './messages.vi.js';

registerMessages('rubrics', 'rubrics', rubricsVi, () => import('./messages.en.js').then((m) => m.rubricsEn));
