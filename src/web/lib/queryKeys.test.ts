import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { selfExamAreaChanged, selfExamFormKey } from './queryKeys.js';

function clientWith(keys: unknown[][]): QueryClient {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, { ok: true });
  return client;
}
const stale = (client: QueryClient, key: unknown[]) => client.getQueryState(key)?.isInvalidated;

describe('selfExamAreaChanged', () => {
  it('marks the area and "Việc của tôi" stale, but not open forms nor the fresh key', () => {
    const plan = ['selfexam', 'plan', 'p1'];
    const keys = [['selfexam', 'mine'], plan, ['selfexam', 'plan', 'p2'], ['selfexam', 'feedback', 'f1'], [...selfExamFormKey('s1')], ['tasks', 'mine'], ['checklist', 'version', null, null]];
    const client = clientWith(keys);
    selfExamAreaChanged(client, plan);
    expect(keys.map((k) => [k.join('/'), stale(client, k)])).toEqual([
      ['selfexam/mine', true],
      ['selfexam/plan/p1', false],
      ['selfexam/plan/p2', true],
      ['selfexam/feedback/f1', true],
      ['selfexam/detail/s1', false],
      ['tasks/mine', true],
      ['checklist/version//', false],
    ]);
  });
});
