// Side-effect import for every screen of the feedback between members: registers their words (key prefix `selfexam.`)
// (Vietnamese; the English ones in messages.en.ts travel with the English catalogue, i18n/en.ts).
import '../self-examinations/messages.js';
import { registerViMessages } from '../../i18n/lazyMessages.js';
import { feedbackVi } from './messages.vi.js';

registerViMessages('feedback', 'selfexam', feedbackVi);
