// Side-effect import for every screen of the local issues: the staff board, the issue page and the public list: registers their words (key prefix `localissues.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../i18n/lazyMessages.js';
import { localIssuesVi } from './messages.vi.js';

registerMessages('local-issues', 'localissues', localIssuesVi, () => import('./messages.en.js').then((m) => m.localIssuesEn));
