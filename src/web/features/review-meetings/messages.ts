// Side-effect import for every screen of the review meeting and its secret ballot: registers their words (key prefix `reviewmeetings.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../i18n/lazyMessages.js';
import { reviewMeetingsVi } from './messages.vi.js';

registerMessages('review-meetings', 'reviewmeetings', reviewMeetingsVi, () => import('./messages.en.js').then((m) => m.reviewMeetingsEn));
