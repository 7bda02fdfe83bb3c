#!/usr/bin/env node
// Entry point of `npx tusoi …` and `npm start`: builds what is stale, then runs the CLI.
import { ensureBuilt } from '../scripts/build.mjs';

const command = process.argv[2];
const wantsHelp = process.argv.includes('--help') || process.argv.includes('-h');
ensureBuilt({ web: command === 'serve' && !wantsHelp });
await import('../dist/server/main.js');
