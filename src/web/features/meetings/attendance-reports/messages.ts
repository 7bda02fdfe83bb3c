// Side-effect import for every screen of the attendance reports: registers their words (key prefix `reports.`)
// (Vietnamese; the English ones in messages.en.ts travel with the English catalogue, i18n/en.ts).
import { registerViMessages } from '../../../i18n/lazyMessages.js';
import { reportsVi } from './messages.vi.js';

registerViMessages('attendance-reports', 'reports', reportsVi);
