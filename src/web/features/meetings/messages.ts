// Side-effect import for every meetings screen: registers the area's Vietnamese messages.
import { registerViMessages } from '../../i18n/lazyMessages.js';
import { meetingsVi } from '../../i18n/vi.meetings.js';

registerViMessages('meetings', meetingsVi);
