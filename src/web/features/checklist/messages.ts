// Side-effect import for every screen of the reference checklist: registers their words (key prefix `selfexam.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import '../self-examinations/messages.js';
import { registerMessages } from '../../i18n/lazyMessages.js';
import { checklistVi } from './messages.vi.js';

registerMessages('checklist', 'selfexam', checklistVi, () => import('./messages.en.js').then((m) => m.checklistEn));
