// Side-effect import for every screen of the rating (the member's review, the cell's and the committee's boards): registers their words (key prefix `reviews.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../i18n/lazyMessages.js';
import { reviewsVi } from './messages.vi.js';

registerMessages('reviews', 'reviews', reviewsVi, () => import('./messages.en.js').then((m) => m.reviewsEn));
