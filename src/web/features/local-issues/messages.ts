// Side-effect import for every screen of the local issues: the staff board, the issue page and the public list: registers their words (key prefix `localissues.`)
// (Vietnamese; the English ones in messages.en.ts travel with the English catalogue, i18n/en.ts).
import { registerViMessages } from '../../i18n/lazyMessages.js';
import { localIssuesVi } from './messages.vi.js';

registerViMessages('local-issues', 'localissues', localIssuesVi);
