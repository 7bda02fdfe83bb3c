import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json, whether this code runs from src/ (tsx, tests) or from the
 * compiled dist/server/: files shipped beside the code (reference data) are found from here.
 */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
}

/** Reads a JSON file of the project's reference data (reference/…). */
export function readReferenceJson<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(projectRoot(), 'reference', name), 'utf8')) as T;
}
