// Side-effect import for every screen of the tasks, My work and the task boards: registers their words (key prefix `tasks.`)
// (Vietnamese; the English ones in messages.en.ts travel with the English catalogue, i18n/en.ts).
import { registerViMessages } from '../../i18n/lazyMessages.js';
import { tasksVi } from './messages.vi.js';

registerViMessages('tasks', 'tasks', tasksVi);
