// Side-effect import for every rubric screen: registers the area's Vietnamese messages.
import { registerViMessages } from '../../../i18n/lazyMessages.js';
import { rubricsVi } from '../../../i18n/vi.rubrics.js';

registerViMessages('rubrics', rubricsVi);
