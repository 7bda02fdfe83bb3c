#!/usr/bin/env node
// Gzipped size of what the first screens download, from the Vite manifest of `vite build`:
//   login       = the entry (index.html) and its static imports, transitively;
//   memberHome  = the above plus the lazy chunks an ordinary member's home screen loads
//                 (the signed-in app shell and the home route), with their static imports;
//   tuSoi       = the member's "Tự soi" page opened directly (shell + that route);
//   selfExamForm = the self-examination form opened directly, on a phone in a village.
// Prints JSON: { "login": { "js": bytes, "css": bytes }, "memberHome": { … }, "tuSoi": { … }, "selfExamForm": { … } }
// `--files` also lists the files counted (to stderr).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repo, 'dist', 'web');
const manifestPath = path.join(outDir, '.vite', 'manifest.json');

/** Source files (relative to src/web) of the lazy chunks behind a member's home screen. */
const MEMBER_HOME_ROUTE = ['app/AuthedApp.tsx', 'features/home/HomePage.tsx'];
const TU_SOI_ROUTE = ['app/AuthedApp.tsx', 'features/self-examinations/MySelfExamPage.tsx'];
const SELF_EXAM_FORM_ROUTE = ['app/AuthedApp.tsx', 'features/self-examinations/SelfExamPage.tsx'];

let manifest;
try {
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
} catch (e) {
  console.error(`Cannot read ${path.relative(repo, manifestPath)}: run \`npx vite build\` first. (${e.message})`);
  process.exit(1);
}

const entryKeys = Object.keys(manifest).filter((k) => manifest[k].isEntry);
if (entryKeys.length !== 1) {
  console.error(`Expected one entry in the manifest, found ${entryKeys.length}.`);
  process.exit(1);
}

function chunkBySource(source) {
  const key = Object.keys(manifest).find((k) => {
    const src = manifest[k].src ?? k;
    return src === source || src.endsWith(`/${source}`);
  });
  if (!key) {
    console.error(`No chunk built from ${source} in the manifest (is it still lazy-loaded?).`);
    process.exit(1);
  }
  return key;
}

/** The chunks and their static imports, transitively (what the browser fetches for them). */
function closure(keys) {
  const seen = new Set();
  const visit = (k) => {
    if (seen.has(k) || !manifest[k]) return;
    seen.add(k);
    for (const i of manifest[k].imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return seen;
}

const gzipCache = new Map();
function gzipSize(file) {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(path.join(outDir, file)), { level: 9 }).length);
  return gzipCache.get(file);
}

function measure(name, keys) {
  const js = new Set();
  const css = new Set();
  for (const k of closure(keys)) {
    const c = manifest[k];
    if (c.file.endsWith('.js')) js.add(c.file);
    else if (c.file.endsWith('.css')) css.add(c.file);
    for (const f of c.css ?? []) css.add(f);
  }
  if (process.argv.includes('--files')) {
    for (const f of [...js, ...css]) console.error(`${name}\t${gzipSize(f)}\t${f}`);
  }
  const sum = (files) => [...files].reduce((n, f) => n + gzipSize(f), 0);
  return { js: sum(js), css: sum(css) };
}

const login = measure('login', entryKeys);
const memberHome = measure('memberHome', [...entryKeys, ...MEMBER_HOME_ROUTE.map(chunkBySource)]);
const tuSoi = measure('tuSoi', [...entryKeys, ...TU_SOI_ROUTE.map(chunkBySource)]);
const selfExamForm = measure('selfExamForm', [...entryKeys, ...SELF_EXAM_FORM_ROUTE.map(chunkBySource)]);
process.stdout.write(`${JSON.stringify({ login, memberHome, tuSoi, selfExamForm })}\n`);
