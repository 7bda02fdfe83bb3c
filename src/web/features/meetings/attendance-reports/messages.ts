// Side-effect import for every reports screen: registers the area's Vietnamese messages.
import { registerViMessages } from '../../../i18n/lazyMessages.js';
import { reportsVi } from '../../../i18n/vi.reports.js';

registerViMessages('reports', reportsVi);
