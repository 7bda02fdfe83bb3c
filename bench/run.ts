/**
 * `npm run bench` — throughput and latency of the hot read paths, measured next to a bare
 * Fastify route in the same run (this machine is shared and noisy: compare ratios, not
 * absolute numbers), plus the gzipped size of what the first screens load.
 *
 * Setup, by default: a temporary SQLite database with the demo commune plus BENCH_COMMUNES
 * (default 40) copies of its members under a province (≈ 21,000 members). With a scale
 * (BENCH_SCALE=province: 150,000 members, province-max: 500,000, or BENCH_MEMBERS=n): the demo
 * commune plus a generated province with a year of activity (bench/province-generate.ts), built
 * on SQLite and on PostgreSQL (the test suite's throwaway cluster), each measured in turn.
 * BENCH_DATABASES=sqlite,postgres picks the databases. The built server runs in a child process,
 * the load comes from autocannon in this process; BENCH_JSON=file also writes the results as JSON.
 */
import autocannon from 'autocannon';
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed/index.js';
import { addProvinceScaleData } from './province-data.js';
import { loadProvince, PROVINCE_ACCOUNT, scaleFromEnv, type ProvinceLoad, type ProvinceScale } from './province-load.js';
import { createDatabase, startPostgresCluster, type PostgresCluster } from '../test/helpers/postgres-cluster.js';
import type { DialectName } from '../src/db/dialect.js';
import { buildApp, freePort, repoRoot as root, startBuiltServer, waitUntilUp } from '../test/helpers/server.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 40);
const SCALE = scaleFromEnv(process.env);
const DATABASES = (process.env.BENCH_DATABASES ?? (SCALE ? 'sqlite,postgres' : 'sqlite')).split(',').map((d) => d.trim()) as DialectName[];

function rssMiB(child: ChildProcess): number {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Signs a demo account in: its cookie as request headers, and the sign-in answer. */
async function signIn(base: string, username: string): Promise<{ headers: Record<string, string>; body: unknown }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'tusoi-demo' }) });
  return { headers: { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! }, body: await res.json() };
}

async function load(name: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 }); // warm-up
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION });
  return { name, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

/**
 * The measured cases against a running server: the ceiling first, then the demo commune's reads
 * (the same on every scale), then, with a province loaded, reads across the province.
 */
async function runCases(base: string, helloUrl: string, province: ProvinceLoad | null, provinceYear: number): Promise<Result[]> {
  const secretary = await signIn(base, 'bithu.dongthu');
  const cell = (secretary.body as { member: { unitId: string } }).member.unitId;
  const headers = secretary.headers;
  const committeeSignIn = await signIn(base, 'bithu.dangbo');
  const committee = committeeSignIn.headers;
  const communeId = (committeeSignIn.body as { roles: { role: string; unitId: string }[] }).roles.find((r) => r.role === 'party_committee')!.unitId;
  const member = (await signIn(base, 'dangvien.dongthu')).headers;
  const ubkt = (await signIn(base, 'ubkt')).headers;
  const year = 'from=2022-01-01&to=2022-12-31';
  const april = (await (await fetch(`${base}/api/units/${cell}/meetings?from=2022-04-01&to=2022-04-30`, { headers })).json()) as { items: { id: string; kind: string }[] };
  const aprilMeeting = april.items.find((m) => m.kind === 'regular')!.id;

  const results: Result[] = [];
  results.push(await load('bare Fastify GET /hello (ceiling)', helloUrl));
  results.push(await load('GET /api/health', `${base}/api/health`));
  results.push(await load('GET /api/me', `${base}/api/me`, headers));
  results.push(await load('GET /api/units/:cell/members (page 1)', `${base}/api/units/${cell}/members?pageSize=20`, headers));
  results.push(await load('GET /api/units/:cell/members?q=nguyen van', `${base}/api/units/${cell}/members?q=nguyen%20van`, headers));
  results.push(await load('GET /api/meetings/:id (April 2022, Đồng Thứ)', `${base}/api/meetings/${aprilMeeting}`, headers));
  results.push(await load('GET /api/units/:cell/attendance-stats (2022)', `${base}/api/units/${cell}/attendance-stats?${year}`, headers));
  results.push(await load('GET /api/units/:commune/attendance-stats (2022)', `${base}/api/units/${communeId}/attendance-stats?${year}`, committee));
  results.push(await load('GET /api/me/work (member, Đồng Thứ)', `${base}/api/me/work`, member));
  results.push(await load('GET /api/me/work (secretary, Đồng Thứ)', `${base}/api/me/work`, headers));
  results.push(await load('GET /api/units/:cell/task-board (2022)', `${base}/api/units/${cell}/task-board?year=2022`, headers));
  results.push(await load('GET /api/units/:commune/task-board (2022)', `${base}/api/units/${communeId}/task-board?year=2022`, committee));
  results.push(await load('GET /api/units/:commune/tasks?status=overdue', `${base}/api/units/${communeId}/tasks?year=2022&status=overdue`, committee));
  results.push(await load('GET /api/units/:cell/commitments (2022)', `${base}/api/units/${cell}/commitments?year=2022`, headers));
  results.push(await load('GET /api/meetings/:id/minutes.docx', `${base}/api/meetings/${aprilMeeting}/minutes.docx`, headers));
  // Tự soi, tự sửa. Reading another member's self-examination writes the access log each time.
  const cellStats = (await (await fetch(`${base}/api/units/${cell}/self-examination-stats?period=2022`, { headers })).json()) as { memberRows: { selfExamId: string | null }[] };
  const someExam = cellStats.memberRows.find((r) => r.selfExamId)!.selfExamId!;
  results.push(await load('GET /api/reference/manifestations (member)', `${base}/api/reference/manifestations`, member));
  results.push(await load('GET /api/me/self-examination (member)', `${base}/api/me/self-examination`, member));
  results.push(await load('GET /api/self-examinations/:id (secretary, logged)', `${base}/api/self-examinations/${someExam}`, headers));
  results.push(await load('GET /api/units/:cell/self-exam-stats (2022)', `${base}/api/units/${cell}/self-examination-stats?period=2022`, headers));
  results.push(await load('GET /api/units/:commune/self-exam-stats (2022)', `${base}/api/units/${communeId}/self-examination-stats?period=2022`, committee));
  // Local issues and the public channel.
  results.push(await load('GET /api/local-issues (commune board)', `${base}/api/local-issues?unitId=${communeId}`, committee));
  results.push(await load('GET /api/public/local-issues (no login)', `${base}/api/public/local-issues`));
  // Inspection and supervision: the UBKT's home, the 2022 case file of Đồng Thứ, the secretary's view, the conclusion in Word.
  const cases = (await (await fetch(`${base}/api/inspections?unitId=${communeId}&year=2022&kindCode=supervision_thematic`, { headers: ubkt })).json()) as { items: { id: string; subject: { unitId: string } }[] };
  const dongThuCase = cases.items.find((c) => c.subject.unitId === cell)!.id;
  results.push(await load('GET /api/inspections/overview (UBKT home)', `${base}/api/inspections/overview?unitId=${communeId}`, ubkt));
  results.push(await load('GET /api/inspections/:id (2022 Đồng Thứ, UBKT)', `${base}/api/inspections/${dongThuCase}`, ubkt));
  results.push(await load('GET /api/me/inspections (secretary)', `${base}/api/me/inspections`, headers));
  results.push(await load('GET /api/inspections/:id/documents/conclusion.docx', `${base}/api/inspections/${dongThuCase}/documents/conclusion.docx`, ubkt));
  // The yearly rating: the committee's 2022 period board, a member's review with its live evidence, the ratings, the form in Word.
  const periods = (await (await fetch(`${base}/api/review-periods?unitId=${communeId}&year=2022`, { headers: committee })).json()) as { items: { id: string }[] };
  const period2022 = periods.items[0]!.id;
  const myReviews = (await (await fetch(`${base}/api/me/reviews`, { headers: member })).json()) as { items: { id: string; periodStatus: string }[] };
  const openReview = myReviews.items.find((r) => r.periodStatus === 'open')!.id;
  results.push(await load('GET /api/review-periods/:id (2022, committee)', `${base}/api/review-periods/${period2022}`, committee));
  results.push(await load('GET /api/reviews/:id (member, this year, live)', `${base}/api/reviews/${openReview}`, member));
  results.push(await load('GET /api/units/:commune/ratings (2022)', `${base}/api/units/${communeId}/ratings?year=2022`, committee));
  results.push(await load('GET /api/reviews/:id/form.docx (member)', `${base}/api/reviews/${openReview}/form.docx`, member));
  if (province) {
    // Across the province: its committee reading one generated commune of median size, and the whole province.
    const tinhUy = (await signIn(base, PROVINCE_ACCOUNT)).headers;
    const span = `from=${provinceYear}-01-01&to=${provinceYear}-12-31`;
    results.push(await load('GET /api/units/:gen-commune/attendance-stats', `${base}/api/units/${province.sampleCommuneId}/attendance-stats?${span}`, tinhUy));
    results.push(await load('GET /api/units/:gen-commune/task-board', `${base}/api/units/${province.sampleCommuneId}/task-board?year=${provinceYear}`, tinhUy));
    results.push(await load('GET /api/units/:gen-commune/self-exam-stats', `${base}/api/units/${province.sampleCommuneId}/self-examination-stats?period=${provinceYear}`, tinhUy));
    results.push(await load('GET /api/units/:province/attendance-stats', `${base}/api/units/${province.provinceId}/attendance-stats?${span}`, tinhUy));
  }
  return results;
}

/** What a database was filled with, and how long it took. */
interface Dataset {
  /** Rows per table in the whole database (the demo commune included). */
  rows: Record<string, number>;
  /** Seeding the demo commune through the app's audited seed. */
  demoSeedMs: number;
  /** Loading the generated data (the province, or the demo's copies). */
  loadMs: number;
  province: (ProvinceScale & { rowsWritten: number }) | null;
}

interface DatabaseRun {
  database: DialectName;
  dataset: Dataset;
  rssIdleMiB: number;
  rssLoadedMiB: number;
  results: Result[];
}

const COUNTED = [
  'units', 'members', 'meetings', 'meeting_participants', 'meeting_agenda_items', 'meeting_outcomes', 'tasks', 'task_progress', 'commitments',
  'self_examinations', 'self_examination_answers', 'feedback', 'correction_plan_items', 'local_issues', 'audit_log',
] as const;

async function countRows(handle: DatabaseHandle): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const table of COUNTED) {
    const r = await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    rows[table] = Number(r.n);
  }
  return rows;
}

/**
 * Fills a fresh database: the demo commune through the app's seed, then the province (or the
 * demo's copies). Answers the server's environment for it and what it holds.
 */
async function fillDatabase(database: DialectName, dataDir: string, cluster: () => Promise<PostgresCluster>): Promise<{ env: Record<string, string>; dataset: Dataset; province: ProvinceLoad | null }> {
  const databaseUrl = database === 'postgres' ? await createDatabase((await cluster()).adminUrl, 'tusoi_bench') : undefined;
  const handle = openDatabase(databaseUrl ? { databaseUrl } : { sqliteFile: path.join(dataDir, 'tusoi.db') });
  try {
    await migrateToLatest(handle);
    let t0 = Date.now();
    await seedDemo(handle);
    const demoSeedMs = Date.now() - t0;
    t0 = Date.now();
    let province: ProvinceLoad | null = null;
    if (SCALE) {
      console.log(`loading a province of ${SCALE.members} members in ${SCALE.communes} communes (${SCALE.year}) into ${database}…`);
      province = await loadProvince(handle, SCALE, (line) => console.log(line));
    } else {
      await addProvinceScaleData(handle.db, COMMUNES);
    }
    const loadMs = Date.now() - t0;
    const rows = await countRows(handle);
    const rowsWritten = province ? Object.values(province.rows).reduce((a, b) => a + b, 0) : 0;
    return { env: databaseUrl ? { DATABASE_URL: databaseUrl } : {}, dataset: { rows, demoSeedMs, loadMs, province: SCALE ? { ...SCALE, rowsWritten } : null }, province };
  } finally {
    await handle.close();
  }
}

function printDataset(database: DialectName, d: Dataset): void {
  const r = d.rows;
  const what = d.province
    ? `a province of ${d.province.communes} generated communes (${d.province.year}), ${d.province.rowsWritten.toLocaleString('en')} rows loaded in ${(d.loadMs / 1000).toFixed(1)} s (${Math.round(d.province.rowsWritten / (d.loadMs / 1000)).toLocaleString('en')} rows/s)`
    : `the demo's members copied ${COMMUNES} times in ${d.loadMs} ms`;
  console.log(`\ndataset on ${database}: the demo commune (seeded in ${(d.demoSeedMs / 1000).toFixed(1)} s) plus ${what}`);
  console.log(`  ${COUNTED.map((t) => `${t} ${(r[t] ?? 0).toLocaleString('en')}`).join(', ')}`);
}

function printResults(results: readonly Result[]): void {
  const ceiling = results[0]!.rps;
  console.log('\ncase                                              req/s    p50 ms   p99 ms   of ceiling   errors/non-2xx');
  for (const r of results) {
    // A case whose every request outlasted the measuring window has no latency to show.
    if (r.rps === 0 && r.p50 === 0) {
      console.log(`${r.name.padEnd(48)}       0   no answer within ${DURATION} s`);
      continue;
    }
    console.log(
      `${r.name.padEnd(48)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${`${((100 * r.rps) / ceiling).toFixed(1)}%`.padStart(12)}   ${r.errors}/${r.non2xx}`,
    );
  }
}

/** Both databases side by side: each case's share of its own run's ceiling, and PostgreSQL's p50 against SQLite's. */
function printComparison(runs: readonly DatabaseRun[]): void {
  const [a, b] = runs;
  if (!a || !b) return;
  console.log(`\n${a.database} vs ${b.database} (share of the ceiling measured in the same database's run; p50 ms)`);
  console.log(`case                                              ${a.database.padStart(10)} ${b.database.padStart(10)}   p50 ${a.database}/${b.database}`);
  for (const [i, ra] of a.results.entries()) {
    const rb = b.results[i];
    if (!rb || rb.name !== ra.name) continue;
    const share = (run: DatabaseRun, r: Result) => `${((100 * r.rps) / run.results[0]!.rps).toFixed(1)}%`;
    console.log(`${ra.name.padEnd(48)} ${share(a, ra).padStart(10)} ${share(b, rb).padStart(10)}   ${String(ra.p50).padStart(6)} / ${rb.p50}`);
  }
}

async function measure(database: DialectName, cluster: () => Promise<PostgresCluster>): Promise<DatabaseRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-bench-'));
  try {
    const { env, dataset, province } = await fillDatabase(database, dataDir, cluster);
    printDataset(database, dataset);
    const server = await startBuiltServer({ dataDir, env: { RATE_LIMIT_PER_MINUTE: '1000000000', NODE_ENV: 'development', ...env } });
    const helloPort = await freePort();
    const hello = fork(path.join(root, 'bench/hello-server.mjs'), { env: { ...process.env, PORT: String(helloPort) }, stdio: 'ignore' });
    try {
      await waitUntilUp(`http://127.0.0.1:${helloPort}/hello`, hello);
      const rssIdleMiB = rssMiB(server.child);
      const results = await runCases(server.baseUrl, `http://127.0.0.1:${helloPort}/hello`, province, SCALE?.year ?? 2022);
      const rssLoadedMiB = rssMiB(server.child);
      console.log(`\n${database}:`);
      printResults(results);
      console.log(`\nserver memory (RSS): ${rssIdleMiB} MiB idle, ${rssLoadedMiB} MiB after the runs`);
      return { database, dataset, rssIdleMiB, rssLoadedMiB, results };
    } finally {
      await server.stop();
      hello.kill('SIGTERM');
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function webSizes(): Record<string, { js: number; css: number }> | null {
  const sizes = spawnSync(process.execPath, [path.join(root, 'scripts/web-size.mjs')], { cwd: root, encoding: 'utf8' });
  if (sizes.status !== 0) {
    console.log(`web size: ${sizes.stderr}`);
    return null;
  }
  const s = JSON.parse(sizes.stdout) as Record<string, { js: number; css: number }>;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log('\nweb app, gzipped (budget: 150 KB of JavaScript for the first screen)');
  for (const [screen, size] of Object.entries(s)) {
    // The budget is for the first screens (login, a member's home); the others are measured to watch them.
    const first = screen === 'login' || screen === 'memberHome';
    const verdict = first ? (size.js <= 150 * 1024 ? 'within budget' : 'OVER BUDGET') : 'opened directly (no budget)';
    console.log(`  ${screen.padEnd(12)} JS ${kb(size.js).padStart(9)}  CSS ${kb(size.css).padStart(8)}  ${verdict}`);
  }
  return s;
}

async function main(): Promise<void> {
  console.log(`Tự Soi benchmark — ${os.cpus().length} cores, Node ${process.version}, ${DURATION}s × ${CONNECTIONS} connections per case, databases: ${DATABASES.join(', ')}`);
  for (const d of DATABASES) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`BENCH_DATABASES: unknown database ${d}`);
  buildApp();
  // One throwaway PostgreSQL cluster (the test suite's), started only when a run needs it.
  let cluster: Promise<PostgresCluster> | undefined;
  const getCluster = () => (cluster ??= startPostgresCluster());
  const runs: DatabaseRun[] = [];
  try {
    for (const database of DATABASES) runs.push(await measure(database, getCluster));
  } finally {
    if (cluster) await (await cluster).stop();
  }
  printComparison(runs);
  const web = webSizes();
  if (process.env.BENCH_JSON) {
    const report = { at: new Date().toISOString(), cores: os.cpus().length, node: process.version, seconds: DURATION, connections: CONNECTIONS, scale: SCALE, runs, web };
    fs.writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nresults written to ${process.env.BENCH_JSON}`);
  }
}

await main();
