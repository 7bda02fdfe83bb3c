// Side-effect import for every screen of the citizens' feedback: the public form, tracking and the staff inbox: registers their words (key prefix `localissues.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import '../local-issues/messages.js';
import { registerMessages } from '../../i18n/lazyMessages.js';
import { citizenFeedbackVi } from './messages.vi.js';

registerMessages('citizen-feedback', 'localissues', citizenFeedbackVi, () => import('./messages.en.js').then((m) => m.citizenFeedbackEn));
