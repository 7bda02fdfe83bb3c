// Side-effect import for every screen of the attendance reports: registers their words (key prefix `reports.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../../i18n/lazyMessages.js';
import { reportsVi } from './messages.vi.js';

registerMessages('attendance-reports', 'reports', reportsVi, () => import('./messages.en.js').then((m) => m.reportsEn));
