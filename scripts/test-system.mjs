#!/usr/bin/env node
/**
 * Makes sure the system packages the test suite drives are on this machine, before any test runs.
 *
 * In: what is on the machine. Out: the missing Debian packages installed with apt-get (as root, or
 * through `sudo -n` when that works), saying what it installs and why; where it cannot install,
 * it exits 1 before anything runs, with the one command to type.
 *
 * Needed: chromium (e2e, driven by playwright-core, never downloaded), postgresql (the integration
 * suite starts its own throwaway cluster), libreoffice-writer-nogui + libreoffice-calc-nogui +
 * poppler-utils (the Word documents and the Excel summaries are converted to PDF and read back), fonts-liberation2 (Times New Roman's metric twin
 * with Vietnamese coverage), fonts-dejavu-core (the browser's fallback font).
 *
 * `TUSOI_TEST_SYSTEM=skip` skips the check (a machine that provides these some other way).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/** One needed package: how to tell it is there, and what it is for (said when it is installed). */
const NEEDED = [
  { pkg: 'chromium', present: () => existsSync(process.env.TUSOI_CHROMIUM ?? '/usr/bin/chromium'), why: 'end-to-end tests' },
  { pkg: 'postgresql', present: hasPostgresServer, why: 'integration tests on PostgreSQL' },
  { pkg: 'libreoffice-writer-nogui', present: () => onPath('soffice'), why: 'Word minutes → PDF' },
  { pkg: 'libreoffice-calc-nogui', present: () => existsSync('/usr/lib/libreoffice/program/libsclo.so'), why: 'Excel summaries → PDF' },
  { pkg: 'poppler-utils', present: () => onPath('pdftotext'), why: 'reading the PDF back' },
  { pkg: 'fonts-liberation2', present: () => existsSync('/usr/share/fonts/truetype/liberation2'), why: 'Times New Roman metrics, Vietnamese' },
  { pkg: 'fonts-dejavu-core', present: () => existsSync('/usr/share/fonts/truetype/dejavu'), why: 'browser fallback font' },
];

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function hasPostgresServer() {
  if (process.env.TUSOI_TEST_PG_URL || process.env.TUSOI_TEST_SKIP_PG === '1') return true;
  if (process.env.TUSOI_PG_BIN) return existsSync(`${process.env.TUSOI_PG_BIN}/initdb`);
  try {
    return readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  } catch {
    return false;
  }
}

/** How to run apt-get with root rights here: directly, through passwordless sudo, or not at all. */
function privilegePrefix() {
  if (process.getuid?.() === 0) return [];
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return undefined;
}

function run(argv) {
  console.log(`  $ ${argv.join(' ')}`);
  const result = spawnSync(argv[0], argv.slice(1), {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

if (process.env.TUSOI_TEST_SYSTEM === 'skip') process.exit(0);

const missing = NEEDED.filter((n) => !n.present());
if (missing.length === 0) process.exit(0);

const names = missing.map((m) => m.pkg);
const command = `apt-get update && apt-get install -y --no-install-recommends ${names.join(' ')}`;
const prefix = privilegePrefix();
if (!onPath('apt-get') || prefix === undefined) {
  console.error(`The test suite needs system packages that are missing: ${names.join(', ')}.`);
  console.error(`Install them as root, then run npm test again:\n\n  sudo sh -c '${command}'\n`);
  process.exit(1);
}

console.log('Installing the system packages the test suite needs:');
for (const m of missing) console.log(`  - ${m.pkg} (${m.why})`);
const ok =
  run([...prefix, 'apt-get', 'update']) &&
  run([...prefix, 'apt-get', 'install', '-y', '--no-install-recommends', ...names]);
const stillMissing = NEEDED.filter((n) => !n.present()).map((n) => n.pkg);
if (!ok || stillMissing.length > 0) {
  console.error(`Could not install ${stillMissing.join(', ') || names.join(', ')}. Run as root, then npm test again:\n\n  sudo sh -c '${command}'\n`);
  process.exit(1);
}
console.log('System packages ready.');
