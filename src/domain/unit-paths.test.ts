import { describe, expect, it } from 'vitest';
import { ancestorIds, pathIds, rootPathOf } from './unit-paths.js';

describe('unit paths', () => {
  it('reads a materialised path root first, ancestors nearest first, and the root path', () => {
    expect(pathIds('/a/b/c/')).toEqual(['a', 'b', 'c']);
    expect(ancestorIds('/a/b/c/')).toEqual(['b', 'a']);
    expect(rootPathOf('/a/b/c/')).toBe('/a/');
    expect(pathIds('/a/')).toEqual(['a']);
    expect(ancestorIds('/a/')).toEqual([]);
  });
});
