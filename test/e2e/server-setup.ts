/** Builds the app if stale and runs the real server over an empty SQLite database, which it fills with the demo commune. */
import type { TestProject } from 'vitest/node';
import { buildApp, startBuiltServer } from '../helpers/server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildApp();
  const server = await startBuiltServer({ env: { NODE_ENV: 'test' } });
  project.provide('baseUrl', server.baseUrl);
  return () => server.stop();
}
