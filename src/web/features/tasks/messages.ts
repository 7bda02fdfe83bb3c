// Side-effect import for every tasks screen: registers the area's Vietnamese messages.
import { registerViMessages } from '../../i18n/lazyMessages.js';
import { tasksVi } from '../../i18n/vi.tasks.js';

registerViMessages('tasks', tasksVi);
