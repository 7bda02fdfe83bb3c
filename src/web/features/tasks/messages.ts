// Side-effect import for every screen of the tasks, My work and the task boards: registers their words (key prefix `tasks.`)
// (Vietnamese here; the English ones, messages.en.ts, are fetched when English is shown).
import { registerMessages } from '../../i18n/lazyMessages.js';
import { tasksVi } from './messages.vi.js';

registerMessages('tasks', 'tasks', tasksVi, () => import('./messages.en.js').then((m) => m.tasksEn));
