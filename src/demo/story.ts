import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';

/**
 * Reads one of the demo's story files (src/demo/story/NAME.json): the Vietnamese texts the
 * builders draw from — what the cells say at their meetings, write in their self-examinations and
 * feedback, pledge and report. Kept as data, apart from the code that arranges them, so the story
 * can be read and edited without reading the builders. Found from the project root, so it reads
 * the same whether the code runs from src/ (tests, tsx) or from the compiled dist/server/.
 */
export function readStory<T>(name: string): T {
  const file = path.join(projectRoot(), 'src', 'demo', 'story', `${name}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
