// Side-effect import for every screen of inspection and supervision: registers their words (key prefix `inspections.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../i18n/lazyMessages.js';
import { inspectionsVi } from './messages.vi.js';

registerMessages('inspections', 'inspections', inspectionsVi, () => import('./messages.en.js').then((m) => m.inspectionsEn));
