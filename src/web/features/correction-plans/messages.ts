// Side-effect import for every screen of the correction plans: registers their words (key prefix `selfexam.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import '../self-examinations/messages.js';
import { registerMessages } from '../../i18n/lazyMessages.js';
import { correctionPlansVi } from './messages.vi.js';

registerMessages('correction-plans', 'selfexam', correctionPlansVi, () => import('./messages.en.js').then((m) => m.correctionPlansEn));
