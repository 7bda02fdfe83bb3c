// Side-effect import for every screen of the citizens' feedback: the public form, tracking and the staff inbox: registers their words (key prefix `localissues.`)
// (Vietnamese; the English ones in messages.en.ts travel with the English catalogue, i18n/en.ts).
import '../local-issues/messages.js';
import { registerViMessages } from '../../i18n/lazyMessages.js';
import { citizenFeedbackVi } from './messages.vi.js';

registerViMessages('citizen-feedback', 'localissues', citizenFeedbackVi);
