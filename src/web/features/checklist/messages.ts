// Side-effect import for every screen of the reference checklist: registers their words (key prefix `selfexam.`)
// (Vietnamese; the English ones in messages.en.ts travel with the English catalogue, i18n/en.ts).
import '../self-examinations/messages.js';
import { registerViMessages } from '../../i18n/lazyMessages.js';
import { checklistVi } from './messages.vi.js';

registerViMessages('checklist', 'selfexam', checklistVi);
