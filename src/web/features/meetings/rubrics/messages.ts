// Side-effect import for every screen of the meeting-quality rubrics: registers their words (key prefix `rubrics.`)
// (Vietnamese; the English ones in messages.en.ts travel with the English catalogue, i18n/en.ts).
import { registerViMessages } from '../../../i18n/lazyMessages.js';
import { rubricsVi } from './messages.vi.js';

registerViMessages('rubrics', 'rubrics', rubricsVi);
