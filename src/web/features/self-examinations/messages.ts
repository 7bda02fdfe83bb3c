// Side-effect import for every screen of the member's "tự soi" page, the self-examination form and the boards: registers their words (key prefix `selfexam.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../i18n/lazyMessages.js';
import { selfExaminationsVi } from './messages.vi.js';

registerMessages('self-examinations', 'selfexam', selfExaminationsVi, () => import('./messages.en.js').then((m) => m.selfExaminationsEn));
