// Side-effect import for every screen of the feedback between members: registers their words (key prefix `selfexam.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import '../self-examinations/messages.js';
import { registerMessages } from '../../i18n/lazyMessages.js';
import { feedbackVi } from './messages.vi.js';

registerMessages('feedback', 'selfexam', feedbackVi, () => import('./messages.en.js').then((m) => m.feedbackEn));
