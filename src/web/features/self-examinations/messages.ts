// Side-effect import for every screen of the member's "tự soi" page, the self-examination form and the boards: registers their words (key prefix `selfexam.`)
// (Vietnamese; the English ones in messages.en.ts travel with the English catalogue, i18n/en.ts).
import { registerViMessages } from '../../i18n/lazyMessages.js';
import { selfExaminationsVi } from './messages.vi.js';

registerViMessages('self-examinations', 'selfexam', selfExaminationsVi);
