/**
 * `npm run bench` — throughput and latency of the hot read paths, measured next to a bare
 * Fastify route in the same run (this machine is shared and noisy: compare ratios, not
 * absolute numbers), plus the gzipped size of what the first screens load.
 *
 * Setup: a temporary SQLite database with the demo commune plus BENCH_COMMUNES (default 40)
 * copies of it under a province (≈ 21,000 members), the built server in a child process,
 * the load from autocannon in this process.
 */
import autocannon from 'autocannon';
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed/index.js';
import { addProvinceScaleData } from './province-data.js';
import { buildApp, freePort, repoRoot as root, startBuiltServer, waitUntilUp } from '../test/helpers/server.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 40);

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

async function main(): Promise<void> {
  console.log(`Tự Soi benchmark — ${os.cpus().length} cores, Node ${process.version}, ${DURATION}s × ${CONNECTIONS} connections per case`);
  buildApp();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-bench-'));
  const handle = openDatabase({ sqliteFile: path.join(dataDir, 'tusoi.db') });
  await migrateToLatest(handle);
  const demo = await seedDemo(handle);
  const t0 = Date.now();
  const extra = await addProvinceScaleData(handle.db, COMMUNES);
  await handle.close();
  console.log(`dataset: ${demo.members + extra} members (${extra} generated in ${Date.now() - t0} ms), ${demo.meetings} demo meetings (2022 and the present year), SQLite`);

  const server = await startBuiltServer({ dataDir, env: { RATE_LIMIT_PER_MINUTE: '1000000000', NODE_ENV: 'development' } });
  const helloPort = await freePort();
  const hello = fork(path.join(root, 'bench/hello-server.mjs'), { env: { ...process.env, PORT: String(helloPort) }, stdio: 'ignore' });
  try {
    const base = server.baseUrl;
    await waitUntilUp(`http://127.0.0.1:${helloPort}/hello`, hello);
    const rssIdle = rssMiB(server.child);

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
    results.push(await load('bare Fastify GET /hello (ceiling)', `http://127.0.0.1:${helloPort}/hello`));
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
    const rssLoaded = rssMiB(server.child);

    const ceiling = results[0]!.rps;
    console.log('\ncase                                              req/s    p50 ms   p99 ms   of ceiling   errors/non-2xx');
    for (const r of results) {
      console.log(
        `${r.name.padEnd(48)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${`${((100 * r.rps) / ceiling).toFixed(1)}%`.padStart(12)}   ${r.errors}/${r.non2xx}`,
      );
    }
    console.log(`\nserver memory (RSS): ${rssIdle} MiB idle, ${rssLoaded} MiB after the runs`);

    const sizes = spawnSync(process.execPath, [path.join(root, 'scripts/web-size.mjs')], { cwd: root, encoding: 'utf8' });
    if (sizes.status === 0) {
      const s = JSON.parse(sizes.stdout) as Record<string, { js: number; css: number }>;
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log('\nweb app, gzipped (budget: 150 KB of JavaScript for the first screen)');
      for (const [screen, size] of Object.entries(s)) {
        // The budget is for the first screens (login, a member's home); the others are measured to watch them.
        const first = screen === 'login' || screen === 'memberHome';
        const verdict = first ? (size.js <= 150 * 1024 ? 'within budget' : 'OVER BUDGET') : 'opened directly (no budget)';
        console.log(`  ${screen.padEnd(12)} JS ${kb(size.js).padStart(9)}  CSS ${kb(size.css).padStart(8)}  ${verdict}`);
      }
    } else {
      console.log(`web size: ${sizes.stderr}`);
    }
  } finally {
    await server.stop();
    hello.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
