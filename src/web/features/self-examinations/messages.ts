// Side-effect import for every "tự soi, tự sửa" screen: registers the area's Vietnamese messages.
import { registerViMessages } from '../../i18n/lazyMessages.js';
import { selfexamVi } from '../../i18n/vi.selfexam.js';

registerViMessages('selfexam', selfexamVi);
