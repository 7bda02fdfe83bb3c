import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/helpers/app.js';

/** Every `$ref` string in the document, with where it sits. */
function refsIn(value: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => refsIn(item, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [{ at, ref: inner }] : refsIn(inner, `${at}/${key}`),
  );
}

/** Follows a local JSON pointer (`#/a/b`) through the document; undefined when it leads nowhere. */
function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

// The document is built from the routes' zod schemas alone, whatever the database: SQLite suffices.
describe('the OpenAPI document at /api/openapi.json', () => {
  const t = useTestApp('sqlite');

  async function fetchDocument() {
    const res = await t().app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    return res.json() as Record<string, unknown>;
  }

  it('passes a standard OpenAPI validator as a whole, as a client generator would read it', async () => {
    const doc = await fetchDocument();
    // The validator dereferences in place: give it its own copy. Local references only, so
    // nothing is fetched.
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0], { resolve: { external: false } });
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(result.valid).toBe(true);
  });

  it('defines every schema a $ref points to', async () => {
    const doc = await fetchDocument();
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(0);
    const dangling = refs.filter(({ ref }) => resolvePointer(doc, ref) === undefined);
    expect(dangling).toEqual([]);
  });

  it('names the recursive unit tree as a component that refers to itself', async () => {
    const doc = await fetchDocument();
    const paths = doc.paths as Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: unknown }> }> }>>;
    const tree = paths['/api/units']!.get!.responses['200']!.content['application/json']!.schema;
    expect(refsIn(tree).map(({ ref }) => ref)).toEqual(['#/components/schemas/UnitTreeNode']);
    const node = resolvePointer(doc, '#/components/schemas/UnitTreeNode');
    expect(node).toMatchObject({ type: 'object' });
    expect(refsIn(node).map(({ ref }) => ref)).toContain('#/components/schemas/UnitTreeNode');
  });
});
