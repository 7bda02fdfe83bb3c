// Side-effect import for every commitments screen: registers the area's Vietnamese messages.
import { registerViMessages } from '../../i18n/lazyMessages.js';
import { commitmentsVi } from '../../i18n/vi.commitments.js';

registerViMessages('commitments', commitmentsVi);
