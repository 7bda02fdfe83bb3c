/**
 * `npm run bench:public` — does a flood from one address slow the public channel for everyone
 * else? A bounded load test on loopback: the built server (behind a trusted proxy, so each client
 * is told apart by X-Forwarded-For) first serves other citizens alone, then again while one
 * address floods the public form and the tracking page. Prints both, side by side, and what the
 * flood got (how much was refused before any database work). Then times tracking-code lookups
 * in-process, known against unknown codes interleaved, to show a guessed code cannot be told
 * from a real one by its answer time.
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed/index.js';
import { loadConfig } from '../src/core/config.js';
import { publicStatus } from '../src/features/citizen-feedback/service.js';
import { buildApp, startBuiltServer } from '../test/helpers/server.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

interface Run {
  rps: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
}

function summary(r: autocannon.Result): Run {
  const statuses: Record<string, number> = {};
  for (const [code, n] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = (n as { count: number }).count;
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, statuses };
}

const others = (base: string, villageToken: () => string) => ({
  // Other citizens: reading the public issues and following their own message, each from their own address.
  issues: { url: `${base}/api/public/local-issues`, headers: { 'x-forwarded-for': '10.0.0.2' } },
  form: { url: `${base}/api/public/feedback-form`, headers: { 'x-forwarded-for': '10.0.0.3' } },
  token: villageToken,
});

async function main(): Promise<void> {
  console.log(`Tự Soi public-channel flood test — ${os.cpus().length} cores, Node ${process.version}, ${DURATION}s × ${CONNECTIONS} connections per client`);
  buildApp();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-bench-public-'));
  const handle = openDatabase({ sqliteFile: path.join(dataDir, 'tusoi.db') });
  await migrateToLatest(handle);
  await seedDemo(handle, { meetings: false });
  await handle.close();

  // The app's own guards as shipped, except the time-to-fill (the robot here is the point of the test)
  // and the API-wide limit (the "other citizens" below are a load generator, not people).
  const server = await startBuiltServer({ dataDir, env: { TRUST_PROXY: '1', PUBLIC_FORM_MIN_SECONDS: '0', RATE_LIMIT_PER_MINUTE: '1000000000', NODE_ENV: 'development' } });
  try {
    const base = server.baseUrl;
    const form = (await (await fetch(`${base}/api/public/feedback-form`)).json()) as { formToken: string; villages: { unitId: string }[] };
    const send = (ip: string, n: number) =>
      fetch(`${base}/api/public/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ name: 'Người dân', phone: `09${String(10000000 + n).slice(-8)}`, villageUnitId: form.villages[0]!.unitId, topic: 'khac', content: `Ý kiến số ${n} về đường làng.`, formToken: form.formToken }),
      });
    const sent = (await (await send('10.0.0.9', 1)).json()) as { trackingCode: string };
    const o = others(base, () => form.formToken);

    const measure = (target: { url: string; headers: Record<string, string> }) =>
      autocannon({ url: target.url, headers: target.headers, connections: CONNECTIONS / 2, duration: DURATION }).then(summary);
    const floodBody = JSON.stringify({ name: 'Robot', phone: '0900000000', villageUnitId: form.villages[0]!.unitId, topic: 'khac', content: 'Tin rác lặp lại liên tục từ một địa chỉ.', formToken: form.formToken });
    const flood = (kind: 'send' | 'lookup' | 'health') =>
      autocannon({
        url: kind === 'send' ? `${base}/api/public/feedback` : kind === 'lookup' ? `${base}/api/public/feedback/AAAA-BBBB-CCCC` : `${base}/api/health`,
        method: kind === 'send' ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.6.6.6' },
        ...(kind === 'send' ? { body: floodBody } : {}),
        connections: CONNECTIONS,
        duration: DURATION,
      }).then(summary);

    await autocannon({ url: o.issues.url, headers: o.issues.headers, connections: 4, duration: 2 }); // warm-up
    const alone = await Promise.all([measure(o.issues), measure(o.form)]);
    // The control: as many connections asking for the cheapest answer there is. On two shared cores
    // the load generator and any traffic at all take their share; the flood should cost no more.
    const [healthFlood, issuesDuringHealth, formDuringHealth] = await Promise.all([flood('health'), measure(o.issues), measure(o.form)]);
    const [sendFlood, issuesDuringSend, formDuringSend] = await Promise.all([flood('send'), measure(o.issues), measure(o.form)]);
    const [lookupFlood, issuesDuringLookup, formDuringLookup] = await Promise.all([flood('lookup'), measure(o.issues), measure(o.form)]);
    // A real citizen from another address still gets through during and after the floods.
    const honest = await send('10.0.0.4', 2);

    const row = (name: string, r: Run) => console.log(`${name.padEnd(52)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)}   ${JSON.stringify(r.statuses)}`);
    console.log('\nclient                                                 req/s  p50 ms  p99 ms   answers');
    row('others: GET /api/public/local-issues, alone', alone[0]!);
    row('others: GET /api/public/feedback-form, alone', alone[1]!);
    row('control: GET /api/health at full speed', healthFlood);
    row('others: GET /api/public/local-issues, during it', issuesDuringHealth);
    row('others: GET /api/public/feedback-form, during it', formDuringHealth);
    row('FLOOD: POST /api/public/feedback from 10.6.6.6', sendFlood);
    row('others: GET /api/public/local-issues, during it', issuesDuringSend);
    row('others: GET /api/public/feedback-form, during it', formDuringSend);
    row('FLOOD: GET /api/public/feedback/:code from 10.6.6.6', lookupFlood);
    row('others: GET /api/public/local-issues, during it', issuesDuringLookup);
    row('others: GET /api/public/feedback-form, during it', formDuringLookup);
    const both = (runs: Run[]) => ({ rps: runs[0]!.rps + runs[1]!.rps, p50: Math.max(runs[0]!.p50, runs[1]!.p50), p99: Math.max(runs[0]!.p99, runs[1]!.p99), statuses: {} });
    const ratio = (b: Run) => `${((100 * b.rps) / both(alone).rps).toFixed(0)}% of their throughput alone, p50 ${both(alone).p50} → ${b.p50} ms`;
    console.log(`\nothers during the control flood: ${ratio(both([issuesDuringHealth, formDuringHealth]))}`);
    console.log(`others during the send flood:    ${ratio(both([issuesDuringSend, formDuringSend]))}`);
    console.log(`others during the lookup flood:  ${ratio(both([issuesDuringLookup, formDuringLookup]))}`);
    console.log(`the send flood stored ${sendFlood.statuses['201'] ?? 0} message(s) (merged into one record) and was refused ${sendFlood.statuses['429'] ?? 0} times`);
    console.log(`an honest citizen from another address, after the floods: HTTP ${honest.status}`);

    // In-process timing of the lookup itself: known and unknown codes interleaved.
    const local = openDatabase({ sqliteFile: path.join(dataDir, 'tusoi.db') });
    const ctx = { handle: local, config: loadConfig({ DATA_DIR: dataDir }), version: 'bench' };
    const known: number[] = [];
    const unknown: number[] = [];
    const guess = () => Array.from({ length: 12 }, () => '23456789ACDEGHKMNPRSTUVXY'[Math.floor(Math.random() * 25)]).join('');
    for (let i = 0; i < 4000; i++) {
      const isKnown = i % 2 === 0;
      const t0 = performance.now();
      try {
        await publicStatus(ctx, isKnown ? sent.trackingCode : guess());
      } catch {
        // the unknown code's 404
      }
      (isKnown ? known : unknown).push(performance.now() - t0);
    }
    await local.close();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;
    console.log(
      `\ntracking-code lookup in-process (2,000 each, interleaved): known median ${(median(known) * 1000).toFixed(0)} µs, p90 ${(p90(known) * 1000).toFixed(0)} µs; unknown median ${(median(unknown) * 1000).toFixed(0)} µs, p90 ${(p90(unknown) * 1000).toFixed(0)} µs`,
    );
    console.log('(a found code also reads its categories and issue to present them; the 404 reveals no more than the status code itself does.)');
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
