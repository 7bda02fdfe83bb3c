/**
 * The layers of ARCHITECTURE.md, checked by reading every import under src/. A crossing fails
 * with the file, the line and the rule it breaks, so the fix is one look away.
 *
 * Pure: reads files as text (imports, `import()` and `export … from`); runs nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');

/** One import of one file: where it stands and what it names. */
interface Import {
  file: string; // relative to the repository, with forward slashes
  line: number;
  spec: string;
  /** The imported file relative to the repository, or undefined for a package. */
  target: string | undefined;
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function resolveTarget(fromFile: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), spec);
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')];
  const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? base;
  return path.relative(root, found).split(path.sep).join('/');
}

function readImports(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const rel = path.relative(root, file).split(path.sep).join('/');
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    const line = text.slice(0, m.index + m[0].length).split('\n').length;
    out.push({ file: rel, line, spec, target: resolveTarget(file, spec) });
  }
  return out;
}

/** The layer a file under src/ belongs to (its first folder), and its feature when it has one. */
function place(file: string): { layer: string; feature?: string; name: string } {
  const parts = file.split('/');
  if (parts[0] !== 'src') return { layer: 'outside', name: file };
  const layer = parts[1] ?? '';
  if (layer === 'features') return { layer, feature: parts[2], name: parts.slice(3).join('/') };
  return { layer: parts.length === 2 ? 'entry' : layer, name: parts.slice(2).join('/') };
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/**
 * Packages that do input or output: the pure layers may not use them. node:crypto is the one
 * node module the rules may use: hashing (the audit chain) and drawing codes are computation.
 */
const IO_PACKAGES = /^(node:(?!crypto$)|fs$|path$|os$|child_process$|kysely|better-sqlite3|pg$|fastify|@fastify\/|exceljs|docx|react|@mantine|@tanstack)/;

/**
 * A feature's doors for other features and the demo: its service, a small read module, its
 * schemas (shared with the web app anyway), and its policy's `mayX` answers.
 */
const FEATURE_DOORS = /^(service|lookup|schemas|policy)\.ts$/;

type Rule = { name: string; check: (imp: Import) => string | undefined };

const rules: Rule[] = [
  {
    name: 'domain holds pure rules: no I/O, nothing above it',
    check: ({ file, spec, target }) => {
      if (place(file).layer !== 'domain' || isTest(file)) return undefined;
      if (!target) return IO_PACKAGES.test(spec) ? `domain imports the I/O package "${spec}"` : undefined;
      const to = place(target);
      return ['domain', 'shared'].includes(to.layer) ? undefined : `domain imports ${target} (${to.layer})`;
    },
  },
  {
    name: 'shared holds schemas and enums only',
    check: ({ file, target }) => {
      if (place(file).layer !== 'shared' || !target) return undefined;
      return place(target).layer === 'shared' ? undefined : `shared imports ${target}`;
    },
  },
  {
    name: 'db holds storage: no feature, core, server, demo or web',
    check: ({ file, target }) => {
      if (place(file).layer !== 'db' || isTest(file) || !target) return undefined;
      const to = place(target).layer;
      return ['db', 'domain', 'shared'].includes(to) ? undefined : `db imports ${target} (${to})`;
    },
  },
  {
    name: 'core sits below the features: no feature, server, demo or web',
    check: ({ file, target }) => {
      if (place(file).layer !== 'core' || isTest(file) || !target) return undefined;
      const to = place(target).layer;
      return ['core', 'db', 'domain', 'shared'].includes(to) ? undefined : `core imports ${target} (${to})`;
    },
  },
  {
    name: 'a feature reaches no server, demo or web code',
    check: ({ file, target }) => {
      if (place(file).layer !== 'features' || isTest(file) || !target) return undefined;
      const to = place(target).layer;
      return ['server', 'demo', 'web', 'entry'].includes(to) ? `feature imports ${target} (${to})` : undefined;
    },
  },
  {
    name: "a feature uses another feature only through its service, lookup, schemas or policy — never its repo or tables' code",
    check: ({ file, target }) => {
      const from = place(file);
      if (!target || isTest(file) || !['features', 'demo'].includes(from.layer)) return undefined;
      const to = place(target);
      if (to.layer !== 'features' || to.feature === from.feature) return undefined;
      return FEATURE_DOORS.test(to.name) ? undefined : `${from.feature ?? 'demo'} imports ${target}, not a door of ${to.feature}`;
    },
  },
  {
    name: 'demo may use feature services, never the server or the web app',
    check: ({ file, target }) => {
      if (place(file).layer !== 'demo' || isTest(file) || !target) return undefined;
      const to = place(target).layer;
      return ['server', 'web', 'entry'].includes(to) ? `demo imports ${target} (${to})` : undefined;
    },
  },
  {
    name: 'web imports only shared schemas and enums, feature schemas and pure domain rules',
    check: ({ file, spec, target }) => {
      if (place(file).layer !== 'web') return undefined;
      if (!target) return /^node:/.test(spec) && !isTest(file) ? `web imports "${spec}"` : undefined;
      const to = place(target);
      if (['web', 'shared'].includes(to.layer)) return undefined;
      if (to.layer === 'outside' && isTest(file)) return undefined; // a test reading reference data
      if (to.layer === 'domain') return undefined;
      if (to.layer === 'features' && to.name === 'schemas.ts') return undefined;
      return `web imports ${target} (${to.layer})`;
    },
  },
];

const files = listFiles(src);
const imports = files.flatMap(readImports);

/** Crossings each rule finds, as "file:line — what". */
function crossings(rule: Rule): string[] {
  return imports.flatMap((imp) => {
    const problem = rule.check(imp);
    return problem ? [`${imp.file}:${imp.line} — ${problem}`] : [];
  });
}

/** Which features each feature imports (any file but tests), to find pairs that lean on each other. */
function featureGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const imp of imports) {
    const from = place(imp.file);
    if (from.layer !== 'features' || isTest(imp.file) || !imp.target) continue;
    const to = place(imp.target);
    if (to.layer !== 'features' || to.feature === from.feature) continue;
    // Types vanish at run time, but a type-only import still couples the two: count it too.
    const edges = graph.get(from.feature!) ?? new Map<string, string>();
    if (!edges.has(to.feature!)) edges.set(to.feature!, `${imp.file}:${imp.line}`);
    graph.set(from.feature!, edges);
  }
  return graph;
}

function featureCycles(): string[] {
  const graph = featureGraph();
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (state.get(next) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const where = cycle.slice(0, -1).map((f, i) => `${f} → ${cycle[i + 1]} at ${graph.get(f)!.get(cycle[i + 1]!)}`);
        found.push(where.join('; '));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

/** SQL in a feature: only its repo.ts (or a split-off `<part>-repo.ts`) speaks to the database. */
const SQL = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql\s*(<[^>]*>)?`/;
const WRITE = /\.(insertInto|updateTable|deleteFrom)\(\s*'([a-z_]+)/g;

/**
 * Tables written by more than one feature, and why. Everything else is written by exactly one
 * feature (its owner); others read it through that feature's door or join it for names.
 */
const SHARED_TABLES: Record<string, string> = {
  accounts: 'accounts creates and edits accounts; auth records sign-ins and password changes on them',
  sessions: 'auth opens and closes sessions; accounts ends them when an account is reset or disabled',
};

function sqlOutsideRepos(): string[] {
  return files.flatMap((f) => {
    const rel = path.relative(root, f).split(path.sep).join('/');
    const at = place(rel);
    if (at.layer !== 'features' || isTest(rel) || /(^|-)repo\.ts$/.test(at.name)) return [];
    return fs.readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (SQL.test(line) ? [`${rel}:${i + 1} — SQL outside repo.ts: ${line.trim().slice(0, 90)}`] : []));
  });
}

/** Every table some feature writes, with the features that write it and where. */
function tableWriters(): Map<string, Map<string, string>> {
  const writers = new Map<string, Map<string, string>>();
  for (const f of files) {
    const rel = path.relative(root, f).split(path.sep).join('/');
    const at = place(rel);
    if (at.layer !== 'features' || isTest(rel)) continue;
    const text = fs.readFileSync(f, 'utf8');
    for (const m of text.matchAll(WRITE)) {
      const byFeature = writers.get(m[2]!) ?? new Map<string, string>();
      if (!byFeature.has(at.feature!)) byFeature.set(at.feature!, `${rel}:${text.slice(0, m.index).split('\n').length}`);
      writers.set(m[2]!, byFeature);
    }
  }
  return writers;
}

describe('architecture: the layers and feature boundaries of ARCHITECTURE.md', () => {
  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.length).toBeGreaterThan(1000);
  });

  for (const rule of rules) {
    it(rule.name, () => {
      expect(crossings(rule)).toEqual([]);
    });
  }

  it('no two features lean on each other: the feature graph has no cycle (one side owns each link)', () => {
    expect(featureCycles()).toEqual([]);
  });

  it("a feature's SQL lives in its repo.ts", () => {
    expect(sqlOutsideRepos()).toEqual([]);
  });

  it('each table is written by one feature, its owner (shared ones say why)', () => {
    const shared = [...tableWriters()]
      .filter(([table, byFeature]) => byFeature.size > 1 && !(table in SHARED_TABLES))
      .map(([table, byFeature]) => `${table} written by ${[...byFeature].map(([f, at]) => `${f} (${at})`).join(', ')}`);
    expect(shared).toEqual([]);
  });
});

describe('architecture test catches what it should', () => {
  const check = (file: string, target: string, spec = './x.js') =>
    rules.map((r) => r.check({ file, line: 1, spec, target })).filter(Boolean);

  it('flags a feature reaching into another feature’s repo, and lets its service through', () => {
    expect(check('src/features/tasks/service.ts', 'src/features/units/repo.ts')).toHaveLength(1);
    expect(check('src/features/tasks/service.ts', 'src/features/units/lookup.ts')).toHaveLength(0);
    expect(check('src/features/tasks/service.ts', 'src/features/tasks/repo.ts')).toHaveLength(0);
  });

  it('flags domain I/O, db → feature, core → feature, web → server', () => {
    expect(rules.map((r) => r.check({ file: 'src/domain/x.ts', line: 1, spec: 'node:fs', target: undefined })).filter(Boolean)).toHaveLength(1);
    expect(check('src/db/x.ts', 'src/features/units/service.ts')).toHaveLength(1);
    expect(check('src/core/errors.ts', 'src/features/units/service.ts')).toHaveLength(1);
    expect(check('src/web/app/App.tsx', 'src/core/errors.ts')).toHaveLength(1);
    expect(check('src/web/app/App.tsx', 'src/features/units/schemas.ts')).toHaveLength(0);
  });
});
