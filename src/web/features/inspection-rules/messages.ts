// Side-effect import for the inspection rules page: registers its words (key prefix `inspectionrules.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../i18n/lazyMessages.js';
import { inspectionRulesVi } from './messages.vi.js';

registerMessages('inspection-rules', 'inspectionrules', inspectionRulesVi, () => import('./messages.en.js').then((m) => m.inspectionRulesEn));
