// Side-effect import for every local issues / citizen feedback screen: registers the area's Vietnamese messages.
import { registerViMessages } from '../../i18n/lazyMessages.js';
import { localissuesVi } from '../../i18n/vi.localissues.js';

registerViMessages('localissues', localissuesVi);
