// Side-effect import for the discipline screens: registers their words (key prefix `discipline.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../i18n/lazyMessages.js';
import { disciplineVi } from './messages.vi.js';

registerMessages('discipline', 'discipline', disciplineVi, () => import('./messages.en.js').then((m) => m.disciplineEn));
