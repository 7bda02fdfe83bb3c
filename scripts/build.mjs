#!/usr/bin/env node
// Builds what is not built (or is older than its sources): the server (tsc → dist/server)
// and the web app (vite → dist/web, with .br/.gz copies of each asset for slow links).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

function newestMtime(dir, skip = () => false) {
  let newest = 0;
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (skip(full)) continue;
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  walk(dir);
  return newest;
}

function stale(stamp, sourcesNewest) {
  const file = path.join(dist, stamp);
  return !fs.existsSync(file) || fs.statSync(file).mtimeMs < sourcesNewest;
}

function run(label, args) {
  process.stderr.write(`Tự Soi: building ${label}…\n`);
  // Always a production build, whoever calls: a test runner sets NODE_ENV=test, which would make
  // Vite bundle React's development build (half again as large) into dist/ for everyone.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    process.stderr.write(`Tự Soi: building ${label} failed.\n`);
    process.exit(result.status ?? 1);
  }
}

function touch(stamp) {
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, stamp), new Date().toISOString());
}

function precompress(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) precompress(full);
    else if (/\.(js|css|html|svg|json|txt)$/.test(entry.name)) {
      const data = fs.readFileSync(full);
      fs.writeFileSync(`${full}.gz`, zlib.gzipSync(data, { level: 9 }));
      fs.writeFileSync(`${full}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
  }
}

export function ensureBuilt({ web = true, force = false } = {}) {
  const src = path.join(root, 'src');
  const webSrc = path.join(src, 'web');
  const config = Math.max(
    ...['package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts', 'scripts/build.mjs']
      .map((f) => path.join(root, f))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.statSync(f).mtimeMs),
  );
  const serverNewest = Math.max(config, newestMtime(src, (f) => f === webSrc || f.endsWith('.test.ts')));
  if (force || stale('.server-built', serverNewest)) {
    fs.rmSync(path.join(dist, 'server'), { recursive: true, force: true });
    run('server', [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
    touch('.server-built');
  }
  if (!web) return;
  // The web app imports shared schemas and domain code, so any source change may matter.
  const webNewest = Math.max(config, newestMtime(src, (f) => f.endsWith('.test.ts')));
  if (force || stale('.web-built', webNewest)) {
    run('web app', [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
    precompress(path.join(dist, 'web', 'assets'));
    touch('.web-built');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  ensureBuilt({ force: process.argv.includes('--force') });
}
